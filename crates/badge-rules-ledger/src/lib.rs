//! # badge-rules-ledger
//!
//! The price ledger: keeps what Allegro's responses say about offer prices,
//! in an SQLite database, and replays it as the `metrics.priceHistory` a
//! check document wants, so that the market ladder has its M. Allegro
//! computes M (the lowest price of the 30 days before a discount) but no
//! API resource returns it; the ledger keeps the history from the responses
//! an integrator already fetches.
//!
//! An I/O adapter: the engine (`badge_rules`) stays pure and owns the
//! computation of M ([`badge_rules::lowest`]); the ledger only stores and
//! replays prices, and says where its history has gaps that could hide a
//! lower price (docs/LEDGER.md defines the model).
//!
//! ```
//! use badge_rules_ledger::{pages, Ledger};
//!
//! let dir = std::env::temp_dir().join(format!("ledger-doc-lib-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
//! let page = pages::parse(r#"{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [
//!     {"id": "123", "sellingMode": {"price": {"amount": "200.00", "currency": "PLN"}}}
//! ], "count": 1, "totalCount": 1}}"#, None).unwrap();
//! ledger.record(&page).unwrap();
//! let at = "2026-11-20T00:00:00Z".parse().unwrap();
//! let lowest = ledger.lowest("123", at).unwrap();
//! assert_eq!(lowest.lowest_price_30_days.unwrap().amount.to_string(), "200.00");
//! // Nobody watched the event feed: 200.00 is all that was seen.
//! assert!(!lowest.exact);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

mod fill;
pub mod input;
pub mod model;
pub mod pages;
pub mod store;

use std::cell::OnceCell;
use std::fmt;
use std::path::Path;

use badge_rules::document::PriceChange;
use badge_rules::lowest::{lowest_in_30_days, window_start};
use badge_rules::money::{from_grosze, Money};
use badge_rules::period::Instant;
use chrono::{DateTime, SecondsFormat};
use serde::Serialize;
use serde_json::Value;

use crate::model::{timeline, GapKind, Millis, Timeline, Watch};
use crate::pages::Page;
use crate::store::{OfferRow, Recorded, Store};

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
    fn db(path: &Path, e: rusqlite::Error) -> Self {
        LedgerError::Db(format!("{}: {e}", path.display()))
    }
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::Db(message) | LedgerError::Io(message) => f.write_str(message),
            LedgerError::Refused { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for LedgerError {}

fn db(e: rusqlite::Error) -> LedgerError {
    LedgerError::Db(format!("the ledger: {e}"))
}

/// An instant as milliseconds since the epoch.
///
/// ```
/// let at = "1970-01-01T00:00:02Z".parse().unwrap();
/// assert_eq!(badge_rules_ledger::millis_of(at), 2000);
/// ```
pub fn millis_of(at: Instant) -> Millis {
    at.0.timestamp_millis()
}

/// Milliseconds since the epoch as an instant (UTC), if representable.
///
/// ```
/// let at = badge_rules_ledger::instant_of(1500).unwrap();
/// assert_eq!(at.to_string(), "1970-01-01T00:00:01.500Z");
/// ```
pub fn instant_of(ms: Millis) -> Option<Instant> {
    DateTime::from_timestamp_millis(ms).map(|t| Instant(t.fixed_offset()))
}

/// `ms` written as RFC 3339 in UTC.
pub(crate) fn time_text(ms: Millis) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_default()
}

/// A gap in a window, as `ledger lowest` prints it.
///
/// ```
/// use badge_rules_ledger::{GapOut, model::GapKind};
/// let gap = GapOut { from: "a".into(), to: "b".into(), kind: GapKind::Unwatched };
/// assert_eq!(serde_json::to_string(&gap).unwrap(), r#"{"from":"a","to":"b","kind":"unwatched"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapOut {
    /// Start, RFC 3339.
    pub from: String,
    /// End, RFC 3339.
    pub to: String,
    /// Why the price is unknown there.
    pub kind: GapKind,
}

/// The answer of `ledger lowest` for one offer.
///
/// ```
/// use badge_rules_ledger::Lowest;
/// let l = Lowest { offer_id: "1".into(), at: "t".into(), lowest_price_30_days: None, exact: false, gaps: vec![] };
/// assert_eq!(serde_json::to_string(&l).unwrap(),
///     r#"{"offerId":"1","at":"t","lowestPrice30Days":null,"exact":false,"gaps":[]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lowest {
    /// The offer.
    pub offer_id: String,
    /// The end of the window.
    pub at: String,
    /// M, computed by the engine over the recorded history (`null`: no price
    /// known in the window).
    pub lowest_price_30_days: Option<Money>,
    /// No gap could hide a lower price: M is Allegro's. `false`: M is an
    /// upper bound.
    pub exact: bool,
    /// The gaps in the window.
    pub gaps: Vec<GapOut>,
}

/// An offer's price history for a window, as a check document's `metrics`
/// wants it.
///
/// ```
/// use badge_rules_ledger::History;
/// let h = History { price_history: vec![], price_history_exact: true };
/// assert_eq!(serde_json::to_string(&h).unwrap(), r#"{"priceHistory":[],"priceHistoryExact":true}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// `metrics.priceHistory`.
    pub price_history: Vec<PriceChange>,
    /// `metrics.priceHistoryExact`.
    pub price_history_exact: bool,
}

/// What [`Ledger::fill`] did to a document.
///
/// ```
/// assert_ne!(badge_rules_ledger::Filled::Filled, badge_rules_ledger::Filled::UnknownOffer);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Filled {
    /// `metrics.priceHistory` and `metrics.priceHistoryExact` were set.
    Filled,
    /// The document already has `lowestPrice30Days` or `priceHistory`.
    HasMetrics,
    /// No offer id, or no readable `now`: left to the engine to judge.
    NotApplicable,
    /// The ledger has nothing on the offer.
    UnknownOffer,
}

/// The ledger: one SQLite database.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("ledger-doc-open-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
/// let at = "2026-11-20T00:00:00Z".parse().unwrap();
/// assert_eq!(ledger.lowest("999", at).unwrap().lowest_price_30_days, None);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug)]
pub struct Ledger {
    store: Store,
    /// The watched intervals, read on first use: they change only when
    /// pages are recorded or pruned (which forget them).
    watch: OnceCell<Watch>,
}

impl Ledger {
    /// Opens the database at `path`, creating it when absent (WAL mode, a
    /// busy timeout, so that several recorders and readers can share it).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`] when the file cannot be opened as a ledger.
    pub fn open(path: &Path) -> Result<Self, LedgerError> {
        Ok(Ledger {
            store: Store::open(path)?,
            watch: OnceCell::new(),
        })
    }

    /// `PRAGMA integrity_check`: `ok` for a sound database.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`] when the check cannot run.
    pub fn integrity_check(&self) -> Result<String, LedgerError> {
        self.store.integrity_check().map_err(db)
    }

    /// Records one page, in one transaction: all of it or, when refused,
    /// nothing. The same page twice changes nothing.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Refused`] for a price in another currency or
    /// marketplace than the offer's recorded ones; [`LedgerError::Db`].
    pub fn record(&mut self, page: &Page) -> Result<Recorded, LedgerError> {
        self.watch = OnceCell::new();
        match self.store.record(page).map_err(db)? {
            Ok(recorded) => Ok(recorded),
            Err(refusal) => Err(LedgerError::Refused {
                path: refusal.path,
                message: refusal.message,
            }),
        }
    }

    /// The watched intervals of the event feed.
    fn watch(&self) -> Result<&Watch, LedgerError> {
        if let Some(watch) = self.watch.get() {
            return Ok(watch);
        }
        let watch = self.store.watch().map_err(db)?;
        Ok(self.watch.get_or_init(|| watch))
    }

    fn offer_timeline(
        &self,
        row: &OfferRow,
        watch: &Watch,
        at: Millis,
    ) -> Result<Timeline, LedgerError> {
        let observations = self.store.observations(row).map_err(db)?;
        Ok(timeline(&observations, watch, at))
    }

    /// M for `offer` at `at`, with the gaps of its window.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn lowest(&self, offer: &str, at: Instant) -> Result<Lowest, LedgerError> {
        let watch = self.watch()?;
        let row = self.store.offer(offer).map_err(db)?;
        let t = match &row {
            Some(row) => self.offer_timeline(row, watch, millis_of(at))?,
            None => timeline(&[], watch, millis_of(at)),
        };
        let currency = row.and_then(|r| r.currency).unwrap_or_default();
        Ok(answer(offer, &t, &currency, at))
    }

    /// [`Ledger::lowest`] of every offer recorded, in the order they were
    /// first recorded, handed to `f` one at a time. The rows are read on
    /// this thread and the answers worked out on another, a few hundred
    /// offers at a time, so memory holds a few batches whatever the size of
    /// the ledger.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`], or the first error `f` returns.
    pub fn each_lowest(
        &self,
        at: Instant,
        mut f: impl FnMut(Lowest) -> Result<(), LedgerError> + Send,
    ) -> Result<(), LedgerError> {
        /// Offers handed to the answering thread at once.
        const BATCH: usize = 256;
        type Batch = Vec<(String, String, Vec<model::Observation>)>;
        let watch = self.watch()?;
        let until = millis_of(at);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(4);
            let answering = scope.spawn(move || -> Result<(), LedgerError> {
                for batch in rx {
                    for (id, currency, observations) in batch {
                        let t = timeline(&observations, watch, until);
                        f(answer(&id, &t, &currency, at))?;
                    }
                }
                Ok(())
            });
            let mut batch: Batch = Vec::with_capacity(BATCH);
            let read = self.store.each_offer(|id, row, observations| {
                batch.push((
                    id.to_owned(),
                    row.currency.clone().unwrap_or_default(),
                    observations.to_vec(),
                ));
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The answering thread stopped: its error says why.
                    tx.send(full)
                        .map_err(|_| LedgerError::Io("the answering thread stopped".into()))?;
                }
                Ok(())
            });
            if read.is_ok() && !batch.is_empty() {
                let _ = tx.send(batch);
            }
            drop(tx);
            let answered = answering
                .join()
                .unwrap_or_else(|_| Err(LedgerError::Io("the answering thread failed".into())));
            // The answering thread's error first: it is why reading stopped.
            answered.and(read)
        })
    }

    /// `metrics.priceHistory` (and `priceHistoryExact`) for `offer` in the
    /// window of `at`; `None` when the ledger has nothing on the offer.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn history(&self, offer: &str, at: Instant) -> Result<Option<History>, LedgerError> {
        let watch = self.watch()?;
        let Some(row) = self.store.offer(offer).map_err(db)? else {
            return Ok(None);
        };
        let t = self.offer_timeline(&row, watch, millis_of(at))?;
        Ok(Some(history(
            &t,
            row.currency.as_deref().unwrap_or_default(),
            at,
        )))
    }

    /// Runs `f` over this ledger in one read transaction: every read in it
    /// sees the same database, and takes its lock once (many
    /// [`Ledger::fill`]s in a row are faster so).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-reading-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// let at = "2026-11-20T00:00:00Z".parse().unwrap();
    /// let answers = ledger.reading(|l| (l.lowest("1", at), l.lowest("2", at)));
    /// assert!(answers.0.is_ok() && answers.1.is_ok());
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn reading<T>(&self, f: impl FnOnce(&Ledger) -> T) -> T {
        self.store.reading(|| f(self))
    }

    /// Fills a check document's `metrics.priceHistory` and
    /// `metrics.priceHistoryExact` for its offer (`offer.id`, else
    /// `request.offer.id`, else `offerId`) at its `now`, when its `metrics`
    /// has neither `lowestPrice30Days` nor `priceHistory`.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-fill-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// let mut doc = serde_json::json!({"now": "2026-11-20T00:00:00Z", "offer": {"id": "1"}});
    /// assert_eq!(ledger.fill(&mut doc).unwrap(), badge_rules_ledger::Filled::UnknownOffer);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn fill(&self, doc: &mut Value) -> Result<Filled, LedgerError> {
        let metrics = doc.get("metrics");
        let given = |key: &str| {
            metrics
                .and_then(|m| m.get(key))
                .is_some_and(|v| !v.is_null())
        };
        if given("lowestPrice30Days") || given("priceHistory") {
            return Ok(Filled::HasMetrics);
        }
        if metrics.is_some_and(|m| !m.is_object() && !m.is_null()) {
            return Ok(Filled::NotApplicable);
        }
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let offer = text(doc.pointer("/offer/id"))
            .or_else(|| text(doc.pointer("/request/offer/id")))
            .or_else(|| text(doc.get("offerId")));
        let now = doc
            .get("now")
            .and_then(Value::as_str)
            .and_then(|t| t.parse::<Instant>().ok());
        let (Some(offer), Some(now)) = (offer, now) else {
            return Ok(Filled::NotApplicable);
        };
        let Some(history) = self.history(&offer, now)? else {
            return Ok(Filled::UnknownOffer);
        };
        let value = serde_json::to_value(&history)
            .map_err(|e| LedgerError::Db(format!("cannot write the history: {e}")))?;
        if let (Some(root), Value::Object(fields)) = (doc.as_object_mut(), value) {
            let metrics = root
                .entry("metrics")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if metrics.is_null() {
                *metrics = Value::Object(serde_json::Map::new());
            }
            if let Some(m) = metrics.as_object_mut() {
                m.extend(fields);
            }
        }
        Ok(Filled::Filled)
    }

    /// [`Ledger::fill`] on a document's JSON bytes: the filled document's
    /// bytes, or `None` when the ledger leaves it as it is (not JSON, metrics
    /// of its own, no offer or `now`, an offer it does not know). A document
    /// without `metrics` gets it appended to its own bytes, which are not
    /// otherwise touched.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-bytes-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// let doc = br#"{"now": "2026-11-20T00:00:00Z", "offer": {"id": "1"}}"#;
    /// assert_eq!(ledger.fill_bytes(doc).unwrap(), None); // the ledger knows no offer 1
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn fill_bytes(&self, bytes: &[u8]) -> Result<Option<Vec<u8>>, LedgerError> {
        let Ok(probe) = serde_json::from_slice::<fill::Probe>(bytes) else {
            // Not JSON, or not an object: the engine names the fault.
            return Ok(None);
        };
        match probe.metrics {
            fill::MetricsProbe::Absent => {}
            fill::MetricsProbe::Object { given: false } | fill::MetricsProbe::Null => {
                // Through a `Value`, to set the keys inside the object.
                let Ok(mut doc) = serde_json::from_slice::<Value>(bytes) else {
                    return Ok(None);
                };
                return match self.fill(&mut doc)? {
                    Filled::Filled => serde_json::to_vec(&doc)
                        .map(Some)
                        .map_err(|e| LedgerError::Db(format!("cannot write the document: {e}"))),
                    _ => Ok(None),
                };
            }
            fill::MetricsProbe::Object { given: true } | fill::MetricsProbe::Other => {
                return Ok(None)
            }
        }
        let (Some(offer), Some(now)) = (probe.offer_id(), probe.now()) else {
            return Ok(None);
        };
        let watch = self.watch()?;
        let Some(row) = self.store.offer(offer).map_err(db)? else {
            return Ok(None);
        };
        let t = self.offer_timeline(&row, watch, millis_of(now))?;
        let metrics =
            fill::metrics_json(&t, row.currency.as_deref().unwrap_or_default(), window(now));
        Ok(fill::append_metrics(bytes, &metrics))
    }

    /// Drops what no window opening at or after `before` can read (the last
    /// price of each offer before `before` is kept): `lowest` and `history`
    /// answer the same for every `at` from `before` + 30 days on. Returns
    /// the snapshots, events and event pages dropped.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn prune(&mut self, before: Instant) -> Result<(usize, usize, usize), LedgerError> {
        self.watch = OnceCell::new();
        self.store.prune(millis_of(before)).map_err(db)
    }
}

/// The window of `at`: `[at − 30 days, at]` in milliseconds.
pub(crate) fn window(at: Instant) -> (Millis, Millis) {
    let end = millis_of(at);
    let start = window_start(at).map_or(Millis::MIN, millis_of);
    (start, end)
}

pub(crate) fn history(t: &Timeline, currency: &str, at: Instant) -> History {
    let (start, end) = window(at);
    let price_history = t
        .entries_for(start, end)
        .into_iter()
        .filter_map(|(from, price)| {
            Some(PriceChange {
                at: instant_of(from)?,
                price: Money::new(from_grosze(i128::from(price))?, currency),
            })
        })
        .collect();
    History {
        price_history,
        price_history_exact: t.gaps_in(start, end).is_empty(),
    }
}

fn answer(offer: &str, t: &Timeline, currency: &str, at: Instant) -> Lowest {
    let (start, end) = window(at);
    let history = history(t, currency, at);
    let lowest = lowest_in_30_days(&history.price_history, at, None)
        .and_then(from_grosze)
        .map(|amount| Money::new(amount, currency));
    let gaps: Vec<GapOut> = t
        .gaps_in(start, end)
        .into_iter()
        .map(|g| GapOut {
            from: time_text(g.from),
            to: time_text(g.to),
            kind: g.kind,
        })
        .collect();
    Lowest {
        offer_id: offer.to_owned(),
        at: time_text(end),
        lowest_price_30_days: lowest,
        exact: gaps.is_empty(),
        gaps,
    }
}
