//! The `badge-rules` binary, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{run, BIN};

use badge_rules::catalogue::{self, Code};
use badge_rules::Lang;
use badge_rules_testkit::corpus;
use serde_json::Value;

#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[expect(
    clippy::expect_used,
    reason = "a test helper: a failure is the test failing"
)]
fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> String {
    repo_root()
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// The exit status the CLI promises for an outcome line.
#[expect(clippy::panic, reason = "a test helper: a failure is the test failing")]
fn exit_for(outcome: &Value) -> i32 {
    if outcome.get("error").is_some() {
        return 2;
    }
    match outcome["verdict"].as_str() {
        Some("ACCEPT") => 0,
        Some("REJECT") => 1,
        Some("INCOMPLETE") => 3,
        other => panic!("no verdict in {outcome}: {other:?}"),
    }
}

#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn violation_codes(report: &Value) -> Vec<String> {
    let mut codes: Vec<String> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

// (a) The conformance corpus through the binary.

#[test]
fn corpus_through_jsonl_and_single_runs() {
    let vectors = corpus::load();
    if vectors.is_empty() {
        eprintln!("the conformance corpus is empty: nothing to run");
        return;
    }
    let mut input = String::new();
    for v in &vectors {
        input.push_str(&serde_json::to_string(&v.document).unwrap());
        input.push('\n');
    }
    let out = run(&["check", "--jsonl"], input.as_bytes());
    assert_eq!(code(&out), 0, "jsonl run failed: {}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), vectors.len(), "one output line per input line");

    // The CLI's own contract: the single-document output is the jsonl line,
    // byte for byte, and the exit status follows the outcome.
    let mut cli_failures = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        let is_error = v.expect.error.is_some();
        if i % 5 != 0 && !is_error {
            continue;
        }
        let outcome: Value = serde_json::from_str(lines[i]).unwrap();
        let document = serde_json::to_string(&v.document).unwrap();
        let single = run(&["check", "--format", "json", "-"], document.as_bytes());
        if stdout(&single) != format!("{}\n", lines[i]) {
            cli_failures.push(format!(
                "{}: single run printed {:?}, jsonl line was {:?}",
                v.id,
                stdout(&single),
                lines[i]
            ));
        }
        if code(&single) != exit_for(&outcome) {
            cli_failures.push(format!(
                "{}: exit {} for outcome {}",
                v.id,
                code(&single),
                lines[i]
            ));
        }
        let err = stderr(&single);
        if exit_for(&outcome) == 2 {
            let path = outcome["error"]["path"].as_str().unwrap();
            if err.lines().count() != 1 || !err.starts_with("badge-rules: ") || !err.contains(path)
            {
                cli_failures.push(format!("{}: stderr {err:?} does not name {path:?}", v.id));
            }
        } else if !err.is_empty() {
            cli_failures.push(format!("{}: unexpected stderr {err:?}", v.id));
        }
    }
    assert!(
        cli_failures.is_empty(),
        "CLI contract broken for {} vectors:\n{}",
        cli_failures.len(),
        cli_failures.join("\n")
    );

    // The rules: each line against the vector's expectation.
    let rule_failures: Vec<String> = vectors
        .iter()
        .zip(&lines)
        .filter_map(|(v, line)| {
            let outcome: Value = serde_json::from_str(line).unwrap();
            corpus::compare(&v.expect, &outcome)
                .err()
                .map(|e| format!("  {}: {e}", v.id))
        })
        .collect();
    assert!(
        rule_failures.is_empty(),
        "{} of {} conformance vectors fail through the CLI (the same failures should show in \
         the core's conformance test: these are rule failures, not CLI ones):\n{}",
        rule_failures.len(),
        vectors.len(),
        rule_failures.join("\n")
    );
}

// (b) Exit statuses and stderr.

#[test]
fn context_error_exits_2_naming_the_path() {
    let path = example("input-error-within-without-to.json");
    for format in ["text", "json"] {
        let out = run(&["check", "--format", format, &path], b"");
        assert_eq!(code(&out), 2);
        assert_eq!(
            stderr(&out),
            "badge-rules: campaigns[0].publication.to: a WITHIN period needs `to`\n"
        );
    }
    // Programs also get the error object, as a --jsonl run would write it.
    let out = run(&["check", "--format", "json", &path], b"");
    assert_eq!(
        stdout(&out),
        "{\"error\":{\"kind\":\"context\",\"code\":\"PERIOD_BOUND\",\
         \"path\":\"campaigns[0].publication.to\",\"message\":\"a WITHIN period needs `to`\",\
         \"params\":{\"bound\":\"to\",\"type\":\"WITHIN\"}}}\n"
    );
    // Text output stays empty: the message is on stderr.
    let out = run(&["check", &path], b"");
    assert_eq!(stdout(&out), "");
}

#[test]
fn shape_and_syntax_errors_exit_2() {
    let out = run(
        &["check"],
        br#"{"kind": "application", "offer": {"stock": {"available": "many"}}}"#,
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.starts_with("badge-rules: offer.stock.available: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    let out = run(&["check", "-"], b"{\"kind\": ");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).starts_with("badge-rules: not valid JSON at line 1"));

    let out = run(&["check"], b"");
    assert_eq!(code(&out), 2);

    let out = run(&["check"], b"\xff\xfe{}");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
}

#[test]
fn unreadable_file_exits_2() {
    let out = run(&["check", "/nonexistent/badge-rules/doc.json"], b"");
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.starts_with("badge-rules: cannot read /nonexistent/badge-rules/doc.json: "),
        "{err}"
    );
    assert_eq!(stdout(&out), "");

    let dir = repo_root().join("examples").to_string_lossy().into_owned();
    let out = run(&["check", &dir], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot read"));

    let out = run(&["check", "--jsonl", "/nonexistent/x.jsonl"], b"");
    assert_eq!(code(&out), 2);
}

#[test]
fn stdin_by_dash_or_by_default_same_as_file() {
    let path = example("sandbox-too-shallow.json");
    let text = std::fs::read(&path).unwrap();
    let from_file = run(&["check", "--format", "json", &path], b"");
    let from_dash = run(&["check", "--format", "json", "-"], &text);
    let from_default = run(&["check", "--format", "json"], &text);
    assert_eq!(code(&from_file), 1);
    assert_eq!(from_file.stdout, from_dash.stdout);
    assert_eq!(from_file.stdout, from_default.stdout);
    assert_eq!(code(&from_dash), 1);
    assert_eq!(code(&from_default), 1);
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(code(&run(&["check", "--lang", "de"], b"{}")), 2);
    assert_eq!(code(&run(&["check", "--format", "yaml"], b"{}")), 2);
    assert_eq!(code(&run(&["frobnicate"], b"")), 2);
    let out = run(&["check", "--jsonl", "--format", "text"], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--jsonl"));
    assert_eq!(code(&run(&["terms"], b"")), 2);
}

#[test]
fn jsonl_keeps_lines_aligned_and_goes_on() {
    let good = std::fs::read_to_string(example("sandbox-accept.json"))
        .unwrap()
        .replace('\n', "");
    let input = format!("{good}\n\n{{not json\r\n{good}\r\n   \n\u{feff}{good}\n{good}");
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"\n\xff\n");
    let out = run(&["check", "--jsonl"], &bytes);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = lines
        .iter()
        .map(|l| {
            l.get("error").map_or_else(
                || l["verdict"].as_str().unwrap(),
                |e| e["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        ["ACCEPT", "syntax", "syntax", "ACCEPT", "syntax", "ACCEPT", "ACCEPT", "syntax"]
    );
    // A report line is exactly the single-document JSON output.
    let single = run(&["check", "--format", "json"], good.as_bytes());
    assert_eq!(stdout(&single).lines().next(), text.lines().next());
}

#[test]
fn jsonl_empty_input_gives_empty_output() {
    let out = run(&["check", "--jsonl"], b"");
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "");
}

#[test]
fn jsonl_lang_pl() {
    let doc = std::fs::read_to_string(example("sandbox-too-shallow.json"))
        .unwrap()
        .replace('\n', "");
    let out = run(&["check", "--jsonl", "--lang", "pl", "-"], doc.as_bytes());
    let report: Value = serde_json::from_str(stdout(&out).trim_end()).unwrap();
    assert_eq!(
        report["violations"][0]["message"],
        catalogue::info(Code::BA49).text(Lang::Pl)
    );
}

/// One line of each sort --jsonl meets: reports of every verdict, input
/// errors, a blank line, CRLF, a BOM, bytes that are not UTF-8, and a line
/// longer than a chunk (about 256 KB).
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn jsonl_sorts_of_line() -> Vec<Vec<u8>> {
    let one_line = |name: &str| {
        std::fs::read_to_string(example(name))
            .unwrap()
            .replace('\n', "")
    };
    let accept = one_line("sandbox-accept.json");
    let badge = r#"{"offer":{"id":"777"},"campaign":{"id":"HIT"},"process":{"status":"FINISHED"}}"#;
    let many = vec![badge; 4000].join(",");
    let long = accept.replace("\"badges\": []", &format!("\"badges\": [{many}]"));
    assert!(long.len() > 300_000, "the long line spans chunks");
    vec![
        accept.clone().into_bytes(),
        one_line("sandbox-too-shallow.json").into_bytes(),
        one_line("incomplete-no-account.json").into_bytes(),
        one_line("input-error-within-without-to.json").into_bytes(),
        one_line("partner-level-partner.json").into_bytes(),
        b"".to_vec(),
        b"{not json\r".to_vec(),
        format!("\u{feff}{accept}\r").into_bytes(),
        b"\xff".to_vec(),
        long.into_bytes(),
    ]
}

#[test]
fn jsonl_in_input_order_over_many_chunks_on_any_number_of_threads() {
    let sorts = jsonl_sorts_of_line();
    // Each sort's answer, from a single run: the line a --jsonl run must give.
    let answers: Vec<String> = sorts
        .iter()
        .map(|line| {
            let out = run(&["check", "--jsonl"], &[line.as_slice(), b"\n"].concat());
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let text = stdout(&out);
            assert_eq!(text.lines().count(), 1, "{text}");
            text
        })
        .collect();
    // About 3 MB: a dozen chunks.
    let mut input = Vec::new();
    let mut expected = String::new();
    let long = sorts.len() - 1;
    for i in 0..2000usize {
        // The long line twice; the others interleaved without a period.
        let k = if i % 1000 == 500 {
            long
        } else {
            (i * 7 + i / 13) % long
        };
        input.extend_from_slice(&sorts[k]);
        input.push(b'\n');
        expected.push_str(&answers[k]);
    }
    // The last line without its newline is still answered.
    input.extend_from_slice(&sorts[1]);
    expected.push_str(&answers[1]);
    let file = std::env::temp_dir().join(format!("badge-rules-jsonl-{}.jsonl", std::process::id()));
    std::fs::write(&file, &input).unwrap();
    let path = file.to_string_lossy().into_owned();
    for jobs in ["1", "2", "5"] {
        let piped = run(&["check", "--jsonl", "--jobs", jobs], &input);
        assert_eq!(code(&piped), 0, "{}", stderr(&piped));
        assert!(
            stdout(&piped) == expected,
            "--jobs {jobs}: lines out of order"
        );
        let from_file = run(&["check", "--jsonl", "--jobs", jobs, &path], b"");
        assert!(stdout(&from_file) == expected, "--jobs {jobs} FILE");
        // Not a terminal: stderr stays silent.
        assert_eq!(stderr(&from_file), "");
    }
    let default_jobs = run(&["check", "--jsonl", &path], b"");
    assert!(stdout(&default_jobs) == expected);
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn jsonl_jobs_must_be_a_positive_number() {
    for bad in ["--jobs=0", "--jobs=-1", "--jobs=many"] {
        let out = run(&["check", "--jsonl", bad], b"");
        assert_eq!(code(&out), 2, "--jobs {bad}");
        assert!(stderr(&out).contains("--jobs"), "{}", stderr(&out));
    }
}

/// With stderr on a terminal (util-linux `script` gives the run a pseudo
/// terminal), --jsonl draws its progress there and ends with the documents
/// per second; the reports on stdout are unchanged.
#[test]
fn jsonl_progress_and_rate_on_a_terminal() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("util-linux `script` is missing: the terminal case is not run");
        return;
    }
    let dir = std::env::temp_dir();
    let stem = format!("badge-rules-tty-{}", std::process::id());
    let input = dir.join(format!("{stem}.jsonl"));
    let output = dir.join(format!("{stem}.out"));
    let accept = std::fs::read_to_string(example("sandbox-accept.json"))
        .unwrap()
        .replace('\n', "");
    std::fs::write(&input, format!("{accept}\n").repeat(2000)).unwrap();
    let command = format!(
        "'{BIN}' check --jsonl '{}' > '{}'",
        input.display(),
        output.display()
    );
    let tty = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(tty.status.success(), "{tty:?}");
    let screen = String::from_utf8_lossy(&tty.stdout);
    assert!(
        screen.contains("[#") && screen.contains(" %  "),
        "{screen:?}"
    );
    assert!(
        screen.contains("badge-rules: 2,000 documents in ") && screen.contains(" documents/s"),
        "{screen:?}"
    );
    let reports = std::fs::read_to_string(&output).unwrap();
    assert_eq!(reports.lines().count(), 2000);
    let single = run(
        &["check", "--format", "json", &example("sandbox-accept.json")],
        b"",
    );
    assert!(reports.lines().all(|l| l == stdout(&single).trim_end()));
    std::fs::remove_file(&input).unwrap();
    std::fs::remove_file(&output).unwrap();
}

// (c) The text format.

#[test]
fn text_names_field_message_params_and_hint() {
    let out = run(&["check", &example("sandbox-too-shallow.json")], b"");
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.starts_with("REJECT"), "{text}");
    assert!(text.contains("BA49 prices.bargain.amount"), "{text}");
    assert!(
        text.contains(catalogue::info(Code::BA49).text(Lang::En)),
        "{text}"
    );
    assert!(text.contains("discountPercent=35"), "{text}");
    assert!(text.contains("minPercent=40"), "{text}");
    assert!(
        text.contains("Bargain prices that pass: 80.00\u{2013}120.00 PLN"),
        "{text}"
    );
}

#[test]
fn text_in_polish() {
    let out = run(
        &[
            "check",
            "--lang",
            "pl",
            &example("sandbox-too-shallow.json"),
        ],
        b"",
    );
    let text = stdout(&out);
    assert!(
        text.contains(catalogue::info(Code::BA49).text(Lang::Pl)),
        "{text}"
    );
    assert!(
        !text.contains(catalogue::info(Code::BA49).text(Lang::En)),
        "{text}"
    );
    assert!(
        text.contains("Ceny zniżkowe, które przejdą: 80,00\u{2013}120,00 PLN"),
        "amounts with a decimal comma: {text}"
    );
    assert!(
        text.contains("bargain=130,00; discountPercent=35; market=200,00"),
        "{text}"
    );
}

#[test]
fn text_lists_skipped_rules_with_what_they_need() {
    let out = run(&["check", &example("incomplete-no-account.json")], b"");
    assert_eq!(code(&out), 3);
    let text = stdout(&out);
    assert!(text.starts_with("INCOMPLETE"), "{text}");
    assert!(text.contains("Not checked (context missing):"), "{text}");
    assert!(text.contains("BB2 needs account"), "{text}");
}

#[test]
fn text_shows_warnings() {
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(example("sandbox-accept.json")).unwrap())
            .unwrap();
    doc["request"]["prices"]["market"] = serde_json::json!({"amount": "200.00", "currency": "PLN"});
    let out = run(&["check"], doc.to_string().as_bytes());
    let text = stdout(&out);
    assert!(text.contains("Warnings:"), "{text}");
    assert!(text.contains("SUGGESTED_MARKET_PRICE_IGNORED"), "{text}");
}

// (d) codes and terms.

#[test]
fn codes_lists_the_whole_catalogue() {
    let out = run(&["codes", "--format", "json"], b"");
    assert_eq!(code(&out), 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.len(), catalogue::ALL.len());
    assert_eq!(
        rows.len(),
        120,
        "110 of Allegro's codes and the engine's 10 ADS_* codes"
    );
    for (row, info) in rows.iter().zip(catalogue::ALL) {
        assert_eq!(row["code"], info.code.as_str());
        assert_eq!(row["text"], info.text(Lang::En));
        let check = if info.check.is_offline() {
            "offline"
        } else {
            "server-only"
        };
        assert_eq!(row["check"], check);
        assert_eq!(row.get("reason").is_some(), !info.check.is_offline());
    }

    let out = run(&["codes"], b"");
    let text = stdout(&out);
    for info in catalogue::ALL {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().next() == Some(info.code.as_str())),
            "{} missing",
            info.code.as_str()
        );
    }
    assert!(text.contains("120 codes: "), "{text}");

    let out = run(&["codes", "--lang", "pl"], b"");
    assert!(stdout(&out).contains(catalogue::info(Code::BB2).text(Lang::Pl)));
}

#[test]
fn codes_text_lists_each_route() {
    let text = stdout(&run(&["codes"], b""));
    let bb5 =
        "                                    POST /sale/badges: at once, HTTP 422 (documented)";
    assert!(text.lines().any(|l| l == bb5), "{text}");
    assert!(
        text.contains("POST /sale/badges: later, DECLINED after 202 (inferred)"),
        "{text}"
    );
    assert!(
        text.contains("POST /sale/badges: before sending, an eligibility refusal (documented)"),
        "{text}"
    );
    let pl = stdout(&run(&["codes", "--lang", "pl-PL"], b""));
    assert!(
        pl.contains("POST /sale/badges: od razu, HTTP 422 (udokumentowane)"),
        "{pl}"
    );
}

// (e) Allegro's answer, predicted.

/// What `check --format allegro` prints for `path`, and its exit status.
fn allegro(path: &str, lang: &str) -> (String, i32) {
    let out = run(&["check", "--format", "allegro", "--lang", lang, path], b"");
    (stdout(&out), code(&out))
}

#[test]
fn allegro_format_answers_with_allegros_response() {
    let (line, status) = allegro(&example("sandbox-too-shallow.json"), "en");
    assert_eq!(status, 1);
    let response: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(response["outcome"], "declined");
    assert_eq!(response["status"], 202);
    assert_eq!(response["then"]["body"]["process"]["status"], "DECLINED");
    assert_eq!(
        response["then"]["body"]["process"]["rejectionReasons"][0]["code"],
        "BA49"
    );

    let (line, status) = allegro(&example("discount-bad-currency-and-amount.json"), "pl-PL");
    assert_eq!(status, 1);
    let response: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(response["status"], 422);
    let errors = response["body"]["errors"].as_array().unwrap();
    let bb5 = errors.iter().find(|e| e["code"] == "BB5").unwrap();
    assert_eq!(bb5["message"], "Currency not supported.");
    assert_eq!(
        bb5["userMessage"],
        catalogue::info(Code::BB5).text(Lang::Pl)
    );

    let (line, status) = allegro(&example("eligibility-refused.json"), "en");
    assert_eq!(status, 1);
    let response: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(response["outcome"], "eligibility");
    assert_eq!(response["request"], "GET /sale/badge-campaigns");

    let (line, status) = allegro(&example("sandbox-accept.json"), "en");
    assert_eq!(status, 0);
    assert!(line.contains(r#""outcome":"accepted""#), "{line}");
    let (_, status) = allegro(&example("incomplete-no-account.json"), "en");
    assert_eq!(status, 3);
}

#[test]
fn allegro_format_prints_an_input_error_on_stdout_too() {
    let out = run(
        &[
            "check",
            "--format",
            "allegro",
            &example("input-error-within-without-to.json"),
        ],
        b"",
    );
    assert_eq!(code(&out), 2);
    let json = run(
        &[
            "check",
            "--format",
            "json",
            &example("input-error-within-without-to.json"),
        ],
        b"",
    );
    assert!(
        stdout(&out).starts_with(r#"{"error":{"#),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out), stdout(&json));
    assert_eq!(stderr(&out), stderr(&json));
}

#[test]
fn allegro_jsonl_lines_are_the_single_runs() {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut input = String::new();
    for name in &names {
        let text = std::fs::read_to_string(example(name)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        input.push_str(&serde_json::to_string(&doc).unwrap());
        input.push('\n');
    }
    input.push_str("not json\n");
    let out = run(
        &["check", "--jsonl", "--format", "allegro", "--lang", "pl"],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), names.len() + 1);
    for (name, line) in names.iter().zip(&lines) {
        let (single, _) = allegro(&example(name), "pl");
        assert_eq!(single, format!("{line}\n"), "{name}");
    }
    assert!(lines[names.len()].starts_with(r#"{"error":{"kind":"syntax""#));
    // The default stays the report.
    let out = run(&["check", "--jsonl"], input.as_bytes());
    assert!(stdout(&out).starts_with(r#"{"verdict":"#));
    assert!(!stdout(&out).contains(r#""outcome""#));
}

#[test]
fn lang_takes_allegros_accept_language_tags() {
    let path = example("sandbox-too-shallow.json");
    let report = |lang: &str| {
        let out = run(&["check", "--format", "json", "--lang", lang, &path], b"");
        assert_eq!(code(&out), 1, "{lang}: {}", stderr(&out));
        serde_json::from_str::<Value>(&stdout(&out)).unwrap()
    };
    assert_eq!(report("pl-PL"), report("pl"));
    assert_eq!(report("en-US"), report("en"));
    for tag in ["uk-UA", "sk-SK", "cs-CZ", "hu-HU"] {
        let fallback = report(tag);
        assert_eq!(fallback["violations"], report("en")["violations"], "{tag}");
        let warnings = fallback["warnings"].as_array().unwrap();
        assert_eq!(warnings.len(), 1, "{tag}: {warnings:?}");
        assert_eq!(warnings[0]["code"], "LANGUAGE_FALLBACK");
        assert_eq!(warnings[0]["params"]["requested"], tag);
    }
    let (line, _) = allegro(&path, "uk-UA");
    assert!(
        line.contains("Given bargain discount is too low."),
        "{line}"
    );
    for command in [
        &["codes"][..],
        &["rules"],
        &["terms", "SANDBOX_TEST_CAMPAIGN", "--format", "text"],
    ] {
        let mut args = command.to_vec();
        let en = stdout(&run(&args, b""));
        args.extend(["--lang", "cs-CZ"]);
        let out = run(&args, b"");
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), en, "{args:?}");
    }
    let out = run(&["codes", "--lang", "de-DE"], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out)
        .contains("[possible values: en, pl, en-US, pl-PL, uk-UA, sk-SK, cs-CZ, hu-HU]"));
}

#[test]
fn terms_of_the_sandbox() {
    let out = run(&["terms", "SANDBOX_TEST_CAMPAIGN"], b"");
    assert_eq!(code(&out), 0);
    let terms: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(terms["discount"]["minPercent"], "40");
    assert_eq!(terms["discount"]["maxPercent"], "60");

    let out = run(&["terms", "SANDBOX_TEST_CAMPAIGN", "--format", "text"], b"");
    let text = stdout(&out);
    assert!(text.contains("discount.minPercent: 40"), "{text}");
}

#[test]
fn terms_of_a_campaign_that_is_not_built_in_is_an_error_naming_the_built_in_ids() {
    for id in ["NOPE", "BARGAIN"] {
        for format in ["json", "text"] {
            let out = run(&["terms", id, "--format", format], b"");
            assert_eq!(code(&out), 2, "{id} {format}");
            assert!(stdout(&out).is_empty(), "{id}: {}", stdout(&out));
            let err = stderr(&out);
            assert!(
                err.contains(&format!("{id} is not a built-in campaign"))
                    && err.contains("built-in: SANDBOX_TEST_CAMPAIGN"),
                "{err}"
            );
        }
    }
    let out = run(&["terms", "NOPE", "--lang", "pl"], b"");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("NOPE nie jest wbudowaną kampanią (wbudowane: SANDBOX_TEST_CAMPAIGN)"),
        "{}",
        stderr(&out)
    );
    // A built-in id still answers.
    assert_eq!(code(&run(&["terms", "SANDBOX_TEST_CAMPAIGN"], b"")), 0);
}

#[test]
fn help_teaches() {
    let out = run(&["--help"], b"");
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for word in ["check", "codes", "terms", "Examples"] {
        assert!(text.contains(word), "{word}: {text}");
    }
    let out = run(&["check", "--help"], b"");
    let text = stdout(&out);
    for word in ["Exit status", "INCOMPLETE", "--jsonl", "--lang", "--format"] {
        assert!(text.contains(word), "{word}: {text}");
    }
}

// (f) Every example gives the verdict its name promises.

/// Each example: its exit status and violation codes (sorted).
const EXAMPLES: &[(&str, i32, &[&str])] = &[
    ("badge-update-finish-ended.json", 1, &["BA74", "BA77"]),
    ("badges-query-bad-limit.json", 1, &["BB9"]),
    ("discount-bad-currency-and-amount.json", 1, &["BB5", "BB6"]),
    ("eligibility-refused.json", 1, &["BB1"]),
    ("incomplete-no-account.json", 3, &[]),
    ("input-error-within-without-to.json", 2, &[]),
    ("openapi-hit-refused.json", 1, &["BA11", "BB1", "BB12"]),
    (
        "partner-level-partner.json",
        1,
        &[
            "ADS_ACTIVE_CUSTOMERS",
            "ADS_PARTNER_PLUS_LOGO",
            "ADS_QUARTERLY_SPEND",
            "ADS_TOOLS",
        ],
    ),
    ("sandbox-accept.json", 0, &[]),
    ("sandbox-too-shallow.json", 1, &["BA49"]),
];

#[test]
fn examples_give_the_verdicts_their_names_promise() {
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let listed: Vec<&str> = EXAMPLES.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(
        files, listed,
        "examples/ and this table must list the same files"
    );
    for (name, exit, codes) in EXAMPLES {
        let out = run(&["check", "--format", "json", &example(name)], b"");
        assert_eq!(code(&out), *exit, "{name}: {}", stdout(&out));
        let outcome: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(exit_for(&outcome), *exit, "{name}");
        if *exit != 2 {
            assert_eq!(violation_codes(&outcome), *codes, "{name}");
        }
        // The name says it.
        let promised = match exit {
            0 => "accept",
            3 => "incomplete",
            2 => "input-error",
            _ => "",
        };
        assert!(name.contains(promised), "{name}");
        if *exit == 1 {
            assert!(
                !name.contains("accept") && !name.contains("incomplete"),
                "{name}"
            );
        }
    }
}

/// Issue 23 (8): `check` on a terminal with no file says on stderr that it
/// reads standard input (it waited silently); not when a file is named or
/// the input is not a terminal.
#[test]
fn check_on_a_terminal_says_it_reads_standard_input() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("util-linux `script` is missing: the terminal case is not run");
        return;
    }
    let note = "reading a check document from standard input";
    let on_tty = |args: &str| {
        let out = std::process::Command::new("script")
            .args(["-qec", &format!("'{}' {args}", common::BIN), "/dev/null"])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(on_tty("check").contains(note), "{}", on_tty("check"));
    assert!(on_tty("check -").contains(note));
    assert!(on_tty("check --jsonl").contains("check documents, one per line,"));
    let named = on_tty(concat!(
        "check ",
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sandbox-too-shallow.json"
    ));
    assert!(named.contains("BA49"), "{named}");
    assert!(!named.contains(note), "{named}");
    let piped = common::run(&["check"], b"{}");
    assert!(!common::lossy(&piped.stderr).contains(note));
}
