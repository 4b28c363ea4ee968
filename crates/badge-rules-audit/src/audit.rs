//! The audit as it accumulates: each joined group is added in turn, and
//! only counts, the disagreements and the learnt intervals stay in memory.

use std::collections::BTreeMap;

use badge_rules::catalogue::{Check, Code};

use crate::join::{Event, Reason};
use crate::learn::{discount, Learnt};
use crate::market::{MarketCheck, Question};
use crate::records::{show, show_bp, time_text, Outcome, Predicted, Prediction, Status};
use crate::report::{
    CampaignCounts, CodeCounts, Disagreement, Figures, OutcomeSide, Point, PredictedSide,
};

/// Points kept per campaign for the picture.
const POINTS_PER_CAMPAIGN: usize = 400;

/// The audit, accumulating.
///
/// ```
/// use badge_rules_audit::{join::join_group, Audit};
/// let mut audit = Audit::default();
/// audit.add(join_group(vec![], vec![]));
/// assert_eq!(audit.finish(None).agreement.decided, 0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Audit {
    predictions: u64,
    outcomes: u64,
    paired: u64,
    lone_predictions: BTreeMap<Reason, u64>,
    lone_outcomes: BTreeMap<Reason, u64>,
    decided: u64,
    agreed: u64,
    incomplete: u64,
    pending: u64,
    server_only: u64,
    server_only_codes: BTreeMap<String, u64>,
    confusion: BTreeMap<(String, String), u64>,
    campaigns: BTreeMap<String, CampaignCounts>,
    codes: BTreeMap<String, CodeCounts>,
    disagreements: Vec<Disagreement>,
    disagreements_omitted: u64,
    learnt: BTreeMap<String, Learnt>,
    points: BTreeMap<String, Vec<Point>>,
    questions: Vec<Question>,
}

/// Disagreements listed in the report; the others are counted
/// (`disagreementsOmitted`), so memory stays bounded however many there are.
pub const DISAGREEMENTS_LISTED: usize = 10_000;

/// Is `code` one the engine never decides (Allegro's servers only)?
fn server_only(code: &str) -> bool {
    code.parse::<Code>()
        .is_ok_and(|c| matches!(c.info().check, Check::ServerOnly(_)))
}

fn label(prefix: &str, codes: &[String]) -> String {
    if codes.is_empty() {
        prefix.to_owned()
    } else {
        let mut sorted = codes.to_vec();
        sorted.sort();
        format!("{prefix} {}", sorted.join(" "))
    }
}

impl Audit {
    /// Adds the events of one (offer, campaign) group.
    pub fn add(&mut self, events: Vec<Event>) {
        for event in events {
            match event {
                Event::Pair {
                    prediction,
                    outcome,
                } => {
                    self.predictions += 1;
                    self.outcomes += 1;
                    self.paired += 1;
                    self.pair(&prediction, &outcome);
                }
                Event::LonePrediction { reason, .. } => {
                    self.predictions += 1;
                    *self.lone_predictions.entry(reason).or_default() += 1;
                }
                Event::LoneOutcome { outcome, reason } => {
                    self.outcomes += 1;
                    *self.lone_outcomes.entry(reason).or_default() += 1;
                    // A badge seen alone still tells its discount and its M.
                    self.learn(None, &outcome);
                    self.question(&outcome);
                }
            }
        }
    }

    /// The badges whose `prices.market` Allegro reported: what to ask the
    /// ledger ([`crate::market::compare`] takes the answers).
    pub fn market_questions(&self) -> &[Question] {
        &self.questions
    }

    /// Takes the questions gathered so far (an adapter that asks the ledger
    /// as the join goes keeps memory bounded; one that has no ledger drops
    /// them).
    ///
    /// ```
    /// let mut audit = badge_rules_audit::Audit::default();
    /// assert!(audit.take_market_questions().is_empty());
    /// ```
    pub fn take_market_questions(&mut self) -> Vec<Question> {
        std::mem::take(&mut self.questions)
    }

    fn question(&mut self, o: &Outcome) {
        if let Some(allegro) = o.market {
            self.questions.push(Question {
                offer: o.offer.clone(),
                campaign: o.campaign.clone(),
                marketplace: o.marketplace.clone(),
                applied_at: o.at,
                starts: o.starts,
                allegro,
            });
        }
    }

    fn learn(&mut self, p: Option<&Prediction>, o: &Outcome) {
        if !o.status.is_final() {
            return;
        }
        let learnt = self.learnt.entry(o.campaign.clone()).or_default();
        let place = Some(o.place);
        let bargain = o.bargain.or(p.and_then(|p| p.bargain));
        let market = o.market.or(p.and_then(|p| p.market));
        let has = |c: &str| o.codes.iter().any(|x| x == c);
        if let Some(b) = bargain {
            match market.and_then(|m| discount(b, m)) {
                Some((floor, ceil)) => {
                    if o.status == Status::Accepted {
                        learnt.accepted_discount(floor, ceil, &o.offer, place);
                    } else if has("BA49") {
                        learnt.too_shallow(floor, &o.offer, place);
                    } else if has("BA50") {
                        learnt.too_deep(ceil, &o.offer, place);
                    }
                    if o.status == Status::Accepted || has("BA49") || has("BA50") {
                        let points = self.points.entry(o.campaign.clone()).or_default();
                        if points.len() < POINTS_PER_CAMPAIGN {
                            points.push(Point {
                                bp: floor,
                                accepted: o.status == Status::Accepted,
                            });
                        }
                    }
                }
                None => learnt.without_market += 1,
            }
        }
        if let Some(stock) = p.and_then(|p| p.stock) {
            if o.status == Status::Accepted {
                learnt
                    .min_stock
                    .lower(stock, 1, &o.offer, place, stock.to_string());
            } else if has("BA17") {
                learnt
                    .min_stock
                    .raise(stock + 1, 1, &o.offer, place, stock.to_string());
            }
        }
    }

    fn pair(&mut self, p: &Prediction, o: &Outcome) {
        self.learn(Some(p), o);
        self.question(o);
        let counts = self
            .campaigns
            .entry(p.campaign.clone())
            .or_insert_with(|| CampaignCounts {
                campaign: p.campaign.clone(),
                ..Default::default()
            });
        counts.pairs += 1;
        let row = match p.verdict {
            Predicted::Reject => label("REJECT", &p.codes),
            v => v.as_str().to_owned(),
        };
        let offline: Vec<String> = o
            .codes
            .iter()
            .filter(|c| !server_only(c))
            .cloned()
            .collect();
        let column = match o.status {
            Status::Pending => "PENDING".to_owned(),
            Status::Accepted => "PROCESSED".to_owned(),
            Status::Declined => label("DECLINED", &o.codes),
        };
        *self.confusion.entry((row, column)).or_default() += 1;
        if o.status == Status::Pending {
            counts.pending += 1;
            self.pending += 1;
            return;
        }
        if o.status == Status::Declined && offline.is_empty() && !o.codes.is_empty() {
            counts.server_only += 1;
            self.server_only += 1;
            for c in &o.codes {
                *self.server_only_codes.entry(c.clone()).or_default() += 1;
            }
            return;
        }
        if p.verdict == Predicted::Incomplete {
            counts.incomplete += 1;
            self.incomplete += 1;
            return;
        }
        self.decided += 1;
        let mut predicted = p.codes.clone();
        predicted.sort();
        let mut allegro = offline.clone();
        allegro.sort();
        allegro.dedup();
        let union: std::collections::BTreeSet<&String> =
            predicted.iter().chain(allegro.iter()).collect();
        for code in union {
            let c = self
                .codes
                .entry(code.clone())
                .or_insert_with(|| CodeCounts {
                    code: code.clone(),
                    ..Default::default()
                });
            let in_p = predicted.contains(code);
            let in_a = allegro.contains(code);
            c.predicted += u64::from(in_p);
            c.allegro += u64::from(in_a);
            c.both += u64::from(in_p && in_a);
        }
        let agree = match (p.verdict, o.status) {
            (Predicted::Accept, Status::Accepted) => true,
            (Predicted::Reject, Status::Declined) => predicted == allegro,
            _ => false,
        };
        if agree {
            counts.agreed += 1;
            self.agreed += 1;
        } else {
            counts.disagreed += 1;
            if self.disagreements.len() >= DISAGREEMENTS_LISTED {
                self.disagreements_omitted += 1;
                return;
            }
            let discount = p.discount_bp(o.market).map(show_bp);
            self.disagreements.push(Disagreement {
                offer_id: p.offer.clone(),
                campaign_id: p.campaign.clone(),
                predicted: PredictedSide {
                    verdict: p.verdict,
                    codes: p.codes.clone(),
                    skipped: p.skipped.clone(),
                    at: p.at.map(time_text),
                    place: p.place,
                },
                outcome: OutcomeSide {
                    status: o.status,
                    codes: o.codes.clone(),
                    source: o.source,
                    id: o.id.clone(),
                    at: time_text(o.at),
                    place: o.place,
                },
                figures: Figures {
                    bargain: p.bargain.or(o.bargain).map(show),
                    market: p.market.map(show),
                    allegro_market: o.market.map(show),
                    discount_percent: discount,
                    stock: p.stock,
                    currency: p.currency.clone(),
                },
            });
        }
    }

    /// The report, with the ledger's comparison when one was made.
    pub fn finish(mut self, market: Option<MarketCheck>) -> crate::report::AuditReport {
        use crate::report::*;
        for l in self.learnt.values_mut() {
            l.settle();
        }
        let terms: BTreeMap<String, serde_json::Value> = self
            .learnt
            .iter()
            .filter_map(|(c, l)| Some((c.clone(), l.terms()?)))
            .collect();
        let rate = (self.decided > 0).then(|| self.agreed as f64 / self.decided as f64);
        AuditReport {
            version: 1,
            predictions: Side {
                read: self.predictions,
                paired: self.paired,
                unpartnered: self
                    .lone_predictions
                    .iter()
                    .map(|(r, n)| (r.as_str().to_owned(), *n))
                    .collect(),
            },
            outcomes: Side {
                read: self.outcomes,
                paired: self.paired,
                unpartnered: self
                    .lone_outcomes
                    .iter()
                    .map(|(r, n)| (r.as_str().to_owned(), *n))
                    .collect(),
            },
            agreement: Agreement {
                decided: self.decided,
                agreed: self.agreed,
                disagreed: self.decided - self.agreed,
                rate,
                incomplete: self.incomplete,
                pending: self.pending,
                server_only: ServerOnly {
                    pairs: self.server_only,
                    codes: self.server_only_codes,
                },
            },
            confusion: self
                .confusion
                .into_iter()
                .map(|((predicted, outcome), count)| Cell {
                    predicted,
                    outcome,
                    count,
                })
                .collect(),
            campaigns: self.campaigns.into_values().collect(),
            codes: self.codes.into_values().collect(),
            disagreements: self.disagreements,
            disagreements_omitted: self.disagreements_omitted,
            learnt: self
                .learnt
                .into_iter()
                .map(|(campaign, learnt)| LearntCampaign { campaign, learnt })
                .collect(),
            terms,
            market,
            faults: Vec::new(),
            points: self.points,
        }
    }
}
