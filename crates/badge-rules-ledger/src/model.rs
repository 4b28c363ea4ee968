//! The model: what the recorded observations of one offer say about its
//! price over time, and where they say nothing (docs/LEDGER.md).
//!
//! Pure: observations and the watched intervals of the event feed in,
//! [`Timeline`] out. Times are milliseconds since the Unix epoch, prices
//! grosze (hundredths).
//!
//! ```
//! use badge_rules_ledger::model::{timeline, Observation, Watch};
//!
//! let day = 86_400_000;
//! // 200.00 seen on day 1 and day 3, the feed watched from day 0 on, no
//! // event: 200.00 was in force all along, from day 0.
//! let observed = [
//!     Observation::Snapshot { at: day, price: 20_000, on_sale: true },
//!     Observation::Snapshot { at: 3 * day, price: 20_000, on_sale: true },
//! ];
//! let watch = Watch::new(vec![(0, 4 * day)]);
//! let t = timeline(&observed, &watch, 4 * day);
//! assert!(t.gaps_in(2 * day, 4 * day).is_empty());
//! assert_eq!(t.entries_for(2 * day, 4 * day), [(0, 20_000)]);
//! ```

use serde::Serialize;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// One thing the ledger recorded about an offer.
///
/// ```
/// use badge_rules_ledger::model::Observation;
/// let seen = Observation::Snapshot { at: 0, price: 19_999, on_sale: true };
/// assert_eq!(seen.at(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observation {
    /// The price when a response was fetched (GET /sale/offers, GET
    /// /sale/product-offers/{offerId}); `on_sale`: `publication.status` was
    /// `ACTIVE` (or not given).
    Snapshot {
        /// When it was fetched.
        at: Millis,
        /// The base marketplace's price, in grosze.
        price: i64,
        /// For sale at that moment.
        on_sale: bool,
    },
    /// `OFFER_PRICE_CHANGED` on the offer's base marketplace: the price
    /// changed at `at`, to a price the event does not give.
    PriceChanged {
        /// `occurredAt`.
        at: Millis,
    },
    /// `OFFER_ENDED` or `OFFER_ARCHIVED`: no longer for sale from `at`.
    Ended {
        /// `occurredAt`.
        at: Millis,
    },
    /// `OFFER_ACTIVATED`: for sale again from `at`, at a price the event does
    /// not give.
    Activated {
        /// `occurredAt`.
        at: Millis,
    },
}

impl Observation {
    /// When it happened.
    ///
    /// ```
    /// use badge_rules_ledger::model::Observation;
    /// assert_eq!(Observation::Ended { at: 5 }.at(), 5);
    /// ```
    pub fn at(&self) -> Millis {
        match *self {
            Observation::Snapshot { at, .. }
            | Observation::PriceChanged { at }
            | Observation::Ended { at }
            | Observation::Activated { at } => at,
        }
    }

    /// The order of observations: by time; at one instant events before
    /// snapshots (a snapshot shows the state after what happened at its
    /// instant), then by kind and price, so that the order in which pages
    /// were recorded never matters.
    pub(crate) fn key(&self) -> (Millis, u8, i64, bool) {
        match *self {
            Observation::Ended { at } => (at, 0, 0, false),
            Observation::Activated { at } => (at, 1, 0, false),
            Observation::PriceChanged { at } => (at, 2, 0, false),
            Observation::Snapshot { at, price, on_sale } => (at, 3, price, on_sale),
        }
    }
}

/// The intervals over which the event feed was watched: every price change,
/// end and activation of every offer in them is recorded.
///
/// ```
/// use badge_rules_ledger::model::Watch;
/// let watch = Watch::new(vec![(10, 20), (0, 5), (18, 30)]);
/// assert!(watch.covers(12, 25));
/// assert!(!watch.covers(4, 12));
/// assert_eq!(watch.first_unwatched(4, 12), Some(5));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Watch {
    /// Disjoint closed intervals, sorted.
    intervals: Vec<(Millis, Millis)>,
}

impl Watch {
    /// The union of closed intervals `[from, to]` (empty ones are dropped).
    ///
    /// ```
    /// use badge_rules_ledger::model::Watch;
    /// assert_eq!(Watch::new(vec![(3, 1)]), Watch::default());
    /// ```
    pub fn new(mut intervals: Vec<(Millis, Millis)>) -> Self {
        intervals.retain(|(from, to)| from <= to);
        intervals.sort_unstable();
        let mut merged: Vec<(Millis, Millis)> = Vec::with_capacity(intervals.len());
        for (from, to) in intervals {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        Watch { intervals: merged }
    }

    /// The watched interval holding `t`.
    fn around(&self, t: Millis) -> Option<(Millis, Millis)> {
        let i = self.intervals.partition_point(|(from, _)| *from <= t);
        let (from, to) = *self.intervals.get(i.checked_sub(1)?)?;
        (t <= to).then_some((from, to))
    }

    /// Is all of `[a, b]` watched?
    ///
    /// ```
    /// use badge_rules_ledger::model::Watch;
    /// assert!(Watch::new(vec![(0, 10)]).covers(0, 10));
    /// ```
    pub fn covers(&self, a: Millis, b: Millis) -> bool {
        self.first_unwatched(a, b).is_none()
    }

    /// The first instant of `[a, b]` that is not watched (the end of the
    /// watched interval holding `a`, or `a` itself), if any.
    ///
    /// ```
    /// use badge_rules_ledger::model::Watch;
    /// assert_eq!(Watch::new(vec![(0, 10)]).first_unwatched(20, 30), Some(20));
    /// ```
    pub fn first_unwatched(&self, a: Millis, b: Millis) -> Option<Millis> {
        match self.around(a) {
            Some((_, to)) if to >= b => None,
            Some((_, to)) => Some(to),
            None => Some(a),
        }
    }

    /// The start of the watched interval holding `t`.
    fn watched_since(&self, t: Millis) -> Option<Millis> {
        self.around(t).map(|(from, _)| from)
    }
}

/// Why the price is unknown over a gap.
///
/// ```
/// use badge_rules_ledger::model::GapKind;
/// assert_eq!(serde_json::to_string(&GapKind::SeveralChanges).unwrap(), r#""severalChanges""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum GapKind {
    /// Nothing recorded shows the price before this.
    BeforeHistory,
    /// The event feed was not watched: the price may have changed unseen.
    Unwatched,
    /// A snapshot shows a new price, and no change event explains it.
    UnseenChange,
    /// Two or more price changes between snapshots: the prices between the
    /// first and the last are unknown.
    SeveralChanges,
    /// A price change (or a return to sale) with no snapshot after it yet.
    AwaitingSnapshot,
    /// An ended offer is seen for sale again with no activation event.
    UnseenReactivation,
    /// A badge seen `ACTIVE` with no publication start: since when its
    /// bargain price has been in force is unknown.
    CampaignStartUnknown,
    /// A badge seen `ACTIVE` and not seen again (or seen no longer active
    /// without its publication end): whether its price was lowered after
    /// the last page that listed it is unknown, until its planned end.
    CampaignUnconfirmed,
    /// A badge seen `ACTIVE` at two bargain prices: when the price changed
    /// is unknown.
    CampaignPriceChanged,
}

impl GapKind {
    /// The kind's name, as serialized.
    ///
    /// ```
    /// use badge_rules_ledger::model::GapKind;
    /// assert_eq!(GapKind::Unwatched.as_str(), "unwatched");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            GapKind::BeforeHistory => "beforeHistory",
            GapKind::Unwatched => "unwatched",
            GapKind::UnseenChange => "unseenChange",
            GapKind::SeveralChanges => "severalChanges",
            GapKind::AwaitingSnapshot => "awaitingSnapshot",
            GapKind::UnseenReactivation => "unseenReactivation",
            GapKind::CampaignStartUnknown => "campaignStartUnknown",
            GapKind::CampaignUnconfirmed => "campaignUnconfirmed",
            GapKind::CampaignPriceChanged => "campaignPriceChanged",
        }
    }
}

/// What is known over a stretch of time.
///
/// ```
/// use badge_rules_ledger::model::{GapKind, Known};
/// assert_ne!(Known::Price(100), Known::Gap(GapKind::Unwatched));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// This price, in grosze, was in force.
    Price(i64),
    /// Not for sale: no price in force.
    OffSale,
    /// Unknown: a lower price may hide here.
    Gap(GapKind),
}

/// `[from, to)` with what is known over it (`[t, t)`: a price seen in force
/// at the instant `t` only).
///
/// ```
/// use badge_rules_ledger::model::{Known, Segment};
/// let s = Segment { from: 0, to: 10, known: Known::OffSale };
/// assert_eq!(s.to - s.from, 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start (inclusive).
    pub from: Millis,
    /// End (exclusive); [`Millis::MAX`] for the last one.
    pub to: Millis,
    /// What is known.
    pub known: Known,
}

/// A gap inside a window: `[from, to]`, clipped to the window.
///
/// ```
/// use badge_rules_ledger::model::{Gap, GapKind};
/// let gap = Gap { from: 1, to: 2, kind: GapKind::Unwatched };
/// assert_eq!(gap.kind.as_str(), "unwatched");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Start.
    pub from: Millis,
    /// End.
    pub to: Millis,
    /// Why.
    pub kind: GapKind,
}

/// What the observations of one offer say, from the beginning of time on:
/// consecutive segments, the first starting at [`Millis::MIN`].
///
/// ```
/// use badge_rules_ledger::model::{timeline, Known, Watch};
/// let t = timeline(&[], &Watch::default(), 0);
/// assert_eq!(t.segments().len(), 1);
/// assert!(matches!(t.segments()[0].known, Known::Gap(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    segments: Vec<Segment>,
}

impl Timeline {
    /// The segments, in time order.
    ///
    /// ```
    /// use badge_rules_ledger::model::{timeline, Watch};
    /// assert_eq!(timeline(&[], &Watch::default(), 0).segments()[0].to, i64::MAX);
    /// ```
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The gaps that meet the window `[start, end]` for some time, clipped to
    /// it, and a price change at `end` itself (the price at `end` is then
    /// unknown). A gap that only touches the window's first or last instant
    /// is not one: the price at that instant is known.
    ///
    /// ```
    /// use badge_rules_ledger::model::{timeline, GapKind, Observation, Watch};
    /// let t = timeline(&[Observation::Snapshot { at: 50, price: 1, on_sale: true }], &Watch::default(), 100);
    /// let gaps = t.gaps_in(0, 100);
    /// // Before the first snapshot nothing is known, and after it nobody watched.
    /// assert_eq!((gaps[0].from, gaps[0].to, gaps[0].kind), (0, 50, GapKind::BeforeHistory));
    /// assert_eq!((gaps[1].from, gaps[1].to, gaps[1].kind), (50, 100, GapKind::Unwatched));
    /// ```
    pub fn gaps_in(&self, start: Millis, end: Millis) -> Vec<Gap> {
        self.segments
            .iter()
            .filter(|s| {
                (s.from < end && s.to > start)
                    || (s.from == end && s.known == Known::Gap(GapKind::AwaitingSnapshot))
            })
            .filter_map(|s| match s.known {
                Known::Gap(kind) => Some(Gap {
                    from: s.from.max(start),
                    to: s.to.min(end),
                    kind,
                }),
                _ => None,
            })
            .collect()
    }

    /// The price history a check document at `end` wants, for the window
    /// `[start, end]`: `(at, price)` where each known price begins, for the
    /// prices in force at some moment of the window. A price known to be in
    /// force when the window opens comes first, with the instant it began;
    /// none is given when the window opens on a gap or off sale, since the
    /// engine would take the last price before the window as in force.
    ///
    /// ```
    /// use badge_rules_ledger::model::{timeline, Observation, Watch};
    /// let observed = [
    ///     Observation::Snapshot { at: 0, price: 300, on_sale: true },
    ///     Observation::Snapshot { at: 40, price: 200, on_sale: true },
    /// ];
    /// let t = timeline(&observed, &Watch::default(), 100);
    /// // 300 was seen at 0, but nobody watched until 40: unknown at 10.
    /// assert_eq!(t.entries_for(10, 100), [(40, 200)]);
    /// assert_eq!(t.entries_for(0, 100), [(0, 300), (40, 200)]);
    /// ```
    pub fn entries_for(&self, start: Millis, end: Millis) -> Vec<(Millis, i64)> {
        self.segments
            .iter()
            // In force from `from` to its last millisecond (`from` itself for
            // a price seen at one instant only).
            .filter(|s| s.from <= end && s.to.saturating_sub(1).max(s.from) >= start)
            .filter_map(|s| match s.known {
                Known::Price(price) => Some((s.from, price)),
                _ => None,
            })
            .collect()
    }
}

/// The state of the walk through an offer's observations.
#[derive(Debug, Clone, Copy)]
enum State {
    /// `price` in force since `since`, last confirmed by a snapshot at
    /// `confirmed`.
    Price {
        price: i64,
        since: Millis,
        confirmed: Millis,
    },
    /// Off sale since `since`, last confirmed at `confirmed`.
    Off { since: Millis, confirmed: Millis },
    /// Unknown since `since`; from `pin` on, the next snapshot's price is in
    /// force (a change or a return to sale at `pin`, the feed watched since).
    Unknown {
        since: Millis,
        kind: GapKind,
        pin: Option<Millis>,
    },
}

/// The walk: segments closed so far and the current state.
struct Walk {
    segments: Vec<Segment>,
    state: State,
}

impl Walk {
    /// Closes `[from, to)` as `known`, merging it into the previous segment
    /// when both know the same. An empty interval is dropped, except for a
    /// price: `[t, t)` is a price seen in force at the instant `t` only.
    fn close(&mut self, from: Millis, to: Millis, known: Known) {
        if to < from || (to == from && !matches!(known, Known::Price(_))) {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if last.known == known && last.to == from {
                last.to = to;
                return;
            }
        }
        self.segments.push(Segment { from, to, known });
    }

    /// Closes the current state's segment at `t`.
    fn end_state(&mut self, t: Millis) {
        match self.state {
            State::Price { price, since, .. } => self.close(since, t, Known::Price(price)),
            State::Off { since, .. } => self.close(since, t, Known::OffSale),
            State::Unknown { since, kind, .. } => self.close(since, t, Known::Gap(kind)),
        }
    }

    /// Nobody watched from `u` on: what was known may have changed unseen.
    fn unwatched_from(&mut self, u: Millis) {
        match self.state {
            State::Price { .. } | State::Off { .. } => {
                self.end_state(u);
                self.state = State::Unknown {
                    since: u,
                    kind: GapKind::Unwatched,
                    pin: None,
                };
            }
            State::Unknown { since, kind, .. } => {
                self.state = State::Unknown {
                    since,
                    kind,
                    pin: None,
                };
            }
        }
    }

    fn snapshot(&mut self, t: Millis, price: i64, on_sale: bool) {
        let next = if on_sale {
            State::Price {
                price,
                since: t,
                confirmed: t,
            }
        } else {
            State::Off {
                since: t,
                confirmed: t,
            }
        };
        match (self.state, on_sale) {
            (
                State::Price {
                    price: p,
                    since,
                    confirmed,
                },
                true,
            ) => {
                if p == price {
                    self.state = State::Price {
                        price,
                        since,
                        confirmed: t,
                    };
                } else {
                    self.close(since, confirmed, Known::Price(p));
                    self.close(confirmed, t, Known::Gap(GapKind::UnseenChange));
                    self.state = next;
                }
            }
            // Ended unseen: the price known was the one in force until then.
            (State::Price { .. }, false) => {
                self.end_state(t);
                self.state = next;
            }
            (State::Off { since, confirmed }, true) => {
                self.close(since, confirmed, Known::OffSale);
                self.close(confirmed, t, Known::Gap(GapKind::UnseenReactivation));
                self.state = next;
            }
            (State::Off { since, .. }, false) => {
                self.state = State::Off {
                    since,
                    confirmed: t,
                };
            }
            (
                State::Unknown {
                    since,
                    kind,
                    pin: Some(pin),
                },
                true,
            ) => {
                self.close(since, pin, Known::Gap(kind));
                self.state = State::Price {
                    price,
                    since: pin,
                    confirmed: t,
                };
            }
            (State::Unknown { .. }, _) => {
                self.end_state(t);
                self.state = next;
            }
        }
    }

    fn price_changed(&mut self, t: Millis) {
        match self.state {
            State::Price { .. } => {
                self.end_state(t);
                self.state = State::Unknown {
                    since: t,
                    kind: GapKind::AwaitingSnapshot,
                    pin: Some(t),
                };
            }
            State::Unknown { since, kind, pin } => {
                let kind = match (kind, pin) {
                    (GapKind::AwaitingSnapshot, Some(p)) if p < t => GapKind::SeveralChanges,
                    _ => kind,
                };
                self.state = State::Unknown {
                    since,
                    kind,
                    pin: Some(t),
                };
            }
            // Not for sale: no price in force changes.
            State::Off { .. } => {}
        }
    }

    fn ended(&mut self, t: Millis) {
        if !matches!(self.state, State::Off { .. }) {
            self.end_state(t);
            self.state = State::Off {
                since: t,
                confirmed: t,
            };
        }
    }

    fn activated(&mut self, t: Millis) {
        match self.state {
            State::Price { .. } | State::Off { .. } => {
                self.end_state(t);
                self.state = State::Unknown {
                    since: t,
                    kind: GapKind::AwaitingSnapshot,
                    pin: Some(t),
                };
            }
            State::Unknown { since, kind, .. } => {
                self.state = State::Unknown {
                    since,
                    kind,
                    pin: Some(t),
                };
            }
        }
    }
}

/// The timeline of one offer's `observations` (in any order), with the
/// event feed watched over `watch`, carried on to at least `until`.
///
/// ```
/// use badge_rules_ledger::model::{timeline, GapKind, Observation, Watch};
/// // One change between two snapshots, watched: exact, 150.00 from the change.
/// let observed = [
///     Observation::Snapshot { at: 0, price: 20_000, on_sale: true },
///     Observation::PriceChanged { at: 30 },
///     Observation::Snapshot { at: 50, price: 15_000, on_sale: true },
/// ];
/// let t = timeline(&observed, &Watch::new(vec![(0, 100)]), 100);
/// assert!(t.gaps_in(0, 100).is_empty());
/// assert_eq!(t.entries_for(0, 100), [(0, 20_000), (30, 15_000)]);
/// // A second change before the snapshot: the price between them is unknown.
/// let observed = [observed[0], observed[1], Observation::PriceChanged { at: 40 }, observed[2]];
/// let t = timeline(&observed, &Watch::new(vec![(0, 100)]), 100);
/// let gap = t.gaps_in(0, 100)[0];
/// assert_eq!((gap.from, gap.to, gap.kind), (30, 40, GapKind::SeveralChanges));
/// ```
pub fn timeline(observations: &[Observation], watch: &Watch, until: Millis) -> Timeline {
    let mut sorted = observations.to_vec();
    if !sorted.is_sorted_by_key(Observation::key) {
        sorted.sort_unstable_by_key(Observation::key);
    }
    sorted.dedup();
    let mut walk = Walk {
        segments: Vec::with_capacity(sorted.len() / 4 + 2),
        state: State::Unknown {
            since: Millis::MIN,
            kind: GapKind::BeforeHistory,
            pin: None,
        },
    };
    let mut last: Option<Millis> = None;
    for observation in &sorted {
        let t = observation.at();
        match last {
            Some(previous) => {
                if let Some(u) = watch.first_unwatched(previous, t) {
                    walk.unwatched_from(u);
                }
            }
            None => {
                // The first observation: a price seen for sale holds back to
                // the start of the watch around it (no event before it).
                if let Observation::Snapshot {
                    price,
                    on_sale: true,
                    ..
                } = observation
                {
                    if let Some(from) = watch.watched_since(t).filter(|from| *from < t) {
                        walk.end_state(from);
                        walk.state = State::Price {
                            price: *price,
                            since: from,
                            confirmed: from,
                        };
                    }
                }
            }
        }
        match *observation {
            Observation::Snapshot { price, on_sale, .. } => walk.snapshot(t, price, on_sale),
            Observation::PriceChanged { .. } => walk.price_changed(t),
            Observation::Ended { .. } => walk.ended(t),
            Observation::Activated { .. } => walk.activated(t),
        }
        last = Some(t);
    }
    if let Some(previous) = last {
        if let Some(u) = watch.first_unwatched(previous, until.max(previous)) {
            walk.unwatched_from(u);
        }
    }
    walk.end_state(Millis::MAX);
    Timeline {
        segments: walk.segments,
    }
}

/// `process.status` of a badge (GET /sale/badges): the core's own type,
/// which the check document's `badges[]` read too.
pub use badge_rules::document::BadgeStatus;

/// How the ledger reads a badge's status from a page and stores it as a
/// number.
///
/// ```
/// use badge_rules_ledger::model::{BadgeStatus, StoredStatus};
/// assert_eq!(BadgeStatus::from_status("FINISHED"), Some(BadgeStatus::Finished));
/// assert_eq!(BadgeStatus::from_status("X"), None);
/// assert_eq!(BadgeStatus::Declined.allegro_name(), "DECLINED");
/// assert_eq!(BadgeStatus::InVerification.code(), 0);
/// assert_eq!(BadgeStatus::from_code(BadgeStatus::Active.code()), Some(BadgeStatus::Active));
/// assert_eq!(BadgeStatus::from_code(9), None);
/// ```
pub trait StoredStatus: Sized {
    /// The status named `text` (Allegro's spelling).
    fn from_status(text: &str) -> Option<Self>;
    /// Allegro's name for it.
    fn allegro_name(self) -> &'static str;
    /// The number stored for it.
    fn code(self) -> i64;
    /// The status stored as `code`.
    fn from_code(code: i64) -> Option<Self>;
}

/// Every status the ledger stores, in the order of their numbers.
const STATUSES: [BadgeStatus; 5] = [
    BadgeStatus::InVerification,
    BadgeStatus::WaitingForPublication,
    BadgeStatus::Active,
    BadgeStatus::Finished,
    BadgeStatus::Declined,
];

impl StoredStatus for BadgeStatus {
    fn from_status(text: &str) -> Option<Self> {
        STATUSES.into_iter().find(|s| s.allegro_name() == text)
    }

    fn allegro_name(self) -> &'static str {
        match self {
            BadgeStatus::InVerification => "IN_VERIFICATION",
            BadgeStatus::WaitingForPublication => "WAITING_FOR_PUBLICATION",
            BadgeStatus::Active => "ACTIVE",
            BadgeStatus::Finished => "FINISHED",
            BadgeStatus::Declined => "DECLINED",
            // A status a later core adds: not one the ledger stores.
            _ => "",
        }
    }

    fn code(self) -> i64 {
        STATUSES
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i64::try_from(i).ok())
            .unwrap_or(-1)
    }

    fn from_code(code: i64) -> Option<Self> {
        usize::try_from(code)
            .ok()
            .and_then(|i| STATUSES.get(i).copied())
    }
}

/// One badge of one offer on one marketplace, as a GET /sale/badges page
/// fetched at `at` showed it.
///
/// ```
/// use badge_rules_ledger::model::{BadgeSeen, BadgeStatus};
/// let seen = BadgeSeen { campaign: "BARGAIN".into(), at: 5, status: BadgeStatus::Active,
///     bargain: Some(8661), from: Some(0), to: None };
/// assert_eq!(seen.bargain, Some(8661));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BadgeSeen {
    /// `campaign.id`.
    pub campaign: String,
    /// When the page was fetched.
    pub at: Millis,
    /// `process.status`.
    pub status: BadgeStatus,
    /// `prices.bargain`, in hundredths.
    pub bargain: Option<i64>,
    /// `publication.from`.
    pub from: Option<Millis>,
    /// `publication.to`.
    pub to: Option<Millis>,
}

/// What the badges of one campaign say of its bargain price: segments
/// `[from, to)` where it was in force ([`Known::Price`]) or may have been
/// ([`Known::Gap`]); nothing elsewhere. `seen` holds one campaign's
/// badges, sorted.
fn campaign_layer(seen: &[&BadgeSeen], out: &mut Vec<Segment>) {
    // The last ACTIVE sighting (time, price, planned end), and the last
    // sighting that showed the badge not yet (or no longer) in force.
    let mut active: Option<(Millis, i64, Option<Millis>)> = None;
    let mut quiet: Option<Millis> = None;
    let mut push = |from: Millis, to: Millis, known: Known| {
        if from < to {
            out.push(Segment { from, to, known });
        }
    };
    for b in seen {
        match (b.status, b.bargain) {
            (BadgeStatus::Active, Some(price)) => match active {
                None => {
                    let start = match b.from {
                        Some(from) => from.max(quiet.unwrap_or(Millis::MIN)).min(b.at),
                        None => {
                            let since = quiet.unwrap_or(Millis::MIN);
                            push(since, b.at, Known::Gap(GapKind::CampaignStartUnknown));
                            b.at
                        }
                    };
                    push(start, b.at.saturating_add(1), Known::Price(price));
                    active = Some((b.at, price, b.to));
                }
                Some((last, p, _)) if p == price => {
                    push(last, b.at.saturating_add(1), Known::Price(price));
                    active = Some((b.at, price, b.to));
                }
                Some((last, _, _)) => {
                    push(
                        last.saturating_add(1),
                        b.at,
                        Known::Gap(GapKind::CampaignPriceChanged),
                    );
                    push(b.at, b.at.saturating_add(1), Known::Price(price));
                    active = Some((b.at, price, b.to));
                }
            },
            (BadgeStatus::Finished, bargain) => {
                let price = bargain.or(active.map(|a| a.1));
                match (active, price, b.to) {
                    // Seen in force, then finished at its publication end.
                    (Some((last, p, _)), Some(price), Some(end)) if p == price => {
                        push(
                            last,
                            end.min(b.at).max(last.saturating_add(1)),
                            Known::Price(p),
                        );
                    }
                    (Some((last, _, _)), _, end) => {
                        let end = end.unwrap_or(b.at).min(b.at);
                        push(
                            last.saturating_add(1),
                            end,
                            Known::Gap(GapKind::CampaignUnconfirmed),
                        );
                    }
                    // Never seen active: its publication period vouches.
                    (None, Some(price), Some(end)) => match b.from {
                        Some(from) => push(from, end.min(b.at), Known::Price(price)),
                        None => push(
                            quiet.unwrap_or(Millis::MIN),
                            end.min(b.at),
                            Known::Gap(GapKind::CampaignStartUnknown),
                        ),
                    },
                    (None, Some(_), None) => push(
                        b.from.unwrap_or(quiet.unwrap_or(Millis::MIN)),
                        b.at,
                        Known::Gap(GapKind::CampaignUnconfirmed),
                    ),
                    (None, None, _) => {}
                }
                active = None;
                quiet = Some(b.at);
            }
            // Declined, or not yet published: no price in force.
            (_, _) => {
                if let Some((last, _, _)) = active.take() {
                    push(
                        last.saturating_add(1),
                        b.at,
                        Known::Gap(GapKind::CampaignUnconfirmed),
                    );
                }
                quiet = Some(b.at);
            }
        }
    }
    // Seen active last: unknown from then until its planned end.
    if let Some((last, _, end)) = active {
        push(
            last.saturating_add(1),
            end.unwrap_or(Millis::MAX),
            Known::Gap(GapKind::CampaignUnconfirmed),
        );
    }
}

/// `base` with the bargain prices of the badges `seen` laid over it: where
/// the offer is for sale at a known price, the lowest price in force for
/// buyers (its own or a campaign's); where a campaign's price may have been
/// in force unseen, a gap. The badges of `leave_out` are left out (the
/// reference minimum, without the request's own campaign).
///
/// ```
/// use badge_rules_ledger::model::{timeline, with_campaigns, BadgeSeen, BadgeStatus, Observation, Watch};
/// let base = timeline(&[Observation::Snapshot { at: 0, price: 10_298, on_sale: true }],
///     &Watch::new(vec![(0, 100)]), 100);
/// let badge = BadgeSeen { campaign: "BARGAIN".into(), at: 60, status: BadgeStatus::Finished,
///     bargain: Some(8_661), from: Some(20), to: Some(50) };
/// let t = with_campaigns(&base, &[badge.clone()], None);
/// assert_eq!(t.entries_for(0, 100), [(0, 10_298), (20, 8_661), (50, 10_298)]);
/// let reference = with_campaigns(&base, &[badge], Some("BARGAIN"));
/// assert_eq!(reference.entries_for(0, 100), [(0, 10_298)]);
/// ```
pub fn with_campaigns(base: &Timeline, seen: &[BadgeSeen], leave_out: Option<&str>) -> Timeline {
    let mut sorted: Vec<&BadgeSeen> = seen
        .iter()
        .filter(|b| Some(b.campaign.as_str()) != leave_out)
        .collect();
    if sorted.is_empty() {
        return base.clone();
    }
    sorted.sort_unstable();
    sorted.dedup();
    let mut layers = Vec::new();
    for campaign in sorted.chunk_by(|a, b| a.campaign == b.campaign) {
        campaign_layer(campaign, &mut layers);
    }
    let mut cuts: Vec<Millis> = layers.iter().flat_map(|s| [s.from, s.to]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let at = |known: Known, x: Millis| -> Known {
        let Known::Price(mut p) = known else {
            return known;
        };
        for l in layers.iter().filter(|l| l.from <= x && x < l.to) {
            match l.known {
                Known::Gap(kind) => return Known::Gap(kind),
                Known::Price(q) => p = p.min(q),
                Known::OffSale => {}
            }
        }
        Known::Price(p)
    };
    let mut walk = Walk {
        segments: Vec::with_capacity(base.segments.len() + cuts.len()),
        state: State::Off {
            since: Millis::MIN,
            confirmed: Millis::MIN,
        },
    };
    for s in &base.segments {
        let mut x = s.from;
        if s.from < s.to {
            let first = cuts.partition_point(|c| *c <= s.from);
            for c in cuts.iter().skip(first).take_while(|c| **c < s.to) {
                walk.close(x, *c, at(s.known, x));
                x = *c;
            }
        }
        walk.close(x, s.to, at(s.known, x));
    }
    Timeline {
        segments: walk.segments,
    }
}

/// Two lists each in time order, merged in the order [`timeline`] reads.
pub(crate) fn merge(a: Vec<Observation>, b: Vec<Observation>) -> Vec<Observation> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y.key() < x.key() => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(o) => out.push(o),
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: Millis = 3_600_000;

    fn snap(at: Millis, price: i64) -> Observation {
        Observation::Snapshot {
            at,
            price,
            on_sale: true,
        }
    }

    fn off(at: Millis, price: i64) -> Observation {
        Observation::Snapshot {
            at,
            price,
            on_sale: false,
        }
    }

    fn changed(at: Millis) -> Observation {
        Observation::PriceChanged { at }
    }

    fn gaps(
        observed: &[Observation],
        watch: &Watch,
        start: Millis,
        end: Millis,
    ) -> Vec<(Millis, Millis, GapKind)> {
        timeline(observed, watch, end)
            .gaps_in(start, end)
            .into_iter()
            .map(|g| (g.from, g.to, g.kind))
            .collect()
    }

    fn all(h: Millis) -> Watch {
        Watch::new(vec![(0, h * H)])
    }

    #[test]
    fn two_snapshots_unwatched_are_a_gap_and_watched_are_not() {
        let observed = [snap(H, 100), snap(3 * H, 100)];
        assert_eq!(
            gaps(&observed, &Watch::default(), H, 3 * H),
            [(H, 3 * H, GapKind::Unwatched)]
        );
        assert_eq!(gaps(&observed, &all(4), H, 3 * H), []);
        // Watched only in part: the gap starts where the watch ends.
        let half = Watch::new(vec![(0, 2 * H)]);
        assert_eq!(
            gaps(&observed, &half, H, 3 * H),
            [(2 * H, 3 * H, GapKind::Unwatched)]
        );
    }

    #[test]
    fn a_new_price_without_an_event_is_a_gap_and_the_same_price_is_not() {
        let same = [snap(H, 100), snap(3 * H, 100)];
        assert_eq!(gaps(&same, &all(4), 0, 4 * H), []);
        let new = [snap(H, 100), snap(3 * H, 90)];
        let t = timeline(&new, &all(4), 4 * H);
        assert_eq!(
            t.gaps_in(H, 4 * H)
                .iter()
                .map(|g| (g.from, g.to, g.kind))
                .collect::<Vec<_>>(),
            [(H, 3 * H, GapKind::UnseenChange)]
        );
        assert_eq!(t.entries_for(H, 4 * H), [(3 * H, 90)]);
    }

    #[test]
    fn one_change_is_exact_and_two_leave_the_prices_between_them_unknown() {
        let one = [snap(0, 100), changed(H), snap(2 * H, 80)];
        let t = timeline(&one, &all(3), 3 * H);
        assert_eq!(t.gaps_in(0, 3 * H), []);
        assert_eq!(t.entries_for(0, 3 * H), [(0, 100), (H, 80)]);
        let two = [snap(0, 100), changed(H), changed(H + 10), snap(2 * H, 80)];
        assert_eq!(
            gaps(&two, &all(3), 0, 3 * H),
            [(H, H + 10, GapKind::SeveralChanges)]
        );
        // One change reported twice at the same instant is one change.
        let twice = [snap(0, 100), changed(H), changed(H), snap(2 * H, 80)];
        assert_eq!(gaps(&twice, &all(3), 0, 3 * H), []);
    }

    #[test]
    fn a_change_awaits_its_snapshot() {
        let pending = [snap(0, 100), changed(H)];
        assert_eq!(
            gaps(&pending, &all(3), 0, 3 * H),
            [(H, 3 * H, GapKind::AwaitingSnapshot)]
        );
        let seen = [snap(0, 100), changed(H), snap(2 * H, 100)];
        assert_eq!(gaps(&seen, &all(3), 0, 3 * H), []);
        // A snapshot after the window still tells the price from the change.
        let later = [snap(0, 100), changed(H), snap(5 * H, 70)];
        let t = timeline(&later, &all(6), 3 * H);
        assert_eq!(t.gaps_in(0, 3 * H), []);
        assert_eq!(t.entries_for(0, 3 * H), [(0, 100), (H, 70)]);
    }

    #[test]
    fn the_window_opening_before_the_history_is_a_gap() {
        let observed = [snap(2 * H, 100)];
        assert_eq!(
            gaps(&observed, &Watch::new(vec![(2 * H, 4 * H)]), H, 4 * H),
            [(H, 2 * H, GapKind::BeforeHistory)]
        );
        // Watched from before the first snapshot, with no event: known back then.
        let t = timeline(&observed, &Watch::new(vec![(0, 4 * H)]), 4 * H);
        assert_eq!(t.gaps_in(H, 4 * H), []);
        assert_eq!(t.entries_for(H, 4 * H), [(0, 100)]);
        // A history that begins before the window: nothing missing.
        assert_eq!(gaps(&[snap(0, 100)], &all(4), H, 4 * H), []);
    }

    #[test]
    fn an_ended_offer_has_no_price_and_its_return_must_be_seen() {
        let ended = [snap(0, 100), Observation::Ended { at: H }];
        let t = timeline(&ended, &all(4), 4 * H);
        assert_eq!(t.gaps_in(0, 4 * H), []);
        assert_eq!(t.entries_for(2 * H, 4 * H), []);
        // Back for sale with an activation event and a snapshot: exact.
        let back = [
            snap(0, 100),
            Observation::Ended { at: H },
            Observation::Activated { at: 2 * H },
            snap(3 * H, 60),
        ];
        let t = timeline(&back, &all(4), 4 * H);
        assert_eq!(t.gaps_in(0, 4 * H), []);
        assert_eq!(t.entries_for(0, 4 * H), [(0, 100), (2 * H, 60)]);
        // Seen for sale again without the event: when, and at what price, is unknown.
        let unseen = [snap(0, 100), Observation::Ended { at: H }, snap(3 * H, 60)];
        assert_eq!(
            gaps(&unseen, &all(4), 0, 4 * H),
            [(H, 3 * H, GapKind::UnseenReactivation)]
        );
        // An ended offer seen ended again, watched: still no price, no gap.
        let still = [snap(0, 100), Observation::Ended { at: H }, off(3 * H, 10)];
        assert_eq!(gaps(&still, &all(4), 0, 4 * H), []);
    }

    #[test]
    fn a_price_seen_off_sale_never_counts() {
        let observed = [
            off(0, 10),
            Observation::Activated { at: H },
            snap(2 * H, 100),
        ];
        let t = timeline(&observed, &all(3), 3 * H);
        assert_eq!(t.entries_for(0, 3 * H), [(H, 100)]);
        assert_eq!(t.gaps_in(0, 3 * H), []);
    }

    #[test]
    fn the_order_of_the_observations_does_not_matter() {
        let observed = [
            snap(0, 100),
            changed(H),
            snap(2 * H, 80),
            Observation::Ended { at: 3 * H },
            snap(3 * H, 80),
            changed(4 * H),
        ];
        let want = timeline(&observed, &all(5), 5 * H);
        let mut reversed = observed;
        reversed.reverse();
        assert_eq!(timeline(&reversed, &all(5), 5 * H), want);
        let mut twice = observed.to_vec();
        twice.extend_from_slice(&observed);
        assert_eq!(timeline(&twice, &all(5), 5 * H), want);
    }

    fn badge(
        at: Millis,
        status: BadgeStatus,
        from: Option<Millis>,
        to: Option<Millis>,
    ) -> BadgeSeen {
        BadgeSeen {
            campaign: "BARGAIN".into(),
            at,
            status,
            bargain: Some(80),
            from,
            to,
        }
    }

    /// The gaps and the entries of a timeline.
    type Read = (Vec<(Millis, Millis, GapKind)>, Vec<(Millis, i64)>);

    fn campaign_gaps(seen: &[BadgeSeen]) -> Read {
        let base = timeline(&[snap(0, 100)], &all(10), 10 * H);
        let t = with_campaigns(&base, seen, None);
        let gaps = t
            .gaps_in(0, 10 * H)
            .into_iter()
            .map(|g| (g.from, g.to, g.kind))
            .collect();
        (gaps, t.entries_for(0, 10 * H))
    }

    #[test]
    fn a_finished_badge_is_in_force_over_its_publication_and_a_declined_one_never() {
        let finished = [badge(
            6 * H,
            BadgeStatus::Finished,
            Some(2 * H),
            Some(4 * H),
        )];
        assert_eq!(
            campaign_gaps(&finished),
            (vec![], vec![(0, 100), (2 * H, 80), (4 * H, 100)])
        );
        let declined = [badge(6 * H, BadgeStatus::Declined, None, None)];
        assert_eq!(campaign_gaps(&declined), (vec![], vec![(0, 100)]));
        // Waiting for publication: not in force either.
        let waiting = [badge(
            H,
            BadgeStatus::WaitingForPublication,
            Some(2 * H),
            None,
        )];
        assert_eq!(campaign_gaps(&waiting), (vec![], vec![(0, 100)]));
    }

    #[test]
    fn a_badge_seen_active_without_its_start_is_a_gap_and_with_it_is_not() {
        // Seen waiting at 1h, active at 3h with no start, finished at 5h.
        let no_start = [
            badge(H, BadgeStatus::WaitingForPublication, None, None),
            badge(3 * H, BadgeStatus::Active, None, Some(4 * H)),
            badge(5 * H, BadgeStatus::Finished, None, Some(4 * H)),
        ];
        assert_eq!(
            campaign_gaps(&no_start).0,
            [(H, 3 * H, GapKind::CampaignStartUnknown)]
        );
        // The other side: its publication start given (not before the
        // sighting that showed it waiting).
        let started = [
            badge(H, BadgeStatus::WaitingForPublication, Some(2 * H), None),
            badge(3 * H, BadgeStatus::Active, Some(2 * H), Some(4 * H)),
            badge(5 * H, BadgeStatus::Finished, Some(2 * H), Some(4 * H)),
        ];
        assert_eq!(
            campaign_gaps(&started),
            (vec![], vec![(0, 100), (2 * H, 80), (4 * H, 100)])
        );
    }

    #[test]
    fn a_badge_that_vanished_after_it_was_seen_active_is_a_gap_until_its_end() {
        // Seen active at 3h, never again: unknown from then to its planned end.
        let vanished = [badge(3 * H, BadgeStatus::Active, Some(2 * H), Some(6 * H))];
        assert_eq!(
            campaign_gaps(&vanished).0,
            [(3 * H + 1, 6 * H, GapKind::CampaignUnconfirmed)]
        );
        // Seen active twice at one price: in force between the sightings.
        let twice = [
            badge(3 * H, BadgeStatus::Active, Some(2 * H), Some(6 * H)),
            badge(5 * H, BadgeStatus::Active, Some(2 * H), Some(6 * H)),
            badge(7 * H, BadgeStatus::Finished, Some(2 * H), Some(6 * H)),
        ];
        assert_eq!(
            campaign_gaps(&twice),
            (vec![], vec![(0, 100), (2 * H, 80), (6 * H, 100)])
        );
        // At two prices: when it changed is unknown.
        let mut repriced = twice.clone();
        for b in repriced.iter_mut().skip(1) {
            b.bargain = Some(70);
        }
        assert_eq!(
            campaign_gaps(&repriced).0,
            [(3 * H + 1, 5 * H, GapKind::CampaignPriceChanged)]
        );
    }

    #[test]
    fn a_badge_has_no_price_while_the_offer_is_off_sale_and_order_never_matters() {
        let observed = [snap(0, 100), Observation::Ended { at: 3 * H }];
        let base = timeline(&observed, &all(10), 10 * H);
        let seen = [
            badge(H, BadgeStatus::WaitingForPublication, Some(2 * H), None),
            badge(5 * H, BadgeStatus::Finished, Some(2 * H), Some(4 * H)),
        ];
        let t = with_campaigns(&base, &seen, None);
        assert_eq!(t.entries_for(0, 10 * H), [(0, 100), (2 * H, 80)]);
        let mut reversed = seen.to_vec();
        reversed.reverse();
        reversed.extend_from_slice(&seen);
        assert_eq!(with_campaigns(&base, &reversed, None), t);
    }
}
