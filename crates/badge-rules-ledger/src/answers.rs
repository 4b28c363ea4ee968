//! What the ledger answers: M and the gaps of its window ([`Lowest`]), the
//! price history a check document wants ([`History`]), what a fill did
//! ([`Filled`]), each worked out from an offer's timeline.

use badge_rules::document::PriceChange;
use badge_rules::lowest::lowest_in_30_days;
use badge_rules::money::{from_grosze, Marketplace, Money};
use badge_rules::period::Instant;
use serde::Serialize;

use crate::model::{GapKind, Timeline};
use crate::time::{instant_of, millis_of, time_text, window};

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

/// What is asked of the ledger: M of `offer` on `marketplace` for a
/// reduction asked for at `at`, in `campaign`, whose publication starts at
/// `starts`.
///
/// ```
/// use badge_rules_ledger::Question;
/// let q = Question::new("1", "2026-11-30T00:00:00Z".parse().unwrap());
/// assert_eq!((q.marketplace, q.campaign, q.starts), (None, None, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The offer.
    pub offer: String,
    /// When it is asked (a check document's `now`).
    pub at: Instant,
    /// The campaign's marketplace (`None`: the offer's base marketplace).
    pub marketplace: Option<Marketplace>,
    /// The campaign of the request: its own prices are left out of the
    /// reference minimum.
    pub campaign: Option<String>,
    /// The campaign's publication start: when after `at`, the reduction
    /// starts then, and the 30 days are those before it.
    pub starts: Option<Instant>,
}

impl Question {
    /// M of `offer` at `at`, on its base marketplace, for no campaign.
    ///
    /// ```
    /// let q = badge_rules_ledger::Question::new("7", "2026-11-30T00:00:00Z".parse().unwrap());
    /// assert_eq!(q.offer, "7");
    /// ```
    pub fn new(offer: &str, at: Instant) -> Self {
        Question {
            offer: offer.to_owned(),
            at,
            marketplace: None,
            campaign: None,
            starts: None,
        }
    }

    /// When the reduction starts: the campaign's publication start when
    /// after `at`, else `at`.
    pub(crate) fn reduction(&self) -> Instant {
        match self.starts {
            Some(s) if s > self.at => s,
            _ => self.at,
        }
    }
}

/// The answer of `ledger lowest` for one offer.
///
/// ```
/// use badge_rules_ledger::Lowest;
/// let l = Lowest { offer_id: "1".into(), at: "t".into(), lowest_price_30_days: None, exact: false, gaps: vec![],
///     marketplace: None, campaign: None, reduction_starts_at: None, assumed: None,
///     reference_lowest_price_30_days: None, reference_exact: false, conflict: None };
/// assert_eq!(serde_json::to_string(&l).unwrap(),
///     r#"{"offerId":"1","at":"t","lowestPrice30Days":null,"exact":false,"gaps":[],"referenceLowestPrice30Days":null,"referenceExact":false}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lowest {
    /// The offer.
    pub offer_id: String,
    /// When it is asked.
    pub at: String,
    /// M, computed by the engine over the recorded history of the prices in
    /// force for buyers, campaign prices included (`null`: no price known
    /// in the window).
    pub lowest_price_30_days: Option<Money>,
    /// No gap could hide a lower price: M is Allegro's. `false`: M is an
    /// upper bound.
    pub exact: bool,
    /// The gaps in the window.
    pub gaps: Vec<GapOut>,
    /// The marketplace asked for, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<String>,
    /// The campaign of the request, when one was named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// When the reduction starts, when after `at`: the window is the 30
    /// days before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reduction_starts_at: Option<String>,
    /// What the answer assumed (the price in force at `at` holding until the
    /// reduction starts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed: Option<String>,
    /// The reference minimum: M without the prices of the request's own
    /// campaign.
    pub reference_lowest_price_30_days: Option<Money>,
    /// The reference minimum is exact.
    pub reference_exact: bool,
    /// When the responses recorded named several base marketplaces for the
    /// offer and the question named none: which were named, and that the
    /// answer is for the first in Allegro's order (docs/LEDGER.md, "One
    /// answer whatever the order").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<String>,
}

/// An offer's price history for a window, as a check document's `metrics`
/// wants it.
///
/// ```
/// use badge_rules_ledger::History;
/// let h = History { price_history: vec![], price_history_exact: true,
///     reference_price_history: vec![], reference_price_history_exact: true, reduction_starts_at: None };
/// assert_eq!(serde_json::to_string(&h).unwrap(),
///     r#"{"priceHistory":[],"priceHistoryExact":true,"referencePriceHistory":[],"referencePriceHistoryExact":true}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// `metrics.priceHistory`: the prices in force for buyers, campaign
    /// prices included (the reading the engine computes M from).
    pub price_history: Vec<PriceChange>,
    /// `metrics.priceHistoryExact`.
    pub price_history_exact: bool,
    /// `metrics.referencePriceHistory`: the same without the prices of the
    /// request's own campaign (the engine does not read it; an integrator
    /// who wants the reference minimum puts it in `priceHistory`).
    pub reference_price_history: Vec<PriceChange>,
    /// `metrics.referencePriceHistoryExact`.
    pub reference_price_history_exact: bool,
    /// `metrics.reductionStartsAt`: the campaign's publication start when
    /// after `now`; the history is that of the 30 days before it, the price
    /// in force at `now` taken as in force until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reduction_starts_at: Option<String>,
}

/// What [`Ledger::fill`](crate::Ledger::fill) did to a document.
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

/// The prices in force over the window of `q` (as far as `q.at`) and
/// whether no gap meets it.
fn entries(t: &Timeline, currency: &str, q: &Question) -> (Vec<PriceChange>, bool) {
    let (start, _) = window(q.reduction());
    let end = millis_of(q.at);
    let history = t
        .entries_for(start, end)
        .into_iter()
        .filter_map(|(from, price)| {
            Some(PriceChange {
                at: instant_of(from)?,
                price: Money::new(from_grosze(i128::from(price))?, currency),
            })
        })
        .collect();
    (history, t.gaps_in(start, end).is_empty())
}

/// The two timelines of an answer: with every campaign price, and without
/// the request's campaign's.
pub(crate) struct Timelines {
    pub(crate) all: Timeline,
    pub(crate) reference: Timeline,
    pub(crate) currency: String,
    /// The marketplace answered, when known.
    pub(crate) marketplace: Option<Marketplace>,
    /// Every marketplace recorded as the offer's base.
    pub(crate) bases: Vec<Marketplace>,
}

pub(crate) fn history(t: &Timelines, q: &Question) -> History {
    let (price_history, price_history_exact) = entries(&t.all, &t.currency, q);
    let (reference_price_history, reference_price_history_exact) =
        entries(&t.reference, &t.currency, q);
    History {
        price_history,
        price_history_exact,
        reference_price_history,
        reference_price_history_exact,
        reduction_starts_at: (q.reduction() > q.at).then(|| time_text(millis_of(q.reduction()))),
    }
}

pub(crate) fn answer(t: &Timelines, q: &Question) -> Lowest {
    let reduction = q.reduction();
    let (start, _) = window(reduction);
    let end = millis_of(q.at);
    let h = history(t, q);
    let lowest = |entries: &[PriceChange]| {
        lowest_in_30_days(entries, reduction, None)
            .and_then(from_grosze)
            .map(|amount| Money::new(amount, t.currency.as_str()))
    };
    let gaps: Vec<GapOut> = t
        .all
        .gaps_in(start, end)
        .into_iter()
        .map(|g| GapOut {
            from: time_text(g.from),
            to: time_text(g.to),
            kind: g.kind,
        })
        .collect();
    let later = reduction > q.at;
    let conflict = q.marketplace.is_none() && t.bases.len() > 1;
    Lowest {
        offer_id: q.offer.clone(),
        at: time_text(end),
        lowest_price_30_days: lowest(&h.price_history),
        exact: gaps.is_empty(),
        gaps,
        marketplace: q
            .marketplace
            .or(conflict.then_some(t.marketplace).flatten())
            .map(|m| m.id().to_owned()),
        campaign: q.campaign.clone(),
        reduction_starts_at: h.reduction_starts_at.clone(),
        assumed: later.then(|| {
            format!(
                "the price in force at {} is taken as in force until the reduction starts at {}",
                time_text(end),
                time_text(millis_of(reduction))
            )
        }),
        reference_lowest_price_30_days: lowest(&h.reference_price_history),
        reference_exact: h.reference_price_history_exact,
        conflict: conflict.then(|| {
            let named: Vec<&str> = t.bases.iter().map(|m| m.id()).collect();
            format!(
                "offer {} was recorded with {} as its base marketplace: answered on {}, the first in Allegro's order (ask for a marketplace to have another)",
                q.offer,
                named.join(" and "),
                t.marketplace.map_or("none", |m| m.id())
            )
        }),
    }
}
