//! What the ledger answers: M and the gaps of its window ([`Lowest`]), the
//! price history a check document wants ([`History`]), what a fill did
//! ([`Filled`]), each worked out from an offer's timeline.

use badge_rules::document::PriceChange;
use badge_rules::lowest::lowest_in_30_days;
use badge_rules::money::{from_grosze, Money};
use badge_rules::period::Instant;
use serde::Serialize;

use crate::model::{GapKind, Timeline};
use crate::time::{instant_of, time_text, window};

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

pub(crate) fn answer(offer: &str, t: &Timeline, currency: &str, at: Instant) -> Lowest {
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
