//! The database: an SQLite file (in WAL mode while a recorder has it open),
//! one transaction per page, its schema versioned (`PRAGMA user_version`,
//! `PRAGMA application_id`) and moved forward by a list of steps, one per
//! version.
//!
//! Tables (times in milliseconds since the epoch, prices in grosze):
//!
//! - `offers(key, id, currency, marketplace)`: each offer once, with the
//!   currency and base marketplace its prices are in;
//! - `snapshots(offer, at, price, on_sale)`: every price seen, keyed by all
//!   four, so the same page twice adds nothing;
//! - `events(offer, at, kind, id, markets)`: price changes, ends and
//!   activations;
//! - `pages(fetched_at, from_id, from_at, first_at, last_id, last_at, count,
//!   full, watches)`: each page of the event feed, from which the watched
//!   intervals are worked out when they are read (so the order pages were
//!   recorded in never matters);
//! - and, from schema 3: `market_snapshots(offer, marketplace, at,
//!   price, on_sale)`, the prices of additional marketplaces
//!   (`additionalMarketplaces.<id>.sellingMode.price`), and `badges(offer,
//!   marketplace, campaign, at, status, bargain, market, pub_from, pub_to)`,
//!   each badge as a GET /sale/badges page showed it (absent values stored
//!   as -1 for prices and [`i64::MIN`] for times, so that every column is
//!   in the key and the same page twice adds nothing).

use std::cell::Cell;
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use badge_rules::money::Marketplace;

use crate::model::{BadgeSeen, BadgeStatus, Millis, Observation, StoredStatus, Watch};
use crate::pages::{BadgeRow, Content, EventKind, EventPage, Page, Snapshot};
use crate::LedgerError;

/// The largest ledger a reader checks whole at open (`PRAGMA
/// quick_check`, a fraction of a second at this size).
const READER_CHECK_BYTES: u64 = 32 << 20;

/// How long a connection waits for another one's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// `PRAGMA application_id` of a badge-rules ledger: "BRLG". A database
/// with another non-zero one belongs to another application.
pub(crate) const APPLICATION_ID: i32 = 0x4252_4C47;

/// Version 1: the ledger as the first badge-rules wrote it (its
/// `user_version` and `application_id` are 0; `meta` says `schema` `1`).
const SCHEMA_V1: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta VALUES ('schema', '1');
CREATE TABLE IF NOT EXISTS offers (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    currency TEXT,
    marketplace TEXT
);
CREATE TABLE IF NOT EXISTS snapshots (
    offer INTEGER NOT NULL,
    at INTEGER NOT NULL,
    price INTEGER NOT NULL,
    on_sale INTEGER NOT NULL,
    PRIMARY KEY (offer, at, price, on_sale)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    offer INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    id TEXT NOT NULL,
    markets TEXT,
    PRIMARY KEY (offer, at, kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages (
    fetched_at INTEGER NOT NULL,
    from_id TEXT NOT NULL,
    from_at INTEGER,
    first_at INTEGER,
    last_id TEXT NOT NULL,
    last_at INTEGER,
    count INTEGER NOT NULL,
    full INTEGER NOT NULL,
    watches INTEGER NOT NULL,
    UNIQUE (fetched_at, from_id, last_id, count)
);
";

/// Version 2: the ledger says what it is (`application_id`,
/// `user_version`, set for every version by [`migrate`]).
const SCHEMA_V2: &str = "";

/// Version 3: the tables of the campaign prices and the additional
/// marketplaces (docs/LEDGER.md, "What is recorded").
const SCHEMA_V3: &str = "
CREATE TABLE IF NOT EXISTS market_snapshots (
    offer INTEGER NOT NULL,
    marketplace TEXT NOT NULL,
    at INTEGER NOT NULL,
    price INTEGER NOT NULL,
    on_sale INTEGER NOT NULL,
    PRIMARY KEY (offer, marketplace, at, price, on_sale)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS badges (
    offer INTEGER NOT NULL,
    marketplace TEXT NOT NULL,
    campaign TEXT NOT NULL,
    at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    bargain INTEGER NOT NULL,
    market INTEGER NOT NULL,
    pub_from INTEGER NOT NULL,
    pub_to INTEGER NOT NULL,
    PRIMARY KEY (offer, marketplace, campaign, at, status, bargain, market, pub_from, pub_to)
) WITHOUT ROWID;
";

/// Version 4: the other base marketplaces an offer was recorded with
/// (`offers.bases`, a sorted comma-separated list): a base price on
/// another marketplace than the offer's first one is kept under its own
/// marketplace (in `market_snapshots`), never refused, so that the order of
/// recording never changes an answer (docs/LEDGER.md, "One answer whatever
/// the order").
const SCHEMA_V4: &str = "ALTER TABLE offers ADD COLUMN bases TEXT;";

/// The first version with `offers.bases`.
const BASES_SINCE: i64 = 4;

/// An absent time in the `badges` table.
const NO_TIME: Millis = Millis::MIN;
/// One step of the schema: the SQL that brings a ledger of the version
/// before it to its own. `STEPS[i]` makes version `i + 1`; a later version
/// is one more entry (run in the same transaction as the others, so a
/// ledger is migrated whole or not at all).
const STEPS: &[&str] = &[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4];

/// The first version with the tables of [`SCHEMA_V3`]: a reader of an
/// older ledger, which it reads as it is, finds no badge and no other
/// marketplace's price there.
const CAMPAIGNS_SINCE: i64 = 3;

/// The schema version this build writes and reads: the number of steps.
pub(crate) const VERSION: i64 = STEPS.len() as i64;

/// How a ledger is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// To record: created when absent, migrated to [`VERSION`].
    Create,
    /// To write (prune): it must exist; migrated to [`VERSION`].
    Write,
    /// To read: it must exist; opened read-only and read as it is.
    Read,
}

/// What a database is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// No table at all: a new file.
    Empty,
    /// A badge-rules ledger of this schema version.
    Ledger(i64),
    /// Something else: what it is.
    Foreign(String),
}

/// What the database behind `conn` is, read without writing.
fn kind(conn: &Connection) -> rusqlite::Result<Kind> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app == APPLICATION_ID {
        return Ok(Kind::Ledger(version));
    }
    if app != 0 {
        return Ok(Kind::Foreign(format!(
            "an SQLite database of another application (application_id {app:#x})"
        )));
    }
    let mut statement = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let tables: Vec<String> = statement
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if tables.is_empty() && version == 0 {
        return Ok(Kind::Empty);
    }
    let v1 = ["events", "meta", "offers", "pages", "snapshots"];
    if version == 0 && tables == v1 {
        let schema: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if schema.as_deref() == Some("1") {
            return Ok(Kind::Ledger(1));
        }
    }
    Ok(Kind::Foreign(format!(
        "an SQLite database of another application (tables {}; user_version {version})",
        if tables.is_empty() {
            "none".to_owned()
        } else {
            tables.join(", ")
        }
    )))
}

/// Whether `e` is SQLite's "the database is locked" (or busy).
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// [`kind`] read in one read transaction, so that its reads see one state.
fn snapshot_kind(conn: &Connection) -> rusqlite::Result<Kind> {
    let tx = conn.unchecked_transaction()?;
    let found = kind(&tx)?;
    tx.commit()?;
    Ok(found)
}

/// Brings the ledger to [`VERSION`] in one transaction: every step from its
/// version on, then its `user_version` and `application_id`.
fn migrate(conn: &mut Connection, path: &Path) -> Result<(), LedgerError> {
    let db = |e| LedgerError::db(path, e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db)?;
    // Read again inside the transaction: another recorder may have
    // migrated it since.
    let from = match kind(&tx).map_err(db)? {
        Kind::Empty => 0,
        Kind::Ledger(v) if v <= VERSION => v,
        other => return Err(refusal(path, &other)),
    };
    if from == VERSION {
        return Ok(());
    }
    for step in STEPS
        .iter()
        .skip(usize::try_from(from).unwrap_or(usize::MAX))
    {
        tx.execute_batch(step).map_err(db)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {VERSION};
         UPDATE meta SET value = '{VERSION}' WHERE key = 'schema';"
    ))
    .map_err(db)?;
    tx.commit().map_err(db)
}

/// Why a database of `kind` is not opened as a ledger.
fn refusal(path: &Path, kind: &Kind) -> LedgerError {
    match kind {
        Kind::Ledger(v) => LedgerError::Newer(format!(
            "{} is a badge-rules ledger of schema {v}, newer than this badge-rules reads (schema {VERSION} and older): use a newer badge-rules",
            path.display()
        )),
        Kind::Empty => LedgerError::NotALedger(format!(
            "{} is an empty SQLite database, not a badge-rules ledger (`ledger record` creates one)",
            path.display()
        )),
        Kind::Foreign(what) => LedgerError::NotALedger(format!(
            "{} is {what}, not a badge-rules ledger",
            path.display()
        )),
    }
}

/// The first 16 bytes of every SQLite database.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that is no SQLite database before SQLite opens it: an
/// empty file is one only when a ledger is to be created in it.
fn check_file(path: &Path, access: Access) -> Result<(), LedgerError> {
    use std::io::Read as _;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return match access {
                Access::Create => Ok(()),
                Access::Write | Access::Read => Err(LedgerError::Missing(format!(
                    "no ledger at {}",
                    path.display()
                ))),
            };
        }
        Err(e) => return Err(LedgerError::Io(format!("{}: {e}", path.display()))),
    };
    let mut head = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut head)
        .map_err(|e| LedgerError::Io(format!("{}: {e}", path.display())))?;
    if head.is_empty() {
        return match access {
            Access::Create => Ok(()),
            Access::Write | Access::Read => Err(LedgerError::NotALedger(format!(
                "{} is an empty file, not a badge-rules ledger (`ledger record` creates one)",
                path.display()
            ))),
        };
    }
    if head != SQLITE_HEADER {
        return Err(LedgerError::NotALedger(format!(
            "{} is not an SQLite database (a badge-rules ledger is one)",
            path.display()
        )));
    }
    Ok(())
}

/// `PRAGMA quick_check`: `None` when sound, else its first finding.
fn damage(conn: &Connection) -> Option<String> {
    let found = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0));
    match found {
        Ok(ok) if ok == "ok" => None,
        Ok(finding) => Some(finding),
        Err(e) => Some(e.to_string()),
    }
}

/// What recording one page did.
///
/// ```
/// use badge_rules_ledger::store::Recorded;
/// let r = Recorded::default();
/// assert_eq!((r.snapshots, r.events, r.new_snapshots, r.new_events), (0, 0, 0, 0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Prices the page gave (new or already recorded).
    pub snapshots: usize,
    /// Events of the page the ledger keeps (new or already recorded).
    pub events: usize,
    /// Of [`Recorded::snapshots`], those the ledger did not hold yet.
    pub new_snapshots: usize,
    /// Of [`Recorded::events`], those the ledger did not hold yet.
    pub new_events: usize,
}

/// A page the ledger refuses although it reads well: its prices are in
/// another currency or marketplace than the offer's recorded ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// An offer as recorded: its key and the currency and marketplace of its
/// prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OfferRow {
    pub(crate) key: i64,
    pub(crate) currency: Option<String>,
    pub(crate) marketplace: Option<String>,
    /// The other base marketplaces its prices were recorded with (schema
    /// 4), comma-separated in Allegro's order.
    pub(crate) bases: Option<String>,
}

impl OfferRow {
    /// Every marketplace recorded as the offer's base, in Allegro's order
    /// (pl, cz, sk, hu): one, unless the responses contradict each other.
    pub(crate) fn base_markets(&self) -> Vec<Marketplace> {
        let others: Vec<Marketplace> = self
            .bases
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(Marketplace::from_id)
            .collect();
        Marketplace::ALL
            .into_iter()
            .filter(|m| base_market(self) == Some(*m) || others.contains(m))
            .collect()
    }
}

/// One offer on one marketplace, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Series {
    /// Its snapshots and events.
    pub(crate) observations: Vec<Observation>,
    /// Its badges.
    pub(crate) badges: Vec<BadgeSeen>,
    /// The currency of its prices.
    pub(crate) currency: String,
    /// The marketplace, when known.
    pub(crate) marketplace: Option<Marketplace>,
    /// Every marketplace recorded as the offer's base (one, unless the
    /// responses contradict each other).
    pub(crate) bases: Vec<Marketplace>,
}

/// The database.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("ledger-doc-store-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
/// assert_eq!(ledger.integrity_check().unwrap(), "ok");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    /// The schema version of the ledger as opened (a reader reads an
    /// older ledger as it is).
    pub(crate) version: i64,
    /// Opened to write: turns the ledger back from WAL when closed.
    writer: bool,
    /// Inside [`Store::reading`]'s read transaction: whether the tables of
    /// schema 3 (`market_snapshots`, `badges`) hold no row in its snapshot
    /// of the database (`None`: outside one, or not asked yet). Most
    /// ledgers hold none, and then each document's two queries of them
    /// are skipped (they would find nothing).
    extras_empty: Cell<Option<bool>>,
    /// [`Store::reading`] began a read transaction that is still open.
    in_read: Cell<bool>,
}

impl Drop for Store {
    /// A recorder leaves the ledger as one plain file when nobody else has
    /// it open (no `-wal` or `-shm` beside it), so that a reader, which
    /// writes nothing, creates none: switching out of WAL needs every
    /// other connection gone, and is simply skipped (without waiting) when
    /// one is there.
    fn drop(&mut self) {
        if self.writer {
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self
                .conn
                .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                    r.get::<_, String>(0)
                });
        }
    }
}

impl Store {
    /// Opens the ledger at `path` for `access`: refuses a file that is no
    /// ledger, a ledger newer than this build, a damaged one; migrates an
    /// older one when writing, in one transaction.
    pub(crate) fn open(path: &Path, access: Access) -> Result<Self, LedgerError> {
        let db = |e| LedgerError::db(path, e);
        check_file(path, access)?;
        let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX
            | match access {
                Access::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
                Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
                Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
            };
        let mut conn = Connection::open_with_flags(path, flags).map_err(db)?;
        // A reader waits only for the instant a recorder turns WAL on.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(db)?;
        // An 8 MiB page cache (SQLite's default is 2): the memory of a run
        // stays that whatever the size of the ledger (a memory map would
        // read faster, but count the whole file as the process's memory).
        conn.pragma_update(None, "cache_size", -8_192).map_err(db)?;
        // One snapshot: read outside a transaction, a recorder creating
        // the ledger between the reads of `kind` would show its tables
        // beside the `user_version` 0 read before (a foreign database).
        let found = snapshot_kind(&conn).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                LedgerError::Damaged(format!("{}: {e}", path.display()))
            }
            _ => db(e),
        })?;
        let version = match found {
            Kind::Ledger(v) if (1..=VERSION).contains(&v) => v,
            Kind::Empty if access != Access::Read => 0,
            other => return Err(refusal(path, &other)),
        };
        // Before writing, the whole file is checked; a reader, which
        // writes nothing, checks a small one whole, and of a large one the
        // pages it reads (SQLite refuses a damaged page it meets): a whole
        // check reads every page, seconds for a ledger of a few GB, at
        // every run and in every worker thread.
        let whole = access != Access::Read
            || std::fs::metadata(path).map_or(true, |m| m.len() <= READER_CHECK_BYTES);
        if let Some(finding) = whole.then(|| damage(&conn)).flatten() {
            return Err(LedgerError::Damaged(format!(
                "{} is a damaged database (PRAGMA quick_check: {finding}): it is not read or written",
                path.display()
            )));
        }
        if access == Access::Read {
            return Ok(Store {
                conn,
                version,
                writer: false,
                extras_empty: Cell::new(None),
                in_read: Cell::new(false),
            });
        }
        // WAL while recording: readers never wait for a recorder, and a
        // killed recorder leaves every committed transaction in place.
        // NORMAL: a commit survives a killed process (not a power cut
        // before the next checkpoint). The last writer out turns it back
        // to a plain file (see `Drop`).
        // Recorders opening one new ledger at once: turning WAL on needs
        // the file alone, and SQLite answers "locked" at once (no busy
        // wait) when another connection holds it; tried again until
        // BUSY_TIMEOUT, as a busy wait would.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            let tried = conn
                .query_row("PRAGMA journal_mode = WAL", [], |row| {
                    row.get::<_, String>(0)
                })
                .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"));
            match tried {
                Ok(()) => break,
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(db(e)),
            }
        }
        migrate(&mut conn, path)?;
        Ok(Store {
            conn,
            version: VERSION,
            writer: true,
            extras_empty: Cell::new(None),
            in_read: Cell::new(false),
        })
    }

    /// The database's size in bytes (its pages, whether in the file or in
    /// its write-ahead log).
    pub(crate) fn size(&self) -> rusqlite::Result<u64> {
        let pages: u64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let size: u64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Ok(pages * size)
    }

    /// Gives the space of what was deleted back to the file system:
    /// `VACUUM`, then a checkpoint that writes it into the file and empties
    /// the write-ahead log.
    pub(crate) fn vacuum(&self) -> rusqlite::Result<()> {
        self.conn.execute_batch("VACUUM")?;
        // A reader still reading keeps the log: the next checkpoint takes it.
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(())
    }

    /// `PRAGMA integrity_check`'s answer (`ok` when sound).
    pub(crate) fn integrity_check(&self) -> rusqlite::Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
    }

    /// Records `page` in one transaction: all of it, or nothing.
    pub(crate) fn record(
        &mut self,
        page: &Page,
    ) -> Result<Result<Recorded, Refusal>, rusqlite::Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let recorded = match &page.content {
            Content::Snapshots(snapshots) => {
                match record_snapshots(&tx, snapshots, page.fetched_at)? {
                    Ok(new) => Recorded {
                        snapshots: snapshots.len(),
                        new_snapshots: new,
                        ..Recorded::default()
                    },
                    // Dropping the transaction rolls it back.
                    Err(refusal) => return Ok(Err(refusal)),
                }
            }
            Content::Events(events) => {
                let new = record_events(&tx, events, page.fetched_at)?;
                Recorded {
                    events: events.events.len(),
                    new_events: new,
                    ..Recorded::default()
                }
            }
            Content::Badges(badges) => {
                let new = record_badges(&tx, badges, page.fetched_at)?;
                Recorded {
                    snapshots: badges.len(),
                    new_snapshots: new,
                    ..Recorded::default()
                }
            }
        };
        tx.commit()?;
        Ok(Ok(recorded))
    }

    /// Runs `f` in one read transaction: one snapshot of the database, and
    /// one lock taken for all its reads. When the transaction cannot begin
    /// (one is already open), `f`'s reads run as they would anyway.
    pub(crate) fn reading<T>(&self, f: impl FnOnce() -> T) -> T {
        let began = self.conn.execute_batch("BEGIN DEFERRED").is_ok();
        self.extras_empty.set(None);
        self.in_read.set(began);
        let out = f();
        self.in_read.set(false);
        self.extras_empty.set(None);
        if began {
            // Ending a read transaction gives up a lock: nothing to lose.
            let _ = self.conn.execute_batch("COMMIT");
        }
        out
    }

    /// Whether `market_snapshots` and `badges` are both empty in the open
    /// read transaction's snapshot, asked once per transaction; outside
    /// one (where another connection may add rows between two queries)
    /// always `false`, so that nothing is skipped.
    fn extras_empty(&self) -> rusqlite::Result<bool> {
        if !self.in_read.get() {
            return Ok(false);
        }
        if let Some(empty) = self.extras_empty.get() {
            return Ok(empty);
        }
        let empty: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM market_snapshots) AND NOT EXISTS (SELECT 1 FROM badges)",
            [],
            |r| r.get(0),
        )?;
        self.extras_empty.set(Some(empty));
        Ok(empty)
    }

    /// The offer recorded as `id`.
    pub(crate) fn offer(&self, id: &str) -> rusqlite::Result<Option<OfferRow>> {
        let sql = if self.version >= BASES_SINCE {
            "SELECT key, currency, marketplace, bases FROM offers WHERE id = ?1"
        } else {
            "SELECT key, currency, marketplace, NULL FROM offers WHERE id = ?1"
        };
        self.conn
            .prepare_cached(sql)?
            .query_row([id], |row| {
                Ok(OfferRow {
                    key: row.get(0)?,
                    currency: row.get(1)?,
                    marketplace: row.get(2)?,
                    bases: row.get(3)?,
                })
            })
            .optional()
    }

    /// Everything recorded about the offer `row` on `marketplace` (`None`:
    /// its base marketplace, the first in Allegro's order when the
    /// responses named several): the observations, the badges, and the
    /// currency of the prices. The prices are those seen on that
    /// marketplace, whether as the offer's base price or as an additional
    /// marketplace's, whichever was recorded first.
    pub(crate) fn series(
        &self,
        row: &OfferRow,
        marketplace: Option<Marketplace>,
    ) -> rusqlite::Result<Series> {
        let bases = row.base_markets();
        let market = marketplace.or_else(|| bases.first().copied());
        let Some(m) = market else {
            // An offer of an older ledger with prices in no marketplace's
            // currency: its own prices, every event.
            return Ok(Series {
                observations: self.observations(row, None)?,
                badges: Vec::new(),
                currency: row.currency.clone().unwrap_or_default(),
                marketplace: None,
                bases,
            });
        };
        // The `snapshots` table holds the prices of the offer's first base
        // marketplace (or of an offer known so far by its events only).
        let home = base_market(row).is_none_or(|b| b == m)
            && row.currency.as_deref().is_none_or(|c| c == m.currency());
        let observations = if home {
            let own = self.observations(row, Some(m))?;
            let other = self.market_snapshots(row, m)?;
            if other.is_empty() {
                own
            } else {
                // Both lists are whole timelines of one marketplace: their
                // snapshots are sorted together again (contradictions at one
                // instant included), their events taken once.
                let mut snapshots: Vec<Observation> = own
                    .into_iter()
                    .filter(|o| matches!(o, Observation::Snapshot { .. }))
                    .chain(other)
                    .collect();
                snapshots.sort_by_key(|o| o.key());
                snapshots.dedup();
                let mut out = Vec::with_capacity(snapshots.len());
                for o in snapshots {
                    push_snapshot(&mut out, o);
                }
                crate::model::merge(out, self.events_on(row, Some(m))?)
            }
        } else {
            let mut out = Vec::new();
            for o in self.market_snapshots(row, m)? {
                push_snapshot(&mut out, o);
            }
            crate::model::merge(out, self.events_on(row, Some(m))?)
        };
        Ok(Series {
            observations,
            badges: self.badges(row.key, m)?,
            currency: m.currency().to_owned(),
            marketplace: Some(m),
            bases,
        })
    }

    /// The series of offer `row` on each marketplace the ledger holds a
    /// price or a badge of it on, in Allegro's order; `home` is what
    /// [`Store::each_offer`] read of its first base marketplace (taken as
    /// it is when no other table adds to it).
    pub(crate) fn every_series(
        &self,
        row: &OfferRow,
        home: &[Observation],
    ) -> rusqlite::Result<Vec<Series>> {
        let mut found: Vec<String> = Vec::new();
        if self.version >= CAMPAIGNS_SINCE {
            let mut statement = self.conn.prepare_cached(
                "SELECT marketplace FROM market_snapshots WHERE offer = ?1
                 UNION SELECT marketplace FROM badges WHERE offer = ?1",
            )?;
            let rows = statement.query_map([row.key], |r| r.get::<_, String>(0))?;
            for m in rows {
                found.push(m?);
            }
        }
        let own = base_market(row);
        let Some(own) = own else {
            // An offer in no marketplace's currency: its own prices only.
            return Ok(vec![Series {
                observations: home.to_vec(),
                badges: Vec::new(),
                currency: row.currency.clone().unwrap_or_default(),
                marketplace: None,
                bases: Vec::new(),
            }]);
        };
        let mut out = Vec::new();
        for m in Marketplace::ALL {
            let is_home = m == own;
            let added = found.iter().any(|f| f == m.id());
            if !is_home && !added {
                continue;
            }
            if is_home && !found.iter().any(|f| f == m.id()) {
                // Only the snapshots table: as read in the scan, no badge.
                out.push(Series {
                    observations: home.to_vec(),
                    badges: Vec::new(),
                    currency: m.currency().to_owned(),
                    marketplace: Some(m),
                    bases: Vec::new(),
                });
            } else {
                out.push(self.series(row, Some(m))?);
            }
        }
        Ok(out)
    }

    /// The badges of offer `key` on `marketplace`.
    fn badges(&self, key: i64, marketplace: Marketplace) -> rusqlite::Result<Vec<BadgeSeen>> {
        if self.version < CAMPAIGNS_SINCE {
            // An older ledger, read as it is: it holds no badge.
            return Ok(Vec::new());
        }
        if self.extras_empty()? {
            return Ok(Vec::new());
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT campaign, at, status, bargain, pub_from, pub_to FROM badges WHERE offer = ?1 AND marketplace = ?2",
        )?;
        let rows = statement.query_map(params![key, marketplace.id()], |r| {
            let bargain: i64 = r.get(3)?;
            let from: Millis = r.get(4)?;
            let to: Millis = r.get(5)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Millis>(1)?,
                r.get::<_, i64>(2)?,
                bargain,
                from,
                to,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (campaign, at, status, bargain, from, to) = row?;
            if let Some(status) = BadgeStatus::from_code(status) {
                out.push(BadgeSeen {
                    campaign,
                    at,
                    status,
                    bargain: (bargain >= 0).then_some(bargain),
                    from: (from != NO_TIME).then_some(from),
                    to: (to != NO_TIME).then_some(to),
                });
            }
        }
        Ok(out)
    }

    /// The prices recorded for offer `row` in `market_snapshots` on `m`, in
    /// the order of time, then price.
    fn market_snapshots(
        &self,
        row: &OfferRow,
        m: Marketplace,
    ) -> rusqlite::Result<Vec<Observation>> {
        let mut out = Vec::new();
        if self.version < CAMPAIGNS_SINCE {
            // An older ledger, read as it is: no other marketplace's price.
            return Ok(out);
        }
        if self.extras_empty()? {
            return Ok(out);
        }
        let mut snapshots = self.conn.prepare_cached(
            "SELECT at, price, on_sale FROM market_snapshots WHERE offer = ?1 AND marketplace = ?2 ORDER BY at, price, on_sale",
        )?;
        let mut rows = snapshots.query(params![row.key, m.id()])?;
        while let Some(r) = rows.next()? {
            out.push(Observation::Snapshot {
                at: r.get(0)?,
                price: r.get(1)?,
                on_sale: r.get(2)?,
            });
        }
        Ok(out)
    }

    /// The events of offer `row` that touch marketplace `m` (`None`: every
    /// event), in the order of time.
    fn events_on(
        &self,
        row: &OfferRow,
        m: Option<Marketplace>,
    ) -> rusqlite::Result<Vec<Observation>> {
        let mut out = Vec::new();
        let mut events = self
            .conn
            .prepare_cached("SELECT at, kind, markets FROM events WHERE offer = ?1 ORDER BY at")?;
        let mut rows = events.query([row.key])?;
        while let Some(r) = rows.next()? {
            let markets: Option<String> = r.get(2)?;
            if let Some(o) = event(
                r.get(0)?,
                r.get(1)?,
                markets.as_deref(),
                m.map(Marketplace::id),
            ) {
                out.push(o);
            }
        }
        Ok(out)
    }

    /// What the `snapshots` table holds about the offer `row`, with its
    /// events that touch `m` (`None`: every event).
    pub(crate) fn observations(
        &self,
        row: &OfferRow,
        m: Option<Marketplace>,
    ) -> rusqlite::Result<Vec<Observation>> {
        let int = |r: &rusqlite::Row<'_>, i: usize| r.get_ref(i).and_then(|v| Ok(v.as_i64()?));
        let mut out = Vec::with_capacity(64);
        let mut snapshots = self.conn.prepare_cached(
            "SELECT at, price, on_sale FROM snapshots WHERE offer = ?1 ORDER BY at, price, on_sale",
        )?;
        let mut rows = snapshots.query([row.key])?;
        while let Some(r) = rows.next()? {
            push_snapshot(
                &mut out,
                Observation::Snapshot {
                    at: int(r, 0)?,
                    price: int(r, 1)?,
                    on_sale: int(r, 2)? != 0,
                },
            );
        }
        let snapshots_end = out.len();
        let mut events = self
            .conn
            .prepare_cached("SELECT at, kind, markets FROM events WHERE offer = ?1")?;
        let mut rows = events.query([row.key])?;
        let market = m.map(Marketplace::id);
        while let Some(r) = rows.next()? {
            let markets = r.get_ref(2)?.as_str_or_null()?;
            if let Some(o) = event(int(r, 0)?, int(r, 1)?, markets, market) {
                out.push(o);
            }
        }
        // Both lists come in time order: merged, the timeline need not sort.
        if snapshots_end < out.len() {
            let events = out.split_off(snapshots_end);
            out = crate::model::merge(out, events);
        }
        Ok(out)
    }

    /// The watched intervals of the event feed, from every page recorded.
    pub(crate) fn watch(&self) -> rusqlite::Result<Watch> {
        let mut statement = self.conn.prepare(
            "SELECT fetched_at, from_id, from_at, first_at, last_id, last_at, full, watches FROM pages",
        )?;
        let pages: Vec<PageRow> = statement
            .query_map([], |r| {
                Ok(PageRow {
                    fetched_at: r.get(0)?,
                    from_id: r.get(1)?,
                    from_at: r.get(2)?,
                    first_at: r.get(3)?,
                    last_id: r.get(4)?,
                    last_at: r.get(5)?,
                    full: r.get(6)?,
                    watches: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut last_seen: HashMap<&str, Millis> = HashMap::new();
        for page in &pages {
            if let (false, Some(at)) = (page.last_id.is_empty(), page.last_at) {
                let entry = last_seen.entry(page.last_id.as_str()).or_insert(at);
                *entry = (*entry).min(at);
            }
        }
        let intervals = pages
            .iter()
            .filter(|p| p.watches)
            .filter_map(|p| {
                let resolved = (!p.from_id.is_empty())
                    .then(|| last_seen.get(p.from_id.as_str()).copied())
                    .flatten();
                let from = p.from_at.or(resolved).or(p.first_at)?;
                let to = if p.full { p.last_at? } else { p.fetched_at };
                Some((from, to))
            })
            .collect();
        Ok(Watch::new(intervals))
    }

    /// Every offer with its observations, in key order, one at a time: two
    /// ordered scans merged, so memory holds one offer's rows.
    pub(crate) fn each_offer(
        &self,
        mut f: impl FnMut(&str, &OfferRow, &[Observation]) -> Result<(), LedgerError>,
    ) -> Result<(), LedgerError> {
        let db = |e| LedgerError::Db(format!("cannot read the ledger: {e}"));
        let mut offers = self
            .conn
            .prepare(if self.version >= BASES_SINCE {
                "SELECT key, id, currency, marketplace, bases FROM offers ORDER BY key"
            } else {
                "SELECT key, id, currency, marketplace, NULL FROM offers ORDER BY key"
            })
            .map_err(db)?;
        let mut snapshots = self
            .conn
            .prepare("SELECT offer, at, price, on_sale FROM snapshots ORDER BY offer, at, price, on_sale")
            .map_err(db)?;
        let mut events = self
            .conn
            .prepare("SELECT offer, at, kind, markets FROM events ORDER BY offer")
            .map_err(db)?;
        let mut offer_rows = offers.query([]).map_err(db)?;
        let mut snapshot_rows = snapshots.query([]).map_err(db)?;
        let mut event_rows = events.query([]).map_err(db)?;
        let mut snapshot: Option<(i64, Observation)> =
            next_snapshot(&mut snapshot_rows).map_err(db)?;
        let mut event_row: Option<EventRow> = next_event(&mut event_rows).map_err(db)?;
        let mut observations = Vec::new();
        while let Some(r) = offer_rows.next().map_err(db)? {
            let row = OfferRow {
                key: r.get(0).map_err(db)?,
                currency: r.get(2).map_err(db)?,
                marketplace: r.get(3).map_err(db)?,
                bases: r.get(4).map_err(db)?,
            };
            let id: String = r.get(1).map_err(db)?;
            observations.clear();
            while let Some((key, o)) = snapshot.filter(|(key, _)| *key <= row.key) {
                if key == row.key {
                    push_snapshot(&mut observations, o);
                }
                snapshot = next_snapshot(&mut snapshot_rows).map_err(db)?;
            }
            while let Some((key, at, kind, markets)) = event_row.take() {
                if key > row.key {
                    event_row = Some((key, at, kind, markets));
                    break;
                }
                if key == row.key {
                    let market = base_market(&row).map(Marketplace::id);
                    if let Some(o) = event(at, kind, markets.as_deref(), market) {
                        observations.push(o);
                    }
                }
                event_row = next_event(&mut event_rows).map_err(db)?;
            }
            f(&id, &row, &observations)?;
        }
        Ok(())
    }

    /// Drops what no window opening at or after `before` can read: for
    /// every offer seen before `before`, everything recorded before its
    /// last snapshot before `before` (which is kept), and the pages of the
    /// event feed that end before the earliest snapshot kept.
    pub(crate) fn prune(&mut self, before: Millis) -> rusqlite::Result<(usize, usize, usize)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS kept (offer INTEGER PRIMARY KEY, at INTEGER NOT NULL);
             DELETE FROM temp.kept;",
        )?;
        // Per offer, the earliest of its marketplaces' last snapshots
        // before the cutoff: every marketplace keeps what it reads.
        tx.execute(
            "INSERT INTO temp.kept SELECT offer, min(at) FROM (
                 SELECT offer, max(at) AS at FROM snapshots WHERE at < ?1 GROUP BY offer
                 UNION ALL
                 SELECT offer, max(at) AS at FROM market_snapshots WHERE at < ?1 GROUP BY offer, marketplace
             ) GROUP BY offer",
            [before],
        )?;
        let snapshots = tx.execute(
            "DELETE FROM snapshots WHERE at < (SELECT at FROM temp.kept WHERE kept.offer = snapshots.offer)",
            [],
        )? + tx.execute(
            "DELETE FROM market_snapshots WHERE at < (SELECT at FROM temp.kept WHERE kept.offer = market_snapshots.offer)",
            [],
        )?;
        let events = tx.execute(
            "DELETE FROM events WHERE at < (SELECT at FROM temp.kept WHERE kept.offer = events.offer)",
            [],
        )?;
        // Pages keep where their `from` event was, before it may go.
        let watch_floor: Option<Millis> = tx.query_row(
            "SELECT min(at) FROM (SELECT min(at) AS at FROM temp.kept UNION ALL SELECT ?1)",
            [before],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE pages SET from_at = (SELECT min(p.last_at) FROM pages p WHERE p.last_id = pages.from_id)
             WHERE from_at IS NULL AND from_id <> ''",
            [],
        )?;
        let pages = match watch_floor {
            Some(floor) => tx.execute(
                "DELETE FROM pages WHERE coalesce(CASE WHEN full THEN last_at ELSE fetched_at END, fetched_at) < ?1",
                [floor],
            )?,
            None => 0,
        };
        tx.execute_batch("DELETE FROM temp.kept;")?;
        tx.commit()?;
        Ok((snapshots, events, pages))
    }
}

/// The base marketplace of `row`: the recorded one, else the one of its
/// currency.
fn base_market(row: &OfferRow) -> Option<Marketplace> {
    row.marketplace
        .as_deref()
        .and_then(Marketplace::from_id)
        .or_else(|| {
            let c = row.currency.as_deref()?;
            Marketplace::ALL.into_iter().find(|m| m.currency() == c)
        })
}

struct PageRow {
    fetched_at: Millis,
    from_id: String,
    from_at: Option<Millis>,
    first_at: Option<Millis>,
    last_id: String,
    last_at: Option<Millis>,
    full: bool,
    watches: bool,
}

fn next_snapshot(rows: &mut rusqlite::Rows<'_>) -> rusqlite::Result<Option<(i64, Observation)>> {
    Ok(match rows.next()? {
        Some(r) => Some((
            r.get(0)?,
            Observation::Snapshot {
                at: r.get(1)?,
                price: r.get(2)?,
                on_sale: r.get(3)?,
            },
        )),
        None => None,
    })
}

/// Adds `snapshot` to `out`, snapshots coming in the order of time, then
/// price. Several prices seen on sale at one instant (contradictory
/// snapshots) were each in force then (assumption 1): the price changed at
/// that instant, to a price unknown. So the lowest is kept (M takes it), the
/// others give way to a change 1 ms after it, which the next snapshot
/// closes as any change: until one comes, the price is unknown
/// (`awaitingSnapshot`). The answer never depends on which was recorded
/// first, and never gives as exact a price above one on record.
fn push_snapshot(out: &mut Vec<Observation>, snapshot: Observation) {
    if let Observation::Snapshot {
        at, on_sale: true, ..
    } = snapshot
    {
        let change = Observation::PriceChanged {
            at: at.saturating_add(1),
        };
        let lowest_at = |o: Option<&Observation>| matches!(o, Some(Observation::Snapshot { at: seen, on_sale: true, .. }) if *seen == at);
        if lowest_at(out.last()) {
            out.push(change);
            return;
        }
        if out.last() == Some(&change) && lowest_at(out.iter().rev().nth(1)) {
            return;
        }
    }
    out.push(snapshot);
}

/// An event row: offer key, time, kind, marketplaces.
type EventRow = (i64, Millis, i64, Option<String>);

fn next_event(rows: &mut rusqlite::Rows<'_>) -> rusqlite::Result<Option<EventRow>> {
    Ok(match rows.next()? {
        Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        None => None,
    })
}

/// An event row as an observation of the offer whose base marketplace is
/// `base`: a price change on another marketplace is none.
fn event(at: Millis, kind: i64, markets: Option<&str>, base: Option<&str>) -> Option<Observation> {
    match EventKind::from_code(kind)? {
        EventKind::PriceChanged => {
            let ours = match (markets, base) {
                (Some(list), Some(base)) => list.split(',').any(|m| m == base),
                _ => true,
            };
            ours.then_some(Observation::PriceChanged { at })
        }
        EventKind::Ended => Some(Observation::Ended { at }),
        EventKind::Activated => Some(Observation::Activated { at }),
    }
}

/// The statements that record prices, prepared once per page.
struct Writer<'t> {
    find: rusqlite::CachedStatement<'t>,
    add: rusqlite::CachedStatement<'t>,
    set_home: rusqlite::CachedStatement<'t>,
    set_bases: rusqlite::CachedStatement<'t>,
    snapshot: rusqlite::CachedStatement<'t>,
    market: rusqlite::CachedStatement<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t rusqlite::Transaction<'_>) -> rusqlite::Result<Self> {
        Ok(Writer {
            find: tx.prepare_cached("SELECT key, currency, marketplace, bases FROM offers WHERE id = ?1")?,
            add: tx.prepare_cached("INSERT INTO offers (id, currency, marketplace) VALUES (?1, ?2, ?3)")?,
            set_home: tx.prepare_cached("UPDATE offers SET currency = ?2, marketplace = ?3 WHERE key = ?1")?,
            set_bases: tx.prepare_cached("UPDATE offers SET bases = ?2 WHERE key = ?1")?,
            snapshot: tx.prepare_cached(
                "INSERT OR IGNORE INTO snapshots (offer, at, price, on_sale) VALUES (?1, ?2, ?3, ?4)",
            )?,
            market: tx.prepare_cached(
                "INSERT OR IGNORE INTO market_snapshots (offer, marketplace, at, price, on_sale) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
        })
    }

    /// Offer `id` as recorded, recorded with `currency` and `marketplace`
    /// if new.
    fn offer(
        &mut self,
        tx: &rusqlite::Transaction<'_>,
        id: &str,
        currency: Option<&str>,
        marketplace: Option<&str>,
    ) -> rusqlite::Result<OfferRow> {
        let found = self
            .find
            .query_row([id], |r| {
                Ok(OfferRow {
                    key: r.get(0)?,
                    currency: r.get(1)?,
                    marketplace: r.get(2)?,
                    bases: r.get(3)?,
                })
            })
            .optional()?;
        if let Some(found) = found {
            return Ok(found);
        }
        self.add.execute(params![id, currency, marketplace])?;
        Ok(OfferRow {
            key: tx.last_insert_rowid(),
            currency: currency.map(str::to_owned),
            marketplace: marketplace.map(str::to_owned),
            bases: None,
        })
    }
}

/// Records the prices of a page. Each price is kept under its marketplace
/// (the base marketplace the response names, else its currency's; the
/// parser refused a currency that is not its marketplace's): the offer's
/// first base marketplace in `snapshots`, any other in `market_snapshots`,
/// a base marketplace other than the first noted in `offers.bases`. No
/// price is refused for what was recorded before it, so that the order of
/// recording never changes an answer.
fn record_snapshots(
    tx: &rusqlite::Transaction<'_>,
    snapshots: &[Snapshot],
    at: Millis,
) -> rusqlite::Result<Result<usize, Refusal>> {
    let mut w = Writer::new(tx)?;
    let mut new = 0;
    for s in snapshots {
        let Some(m) = s.marketplace.or_else(|| {
            Marketplace::ALL
                .into_iter()
                .find(|m| m.currency() == s.currency)
        }) else {
            return Ok(Err(Refusal {
                path: join(&s.path, "sellingMode.price.currency"),
                message: format!(
                    "{} is the currency of no marketplace the engine knows, and the offer names no base marketplace",
                    s.currency
                ),
            }));
        };
        let mut row = w.offer(tx, &s.offer, Some(&s.currency), Some(m.id()))?;
        if row.currency.is_none() {
            // Known so far by its events or badges only.
            w.set_home.execute(params![row.key, s.currency, m.id()])?;
            row.currency = Some(s.currency.clone());
            row.marketplace = Some(m.id().to_owned());
        }
        let home = base_market(&row) == Some(m) && row.currency.as_deref() == Some(m.currency());
        let mut inserted = if home {
            if row.marketplace.is_none() {
                w.set_home.execute(params![row.key, s.currency, m.id()])?;
            }
            w.snapshot
                .execute(params![row.key, at, s.price, s.on_sale])?
        } else {
            let bases = row.base_markets();
            if !bases.contains(&m) {
                let others: Vec<&str> = Marketplace::ALL
                    .into_iter()
                    .filter(|b| *b == m || (bases.contains(b) && Some(*b) != base_market(&row)))
                    .map(Marketplace::id)
                    .collect();
                w.set_bases.execute(params![row.key, others.join(",")])?;
            }
            w.market
                .execute(params![row.key, m.id(), at, s.price, s.on_sale])?
        };
        // A snapshot is new when any of its prices is (its base
        // marketplace's, or an additional marketplace's).
        for (other, price, on_sale) in &s.additional {
            if *other != m {
                inserted += w
                    .market
                    .execute(params![row.key, other.id(), at, price, on_sale])?;
            }
        }
        new += usize::from(inserted > 0);
    }
    Ok(Ok(new))
}

fn record_badges(
    tx: &rusqlite::Transaction<'_>,
    badges: &[BadgeRow],
    fetched_at: Millis,
) -> rusqlite::Result<usize> {
    let mut w = Writer::new(tx)?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO badges (offer, marketplace, campaign, at, status, bargain, market, pub_from, pub_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut new = 0;
    for b in badges {
        let key = w.offer(tx, &b.offer, None, None)?.key;
        new += insert.execute(params![
            key,
            b.marketplace.id(),
            b.campaign,
            fetched_at,
            b.status.code(),
            b.bargain.unwrap_or(-1),
            b.market.unwrap_or(-1),
            b.from.unwrap_or(NO_TIME),
            b.to.unwrap_or(NO_TIME)
        ])?;
    }
    Ok(new)
}

fn record_events(
    tx: &rusqlite::Transaction<'_>,
    page: &EventPage,
    fetched_at: Millis,
) -> rusqlite::Result<usize> {
    let mut w = Writer::new(tx)?;
    let mut new = 0;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (offer, at, kind, id, markets) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for e in &page.events {
        let key = w.offer(tx, &e.offer, None, None)?.key;
        new += insert.execute(params![key, e.at, e.kind.code(), e.id, e.marketplaces])?;
    }
    let (last_id, last_at) = match &page.last {
        Some((id, at)) => (id.as_str(), Some(*at)),
        None => ("", None),
    };
    tx.prepare_cached(
        "INSERT OR IGNORE INTO pages (fetched_at, from_id, first_at, last_id, last_at, count, full, watches)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        fetched_at,
        page.from.as_deref().unwrap_or(""),
        page.first_at,
        last_id,
        last_at,
        i64::try_from(page.count).unwrap_or(i64::MAX),
        page.full,
        page.watches
    ])?;
    Ok(new)
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}
