//! The ledger: one SQLite database, recorded into page by page and read as
//! M, its gaps and the price history of an offer.

use std::cell::OnceCell;
use std::path::Path;

use badge_rules::period::Instant;
use serde_json::Value;

use serde::Deserialize;

use crate::answers::{answer, history, Filled, History, Lowest, Question, Timelines};
use crate::document_bytes;
use crate::error::{db, LedgerError};
use crate::model::{timeline, with_campaigns, Watch};
use crate::pages::Page;
use crate::store::{Access, Recorded, Store};
use crate::time::millis_of;

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
    pub(crate) store: Store,
    /// The watched intervals, read on first use: they change only when
    /// pages are recorded or pruned (which forget them).
    watch: OnceCell<Watch>,
}

impl Ledger {
    /// Opens the ledger at `path` to record into it, creating it when
    /// absent: a ledger of an older schema is migrated (in one
    /// transaction), and WAL mode and a busy timeout let several recorders
    /// and readers share it.
    ///
    /// # Errors
    ///
    /// [`LedgerError::NotALedger`] for a file that is not a badge-rules
    /// ledger (another application's SQLite database, a text file),
    /// [`LedgerError::Newer`] for a ledger of a newer schema,
    /// [`LedgerError::Damaged`] for a damaged one: nothing is written into
    /// any of them. [`LedgerError::Db`] when SQLite fails.
    pub fn open(path: &Path) -> Result<Self, LedgerError> {
        Self::with(path, Access::Create)
    }

    /// Opens the ledger at `path` to write into it (to prune it): as
    /// [`Ledger::open`], but a ledger that is not there is not created.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-existing-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let err = badge_rules_ledger::Ledger::open_existing(&dir.join("none.db")).unwrap_err();
    /// assert!(err.to_string().starts_with("no ledger at "));
    /// assert!(!dir.join("none.db").exists());
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Missing`], and those of [`Ledger::open`].
    pub fn open_existing(path: &Path) -> Result<Self, LedgerError> {
        Self::with(path, Access::Write)
    }

    /// Opens the ledger at `path` to read it, read-only: nothing is
    /// written, no file is created, and a ledger of an older schema is read
    /// as it is. Reading never waits for a recorder.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-read-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("prices.db");
    /// assert!(badge_rules_ledger::Ledger::open_read_only(&path).is_err()); // none yet
    /// drop(badge_rules_ledger::Ledger::open(&path).unwrap()); // recording creates it
    /// let ledger = badge_rules_ledger::Ledger::open_read_only(&path).unwrap();
    /// let at = "2026-11-20T00:00:00Z".parse().unwrap();
    /// assert_eq!(ledger.lowest("1", at).unwrap().lowest_price_30_days, None);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Missing`], and those of [`Ledger::open`].
    pub fn open_read_only(path: &Path) -> Result<Self, LedgerError> {
        Self::with(path, Access::Read)
    }

    fn with(path: &Path, access: Access) -> Result<Self, LedgerError> {
        Ok(Ledger {
            store: Store::open(path, access)?,
            watch: OnceCell::new(),
        })
    }

    /// The schema version of the ledger as opened: this build's for a
    /// ledger opened to record (migrated), its own for one opened to read.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-schema-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// assert_eq!(ledger.schema_version(), 4);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn schema_version(&self) -> i64 {
        self.store.version
    }

    /// The size of the ledger in bytes (what [`Ledger::vacuum`] shrinks).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn size(&self) -> Result<u64, LedgerError> {
        self.store.size().map_err(db)
    }

    /// Gives the space of what [`Ledger::prune`] dropped back to the file
    /// system (`VACUUM`): the file shrinks to what the ledger holds.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-vacuum-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let mut ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// ledger.prune("2026-11-01T00:00:00Z".parse().unwrap()).unwrap();
    /// ledger.vacuum().unwrap();
    /// assert!(ledger.size().unwrap() > 0);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn vacuum(&mut self) -> Result<(), LedgerError> {
        self.store.vacuum().map_err(db)
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

    /// The timelines `q` reads: the offer's prices on its marketplace, with
    /// every campaign price and without the request's campaign's.
    fn timelines(&self, q: &Question, watch: &Watch) -> Result<Option<Timelines>, LedgerError> {
        let until = millis_of(q.at);
        let Some(row) = self.store.offer(&q.offer).map_err(db)? else {
            return Ok(None);
        };
        let series = self.store.series(&row, q.marketplace).map_err(db)?;
        let base = timeline(&series.observations, watch, until);
        Ok(Some(Timelines {
            all: with_campaigns(&base, &series.badges, None),
            reference: with_campaigns(&base, &series.badges, q.campaign.as_deref()),
            currency: series.currency,
            marketplace: series.marketplace,
            bases: series.bases,
        }))
    }

    /// M for `offer` at `at` on its base marketplace, with the gaps of its
    /// window ([`Ledger::ask`] with no campaign).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn lowest(&self, offer: &str, at: Instant) -> Result<Lowest, LedgerError> {
        self.ask(&Question::new(offer, at))
    }

    /// M for `q`: over the 30 days before the reduction (its campaign's
    /// publication start when after `q.at`, else `q.at`), on `q`'s
    /// marketplace, campaign prices included; and the reference minimum,
    /// without `q`'s campaign's prices (docs/LEDGER.md).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-ask-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// let mut q = badge_rules_ledger::Question::new("1", "2026-11-30T00:00:00Z".parse().unwrap());
    /// q.starts = Some("2026-12-07T00:00:00Z".parse().unwrap());
    /// let answer = ledger.ask(&q).unwrap();
    /// assert_eq!(answer.reduction_starts_at.as_deref(), Some("2026-12-07T00:00:00Z"));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn ask(&self, q: &Question) -> Result<Lowest, LedgerError> {
        let watch = self.watch()?;
        let t = match self.timelines(q, watch)? {
            Some(t) => t,
            None => {
                let empty = timeline(&[], watch, millis_of(q.at));
                Timelines {
                    all: empty.clone(),
                    reference: empty,
                    currency: String::new(),
                    marketplace: q.marketplace,
                    bases: Vec::new(),
                }
            }
        };
        Ok(answer(&t, q))
    }

    /// [`Ledger::lowest`] of every offer recorded on each of its
    /// marketplaces (every marketplace the ledger holds a price or a badge
    /// of it on, in Allegro's order), the offers in the order they were
    /// first recorded, handed to `f` one at a time; each answer names its
    /// marketplace. The rows are read on this thread and the answers worked
    /// out on another, a few hundred offers at a time, so memory holds a
    /// few batches whatever the size of the ledger.
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
        type Batch = Vec<(String, crate::store::Series)>;
        let watch = self.watch()?;
        let until = millis_of(at);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(4);
            let answering = scope.spawn(move || -> Result<(), LedgerError> {
                for batch in rx {
                    for (id, series) in batch {
                        let base = timeline(&series.observations, watch, until);
                        let all = with_campaigns(&base, &series.badges, None);
                        let t = Timelines {
                            reference: all.clone(),
                            all,
                            currency: series.currency,
                            marketplace: series.marketplace,
                            bases: Vec::new(),
                        };
                        let mut q = Question::new(&id, at);
                        q.marketplace = series.marketplace;
                        f(answer(&t, &q))?;
                    }
                }
                Ok(())
            });
            let mut batch: Batch = Vec::with_capacity(BATCH);
            let read = self.store.each_offer(|id, row, observations| {
                for series in self.store.every_series(row, observations).map_err(db)? {
                    batch.push((id.to_owned(), series));
                }
                if batch.len() >= BATCH {
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
    /// window of `at` on its base marketplace; `None` when the ledger has
    /// nothing on the offer.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn history(&self, offer: &str, at: Instant) -> Result<Option<History>, LedgerError> {
        self.history_for(&Question::new(offer, at))
    }

    /// The history (and the reference history) `q` reads; `None` when the
    /// ledger has nothing on the offer.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn history_for(&self, q: &Question) -> Result<Option<History>, LedgerError> {
        let watch = self.watch()?;
        Ok(self.timelines(q, watch)?.map(|t| history(&t, q)))
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
    /// `metrics.priceHistoryExact` (and the reference history beside them,
    /// docs/LEDGER.md) for its offer (`offer.id`, else `request.offer.id`,
    /// else `offerId`) at its `now`, on the marketplace of its campaign
    /// (`request.campaign.id` in `campaigns[]`, whose `publication.from`
    /// after `now` starts the reduction), when its `metrics` has neither
    /// `lowestPrice30Days` nor `priceHistory`.
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
        let Ok(probe) = document_bytes::Probe::deserialize(&*doc) else {
            return Ok(Filled::NotApplicable);
        };
        match probe.metrics {
            document_bytes::MetricsProbe::Object { given: true } => return Ok(Filled::HasMetrics),
            document_bytes::MetricsProbe::Other => return Ok(Filled::NotApplicable),
            _ => {}
        }
        let Some(q) = probe.question() else {
            return Ok(Filled::NotApplicable);
        };
        let Some(history) = self.history_for(&q)? else {
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
        let Ok(probe) = serde_json::from_slice::<document_bytes::Probe>(bytes) else {
            // Not JSON, or not an object: the engine names the fault.
            return Ok(None);
        };
        match probe.metrics {
            document_bytes::MetricsProbe::Absent => {}
            document_bytes::MetricsProbe::Object { given: false }
            | document_bytes::MetricsProbe::Null => {
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
            document_bytes::MetricsProbe::Object { given: true }
            | document_bytes::MetricsProbe::Other => return Ok(None),
        }
        let Some(q) = probe.question() else {
            return Ok(None);
        };
        let Some(history) = self.history_for(&q)? else {
            return Ok(None);
        };
        let metrics = serde_json::to_vec(&history)
            .map_err(|e| LedgerError::Db(format!("cannot write the history: {e}")))?;
        Ok(document_bytes::append_metrics(bytes, &metrics))
    }

    /// The ledger's `conflict` note for the history [`Ledger::fill_bytes`]
    /// fills into a document (docs/LEDGER.md, "One answer whatever the
    /// order"): when the document's campaign names no marketplace and its
    /// offer was recorded with several base marketplaces, the note saying
    /// which one the history is of; else `None`.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("ledger-doc-conflict-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let ledger = badge_rules_ledger::Ledger::open(&dir.join("prices.db")).unwrap();
    /// let doc = br#"{"now": "2026-11-20T00:00:00Z", "offer": {"id": "1"}}"#;
    /// assert_eq!(ledger.fill_conflict(doc).unwrap(), None); // the ledger knows no offer 1
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`LedgerError::Db`].
    pub fn fill_conflict(&self, bytes: &[u8]) -> Result<Option<String>, LedgerError> {
        let Ok(probe) = serde_json::from_slice::<document_bytes::Probe>(bytes) else {
            return Ok(None);
        };
        match probe.question() {
            Some(q) if q.marketplace.is_none() => Ok(self.ask(&q)?.conflict),
            _ => Ok(None),
        }
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
