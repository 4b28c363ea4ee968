//! The price ledger as `check --ledger` and `plan --ledger` read it: opened
//! once before the run, so that a missing or unreadable ledger stops it
//! before any output, then once more on each worker thread, whose own
//! connection it reads through.

use std::path::Path;

use badge_rules_ledger::{Ledger, LedgerError};

/// Why a ledger could not be opened.
#[derive(Debug)]
pub(crate) enum Unopened {
    /// No file at the path (a run never creates a ledger).
    Missing,
    /// The file is there but is no ledger that can be read: why.
    Refused(String),
}

/// A worker thread's connection to the ledger, or why it could not be
/// opened (its answers then tell of it).
pub(crate) type Connection = Result<Ledger, String>;

/// The ledger at `path`, which must exist.
pub(crate) fn open(path: &Path) -> Result<Ledger, Unopened> {
    Ledger::open_read_only(path).map_err(|e| match e {
        LedgerError::Missing(_) => Unopened::Missing,
        other => Unopened::Refused(other.to_string()),
    })
}

/// [`open`] for a worker thread: the failure as a message.
pub(crate) fn connect(path: &Path) -> Connection {
    open(path).map_err(|e| match e {
        Unopened::Missing => format!("no ledger at {}", path.display()),
        Unopened::Refused(message) => message,
    })
}

/// `f` in one read transaction of `ledger`: a chunk reads one snapshot of
/// the ledger, locked once.
pub(crate) fn in_one_read<T>(ledger: &Connection, f: impl FnOnce() -> T) -> T {
    match ledger {
        Ok(l) => l.reading(|_| f()),
        // Its answers tell of the error.
        Err(_) => f(),
    }
}
