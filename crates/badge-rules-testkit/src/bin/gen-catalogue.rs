//! Writes a seeded catalogue for `badge-rules plan`
//! ([`badge_rules_testkit::catalogue`]), or the pair documents of a plan.
//!
//! ```sh
//! # examples/plan/: context.json, offers-page.json (one GET /sale/offers page)
//! # and offers-metrics.jsonl (one {"offer", "metrics"} line per offer)
//! cargo run -p badge-rules-testkit --bin gen-catalogue -- 14 300 examples/plan
//! # a million offers, without the page (the benchmark)
//! cargo run --release -p badge-rules-testkit --bin gen-catalogue -- 14 1000000 DIR --lines-only
//! # the application document of every line of a plan of DIR's offers, one per line
//! cargo run --release -p badge-rules-testkit --bin gen-catalogue -- --documents DIR PLAN.jsonl > documents.jsonl
//! ```

#![expect(
    clippy::indexing_slicing,
    reason = "serde_json::Value indexed by a key never panics: a missing key reads as null"
)]

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use badge_rules_testkit::catalogue::{self, Faults, PairBuilder};
use serde_json::Value;

const USAGE: &str = "usage: gen-catalogue SEED COUNT [DIR] [--lines-only] [--faults]\n       gen-catalogue --documents DIR PLAN.jsonl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--documents") => match args.as_slice() {
            [_, dir, plan] => documents(Path::new(dir), Path::new(plan)),
            _ => Err(USAGE.into()),
        },
        _ => write_catalogue(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-catalogue: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_catalogue(args: &[String]) -> Result<(), String> {
    let flags: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with("--"))
        .collect();
    let plain: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (seed, count, dir) = match plain.as_slice() {
        [seed, count] => (*seed, *count, "examples/plan"),
        [seed, count, dir] => (*seed, *count, *dir),
        _ => return Err(USAGE.into()),
    };
    let seed: u64 = seed.parse().map_err(|_| USAGE.to_owned())?;
    let count: usize = count.parse().map_err(|_| USAGE.to_owned())?;
    let faults = if flags.contains(&"--faults") {
        Faults::Some
    } else {
        Faults::None
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let io = |e: std::io::Error| e.to_string();
    if flags.contains(&"--lines-only") {
        let mut lines = BufWriter::new(File::create(dir.join("offers-metrics.jsonl")).map_err(io)?);
        let mut failed = None;
        let context = catalogue::stream(seed, count, faults, |offer, metrics| {
            let line = catalogue::line(&offer, metrics.as_ref());
            if let Err(e) = writeln!(lines, "{line}") {
                failed.get_or_insert(e);
            }
        });
        if let Some(e) = failed {
            return Err(e.to_string());
        }
        lines.flush().map_err(io)?;
        return write_json(&dir.join("context.json"), &context);
    }
    let c = catalogue::generate_with(seed, count, faults);
    write_json(&dir.join("context.json"), &c.context)?;
    write_json(&dir.join("offers-page.json"), &c.page())?;
    std::fs::write(dir.join("offers-metrics.jsonl"), c.lines()).map_err(io)
}

/// Pretty JSON with a newline.
fn write_json(path: &Path, value: &Value) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// For every line of the plan, in order, the pair's document: its offer and
/// metrics from DIR/offers-metrics.jsonl, its price the line's `proposedBargain`.
fn documents(dir: &Path, plan: &Path) -> Result<(), String> {
    let read = |path: &Path| {
        File::open(path)
            .map(|f| BufReader::with_capacity(1 << 20, f))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let context: Value =
        serde_json::from_reader(read(&dir.join("context.json"))?).map_err(|e| e.to_string())?;
    let builder = PairBuilder::new(&context);
    let mut offers = read(&dir.join("offers-metrics.jsonl"))?.lines();
    let mut current: Option<Value> = None;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    for line in read(plan)?.lines() {
        let line = line.map_err(|e| e.to_string())?;
        let pair: Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let Some(offer_id) = pair["offerId"].as_str() else {
            return Err(format!("a plan line without an offer: {line}"));
        };
        while current
            .as_ref()
            .map(|c| c["offer"]["id"] != offer_id)
            .unwrap_or(true)
        {
            let next = offers
                .next()
                .ok_or_else(|| format!("offer {offer_id} is not in the offers"))?;
            current = Some(
                serde_json::from_str(&next.map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?,
            );
        }
        let Some(c) = &current else { continue };
        let bargain = Some(&pair["proposedBargain"]).filter(|b| !b.is_null());
        let campaign = pair["campaignId"].as_str().unwrap_or_default();
        let doc = builder.document(&c["offer"], c.get("metrics"), campaign, bargain);
        writeln!(out, "{doc}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
