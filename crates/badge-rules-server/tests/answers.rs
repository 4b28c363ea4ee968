//! Every answer is the core's `api` line, byte for byte: what the CLI prints
//! for the same document (the CLI's own tests check it prints these lines;
//! crates/badge-rules-cli/tests/serve.rs compares with the binary itself).
#![expect(clippy::unwrap_used, reason = "tests")]

mod common;

use badge_rules::api::{self, AnswerFormat};
use badge_rules::plan::{PlanContext, PriceRule};
use badge_rules::{Lang, Options};
use badge_rules_server::Config;
use common::{root, Server};

#[test]
fn one_document_is_the_cli_line_in_both_formats_and_languages() {
    let server = Server::start(Config::default());
    for (name, bytes) in common::examples() {
        for (query, format, lang) in [
            ("", AnswerFormat::Report, Lang::En),
            ("?format=json&lang=pl", AnswerFormat::Report, Lang::Pl),
            ("?format=allegro", AnswerFormat::Allegro, Lang::En),
            (
                "?format=allegro&lang=pl-PL",
                AnswerFormat::Allegro,
                Lang::Pl,
            ),
        ] {
            let answer = server.post(&format!("/v1/check{query}"), &bytes);
            let line = format.line(&bytes, &Options::new(lang));
            assert_eq!(answer.text(), format!("{line}\n"), "{name}{query}");
            let status = if line.starts_with("{\"error\"") {
                400
            } else {
                200
            };
            assert_eq!(answer.status, status, "{name}{query}");
            assert_eq!(answer.header("content-type"), Some("application/json"));
        }
    }
}

#[test]
fn accept_language_chooses_the_language_and_lang_overrides_it() {
    let server = Server::start(Config::default());
    let doc = std::fs::read(root().join("examples/badges-query-bad-limit.json")).unwrap();
    let pl = format!("{}\n", api::answer_line(&doc, &Options::new(Lang::Pl)));
    let en = format!("{}\n", api::answer_line(&doc, &Options::new(Lang::En)));
    assert_ne!(pl, en);
    let headers = [("Accept-Language", "de-DE, pl-PL;q=0.8, en;q=0.5")];
    let answer = common::request(server.addr, "POST", "/v1/check", &headers, &doc);
    assert_eq!(answer.text(), pl);
    let answer = common::request(server.addr, "POST", "/v1/check?lang=en", &headers, &doc);
    assert_eq!(answer.text(), en);
    let bad = server.post("/v1/check?lang=xx", &doc);
    assert_eq!(bad.status, 400);
    let error = &bad.json()["error"];
    assert_eq!(
        (
            error["kind"].as_str(),
            error["path"].as_str(),
            error["code"].as_str()
        ),
        (Some("usage"), Some("lang"), Some("UNKNOWN_VALUE"))
    );
    let bad = server.post("/v1/check?format=text", &doc);
    assert_eq!(
        (bad.status, bad.json()["error"]["path"].as_str()),
        (400, Some("format"))
    );
}

/// One document per line, blank lines, CRLF, bad JSON and a line that is
/// not UTF-8 among them; far more lines than one chunk holds.
fn batch() -> Vec<u8> {
    let mut batch = Vec::new();
    for (_, bytes) in common::examples() {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        batch.extend_from_slice(value.to_string().as_bytes());
        batch.push(b'\n');
    }
    batch
        .extend_from_slice(b"\n{\"kind\": \"accountConsent\"}\r\nnot json\n{\"kind\": \"\xff\"}\n");
    let one = batch.clone();
    for _ in 0..400 {
        batch.extend_from_slice(&one);
    }
    batch.extend_from_slice(b"{\"kind\": \"applicationLookup\", \"applicationId\": \"x\"}");
    batch
}

#[test]
fn a_batch_is_answered_line_by_line_in_order_as_check_jsonl() {
    let server = Server::start(Config::default());
    let batch = batch();
    for (query, format, lang) in [
        ("", AnswerFormat::Report, Lang::En),
        ("?format=allegro&lang=pl", AnswerFormat::Allegro, Lang::Pl),
    ] {
        let answer = server.ndjson(&format!("/v1/check{query}"), &batch);
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("content-type"), Some("application/x-ndjson"));
        let mut expected = String::new();
        for line in batch.split_inclusive(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            expected.push_str(&format.line(line, &Options::new(lang)));
            expected.push('\n');
        }
        assert!(expected.lines().count() > 5000);
        assert_eq!(answer.text(), expected, "{query}");
    }
}

#[test]
fn a_batch_line_over_the_limit_is_an_error_line_and_the_batch_goes_on() {
    let server = Server::start(Config {
        body_limit: 1000,
        ..Config::default()
    });
    let doc = br#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#;
    let mut batch = doc.to_vec();
    batch.push(b'\n');
    batch.extend_from_slice(&vec![b' '; 5000]);
    batch.push(b'\n');
    batch.extend_from_slice(doc);
    batch.push(b'\n');
    let answer = server.ndjson("/v1/check", &batch);
    let lines: Vec<String> = answer.text().lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    let ok = api::answer_line(doc, &Options::default());
    assert_eq!(
        (lines[0].as_str(), lines[2].as_str()),
        (ok.as_str(), ok.as_str())
    );
    assert!(lines[1].starts_with(r#"{"error":{"code":"LINE_TOO_LONG","kind":"http","message":"line 2 is longer than 1000 bytes""#), "{}", lines[1]);
    // A single document over the limit: 413.
    let answer = server.post("/v1/check", &vec![b' '; 1001]);
    assert_eq!(answer.status, 413);
    assert_eq!(answer.json()["error"]["code"], "BODY_TOO_LARGE");
}

#[test]
fn a_plan_is_the_cli_plan_of_the_same_offers() {
    let server = Server::start(Config::default());
    let context_text = std::fs::read_to_string(root().join("examples/plan/context.json")).unwrap();
    let context_value: serde_json::Value = serde_json::from_str(&context_text).unwrap();
    let offers = std::fs::read(root().join("examples/plan/offers-metrics.jsonl")).unwrap();
    let mut body = context_value.to_string().into_bytes();
    body.push(b'\n');
    body.extend_from_slice(&offers);
    let context = PlanContext::from_json(&context_text).unwrap();
    for (query, lang, csv) in [
        ("?file=offers-metrics.jsonl", Lang::En, false),
        (
            "?file=o.jsonl&format=csv&lang=pl&price=lowest",
            Lang::Pl,
            true,
        ),
    ] {
        let price = if csv {
            PriceRule::Lowest
        } else {
            PriceRule::default()
        };
        let mut planner =
            badge_rules::plan::Planner::new(&context, &[], price, Options::new(lang)).unwrap();
        let file = if csv {
            "o.jsonl"
        } else {
            "offers-metrics.jsonl"
        };
        let mut expected = if csv {
            api::plan_csv_header(lang)
        } else {
            String::new()
        };
        for (i, line) in offers.split_inclusive(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            for outcome in planner.item(line, i + 1) {
                if csv {
                    expected.push_str(&api::plan_csv_row(&outcome, file, lang));
                } else {
                    expected.push_str(&api::plan_line(&outcome, file, lang));
                    expected.push('\n');
                }
            }
        }
        let answer = server.post(&format!("/v1/plan{query}"), &body);
        assert_eq!(answer.status, 200);
        assert!(expected.lines().count() >= 3);
        assert_eq!(answer.text(), expected, "{query}");
    }
    // A context that cannot be read: 400 with its error line.
    let answer = server.post("/v1/plan", b"{\"campaigns\": 7}\n{}\n");
    assert_eq!(answer.status, 400);
    let error = PlanContext::from_json("{\"campaigns\": 7}").unwrap_err();
    assert_eq!(
        answer.text(),
        format!("{}\n", api::error_line_in(&error, Lang::En))
    );
}

#[test]
fn codes_terms_and_rules_are_the_cli_json() {
    let server = Server::start(Config::default());
    let pretty = |v: String| v + "\n";
    assert_eq!(
        server.get("/v1/codes?lang=pl").text(),
        pretty(serde_json::to_string_pretty(&api::catalogue(Lang::Pl)).unwrap())
    );
    assert_eq!(
        server.get("/v1/rules").text(),
        pretty(serde_json::to_string_pretty(&badge_rules::registry::rules()).unwrap())
    );
    assert_eq!(
        server.get("/v1/terms").text(),
        pretty(serde_json::to_string_pretty(&api::built_in_campaigns(Lang::En)).unwrap())
    );
    let terms = badge_rules::campaigns::find("SANDBOX_TEST_CAMPAIGN")
        .unwrap()
        .terms();
    let value = serde_json::to_value(terms).unwrap();
    assert_eq!(
        server.get("/v1/terms/SANDBOX_TEST_CAMPAIGN").text(),
        pretty(serde_json::to_string_pretty(&value).unwrap())
    );
    let unknown = server.get("/v1/terms/NOPE");
    assert_eq!(unknown.status, 404);
    assert!(unknown.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("SANDBOX_TEST_CAMPAIGN"));
}
