//! `badge-rules ledger` and `check --ledger`, run as a polling job runs
//! them: the scenario of docs/LEDGER.md through the binary, the report of a
//! filled document against the same document with that history, a refused
//! page, `kill -9` in the middle of a large import, two recorders at once.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use common::{run, BIN};

use badge_rules_ledger::Ledger;
use badge_rules_testkit::ledger::{expected, offer, offers_line, scenario, t};
use serde_json::{json, Value};

fn text(bytes: &[u8]) -> String {
    common::lossy(bytes)
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    common::fresh_dir(&format!("ledger-{name}"))
}

fn s(path: &Path) -> &str {
    common::arg(path)
}

/// The scenario, recorded through the binary into `dir/l.db`.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper: a failure is the test failing"
)]
fn recorded(dir: &Path) -> PathBuf {
    let file = dir.join("scenario.jsonl");
    std::fs::write(&file, scenario().join("\n") + "\n").unwrap();
    let db = dir.join("l.db");
    let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["committed"], scenario().len());
    assert_eq!(summary["refused"], 0);
    db
}

/// An application to the sandbox campaign (40 %-60 % off M) for `offer` at
/// 30 November, the offer's price now `price`.
fn document(offer: &str, price: &str, bargain: &str) -> Value {
    json!({
        "kind": "application",
        "now": t(11, 30, 0),
        "request": {
            "campaign": {"id": "SANDBOX_TEST_CAMPAIGN"},
            "offer": {"id": offer},
            "prices": {"bargain": {"amount": bargain, "currency": "PLN"}}
        },
        "campaigns": [{"id": "SANDBOX_TEST_CAMPAIGN", "type": "DISCOUNT", "marketplace": {"id": "allegro-pl"},
                       "eligibility": {"eligible": true, "refusalReasons": []},
                       "application": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"}}],
        "offer": {"id": offer, "sellingMode": {"format": "BUY_NOW", "price": {"amount": price, "currency": "PLN"}},
                  "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
        "account": {"id": "1", "company": true, "meetsQualityCriteria": true}
    })
}

#[test]
fn ledger_lowest_answers_m_as_computed_by_hand() {
    let dir = dir("lowest");
    let db = recorded(&dir);
    let ids: Vec<&str> = expected().iter().map(|e| e.0).collect();
    let mut args = vec![
        "ledger",
        "lowest",
        "--db",
        s(&db),
        "--at",
        "2026-11-30T01:00:00+01:00",
    ];
    args.extend(&ids);
    let out = run(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), ids.len());
    for ((id, m, exact, gaps), got) in expected().into_iter().zip(&lines) {
        assert_eq!(got["offerId"], id);
        assert_eq!(got["at"], t(11, 30, 0));
        let want_m = m.map_or(Value::Null, |(a, c)| json!({"amount": a, "currency": c}));
        assert_eq!(got["lowestPrice30Days"], want_m, "{id}");
        assert_eq!(got["exact"], exact, "{id}");
        let want_gaps: Vec<Value> = gaps
            .into_iter()
            .map(|(from, to, kind)| json!({"from": from, "to": to, "kind": kind}))
            .collect();
        assert_eq!(got["gaps"], Value::from(want_gaps), "{id}");
    }
    // --all, and ids on standard input, answer the same lines.
    let all = run(
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            &t(11, 30, 0),
            "--all",
        ],
        b"",
    );
    // --all answers each offer on each of its marketplaces, naming it:
    // on the base one as asked one at a time, and 1014 on allegro-cz too.
    let mut all_lines: Vec<Value> = text(&all.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let cz = all_lines
        .iter()
        .position(|l| l["offerId"] == "1014" && l["marketplace"] == "allegro-cz")
        .unwrap();
    let cz = all_lines.remove(cz);
    assert_eq!(
        cz["lowestPrice30Days"],
        json!({"amount": "280.00", "currency": "CZK"})
    );
    let mut all_lines: Vec<String> = all_lines
        .into_iter()
        .map(|mut l| {
            assert!(l["marketplace"].is_string(), "{l}");
            l.as_object_mut().unwrap().remove("marketplace");
            l.to_string()
        })
        .collect();
    all_lines.sort();
    let mut want: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap().to_string())
        .collect();
    want.sort();
    assert_eq!(all_lines, want);
    let piped = run(
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            &t(11, 30, 0),
            "-",
        ],
        (ids.join("\n") + "\n").as_bytes(),
    );
    assert_eq!(piped.stdout, out.stdout);
    // An offer the ledger never saw: nothing known, nothing exact.
    let none = run(
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            &t(11, 30, 0),
            "42",
        ],
        b"",
    );
    let none: Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(none["lowestPrice30Days"], Value::Null);
    assert_eq!(none["exact"], false);
    // A time that is not one.
    let bad = run(
        &["ledger", "lowest", "--db", s(&db), "--at", "yesterday", "1"],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("not an RFC 3339 time"),
        "{}",
        text(&bad.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_with_the_ledger_reports_as_the_document_with_that_history() {
    let dir = dir("check");
    let db = recorded(&dir);
    let mut plain = Vec::new();
    let mut bare = Vec::new();
    // 1002: M 290.00 is an upper bound (two changes before a snapshot);
    // 1001: exact, 180.00. B passing, too shallow, too deep.
    for (offer, price, bargain) in [
        ("1002", "290.00", "150.00"),
        ("1002", "290.00", "180.00"),
        ("1002", "290.00", "100.00"),
        ("1001", "210.00", "100.00"),
        ("1001", "210.00", "110.00"),
    ] {
        let doc = document(offer, price, bargain);
        let history = run(
            &[
                "ledger",
                "history",
                "--db",
                s(&db),
                "--at",
                &t(11, 30, 0),
                offer,
            ],
            b"",
        );
        assert_eq!(history.status.code(), Some(0), "{}", text(&history.stderr));
        let metrics: Value = serde_json::from_slice(&history.stdout).unwrap();
        let mut with = doc.clone();
        with["metrics"] = metrics;
        let want = run(
            &["check", "--format", "json", "-"],
            with.to_string().as_bytes(),
        );
        let got = run(
            &["check", "--ledger", s(&db), "--format", "json", "-"],
            doc.to_string().as_bytes(),
        );
        assert_eq!(text(&got.stdout), text(&want.stdout), "{offer} {bargain}");
        assert_eq!(got.status.code(), want.status.code());
        let report: Value = serde_json::from_slice(&got.stdout).unwrap();
        let warned = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "MARKET_PRICE_UPPER_BOUND");
        assert_eq!(warned, offer == "1002", "{report}");
        plain.push(with.to_string());
        bare.push(doc.to_string());
    }
    // Documents the ledger leaves alone: one with metrics of its own, one
    // for an offer it never saw, one that is not JSON.
    let own = document("1002", "290.00", "150.00");
    let mut own_metrics = own.clone();
    own_metrics["metrics"] = json!({"lowestPrice30Days": {"amount": "400.00", "currency": "PLN"}});
    for line in [
        own_metrics.to_string(),
        document("77", "10.00", "5.00").to_string(),
        "{not json".into(),
    ] {
        plain.push(line.clone());
        bare.push(line);
    }
    let want = run(
        &["check", "--jsonl", "-"],
        (plain.join("\n") + "\n").as_bytes(),
    );
    let got = run(
        &["check", "--jsonl", "--ledger", s(&db), "--jobs", "2", "-"],
        (bare.join("\n") + "\n").as_bytes(),
    );
    assert_eq!(got.status.code(), Some(0), "{}", text(&got.stderr));
    assert_eq!(text(&got.stdout), text(&want.stdout));
    // The refusal BA49 against an upper bound says it may be stricter than Allegro's.
    let reject: Value = serde_json::from_str(text(&got.stdout).lines().nth(1).unwrap()).unwrap();
    assert_eq!(reject["violations"][0]["code"], "BA49");
    assert!(
        reject["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("the refusal BA49 may be stricter than Allegro's"),
        "{reject}"
    );
    // No ledger there: the run stops at once.
    let missing = run(&["check", "--ledger", s(&dir.join("none.db")), "-"], b"{}");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("no ledger at"),
        "{}",
        text(&missing.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_refused_page_is_named_and_the_others_recorded() {
    let dir = dir("refused");
    let db = dir.join("l.db");
    let pl = |id: &str, amount: &str| offer(id, amount, "PLN", "allegro-pl", "ACTIVE");
    let lines = [
        offers_line(&t(11, 1, 0), vec![pl("1", "10.00")]),
        offers_line(&t(11, 2, 0), vec![pl("2", "20.00"), pl("3", "abc")]),
        offers_line(&t(11, 3, 0), vec![pl("4", "40.00")]),
    ];
    let file = dir.join("pages.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "badge-rules: refused {}:2: response.offers[1].sellingMode.price.amount: \"abc\" is not an amount of money (a decimal string with at most two fractional digits, not negative)\n",
            file.display()
        )
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        summary,
        json!({"committed": 2, "refused": 1, "prices": 2, "newPrices": 2, "knownPrices": 0,
               "events": 0, "newEvents": 0, "knownEvents": 0})
    );
    // A raw page without --at, from standard input.
    let out = run(
        &["ledger", "record", "--db", s(&db), "-"],
        br#"{"offers": []}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("standard input:1: a raw response needs --at"),
        "{}",
        text(&out.stderr)
    );
    let ledger = Ledger::open(&db).unwrap();
    let at = t(11, 4, 0).parse().unwrap();
    assert!(ledger.history("1", at).unwrap().is_some());
    assert!(ledger.history("2", at).unwrap().is_none());
    assert!(ledger.history("4", at).unwrap().is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `pages` GET /sale/offers pages of `per_page` offers each, page `p`
/// fetched at second `p` of 1 November, its offers `{prefix}{p * 1000 + i}`.
fn big_import(prefix: &str, pages: usize, per_page: usize) -> String {
    let mut out = String::new();
    for p in 0..pages {
        let offers = (0..per_page)
            .map(|i| {
                offer(
                    &format!("{prefix}{}", p * 1000 + i),
                    "19.99",
                    "PLN",
                    "allegro-pl",
                    "ACTIVE",
                )
            })
            .collect();
        let at = format!("2026-11-01T00:{:02}:{:02}Z", p / 60, p % 60);
        out.push_str(&offers_line(&at, offers));
        out.push('\n');
    }
    out
}

#[test]
fn kill_9_in_the_middle_of_an_import_keeps_every_committed_page() {
    let dir = dir("kill");
    let db = dir.join("l.db");
    let file = dir.join("import.jsonl");
    let (pages, per_page) = (600, 200);
    std::fs::write(&file, big_import("", pages, per_page)).unwrap();
    let mut child = Command::new(BIN)
        .args(["ledger", "record", "--progress", "--db", s(&db), s(&file)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut committed = Vec::new();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while committed.len() < 25 {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "the import ended before the kill"
        );
        let at = line
            .trim()
            .strip_prefix("committed ")
            .expect("a committed line");
        let number: usize = at
            .split(':')
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        committed.push(number - 1);
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let ledger = Ledger::open(&db).unwrap();
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
    let at = "2026-11-02T00:00:00Z".parse().unwrap();
    // Every page reported committed is there, whole.
    for p in &committed {
        for i in 0..per_page {
            let h = ledger.history(&(p * 1000 + i).to_string(), at).unwrap();
            assert!(h.is_some(), "page {p}, offer {i}");
        }
    }
    // Every page is there whole or not at all, and the import was cut short.
    let mut whole = 0;
    for p in 0..pages {
        let there = (0..per_page)
            .filter(|i| {
                ledger
                    .history(&(p * 1000 + i).to_string(), at)
                    .unwrap()
                    .is_some()
            })
            .count();
        assert!(there == 0 || there == per_page, "page {p}: {there} offers");
        whole += usize::from(there == per_page);
    }
    assert!(whole >= committed.len() && whole < pages, "{whole} pages");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_recorders_at_once_both_succeed() {
    let dir = dir("two");
    let db = dir.join("l.db");
    let files: Vec<PathBuf> = (0..2)
        .map(|k| {
            let file = dir.join(format!("import-{k}.jsonl"));
            // Disjoint offers, each file its own.
            std::fs::write(&file, big_import(&format!("{k}-"), 60, 100)).unwrap();
            file
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            Command::new(BIN)
                .args(["ledger", "record", "--db", s(&db), s(file)])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the binary starts")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(summary["committed"], 60);
    }
    let all = run(
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            &t(11, 2, 0),
            "--all",
        ],
        b"",
    );
    assert_eq!(text(&all.stdout).lines().count(), 2 * 60 * 100);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn prune_keeps_the_answers_of_later_windows() {
    let dir = dir("prune");
    let db = recorded(&dir);
    let lowest = || {
        run(
            &[
                "ledger",
                "lowest",
                "--db",
                s(&db),
                "--at",
                &t(12, 20, 0),
                "--all",
            ],
            b"",
        )
        .stdout
    };
    let before = lowest();
    let out = run(
        &["ledger", "prune", "--db", s(&db), "--before", &t(11, 20, 0)],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dropped: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(dropped["snapshots"].as_u64() > Some(0), "{dropped}");
    assert_eq!(text(&lowest()), text(&before));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lowest_and_history_answer_for_a_campaign_and_a_marketplace() {
    let dir = dir("campaign");
    let db = recorded(&dir);
    let ask = |extra: &[&str]| -> Value {
        let mut args = vec![
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            "2026-11-30T00:00:00Z",
        ];
        args.extend_from_slice(extra);
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let got = ask(&["--campaign", "BARGAIN", "1011"]);
    assert_eq!(
        got["lowestPrice30Days"],
        json!({"amount": "86.61", "currency": "PLN"})
    );
    assert_eq!(
        got["referenceLowestPrice30Days"],
        json!({"amount": "102.98", "currency": "PLN"})
    );
    let got = ask(&["--campaign", "BARGAIN", "1012"]);
    assert_eq!(
        got["lowestPrice30Days"],
        json!({"amount": "102.98", "currency": "PLN"})
    );
    let got = ask(&["--starts", "2026-12-07T00:00:00Z", "1013"]);
    assert_eq!(
        got["lowestPrice30Days"],
        json!({"amount": "110.00", "currency": "PLN"})
    );
    assert_eq!(got["reductionStartsAt"], "2026-12-07T00:00:00Z");
    assert!(got["assumed"]
        .as_str()
        .unwrap()
        .contains("until the reduction starts"));
    let got = ask(&["--marketplace", "allegro-cz", "1014"]);
    assert_eq!(
        got["lowestPrice30Days"],
        json!({"amount": "280.00", "currency": "CZK"})
    );
    let bad = run(
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--marketplace",
            "allegro-de",
            "1014",
        ],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    // check --ledger asks for the campaign's marketplace: a campaign on
    // allegro-cz reads the CZK history, as `ledger history --marketplace`.
    let mut doc = document("1014", "280.00", "150.00");
    doc["campaigns"][0]["marketplace"]["id"] = json!("allegro-cz");
    doc["request"]["prices"]["bargain"]["currency"] = json!("CZK");
    doc["offer"]["sellingMode"]["price"]["currency"] = json!("CZK");
    let history = run(
        &[
            "ledger",
            "history",
            "--db",
            s(&db),
            "--at",
            &t(11, 30, 0),
            "--marketplace",
            "allegro-cz",
            "--campaign",
            "SANDBOX_TEST_CAMPAIGN",
            "1014",
        ],
        b"",
    );
    assert_eq!(history.status.code(), Some(0), "{}", text(&history.stderr));
    let metrics: Value = serde_json::from_slice(&history.stdout).unwrap();
    assert_eq!(metrics["priceHistory"][0]["price"]["currency"], "CZK");
    assert_eq!(metrics["referencePriceHistory"], metrics["priceHistory"]);
    let mut with = doc.clone();
    with["metrics"] = metrics;
    let want = run(
        &["check", "--format", "json", "-"],
        with.to_string().as_bytes(),
    );
    let got = run(
        &["check", "--ledger", s(&db), "--format", "json", "-"],
        doc.to_string().as_bytes(),
    );
    assert_eq!(text(&got.stdout), text(&want.stdout));
    assert_eq!(got.status.code(), want.status.code());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Responses that contradict each other about offer 7's marketplace and
/// currency, recorded through the binary in two orders (one file each, and
/// one file per response): `ledger lowest` answers the same on every
/// marketplace, and refuses the same response (docs/LEDGER.md, "One answer
/// whatever the order").
#[test]
fn contradicting_marketplaces_answer_the_same_in_either_order() {
    let dir = dir("contradictions");
    let mut pln = offer("7", "20.00", "PLN", "allegro-pl", "ACTIVE");
    pln["publication"] = json!({"status": "ACTIVE"});
    let mut pl = offer("7", "25.00", "PLN", "allegro-pl", "ACTIVE");
    pl["additionalMarketplaces"] = json!({"allegro-cz": {"publication": {"state": "APPROVED"},
        "sellingMode": {"price": {"amount": "480.00", "currency": "CZK"}}}});
    let lines = vec![
        offers_line(
            &t(11, 1, 0),
            vec![offer("7", "500.00", "CZK", "allegro-cz", "ACTIVE")],
        ),
        offers_line(&t(11, 2, 0), vec![pln]),
        offers_line(
            &t(11, 2, 0),
            vec![offer("7", "20.00", "EUR", "allegro-sk", "ACTIVE")],
        ),
        offers_line(
            &t(11, 2, 6),
            vec![offer("7", "9.00", "EUR", "allegro-pl", "ACTIVE")],
        ),
        offers_line(&t(11, 3, 0), vec![pl]),
    ];
    let answers = |name: &str, files: Vec<Vec<String>>| -> (Vec<String>, Vec<String>) {
        let db = dir.join(format!("{name}.db"));
        let mut refusals = Vec::new();
        for (i, lines) in files.iter().enumerate() {
            let file = dir.join(format!("{name}-{i}.jsonl"));
            std::fs::write(&file, lines.join("\n") + "\n").unwrap();
            let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
            refusals.extend(text(&out.stderr).lines().map(|l| {
                l.split_once(": ")
                    .unwrap()
                    .1
                    .split_once(": ")
                    .unwrap()
                    .1
                    .to_owned()
            }));
        }
        refusals.sort();
        let mut got = Vec::new();
        for m in [
            None,
            Some("allegro-pl"),
            Some("allegro-cz"),
            Some("allegro-sk"),
            Some("allegro-hu"),
        ] {
            let mut args = vec![
                "ledger",
                "lowest",
                "--db",
                s(&db),
                "--at",
                "2026-11-05T00:00:00Z",
            ];
            if let Some(m) = m {
                args.extend(["--marketplace", m]);
            }
            args.push("7");
            let out = run(&args, b"");
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            got.push(text(&out.stdout));
        }
        (got, refusals)
    };
    let forward = answers("forward", vec![lines.clone()]);
    let mut reversed = lines.clone();
    reversed.reverse();
    assert_eq!(answers("reversed", vec![reversed.clone()]), forward);
    let one_by_one = reversed.into_iter().map(|l| vec![l]).collect();
    assert_eq!(answers("one-by-one", one_by_one), forward);
    assert_eq!(forward.1.len(), 1, "{:?}", forward.1);
    assert!(
        forward.1[0].contains("EUR is not the currency of the offer's marketplace allegro-pl"),
        "{:?}",
        forward.1
    );
    let price = |line: &str| -> String {
        let v: Value = serde_json::from_str(line).unwrap();
        format!(
            "{} {}",
            v["lowestPrice30Days"]["amount"].as_str().unwrap(),
            v["lowestPrice30Days"]["currency"].as_str().unwrap()
        )
    };
    assert_eq!(price(&forward.0[1]), "20.00 PLN");
    assert_eq!(price(&forward.0[2]), "480.00 CZK");
    assert_eq!(price(&forward.0[3]), "20.00 EUR");
    assert!(
        forward.0[4].contains("\"lowestPrice30Days\":null"),
        "{}",
        forward.0[4]
    );
    assert!(
        forward.0[0].contains(
            "\"conflict\":\"offer 7 was recorded with allegro-pl and allegro-cz and allegro-sk"
        ),
        "{}",
        forward.0[0]
    );
    assert!(
        forward.0[0].contains("\"marketplace\":\"allegro-pl\""),
        "{}",
        forward.0[0]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `cat page-*.json | badge-rules ledger record`: pages as Allegro sends
/// them (one line, no final newline) or pretty-printed without a final
/// newline follow one another; each is a response of its own. Nothing to
/// read is an error (issue 23, point 2).
#[test]
fn record_reads_pages_that_follow_one_another_without_newlines() {
    let dir = dir("concatenated");
    let page = |id: &str, amount: &str| -> Value {
        json!({"offers": [{"id": id, "sellingMode": {"price": {"amount": amount, "currency": "PLN"}},
                "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": "allegro-pl"}}}}],
               "count": 1, "totalCount": 1})
    };
    let pages = [page("1", "10.00"), page("2", "20.00"), page("3", "30.00")];
    let minified: String = pages.iter().map(Value::to_string).collect();
    assert!(!minified.contains('\n'));
    let pretty: String = pages
        .iter()
        .map(|p| serde_json::to_string_pretty(p).unwrap())
        .collect();
    assert!(!pretty.ends_with('\n') && pretty.contains("}{"));
    for (name, input) in [("minified", &minified), ("pretty", &pretty)] {
        let db = dir.join(format!("{name}.db"));
        let out = run(
            &[
                "ledger",
                "record",
                "--db",
                s(&db),
                "--at",
                "2026-11-01T00:00:00Z",
                "-",
            ],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(summary["committed"], 3, "{name}: {summary}");
        assert_eq!(summary["newPrices"], 3, "{name}: {summary}");
        for (id, amount) in [("1", "10.00"), ("2", "20.00"), ("3", "30.00")] {
            let out = run(
                &[
                    "ledger",
                    "lowest",
                    "--db",
                    s(&db),
                    "--at",
                    "2026-11-02T00:00:00Z",
                    id,
                ],
                b"",
            );
            let got: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(got["lowestPrice30Days"]["amount"], amount, "{name} {id}");
        }
    }
    // A broken page among them (cut at its line's end): refused, the pages
    // before and after it recorded.
    let broken = format!("{}{{\"offers\": [{{\"id\": \"4\"}}\n{}", pages[0], pages[1]);
    let out = run(
        &[
            "ledger",
            "record",
            "--db",
            s(&dir.join("broken.db")),
            "--at",
            "2026-11-01T00:00:00Z",
            "-",
        ],
        broken.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (summary["committed"].clone(), summary["refused"].clone()),
        (json!(2), json!(1)),
        "{summary}"
    );
    // Nothing to read: an empty input, or blank lines only, exits 2.
    for empty in ["", "\n  \n"] {
        let out = run(
            &["ledger", "record", "--db", s(&dir.join("empty.db")), "-"],
            empty.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(2), "{empty:?}");
        assert!(
            text(&out.stderr).contains("no response could be read from standard input"),
            "{}",
            text(&out.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `check --ledger` for an offer recorded with two base marketplaces
/// (allegro-cz in CZK, then allegro-pl in PLN): a campaign naming no
/// marketplace gets the history on allegro-pl with the ledger's `conflict`
/// note as a warning on stderr (docs/LEDGER.md); a campaign on allegro-pl
/// gets the same report and no note.
#[test]
fn check_with_the_ledger_warns_of_its_conflict() {
    let dir = dir("conflict");
    let file = dir.join("pages.jsonl");
    let page = |at: &str, market: &str, amount: &str, currency: &str| {
        json!({"fetchedAt": at, "response": {"offers": [{"id": "7",
            "sellingMode": {"price": {"amount": amount, "currency": currency}},
            "publication": {"marketplaces": {"base": {"id": market}}}}]}})
        .to_string()
    };
    let lines = [
        page(&t(11, 1, 0), "allegro-cz", "5000.00", "CZK"),
        page(&t(11, 2, 0), "allegro-pl", "300.00", "PLN"),
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let db = dir.join("l.db");
    let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let named = document("7", "300.00", "150.00");
    let mut unnamed = named.clone();
    unnamed["campaigns"][0]
        .as_object_mut()
        .unwrap()
        .remove("marketplace");
    let check = |doc: &Value| {
        run(
            &["check", "--ledger", s(&db), "--format", "json", "-"],
            doc.to_string().as_bytes(),
        )
    };
    let (with_note, without) = (check(&unnamed), check(&named));
    let note = text(&with_note.stderr);
    assert!(
        note.contains("badge-rules: warning: the ledger's history: offer 7 was recorded with allegro-pl and allegro-cz as its base marketplace: answered on allegro-pl"),
        "{note}"
    );
    assert_eq!(text(&without.stderr), "");
    assert_eq!(text(&with_note.stdout), text(&without.stdout));
    // The same in a --jsonl run, once for the line that needs it.
    let both = format!("{unnamed}\n{named}\n");
    let out = run(
        &["check", "--ledger", s(&db), "--jsonl", "-"],
        both.as_bytes(),
    );
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr.matches("the ledger's history: offer 7").count(),
        1,
        "{stderr}"
    );
    assert_eq!(text(&out.stdout).lines().count(), 2);
}
