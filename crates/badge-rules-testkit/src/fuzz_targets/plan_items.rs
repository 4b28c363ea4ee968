//! Arbitrary bytes as one item of a plan (`badge-rules plan`'s input, the
//! npm package's `plan()`): a page of offers, an offer, or `{"offer",
//! "metrics"}`, planned against two contexts (docs/PLAN.md's example, and
//! two campaigns with nothing else known) with every price rule; every
//! outcome keeps [`plan_outcomes`](super::plan_outcomes)' invariants.

use std::sync::OnceLock;

use badge_rules::plan::{PlanContext, Planner, PriceRule};
use badge_rules::Options;
use serde_json::Value;

use super::plan_outcomes::check_item;

/// The contexts: docs/PLAN.md's example's, and one that knows two
/// campaigns and nothing else.
const CONTEXTS: [&str; 2] = [
    include_str!("../../../../examples/plan/context.json"),
    r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}, {"id": "HIT", "type": "STANDARD", "stockReservationIsRequired": true}]}"#,
];

fn contexts() -> &'static [(Value, PlanContext)] {
    static READ: OnceLock<Vec<(Value, PlanContext)>> = OnceLock::new();
    READ.get_or_init(|| {
        CONTEXTS
            .iter()
            .map(|text| {
                (
                    serde_json::from_str(text).unwrap(),
                    PlanContext::from_json(text).unwrap(),
                )
            })
            .collect()
    })
}

/// The target's body.
pub fn run(data: &[u8]) {
    for (raw, context) in contexts() {
        for price in [
            PriceRule::Highest,
            PriceRule::Lowest,
            PriceRule::Discount(4250),
        ] {
            let planner = Planner::new(context, &[], price, Options::default())
                .or_else(|_| {
                    Planner::new(
                        context,
                        &["BARGAIN".into(), "HIT".into()],
                        price,
                        Options::default(),
                    )
                })
                .unwrap();
            check_item(&planner, Some(raw), data, 1);
        }
    }
}
