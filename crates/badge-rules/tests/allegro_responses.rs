//! Allegro's own error examples, reproduced: for every error of every error
//! example in Allegro's OpenAPI excerpt (tests/allegro/allegro-badges-openapi.yaml),
//! a check document (tests/allegro/responses.json) whose Allegro-format
//! answer carries the example's status, and the error's code, path and
//! message. A new example in the excerpt without a document fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use badge_rules::channel::{route, Channel, Evidence};
use badge_rules::{api, catalogue::Check, Code, Kind, Options};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/allegro")
}

/// (endpoint, status, example name, errors) of every error example.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper: a missing or unreadable excerpt is the failure"
)]
fn examples() -> Vec<(String, String, String, Vec<Value>)> {
    let text = std::fs::read_to_string(dir().join("allegro-badges-openapi.yaml")).unwrap();
    let spec: Value = yaml_serde::from_str(&text).unwrap();
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (status, response) in responses {
                for content in response["content"]
                    .as_object()
                    .into_iter()
                    .flat_map(|c| c.values())
                {
                    for (name, example) in content["examples"].as_object().into_iter().flatten() {
                        if let Some(errors) = example["value"]["errors"].as_array() {
                            out.push((
                                format!("{} {path}", method.to_uppercase()),
                                status.clone(),
                                name.clone(),
                                errors.clone(),
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a missing or unreadable table is the failure"
)]
fn table() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("responses.json")).unwrap()).unwrap()
}

#[test]
fn every_error_example_is_reproduced() {
    let table = table();
    let cases = table["cases"].as_array().unwrap();
    let server_only = table["serverOnly"].as_array().unwrap();
    let not_checked = table["notChecked"].as_array().unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (endpoint, status, name, errors) in examples() {
        if not_checked
            .iter()
            .any(|n| n["endpoint"] == endpoint.as_str())
        {
            continue;
        }
        for error in &errors {
            let code = error["code"].as_str().unwrap();
            let place = format!("{endpoint} {status} {name} {code}");
            if server_only.iter().any(|s| {
                s["endpoint"] == endpoint.as_str()
                    && s["example"] == name.as_str()
                    && s["code"] == code
            }) {
                continue;
            }
            let case = cases.iter().find(|c| {
                c["endpoint"] == endpoint.as_str()
                    && c["status"] == status.as_str()
                    && c["example"] == name.as_str()
                    && c.get("code").is_none_or(|c| c == code)
            });
            let Some(case) = case else {
                failures.push(format!("{place}: no document in responses.json"));
                continue;
            };
            let doc = case["document"].to_string();
            let response = api::allegro_response(doc.as_bytes(), &Options::default()).unwrap();
            let got = serde_json::to_value(&response).unwrap();
            checked += 1;
            if got["status"].as_u64().map(|s| s.to_string()).as_deref() != Some(status.as_str()) {
                failures.push(format!("{place}: status {}", got["status"]));
                continue;
            }
            let found = got["body"]["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|e| e["code"] == code);
            match found {
                None => failures.push(format!("{place}: not in {}", got["body"])),
                Some(e) => {
                    for key in ["path", "message", "details"] {
                        if e[key] != error[key] {
                            failures.push(format!(
                                "{place}: {key} {} against Allegro's {}",
                                e[key], error[key]
                            ));
                        }
                    }
                    // English asked for: the user's message is Allegro's too.
                    if e["userMessage"] != error["userMessage"] {
                        failures.push(format!("{place}: userMessage {}", e["userMessage"]));
                    }
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} errors checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_server_only_example_is_in_the_catalogue_with_its_route_and_message() {
    let table = table();
    for s in table["serverOnly"].as_array().unwrap() {
        let code: Code = s["code"].as_str().unwrap().parse().unwrap();
        assert!(matches!(code.info().check, Check::ServerOnly(_)), "{code}");
        let r = route(Kind::BadgeUpdate, code);
        assert_eq!(r.channel, Channel::Sync { status: 404 });
        assert!(matches!(r.evidence, Evidence::Documented(_)));
        let entry = api::catalogue(badge_rules::Lang::En)
            .into_iter()
            .find(|e| e.code == code)
            .unwrap();
        assert_eq!(entry.message, "This offer does not exist.");
    }
}

#[test]
fn every_documented_route_is_one_of_the_examples() {
    // The catalogue's documented synchronous routes are exactly the examples'.
    let not_checked: Vec<Value> = table()["notChecked"].as_array().unwrap().clone();
    let examples: BTreeSet<(String, String, String)> = examples()
        .into_iter()
        .filter(|(endpoint, ..)| {
            !not_checked
                .iter()
                .any(|n| n["endpoint"] == endpoint.as_str())
        })
        .flat_map(|(endpoint, status, _, errors)| {
            errors.into_iter().map(move |e| {
                (
                    endpoint.clone(),
                    status.clone(),
                    e["code"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect();
    let mut documented = BTreeSet::new();
    for entry in api::catalogue(badge_rules::Lang::En) {
        for r in entry.routes {
            if let (Channel::Sync { status }, badge_rules::api::EvidenceKind::Documented) =
                (r.channel, r.evidence)
            {
                if r.source.contains("example") {
                    documented.insert((
                        r.endpoint.to_owned(),
                        status.to_string(),
                        entry.code.as_str().to_owned(),
                    ));
                }
            }
        }
    }
    assert_eq!(documented, examples);
}

#[test]
fn declined_and_accepted_answers_follow_allegros_shapes() {
    // Allegro's own declined example (GET /sale/badge-applications/{id}): BA2.
    let doc = br#"{"kind": "application", "now": "2026-12-01T12:00:00Z",
        "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
        "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}], "account": {"company": true}}"#;
    let got =
        serde_json::to_value(api::allegro_response(doc, &Options::default()).unwrap()).unwrap();
    assert_eq!(got["outcome"], "declined");
    assert_eq!(got["status"], 202);
    assert_eq!(
        got["body"]["process"],
        serde_json::json!({"status": "REQUESTED", "rejectionReasons": []})
    );
    assert_eq!(
        got["then"]["request"],
        "GET /sale/badge-applications/{applicationId}"
    );
    let reasons = &got["then"]["body"]["process"]["rejectionReasons"];
    assert_eq!(got["then"]["body"]["process"]["status"], "DECLINED");
    assert_eq!(reasons[0]["code"], "BA2");
    assert_eq!(
        reasons[0]["messages"][0]["text"],
        "The discount price or suggested market price is not defined"
    );
    assert_eq!(reasons[0]["messages"][0]["link"], Value::Null);
}

#[test]
fn the_user_message_follows_accept_language_and_an_unknown_language_says_so_once() {
    let doc = br#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-pl", "limit": 0},
        "account": {"company": true}}"#;
    let pl = api::allegro_response(doc, &Options::from_tag("pl-PL").unwrap()).unwrap();
    let error = &pl.body["errors"][0];
    assert_eq!(error["message"], "Invalid [limit] parameter value.");
    assert_eq!(
        error["userMessage"],
        "Nieprawidłowa wartość parametru [limit]."
    );
    let uk = Options::from_tag("uk-UA").unwrap();
    let report = badge_rules::api::check_bytes(doc, &uk).unwrap();
    let fallbacks: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.code == badge_rules::report::WarningCode::LanguageFallback)
        .collect();
    assert_eq!(fallbacks.len(), 1);
    assert_eq!(fallbacks[0].params.get("requested").unwrap(), "uk-UA");
    assert_eq!(
        report.violations[0].message,
        "Invalid [limit] parameter value."
    );
    // The engine's own tags and English give no warning.
    let en = badge_rules::api::check_bytes(doc, &Options::from_tag("en-US").unwrap()).unwrap();
    assert!(en.warnings.is_empty());
}
