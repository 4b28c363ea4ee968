//! The progress of a pipeline run (`check --jsonl`, `plan`), drawn on
//! stderr when it is a terminal: a bar with the share of the input read,
//! and for `check --jsonl` a last line with the documents per second.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How a bar ends when its run does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// One line with the documents per second takes its place (`check --jsonl`).
    RateLine,
    /// It is cleared (`plan`, whose summary takes its place).
    Cleared,
}

/// The progress of a run on a terminal's stderr: a bar redrawn at most ten
/// times a second, then as its [`Ending`] says.
#[derive(Debug)]
pub(crate) struct Progress {
    ending: Ending,
    start: Instant,
    drawn_at: Option<Instant>,
    total_bytes: Option<u64>,
    bytes: u64,
    documents: u64,
}

impl Progress {
    const EVERY: Duration = Duration::from_millis(100);

    pub(crate) fn new(total_bytes: Option<u64>, ending: Ending) -> Self {
        Progress {
            ending,
            start: Instant::now(),
            drawn_at: None,
            total_bytes,
            bytes: 0,
            documents: 0,
        }
    }

    pub(crate) fn advance(&mut self, documents: u64, bytes: u64) {
        self.documents += documents;
        self.bytes += bytes;
        let now = Instant::now();
        if self
            .drawn_at
            .is_none_or(|at| now.duration_since(at) >= Self::EVERY)
        {
            self.drawn_at = Some(now);
            let line = progress_line(
                self.documents,
                self.bytes,
                self.total_bytes,
                now.duration_since(self.start),
            );
            // A progress bar is not worth failing the run for.
            let _ = write!(io::stderr().lock(), "\r\x1b[2K{line}");
        }
    }

    /// Ends the bar as its [`Ending`] says.
    pub(crate) fn finish(mut self) {
        if self.ending == Ending::Cleared {
            // Dropping the bar clears it.
            return;
        }
        let line = final_line(self.documents, self.start.elapsed());
        self.drawn_at = None;
        let _ = writeln!(io::stderr().lock(), "\r\x1b[2K{line}");
    }
}

impl Drop for Progress {
    /// A run that stops on an error leaves no half-drawn bar behind.
    fn drop(&mut self) {
        if self.drawn_at.is_some() {
            let _ = write!(io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// `[#######.............]  35 %  350,000 documents  301,200 documents/s`
/// (without the bar and percentage when the input's size is unknown).
fn progress_line(documents: u64, bytes: u64, total: Option<u64>, elapsed: Duration) -> String {
    const WIDTH: u64 = 30;
    let mut line = String::new();
    if let Some(total) = total.filter(|t| *t > 0) {
        let done = bytes.min(total);
        let filled = usize::try_from(done * WIDTH / total).unwrap_or(0);
        let empty = usize::try_from(WIDTH).unwrap_or(0).saturating_sub(filled);
        let _ = write!(
            line,
            "[{}{}] {:>3} %  ",
            "#".repeat(filled),
            ".".repeat(empty),
            done * 100 / total
        );
    }
    let _ = write!(
        line,
        "{} documents  {} documents/s",
        grouped(documents),
        grouped(per_second(documents, elapsed))
    );
    line
}

/// `badge-rules: 1,000,000 documents in 3.21 s, 311,526 documents/s`
fn final_line(documents: u64, elapsed: Duration) -> String {
    format!(
        "badge-rules: {} documents in {:.2} s, {} documents/s",
        grouped(documents),
        elapsed.as_secs_f64(),
        grouped(per_second(documents, elapsed))
    )
}

fn per_second(documents: u64, elapsed: Duration) -> u64 {
    let micros = elapsed.as_micros().max(1);
    u64::try_from(u128::from(documents) * 1_000_000 / micros).unwrap_or(u64::MAX)
}

/// `1234567` as `1,234,567`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn the_progress_line_shows_the_share_read_and_the_rate() {
        let second = Duration::from_secs(1);
        assert_eq!(
            progress_line(350_000, 35, Some(100), second),
            "[##########....................]  35 %  350,000 documents  350,000 documents/s"
        );
        assert_eq!(
            progress_line(10, 100, Some(100), second * 2),
            "[##############################] 100 %  10 documents  5 documents/s"
        );
        // Unknown size (a pipe): no bar.
        assert_eq!(
            progress_line(7, 100, None, second),
            "7 documents  7 documents/s"
        );
        assert_eq!(
            final_line(1_000_000, Duration::from_millis(3210)),
            "badge-rules: 1,000,000 documents in 3.21 s, 311,526 documents/s"
        );
        assert_eq!(per_second(5, Duration::ZERO), 5_000_000);
    }
}
