//! Writes a generated audit history ([`badge_rules_testkit::audit_history`])
//! into a folder: `checks.jsonl` (the check documents), `outcomes.jsonl`
//! (GET /sale/badge-applications and GET /sale/badges recording lines) and,
//! with `--prices`, `prices.jsonl` (what `ledger record` takes: the price
//! recordings and the badges pages). Without `--prices` the history is
//! written in batches of 10,000 applications, so a million takes little
//! memory; with it, in one batch (the offer-events feed spans the history).
//!
//! ```sh
//! cargo run --release -p badge-rules-testkit --bin gen-audit-history -- 1000000 20 7 DIR
//! cargo run -p badge-rules-testkit --bin gen-audit-history -- 400 6 7 DIR --prices
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use badge_rules_testkit::audit_history::{generate, Options, Reading};

const USAGE: &str = "usage: gen-audit-history APPLICATIONS CAMPAIGNS SEED DIR [--prices]";

/// Applications per batch without `--prices`.
const BATCH: usize = 10_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match write(&args) {
        Ok(n) => {
            eprintln!("{n} check documents written");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn create(dir: &Path, name: &str) -> Result<BufWriter<File>, String> {
    let path = dir.join(name);
    File::create(&path)
        .map(BufWriter::new)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn lines(out: &mut BufWriter<File>, lines: &[String]) -> Result<(), String> {
    for l in lines {
        writeln!(out, "{l}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn write(args: &[String]) -> Result<usize, String> {
    let prices = args.iter().any(|a| a == "--prices");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--prices").collect();
    let [applications, campaigns, seed, dir] = rest.as_slice() else {
        return Err(USAGE.into());
    };
    let number = |s: &str| s.parse::<u64>().map_err(|_| USAGE.to_owned());
    let applications = number(applications)? as usize;
    let campaigns = number(campaigns)? as usize;
    let seed = number(seed)?;
    let dir = Path::new(dir.as_str());
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut checks = create(dir, "checks.jsonl")?;
    let mut outcomes = create(dir, "outcomes.jsonl")?;
    let batch = if prices { applications.max(1) } else { BATCH };
    let mut written = 0;
    let mut first = 0;
    while first < applications {
        let h = generate(&Options {
            first,
            applications: batch.min(applications - first),
            campaigns,
            seed,
            reading: Reading::default(),
            prices,
        });
        lines(&mut checks, &h.predictions)?;
        lines(&mut outcomes, &h.outcomes)?;
        written += h.predictions.len();
        if prices {
            let mut ledger = create(dir, "prices.jsonl")?;
            lines(&mut ledger, &h.prices)?;
            let badges: Vec<String> = h
                .outcomes
                .iter()
                .filter(|l| l.contains("\"badges\":"))
                .cloned()
                .collect();
            lines(&mut ledger, &badges)?;
            ledger.flush().map_err(|e| e.to_string())?;
        }
        first += batch;
    }
    checks.flush().map_err(|e| e.to_string())?;
    outcomes.flush().map_err(|e| e.to_string())?;
    Ok(written)
}
