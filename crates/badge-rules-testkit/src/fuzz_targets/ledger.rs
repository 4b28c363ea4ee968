//! Arbitrary bytes as what `badge-rules ledger record` reads (a response,
//! a recording line, or JSONL of them), recorded into a scratch ledger
//! (SQLite in memory): every refusal names a path of its response; the same
//! input recorded twice changes nothing; `lowest` and `history` answer the
//! same after `prune` for every instant 30 days past it; the ledger stays
//! sound.

use std::path::Path;

use badge_rules::period::Instant;
use badge_rules_ledger::recording::{self, Outcome};
use badge_rules_ledger::{millis_of, pages, Ledger};
use serde_json::Value;

use crate::invariants;

/// When raw responses were fetched.
const FETCHED: &str = "2026-11-01T00:00:00Z";
/// Where `prune` cuts, and the instants asked at: 30 days past the cut and
/// after.
const PRUNE: &str = "2026-10-01T00:00:00Z";
const ASKED: [&str; 3] = [
    "2026-10-31T00:00:00Z",
    "2026-11-20T00:00:00Z",
    "2026-12-15T12:00:00Z",
];

fn instant(text: &str) -> Instant {
    text.parse().unwrap()
}

/// The target's body.
pub fn run(data: &[u8]) {
    let at = Some(millis_of(instant(FETCHED)));
    let text = String::from_utf8_lossy(data);
    // The response parser alone: a refusal names a path of the document.
    for doc in std::iter::once(text.as_ref()).chain(text.lines()) {
        if let Err(err) = pages::parse(doc, at) {
            invariants::path_exists(doc, &err.path, true, &err.message);
        }
    }
    let mut ledger = Ledger::open(Path::new(":memory:")).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    // Pure JSONL (every line blank or one JSON value): a fault's line is its
    // response. In one document over several lines, a line is no response.
    let jsonl = lines
        .iter()
        .all(|l| l.trim().is_empty() || serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok());
    let mut outcomes = 0;
    let summary = recording::record(&mut ledger, &mut &data[..], "fuzz", at, |outcome| {
        outcomes += 1;
        if let Outcome::Refused(fault) = outcome {
            if let Some(line) = lines.get(fault.line.wrapping_sub(1)).filter(|_| jsonl) {
                invariants::path_exists(line, &fault.path, true, &fault.to_string());
            }
        }
    })
    .unwrap();
    assert_eq!(summary.committed + summary.refused, outcomes, "{summary:?}");
    let offers = offer_ids(&text);
    let before = answers(&ledger, &offers);
    let again = recording::record(&mut ledger, &mut &data[..], "fuzz", at, |_| {}).unwrap();
    assert_eq!(
        (again.committed, again.new_snapshots, again.new_events),
        (summary.committed, 0, 0),
        "the same input twice wrote more"
    );
    assert_eq!(
        answers(&ledger, &offers),
        before,
        "the same input twice changed an answer"
    );
    ledger.prune(instant(PRUNE)).unwrap();
    assert_eq!(
        answers(&ledger, &offers),
        before,
        "prune changed an answer it keeps"
    );
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
}

/// `lowest` and `history` of every offer at every instant asked, as JSON.
fn answers(ledger: &Ledger, offers: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for offer in offers {
        for at in ASKED {
            let lowest = ledger.lowest(offer, instant(at)).unwrap();
            let history = ledger.history(offer, instant(at)).unwrap();
            out.push(serde_json::to_string(&lowest).unwrap());
            out.push(serde_json::to_string(&history).unwrap());
        }
    }
    out
}

/// The strings under an `id` key anywhere in the input's JSON values (its
/// lines, or the whole), and `"1"`: the offers asked about (at most 16).
fn offer_ids(text: &str) -> Vec<String> {
    let mut ids = vec!["1".to_owned()];
    for doc in std::iter::once(text).chain(text.lines()) {
        if let Ok(value) = serde_json::from_str::<Value>(doc) {
            collect_ids(&value, &mut ids);
        }
    }
    ids.truncate(16);
    ids
}

fn collect_ids(value: &Value, ids: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::String(id) if key == "id" && !ids.contains(id) => ids.push(id.clone()),
                    _ => collect_ids(v, ids),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_ids(v, ids)),
        _ => {}
    }
}
