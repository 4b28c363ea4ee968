//! The registry is the only list of a rule's codes: every code a rule
//! reports, over the corpus and 10,000 generated documents, is one its
//! registry row declares, and every declared offline code is reported by
//! some vector.

use std::collections::BTreeSet;

use badge_rules::{check, parse_document, registry, Code, Options};
use badge_rules_testkit::{corpus, gen};

fn documents() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = corpus::load()
        .into_iter()
        .map(|v| (v.id, v.document.to_string()))
        .collect();
    for seed in 0..10_000 {
        out.push((format!("gen:{seed}"), gen::document(seed).to_string()));
    }
    out
}

#[test]
fn no_rule_reports_a_code_it_does_not_declare() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (name, text) in documents() {
        let Ok(doc) = parse_document(&text) else {
            continue;
        };
        if let Ok(found) = registry::undeclared(&doc) {
            checked += 1;
            if !found.is_empty() {
                wrong.push(format!("{name}: {found:?}"));
            }
        }
    }
    assert!(checked > 9_000, "only {checked} documents checked");
    assert!(wrong.is_empty(), "undeclared codes:\n{}", wrong.join("\n"));
}

#[test]
fn every_declared_code_is_reported_by_some_document() {
    let mut reported = BTreeSet::new();
    for (_, text) in documents() {
        if let Ok(report) = parse_document(&text).and_then(|d| check(&d, &Options::default())) {
            reported.extend(report.violations.iter().map(|v| v.code));
        }
    }
    let silent: Vec<Code> = registry::rules()
        .iter()
        .flat_map(|r| r.codes.iter().copied())
        .filter(|c| !reported.contains(c))
        .collect();
    assert!(silent.is_empty(), "declared but never reported: {silent:?}");
}
