//! Runs the whole conformance corpus (tests/conformance) through the library.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../../tests/runner/corpus.rs"]
mod corpus;

use badge_rules::{check_json, Options};
use serde_json::{json, Value};

/// The outcome of a document as the corpus compares it.
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
        if let Some(codes) = v.expect["codes"].as_array() {
            emitted.extend(codes.iter().filter_map(Value::as_str).map(str::to_owned));
        }
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
