//! What can go wrong in the ledger: its database, its input, or a page it
//! refuses.

use std::fmt;
use std::path::Path;

/// A failure of the ledger itself (the database), or a page it refuses.
///
/// ```
/// use badge_rules_ledger::LedgerError;
/// let err = LedgerError::Refused { path: "offers[0]".into(), message: "no".into() };
/// assert_eq!(err.to_string(), "offers[0]: no");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LedgerError {
    /// The database cannot be opened, read or written.
    Db(String),
    /// A file or stream cannot be read.
    Io(String),
    /// No ledger at the path (only recording creates one).
    Missing(String),
    /// The file is not a badge-rules ledger: another application's SQLite
    /// database, an empty one, or no SQLite database at all. Nothing is
    /// written into it.
    NotALedger(String),
    /// A ledger of a schema newer than this build reads: nothing is read or
    /// written, so that nothing is misread.
    Newer(String),
    /// A damaged database (`PRAGMA quick_check` finds faults): nothing is
    /// read or written.
    Damaged(String),
    /// A page that reads well but that the ledger refuses (a currency or
    /// marketplace other than the offer's recorded one): nothing of it is
    /// written.
    Refused {
        /// The JSON path of the fault.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl LedgerError {
    pub(crate) fn db(path: &Path, e: rusqlite::Error) -> Self {
        LedgerError::Db(format!("{}: {e}", path.display()))
    }
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::Db(message)
            | LedgerError::Io(message)
            | LedgerError::Missing(message)
            | LedgerError::NotALedger(message)
            | LedgerError::Newer(message)
            | LedgerError::Damaged(message) => f.write_str(message),
            LedgerError::Refused { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for LedgerError {}

pub(crate) fn db(e: rusqlite::Error) -> LedgerError {
    LedgerError::Db(format!("the ledger: {e}"))
}
