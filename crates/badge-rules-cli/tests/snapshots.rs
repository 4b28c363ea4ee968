//! Snapshots of what the `badge-rules` binary prints for people: every
//! example's text report in English and Polish and its Allegro answer
//! (`--format allegro`, in English and for Allegro's pl-PL), the catalogue
//! with every code's routes, the sandbox's terms, the rule list and the help
//! pages, each with its stderr and exit
//! status, so a change to any of them shows as a diff under `tests/snapshots/`.
//!
//! Regenerate after an intended change with `INSTA_UPDATE=always cargo test
//! -p badge-rules-cli --test snapshots` (or `cargo insta review`), and read
//! the diff before committing it.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_badge-rules");

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary in the repository's root (so file names print as
/// `examples/...`), with nothing on its standard input.
fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(repo_root())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary starts")
}

/// The exit status, stdout and stderr of a run, each stream verbatim between
/// markers so that a missing or extra newline shows too.
fn transcript(args: &[&str]) -> String {
    let out = run(args);
    let mut s = String::new();
    writeln!(s, "$ badge-rules {}", args.join(" ")).unwrap();
    match out.status.code() {
        Some(code) => writeln!(s, "exit status: {code}").unwrap(),
        None => writeln!(s, "killed: {}", out.status).unwrap(),
    }
    s.push_str("--- stdout\n");
    s.push_str(&String::from_utf8(out.stdout).expect("stdout is UTF-8"));
    s.push_str("--- stderr\n");
    s.push_str(&String::from_utf8(out.stderr).expect("stderr is UTF-8"));
    s.push_str("--- end\n");
    s
}

fn snapshot(name: &str, args: &[&str]) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, transcript(args)));
}

/// The check documents of `examples/`, by file name.
fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples/ is readable")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_example_as_text_in_both_languages() {
    let names = examples();
    assert!(!names.is_empty(), "no example to run");
    for name in &names {
        let stem = name.trim_end_matches(".json");
        let path = format!("examples/{name}");
        for lang in ["en", "pl"] {
            snapshot(
                &format!("check-{stem}-{lang}"),
                &["check", "--format", "text", "--lang", lang, &path],
            );
        }
    }
}

#[test]
fn every_example_as_allegros_answer() {
    let names = examples();
    assert!(!names.is_empty(), "no example to run");
    for name in &names {
        let stem = name.trim_end_matches(".json");
        let path = format!("examples/{name}");
        snapshot(
            &format!("allegro-{stem}-en"),
            &["check", "--format", "allegro", &path],
        );
        snapshot(
            &format!("allegro-{stem}-pl-PL"),
            &["check", "--format", "allegro", "--lang", "pl-PL", &path],
        );
    }
}

#[test]
fn codes_in_both_languages() {
    snapshot("codes-text-en", &["codes"]);
    snapshot("codes-text-pl", &["codes", "--lang", "pl"]);
    snapshot(
        "codes-json-pl",
        &["codes", "--lang", "pl", "--format", "json"],
    );
}

#[test]
fn terms_of_the_sandbox_as_text() {
    snapshot(
        "terms-sandbox-text",
        &["terms", "SANDBOX_TEST_CAMPAIGN", "--format", "text"],
    );
    snapshot(
        "terms-sandbox-text-pl",
        &[
            "terms",
            "SANDBOX_TEST_CAMPAIGN",
            "--format",
            "text",
            "--lang",
            "pl",
        ],
    );
    snapshot("terms-sandbox-json", &["terms", "SANDBOX_TEST_CAMPAIGN"]);
    // Not a built-in campaign: its terms are not known, an error (exit 2).
    snapshot("terms-nope", &["terms", "NOPE"]);
    snapshot("terms-nope-pl", &["terms", "NOPE", "--lang", "pl"]);
}

#[test]
fn built_in_campaigns_listed() {
    snapshot("terms-list-en", &["terms", "--list"]);
    snapshot("terms-list-pl", &["terms", "--list", "--lang", "pl"]);
    snapshot(
        "terms-list-json-pl",
        &["terms", "--list", "--format", "json", "--lang", "pl"],
    );
    snapshot("terms-list-and-id", &["terms", "--list", "BARGAIN"]);
    snapshot("terms-nothing", &["terms"]);
}

#[test]
fn rules_in_both_languages() {
    snapshot("rules-text-en", &["rules"]);
    snapshot("rules-text-pl", &["rules", "--lang", "pl"]);
    snapshot("rules-json", &["rules", "--format", "json"]);
}

#[test]
fn an_unknown_language_is_bad_usage() {
    snapshot(
        "lang-unknown",
        &["check", "--lang", "de", "examples/sandbox-accept.json"],
    );
}

#[test]
fn help_pages() {
    snapshot("help", &["--help"]);
    snapshot("help-check", &["help", "check"]);
    snapshot("help-codes", &["help", "codes"]);
    snapshot("help-terms", &["help", "terms"]);
    snapshot("help-rules", &["help", "rules"]);
}

/// Issue 23 (8): an input given in the wrong place says what it is: a GET
/// /sale/offers page given to `check` or as `plan --context`, a campaign
/// the context does not list (one error, not a BA10 line per offer).
#[test]
fn misplaced_inputs_say_what_they_are() {
    let page = "examples/plan/offers-page.json";
    snapshot("check-offers-page", &["check", page]);
    snapshot(
        "check-offers-page-json",
        &["check", "--format", "json", page],
    );
    snapshot(
        "plan-context-offers-page",
        &["plan", "--context", page, page],
    );
    snapshot(
        "plan-campaign-not-in-context",
        &[
            "plan",
            "--context",
            "examples/plan/context.json",
            "--campaign",
            "NOPE",
            "--campaign",
            "HIT",
            page,
        ],
    );
}
