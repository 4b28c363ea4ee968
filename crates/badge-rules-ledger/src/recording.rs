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
    /// Events recorded (new or already there).
    pub events: usize,
    /// Of [`Summary::snapshots`], those the ledger did not hold yet.
    pub new_snapshots: usize,
    /// Of [`Summary::events`], those the ledger did not hold yet.
    pub new_events: usize,
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
    let mut summary = Summary::default();
    let mut lines = Lines {
        input,
        name,
        number: 0,
    };
    // The first line that is not blank tells the form: a complete JSON
    // value is JSONL; so is a damaged first line followed by a complete
    // JSON value; anything else is the start of one document.
    let Some(first) = lines.next_text()? else {
        return Ok(summary);
    };
    let mut pending = vec![first];
    if !is_value(&pending) {
        let second = lines.next_text()?;
        let jsonl = second
            .as_ref()
            .is_some_and(|l| is_value(std::slice::from_ref(l)));
        pending.extend(second);
        if !jsonl {
            return one_document(ledger, &mut lines, pending, at, &mut summary, &mut report);
        }
    }
    std::thread::scope(|scope| {
        let (line_tx, line_rx) = sync_channel::<Line>(4);
        let (page_tx, page_rx) = sync_channel::<Parsed>(4);
        scope.spawn(move || {
            for line in line_rx {
                let parsed = match &line.text {
                    Ok(text) => pages::parse(text.trim_end_matches(['\n', '\r']), at),
                    Err(message) => Err(PageError {
                        path: String::new(),
                        message: message.clone(),
                        line: Some(1),
                    }),
                };
                if page_tx.send((line, parsed)).is_err() {
                    return;
                }
            }
        });
        let recorder = scope.spawn(move || -> Result<Summary, LedgerError> {
            for (line, parsed) in page_rx {
                let text = line.text.as_deref().unwrap_or_default();
                one(
                    ledger,
                    text,
                    name,
                    line.number,
                    parsed,
                    &mut summary,
                    &mut report,
                )?;
            }
            Ok(summary)
        });
        let mut read = Ok(());
        let mut pending = pending.into_iter();
        loop {
            let line = match pending.next() {
                Some(line) => line,
                None => match lines.next_text() {
                    Ok(Some(line)) => line,
                    Ok(None) => break,
                    Err(e) => {
                        read = Err(e);
                        break;
                    }
                },
            };
            if line_tx.send(line).is_err() {
                // The recorder stopped: its error says why.
                break;
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

/// Records responses already cut from their input, each as the line it
/// starts on and its bytes (a reader such as the CLI's cuts JSON values
/// that follow one another with or without whitespace, as jq does), the
/// raw ones as fetched at `at`, telling `report` of each as it is
/// committed or refused. A UTF-8 byte-order mark at the start of the first
/// is skipped; bytes that are not UTF-8 are refused with their line.
/// Parsing overlaps with recording, as in [`record`].
///
/// ```
/// use badge_rules_ledger::{recording, Ledger};
///
/// let dir = std::env::temp_dir().join(format!("ledger-doc-items-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
/// let page = br#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.99", "currency": "PLN"}}}]}"#;
/// let items = vec![Ok((1, page.to_vec())), Ok((1, b"{\"offers\": [}".to_vec()))];
/// let summary = recording::record_items(&mut ledger, items.into_iter(), "pages.json", Some(0), |_| {}).unwrap();
/// assert_eq!((summary.committed, summary.refused), (1, 1));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
///
/// The first error of `items` (after the responses before it are
/// recorded), [`LedgerError::Db`] when the database fails.
pub fn record_items(
    ledger: &mut Ledger,
    items: impl Iterator<Item = Result<(usize, Vec<u8>), LedgerError>>,
    name: &str,
    at: Option<Millis>,
    mut report: impl FnMut(&Outcome) + Send,
) -> Result<Summary, LedgerError> {
    let mut summary = Summary::default();
    std::thread::scope(|scope| {
        let (item_tx, item_rx) = sync_channel::<(usize, Vec<u8>)>(4);
        let (page_tx, page_rx) = sync_channel::<Parsed>(4);
        scope.spawn(move || {
            let mut first = true;
            for (number, mut bytes) in item_rx {
                if std::mem::take(&mut first) {
                    if let Some(rest) = bytes.strip_prefix(BOM) {
                        bytes = rest.to_vec();
                    }
                }
                let (line, parsed) = match utf8(bytes) {
                    Ok(text) => {
                        // Its line end is no part of it: a value cut short
                        // is faulted on its own line.
                        let parsed = pages::parse(text.trim_end(), at);
                        (
                            Line {
                                number,
                                text: Ok(text),
                            },
                            parsed,
                        )
                    }
                    Err((before, message)) => (
                        Line {
                            number: number + before,
                            text: Err(message.clone()),
                        },
                        Err(PageError {
                            path: String::new(),
                            message,
                            line: Some(1),
                        }),
                    ),
                };
                if page_tx.send((line, parsed)).is_err() {
                    return;
                }
            }
        });
        let recorder = scope.spawn(move || -> Result<Summary, LedgerError> {
            for (line, parsed) in page_rx {
                let text = line.text.as_deref().unwrap_or_default();
                one(
                    ledger,
                    text,
                    name,
                    line.number,
                    parsed,
                    &mut summary,
                    &mut report,
                )?;
            }
            Ok(summary)
        });
        let mut read = Ok(());
        for item in items {
            match item {
                Ok(item) => {
                    if item_tx.send(item).is_err() {
                        // The recorder stopped: its error says why.
                        break;
                    }
                }
                Err(e) => {
                    read = Err(e);
                    break;
                }
            }
        }
        drop(item_tx);
        let recorded = recorder
            .join()
            .unwrap_or_else(|_| Err(LedgerError::Db("the recording thread stopped".into())));
        // A database failure comes first; then a read failure.
        let summary = recorded?;
        read.map(|()| summary)
    })
}

/// One line of the input: its number and its text (with its line end), or
/// why it is no text.
#[derive(Debug)]
struct Line {
    number: usize,
    text: Result<String, String>,
}

/// Whether `lines` (one, in practice) is a complete JSON value.
fn is_value(lines: &[Line]) -> bool {
    lines.iter().all(|l| {
        l.text
            .as_deref()
            .is_ok_and(|t| serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok())
    })
}

/// The input's lines, numbered, a UTF-8 byte-order mark at its start
/// skipped.
struct Lines<'a> {
    input: &'a mut dyn BufRead,
    name: &'a str,
    number: usize,
}

impl Lines<'_> {
    fn io(&self, e: &std::io::Error) -> LedgerError {
        LedgerError::Io(format!("cannot read {}: {e}", self.name))
    }

    /// The next line, blank or not, as bytes (with its line end).
    fn next_bytes(&mut self) -> Result<Option<Vec<u8>>, LedgerError> {
        let mut bytes = Vec::new();
        if self
            .input
            .read_until(b'\n', &mut bytes)
            .map_err(|e| self.io(&e))?
            == 0
        {
            return Ok(None);
        }
        self.number += 1;
        if self.number == 1 {
            if let Some(rest) = bytes.strip_prefix(BOM) {
                bytes = rest.to_vec();
            }
        }
        Ok(Some(bytes))
    }

    /// The next line that is not blank.
    fn next_text(&mut self) -> Result<Option<Line>, LedgerError> {
        while let Some(bytes) = self.next_bytes()? {
            let text = utf8(bytes);
            if text.as_deref().is_ok_and(|t| t.trim().is_empty()) {
                continue;
            }
            return Ok(Some(Line {
                number: self.number,
                text: text.map_err(|(_, message)| message),
            }));
        }
        Ok(None)
    }
}

/// A UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` (one line) as text, or why it is not.
fn utf8(bytes: Vec<u8>) -> Result<String, (usize, String)> {
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// Where in `bytes` the first byte that is not UTF-8, at `valid`, is: the
/// lines before its own, and what is wrong.
fn not_utf8(bytes: &[u8], valid: usize) -> (usize, String) {
    let before = bytes.get(..valid).unwrap_or(bytes);
    let lines = before.iter().filter(|b| **b == b'\n').count();
    let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (
        lines,
        format!("not UTF-8 text: byte {column} of the line is not part of a UTF-8 character"),
    )
}

/// Records the input as one document: `pending`, the lines read so far,
/// and the rest of it.
fn one_document(
    ledger: &mut Ledger,
    lines: &mut Lines<'_>,
    pending: Vec<Line>,
    at: Option<Millis>,
    summary: &mut Summary,
    report: &mut impl FnMut(&Outcome),
) -> Result<Summary, LedgerError> {
    let name = lines.name;
    let first = pending.first().map_or(1, |l| l.number);
    let mut text = String::new();
    let mut number = first;
    for line in pending {
        // Blank lines between them keep the line numbers true.
        text.extend(std::iter::repeat_n(
            '\n',
            line.number.saturating_sub(number),
        ));
        number = line.number + 1;
        match line.text {
            Ok(t) => text.push_str(&t),
            Err(message) => {
                return refuse(name, line.number, message, summary, report);
            }
        }
    }
    let mut rest = Vec::new();
    lines
        .input
        .read_to_end(&mut rest)
        .map_err(|e| lines.io(&e))?;
    match String::from_utf8(rest) {
        Ok(rest) => text.push_str(&rest),
        Err(e) => {
            let (lines_before, message) = not_utf8(e.as_bytes(), e.utf8_error().valid_up_to());
            return refuse(name, number + lines_before, message, summary, report);
        }
    }
    let parsed = pages::parse(&text, at);
    one(ledger, &text, name, first, parsed, summary, report)?;
    Ok(*summary)
}

/// Reports a response refused before it was parsed.
fn refuse(
    name: &str,
    line: usize,
    message: String,
    summary: &mut Summary,
    report: &mut impl FnMut(&Outcome),
) -> Result<Summary, LedgerError> {
    summary.refused += 1;
    report(&Outcome::Refused(Fault {
        file: name.to_owned(),
        line,
        path: String::new(),
        message,
    }));
    Ok(*summary)
}

/// A line and what it parsed to.
type Parsed = (Line, Result<pages::Page, PageError>);

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
            summary.new_snapshots += recorded.new_snapshots;
            summary.new_events += recorded.new_events;
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
