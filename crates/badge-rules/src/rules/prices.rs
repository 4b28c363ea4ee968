//! RULES.md §4.3: prices by campaign type, the market ladder, the other
//! discount bases, and the bargain-range hint.
//!
//! Every comparison is exact, in grosze (`i128`) and basis points: "discount
//! at least 40 %" is `(M − B) × 10000 ≥ 4000 × M`, never a division.

use std::borrow::Cow;

use super::{need, ApplicationContext, Codes};
use crate::catalogue::Code;
use crate::document::{CampaignType, Nullable, SellingFormat};
use crate::money::{from_grosze, percent_of};
use crate::report::{BargainRange, Findings, Params, WarningCode};
use crate::terms::DiscountBase;

/// Shows grosze as a two-decimal amount.
pub(crate) fn show(grosze: i128) -> String {
    crate::money::show_grosze(grosze)
}

/// BA3: a `STANDARD` campaign and the request has `prices`.
pub(crate) fn ba3(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    if !ctx.prices_given {
        return;
    }
    if let Some(kind) = ctx.campaign_type() {
        if need!(codes, out, kind) == CampaignType::Standard {
            out.violation(Code::BA3, "prices", vec![]);
        }
    }
}

/// BA2: a `DISCOUNT` campaign and no bargain price.
pub(crate) fn ba2(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    no_bargain(ctx, codes, out, CampaignType::Discount, Code::BA2);
}

/// BA34: a `SOURCING` campaign and no bargain price.
pub(crate) fn ba34(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    no_bargain(ctx, codes, out, CampaignType::Sourcing, Code::BA34);
}

fn no_bargain(
    ctx: &ApplicationContext<'_>,
    codes: Codes,
    out: &mut Findings,
    kind: CampaignType,
    code: Code,
) {
    if ctx.bargain.is_some() {
        return;
    }
    if let Some(found) = ctx.campaign_type() {
        if need!(codes, out, found) == kind {
            out.violation(code, "prices.bargain.amount", vec![]);
        }
    }
}

/// BA36: a `SOURCING` campaign and a suggested market price.
pub(crate) fn ba36(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    if ctx.market.is_none() {
        return;
    }
    if let Some(kind) = ctx.campaign_type() {
        if need!(codes, out, kind) == CampaignType::Sourcing {
            out.violation(Code::BA36, "prices.market", vec![]);
        }
    }
}

/// Engine warnings about the request's price fields.
pub(crate) fn advice(ctx: &ApplicationContext<'_>, _: Codes, out: &mut Findings) {
    if ctx.market.is_some() {
        out.warn(WarningCode::SuggestedMarketPriceIgnored, vec![]);
    }
    if ctx.purchase_constraints && matches!(ctx.campaign_type(), Some(Ok(CampaignType::Standard))) {
        out.warn(WarningCode::PurchaseConstraintsIgnored, vec![]);
    }
}

/// BA70: a price-changing campaign and the offer is not `BUY_NOW`.
pub(crate) fn ba70(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some(kind) = ctx.campaign_type() else {
        return;
    };
    if matches!(kind, Ok(CampaignType::Standard)) {
        return;
    }
    let format = need!(
        codes,
        out,
        ctx.offer_for("offer.sellingMode.format").and_then(|o| o
            .selling_mode
            .as_ref()
            .and_then(|s| s.format)
            .ok_or(Cow::Borrowed("offer.sellingMode.format")))
    );
    if format != SellingFormat::BuyNow {
        // Only now does the type matter.
        need!(codes, out, kind);
        out.violation(Code::BA70, "offer.id", vec![]);
    }
}

/// BA12: B > P, for any campaign type.
pub(crate) fn ba12(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some(b) = ctx.b else {
        return;
    };
    let p = need!(codes, out, ctx.p());
    if b > p {
        out.violation(
            Code::BA12,
            "prices.bargain.amount",
            vec![("bargain", show(b)), ("price", show(p))],
        );
    }
}

/// BA5: a suggested market price below the offer's price (P > M).
pub(crate) fn ba5(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let super::context::MarketPrice::Suggested(m) = ctx.m else {
        return;
    };
    let p = need!(codes, out, ctx.p());
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

/// The market ladder: the first of BA14, BA13, BA16, BA49, BA50 that holds,
/// and only it.
pub(crate) fn market_ladder(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some((b, m)) = (match ladder_applies(ctx) {
        Ok(found) => found,
        Err(missing) => {
            let codes: Vec<Code> = codes
                .iter()
                .copied()
                .filter(|c| match c {
                    Code::BA49 => ctx.terms.min_percent().is_some(),
                    Code::BA50 => ctx.terms.max_percent().is_some(),
                    _ => true,
                })
                .collect();
            for code in codes {
                out.skip(code, missing.clone());
            }
            return;
        }
    }) else {
        return;
    };
    let min = ctx.terms.min_percent().map(|p| p.basis_points());
    let max = ctx.terms.max_percent().map(|p| p.basis_points());
    if let Some((code, params)) = ladder(b, m, min, max) {
        out.violation(code, "prices.bargain.amount", params);
    }
}

/// The ladder on B and M in grosze, with the percentages in basis points.
pub(crate) fn ladder(
    b: i128,
    m: i128,
    min: Option<i128>,
    max: Option<i128>,
) -> Option<(Code, Params)> {
    let figures = |up: bool| -> Params {
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

/// Does a price-changing discount base apply, and what is `minPercent`?
fn base_rule(
    ctx: &ApplicationContext<'_>,
    base: DiscountBase,
) -> Result<Option<(i128, i128)>, Cow<'static, str>> {
    let Some(kind) = ctx.campaign_type() else {
        return Ok(None);
    };
    let (Some(b), Some(min)) = (ctx.b, ctx.terms.min_percent()) else {
        return Ok(None);
    };
    if ctx.terms.discount_base() != base {
        return Ok(None);
    }
    if !kind?.lowers_price() {
        return Ok(None);
    }
    Ok(Some((b, min.basis_points())))
}

/// BA39: base `BASE_PRICE` and B > P × (1 − minPercent/100).
pub(crate) fn ba39(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some((b, min)) = need!(codes, out, base_rule(ctx, DiscountBase::BasePrice)) else {
        return;
    };
    let p = need!(codes, out, ctx.p());
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
/// B > A × (1 − minPercent/100).
pub(crate) fn ba37_ba38(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some((b, min)) = need!(
        codes,
        out,
        base_rule(ctx, DiscountBase::AverageSellingPrice)
    ) else {
        return;
    };
    let a = match ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price) {
        Some(Nullable::Value(a)) => a.grosze(),
        Some(Nullable::Null) => return out.violation(Code::BA37, "offer.id", vec![]),
        _ => return out.skip_all(codes, Cow::Borrowed("metrics.averageSellingPrice")),
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
pub(crate) fn market_cap(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let super::context::MarketPrice::Suggested(m) = ctx.m else {
        return;
    };
    match ctx.terms.suggested_market_price_cap {
        Some(DiscountBase::AverageSellingPrice) => {
            let a = match ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price) {
                Some(Nullable::Value(a)) => a.grosze(),
                Some(Nullable::Null) => return,
                _ => return out.skip(Code::BA40, "metrics.averageSellingPrice"),
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
            Err(missing) => out.skip(Code::BA41, missing),
        },
        _ => {}
    }
    let _ = codes;
}

/// The range of bargain prices that passes every price rule that can be
/// evaluated (RULES.md §6, `hints.bargain`), in grosze.
pub(crate) fn bargain_range(ctx: &ApplicationContext<'_>) -> Option<(i128, i128)> {
    // No price passes a campaign Allegro cannot find (BA10) or a request
    // without a campaign id (BB3): no range to show.
    let _found = ctx.campaign.get()?;
    let kind = ctx.campaign_type().and_then(Result::ok);
    if kind == Some(CampaignType::Standard) {
        return None;
    }
    let mut low: i128 = 1;
    let mut high: Option<i128> = None;
    let mut cap = |v: i128| high = Some(high.map_or(v, |h| h.min(v)));
    let p = ctx.p().ok();
    if let Some(p) = p {
        cap(p);
    }
    let min = ctx.terms.min_percent().map(|p| p.basis_points());
    let max = ctx.terms.max_percent().map(|p| p.basis_points());
    let base = ctx.terms.discount_base();
    if kind == Some(CampaignType::Discount) && base == DiscountBase::Market {
        if let Ok(Some(m)) = ctx.m.value() {
            cap(m - 1);
            cap(floor_share(m, 9_900));
            if let Some(min) = min {
                cap(floor_share(m, 10_000 - min));
            }
            if let Some(max) = max {
                low = low.max(ceil_share(m, 10_000 - max));
            }
        }
    }
    if kind.is_some_and(CampaignType::lowers_price) {
        if let Some(min) = min {
            match base {
                DiscountBase::BasePrice => {
                    if let Some(p) = p {
                        cap(floor_share(p, 10_000 - min));
                    }
                }
                DiscountBase::AverageSellingPrice => {
                    match ctx.doc.metrics.as_ref().map(|m| &m.average_selling_price) {
                        Some(Nullable::Value(a)) => cap(floor_share(a.grosze(), 10_000 - min)),
                        // BA37: no bargain price can pass.
                        Some(Nullable::Null) => cap(0),
                        _ => {}
                    }
                }
                DiscountBase::Market => {}
            }
        }
    }
    if let Some(max_price) = super::offer::listed_product(ctx)
        .and_then(|p| p.max_price.as_ref())
        .map(|m| m.grosze())
    {
        cap(max_price);
    }
    high.map(|h| (low, h))
}

/// ⌊v × bp / 10000⌋.
fn floor_share(v: i128, bp: i128) -> i128 {
    v.saturating_mul(bp).div_euclid(10_000)
}

/// ⌈v × bp / 10000⌉.
fn ceil_share(v: i128, bp: i128) -> i128 {
    let x = v.saturating_mul(bp);
    x.div_euclid(10_000) + i128::from(x.rem_euclid(10_000) != 0)
}

/// Sets `hints.bargain`, or warns that no price passes.
pub(crate) fn hint(ctx: &ApplicationContext<'_>, _: Codes, out: &mut Findings) {
    match bargain_range(ctx) {
        Some((low, high)) if low <= high => {
            // Within what a Decimal holds, as a price the seller could send.
            let sendable = from_grosze(low).is_some() && from_grosze(high).is_some();
            if sendable {
                out.hint = Some(BargainRange {
                    min: show(low),
                    max: show(high),
                    currency: ctx.currency.clone(),
                });
            }
        }
        Some(_) => out.warn(WarningCode::NoBargainPricePasses, vec![]),
        None => {}
    }
}
