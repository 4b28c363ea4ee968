//! The price ledger as the server reaches it, through the ledger crate's
//! public API only: one connection that records, and read-only connections
//! for the answers, kept for reuse (a reader never writes).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use badge_rules_ledger::{Ledger, LedgerError};

/// The ledger a server was started with.
#[derive(Debug)]
pub(crate) struct LedgerAccess {
    path: PathBuf,
    /// The one connection that records.
    writer: Mutex<Ledger>,
    /// Read-only connections not in use.
    readers: Mutex<Vec<Ledger>>,
}

impl LedgerAccess {
    /// Opens the ledger at `path`, creating it when absent.
    pub(crate) fn open(path: &Path) -> Result<Self, LedgerError> {
        Ok(LedgerAccess {
            writer: Mutex::new(Ledger::open(path)?),
            readers: Mutex::new(Vec::new()),
            path: path.to_owned(),
        })
    }

    /// `f` on a read-only connection.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Ledger) -> T) -> Result<T, LedgerError> {
        let pooled = self.readers.lock().ok().and_then(|mut r| r.pop());
        let ledger = match pooled {
            Some(ledger) => ledger,
            None => Ledger::open_read_only(&self.path)?,
        };
        let answer = f(&ledger);
        if let Ok(mut readers) = self.readers.lock() {
            readers.push(ledger);
        }
        Ok(answer)
    }

    /// `f` on the recording connection.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut Ledger) -> T) -> Result<T, LedgerError> {
        let mut ledger = self
            .writer
            .lock()
            .map_err(|_| LedgerError::Io("the ledger's writer failed earlier".into()))?;
        Ok(f(&mut ledger))
    }

    /// Whether the ledger can be reached: a fresh read-only connection opens
    /// it and reads its size.
    pub(crate) fn reachable(&self) -> Result<(), LedgerError> {
        Ledger::open_read_only(&self.path)?.size().map(|_| ())
    }
}
