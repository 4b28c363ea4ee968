//! The join: each check is paired with the first outcome Allegro gave for
//! its offer and campaign after it (and before the next check of that pair:
//! a resubmission is a new pair); what finds no partner is kept with why.
//!
//! Both sides come sorted by offer, campaign and time ([`Join`] merges two
//! sorted streams), so memory holds one (offer, campaign) group at a time.

use std::cmp::Ordering;
use std::iter::Peekable;

use serde::Serialize;

use crate::records::{Millis, Outcome, Prediction, Source};

/// Why a record found no partner.
///
/// ```
/// use badge_rules_audit::join::Reason;
/// assert_eq!(Reason::NoOutcome.as_str(), "noOutcome");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// A check of a pair Allegro said nothing about.
    NoOutcome,
    /// A check whose pair has outcomes, none after it (and before the next check).
    NoOutcomeAfter,
    /// An outcome of a pair never checked.
    NoPrediction,
    /// An outcome earlier than every check of its pair.
    BeforeEveryCheck,
    /// A second outcome after the same check: a submission not checked again.
    SecondAfterCheck,
}

impl Reason {
    /// The JSON spelling.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::join::Reason::SecondAfterCheck.as_str(), "secondAfterCheck");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::NoOutcome => "noOutcome",
            Reason::NoOutcomeAfter => "noOutcomeAfter",
            Reason::NoPrediction => "noPrediction",
            Reason::BeforeEveryCheck => "beforeEveryCheck",
            Reason::SecondAfterCheck => "secondAfterCheck",
        }
    }

    /// In words.
    ///
    /// ```
    /// assert!(badge_rules_audit::join::Reason::NoPrediction.words().contains("never checked"));
    /// ```
    pub const fn words(self) -> &'static str {
        match self {
            Reason::NoOutcome => "Allegro said nothing recorded about the offer and campaign",
            Reason::NoOutcomeAfter => "no outcome after the check (the pair's outcomes are all earlier, or belong to a later check)",
            Reason::NoPrediction => "the offer and campaign were never checked",
            Reason::BeforeEveryCheck => "earlier than every check of the offer and campaign",
            Reason::SecondAfterCheck => "a second submission after the same check (sent again unchecked)",
        }
    }
}

/// What the join makes of a record.
///
/// ```
/// use badge_rules_audit::join::{Event, Reason};
/// # use badge_rules_audit::{Outcome, Place, Source, Status};
/// # let o = Outcome { offer: "1".into(), campaign: "C".into(), at: 0, source: Source::Application, id: None,
/// #     fetched_at: 0, place: Place::default(), status: Status::Pending, codes: vec![], bargain: None,
/// #     market: None, starts: None, marketplace: None };
/// let e = Event::LoneOutcome { outcome: o, reason: Reason::NoPrediction };
/// assert!(matches!(e, Event::LoneOutcome { reason: Reason::NoPrediction, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "events live one group at a time; boxing would allocate per pair"
)]
pub enum Event {
    /// A check and Allegro's answer to the submission that followed it
    /// (with the badge's `prices.market` and publication start when a
    /// GET /sale/badges page showed it).
    Pair {
        /// The check.
        prediction: Prediction,
        /// The outcome.
        outcome: Outcome,
    },
    /// A check with no outcome.
    LonePrediction {
        /// The check.
        prediction: Prediction,
        /// Why.
        reason: Reason,
    },
    /// An outcome with no check.
    LoneOutcome {
        /// The outcome.
        outcome: Outcome,
        /// Why.
        reason: Reason,
    },
}

/// Joins the checks and outcomes of one offer and campaign.
///
/// Outcomes of one application (or operation) id seen on several pages are
/// one submission: a final status wins over a pending one, then the page
/// fetched last. A badge of GET /sale/badges completes the latest
/// submission made before it (its status when that one is pending, its
/// `prices.market` and publication start); with no submission recorded, the
/// badge stands for one.
///
/// ```
/// use badge_rules_audit::join::{join_group, Event, Reason};
/// use badge_rules_audit::{Outcome, Place, Predicted, Prediction, Source, Status};
/// let check = |at| Prediction { offer: "1".into(), campaign: "C".into(), at: Some(at), place: Place::default(),
///     verdict: Predicted::Accept, codes: vec![], skipped: vec![], bargain: None, market: None, stock: None, currency: None };
/// let sent = |at, id: &str, status| Outcome { offer: "1".into(), campaign: "C".into(), at, source: Source::Application,
///     id: Some(id.into()), fetched_at: at + 5, place: Place::default(), status, codes: vec![], bargain: None,
///     market: None, starts: None, marketplace: None };
/// // Checked at 10 and 20; submitted at 11 (seen pending, then processed) and at 21.
/// let events = join_group(vec![check(10), check(20)],
///     vec![sent(11, "a", Status::Pending), sent(11, "a", Status::Accepted), sent(21, "b", Status::Declined)]);
/// let pairs: Vec<_> = events.iter().filter_map(|e| match e {
///     Event::Pair { outcome, .. } => Some((outcome.id.clone().unwrap(), outcome.status)), _ => None }).collect();
/// assert_eq!(pairs, [("a".to_owned(), Status::Accepted), ("b".to_owned(), Status::Declined)]);
/// ```
pub fn join_group(mut predictions: Vec<Prediction>, outcomes: Vec<Outcome>) -> Vec<Event> {
    predictions.sort();
    let mut submissions = merged(outcomes);
    submissions.sort_by(|a, b| (a.at, a.place, &a.id).cmp(&(b.at, b.place, &b.id)));
    let mut events = Vec::with_capacity(predictions.len() + submissions.len());
    let none_at_all = submissions.is_empty();
    let mut subs = submissions.into_iter().peekable();
    if predictions.is_empty() {
        events.extend(subs.map(|outcome| Event::LoneOutcome {
            outcome,
            reason: Reason::NoPrediction,
        }));
        return events;
    }
    let starts: Vec<Millis> = predictions
        .iter()
        .map(|p| p.at.unwrap_or(Millis::MIN))
        .collect();
    let first = starts.first().copied().unwrap_or(Millis::MIN);
    while let Some(o) = subs.next_if(|o| o.at < first) {
        events.push(Event::LoneOutcome {
            outcome: o,
            reason: Reason::BeforeEveryCheck,
        });
    }
    let mut next_starts = starts.iter().skip(1);
    for prediction in predictions {
        let end = next_starts.next().copied();
        let in_window = |o: &Outcome| end.is_none_or(|e| o.at < e);
        match subs.next_if(in_window) {
            Some(outcome) => events.push(Event::Pair {
                prediction,
                outcome,
            }),
            None => events.push(Event::LonePrediction {
                prediction,
                reason: if none_at_all {
                    Reason::NoOutcome
                } else {
                    Reason::NoOutcomeAfter
                },
            }),
        }
        while let Some(o) = subs.next_if(in_window) {
            events.push(Event::LoneOutcome {
                outcome: o,
                reason: Reason::SecondAfterCheck,
            });
        }
    }
    events
}

/// One outcome per submission: pages of the same id merged, badges folded
/// into the submission they answer.
fn merged(mut outcomes: Vec<Outcome>) -> Vec<Outcome> {
    // Final before pending, then the page fetched last first.
    outcomes.sort_by(|a, b| {
        (
            a.source == Source::Badge,
            &a.id,
            !a.status.is_final(),
            std::cmp::Reverse(a.fetched_at),
        )
            .cmp(&(
                b.source == Source::Badge,
                &b.id,
                !b.status.is_final(),
                std::cmp::Reverse(b.fetched_at),
            ))
    });
    let mut submissions: Vec<Outcome> = Vec::new();
    let mut badges: Vec<Outcome> = Vec::new();
    for o in outcomes {
        if o.source == Source::Badge {
            // One badge per publication start: the first kept is final and latest.
            if !badges.iter().any(|b| b.starts == o.starts) {
                badges.push(o);
            }
            continue;
        }
        let seen = o.id.is_some()
            && submissions
                .last()
                .is_some_and(|s| s.id == o.id && s.source == o.source);
        if !seen {
            submissions.push(o);
        }
    }
    if submissions.is_empty() {
        return badges;
    }
    for badge in badges {
        let target = submissions
            .iter_mut()
            .filter(|s| s.source != Source::Refusal && s.at <= badge.at)
            .max_by(|a, b| a.at.cmp(&b.at).then(Ordering::Equal));
        match target {
            Some(s) => {
                if !s.status.is_final() && badge.status.is_final() {
                    s.status = badge.status;
                    s.codes.clone_from(&badge.codes);
                }
                s.market = s.market.or(badge.market);
                s.starts = s.starts.or(badge.starts);
                s.marketplace = s.marketplace.take().or(badge.marketplace);
                s.bargain = s.bargain.or(badge.bargain);
            }
            None => submissions.push(badge),
        }
    }
    submissions
}

/// Merges two streams sorted by offer and campaign into the events of each
/// (offer, campaign) group in turn ([`join_group`]).
///
/// ```
/// use badge_rules_audit::join::{Event, Join};
/// use badge_rules_audit::{Outcome, Place, Prediction};
/// let none_p: Vec<Prediction> = vec![];
/// let none_o: Vec<Outcome> = vec![];
/// assert_eq!(Join::new(none_p.into_iter(), none_o.into_iter()).count(), 0);
/// ```
#[derive(Debug)]
pub struct Join<P: Iterator<Item = Prediction>, O: Iterator<Item = Outcome>> {
    predictions: Peekable<P>,
    outcomes: Peekable<O>,
}

impl<P: Iterator<Item = Prediction>, O: Iterator<Item = Outcome>> Join<P, O> {
    /// A join of `predictions` and `outcomes`, each sorted by offer, then
    /// campaign.
    ///
    /// ```
    /// # use badge_rules_audit::{join::Join, Outcome, Prediction};
    /// let j = Join::new(Vec::<Prediction>::new().into_iter(), Vec::<Outcome>::new().into_iter());
    /// # drop(j);
    /// ```
    pub fn new(predictions: P, outcomes: O) -> Self {
        Join {
            predictions: predictions.peekable(),
            outcomes: outcomes.peekable(),
        }
    }
}

impl<P: Iterator<Item = Prediction>, O: Iterator<Item = Outcome>> Iterator for Join<P, O> {
    type Item = Vec<Event>;

    fn next(&mut self) -> Option<Vec<Event>> {
        let key: (String, String) = match (self.predictions.peek(), self.outcomes.peek()) {
            (None, None) => return None,
            (Some(p), None) => (p.offer.clone(), p.campaign.clone()),
            (None, Some(o)) => (o.offer.clone(), o.campaign.clone()),
            (Some(p), Some(o)) => {
                if (&p.offer, &p.campaign) <= (&o.offer, &o.campaign) {
                    (p.offer.clone(), p.campaign.clone())
                } else {
                    (o.offer.clone(), o.campaign.clone())
                }
            }
        };
        let mut ps = Vec::new();
        while let Some(p) = self
            .predictions
            .next_if(|p| p.offer == key.0 && p.campaign == key.1)
        {
            ps.push(p);
        }
        let mut os = Vec::new();
        while let Some(o) = self
            .outcomes
            .next_if(|o| o.offer == key.0 && o.campaign == key.1)
        {
            os.push(o);
        }
        Some(join_group(ps, os))
    }
}
