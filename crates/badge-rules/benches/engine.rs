//! Native benchmarks of the engine (`make bench-native`; figures in BENCHMARKS.md).
//!
//! - `check_parsed/<document>`: [`check`] on an already parsed document, for
//!   every example of `examples/` and, per kind, the first document of the
//!   seeded generator of that kind.
//! - `e2e/check_json/<example>` against `e2e/serde_json_value/<example>`: the
//!   whole check from JSON bytes, and the baseline of merely parsing the same
//!   bytes into a `serde_json::Value`, in the same run.
//! - `history/{check_parsed,check_json,serde_json_value}/<N>`: the sandbox
//!   application with N badges in `badges` (10k, 100k, 1M), to show the
//!   history rules linear in N.
//!
//! `scripts/bench.py native` runs this with short warm-up and measurement
//! times and reads criterion's `target/criterion/**/new/estimates.json`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark harness: criterion's macros generate undocumented items, and a broken input must stop the run"
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use badge_rules::{check, check_json, parse_document, Document, Options, Verdict};
use badge_rules_testkit::gen;
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use serde_json::Value;

/// The examples measured: every kind the examples cover, ACCEPT and REJECT.
const EXAMPLES: [&str; 6] = [
    "sandbox-accept",
    "sandbox-too-shallow",
    "openapi-hit-refused",
    "badge-update-finish-ended",
    "badges-query-bad-limit",
    "partner-level-partner",
];

/// Badge counts of the history benchmark (`BENCH_HISTORY_MAX` caps them).
const HISTORY: [usize; 3] = [10_000, 100_000, 1_000_000];

/// One size more, `check` on the parsed document only: from 1M badges on,
/// every size is far beyond the caches, so 1M → 3M shows the slope of the
/// scan itself, apart from the step from cache to memory that 10k → 1M
/// crosses.
const HISTORY_BEYOND_CACHES: usize = 3_000_000;

fn example(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "examples"]
        .iter()
        .collect::<PathBuf>()
        .join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first generated document of each kind that the engine can check.
fn generated_per_kind() -> Vec<(String, String)> {
    let mut seen = std::collections::BTreeMap::new();
    for seed in 0..20_000 {
        let doc = gen::document(seed);
        let kind = doc["kind"].as_str().unwrap_or_default().to_owned();
        if seen.contains_key(&kind) {
            continue;
        }
        let text = doc.to_string();
        if check_json(&text, &Options::default()).is_ok() {
            seen.insert(kind, text);
        }
    }
    seen.into_iter().collect()
}

/// `sandbox-accept.json` with `n` badges of other offers (every rule that
/// reads `badges` scans them all; the verdict stays ACCEPT).
fn with_badges(n: usize) -> String {
    let base: Value = serde_json::from_str(&example("sandbox-accept")).unwrap();
    let mut badges = String::with_capacity(n * 200);
    let campaigns = ["SANDBOX_TEST_CAMPAIGN", "BARGAIN", "HIT"];
    let statuses = [
        "ACTIVE",
        "FINISHED",
        "DECLINED",
        "IN_VERIFICATION",
        "WAITING_FOR_PUBLICATION",
    ];
    for i in 0..n {
        if i > 0 {
            badges.push(',');
        }
        // Every fifth badge is the request's offer, in a final state.
        let (offer, status) = if i % 5 == 0 {
            ("12345678".to_owned(), statuses[1 + (i / 5) % 2])
        } else {
            ((20_000_000 + i).to_string(), statuses[i % statuses.len()])
        };
        let _ = write!(
            badges,
            r#"{{"offer":{{"id":"{offer}"}},"campaign":{{"id":"{}"}},"publication":{{"type":"ALWAYS"}},"prices":{{"market":{{"amount":"{}.00","currency":"PLN"}}}},"process":{{"status":"{status}"}}}}"#,
            campaigns[i % campaigns.len()],
            100 + i % 900,
        );
    }
    let mut text = serde_json::to_string(&base).unwrap();
    let at = text
        .find("\"badges\":[]")
        .expect("the sandbox has an empty badges list");
    text.replace_range(
        at..at + "\"badges\":[]".len(),
        &format!("\"badges\":[{badges}]"),
    );
    text
}

fn check_parsed(c: &mut Criterion) {
    let options = Options::default();
    let mut docs: Vec<(String, Document)> = EXAMPLES
        .iter()
        .map(|name| (name.to_string(), parse_document(&example(name)).unwrap()))
        .collect();
    for (kind, text) in generated_per_kind() {
        docs.push((format!("gen-{kind}"), parse_document(&text).unwrap()));
    }
    let mut group = c.benchmark_group("check_parsed");
    for (name, doc) in &docs {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| check(black_box(doc), &options));
        });
    }
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("e2e");
    for name in EXAMPLES {
        let bytes = example(name).into_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("check_json", name), &bytes, |b, bytes| {
            b.iter(|| {
                let text = std::str::from_utf8(black_box(bytes)).unwrap();
                check_json(text, &options)
            });
        });
        group.bench_with_input(
            BenchmarkId::new("serde_json_value", name),
            &bytes,
            |b, bytes| {
                b.iter(|| serde_json::from_slice::<Value>(black_box(bytes)).unwrap());
            },
        );
    }
    group.finish();
}

fn history(c: &mut Criterion) {
    let options = Options::default();
    let max: usize = std::env::var("BENCH_HISTORY_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let mut group = c.benchmark_group("history");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for n in HISTORY.into_iter().filter(|n| *n <= max) {
        let text = with_badges(n);
        let doc = parse_document(&text).unwrap();
        assert_eq!(doc.badges.as_ref().map(Vec::len), Some(n));
        assert_eq!(check(&doc, &options).unwrap().verdict, Verdict::Accept);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("check_parsed", n), &doc, |b, doc| {
            b.iter(|| check(black_box(doc), &options));
        });
        group.bench_with_input(BenchmarkId::new("check_json", n), &text, |b, text| {
            b.iter(|| check_json(black_box(text), &options));
        });
        group.bench_with_input(BenchmarkId::new("serde_json_value", n), &text, |b, text| {
            b.iter(|| serde_json::from_slice::<Value>(black_box(text.as_bytes())).unwrap());
        });
    }
    if HISTORY_BEYOND_CACHES <= max {
        let n = HISTORY_BEYOND_CACHES;
        let doc = parse_document(&with_badges(n)).unwrap();
        assert_eq!(check(&doc, &options).unwrap().verdict, Verdict::Accept);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("check_parsed", n), &doc, |b, doc| {
            b.iter(|| check(black_box(doc), &options));
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = check_parsed, end_to_end, history
}
criterion_main!(benches);
