//! The audit's report: one stable JSON shape (`version` 1, docs/AUDIT.md),
//! and its text for people.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::learn::{Interval, Learnt};
use crate::market::MarketCheck;
use crate::records::{show_bp, Place, Predicted, Status};

/// Counts of one campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCounts {
    /// The campaign.
    pub campaign: String,
    /// Checks paired with an outcome.
    pub pairs: u64,
    /// Pairs where the engine and Allegro agree.
    pub agreed: u64,
    /// Pairs where they disagree.
    pub disagreed: u64,
    /// Pairs predicted INCOMPLETE with a final outcome.
    pub incomplete: u64,
    /// Pairs whose outcome is still pending.
    pub pending: u64,
    /// Pairs Allegro declined only with server-only codes.
    pub server_only: u64,
}

/// One code's counts over the decided pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeCounts {
    /// The code.
    pub code: String,
    /// Pairs the engine reported it in.
    pub predicted: u64,
    /// Pairs Allegro declined with it.
    pub allegro: u64,
    /// Both.
    pub both: u64,
}

/// One side of a disagreement, with the figures behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// The offer.
    pub offer_id: String,
    /// The campaign.
    pub campaign_id: String,
    /// The check: verdict, codes, time and place.
    pub predicted: PredictedSide,
    /// Allegro's answer.
    pub outcome: OutcomeSide,
    /// The document's key figures.
    pub figures: Figures,
}

/// The check's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PredictedSide {
    /// The verdict.
    pub verdict: Predicted,
    /// Violation codes.
    pub codes: Vec<String>,
    /// Skipped codes.
    pub skipped: Vec<String>,
    /// The check's `now`.
    pub at: Option<String>,
    /// Where it was read.
    pub place: Place,
}

/// Allegro's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeSide {
    /// `PROCESSED`, `DECLINED`, `PENDING`.
    pub status: Status,
    /// Rejection codes.
    pub codes: Vec<String>,
    /// The response it was read from.
    pub source: crate::records::Source,
    /// The application's or operation's id.
    pub id: Option<String>,
    /// When it was submitted.
    pub at: String,
    /// Where it was read.
    pub place: Place,
}

/// The figures behind a decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// The bargain price asked.
    pub bargain: Option<String>,
    /// The document's M.
    pub market: Option<String>,
    /// Allegro's M (`prices.market` of the badge).
    pub allegro_market: Option<String>,
    /// The discount against Allegro's M when known, else the document's, floored.
    pub discount_percent: Option<String>,
    /// `offer.stock.available`.
    pub stock: Option<i64>,
    /// The currency.
    pub currency: Option<String>,
}

/// A point of a campaign's picture: a discount and what Allegro said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    /// The discount, basis points (floored).
    pub bp: i64,
    /// Accepted (`true`) or declined.
    pub accepted: bool,
}

/// The whole report.
///
/// ```
/// let report = badge_rules_audit::Audit::default().finish(None);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["version"], 1);
/// assert!(json["agreement"]["rate"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditReport {
    /// The shape's version.
    pub version: u32,
    /// The checks: read, paired, and those with no outcome by reason.
    pub predictions: Side,
    /// The submissions Allegro answered: read, paired, unpartnered by reason.
    pub outcomes: Side,
    /// The agreement rate and what it leaves out.
    pub agreement: Agreement,
    /// Predicted × outcome counts.
    pub confusion: Vec<Cell>,
    /// Per campaign.
    pub campaigns: Vec<CampaignCounts>,
    /// Per code, over the decided pairs.
    pub codes: Vec<CodeCounts>,
    /// The disagreements, the first `DISAGREEMENTS_LISTED` (10,000) of them.
    pub disagreements: Vec<Disagreement>,
    /// Disagreements beyond those listed, counted only.
    pub disagreements_omitted: u64,
    /// The intervals learnt per campaign.
    pub learnt: Vec<LearntCampaign>,
    /// The terms learnt, per campaign: each value is a check document's
    /// `terms`, the whole a plan context's `campaignTerms`.
    pub terms: BTreeMap<String, serde_json::Value>,
    /// The ledger's M against Allegro's (`null`: no ledger given).
    pub market: Option<MarketCheck>,
    /// Input records that could not be read (the adapter's).
    pub faults: Vec<InputFault>,
    /// Discounts per campaign for the picture.
    #[serde(skip)]
    pub points: BTreeMap<String, Vec<Point>>,
}

/// One side of the join.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    /// Records on this side (outcomes: submissions, pages of one merged).
    pub read: u64,
    /// Paired.
    pub paired: u64,
    /// Not paired, by reason.
    pub unpartnered: BTreeMap<String, u64>,
}

/// The agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// Pairs with an ACCEPT or REJECT and a final outcome the engine could decide.
    pub decided: u64,
    /// Of them, agreed.
    pub agreed: u64,
    /// Of them, disagreed.
    pub disagreed: u64,
    /// `agreed / decided` (`null` with none).
    pub rate: Option<f64>,
    /// INCOMPLETE with a final outcome.
    pub incomplete: u64,
    /// Outcomes still pending.
    pub pending: u64,
    /// Declined with server-only codes only: the engine never claimed them.
    pub server_only: ServerOnly,
}

/// Pairs declined only for server-only reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ServerOnly {
    /// How many.
    pub pairs: u64,
    /// By code.
    pub codes: BTreeMap<String, u64>,
}

/// One cell of the confusion table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// `ACCEPT`, `REJECT BA49`, `INCOMPLETE`.
    pub predicted: String,
    /// `PROCESSED`, `DECLINED BA49`, `PENDING`.
    pub outcome: String,
    /// Pairs.
    pub count: u64,
}

/// A campaign's learnt intervals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LearntCampaign {
    /// The campaign.
    pub campaign: String,
    /// The intervals.
    #[serde(flatten)]
    pub learnt: Learnt,
}

/// An input record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFault {
    /// The file.
    pub file: String,
    /// The line.
    pub line: u64,
    /// The JSON path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

fn interval(i: &Interval, percent: bool) -> String {
    let v = |x: Option<i64>| match x {
        None => "?".to_owned(),
        Some(x) if percent => format!("{}%", show_bp(x)),
        Some(x) => x.to_string(),
    };
    format!(
        "[{}, {}] ({} below, {} above)",
        v(i.low),
        v(i.high),
        i.low_evidence,
        i.high_evidence
    )
}

impl AuditReport {
    /// The report for people.
    ///
    /// ```
    /// let text = badge_rules_audit::Audit::default().finish(None).text(&[]);
    /// assert!(text.starts_with("Audit"));
    /// ```
    pub fn text(&self, files: &[String]) -> String {
        let mut t = String::new();
        let file = |i: u32| {
            files
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| format!("#{i}"))
        };
        let _ = writeln!(
            t,
            "Audit: {} checks, {} outcomes, {} paired",
            self.predictions.read, self.outcomes.read, self.predictions.paired
        );
        for (side, s) in [("checks", &self.predictions), ("outcomes", &self.outcomes)] {
            for (reason, n) in &s.unpartnered {
                let _ = writeln!(t, "  {side} without a partner ({reason}): {n}");
            }
        }
        let a = &self.agreement;
        let rate = a
            .rate
            .map_or("n/a".to_owned(), |r| format!("{:.2} %", r * 100.0));
        let _ = writeln!(
            t,
            "\nAgreement: {rate} ({} of {} decided pairs)",
            a.agreed, a.decided
        );
        let _ = writeln!(
            t,
            "  INCOMPLETE with a final outcome: {}; still pending: {}",
            a.incomplete, a.pending
        );
        let _ = writeln!(
            t,
            "  declined for server-only reasons (counted apart): {}",
            a.server_only.pairs
        );
        for (c, n) in &a.server_only.codes {
            let _ = writeln!(t, "    {c}: {n}");
        }
        let _ = writeln!(t, "\nConfusion (predicted -> Allegro: pairs)");
        for c in &self.confusion {
            let _ = writeln!(t, "  {} -> {}: {}", c.predicted, c.outcome, c.count);
        }
        let _ = writeln!(
            t,
            "\nPer campaign (pairs, agreed, disagreed, incomplete, pending, server-only)"
        );
        for c in &self.campaigns {
            let _ = writeln!(
                t,
                "  {}: {} {} {} {} {} {}",
                c.campaign, c.pairs, c.agreed, c.disagreed, c.incomplete, c.pending, c.server_only
            );
        }
        if !self.codes.is_empty() {
            let _ = writeln!(t, "\nPer code (predicted, Allegro, both)");
            for c in &self.codes {
                let _ = writeln!(t, "  {}: {} {} {}", c.code, c.predicted, c.allegro, c.both);
            }
        }
        let _ = writeln!(
            t,
            "\nDisagreements: {}{}",
            self.disagreements.len() as u64 + self.disagreements_omitted,
            if self.disagreements_omitted > 0 {
                format!(" (the first {} listed)", self.disagreements.len())
            } else {
                String::new()
            }
        );
        for d in &self.disagreements {
            let f = &d.figures;
            let _ = writeln!(
                t,
                "  offer {} {}: {} {} ({}:{}) but Allegro {} {} ({}:{}); bargain {} M {} Allegro's M {} discount {}%",
                d.offer_id,
                d.campaign_id,
                d.predicted.verdict.as_str(),
                d.predicted.codes.join(" "),
                file(d.predicted.place.file),
                d.predicted.place.line,
                d.outcome.status.as_str(),
                d.outcome.codes.join(" "),
                file(d.outcome.place.file),
                d.outcome.place.line,
                f.bargain.as_deref().unwrap_or("?"),
                f.market.as_deref().unwrap_or("?"),
                f.allegro_market.as_deref().unwrap_or("?"),
                f.discount_percent.as_deref().unwrap_or("?"),
            );
        }
        let _ = writeln!(
            t,
            "\nTerms learnt (interval [low, high], outcomes bounding it below, above)"
        );
        for l in &self.learnt {
            let _ = writeln!(
                t,
                "  {}: minPercent {}; maxPercent {}; minStock {}",
                l.campaign,
                interval(&l.learnt.min_percent, true),
                interval(&l.learnt.max_percent, true),
                interval(&l.learnt.min_stock, false)
            );
            for c in &l.learnt.contradictions {
                let _ = writeln!(t, "    contradiction: {c}");
            }
        }
        if let Ok(terms) = serde_json::to_string(&self.terms) {
            let _ = writeln!(t, "  campaignTerms: {terms}");
        }
        if let Some(m) = &self.market {
            let _ = writeln!(
                t,
                "\nM against Allegro's prices.market: {} badges; best reading: {}",
                m.badges,
                m.best.as_deref().unwrap_or("none (a tie, or no match)")
            );
            for r in &m.readings {
                let _ = writeln!(
                    t,
                    "  {}: {} equal of {} compared ({} exact, {} of them equal), {} unknown",
                    r.name, r.equal, r.compared, r.exact, r.exact_equal, r.unknown
                );
            }
        }
        if !self.faults.is_empty() {
            let _ = writeln!(t, "\nInput errors: {}", self.faults.len());
            for f in self.faults.iter().take(20) {
                let _ = writeln!(t, "  {}:{}: {}: {}", f.file, f.line, f.path, f.message);
            }
        }
        t
    }
}
