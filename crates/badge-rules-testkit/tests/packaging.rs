//! The published crates (badge-rules, badge-rules-ledger, badge-rules-cli,
//! and badge-rules-server, which the CLI's `serve` depends on)
//! stand alone: each writes its package fields and lints out instead of
//! inheriting them from the workspace (a copy of the crate, or the packaged
//! crate, has no workspace to inherit from), with the same values as the
//! workspace; each has the metadata crates.io shows, its README and the
//! licences; `cargo package --list` lists them without a warning (a missing
//! description, licence or README would be one), and only their sources, the
//! README and the licences: not the tests, the benchmarks and the examples
//! that read the workspace's corpus and fixtures or its unpublished testkit
//! (packing them, `cargo package` says once for each that it leaves it out);
//! and the README's example is the crate's documentation front page, where it
//! runs as a doctest. (`--list` needs no network, and takes a fraction of a
//! second: the packing itself is checked by hand, see README.md.)

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crates meant for crates.io.
const PUBLISHED: [&str; 5] = [
    "badge-rules",
    "badge-rules-ledger",
    "badge-rules-audit",
    "badge-rules-cli",
    "badge-rules-server",
];

/// The package fields each published crate repeats from `[workspace.package]`.
const SHARED: [&str; 5] = [
    "version",
    "edition",
    "license",
    "repository",
    "rust-version",
];

/// The fields crates.io shows, which each published crate must have.
const REQUIRED: [&str; 6] = [
    "description",
    "readme",
    "keywords",
    "categories",
    "include",
    "license",
];

/// crates.io's category slugs (its src/boot/categories.toml), the top
/// levels and the subcategories a crate of this workspace could fit.
const CATEGORIES: [&str; 16] = [
    "api-bindings",
    "command-line-utilities",
    "database",
    "date-and-time",
    "development-tools",
    "development-tools::testing",
    "encoding",
    "internationalization",
    "localization",
    "parser-implementations",
    "parsing",
    "text-processing",
    "value-formatting",
    "wasm",
    "web-programming",
    "web-programming::http-client",
];

/// The workspace's root directory.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of a file of the workspace ("" when it cannot be read: the
/// comparisons then fail naming it).
fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_default()
}

/// The `key = value` lines of the TOML table `[header]` (values as written),
/// comments and blank lines left out. One line per key: these manifests
/// write every value on one line.
fn table(text: &str, header: &str) -> Vec<(String, String)> {
    let opening = format!("[{header}]");
    text.lines()
        .skip_while(|line| line.trim() != opening)
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with('['))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// The value of `key` in `[header]`, as written.
fn field(text: &str, header: &str, key: &str) -> Option<String> {
    table(text, header)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value)
}

/// The strings of a one-line TOML array of strings.
fn strings(array: &str) -> Vec<String> {
    array
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|item| item.trim().trim_matches('"').to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The first fenced block of Rust code in `text` (a ```` ```rust ```` block
/// of a README).
fn readme_example(text: &str) -> String {
    text.lines()
        .skip_while(|line| line.trim() != "```rust")
        .skip(1)
        .take_while(|line| line.trim() != "```")
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The first doctest of a crate's front page (its `//!` lines), with
/// rustdoc's hidden lines (`# ...`) shown as a reader copies them.
fn front_page_example(source: &str) -> String {
    source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .skip_while(|line| line.trim() != "```")
        .skip(1)
        .take_while(|line| line.trim() != "```")
        .map(|line| line.strip_prefix("# ").unwrap_or(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// What `cargo package -p CRATE --allow-dirty --no-verify --list` prints:
/// the files the crate would ship, whether it succeeded, and its stderr
/// (warnings).
fn package_list(krate: &str) -> (Vec<String>, bool, String) {
    let output = Command::new(env!("CARGO"))
        .current_dir(root())
        .args([
            "package",
            "-p",
            krate,
            "--allow-dirty",
            "--no-verify",
            "--list",
            "--offline",
        ])
        .output();
    match output {
        Ok(out) => (
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned)
                .collect(),
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        Err(e) => (Vec::new(), false, format!("cargo could not run: {e}")),
    }
}

#[test]
fn the_published_crates_inherit_nothing_from_the_workspace() {
    for krate in PUBLISHED {
        let manifest = read(&format!("crates/{krate}/Cargo.toml"));
        assert!(
            !manifest.is_empty(),
            "crates/{krate}/Cargo.toml cannot be read"
        );
        let inherited: Vec<&str> = manifest
            .lines()
            .map(|line| line.split('#').next().unwrap_or_default())
            .filter(|line| line.replace(' ', "").contains("workspace=true"))
            .collect();
        assert!(
            inherited.is_empty(),
            "crates/{krate}/Cargo.toml inherits from the workspace, which a copy or the packaged \
crate has not: write the value out instead of {inherited:?}"
        );
    }
}

#[test]
fn the_published_crates_repeat_the_workspace_values() {
    let workspace = read("Cargo.toml");
    for krate in PUBLISHED {
        let manifest = read(&format!("crates/{krate}/Cargo.toml"));
        for key in SHARED {
            let want = field(&workspace, "workspace.package", key);
            assert!(want.is_some(), "[workspace.package] has no {key}");
            assert_eq!(
                field(&manifest, "package", key),
                want,
                "crates/{krate}/Cargo.toml's {key} is not [workspace.package]'s (the root \
Cargo.toml): set both to the same value"
            );
        }
        for lints in ["rust", "clippy"] {
            let mut want = table(&workspace, &format!("workspace.lints.{lints}"));
            let mut got = table(&manifest, &format!("lints.{lints}"));
            want.sort();
            got.sort();
            assert!(!want.is_empty(), "[workspace.lints.{lints}] is empty");
            assert_eq!(
                got, want,
                "crates/{krate}/Cargo.toml's [lints.{lints}] is not the root Cargo.toml's \
[workspace.lints.{lints}]"
            );
        }
        // The crates it depends on by path carry a version, which the packaged
        // crate asks crates.io for.
        let unversioned: Vec<(String, String)> = table(&manifest, "dependencies")
            .into_iter()
            .filter(|(_, value)| value.contains("path =") && !value.contains("version ="))
            .collect();
        assert!(
            unversioned.is_empty(),
            "crates/{krate}: a path dependency without a version cannot be packaged: {unversioned:?}"
        );
    }
}

#[test]
fn the_published_crates_have_the_metadata_crates_io_shows() {
    for krate in PUBLISHED {
        let manifest = read(&format!("crates/{krate}/Cargo.toml"));
        for key in REQUIRED {
            assert!(
                field(&manifest, "package", key).is_some_and(|v| v.len() > 2),
                "crates/{krate}/Cargo.toml has no {key}"
            );
        }
        assert_eq!(
            field(&manifest, "package", "readme").as_deref(),
            Some("\"README.md\"")
        );
        let keywords = strings(&field(&manifest, "package", "keywords").unwrap_or_default());
        assert!(
            (1..=5).contains(&keywords.len()),
            "crates/{krate}: crates.io takes 1 to 5 keywords, not {keywords:?}"
        );
        for keyword in &keywords {
            assert!(
                keyword.len() <= 20
                    && keyword.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && keyword
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_+".contains(c)),
                "crates/{krate}: crates.io refuses the keyword {keyword:?}"
            );
        }
        let categories = strings(&field(&manifest, "package", "categories").unwrap_or_default());
        assert!(
            (1..=5).contains(&categories.len()),
            "crates/{krate}: 1 to 5 categories"
        );
        for category in &categories {
            assert!(
                CATEGORIES.contains(&category.as_str()),
                "crates/{krate}: {category:?} is not a crates.io category slug"
            );
        }
        for file in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"] {
            let text = read(&format!("crates/{krate}/{file}"));
            assert!(!text.is_empty(), "crates/{krate}/{file} is missing");
            if file.starts_with("LICENSE") {
                assert_eq!(
                    text,
                    read(file),
                    "crates/{krate}/{file} is not the root's {file}"
                );
            }
        }
    }
}

#[test]
fn the_readme_examples_are_the_front_page_doctests() {
    for (krate, lib) in [
        ("badge-rules", "src/lib.rs"),
        ("badge-rules-ledger", "src/lib.rs"),
    ] {
        let readme = readme_example(&read(&format!("crates/{krate}/README.md")));
        let front = front_page_example(&read(&format!("crates/{krate}/{lib}")));
        assert!(
            !front.is_empty(),
            "crates/{krate}/{lib} has no example on its front page"
        );
        assert_eq!(
            readme, front,
            "crates/{krate}/README.md's example is not the front page's doctest (crates/{krate}/{lib}): \
copy it over"
        );
    }
}

#[test]
fn cargo_packages_each_crate_without_a_warning_nor_the_workspace_tests() {
    for krate in PUBLISHED {
        let (files, success, stderr) = package_list(krate);
        assert!(
            success && !stderr.contains("warning"),
            "cargo package -p {krate} --list: {stderr}"
        );
        for needed in ["Cargo.toml", "README.md", "LICENSE-MIT", "LICENSE-APACHE"] {
            assert!(
                files.iter().any(|f| f == needed),
                "{krate} would not ship {needed}: {files:?}"
            );
        }
        // Only the sources, the manifests and the files named above; the
        // core also ships the example that needs nothing else.
        let extra: Vec<&String> = files
            .iter()
            .filter(|f| !f.starts_with("src/"))
            .filter(|f| {
                ![
                    ".cargo_vcs_info.json",
                    "Cargo.lock",
                    "Cargo.toml",
                    "Cargo.toml.orig",
                    "README.md",
                    "LICENSE-MIT",
                    "LICENSE-APACHE",
                ]
                .contains(&f.as_str())
            })
            .filter(|f| !(krate == "badge-rules" && *f == "examples/check.rs"))
            // The server serves its OpenAPI description (include_str!).
            .filter(|f| !(krate == "badge-rules-server" && *f == "openapi.json"))
            .collect();
        assert!(extra.is_empty(), "{krate} would ship {extra:?}");
    }
}
