//! Prints generated check documents, one JSON document per line: the seeded
//! generator of the property tests, shared with the WASM differential test.
//!
//! `cargo run --example gen_docs -- COUNT [FIRST_SEED]`

use std::io::Write;

use badge_rules_testkit::gen;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let first: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for seed in first..first.saturating_add(count) {
        if writeln!(out, "{}", gen::document(seed)).is_err() {
            return std::process::ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
