//! A reader that stops reading (`badge-rules ... | head -1`) ends the run
//! quietly: nothing on stderr, and the exit status the run had earned (0 for
//! `--jsonl`, `codes`, `terms` and `rules`, the verdict's for one document), as
//! ripgrep does.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_badge-rules");

fn spawn(args: &[&str]) -> Child {
    Command::new(BIN)
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Waits for `child` and gives its exit status and stderr.
fn finish(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

/// Runs `args` with stdout closed before the child writes anything.
fn closed_at_once(args: &[&str]) -> (Option<i32>, String) {
    let mut child = spawn(args);
    drop(child.stdout.take());
    drop(child.stdin.take());
    finish(child)
}

#[test]
fn jsonl_stops_quietly_after_the_first_line_is_read() {
    let doc = r#"{"kind": "application", "now": "2026-11-23T12:00:00Z", "request": {"campaign": {"id": "SANDBOX_TEST_CAMPAIGN"}, "offer": {"id": "12345678"}, "prices": {"bargain": {"amount": "130.00", "currency": "PLN"}}}, "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
    // Megabytes of answers: far more than a pipe holds.
    let input = format!("{doc}\n").repeat(5000).into_bytes();
    for jobs in ["1", "2"] {
        let mut child = spawn(&["check", "--jsonl", "--jobs", jobs, "-"]);
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        // The child stops reading once its output is gone: that write fails.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        assert!(first.starts_with("{\"verdict\":"), "{first}");
        drop(stdout);
        let (status, stderr) = finish(child);
        writer.join().unwrap();
        assert_eq!(stderr, "", "--jobs {jobs}");
        assert_eq!(status, Some(0), "--jobs {jobs}");
    }
}

#[test]
fn codes_terms_and_rules_stop_quietly() {
    for args in [
        &["codes"][..],
        &["codes", "--format", "json"],
        &["terms", "SANDBOX_TEST_CAMPAIGN"],
        &["terms", "SANDBOX_TEST_CAMPAIGN", "--format", "text"],
        &["rules"],
        &["rules", "--format", "json"],
    ] {
        assert_eq!(closed_at_once(args), (Some(0), String::new()), "{args:?}");
    }
}

#[test]
fn one_document_keeps_its_verdict() {
    let path = "examples/sandbox-too-shallow.json";
    for format in ["text", "json"] {
        let got = closed_at_once(&["check", "--format", format, path]);
        assert_eq!(got, (Some(1), String::new()), "--format {format}");
    }
    // An input error is still told on stderr: it is the answer, not the pipe.
    let got = closed_at_once(&[
        "check",
        "--format",
        "json",
        "examples/input-error-within-without-to.json",
    ]);
    assert_eq!(
        got,
        (
            Some(2),
            "badge-rules: campaigns[0].publication.to: a WITHIN period needs `to`\n".into()
        )
    );
}

#[test]
fn help_and_version_stop_quietly_on_a_closed_pipe() {
    for args in [&["--help"][..], &["--version"], &["check", "--help"]] {
        assert_eq!(closed_at_once(args), (Some(0), String::new()), "{args:?}");
    }
}

/// Help written to a full disk is lost: that is an error (status 2, said on
/// stderr), never a silent 0.
#[test]
fn help_to_a_full_disk_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_badge-rules"))
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("badge-rules: cannot write the output: "),
        "{stderr}"
    );
}
