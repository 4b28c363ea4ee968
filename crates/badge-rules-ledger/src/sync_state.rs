//! What a polling job (`badge-rules sync`) reads back from the ledger to
//! resume where it stopped: the event feed's cursor (the last event of the
//! last page that watched the feed), the progress of an interrupted run
//! (one mark per step, in the `meta` table every schema has), and a lock so
//! that two jobs on one ledger never interleave a cursor.
//!
//! Nothing here changes what the ledger answers: the cursor is read from
//! the pages already recorded, and the marks are bookkeeping beside them.
//!
//! ```
//! use badge_rules_ledger::{pages, Ledger};
//!
//! let dir = std::env::temp_dir().join(format!("ledger-doc-sync-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
//! assert_eq!(ledger.event_cursor().unwrap(), None);
//! let page = pages::parse(r#"{"fetchedAt": "2026-11-20T10:00:00Z", "query": {"limit": 100},
//!     "response": {"offerEvents": [{"id": "E1", "occurredAt": "2026-11-20T09:00:00Z",
//!     "type": "OFFER_PRICE_CHANGED", "offer": {"id": "1"}}]}}"#, None).unwrap();
//! ledger.record(&page).unwrap();
//! let cursor = ledger.event_cursor().unwrap().unwrap();
//! assert_eq!(cursor.last_id, "E1");
//! // Not full: the page vouches for the feed up to when it was fetched.
//! assert_eq!(cursor.watched_to, badge_rules_ledger::pages::millis("2026-11-20T10:00:00Z").unwrap());
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{db, LedgerError};
use crate::ledger::Ledger;
use crate::model::Millis;

/// Where the event feed was left: the last event of the latest page that
/// watched the feed (asked for the types the watch needs).
///
/// ```
/// let c = badge_rules_ledger::EventCursor { last_id: "E9".into(), last_at: 5, watched_to: 7 };
/// assert!(c.watched_to >= c.last_at);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCursor {
    /// The id to ask the feed from (`from`).
    pub last_id: String,
    /// When that event occurred.
    pub last_at: Millis,
    /// Up to when the feed is watched (the latest end of a watching page:
    /// its fetch, or its last event when it was full).
    pub watched_to: Millis,
}

/// The prefix of the marks a polling job keeps in `meta`.
const MARK: &str = "sync.";

impl Ledger {
    /// The event feed's cursor: the last event of the watching page whose
    /// last event is the latest; `None` when no watching page listed an
    /// event.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn event_cursor(&self) -> Result<Option<EventCursor>, LedgerError> {
        let conn = &self.store.conn;
        let last = conn
            .query_row(
                "SELECT last_id, last_at FROM pages
                 WHERE watches AND last_id <> '' AND last_at IS NOT NULL
                 ORDER BY last_at DESC, fetched_at DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Millis>(1)?)),
            )
            .optional()
            .map_err(db)?;
        let Some((last_id, last_at)) = last else {
            return Ok(None);
        };
        let watched_to: Option<Millis> = conn
            .query_row(
                "SELECT MAX(CASE WHEN full THEN last_at ELSE fetched_at END) FROM pages WHERE watches",
                [],
                |r| r.get(0),
            )
            .map_err(db)?;
        Ok(Some(EventCursor {
            last_id,
            last_at,
            watched_to: watched_to.unwrap_or(last_at).max(last_at),
        }))
    }

    /// The polling job's mark `key` (`None`: not set).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-mark-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let mut ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// ledger.set_sync_mark("offers", Some("2000")).unwrap();
    /// assert_eq!(ledger.sync_mark("offers").unwrap().as_deref(), Some("2000"));
    /// ledger.clear_sync_marks().unwrap();
    /// assert_eq!(ledger.sync_mark("offers").unwrap(), None);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn sync_mark(&self, key: &str) -> Result<Option<String>, LedgerError> {
        self.store
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                params![format!("{MARK}{key}")],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)
    }

    /// Sets (or with `None` removes) the polling job's mark `key`, in its
    /// own transaction.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn set_sync_mark(&mut self, key: &str, value: Option<&str>) -> Result<(), LedgerError> {
        let key = format!("{MARK}{key}");
        let conn = &self.store.conn;
        match value {
            Some(v) => conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            ),
            None => conn.execute("DELETE FROM meta WHERE key = ?1", params![key]),
        }
        .map(|_| ())
        .map_err(db)
    }

    /// Removes every mark of the polling job (its run is over).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn clear_sync_marks(&mut self) -> Result<(), LedgerError> {
        self.store
            .conn
            .execute(
                "DELETE FROM meta WHERE substr(key, 1, ?2) = ?1",
                params![MARK, MARK.len()],
            )
            .map(|_| ())
            .map_err(db)
    }
}

/// A lock held by one polling job on one ledger while it runs: an SQLite
/// lock on a small file beside the ledger (`<ledger>.sync-lock`), which the
/// operating system releases when the process ends, however it ends (a
/// `kill -9` leaves no stale lock).
///
/// ```
/// let dir = std::env::temp_dir().join(format!("ledger-doc-lock-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("prices.db");
/// let held = badge_rules_ledger::SyncLock::acquire(&path, std::time::Duration::ZERO).unwrap();
/// let err = badge_rules_ledger::SyncLock::acquire(&path, std::time::Duration::ZERO).unwrap_err();
/// assert!(err.to_string().contains("another sync"));
/// drop(held);
/// assert!(badge_rules_ledger::SyncLock::acquire(&path, std::time::Duration::ZERO).is_ok());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug)]
pub struct SyncLock {
    /// Holds the exclusive lock until dropped.
    _conn: Connection,
}

impl SyncLock {
    /// The lock file of the ledger at `ledger`.
    ///
    /// ```
    /// let p = badge_rules_ledger::SyncLock::path_of(std::path::Path::new("a/prices.db"));
    /// assert_eq!(p, std::path::Path::new("a/prices.db.sync-lock"));
    /// ```
    pub fn path_of(ledger: &Path) -> PathBuf {
        let mut name = ledger.as_os_str().to_owned();
        name.push(".sync-lock");
        PathBuf::from(name)
    }

    /// Takes the lock of the ledger at `ledger`, waiting up to `wait` for
    /// another job to release it.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Io`] saying another sync holds it (after `wait`), or
    /// that the lock file cannot be made.
    pub fn acquire(ledger: &Path, wait: Duration) -> Result<Self, LedgerError> {
        let path = Self::path_of(ledger);
        let io =
            |e: rusqlite::Error| LedgerError::Io(format!("cannot lock {}: {e}", path.display()));
        let conn = Connection::open(&path).map_err(io)?;
        conn.busy_timeout(wait).map_err(io)?;
        let taken = conn
            .query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| {
                r.get::<_, String>(0)
            })
            .and_then(|_| conn.execute_batch("BEGIN EXCLUSIVE"));
        match taken {
            Ok(()) => Ok(SyncLock { _conn: conn }),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                Err(LedgerError::Io(format!(
                    "another sync is running on {} (its lock {} is held): this one stops without touching the ledger",
                    ledger.display(),
                    path.display()
                )))
            }
            Err(e) => Err(io(e)),
        }
    }
}
