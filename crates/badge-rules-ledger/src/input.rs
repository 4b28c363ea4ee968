//! Reading recorded responses from a file or a stream: one JSON response
//! (pretty-printed or not), or JSONL, one response or recording line per
//! line (the form a polling job appends to). Each response is checked whole
//! and recorded in its own transaction; a refused one is named by file,
//! line and JSON path, and the others go on.
//!
//! ```
//! use badge_rules_ledger::{input, Ledger};
//!
//! let dir = std::env::temp_dir().join(format!("ledger-doc-input-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
//! let jsonl = concat!(
//!     r#"{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.99", "currency": "PLN"}}}]}}"#, "\n",
//!     r#"{"fetchedAt": "2026-11-02T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.999", "currency": "PLN"}}}]}}"#, "\n",
//! );
//! let mut refused = Vec::new();
//! let summary = input::record(&mut ledger, &mut jsonl.as_bytes(), "prices.jsonl", None, |outcome| {
//!     if let input::Outcome::Refused(fault) = outcome { refused.push(fault.to_string()) }
//! }).unwrap();
//! assert_eq!((summary.committed, summary.refused), (1, 1));
//! assert_eq!(refused[0], "prices.jsonl:2: response.offers[0].sellingMode.price.amount: \"9.999\" is not an amount of money (a decimal string with at most two fractional digits, not negative)");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::fmt;
use std::io::BufRead;
use std::sync::mpsc::sync_channel;

use crate::model::Millis;
use crate::pages::{self, PageError};
use crate::store::Recorded;
use crate::{Ledger, LedgerError};

/// A response refused: where, and why. Nothing of it was written.
///
/// ```
/// use badge_rules_ledger::input::Fault;
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
/// use badge_rules_ledger::input::Outcome;
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
/// let s = badge_rules_ledger::input::Summary::default();
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

/// One step of a JSON path.
#[derive(Debug, PartialEq, Eq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// `offers[3].price` as its steps.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            out.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// The line (1-based) of the value at `path` in the JSON `text`, if it is
/// there.
fn line_of(text: &str, path: &str) -> Option<usize> {
    let steps = steps(path)?;
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    for step in &steps {
        at = match step {
            Step::Key(key) => member(bytes, at, key)?,
            Step::Index(index) => element(bytes, at, *index)?,
        };
    }
    let before = bytes.get(..at)?;
    Some(before.iter().filter(|b| **b == b'\n').count() + 1)
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The end of the string starting at `at` (its opening quote), after the
/// closing quote.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The end of the value starting at `at`.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The start of member `key`'s value in the object at `at`.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = skip_ws(bytes, at + 1);
    while bytes.get(i) == Some(&b'"') {
        let end = string_end(bytes, i)?;
        let name = std::str::from_utf8(bytes.get(i + 1..end - 1)?).ok()?;
        i = skip_ws(bytes, end);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
        if name == key {
            return Some(i);
        }
        i = skip_ws(bytes, value_end(bytes, i)?);
        if bytes.get(i) == Some(&b',') {
            i = skip_ws(bytes, i + 1);
        }
    }
    None
}

/// The start of element `index` in the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(bytes, at + 1);
    for _ in 0..index {
        i = skip_ws(bytes, value_end(bytes, i)?);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
    }
    (bytes.get(i) != Some(&b']')).then_some(i)
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
        assert_eq!(
            steps("a[1][2].b"),
            Some(vec![
                Step::Key("a"),
                Step::Index(1),
                Step::Index(2),
                Step::Key("b")
            ])
        );
    }
}
