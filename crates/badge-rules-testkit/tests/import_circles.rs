//! No import circle in any crate of the workspace, file by file
//! (`badge_rules_testkit::imports`): a file that names an item of a second
//! file, which names one of the first, directly or through others, fails
//! this test with the names that tie them.

use std::path::Path;

use badge_rules_testkit::imports::{circles, Graph};

#[test]
fn no_crate_has_an_import_circle() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    let mut measured = 0;
    for entry in std::fs::read_dir(&crates).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("Cargo.toml").is_file() {
            continue;
        }
        let graph = Graph::of_crate(&dir).unwrap();
        measured += graph.edges.len();
        for circle in circles(&graph) {
            found.push(format!(
                "{}: {circle}",
                dir.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        measured > 40,
        "only {measured} importing files found: the reader is broken"
    );
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

/// A crate written in a temporary folder: (path, text) pairs.
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a temporary folder that cannot be written stops the test"
)]
fn scratch(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("import-circles-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    dir
}

#[test]
fn a_circle_through_a_macro_and_a_nested_use_is_found() {
    let dir = scratch(
        "macro",
        &[
            ("src/lib.rs", "mod rules;\n"),
            (
                "src/rules/mod.rs",
                "mod prices;\nfn table() { row!(prices::ba12); }\npub struct Out;\n",
            ),
            (
                "src/rules/prices.rs",
                "use super::Out;\npub fn ba12(_: &Out) {}\n",
            ),
        ],
    );
    let found = circles(&Graph::of_crate(&dir).unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].files, ["src/rules/mod.rs", "src/rules/prices.rs"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_re_export_is_followed_to_its_definition() {
    // lib.rs re-exports Lang from locale; locale uses report; report uses
    // crate::Lang: a circle between locale and report, not through lib.rs.
    let dir = scratch(
        "reexport",
        &[
            (
                "src/lib.rs",
                "mod locale;\nmod report;\npub use locale::Lang;\n",
            ),
            (
                "src/locale.rs",
                "use crate::report::Key;\npub enum Lang { En }\n",
            ),
            (
                "src/report.rs",
                "pub struct Key;\nfn f(_: crate::Lang) {}\n",
            ),
        ],
    );
    let found = circles(&Graph::of_crate(&dir).unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].files, ["src/locale.rs", "src/report.rs"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn keys_below_both_sides_and_test_modules_make_no_circle() {
    let dir = scratch(
        "clean",
        &[
            (
                "src/lib.rs",
                "mod keys;\nmod locale;\nmod report;\npub use keys::Key;\n",
            ),
            ("src/keys.rs", "pub enum Key { A }\n"),
            ("src/locale.rs", "use crate::Key;\npub fn text(_: Key) {}\n"),
            (
                "src/report.rs",
                "use crate::keys::Key;\npub fn show(k: Key) { crate::locale::text(k) }\n",
            ),
            ("src/other.rs", "use crate::report::show;\n"), // declared by no root: not measured
        ],
    );
    let graph = Graph::of_crate(&dir).unwrap();
    assert_eq!(circles(&graph), vec![]);
    assert!(graph.edges["src/report.rs"].contains_key("src/locale.rs"));
    assert!(!graph.edges.contains_key("src/other.rs"));
    std::fs::remove_dir_all(dir).unwrap();
}
