//! Arbitrary bytes as a plan's context (`badge-rules plan --context`, the
//! npm package's `plan({context})`): an input error whose path is in the
//! context, a plan that cannot start, or a planner whose outcomes for a few
//! offers keep [`plan_outcomes`](super::plan_outcomes)' invariants.

use badge_rules::plan::{PlanContext, PlanError, Planner, PriceRule};
use badge_rules::Options;
use serde_json::Value;

use super::plan_outcomes::check_item;
use crate::invariants;

/// The offers planned with every context: a `{"offer", "metrics"}` line of
/// docs/PLAN.md's example, a bare offer, and a page of two offers.
const ITEMS: [&str; 3] = [
    r#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}}, "stock": {"available": 5}, "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": "allegro-pl"}}}}, "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#,
    r#"{"id": "7375757033", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "9.99", "currency": "CZK"}}, "publication": {"status": "ACTIVE"}}"#,
    r#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": "1.00", "currency": "PLN"}}}, {"id": "2"}], "count": 2, "totalCount": 2}"#,
];

/// The target's body.
pub fn run(data: &[u8]) {
    let context = match PlanContext::from_bytes(data) {
        Ok(context) => context,
        Err(err) => {
            if let Ok(text) = std::str::from_utf8(data) {
                invariants::error_path_exists(text, &err);
            }
            return;
        }
    };
    let text = std::str::from_utf8(data).unwrap();
    let raw: Option<Value> =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok();
    for named in [&[][..], &["BARGAIN".to_owned(), "HIT".to_owned()][..]] {
        match Planner::new(&context, named, PriceRule::Highest, Options::default()) {
            Ok(planner) => {
                for item in ITEMS {
                    check_item(&planner, raw.as_ref(), item.as_bytes(), 3);
                }
            }
            Err(PlanError::Context(err)) => invariants::error_path_exists(text, &err),
            Err(_) => {}
        }
    }
}
