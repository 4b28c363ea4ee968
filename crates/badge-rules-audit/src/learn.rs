//! Terms learnt from outcomes: for each campaign, the interval of each
//! bound every outcome agrees with, on the basis-point grid Allegro's terms
//! are written on, with the evidence that set each end. A contradiction
//! (an end above the other) is named, never averaged.

use serde::Serialize;

use crate::records::{show_bp, Place};

/// One end of an interval and the outcome that set it.
///
/// ```
/// use badge_rules_audit::learn::Witness;
/// let w = Witness { offer: "1".into(), place: None, value: "39.99".into() };
/// assert_eq!(w.value, "39.99");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Witness {
    /// The offer.
    pub offer: String,
    /// The outcome's place in its file (file index, line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The figure it showed (a discount in percent, a stock).
    pub value: String,
}

/// A bound's interval: every value in `[low, high]` agrees with every
/// outcome; `None` is open (no evidence on that side).
///
/// ```
/// use badge_rules_audit::learn::Interval;
/// let mut i = Interval::default();
/// i.raise(3000, 2, "1", None, "29.99".into());
/// i.lower(4000, 5, "2", None, "40".into());
/// assert_eq!((i.low, i.high, i.contradiction()), (Some(3000), Some(4000), false));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    /// The lowest value every outcome allows (basis points, or items).
    pub low: Option<i64>,
    /// The highest value every outcome allows.
    pub high: Option<i64>,
    /// Outcomes bounding it from below.
    pub low_evidence: u64,
    /// Outcomes bounding it from above.
    pub high_evidence: u64,
    /// The outcome that set `low`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_from: Option<Witness>,
    /// The outcome that set `high`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_from: Option<Witness>,
}

impl Interval {
    /// An outcome says the bound is at least `v`.
    pub fn raise(&mut self, v: i64, _n: u64, offer: &str, place: Option<Place>, shown: String) {
        self.low_evidence += 1;
        if self.low.is_none_or(|l| v > l) {
            self.low = Some(v);
            self.low_from = Some(Witness {
                offer: offer.to_owned(),
                place,
                value: shown,
            });
        }
    }

    /// An outcome says the bound is at most `v`.
    pub fn lower(&mut self, v: i64, _n: u64, offer: &str, place: Option<Place>, shown: String) {
        self.high_evidence += 1;
        if self.high.is_none_or(|h| v < h) {
            self.high = Some(v);
            self.high_from = Some(Witness {
                offer: offer.to_owned(),
                place,
                value: shown,
            });
        }
    }

    /// The ends cross: no value agrees with every outcome.
    ///
    /// ```
    /// let mut i = badge_rules_audit::learn::Interval::default();
    /// i.raise(5000, 1, "1", None, String::new());
    /// i.lower(4000, 1, "2", None, String::new());
    /// assert!(i.contradiction());
    /// ```
    pub fn contradiction(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l > h)
    }

    /// `high − low` when both are known.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::learn::Interval::default().width(), None);
    /// ```
    pub fn width(&self) -> Option<i64> {
        Some(self.high? - self.low?)
    }
}

/// What is learnt of one campaign.
///
/// ```
/// let l = badge_rules_audit::learn::Learnt::default();
/// assert!(l.terms().is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Learnt {
    /// `terms.discount.minPercent`, in basis points: raised by BA49
    /// declines, lowered by accepted discounts.
    pub min_percent: Interval,
    /// `terms.discount.maxPercent`, in basis points: raised by accepted
    /// discounts, lowered by BA50 declines.
    pub max_percent: Interval,
    /// `terms.minStock`: raised by BA17 declines, lowered by accepted offers'
    /// stock.
    pub min_stock: Interval,
    /// Final outcomes with a bargain price but no M (neither Allegro's
    /// `prices.market` nor the document's): no discount evidence.
    pub without_market: u64,
    /// Each contradiction, in words.
    pub contradictions: Vec<String>,
}

impl Learnt {
    /// A discount of `off_bp_floor` / `off_bp_ceil` basis points (floored,
    /// ceiled), accepted.
    pub(crate) fn accepted_discount(
        &mut self,
        floor: i64,
        ceil: i64,
        offer: &str,
        place: Option<Place>,
    ) {
        self.min_percent
            .lower(floor, 1, offer, place, show_bp(floor));
        self.max_percent.raise(ceil, 1, offer, place, show_bp(ceil));
    }

    /// Declined with BA49: the minimum is above this discount.
    pub(crate) fn too_shallow(&mut self, floor: i64, offer: &str, place: Option<Place>) {
        self.min_percent
            .raise(floor + 1, 1, offer, place, show_bp(floor));
    }

    /// Declined with BA50: the maximum is below this discount.
    pub(crate) fn too_deep(&mut self, ceil: i64, offer: &str, place: Option<Place>) {
        self.max_percent
            .lower(ceil - 1, 1, offer, place, show_bp(ceil));
    }

    /// Names the contradictions (once, at the end).
    pub(crate) fn settle(&mut self) {
        for (name, i, unit) in [
            ("minPercent", &self.min_percent, "%"),
            ("maxPercent", &self.max_percent, "%"),
            ("minStock", &self.min_stock, ""),
        ] {
            if i.contradiction() {
                let show = |w: &Option<Witness>| {
                    w.as_ref()
                        .map(|w| format!("offer {} at {}{unit}", w.offer, w.value))
                        .unwrap_or_default()
                };
                self.contradictions.push(format!(
                    "{name}: {} says at least {}, {} says at most {}",
                    show(&i.low_from),
                    shown(name, i.low),
                    show(&i.high_from),
                    shown(name, i.high)
                ));
            }
        }
    }

    /// The terms to give `check` and `plan`, on the safe side: the smallest
    /// discount seen accepted as the minimum and the largest as the maximum
    /// (so no discount Allegro was not seen to accept is called ACCEPT), and
    /// a minimum stock only where BA17 showed there is one. `None` when
    /// nothing is bounded.
    ///
    /// ```
    /// let mut l = badge_rules_audit::learn::Learnt::default();
    /// l.min_percent.lower(4000, 1, "1", None, "40".into());
    /// l.max_percent.raise(4500, 1, "1", None, "45".into());
    /// assert_eq!(serde_json::to_string(&l.terms().unwrap()).unwrap(),
    ///     r#"{"discount":{"maxPercent":"45","minPercent":"40"}}"#);
    /// ```
    pub fn terms(&self) -> Option<serde_json::Value> {
        let mut discount = serde_json::Map::new();
        if let (Some(h), false) = (self.min_percent.high, self.min_percent.contradiction()) {
            discount.insert("minPercent".into(), show_bp(h).into());
        }
        if let (Some(l), false) = (self.max_percent.low, self.max_percent.contradiction()) {
            discount.insert("maxPercent".into(), show_bp(l).into());
        }
        let mut terms = serde_json::Map::new();
        if !discount.is_empty() {
            terms.insert("discount".into(), discount.into());
        }
        if let (Some(h), true, false) = (
            self.min_stock.high,
            self.min_stock.low_evidence > 0,
            self.min_stock.contradiction(),
        ) {
            terms.insert("minStock".into(), h.into());
        }
        (!terms.is_empty()).then_some(terms.into())
    }
}

fn shown(name: &str, v: Option<i64>) -> String {
    match (name, v) {
        (_, None) => "?".into(),
        ("minStock", Some(v)) => v.to_string(),
        (_, Some(v)) => format!("{}%", show_bp(v)),
    }
}

/// (M − B) × 10000 / M, floored and ceiled: the discount on the grid the
/// engine's ladder compares on.
pub(crate) fn discount(bargain: i64, market: i64) -> Option<(i64, i64)> {
    if market <= 0 {
        return None;
    }
    let off = (i128::from(market) - i128::from(bargain)) * 10_000;
    let m = i128::from(market);
    let floor = off.div_euclid(m);
    let ceil = if off.rem_euclid(m) == 0 {
        floor
    } else {
        floor + 1
    };
    Some((i64::try_from(floor).ok()?, i64::try_from(ceil).ok()?))
}
