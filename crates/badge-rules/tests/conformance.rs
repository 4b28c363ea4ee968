//! Runs the whole conformance corpus (tests/conformance) through the library.

use badge_rules::{check_json, Options};
use badge_rules_testkit::corpus;
use serde_json::{json, Value};

/// The outcome of a document as the corpus compares it.
#[expect(
    clippy::unwrap_used,
    reason = "a report always serializes; if not, the test fails"
)]
fn outcome(document: &Value) -> Value {
    match check_json(&document.to_string(), &Options::default()) {
        Ok(report) => serde_json::to_value(report).unwrap(),
        Err(err) => json!({ "error": err }),
    }
}

#[test]
fn corpus_passes() {
    let vectors = corpus::load();
    assert!(
        vectors.len() >= 10,
        "the corpus has {} vectors",
        vectors.len()
    );
    let failures: Vec<String> = vectors
        .iter()
        .filter_map(|v| {
            corpus::compare(&v.expect, &outcome(&v.document))
                .err()
                .map(|e| format!("{}: {e}", v.id))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} vectors fail:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[test]
fn every_offline_code_has_a_vector() {
    let vectors = corpus::load();
    let mut emitted = std::collections::BTreeSet::new();
    for v in &vectors {
        emitted.extend(v.expect.codes.iter().cloned());
    }
    let missing: Vec<&str> = badge_rules::catalogue::ALL
        .iter()
        .filter(|c| c.check.is_offline())
        .map(|c| c.code.as_str())
        .filter(|c| !emitted.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "offline codes without a vector: {missing:?}"
    );
}
