//! RULES.md §4.3: prices by campaign type, the market ladder, the other
//! discount bases, and the bargain-range hint.
//!
//! Every comparison is exact, in grosze (`i128`) and basis points: "discount
//! at least 40 %" is `(M − B) × 10000 ≥ 4000 × M`, never a division.

use std::borrow::Cow;

use super::context::selling_format;
use super::context::ApplicationContext;
use super::context::Missing;
use super::range::{ceil_share, floor_share, Range};
use super::rule::{need, Need, Out};
use crate::catalogue::Code;
use crate::document::{CampaignType, Nullable, SellingFormat};
use crate::money::{from_grosze, percent_of, show_grosze as show};
use crate::report::{BargainRange, ParamPairs, WarningCode};
use crate::terms::{DiscountBase, Terms};

/// BA3: a `STANDARD` campaign and the request has `prices`.
pub(crate) fn ba3(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if !ctx.prices_given {
        return;
    }
    if let Some(kind) = ctx.campaign_type() {
        if need!(out, kind) == CampaignType::Standard {
            out.violation(Code::BA3, "prices", vec![]);
        }
    }
}

/// BA2: a `DISCOUNT` campaign and no bargain price.
pub(crate) fn ba2(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    no_bargain(ctx, out, CampaignType::Discount, Code::BA2);
}

/// BA34: a `SOURCING` campaign and no bargain price.
pub(crate) fn ba34(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    no_bargain(ctx, out, CampaignType::Sourcing, Code::BA34);
}

fn no_bargain(ctx: &ApplicationContext<'_>, out: &mut Out<'_>, kind: CampaignType, code: Code) {
    if ctx.bargain.is_some() {
        return;
    }
    if let Some(found) = ctx.campaign_type() {
        if need!(out, found) == kind {
            match &ctx.pending_bargain {
                // A plan that could not choose a price: not the seller's fault.
                Some(missing) => out.skip_code(code, missing.clone()),
                None => out.violation(code, "prices.bargain.amount", vec![]),
            }
        }
    }
}

/// BA36: a `SOURCING` campaign and a suggested market price.
pub(crate) fn ba36(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.market.is_none() {
        return;
    }
    if let Some(kind) = ctx.campaign_type() {
        if need!(out, kind) == CampaignType::Sourcing {
            out.violation(Code::BA36, "prices.market", vec![]);
        }
    }
}

/// Engine warnings about the request's price fields.
pub(crate) fn advice(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.market.is_some() {
        out.warn(WarningCode::SuggestedMarketPriceIgnored, vec![]);
    }
    if ctx.purchase_constraints && matches!(ctx.campaign_type(), Some(Ok(CampaignType::Standard))) {
        out.warn(WarningCode::PurchaseConstraintsIgnored, vec![]);
    }
    if let Some(marketplace) = ctx.not_listed {
        out.warn(
            WarningCode::OfferNotOnMarketplace,
            vec![("marketplace", marketplace.id().to_owned())],
        );
    }
}

/// BA70: a price-changing campaign and the offer is not `BUY_NOW`.
pub(crate) fn ba70(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(kind) = ctx.campaign_type() else {
        return;
    };
    if matches!(kind, Ok(CampaignType::Standard)) {
        return;
    }
    if need!(out, selling_format(ctx.offer)) != SellingFormat::BuyNow {
        // Only now does the type matter.
        need!(out, kind);
        out.violation(Code::BA70, "offer.id", vec![]);
    }
}

/// BA12: B > P, for any campaign type.
pub(crate) fn ba12(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    bargain_above_price(ctx.b, ctx.p(), "prices.bargain.amount", out);
}

/// BA12 of an application and of a badge's price change: the bargain price
/// `b` (when valid) above the offer's price `p`, blamed on `path`.
pub(crate) fn bargain_above_price(
    b: Option<i128>,
    p: Need<i128>,
    path: &'static str,
    out: &mut Out<'_>,
) {
    let Some(b) = b else {
        return;
    };
    let p = need!(out, p);
    if b > p {
        out.violation(
            Code::BA12,
            path,
            vec![("bargain", show(b)), ("price", show(p))],
        );
    }
}

/// BA12's bound: no bargain price above P passes.
pub(crate) fn ba12_bound(ctx: &ApplicationContext<'_>, range: &mut Range) {
    if let Ok(p) = ctx.p() {
        range.at_most(p);
    }
}

/// BA5: a suggested market price below the offer's price (P > M).
pub(crate) fn ba5(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let super::context::MarketPrice::Suggested(m) = ctx.m else {
        return;
    };
    let p = need!(out, ctx.p());
    if p > m {
        out.violation(
            Code::BA5,
            "prices.market.amount",
            vec![("price", show(p)), ("market", show(m))],
        );
    }
}

/// The ladder's inputs: `Ok(None)` when it does not apply.
fn ladder_applies(ctx: &ApplicationContext<'_>) -> Result<Option<(i128, i128)>, Cow<'static, str>> {
    let Some(kind) = ctx.campaign_type() else {
        return Ok(None);
    };
    let Some(b) = ctx.b else {
        return Ok(None);
    };
    if ctx.terms.discount_base() != DiscountBase::Market {
        return Ok(None);
    }
    if matches!(kind, Ok(k) if k != CampaignType::Discount) {
        return Ok(None);
    }
    kind?;
    match ctx.m.value()? {
        Some(m) => Ok(Some((b, m))),
        None => Ok(None),
    }
}

/// The input BA49 needs besides B and M: the campaign's minimum discount.
pub(crate) const MIN_PERCENT: &str = "terms.discount.minPercent";
/// The input BA50 needs besides B and M: the campaign's maximum discount.
pub(crate) const MAX_PERCENT: &str = "terms.discount.maxPercent";

/// The market ladder: the first of BA14, BA13, BA16, BA49, BA50 that holds,
/// and only it.
pub(crate) fn market_ladder(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((b, m)) = (match ladder_applies(ctx) {
        Ok(found) => found,
        Err(missing) => return out.skip(missing),
    }) else {
        // No bargain price to measure: the bargain range of the hint is still
        // measured against M.
        if ctx.known_type() == Some(CampaignType::Discount)
            && ctx.terms.discount_base() == DiscountBase::Market
        {
            upper_bound(ctx, None, out);
        }
        return;
    };
    let min = ctx.terms.min_percent().map(|p| p.basis_points());
    let max = ctx.terms.max_percent().map(|p| p.basis_points());
    let refusal = ladder(b, m, min, max).map(|(code, params)| {
        out.violation(code, "prices.bargain.amount", params);
        code
    });
    if refusal.is_none() {
        skip_depth(&ctx.terms, out);
    }
    upper_bound(ctx, refusal, out);
}

/// The ladder passed every step it could take: its depth steps whose term is
/// not known (neither built in nor in the document's `terms`) are listed as
/// skipped for want of it (RULES.md §4.3). A step that did hold needs no
/// other: BA50 with `minPercent` unknown stands, as `minPercent` is at most
/// `maxPercent`.
pub(crate) fn skip_depth(terms: &Terms, out: &mut Out<'_>) {
    if terms.min_percent().is_none() {
        out.skip_code(Code::BA49, MIN_PERCENT);
    }
    if terms.max_percent().is_none() {
        out.skip_code(Code::BA50, MAX_PERCENT);
    }
}

/// `MARKET_PRICE_UPPER_BOUND`: the ladder measures against an M computed
/// from a history marked inexact, so Allegro's M may be lower; `refusal` is
/// the ladder's code, when it refused.
fn upper_bound(ctx: &ApplicationContext<'_>, refusal: Option<Code>, out: &mut Out<'_>) {
    let super::context::MarketPrice::UpperBound(m) = ctx.m else {
        return;
    };
    let mut params = vec![("market", show(m))];
    if let Some(code) = refusal {
        params.push(("refusal", code.as_str().to_owned()));
    }
    out.warn(WarningCode::MarketPriceUpperBound, params);
}

/// The ladder on B and M in grosze, with the percentages in basis points.
pub(crate) fn ladder(
    b: i128,
    m: i128,
    min: Option<i128>,
    max: Option<i128>,
) -> Option<(Code, ParamPairs)> {
    let figures = |up: bool| -> ParamPairs {
        vec![
            ("bargain", show(b)),
            ("market", show(m)),
            ("discountPercent", percent_of(m - b, m, up)),
        ]
    };
    // d = (M − B) / M × 100, compared as (M − B) × 10000 against bp × M.
    let off = (m - b).saturating_mul(10_000);
    if b > m {
        return Some((Code::BA14, vec![("bargain", show(b)), ("market", show(m))]));
    }
    if b == m {
        return Some((Code::BA13, vec![("bargain", show(b)), ("market", show(m))]));
    }
    if off < 100i128.saturating_mul(m) {
        return Some((Code::BA16, figures(false)));
    }
    if let Some(min) = min {
        if off < min.saturating_mul(m) {
            let mut p = figures(false);
            p.push(("minPercent", show_percent(min)));
            return Some((Code::BA49, p));
        }
    }
    if let Some(max) = max {
        if off > max.saturating_mul(m) {
            let mut p = figures(true);
            p.push(("maxPercent", show_percent(max)));
            return Some((Code::BA50, p));
        }
    }
    None
}

fn show_percent(bp: i128) -> String {
    from_grosze(bp)
        .map(|d| d.normalize().to_string())
        .unwrap_or_default()
}

/// Does a price-changing discount base apply: B and `minPercent` (`None`
/// when the terms do not give it).
fn base_rule(
    ctx: &ApplicationContext<'_>,
    base: DiscountBase,
) -> Result<Option<(i128, Option<i128>)>, Cow<'static, str>> {
    let Some(kind) = ctx.campaign_type() else {
        return Ok(None);
    };
    let Some(b) = ctx.b else {
        return Ok(None);
    };
    if ctx.terms.discount_base() != base {
        return Ok(None);
    }
    if !kind?.lowers_price() {
        return Ok(None);
    }
    Ok(Some((b, ctx.terms.min_percent().map(|p| p.basis_points()))))
}

/// BA39: base `BASE_PRICE` and B > P × (1 − minPercent/100); skipped when
/// `minPercent` is not known.
pub(crate) fn ba39(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((b, min)) = need!(out, base_rule(ctx, DiscountBase::BasePrice)) else {
        return;
    };
    let min = need!(out, min.ok_or(Cow::Borrowed(MIN_PERCENT)));
    let p = need!(out, ctx.p());
    if b.saturating_mul(10_000) > p.saturating_mul(10_000 - min) {
        out.violation(
            Code::BA39,
            "prices.bargain.amount",
            vec![
                ("bargain", show(b)),
                ("price", show(p)),
                ("discountPercent", percent_of(p - b, p, false)),
                ("minPercent", show_percent(min)),
            ],
        );
    }
}

/// BA37 / BA38: base `AVERAGE_SELLING_PRICE`: A unknown to Allegro, or
/// B > A × (1 − minPercent/100) (skipped when `minPercent` is not known).
pub(crate) fn ba37_ba38(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((b, min)) = need!(out, base_rule(ctx, DiscountBase::AverageSellingPrice)) else {
        return;
    };
    let a = match ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price) {
        Some(Nullable::Value(a)) => a.grosze(),
        Some(Nullable::Null) => return out.violation(Code::BA37, "offer.id", vec![]),
        _ => return out.skip(Cow::Borrowed("metrics.averageSellingPrice")),
    };
    let Some(min) = min else {
        return out.skip_code(Code::BA38, MIN_PERCENT);
    };
    if b.saturating_mul(10_000) > a.saturating_mul(10_000 - min) {
        out.violation(
            Code::BA38,
            "prices.bargain.amount",
            vec![
                ("bargain", show(b)),
                ("averageSellingPrice", show(a)),
                ("discountPercent", percent_of(a - b, a, false)),
                ("minPercent", show_percent(min)),
            ],
        );
    }
}

/// BA40 / BA41: `terms.suggestedMarketPriceCap` and a suggested M above A / P.
pub(crate) fn market_cap(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let super::context::MarketPrice::Suggested(m) = ctx.m else {
        return;
    };
    match ctx.terms.suggested_market_price_cap {
        Some(DiscountBase::AverageSellingPrice) => {
            let a = match ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price) {
                Some(Nullable::Value(a)) => a.grosze(),
                Some(Nullable::Null) => return,
                _ => return out.skip_code(Code::BA40, "metrics.averageSellingPrice"),
            };
            if m > a {
                out.violation(
                    Code::BA40,
                    "prices.market.amount",
                    vec![("market", show(m)), ("averageSellingPrice", show(a))],
                );
            }
        }
        Some(DiscountBase::BasePrice) => match ctx.p() {
            Ok(p) if m > p => out.violation(
                Code::BA41,
                "prices.market.amount",
                vec![("market", show(m)), ("price", show(p))],
            ),
            Ok(_) => {}
            Err(missing) => out.skip_code(Code::BA41, missing),
        },
        _ => {}
    }
}

/// The market ladder's bound (a `DISCOUNT` campaign measured against M):
/// below M by at least 1 % and by `minPercent`, by at most `maxPercent`.
/// With M unknown none of it bounds the range (every code of the ladder is
/// unapplied).
pub(crate) fn ladder_bound(ctx: &ApplicationContext<'_>, range: &mut Range) {
    if matches!(ctx.campaign_type(), Some(Err(_)))
        && ctx.terms.discount_base() == DiscountBase::Market
    {
        // The type unknown: the ladder may run, and cannot bound the range.
        for code in LADDER {
            range.unapplied(code);
        }
        return;
    }
    if ctx.known_type() != Some(CampaignType::Discount)
        || ctx.terms.discount_base() != DiscountBase::Market
    {
        return;
    }
    match ctx.m.value() {
        Ok(Some(m)) => ladder_range(m, &ctx.terms, range),
        Ok(None) => {}
        Err(_) => {
            for code in LADDER {
                range.unapplied(code);
            }
        }
    }
}

/// The input a price rule that could not bound the range lacks first: the
/// campaign's type or M for the ladder, the terms' bound for a depth rule.
pub(crate) fn unapplied_input(ctx: &ApplicationContext<'_>, code: Code) -> Missing {
    let ladder_input = || match (ctx.campaign_type(), ctx.m.value()) {
        (Some(Err(missing)), _) | (_, Err(missing)) => Some(missing),
        _ => None,
    };
    match code {
        Code::BA49 | Code::BA39 | Code::BA38 => ladder_input()
            .filter(|_| code == Code::BA49)
            .unwrap_or(Cow::Borrowed(MIN_PERCENT)),
        Code::BA50 => ladder_input().unwrap_or(Cow::Borrowed(MAX_PERCENT)),
        _ => ladder_input().unwrap_or(Cow::Borrowed("metrics.lowestPrice30Days")),
    }
}

/// The market ladder's codes, in its order.
pub(crate) const LADDER: [Code; 5] = [Code::BA14, Code::BA13, Code::BA16, Code::BA49, Code::BA50];

/// The bargain prices the market ladder lets pass against M (grosze): below
/// M by at least 1 % and by the terms' `minPercent`, by at most their
/// `maxPercent`; a bound the terms do not give is unapplied (BA49, BA50).
/// The application's ladder and the badge update's share it.
pub(crate) fn ladder_range(m: i128, terms: &Terms, range: &mut Range) {
    range.at_most(m - 1);
    range.at_most(floor_share(m, 9_900));
    match terms.min_percent() {
        Some(min) => range.at_most(floor_share(m, 10_000 - min.basis_points())),
        None => range.unapplied(Code::BA49),
    }
    match terms.max_percent() {
        Some(max) => range.at_least(ceil_share(m, 10_000 - max.basis_points())),
        None => range.unapplied(Code::BA50),
    }
}

/// The `minPercent` of a price-changing campaign measured against `base`:
/// `None` when the base does not apply, `Some(None)` when the terms do not
/// give it.
fn base_min(ctx: &ApplicationContext<'_>, base: DiscountBase) -> Option<Option<i128>> {
    let lowers = ctx.known_type().is_some_and(CampaignType::lowers_price);
    (lowers && ctx.terms.discount_base() == base)
        .then(|| ctx.terms.min_percent().map(|p| p.basis_points()))
}

/// BA39's bound: at least `minPercent` below P.
pub(crate) fn ba39_bound(ctx: &ApplicationContext<'_>, range: &mut Range) {
    match (base_min(ctx, DiscountBase::BasePrice), ctx.p()) {
        (Some(Some(min)), Ok(p)) => range.at_most(floor_share(p, 10_000 - min)),
        (Some(None), _) => range.unapplied(Code::BA39),
        _ => {}
    }
}

/// BA37 / BA38's bound: at least `minPercent` below A; none when Allegro
/// cannot compute A (BA37).
pub(crate) fn ba37_ba38_bound(ctx: &ApplicationContext<'_>, range: &mut Range) {
    let Some(min) = base_min(ctx, DiscountBase::AverageSellingPrice) else {
        return;
    };
    match (
        ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price),
        min,
    ) {
        (Some(Nullable::Null), _) => range.at_most(0),
        (Some(Nullable::Value(a)), Some(min)) => {
            range.at_most(floor_share(a.grosze(), 10_000 - min));
        }
        (_, None) => range.unapplied(Code::BA38),
        _ => {}
    }
}

/// The ends of `range`, the bargain prices every price rule lets pass
/// (RULES.md §6, `hints.bargain`), in grosze, when there is a range to show.
pub(crate) fn bargain_range(ctx: &ApplicationContext<'_>, range: Range) -> Option<(i128, i128)> {
    // No price passes a campaign Allegro cannot find (BA10) or a request
    // without a campaign id (BB3), and a STANDARD campaign has no bargain
    // price: no range to show.
    let _found = ctx.campaign.get()?;
    if ctx.known_type() == Some(CampaignType::Standard) {
        return None;
    }
    range.ends()
}

/// An application's hint: sets `hints.bargain` to `range`, or warns that no
/// price passes.
pub(crate) fn hint(ctx: &ApplicationContext<'_>, range: Range, out: &mut Out<'_>) {
    show_hint(bargain_range(ctx, range), &range, &ctx.currency, out);
}

/// Sets `hints.bargain` to `ends` (grosze, in `currency`), warning
/// `BARGAIN_HINT_PARTIAL` with the codes of the price rules `range` could
/// not apply, or warns that no price passes when it is empty; nothing when
/// no rule bounds the price. In a currency with a price step (HUF: 0 or 5
/// forints), only its multiples can be sent.
pub(crate) fn show_hint(
    ends: Option<(i128, i128)>,
    range: &Range,
    currency: &str,
    out: &mut Out<'_>,
) {
    let ends = match crate::money::price_step(currency) {
        Some(step) => ends.map(|(low, high)| {
            (
                crate::money::ceil_to_step(low, step),
                crate::money::floor_to_step(high, step),
            )
        }),
        None => ends,
    };
    match ends {
        Some((low, high)) if low <= high => {
            // Within what a Decimal holds, as a price the seller could send.
            let sendable = from_grosze(low).is_some() && from_grosze(high).is_some();
            if sendable {
                out.hint(BargainRange {
                    min: show(low),
                    max: show(high),
                    currency: currency.to_owned(),
                });
                let codes: Vec<&str> = range.unapplied_codes().map(Code::as_str).collect();
                if !codes.is_empty() {
                    out.warn(
                        WarningCode::BargainHintPartial,
                        vec![("codes", codes.join(", "))],
                    );
                }
            }
        }
        Some(_) => out.warn(WarningCode::NoBargainPricePasses, vec![]),
        None => {}
    }
}
