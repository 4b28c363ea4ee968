//! The baseline of `badge-rules check --jsonl`: read the same lines, in the
//! same chunks, and merely parse each into a `serde_json::Value` on every core.
//! Nothing is checked and nothing is written.
//!
//! `cargo bench -p badge-rules --bench jsonl_baseline -- FILE [THREADS]`
//! prints `{"documents": N, "parsed": N, "threads": T, "seconds": S}`.
//! `scripts/bench.py cli` runs the built binary directly, timing it from the
//! outside exactly as it times the CLI.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark harness: a broken input must stop the run"
)]

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::Value;

/// The CLI's chunk size: a chunk ends at the first line end after this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;

fn main() {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: jsonl_baseline FILE [THREADS]");
        return;
    };
    let threads: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(1)
    });
    let start = Instant::now();
    let mut input = BufReader::with_capacity(1 << 16, File::open(path).expect("FILE opens"));
    let (work_tx, work_rx) = sync_channel::<Vec<u8>>(threads * 2);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (documents, parsed) = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let work_rx = Arc::clone(&work_rx);
                scope.spawn(move || {
                    let (mut lines, mut ok) = (0u64, 0u64);
                    loop {
                        let chunk = match work_rx.lock().unwrap().recv() {
                            Ok(chunk) => chunk,
                            Err(_) => return (lines, ok),
                        };
                        for line in chunk.split_inclusive(|b| *b == b'\n') {
                            lines += 1;
                            ok += u64::from(serde_json::from_slice::<Value>(line).is_ok());
                        }
                    }
                })
            })
            .collect();
        loop {
            let mut chunk = Vec::with_capacity(CHUNK_BYTES + 4096);
            while chunk.len() < CHUNK_BYTES {
                if input.read_until(b'\n', &mut chunk).expect("FILE reads") == 0 {
                    break;
                }
            }
            if chunk.is_empty() {
                break;
            }
            work_tx.send(chunk).unwrap();
        }
        drop(work_tx);
        workers
            .into_iter()
            .map(|w| w.join().unwrap())
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    });
    println!(
        "{{\"documents\": {documents}, \"parsed\": {parsed}, \"threads\": {threads}, \"seconds\": {:.6}}}",
        start.elapsed().as_secs_f64()
    );
}
