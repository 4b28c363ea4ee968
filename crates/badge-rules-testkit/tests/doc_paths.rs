//! The docs name files that exist: every path written in backticks in
//! `docs/*.md`, the READMEs and `fuzz/`'s notes, from the repository's root
//! (`crates/…`, `tests/…`, `www/…`, `docs/…`, `examples/…`, `scripts/…`,
//! `fuzz/…`), is a file or folder of the repository. A recipe's placeholder
//! (`locale/xx.rs`) is not a path. Moving a file fails this test until the
//! docs follow.

use std::path::Path;

const ROOTS: [&str; 7] = [
    "crates/",
    "tests/",
    "www/",
    "docs/",
    "examples/",
    "scripts/",
    "fuzz/",
];

/// What builds make, absent from a clone.
const GENERATED: [&str; 3] = [
    "crates/badge-rules-wasm/pkg",
    "www/test-artifacts",
    "www/dist",
];

#[test]
fn every_path_the_docs_name_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs: Vec<_> = ["README.md", "BENCHMARKS.md"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    for folder in ["docs", "crates"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                docs.push(path);
            } else if path.join("README.md").is_file() {
                docs.push(path.join("README.md"));
            }
        }
    }
    let mut missing = Vec::new();
    let mut named = 0;
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        for (i, quoted) in text.split('`').enumerate() {
            // Odd pieces are inside backticks.
            if i % 2 == 0 || quoted.contains(char::is_whitespace) {
                continue;
            }
            let path = quoted.trim_end_matches([':', ',', '.']);
            let path = path.split(['#', '(']).next().unwrap_or(path);
            if !ROOTS.iter().any(|r| path.starts_with(r))
                || path.contains("xx")
                || path.contains('*')
                || path.contains('<')
                || path.contains("{")
            {
                continue;
            }
            if GENERATED.iter().any(|g| path.starts_with(g)) {
                continue;
            }
            named += 1;
            // A crate's README names its files from the crate's folder.
            let here = doc.parent().unwrap_or(&root);
            if !root.join(path).exists() && !here.join(path).exists() {
                missing.push(format!(
                    "{}: {path}",
                    doc.strip_prefix(&root).unwrap_or(doc).display()
                ));
            }
        }
    }
    assert!(
        named > 30,
        "only {named} paths found in the docs: the reader is broken"
    );
    assert!(
        missing.is_empty(),
        "the docs name paths that do not exist:\n{}",
        missing.join("\n")
    );
}
