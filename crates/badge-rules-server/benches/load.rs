//! `make bench`'s load test of `badge-rules serve` on loopback (scripts/bench.py
//! runs it): a fixed number of one-document checks at 1, 16 and 256
//! connections (requests/s, p50/p99 latency), then the NDJSON batch of a
//! file of documents (documents/s), the server's resident memory after each
//! run and its peak. It starts the server binary itself and stops it.
//!
//! `cargo bench -p badge-rules-server --bench load -- BIN DOCS OUT`: BIN the
//! `badge-rules` binary, DOCS a file of one document per line, OUT the JSON
//! results.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark: a failure stops it"
)]

use std::convert::Infallible;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::net::TcpStream;

/// (connections, requests) of each run.
const RUNS: [(usize, usize); 3] = [(1, 5_000), (16, 20_000), (256, 25_600)];

/// VmRSS and VmHWM of `pid`, in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// `requests` checks of `doc` over `connections` keep-alive connections:
/// each request's latency in microseconds, and the non-200 answers.
async fn run(
    addr: SocketAddr,
    doc: Bytes,
    connections: usize,
    requests: usize,
) -> (Vec<u64>, usize, f64) {
    let per = requests / connections;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let doc = doc.clone();
        tasks.push(tokio::spawn(async move {
            let stream = TcpStream::connect(addr).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .unwrap();
            tokio::spawn(conn);
            let mut latencies = Vec::with_capacity(per);
            let mut errors = 0;
            for _ in 0..per {
                let request = Request::post("/v1/check")
                    .header("host", "bench")
                    .body(Full::new(doc.clone()))
                    .unwrap();
                let t = Instant::now();
                let response = sender.send_request(request).await.unwrap();
                let status = response.status();
                let _ = response.into_body().collect().await.unwrap();
                latencies.push(u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX));
                if status != 200 {
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::with_capacity(requests);
    let mut errors = 0;
    for task in tasks {
        let (latencies, e) = task.await.unwrap();
        all.extend(latencies);
        errors += e;
    }
    (all, errors, started.elapsed().as_secs_f64())
}

/// The batch `docs` streamed to `/v1/check` in 64 KiB frames: seconds and
/// answer lines.
async fn batch(addr: SocketAddr, docs: Bytes) -> (f64, usize) {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(conn);
    let frames: Vec<Result<Frame<Bytes>, Infallible>> = (0..docs.len())
        .step_by(1 << 16)
        .map(|at| {
            Ok(Frame::data(
                docs.slice(at..(at + (1 << 16)).min(docs.len())),
            ))
        })
        .collect();
    let body = StreamBody::new(futures_util::stream::iter(frames));
    let request = Request::post("/v1/check")
        .header("host", "bench")
        .header("content-type", "application/x-ndjson")
        .body(body)
        .unwrap();
    let started = Instant::now();
    let response = sender.send_request(request).await.unwrap();
    assert_eq!(response.status(), 200);
    let mut body = response.into_body();
    let mut lines = 0;
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.unwrap().into_data() {
            lines += data.iter().filter(|b| **b == b'\n').count();
        }
    }
    (started.elapsed().as_secs_f64(), lines)
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [bin, docs_path, out] = &args[..] else {
        eprintln!("usage: load BIN DOCS OUT");
        std::process::exit(2);
    };
    let mut child = Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--max-in-flight", "1024"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let pid = child.id();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    let addr: SocketAddr = first["addr"].as_str().unwrap().parse().unwrap();
    // Its log lines (one per request) are read and dropped, as a log shipper would.
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});

    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sandbox-accept.json"
    ))
    .unwrap();
    let doc = Bytes::from(
        serde_json::from_str::<serde_json::Value>(&example)
            .unwrap()
            .to_string(),
    );
    let docs = Bytes::from(std::fs::read(docs_path).unwrap());
    let documents = docs.iter().filter(|b| **b == b'\n').count();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let started_rss = memory(pid).0;
    let mut runs = Vec::new();
    runtime.block_on(async {
        // Warm up: connections, allocator, page cache.
        let _ = run(addr, doc.clone(), 4, 2_000).await;
        for (connections, requests) in RUNS {
            let (mut latencies, errors, seconds) =
                run(addr, doc.clone(), connections, requests).await;
            latencies.sort_unstable();
            let (rss, _) = memory(pid);
            eprintln!(
                "load: {connections} connections: {:.0} requests/s",
                requests as f64 / seconds
            );
            runs.push(json!({
                "connections": connections,
                "requests": requests,
                "errors": errors,
                "seconds": seconds,
                "requests_per_s": requests as f64 / seconds,
                "p50_us": percentile(&latencies, 0.50),
                "p99_us": percentile(&latencies, 0.99),
                "max_us": latencies.last().copied().unwrap_or(0),
                "rss_kib_after": rss,
            }));
        }
    });
    let mut batches = Vec::new();
    runtime.block_on(async {
        for _ in 0..3 {
            let (seconds, lines) = batch(addr, docs.clone()).await;
            assert_eq!(lines, documents, "one answer per document");
            eprintln!(
                "load: batch of {documents}: {:.0} documents/s",
                documents as f64 / seconds
            );
            batches.push(seconds);
        }
    });
    batches.sort_by(f64::total_cmp);
    let (rss, peak) = memory(pid);
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status();
    let _ = child.wait();
    let result = json!({
        "runs": runs,
        "batch": {
            "documents": documents,
            "bytes": docs.len(),
            "all_seconds": batches,
            "seconds": batches[batches.len() / 2],
            "docs_per_s": documents as f64 / batches[batches.len() / 2],
            "rss_kib_after": rss,
        },
        "rss_kib_start": started_rss,
        "peak_rss_kib": peak,
    });
    std::fs::write(out, serde_json::to_string_pretty(&result).unwrap()).unwrap();
}
