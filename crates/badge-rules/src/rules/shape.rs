//! RULES.md §4.1: the request's shape, as Allegro's synchronous validation
//! answers it (BB3, BB4, BB11, BB6, BB7, BB5, BA107, BB39).
//!
//! A value that fails one of these checks feeds no other rule.

use std::borrow::Cow;

use super::context::ApplicationContext;
use super::rule::Out;
use crate::catalogue::Code;
use crate::money::AmountFault;
use crate::request::{count, Id, MoneyField};

/// BB3: `campaign.id` missing, empty or blank.
pub(crate) fn bb3(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.campaign_id == Id::Missing {
        out.violation(Code::BB3, "campaign.id", vec![]);
    }
}

/// BB4: `offer.id` missing or empty.
pub(crate) fn bb4(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.offer_id == Id::Missing {
        out.violation(Code::BB4, "offer.id", vec![]);
    }
}

/// BB11: `offer.id` present but not 1–20 digits without a leading zero.
pub(crate) fn bb11(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.offer_id == Id::Invalid {
        out.violation(Code::BB11, "offer.id", vec![]);
    }
}

/// The request's numeric fields, in request order, with their paths.
fn numbers<'a>(
    ctx: &'a ApplicationContext<'_>,
) -> impl Iterator<Item = (&'static str, Result<(), AmountFault>)> + 'a {
    let money = [
        ("prices.bargain.amount", ctx.bargain.as_ref()),
        ("prices.market.amount", ctx.market.as_ref()),
    ]
    .into_iter()
    .filter_map(|(path, f)| f.map(|f| (path, f.amount.map(drop))));
    let counts = [
        ("purchaseConstraints.limit.perUser.maxItems", ctx.max_items),
        ("declaredStock.quantity", ctx.declared_quantity),
    ]
    .into_iter()
    .filter_map(|(path, v)| v.map(|v| (path, count(v).map(drop))));
    money.chain(counts)
}

/// BB6: an amount is not a decimal string with at most two decimals, or a
/// count is not an integer; or a HUF amount does not end in 0 or 5
/// (inferred, `channel`).
pub(crate) fn bb6(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    for (path, result) in numbers(ctx) {
        match result {
            Err(AmountFault::NotANumber) => out.violation(Code::BB6, path, vec![]),
            Err(AmountFault::NotRounded { step }) => {
                out.violation(Code::BB6, path, rounding_params(step));
            }
            _ => {}
        }
    }
}

/// The params of BB6 for an amount off its currency's step: the step, as
/// an amount (`5.00` for HUF).
fn rounding_params(step: i128) -> crate::report::ParamPairs {
    vec![("step", crate::money::show_grosze(step))]
}

/// BB7: an amount is not positive, or a count is below 1.
pub(crate) fn bb7(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    for (path, result) in numbers(ctx) {
        if result == Err(AmountFault::NotPositive) {
            out.violation(Code::BB7, path, vec![]);
        }
    }
}

/// BB5: a currency differs from the base currency.
pub(crate) fn bb5(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    for (path, field) in [
        ("prices.bargain.currency", ctx.bargain.as_ref()),
        ("prices.market.currency", ctx.market.as_ref()),
    ] {
        if let Some(field) = field {
            currency(field, path, &ctx.currency, out);
        }
    }
}

/// Reports BB5 at `path` when `field`'s currency is not `expected`.
pub(crate) fn currency(
    field: &MoneyField<'_>,
    path: &'static str,
    expected: &str,
    out: &mut Out<'_>,
) {
    if field.currency != Some(expected) {
        let mut params = vec![("expected", expected.to_owned())];
        if let Some(given) = field.currency {
            params.push(("currency", given.to_owned()));
        }
        out.violation(Code::BB5, path, params);
    }
}

/// Reports BB6 or BB7 at `path` for a money field's amount.
pub(crate) fn amount(field: &MoneyField<'_>, path: &'static str, out: &mut Out<'_>) {
    match field.amount {
        Err(AmountFault::NotANumber) => out.violation(Code::BB6, path, vec![]),
        Err(AmountFault::NotRounded { step }) => {
            out.violation(Code::BB6, path, rounding_params(step));
        }
        Err(AmountFault::NotPositive) => out.violation(Code::BB7, path, vec![]),
        Ok(_) => {}
    }
}

/// Does the request's campaign require declared stock? `None`: not known.
fn stock_required(ctx: &ApplicationContext<'_>) -> Option<Result<bool, Cow<'static, str>>> {
    Some(
        ctx.campaign
            .get()?
            .map(|(_, c)| c.stock_reservation_is_required.unwrap_or(false)),
    )
}

/// BA107: the campaign requires declared stock and the request declares no quantity.
pub(crate) fn ba107(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.declared_quantity.is_some() {
        return;
    }
    match stock_required(ctx) {
        Some(Ok(true)) => out.violation(Code::BA107, "declaredStock.quantity", vec![]),
        Some(Err(missing)) => out.skip(missing),
        _ => {}
    }
}

/// Engine warnings about the declared stock (RULES.md §4.1): `campaignStock`
/// in the request (a field of Allegro's answer; Allegro reads
/// `declaredStock.quantity`), and a declared quantity above the offer's
/// current stock, which Allegro reserves 3 days before the campaign's
/// publication starts (allegro-api#12108). Current stock is all the
/// document shows, so the warning compares the declaration with it and
/// names the reservation's instant when the publication's `from` is known.
pub(crate) fn stock_advice(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let req = ctx.doc.request.as_ref();
    if crate::request::at(req, &["campaignStock"]).is_some() {
        out.warn(crate::report::WarningCode::CampaignStockIgnored, vec![]);
    }
    let Some(Ok(declared)) = ctx.declared_quantity.map(count) else {
        return;
    };
    let Some(available) = ctx
        .offer
        .and_then(|o| o.stock.as_ref())
        .and_then(|s| s.available)
    else {
        return;
    };
    if declared <= available {
        return;
    }
    let reservation = match ctx.campaign.get() {
        Some(Ok((_, c))) => c
            .publication
            .as_ref()
            .and_then(|p| p.from)
            .and_then(|from| from.minus_hours(72)),
        _ => None,
    };
    let reservation = reservation.map_or_else(
        || "campaigns[].publication.from - 3 days".to_owned(),
        |at| at.to_string(),
    );
    out.warn(
        crate::report::WarningCode::StockBelowDeclared,
        vec![
            ("declared", declared.to_string()),
            ("available", available.to_string()),
            ("reservation", reservation),
        ],
    );
}

/// BB39: the request declares stock for a campaign that does not require it.
pub(crate) fn bb39(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.declared_stock.is_none() {
        return;
    }
    match stock_required(ctx) {
        Some(Ok(false)) => out.violation(Code::BB39, "declaredStock.quantity", vec![]),
        Some(Err(missing)) => out.skip(missing),
        _ => {}
    }
}
