//! Hostile input: each case gets a clear input error or a correct report,
//! never a panic, an abort or a hang (RULES.md §1 "Total").

use badge_rules::{check_json, InputError, Options, Report, Verdict};
use serde_json::{json, Value};

fn run(doc: &Value) -> Result<Report, InputError> {
    check_json(&doc.to_string(), &Options::default())
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.violations.iter().map(|v| v.code.as_str()).collect()
}

/// A full-context sandbox application at B = `bargain` (M = P = 200.00).
fn sandbox(bargain: Value) -> Value {
    json!({
        "kind": "application", "now": "2026-11-23T12:00:00Z",
        "request": {"campaign": {"id": "SANDBOX_TEST_CAMPAIGN"}, "offer": {"id": "12345678"},
                    "prices": {"bargain": {"amount": bargain, "currency": "PLN"}}},
        "campaigns": [{"id": "SANDBOX_TEST_CAMPAIGN", "type": "DISCOUNT", "marketplace": {"id": "allegro-pl"},
                       "eligibility": {"eligible": true, "refusalReasons": []},
                       "application": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"},
                       "visibility": {"type": "ALWAYS"}, "stockReservationIsRequired": false}],
        "offer": {"id": "12345678", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}},
                  "stock": {"available": 5}, "publication": {"status": "ACTIVE", "startedAt": "2026-01-01T00:00:00Z"},
                  "seller": {"id": "42"}},
        "account": {"id": "42", "company": true, "meetsQualityCriteria": true},
        "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}},
        "badges": [], "applications": [], "allegroPrices": {"offers": []}
    })
}

#[test]
fn json_nested_10000_deep_is_an_input_error_or_ignored() {
    for text in [
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!(
            r#"{{"kind": "application", "request": {}1{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ] {
        let err = check_json(&text, &Options::default()).unwrap_err();
        assert!(
            matches!(
                err.code(),
                badge_rules::error::ErrorCode::TooDeep | badge_rules::error::ErrorCode::NotAnObject
            ),
            "{err}"
        );
    }
    // Deep nesting under a key the engine does not read is skipped over.
    let deep = format!(
        r#"{{"kind": "applicationLookup", "applicationId": "8a457b8f-627d-43cf-8806-f06f8d13c306", "account": {{"company": true}}, "offer": {}1{}}}"#,
        r#"{"a":"#.repeat(10_000),
        "}".repeat(10_000)
    );
    assert_eq!(
        check_json(&deep, &Options::default()).unwrap().verdict,
        Verdict::Accept
    );
}

#[test]
fn an_array_is_not_a_document() {
    let err = check_json(r#"["applicationLookup"]"#, &Options::default()).unwrap_err();
    assert!(matches!(err, InputError::Shape(_)), "{err}");
}

#[test]
fn a_50_mb_document_is_read() {
    let mut doc = sandbox(json!("100.00"));
    doc["padding"] = json!("x".repeat(50 * 1024 * 1024));
    assert_eq!(run(&doc).unwrap().verdict, Verdict::Accept);
}

#[test]
fn a_million_badges_are_read() {
    let mut doc = sandbox(json!("100.00"));
    let badge =
        json!({"offer": {"id": "99"}, "campaign": {"id": "HIT"}, "process": {"status": "ACTIVE"}});
    doc["badges"] = Value::Array(vec![badge; 1_000_000]);
    assert_eq!(run(&doc).unwrap().verdict, Verdict::Accept);
}

#[test]
fn extreme_amounts_in_the_request_are_bb6_or_bb7() {
    for (amount, code) in [
        (json!("1234567890123456789012345678901234567890"), "BB6"),
        (json!("1e400"), "BB6"),
        (json!("NaN"), "BB6"),
        (json!("Infinity"), "BB6"),
        (json!("0.001"), "BB6"),
        (json!("-0.00"), "BB7"),
        (json!("-1e3"), "BB6"),
        (json!(1e300), "BB6"),
        (json!("٣"), "BB6"), // an Arabic-Indic digit
    ] {
        let r = run(&sandbox(amount.clone())).unwrap();
        assert_eq!(codes(&r), vec![code], "{amount}");
        assert_eq!(r.violations[0].path, "prices.bargain.amount");
    }
    // The largest amount Decimal holds with two decimals is a number: the
    // price rules speak (it is above P: BA12, and above M: BA14).
    let r = run(&sandbox(json!("792281625142643375935439503.35"))).unwrap();
    assert_eq!(codes(&r), vec!["BA12", "BA14"]);
}

#[test]
fn extreme_amounts_in_the_context_are_input_errors() {
    for amount in [
        "1e400",
        "NaN",
        "0.001",
        "-5.00",
        "",
        "1234567890123456789012345678901234567890",
    ] {
        let mut doc = sandbox(json!("100.00"));
        doc["metrics"]["lowestPrice30Days"]["amount"] = json!(amount);
        let err = run(&doc).unwrap_err();
        assert_eq!(err.path(), "metrics.lowestPrice30Days.amount", "{amount}");
    }
    // The largest context amounts compute exactly (no overflow: grosze in i128).
    let mut doc = sandbox(json!("100.00"));
    doc["metrics"]["lowestPrice30Days"]["amount"] = json!("792281625142643375935439503.35");
    doc["offer"]["sellingMode"]["price"]["amount"] = json!("792281625142643375935439503.35");
    let r = run(&doc).unwrap();
    assert_eq!(codes(&r), vec!["BA50"]);
    assert_eq!(
        r.violations[0].params.get("discountPercent").unwrap(),
        "100"
    );
}

#[test]
fn odd_ids_are_violations_or_just_strings() {
    for id in [
        "1234\u{0}5678",
        "\u{202e}12345678",
        "12345678🎉",
        "١٢٣٤٥٦٧٨",
    ] {
        let mut doc = sandbox(json!("100.00"));
        doc["request"]["offer"]["id"] = json!(id);
        doc.as_object_mut().unwrap().remove("offer");
        let r = run(&doc).unwrap();
        assert!(codes(&r).contains(&"BB11"), "{id:?}");
    }
    // Odd campaign ids are just ids: not found.
    for id in ["SANDBOX\u{0}", "\u{202e}TIH", "🎉"] {
        let mut doc = sandbox(json!("100.00"));
        doc["request"]["campaign"]["id"] = json!(id);
        assert_eq!(codes(&run(&doc).unwrap()), vec!["BA10"], "{id:?}");
    }
}

#[test]
fn duplicate_keys_in_the_context_are_an_input_error() {
    let text = r#"{"kind": "applicationLookup", "applicationId": "a", "applicationId": "b"}"#;
    let err = check_json(text, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("duplicate field"), "{err}");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", sandbox(json!("100.00")));
    assert_eq!(
        check_json(&text, &Options::default()).unwrap().verdict,
        Verdict::Accept
    );
}

#[test]
fn odd_times_are_read_or_named() {
    for (now, ok) in [
        ("2016-12-31T23:59:60Z", true),
        ("2026-11-23T12:00:00-00:00", true),
        ("0000-01-01T00:00:00Z", true),
        ("9999-12-31T23:59:59Z", true),
        ("2024-02-29T12:00:00Z", true),
        ("2025-02-29T12:00:00Z", false),
        ("2026-11-23T12:00:00", false),
        ("2026-11-23T25:00:00Z", false),
    ] {
        let mut doc = sandbox(json!("100.00"));
        doc["now"] = json!(now);
        match run(&doc) {
            Ok(_) => assert!(ok, "{now} was accepted"),
            Err(e) => {
                assert!(!ok, "{now}: {e}");
                assert_eq!(e.path(), "now");
            }
        }
    }
    // BA47 across a leap day: listed 2023-08-31, 6 months is 2024-02-29.
    let mut doc = sandbox(json!("100.00"));
    doc["terms"] = json!({"maxOfferAgeMonths": 6});
    doc["offer"]["publication"]["startedAt"] = json!("2023-08-31T12:00:00Z");
    doc["now"] = json!("2024-02-29T12:00:00Z");
    assert_eq!(run(&doc).unwrap().verdict, Verdict::Accept);
    doc["now"] = json!("2024-02-29T12:00:01Z");
    assert_eq!(codes(&run(&doc).unwrap()), vec!["BA47"]);
}

#[test]
fn a_rule_that_needs_now_is_skipped_without_it() {
    let mut doc = sandbox(json!("100.00"));
    doc.as_object_mut().unwrap().remove("now");
    doc["terms"] = json!({"maxOfferAgeMonths": 6, "maxApplicationsPer24h": 1});
    let r = run(&doc).unwrap();
    assert_eq!(r.verdict, Verdict::Incomplete);
    let skipped: Vec<&str> = r.skipped.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(skipped, vec!["BA47", "BA45"]);
    assert!(r.skipped.iter().all(|s| s.missing == "now"));
}
