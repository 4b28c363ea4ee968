//! One (offer, campaign) pair: the campaign's document with the offer put
//! in, the price proposed from the range, the check.

use super::body::{body_value, Body, BodyPrices, Price};
use super::outcome::{Outcome, PlanLine};
use super::prices::PriceRule;
use crate::document::{AllegroPrices, Application, Badge, Document, Metrics, Offer};
use crate::error::InputError;
use crate::money::{from_grosze, show_grosze};
use crate::report::{Report, Verdict};
use crate::rules::{self, context::Missing, range::floor_share};
use crate::Options;

/// One planned campaign: what its pair documents hold of their own (the
/// rest, the context's campaigns and account, is the one document every
/// pair is put into: held once, not once per campaign).
#[derive(Debug, Clone)]
pub(super) struct Template {
    pub(super) id: String,
    /// The context shows the campaign with `stockReservationIsRequired: true`.
    pub(super) stock_required: bool,
    /// Its `campaignTerms`, else the context's `terms`.
    pub(super) terms: Option<crate::terms::Terms>,
}

/// The parts of a pair's document that belong to the offer, moved into each
/// campaign's document in turn.
pub(super) struct PairSlot {
    pub(super) offer: Option<Offer>,
    pub(super) metrics: Option<Metrics>,
    pub(super) badges: Option<Vec<Badge>>,
    pub(super) applications: Option<Vec<Application>>,
    pub(super) allegro_prices: Option<AllegroPrices>,
}

/// The outcome of one pair: `document` (the context's part of every pair's
/// document) with the campaign's terms and the offer's parts moved in, and
/// out again after the check.
pub(super) fn plan_pair(
    template: &mut Template,
    document: &mut Document,
    slot: &mut PairSlot,
    offer_id: &str,
    line: usize,
    price: PriceRule,
    options: &Options,
) -> Outcome {
    document.terms = template.terms.take();
    document.offer = slot.offer.take();
    document.metrics = slot.metrics.take();
    document.badges = slot.badges.take();
    document.applications = slot.applications.take();
    document.allegro_prices = slot.allegro_prices.take();
    let answer = answer_pair(
        document,
        &template.id,
        template.stock_required,
        offer_id,
        price,
        options,
    );
    slot.offer = document.offer.take();
    slot.metrics = document.metrics.take();
    slot.badges = document.badges.take();
    slot.applications = document.applications.take();
    slot.allegro_prices = document.allegro_prices.take();
    template.terms = document.terms.take();
    match answer {
        Ok((report, proposed_bargain, body)) => {
            let body = sendable(&report).then_some(body);
            Outcome::Pair(Box::new(PlanLine {
                offer_id: offer_id.to_owned(),
                campaign_id: template.id.clone(),
                line,
                report,
                proposed_bargain,
                body,
            }))
        }
        Err(error) => Outcome::PairError {
            offer_id: offer_id.to_owned(),
            campaign_id: template.id.clone(),
            line,
            error,
        },
    }
}

/// Is the pair's body written? When Allegro would accept the application,
/// and when the only rule left unchecked is BA24 for want of `allegroPrices`
/// (docs/PLAN.md: the verdict stays INCOMPLETE and the summary says why).
fn sendable(report: &Report) -> bool {
    match report.verdict {
        Verdict::Accept => true,
        Verdict::Incomplete => report
            .skipped
            .iter()
            .all(|s| s.missing == crate::report::ALLEGRO_PRICES_INPUT),
        _ => false,
    }
}

/// The pair's report with the proposed price: the range first (from the
/// document without a price), the price by `rule`, then the check.
fn answer_pair(
    document: &mut Document,
    campaign_id: &str,
    stock_required: bool,
    offer_id: &str,
    rule: PriceRule,
    options: &Options,
) -> Result<(Report, Option<Price>, Body), InputError> {
    let quantity = stock_required
        .then(|| document.offer.as_ref()?.stock.as_ref()?.available)
        .flatten()
        .filter(|q| *q >= 1);
    let mut body = Body::new(campaign_id, offer_id, None, quantity);
    document.request = Some(body_value(&body));
    let (proposed, pending) = {
        let ctx = rules::ApplicationContext::with_valid_campaigns(document)?;
        match propose(&ctx, rule) {
            Ok(price) => (
                price.map(|grosze| Price {
                    amount: show_grosze(grosze),
                    currency: ctx.currency.clone(),
                }),
                None,
            ),
            Err(missing) => (None, Some(missing)),
        }
    };
    if let Some(price) = &proposed {
        body.prices = Some(BodyPrices {
            bargain: price.clone(),
        });
        document.request = Some(body_value(&body));
    }
    let report = crate::report_of(rules::planned_findings(document, pending)?, options);
    Ok((report, proposed, body))
}

/// The price `rule` proposes, in grosze, from the range the price rules
/// leave (`Ok(None)`: no campaign to price, a `STANDARD` campaign, no upper
/// end, no price passes for `highest`/`lowest`), or the input the plan
/// lacks to choose one (`Err`): M for `discount=N` (and for any rule on a
/// `DISCOUNT` campaign measured against M), a term of the campaign's depth
/// for `highest`/`lowest`, whose range would leave it out. In a currency
/// with a price step (HUF prices end in 0 or 5 forints, BB6 otherwise), a
/// multiple of the step.
fn propose(ctx: &rules::ApplicationContext<'_>, rule: PriceRule) -> Result<Option<i128>, Missing> {
    let (ends, lacking) = rules::bargain_bounds(ctx);
    let Some((low, high)) = ends else {
        return Ok(None);
    };
    let step = crate::money::price_step(&ctx.currency).unwrap_or(1);
    let (low, high) = (
        crate::money::ceil_to_step(low, step),
        crate::money::floor_to_step(high, step),
    );
    let sendable = |g: i128| g >= 1 && from_grosze(g).is_some();
    match rule {
        PriceRule::Highest | PriceRule::Lowest => {
            if let Some(missing) = lacking {
                return Err(missing);
            }
            let end = if rule == PriceRule::Highest {
                high
            } else {
                low
            };
            Ok((low <= high && sendable(low) && sendable(high)).then_some(end))
        }
        PriceRule::Discount(bp) => {
            let m = match ctx.m.value() {
                Ok(Some(m)) => m,
                Ok(None) => return Ok(None),
                Err(missing) => return Err(missing),
            };
            Ok(Some(crate::money::floor_to_step(
                floor_share(m, 10_000 - bp),
                step,
            ))
            .filter(|g| sendable(*g)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The price `rule` proposes for a document (its request without prices).
    fn proposed(doc: &str, rule: PriceRule) -> Option<i128> {
        let document: Document = serde_json::from_str(doc).unwrap();
        let ctx = rules::ApplicationContext::new(&document).unwrap();
        propose(&ctx, rule).unwrap()
    }

    fn huf(market: &str, price: &str, currency: &str) -> String {
        format!(
            r#"{{"kind": "application", "request": {{"campaign": {{"id": "HU"}}, "offer": {{"id": "1"}}}},
            "campaigns": [{{"id": "HU", "type": "DISCOUNT", "marketplace": {{"id": "{m}"}}}}],
            "terms": {{"discount": {{"minPercent": "33", "maxPercent": "40"}}}},
            "offer": {{"id": "1", "sellingMode": {{"price": {{"amount": "{price}", "currency": "{currency}"}}}}}},
            "metrics": {{"lowestPrice30Days": {{"amount": "{market}", "currency": "{currency}"}}}}}}"#,
            m = if currency == "HUF" {
                "allegro-hu"
            } else {
                "allegro-pl"
            },
        )
    }

    #[test]
    fn huf_proposals_end_in_0_or_5() {
        // M 29999 HUF: 33 % off is at most 20099.33, 40 % off at least 17999.40.
        let doc = huf("29999", "29999", "HUF");
        assert_eq!(proposed(&doc, PriceRule::Highest), Some(2_009_500));
        assert_eq!(proposed(&doc, PriceRule::Lowest), Some(1_800_000));
        // discount=35: 19499.35 rounded down to 19495.
        assert_eq!(proposed(&doc, PriceRule::Discount(3500)), Some(1_949_500));
        // The same figures in PLN keep their grosze.
        let doc = huf("29999", "29999", "PLN");
        assert_eq!(proposed(&doc, PriceRule::Highest), Some(2_009_933));
        assert_eq!(proposed(&doc, PriceRule::Lowest), Some(1_799_940));
    }

    #[test]
    fn no_huf_proposal_when_no_multiple_of_5_passes() {
        // M 10 HUF, 33 % to 34 % off: 6.60 to 6.70, no whole 5 forints inside.
        let doc = huf("10", "10", "HUF").replace(r#""maxPercent": "40""#, r#""maxPercent": "34""#);
        assert_eq!(proposed(&doc, PriceRule::Highest), None);
        assert_eq!(proposed(&doc, PriceRule::Lowest), None);
    }
}
