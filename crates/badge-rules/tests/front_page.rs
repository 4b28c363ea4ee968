//! The rustdoc front page (the crate's `//!` docs in `src/lib.rs`): every
//! public module in its map, links that rustdoc resolves (no intra-doc link
//! to another crate, which `cargo doc --no-deps` prints as plain brackets),
//! and no plain-text reference to a file outside the crate.

const LIB: &str = include_str!("../src/lib.rs");

fn front_page() -> String {
    LIB.lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The crate's public modules: `pub mod x;` and the re-exported `json_scan`.
fn modules() -> Vec<&'static str> {
    LIB.lines()
        .filter_map(|l| {
            l.strip_prefix("pub mod ").or_else(|| {
                l.strip_prefix("pub use read::json_scan")
                    .map(|_| "json_scan;")
            })
        })
        .map(|l| l.trim_end_matches(';'))
        .collect()
}

#[test]
fn every_public_module_is_in_the_front_pages_map() {
    let page = front_page();
    let modules = modules();
    assert!(modules.len() > 10, "{modules:?}");
    for module in modules {
        assert!(
            page.contains(&format!("[`{module}`]")),
            "{module} is not in the front page's map"
        );
    }
}

#[test]
fn the_front_page_links_only_what_rustdoc_resolves_and_names_no_outside_file() {
    let page = front_page();
    for (i, link) in page.match_indices("[`") {
        let rest = &page[i + 2..];
        let target = &rest[..rest.find('`').unwrap_or(rest.len())];
        let explicit = rest.find("`](").is_some_and(|at| at == target.len());
        let first = target.split("::").next().unwrap_or_default();
        let ours = first.starts_with(char::is_uppercase) || modules().contains(&first);
        assert!(
            explicit || !target.contains("::") || ours,
            "{link}{target}: an intra-doc link to another crate renders as text with --no-deps"
        );
    }
    for outside in [".md", "docs/", "tests/", "examples/", "../"] {
        assert!(
            !page.contains(outside),
            "the front page names a file outside the crate ({outside})"
        );
    }
}
