//! Reading recorded responses from a file or a stream: one JSON response
//! (pretty-printed or not), or JSONL, one response or recording line per
//! line (the form a polling job appends to). Each response is checked whole
//! and recorded in its own transaction; a refused one is named by file,
//! line and JSON path, and the others go on.
//!
//! ```
//! use badge_rules_ledger::{recording, Ledger};
//!
//! let dir = std::env::temp_dir().join(format!("ledger-doc-input-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
//! let jsonl = concat!(
//!     r#"{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.99", "currency": "PLN"}}}]}}"#, "\n",
//!     r#"{"fetchedAt": "2026-11-02T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.999", "currency": "PLN"}}}]}}"#, "\n",
//! );
//! let mut refused = Vec::new();
//! let summary = recording::record(&mut ledger, &mut jsonl.as_bytes(), "prices.jsonl", None, |outcome| {
//!     if let recording::Outcome::Refused(fault) = outcome { refused.push(fault.to_string()) }
//! }).unwrap();
//! assert_eq!((summary.committed, summary.refused), (1, 1));
//! assert_eq!(refused[0], "prices.jsonl:2: response.offers[0].sellingMode.price.amount: \"9.999\" is not an amount of money (a decimal string with at most two fractional digits, not negative)");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::fmt;
use std::io::BufRead;
use std::sync::mpsc::sync_channel;

use badge_rules::json_scan::{parse_path, Cursor};

use crate::error::LedgerError;
use crate::ledger::Ledger;
use crate::model::Millis;
use crate::pages::{self, PageError};
use crate::store::Recorded;

/// A response refused: where, and why. Nothing of it was written.
///
/// ```
/// use badge_rules_ledger::recording::Fault;
/// let f = Fault { file: "a.json".into(), line: 3, path: "offers[0].id".into(), message: "bad".into() };
/// assert_eq!(f.to_string(), "a.json:3: offers[0].id: bad");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The file (or `standard input`).
    pub file: String,
    /// The line (1-based).
    pub line: usize,
    /// The JSON path (`""`: the response as a whole).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.path, self.message
            )
        }
    }
}

/// What became of one response.
///
/// ```
/// use badge_rules_ledger::recording::Outcome;
/// let o = Outcome::Committed { line: 1, recorded: Default::default() };
/// assert!(matches!(o, Outcome::Committed { line: 1, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded and committed: it survives whatever happens next.
    Committed {
        /// The line it starts on.
        line: usize,
        /// What it held.
        recorded: Recorded,
    },
    /// Refused, and nothing of it written.
    Refused(Fault),
}

/// The responses of one input.
///
/// ```
/// let s = badge_rules_ledger::recording::Summary::default();
/// assert_eq!(s.committed + s.refused, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Responses committed.
    pub committed: usize,
    /// Responses refused.
    pub refused: usize,
    /// Prices recorded (new or already there).
    pub snapshots: usize,
    /// Events recorded.
    pub events: usize,
}

/// Records every response of `input` (named `name` in faults), the raw
/// ones as fetched at `at`, telling `report` of each as it is committed or
/// refused.
///
/// JSONL is read, parsed and recorded on three threads at once (each line
/// still recorded in input order, one transaction each), so that parsing
/// the next page overlaps with writing the last.
///
/// # Errors
///
/// [`LedgerError::Io`] when `input` cannot be read, [`LedgerError::Db`] when
/// the database fails (the responses committed before it stay).
pub fn record(
    ledger: &mut Ledger,
    input: &mut dyn BufRead,
    name: &str,
    at: Option<Millis>,
    mut report: impl FnMut(&Outcome) + Send,
) -> Result<Summary, LedgerError> {
    let io = |e: std::io::Error| LedgerError::Io(format!("cannot read {name}: {e}"));
    let mut summary = Summary::default();
    let mut line = String::new();
    let mut number = 0;
    // The first line that is not blank tells the form: a complete JSON
    // value is JSONL, anything else the start of one document.
    loop {
        line.clear();
        if input.read_line(&mut line).map_err(io)? == 0 {
            return Ok(summary);
        }
        number += 1;
        if !line.trim().is_empty() {
            break;
        }
    }
    if serde_json::from_str::<serde::de::IgnoredAny>(&line).is_err() {
        let mut text = std::mem::take(&mut line);
        input.read_to_string(&mut text).map_err(io)?;
        let parsed = pages::parse(&text, at);
        one(
            ledger,
            &text,
            name,
            number,
            parsed,
            &mut summary,
            &mut report,
        )?;
        return Ok(summary);
    }
    std::thread::scope(|scope| {
        let (line_tx, line_rx) = sync_channel::<(usize, String)>(4);
        let (page_tx, page_rx) = sync_channel::<Parsed>(4);
        scope.spawn(move || {
            for (n, text) in line_rx {
                let parsed = pages::parse(&text, at);
                if page_tx.send((n, text, parsed)).is_err() {
                    return;
                }
            }
        });
        let recorder = scope.spawn(move || -> Result<Summary, LedgerError> {
            for (n, text, parsed) in page_rx {
                one(ledger, &text, name, n, parsed, &mut summary, &mut report)?;
            }
            Ok(summary)
        });
        let mut read = Ok(());
        loop {
            let text = line.trim_end_matches(['\n', '\r']);
            if !text.trim().is_empty() && line_tx.send((number, text.to_owned())).is_err() {
                // The recorder stopped: its error says why.
                break;
            }
            line.clear();
            match input.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => number += 1,
                Err(e) => {
                    read = Err(io(e));
                    break;
                }
            }
        }
        drop(line_tx);
        let recorded = recorder
            .join()
            .unwrap_or_else(|_| Err(LedgerError::Db("the recording thread stopped".into())));
        // A database failure comes first; then a read failure.
        let summary = recorded?;
        read.map(|()| summary)
    })
}

/// A line, its text and what it parsed to.
type Parsed = (usize, String, Result<pages::Page, PageError>);

/// Records one parsed response, its text starting at line `first`.
fn one(
    ledger: &mut Ledger,
    text: &str,
    name: &str,
    first: usize,
    parsed: Result<pages::Page, PageError>,
    summary: &mut Summary,
    report: &mut impl FnMut(&Outcome),
) -> Result<(), LedgerError> {
    let fault = |path: String, message: String, line: Option<usize>| {
        let line = line.or_else(|| line_of(text, &path)).unwrap_or(1);
        Fault {
            file: name.to_owned(),
            line: first + line - 1,
            path,
            message,
        }
    };
    let outcome = match parsed {
        Err(PageError {
            path,
            message,
            line,
        }) => Outcome::Refused(fault(path, message, line)),
        Ok(page) => match ledger.record(&page) {
            Ok(recorded) => Outcome::Committed {
                line: first,
                recorded,
            },
            Err(LedgerError::Refused { path, message }) => {
                Outcome::Refused(fault(path, message, None))
            }
            Err(other) => return Err(other),
        },
    };
    match &outcome {
        Outcome::Committed { recorded, .. } => {
            summary.committed += 1;
            summary.snapshots += recorded.snapshots;
            summary.events += recorded.events;
        }
        Outcome::Refused(_) => summary.refused += 1,
    }
    report(&outcome);
    Ok(())
}

/// The line (1-based) of the value at `path` in the JSON `text`, if it is
/// there.
fn line_of(text: &str, path: &str) -> Option<usize> {
    let at = Cursor::new(text).find(&parse_path(path)?)?;
    let before = text.as_bytes().get(..at)?;
    Some(before.iter().filter(|b| **b == b'\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_found_on_their_line() {
        let text = "{\n \"a\": {\"x\": \"}\"},\n \"offers\": [\n  {\"id\": \"1\"},\n  {\"id\": \"2\",\n   \"price\": {\"currency\": \"EUR\"}}\n ]\n}";
        assert_eq!(line_of(text, "offers[1].price.currency"), Some(6));
        assert_eq!(line_of(text, "offers[0]"), Some(4));
        assert_eq!(line_of(text, "offers"), Some(3));
        assert_eq!(line_of(text, ""), Some(1));
        assert_eq!(line_of(text, "offers[5]"), None);
        assert_eq!(line_of(text, "nothing"), None);
    }
}
