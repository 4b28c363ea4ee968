//! What every outcome of a plan must satisfy, whatever its inputs: a pair's
//! verdict is its lists', a body only with ACCEPT, its JSON line and CSV
//! record well formed; an item's error names a path of the item, a pair's
//! error a path of the pair's application document (docs/PLAN.md); with a
//! proposed price, a bare offer's report is `check`'s report of that
//! document.

use badge_rules::plan::{Outcome, Planner};
use badge_rules::{api, check_json, Lang, Options, Verdict};
use serde_json::Value;

use crate::catalogue::PairBuilder;
use crate::invariants;

/// Plans `item` (starting on line `line`) with `planner` for the context
/// `context` (its raw JSON, `None` when serde_json cannot read it: then no
/// pair's document is built), twice, and checks every outcome.
pub(crate) fn check_item(planner: &Planner<'_>, context: Option<&Value>, item: &[u8], line: usize) {
    let outcomes = planner.clone().item(item, line);
    assert_eq!(
        outcomes,
        planner.clone().item(item, line),
        "not deterministic"
    );
    let text = std::str::from_utf8(item).ok();
    let value = text
        .and_then(|t| serde_json::from_str::<Value>(t.strip_prefix('\u{feff}').unwrap_or(t)).ok());
    let builder = context.map(PairBuilder::new);
    for outcome in &outcomes {
        assert!(outcome.line() >= line, "{outcome:?} before line {line}");
        let json_line = api::plan_line(outcome, "input.jsonl", Lang::En);
        serde_json::from_str::<Value>(&json_line).unwrap();
        let row = api::plan_csv_row(outcome, "input.jsonl", Lang::Pl);
        assert!(row.ends_with("\r\n"), "{row:?}");
        match outcome {
            Outcome::Pair(pair) => {
                invariants::verdict_agrees(&pair.report);
                // A body only with ACCEPT, or INCOMPLETE for nothing but
                // Allegro Prices unseen (docs/PLAN.md: the pair keeps its
                // price and body).
                if pair.body.is_some() {
                    let unseen_prices_only = pair.report.verdict == Verdict::Incomplete
                        && pair.report.violations.is_empty()
                        && !pair.report.skipped.is_empty()
                        && pair
                            .report
                            .skipped
                            .iter()
                            .all(|s| s.missing == "allegroPrices");
                    assert!(
                        pair.report.verdict == Verdict::Accept || unseen_prices_only,
                        "a body without ACCEPT: {:?}",
                        pair.report.verdict
                    );
                }
                let (Some(price), Some(offer), Some(builder)) = (
                    &pair.proposed_bargain,
                    value.as_ref().and_then(bare_offer),
                    &builder,
                ) else {
                    continue;
                };
                let bargain =
                    serde_json::json!({"amount": price.amount, "currency": price.currency});
                let doc = builder.document(offer.0, offer.1, &pair.campaign_id, Some(&bargain));
                let checked = check_json(&doc.to_string(), &Options::default());
                assert_eq!(
                    checked.as_ref(),
                    Ok(&pair.report),
                    "not check's report of {doc}"
                );
            }
            Outcome::PairError {
                campaign_id, error, ..
            } => {
                let (Some(offer), Some(builder)) = (value.as_ref().and_then(bare_offer), &builder)
                else {
                    continue;
                };
                let doc = builder.document(offer.0, offer.1, campaign_id, None);
                invariants::error_path_exists(&doc.to_string(), error);
            }
            Outcome::ItemError { error, .. } => {
                if let Some(text) = text {
                    invariants::error_path_exists(text, error);
                }
            }
            _ => {}
        }
    }
}

/// The offer and metrics of an item that is one offer: `{"offer",
/// "metrics"}` or the offer itself (not a page of offers).
fn bare_offer(item: &Value) -> Option<(&Value, Option<&Value>)> {
    let object = item.as_object()?;
    if object.contains_key("offers") {
        return None;
    }
    match object.get("offer") {
        Some(offer) => Some((offer, object.get("metrics"))),
        None => Some((item, None)),
    }
}
