//! The server's counters, written out in Prometheus' text format at
//! `GET /metrics`: requests by route, method and status, their latency, the
//! verdicts and input errors answered, the requests in flight and those
//! turned away.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// The latency histogram's upper bounds, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// One route's latency histogram.
#[derive(Debug, Default, Clone)]
struct Histogram {
    /// Requests at or under each bound of [`BUCKETS`].
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// Every counter of a server.
///
/// ```
/// use badge_rules_server::Metrics;
/// let metrics = Metrics::default();
/// metrics.answered(r#"{"verdict":"ACCEPT","violations":[]}"#);
/// metrics.answered(r#"{"error":{"kind":"syntax"}}"#);
/// let text = metrics.render();
/// assert!(text.contains("badge_rules_verdicts_total{verdict=\"ACCEPT\"} 1\n"));
/// assert!(text.contains("badge_rules_input_errors_total 1\n"));
/// ```
#[derive(Debug, Default)]
pub struct Metrics {
    /// (route, method, status) → requests.
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// route → latency.
    latency: Mutex<BTreeMap<String, Histogram>>,
    verdicts: Mutex<BTreeMap<String, u64>>,
    input_errors: AtomicU64,
    in_flight: AtomicI64,
    rejected: AtomicU64,
}

impl Metrics {
    /// A request to `route` answered `status` after `took`.
    ///
    /// ```
    /// let metrics = badge_rules_server::Metrics::default();
    /// metrics.request("/v1/check", "POST", 200, std::time::Duration::from_millis(2));
    /// assert!(metrics.render().contains(r#"badge_rules_http_request_duration_seconds_bucket{route="/v1/check",le="0.0025"} 1"#));
    /// ```
    pub fn request(&self, route: &str, method: &str, status: u16, took: Duration) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests
                .entry((route.to_owned(), method.to_owned(), status))
                .or_default() += 1;
        }
        if let Ok(mut latency) = self.latency.lock() {
            let h = latency.entry(route.to_owned()).or_default();
            let seconds = took.as_secs_f64();
            for (bound, count) in BUCKETS.iter().zip(h.counts.iter_mut()) {
                if seconds <= *bound {
                    *count += 1;
                }
            }
            h.count += 1;
            h.sum += seconds;
        }
    }

    /// An answer line written: its verdict, or an input error.
    pub fn answered(&self, line: &str) {
        if line.starts_with("{\"error\"") {
            self.input_errors.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let verdict = line
            .strip_prefix("{\"verdict\":\"")
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("OTHER");
        if let Ok(mut verdicts) = self.verdicts.lock() {
            *verdicts.entry(verdict.to_owned()).or_default() += 1;
        }
    }

    /// One more request in flight (`1`) or one fewer (`-1`).
    ///
    /// ```
    /// let metrics = badge_rules_server::Metrics::default();
    /// metrics.in_flight(1);
    /// assert!(metrics.render().contains("badge_rules_http_in_flight 1\n"));
    /// ```
    pub fn in_flight(&self, delta: i64) {
        self.in_flight.fetch_add(delta, Ordering::Relaxed);
    }

    /// A request turned away with 503: too much in flight.
    ///
    /// ```
    /// let metrics = badge_rules_server::Metrics::default();
    /// metrics.rejected();
    /// assert!(metrics.render().contains("badge_rules_http_rejected_total 1\n"));
    /// ```
    pub fn rejected(&self) {
        self.rejected.fetch_add(1, Ordering::Relaxed);
    }

    /// Everything, in Prometheus' text exposition format.
    pub fn render(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(s, "# HELP badge_rules_http_requests_total Requests answered, by route, method and status.");
        let _ = writeln!(s, "# TYPE badge_rules_http_requests_total counter");
        if let Ok(requests) = self.requests.lock() {
            for ((route, method, status), n) in requests.iter() {
                let _ = writeln!(
                    s,
                    "badge_rules_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {n}"
                );
            }
        }
        let _ = writeln!(s, "# HELP badge_rules_http_request_duration_seconds Time from a request's arrival to its answer's head, by route.");
        let _ = writeln!(
            s,
            "# TYPE badge_rules_http_request_duration_seconds histogram"
        );
        if let Ok(latency) = self.latency.lock() {
            for (route, h) in latency.iter() {
                for (bound, count) in BUCKETS.iter().zip(h.counts.iter()) {
                    let _ = writeln!(
                        s,
                        "badge_rules_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                    );
                }
                let _ = writeln!(
                    s,
                    "badge_rules_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                    h.count
                );
                let _ = writeln!(
                    s,
                    "badge_rules_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                    h.sum
                );
                let _ = writeln!(
                    s,
                    "badge_rules_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                    h.count
                );
            }
        }
        let _ = writeln!(
            s,
            "# HELP badge_rules_verdicts_total Documents answered, by verdict."
        );
        let _ = writeln!(s, "# TYPE badge_rules_verdicts_total counter");
        if let Ok(verdicts) = self.verdicts.lock() {
            for (verdict, n) in verdicts.iter() {
                let _ = writeln!(s, "badge_rules_verdicts_total{{verdict=\"{verdict}\"}} {n}");
            }
        }
        let _ = writeln!(s, "# HELP badge_rules_input_errors_total Documents that could not be checked (an {{\"error\"}} answer).");
        let _ = writeln!(s, "# TYPE badge_rules_input_errors_total counter");
        let _ = writeln!(
            s,
            "badge_rules_input_errors_total {}",
            self.input_errors.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            s,
            "# HELP badge_rules_http_in_flight Requests being answered now."
        );
        let _ = writeln!(s, "# TYPE badge_rules_http_in_flight gauge");
        let _ = writeln!(
            s,
            "badge_rules_http_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            s,
            "# HELP badge_rules_http_rejected_total Requests answered 503: too many in flight."
        );
        let _ = writeln!(s, "# TYPE badge_rules_http_rejected_total counter");
        let _ = writeln!(
            s,
            "badge_rules_http_rejected_total {}",
            self.rejected.load(Ordering::Relaxed)
        );
        s
    }
}
