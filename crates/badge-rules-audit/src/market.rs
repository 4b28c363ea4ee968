//! The ledger's M against Allegro's: for every badge whose `prices.market`
//! is known, the M of each reading the ledger offers, compared.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::records::{show, Millis};

/// A badge whose M Allegro reported: what to ask the ledger.
///
/// ```
/// let q = badge_rules_audit::market::Question { offer: "1".into(), campaign: "C".into(),
///     marketplace: None, applied_at: 0, starts: Some(10), allegro: 9999 };
/// assert_eq!(q.allegro, 9999);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// The offer.
    pub offer: String,
    /// The badge's campaign.
    pub campaign: String,
    /// The marketplace of the badges page.
    pub marketplace: Option<String>,
    /// When the application was made.
    pub applied_at: Millis,
    /// The badge's publication start: when the reduction started.
    pub starts: Option<Millis>,
    /// Allegro's `prices.market`, in hundredths.
    pub allegro: i64,
}

/// One reading's answer for a question.
///
/// ```
/// let r = badge_rules_audit::market::Reading { name: "x".into(), value: Some(1), exact: true, gaps: vec![] };
/// assert!(r.exact);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The reading's name (`withCampaignPrices@reductionStart`, ...).
    pub name: String,
    /// Its M, in hundredths (`None`: no price known in the window).
    pub value: Option<i64>,
    /// No gap could hide a lower price.
    pub exact: bool,
    /// The gaps of its window (`kind from–to`).
    pub gaps: Vec<String>,
}

/// How one reading fared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingSummary {
    /// The reading.
    pub name: String,
    /// Badges compared (the ledger knew a price).
    pub compared: u64,
    /// Of them, equal to Allegro's to the grosz.
    pub equal: u64,
    /// Of them, with an exact history.
    pub exact: u64,
    /// Of the exact ones, equal.
    pub exact_equal: u64,
    /// Badges the ledger had no price for.
    pub unknown: u64,
    /// (ledger − Allegro) / Allegro, counted per bucket.
    pub differences: BTreeMap<String, u64>,
}

/// A badge where some reading disagrees with Allegro.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// The offer.
    pub offer_id: String,
    /// The campaign.
    pub campaign_id: String,
    /// Allegro's M.
    pub allegro: String,
    /// Each reading's M (`null`: unknown), exactness and gaps.
    pub readings: Vec<ReadingOut>,
}

/// A reading's figure, written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadingOut {
    /// The reading.
    pub name: String,
    /// Its M.
    pub value: Option<String>,
    /// Exact.
    pub exact: bool,
    /// Its gaps.
    pub gaps: Vec<String>,
}

/// The comparison.
///
/// ```
/// use badge_rules_audit::market::{compare, Question, Reading};
/// let q = Question { offer: "1".into(), campaign: "C".into(), marketplace: None, applied_at: 0, starts: None, allegro: 10000 };
/// let r = |name: &str, v| Reading { name: name.into(), value: Some(v), exact: true, gaps: vec![] };
/// let check = compare(vec![(q, vec![r("a", 10000), r("b", 8000)])]);
/// assert_eq!(check.best.as_deref(), Some("a"));
/// assert_eq!(check.readings[1].differences["-20% or less"], 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketCheck {
    /// Badges with Allegro's M.
    pub badges: u64,
    /// Each reading, in the order asked.
    pub readings: Vec<ReadingSummary>,
    /// The reading equal to Allegro's most often (`null`: a tie or none).
    pub best: Option<String>,
    /// Badges some reading disagrees on (the first 1,000).
    pub disagreements: Vec<Disagreement>,
    /// Badges some reading disagrees on, in all.
    pub disagreeing: u64,
    /// (Allegro's M, each reading's M) per badge, for the picture (the first 2,000).
    #[serde(skip)]
    pub points: Vec<(i64, Vec<Option<i64>>)>,
}

/// The buckets of a relative difference.
fn bucket(ledger: i64, allegro: i64) -> &'static str {
    if ledger == allegro {
        return "equal";
    }
    let rel = (ledger - allegro) as f64 / allegro.max(1) as f64 * 100.0;
    match rel {
        r if r <= -20.0 => "-20% or less",
        r if r <= -5.0 => "-20% to -5%",
        r if r < 0.0 => "-5% to 0",
        r if r < 5.0 => "0 to 5%",
        r if r < 20.0 => "5% to 20%",
        _ => "20% or more",
    }
}

/// Compares each badge's readings with Allegro's M.
pub fn compare(answers: Vec<(Question, Vec<Reading>)>) -> MarketCheck {
    let mut check = MarketCheck::default();
    for (q, readings) in answers {
        check.add(&q, &readings);
    }
    check.finish();
    check
}

impl MarketCheck {
    /// Counts one badge's readings (then [`MarketCheck::finish`]).
    ///
    /// ```
    /// use badge_rules_audit::market::{MarketCheck, Question, Reading};
    /// let q = Question { offer: "1".into(), campaign: "C".into(), marketplace: None, applied_at: 0, starts: None, allegro: 100 };
    /// let mut check = MarketCheck::default();
    /// check.add(&q, &[Reading { name: "a".into(), value: Some(100), exact: true, gaps: vec![] }]);
    /// check.finish();
    /// assert_eq!(check.best.as_deref(), Some("a"));
    /// ```
    pub fn add(&mut self, q: &Question, readings: &[Reading]) {
        let check = self;
        check.badges += 1;
        let mut differs = false;
        for r in readings {
            let i = match check.readings.iter().position(|s| s.name == r.name) {
                Some(i) => i,
                None => {
                    check.readings.push(ReadingSummary {
                        name: r.name.clone(),
                        ..Default::default()
                    });
                    check.readings.len() - 1
                }
            };
            let Some(s) = check.readings.get_mut(i) else {
                continue;
            };
            match r.value {
                None => {
                    s.unknown += 1;
                    differs = true;
                }
                Some(v) => {
                    s.compared += 1;
                    *s.differences
                        .entry(bucket(v, q.allegro).to_owned())
                        .or_default() += 1;
                    if v == q.allegro {
                        s.equal += 1;
                    } else {
                        differs = true;
                    }
                    if r.exact {
                        s.exact += 1;
                        if v == q.allegro {
                            s.exact_equal += 1;
                        }
                    }
                }
            }
        }
        if check.points.len() < 2000 {
            check
                .points
                .push((q.allegro, readings.iter().map(|r| r.value).collect()));
        }
        if differs {
            check.disagreeing += 1;
            if check.disagreements.len() < 1000 {
                check.disagreements.push(Disagreement {
                    offer_id: q.offer.clone(),
                    campaign_id: q.campaign.clone(),
                    allegro: show(q.allegro),
                    readings: readings
                        .iter()
                        .map(|r| ReadingOut {
                            name: r.name.clone(),
                            value: r.value.map(show),
                            exact: r.exact,
                            gaps: r.gaps.clone(),
                        })
                        .collect(),
                });
            }
        }
    }

    /// Names the reading equal to Allegro's most often.
    pub fn finish(&mut self) {
        let check = self;
        let top = check.readings.iter().map(|s| s.equal).max().unwrap_or(0);
        let leaders: Vec<&ReadingSummary> =
            check.readings.iter().filter(|s| s.equal == top).collect();
        check.best = match leaders.as_slice() {
            [one] if top > 0 => Some(one.name.clone()),
            _ => None,
        };
    }
}
