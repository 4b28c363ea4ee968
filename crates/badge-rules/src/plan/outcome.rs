//! What a plan answers: one outcome per (offer, campaign), or an item's
//! error.

use super::body::{Body, Price};
use crate::error::InputError;
use crate::report::{Report, Verdict};

/// The answer for one (offer, campaign) pair, or for an input item that
/// cannot be read.
///
/// ```
/// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
/// use badge_rules::Options;
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Highest, Options::default()).unwrap();
/// // An allegro-pl offer priced in euros for a campaign in złoty: the pair's document cannot be checked.
/// let outcomes = planner.item(br#"{"id": "1", "sellingMode": {"price": {"amount": "9.00", "currency": "EUR"}},
///     "publication": {"marketplaces": {"base": {"id": "allegro-pl"}}}}"#, 7);
/// let Outcome::PairError { error, line, .. } = &outcomes[0] else { panic!() };
/// assert_eq!((error.path(), *line), ("offer.sellingMode.price.currency", 7));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// The pair's report, proposed price and body.
    Pair(Box<PlanLine>),
    /// The pair's document cannot be checked (context money of the offer
    /// in another currency than the campaign's, ...): the error
    /// [`check`](crate::check) gives for it.
    PairError {
        /// The offer.
        offer_id: String,
        /// The campaign.
        campaign_id: String,
        /// The line of the input where the offer starts.
        line: usize,
        /// The error, its path the document's.
        error: InputError,
    },
    /// An input item (or one offer of a page) that is not an offer page, an
    /// offer or `{"offer", "metrics"}`: its path is the item's
    /// (`offers[3].stock.available`).
    ItemError {
        /// The line of the input where the fault is.
        line: usize,
        /// The error.
        error: InputError,
    },
}

/// The answer for one (offer, campaign) pair.
///
/// ```
/// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
/// use badge_rules::{Options, Verdict};
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
/// let Outcome::Pair(pair) = &planner.item(br#"{"id": "1"}"#, 1)[0] else { panic!() };
/// // A STANDARD campaign takes no price; a report with skipped checks, no body.
/// assert_eq!((pair.report.verdict, pair.proposed_bargain.is_none(), pair.body.is_none()), (Verdict::Incomplete, true, true));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    /// The offer.
    pub offer_id: String,
    /// The campaign.
    pub campaign_id: String,
    /// The line of the input where the offer starts.
    pub line: usize,
    /// The report of the pair's document with the proposed price.
    pub report: Report,
    /// The bargain price proposed (`None`: none can be, and the request
    /// has no `prices`).
    pub proposed_bargain: Option<Price>,
    /// The exact POST /sale/badges body, when the report is `ACCEPT`.
    pub body: Option<Body>,
}

impl Outcome {
    /// The verdict of a pair (`None` for an error).
    ///
    /// ```
    /// use badge_rules::plan::{PlanContext, Planner, PriceRule};
    /// use badge_rules::{Options, Verdict};
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
    /// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
    /// let outcomes = planner.item(b"[1]\n", 3);
    /// assert_eq!((outcomes[0].verdict(), outcomes[0].line()), (None, 3));
    /// assert_eq!(planner.item(br#"{"id": "1"}"#, 1)[0].verdict(), Some(Verdict::Incomplete));
    /// ```
    pub fn verdict(&self) -> Option<Verdict> {
        match self {
            Outcome::Pair(line) => Some(line.report.verdict),
            _ => None,
        }
    }

    /// The line of the input the outcome belongs to (see [`Outcome::verdict`]).
    pub fn line(&self) -> usize {
        match self {
            Outcome::Pair(pair) => pair.line,
            Outcome::PairError { line, .. } | Outcome::ItemError { line, .. } => *line,
        }
    }
}
