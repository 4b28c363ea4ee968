//! The database: an SQLite file in WAL mode, one transaction per page.
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
//! - and, from [`schema_v2`]: `market_snapshots(offer, marketplace, at,
//!   price, on_sale)`, the prices of additional marketplaces
//!   (`additionalMarketplaces.<id>.sellingMode.price`), and `badges(offer,
//!   marketplace, campaign, at, status, bargain, market, pub_from, pub_to)`,
//!   each badge as a GET /sale/badges page showed it (absent values stored
//!   as -1 for prices and [`i64::MIN`] for times, so that every column is
//!   in the key and the same page twice adds nothing).

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use badge_rules::money::Marketplace;

use crate::model::{BadgeSeen, BadgeStatus, Millis, Observation, Watch};
use crate::pages::{BadgeRow, Content, EventKind, EventPage, Page, Snapshot};
use crate::LedgerError;

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

const SCHEMA: &str = "
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

/// The tables of the campaign prices and the additional marketplaces,
/// added to the first schema (docs/LEDGER.md, "What is recorded").
const SCHEMA_V2: &str = "
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

/// The second schema step, applied after the first inside the same
/// transaction: the tables of additional marketplaces' prices and of badges
/// (idempotent: it creates only what is missing). A migration list calls it
/// as the step from version 1 to 2.
///
/// # Errors
///
/// The database's.
pub(crate) fn schema_v2(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch(SCHEMA_V2)
}

/// An absent time in the `badges` table.
const NO_TIME: Millis = Millis::MIN;

/// What recording one page did.
///
/// ```
/// use badge_rules_ledger::store::Recorded;
/// let r = Recorded::default();
/// assert_eq!((r.snapshots, r.events), (0, 0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Prices the page gave (new or already recorded).
    pub snapshots: usize,
    /// Events of the page the ledger keeps.
    pub events: usize,
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
}

impl Store {
    pub(crate) fn open(path: &Path) -> Result<Self, LedgerError> {
        let conn = Connection::open(path).map_err(|e| LedgerError::db(path, e))?;
        let store = Store { conn };
        store.setup().map_err(|e| LedgerError::db(path, e))?;
        Ok(store)
    }

    fn setup(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers never block the writer, and a killed writer leaves
        // every committed transaction in place. NORMAL: a commit survives a
        // killed process (not a power cut before the next checkpoint).
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // An 8 MiB page cache (SQLite's default is 2): the memory of a run
        // stays that whatever the size of the ledger (a memory map would
        // read faster, but count the whole file as the process's memory).
        self.conn.pragma_update(None, "cache_size", -8_192)?;
        self.conn
            .execute_batch(&format!("BEGIN IMMEDIATE; {SCHEMA}"))?;
        match schema_v2(&self.conn) {
            Ok(()) => self.conn.execute_batch("COMMIT"),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
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
                    Ok(()) => Recorded {
                        snapshots: snapshots.len(),
                        events: 0,
                    },
                    // Dropping the transaction rolls it back.
                    Err(refusal) => return Ok(Err(refusal)),
                }
            }
            Content::Events(events) => {
                record_events(&tx, events, page.fetched_at)?;
                Recorded {
                    snapshots: 0,
                    events: events.events.len(),
                }
            }
            Content::Badges(badges) => {
                record_badges(&tx, badges, page.fetched_at)?;
                Recorded {
                    snapshots: badges.len(),
                    events: 0,
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
        let out = f();
        if began {
            // Ending a read transaction gives up a lock: nothing to lose.
            let _ = self.conn.execute_batch("COMMIT");
        }
        out
    }

    /// The offer recorded as `id`.
    pub(crate) fn offer(&self, id: &str) -> rusqlite::Result<Option<OfferRow>> {
        self.conn
            .prepare_cached("SELECT key, currency, marketplace FROM offers WHERE id = ?1")?
            .query_row([id], |row| {
                Ok(OfferRow {
                    key: row.get(0)?,
                    currency: row.get(1)?,
                    marketplace: row.get(2)?,
                })
            })
            .optional()
    }

    /// Everything recorded about the offer `row` on `marketplace` (`None`:
    /// its base marketplace): the observations, the badges, and the
    /// currency of the prices.
    pub(crate) fn series(
        &self,
        row: &OfferRow,
        marketplace: Option<Marketplace>,
    ) -> rusqlite::Result<Series> {
        let base_market = base_market(row);
        let base = match marketplace {
            None => true,
            Some(m) => {
                base_market.is_none_or(|b| b == m)
                    && row.currency.as_deref().is_none_or(|c| c == m.currency())
            }
        };
        let (observations, market, currency) = if base {
            (
                self.observations(row)?,
                base_market,
                row.currency.clone().unwrap_or_default(),
            )
        } else {
            let m = marketplace.unwrap_or(Marketplace::Pl);
            (
                self.market_observations(row, m)?,
                Some(m),
                m.currency().to_owned(),
            )
        };
        let badges = match market {
            Some(m) => self.badges(row.key, m)?,
            None => Vec::new(),
        };
        Ok(Series {
            observations,
            badges,
            currency,
            marketplace: market,
        })
    }

    /// The badges of offer `row` on its base marketplace.
    pub(crate) fn base_badges(&self, row: &OfferRow) -> rusqlite::Result<Vec<BadgeSeen>> {
        match base_market(row) {
            Some(m) => self.badges(row.key, m),
            None => Ok(Vec::new()),
        }
    }

    /// The badges of offer `key` on `marketplace`.
    fn badges(&self, key: i64, marketplace: Marketplace) -> rusqlite::Result<Vec<BadgeSeen>> {
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

    /// What is recorded about offer `row` on the additional marketplace `m`.
    fn market_observations(
        &self,
        row: &OfferRow,
        m: Marketplace,
    ) -> rusqlite::Result<Vec<Observation>> {
        let mut out = Vec::with_capacity(64);
        let mut snapshots = self.conn.prepare_cached(
            "SELECT at, price, on_sale FROM market_snapshots WHERE offer = ?1 AND marketplace = ?2 ORDER BY at",
        )?;
        let mut rows = snapshots.query(params![row.key, m.id()])?;
        while let Some(r) = rows.next()? {
            out.push(Observation::Snapshot {
                at: r.get(0)?,
                price: r.get(1)?,
                on_sale: r.get(2)?,
            });
        }
        let snapshots_end = out.len();
        let mut events = self
            .conn
            .prepare_cached("SELECT at, kind, markets FROM events WHERE offer = ?1 ORDER BY at")?;
        let mut rows = events.query([row.key])?;
        while let Some(r) = rows.next()? {
            let markets: Option<String> = r.get(2)?;
            if let Some(o) = event(r.get(0)?, r.get(1)?, markets.as_deref(), Some(m.id())) {
                out.push(o);
            }
        }
        let events = out.split_off(snapshots_end);
        Ok(crate::model::merge(out, events))
    }

    /// Everything recorded about the offer `row`.
    pub(crate) fn observations(&self, row: &OfferRow) -> rusqlite::Result<Vec<Observation>> {
        let int = |r: &rusqlite::Row<'_>, i: usize| r.get_ref(i).and_then(|v| Ok(v.as_i64()?));
        let mut out = Vec::with_capacity(64);
        let mut snapshots = self
            .conn
            .prepare_cached("SELECT at, price, on_sale FROM snapshots WHERE offer = ?1")?;
        let mut rows = snapshots.query([row.key])?;
        while let Some(r) = rows.next()? {
            out.push(Observation::Snapshot {
                at: int(r, 0)?,
                price: int(r, 1)?,
                on_sale: int(r, 2)? != 0,
            });
        }
        let snapshots_end = out.len();
        let mut events = self
            .conn
            .prepare_cached("SELECT at, kind, markets FROM events WHERE offer = ?1")?;
        let mut rows = events.query([row.key])?;
        while let Some(r) = rows.next()? {
            let markets = r.get_ref(2)?.as_str_or_null()?;
            if let Some(o) = event(int(r, 0)?, int(r, 1)?, markets, row.marketplace.as_deref()) {
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
            .prepare("SELECT key, id, currency, marketplace FROM offers ORDER BY key")
            .map_err(db)?;
        let mut snapshots = self
            .conn
            .prepare("SELECT offer, at, price, on_sale FROM snapshots ORDER BY offer")
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
            };
            let id: String = r.get(1).map_err(db)?;
            observations.clear();
            while let Some((key, o)) = snapshot.filter(|(key, _)| *key <= row.key) {
                if key == row.key {
                    observations.push(o);
                }
                snapshot = next_snapshot(&mut snapshot_rows).map_err(db)?;
            }
            while let Some((key, at, kind, markets)) = event_row.take() {
                if key > row.key {
                    event_row = Some((key, at, kind, markets));
                    break;
                }
                if key == row.key {
                    if let Some(o) = event(at, kind, markets.as_deref(), row.marketplace.as_deref())
                    {
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
    set_currency: rusqlite::CachedStatement<'t>,
    set_marketplace: rusqlite::CachedStatement<'t>,
    snapshot: rusqlite::CachedStatement<'t>,
    market: rusqlite::CachedStatement<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t rusqlite::Transaction<'_>) -> rusqlite::Result<Self> {
        Ok(Writer {
            find: tx.prepare_cached("SELECT key, currency, marketplace FROM offers WHERE id = ?1")?,
            add: tx.prepare_cached("INSERT INTO offers (id, currency, marketplace) VALUES (?1, ?2, ?3)")?,
            set_currency: tx.prepare_cached("UPDATE offers SET currency = ?2 WHERE key = ?1")?,
            set_marketplace: tx.prepare_cached("UPDATE offers SET marketplace = ?2 WHERE key = ?1")?,
            snapshot: tx.prepare_cached(
                "INSERT OR IGNORE INTO snapshots (offer, at, price, on_sale) VALUES (?1, ?2, ?3, ?4)",
            )?,
            market: tx.prepare_cached(
                "INSERT OR IGNORE INTO market_snapshots (offer, marketplace, at, price, on_sale) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
        })
    }

    /// The key of offer `id`, recorded with `currency` and `marketplace` if
    /// new.
    fn offer(
        &mut self,
        tx: &rusqlite::Transaction<'_>,
        id: &str,
        currency: Option<&str>,
        marketplace: Option<&str>,
    ) -> rusqlite::Result<(i64, Option<String>, Option<String>)> {
        let found = self
            .find
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if let Some(found) = found {
            return Ok(found);
        }
        self.add.execute(params![id, currency, marketplace])?;
        Ok((
            tx.last_insert_rowid(),
            currency.map(str::to_owned),
            marketplace.map(str::to_owned),
        ))
    }
}

fn record_snapshots(
    tx: &rusqlite::Transaction<'_>,
    snapshots: &[Snapshot],
    at: Millis,
) -> rusqlite::Result<Result<(), Refusal>> {
    let mut w = Writer::new(tx)?;
    for s in snapshots {
        let marketplace = s.marketplace.map(|m| m.id());
        let (key, currency, known_market) =
            w.offer(tx, &s.offer, Some(&s.currency), marketplace)?;
        match currency.as_deref() {
            Some(c) if c != s.currency => {
                return Ok(Err(Refusal {
                    path: join(&s.path, "sellingMode.price.currency"),
                    message: format!(
                        "offer {} has prices in {c} in the ledger; {} would mix currencies",
                        s.offer, s.currency
                    ),
                }));
            }
            Some(_) => {}
            None => {
                w.set_currency.execute(params![key, s.currency])?;
            }
        }
        match (known_market.as_deref(), marketplace) {
            (Some(known), Some(given)) if known != given => {
                return Ok(Err(Refusal {
                    path: join(&s.path, "publication.marketplaces.base.id"),
                    message: format!(
                        "offer {} has {known} as its base marketplace in the ledger, not {given}",
                        s.offer
                    ),
                }));
            }
            (None, Some(given)) => {
                w.set_marketplace.execute(params![key, given])?;
            }
            _ => {}
        }
        w.snapshot.execute(params![key, at, s.price, s.on_sale])?;
        let base = known_market.as_deref().or(marketplace);
        for (m, price, on_sale) in &s.additional {
            if Some(m.id()) != base {
                w.market.execute(params![key, m.id(), at, price, on_sale])?;
            }
        }
    }
    Ok(Ok(()))
}

fn record_badges(
    tx: &rusqlite::Transaction<'_>,
    badges: &[BadgeRow],
    fetched_at: Millis,
) -> rusqlite::Result<()> {
    let mut w = Writer::new(tx)?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO badges (offer, marketplace, campaign, at, status, bargain, market, pub_from, pub_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for b in badges {
        let (key, _, _) = w.offer(tx, &b.offer, None, None)?;
        insert.execute(params![
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
    Ok(())
}

fn record_events(
    tx: &rusqlite::Transaction<'_>,
    page: &EventPage,
    fetched_at: Millis,
) -> rusqlite::Result<()> {
    let mut w = Writer::new(tx)?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (offer, at, kind, id, markets) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for e in &page.events {
        let (key, _, _) = w.offer(tx, &e.offer, None, None)?;
        insert.execute(params![key, e.at, e.kind.code(), e.id, e.marketplaces])?;
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
    Ok(())
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}
