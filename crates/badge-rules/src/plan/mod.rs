//! Planning a campaign over a whole catalogue: for every offer and campaign,
//! the bargain price to propose, the report of the application with that
//! price, and the exact POST /sale/badges body when Allegro would accept it.
//!
//! Allegro answers one application at a time and offers no dry run; a seller
//! asks "which of my offers can join BARGAIN, at what price?". A plan reads
//! what every offer shares once (the [`PlanContext`]: `now`, the campaigns,
//! the account, the terms, the badges and applications of every offer) and
//! then each offer as Allegro returns it (a GET /sale/offers page, a GET
//! /sale/product-offers/{id} resource, or `{"offer", "metrics"}`), and answers
//! one [`Outcome`] per (offer, campaign).
//!
//! The report of a pair is, by construction, the report
//! [`check`](crate::check) gives for the pair's application document, which
//! docs/PLAN.md defines: the context's campaigns, account, terms, `now`, the
//! offer as given, its metrics, its own badges and applications, and the
//! request `{campaign: {id}, offer: {id}, prices: {bargain}}` with the
//! proposed price. The price comes from the bargain range the price rules
//! leave (`hints.bargain`, the same range with or without a price) by a
//! [`PriceRule`].
//!
//! No file, no thread, no clock: the adapters read the inputs, cut them into
//! items and spread the items over threads (a [`Planner`] per thread).
//!
//! ```
//! use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
//! use badge_rules::{Options, Verdict};
//!
//! let context = PlanContext::from_json(r#"{
//!   "now": "2026-11-23T12:00:00Z",
//!   "campaigns": {"badgeCampaigns": [{"id": "BARGAIN", "type": "DISCOUNT",
//!     "marketplace": {"id": "allegro-pl"}, "eligibility": {"eligible": true},
//!     "application": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"}}]},
//!   "account": {"id": "42", "company": true, "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true},
//!   "badges": {"badges": []},
//!   "applications": {"badgeApplications": []},
//!   "allegroPrices": {"offers": []},
//!   "terms": {"discount": {"minPercent": "0", "maxPercent": "100"}}
//! }"#).unwrap();
//! let mut planner = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
//! let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}},
//!   "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
//!   "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
//! let outcomes = planner.item(line, 1);
//! let Outcome::Pair(pair) = &outcomes[0] else { panic!("{outcomes:?}") };
//! assert_eq!((pair.offer_id.as_str(), pair.campaign_id.as_str()), ("7001", "BARGAIN"));
//! assert_eq!(pair.report.verdict, Verdict::Accept);
//! // The highest price the ladder lets pass: 1 % below M.
//! assert_eq!(pair.proposed_bargain.as_ref().unwrap().amount, "198.00");
//! assert!(pair.body.is_some());
//!
//! // BARGAIN's regulations are not built in: without its discount terms the
//! // plan cannot know how deep the discount must be, and proposes nothing.
//! let unknown = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT", "application": {"type": "ALWAYS"}}]}"#).unwrap();
//! let mut planner = Planner::new(&unknown, &[], PriceRule::Highest, Options::default()).unwrap();
//! let Outcome::Pair(pair) = &planner.item(line, 1)[0] else { panic!() };
//! assert_eq!((pair.report.verdict, pair.proposed_bargain.is_none()), (Verdict::Incomplete, true));
//! assert!(pair.report.skipped.iter().any(|s| s.code.as_str() == "BA2" && s.missing == "terms.discount.minPercent"));
//! ```
//!
//! One job per file: `context` (the shared context, read once), `prices`
//! (the price rules), `outcome` and `body` (the answers), `planner` (items
//! to outcomes), `pairs` (one pair's document, price and
//! check), `items` (an input item's form and its read errors) and `faults`
//! (the shape errors a plan's inputs get).

mod body;
mod context;
mod faults;
mod items;
mod outcome;
mod pairs;
mod planner;
mod prices;

pub use body::{Body, BodyPrices, DeclaredStock, Price};
pub use context::PlanContext;
pub use outcome::{Outcome, PlanLine};
pub use planner::{PlanError, Planner};
pub use prices::PriceRule;
