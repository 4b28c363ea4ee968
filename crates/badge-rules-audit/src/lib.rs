//! # badge-rules-audit
//!
//! How often did the engine agree with Allegro, and what are the campaign
//! terms Allegro never publishes? The audit joins the checks an integrator
//! ran (check documents, or `plan` lines) with Allegro's outcomes of what
//! they then submitted (GET /sale/badge-applications, GET /sale/badges, GET
//! /sale/badge-operations/{operationId}, 4xx envelopes), and reports the
//! agreement, every disagreement, the terms the outcomes pin down and how the
//! price ledger's M compares with Allegro's `prices.market`.
//!
//! Pure computation (no file, no database): the command-line tool
//! (`badge-rules audit`) reads the files, sorts them, asks the ledger and
//! writes the report. docs/AUDIT.md describes the inputs and each figure.
//!
//! ```
//! use badge_rules_audit::{join::Join, outcomes::outcomes, predict::prediction, Audit, Place};
//!
//! let check = r#"{"kind": "application", "now": "2026-11-23T12:00:00Z",
//!     "campaigns": [{"id": "C1", "type": "DISCOUNT"}],
//!     "terms": {"discount": {"minPercent": "10", "maxPercent": "90"}},
//!     "request": {"campaign": {"id": "C1"}, "offer": {"id": "7"},
//!                 "prices": {"bargain": {"amount": "70.00", "currency": "PLN"}}},
//!     "metrics": {"lowestPrice30Days": {"amount": "100.00", "currency": "PLN"}}}"#;
//! let page = r#"{"fetchedAt": "2026-11-24T00:00:00Z", "response": {"badgeApplications": [
//!     {"id": "a1", "createdAt": "2026-11-23T12:05:00Z", "campaign": {"id": "C1"}, "offer": {"id": "7"},
//!      "process": {"status": "PROCESSED", "rejectionReasons": []}}]}}"#;
//! let p = prediction(check, Place { file: 0, line: 1 }, None).unwrap().unwrap();
//! let o = outcomes(page, Place { file: 1, line: 1 }, None).unwrap();
//! let mut audit = Audit::default();
//! for group in Join::new(vec![p].into_iter(), o.into_iter()) {
//!     audit.add(group);
//! }
//! let report = audit.finish(None);
//! // The document lacks the offer and the account: the engine said INCOMPLETE.
//! assert_eq!((report.agreement.incomplete, report.agreement.decided), (1, 0));
//! // 30 % off was accepted: the minimum is at most 30 %.
//! assert_eq!(report.terms["C1"]["discount"]["minPercent"], "30");
//! ```

mod audit;
mod html;
pub mod join;
pub mod learn;
pub mod market;
pub mod outcomes;
pub mod predict;
mod records;
pub mod report;

pub use audit::Audit;
pub use records::{Fault, Millis, Outcome, Place, Predicted, Prediction, Source, Status};
pub use report::{
    CampaignCounts, CodeCounts, Disagreement, Figures, OutcomeSide, Point, PredictedSide,
};
