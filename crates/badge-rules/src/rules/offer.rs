//! RULES.md §4.4: the offer (needs `offer`, and the campaign's terms).

use std::borrow::Cow;

use super::context::ApplicationContext;
use super::range::Range;
use super::rule::{need, Need, Out};
use crate::catalogue::Code;
use crate::document::{Offer, OfferStatus};
use crate::money::show_grosze as show;
use crate::terms::Audience;

/// The condition parameter ("Stan") and its New value ("Nowy").
const CONDITION: &str = "11323";
const NEW: &str = "11323_1";

fn field<T>(value: Option<T>, path: &'static str) -> Need<T> {
    value.ok_or(Cow::Borrowed(path))
}

/// BA9: the offer's seller and the account are both known and differ.
pub(crate) fn ba9(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let seller = ctx
        .offer
        .and_then(|o| o.seller.as_ref())
        .and_then(|s| s.id.as_deref());
    let account = ctx.doc.account.as_ref().and_then(|a| a.id.as_deref());
    if let (Some(seller), Some(account)) = (seller, account) {
        if seller != account {
            out.violation(Code::BA9, "offer.id", vec![]);
        }
    }
}

/// BA6, BA52, BA48, BA51: the offer is ended, inactive, activating or archived.
pub(crate) fn status(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let offer = need!(out, ctx.offer_for("offer.publication.status"));
    let status = need!(
        out,
        field(
            offer.publication.as_ref().and_then(|p| p.status),
            "offer.publication.status"
        )
    );
    let code = match status {
        OfferStatus::Ended => Code::BA6,
        OfferStatus::Inactive => Code::BA52,
        OfferStatus::Activating => Code::BA48,
        OfferStatus::Archived => Code::BA51,
        OfferStatus::Active => return,
    };
    out.violation(code, "offer.id", vec![]);
}

/// `offer.stock.available`.
fn stock(offer: &Offer) -> Need<i64> {
    field(
        offer.stock.as_ref().and_then(|s| s.available),
        "offer.stock.available",
    )
}

/// BA17: fewer items than `terms.minStock` (default 1).
pub(crate) fn ba17(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(min) = ctx.terms.min_stock else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.stock.available"));
    let available = need!(out, stock(offer));
    if available < min {
        out.violation(
            Code::BA17,
            "offer.id",
            vec![
                ("available", available.to_string()),
                ("minStock", min.to_string()),
            ],
        );
    }
}

/// BA43: `terms.requireNewCondition` and the condition is not New.
pub(crate) fn ba43(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.terms.require_new_condition != Some(true) {
        return;
    }
    let offer = need!(out, ctx.offer_for("offer.parameters"));
    let parameters = need!(out, field(offer.parameters.as_ref(), "offer.parameters"));
    let is_new = parameters
        .iter()
        .any(|p| p.id.as_deref() == Some(CONDITION) && p.values_ids.iter().any(|v| v == NEW));
    if !is_new {
        out.violation(Code::BA43, "offer.id", vec![]);
    }
}

/// BA42: `terms.requireSmart` and the offer is not Smart!.
pub(crate) fn ba42(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.terms.require_smart != Some(true) {
        return;
    }
    let offer = need!(out, ctx.offer_for("offer.smart"));
    if !need!(out, field(offer.smart, "offer.smart")) {
        out.violation(Code::BA42, "offer.id", vec![]);
    }
}

/// BA47: listed more than `terms.maxOfferAgeMonths` calendar months ago.
pub(crate) fn ba47(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(months) = ctx.terms.max_offer_age_months else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.publication.startedAt"));
    let started = need!(
        out,
        field(
            offer.publication.as_ref().and_then(|p| p.started_at),
            "offer.publication.startedAt"
        )
    );
    let now = need!(out, ctx.now());
    // A limit beyond the calendar (year 9999) is never reached.
    if let Some(limit) = started.plus_months(months) {
        if now > limit {
            out.violation(
                Code::BA47,
                "offer.id",
                vec![
                    ("startedAt", started.to_string()),
                    ("maxOfferAgeMonths", months.to_string()),
                ],
            );
        }
    }
}

/// BA46: the offer's category is not among `terms.categoryIds`.
pub(crate) fn ba46(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(allowed) = ctx.terms.category_ids.as_ref().filter(|c| !c.is_empty()) else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.category.id"));
    let category = need!(out, category(offer));
    if !allowed.iter().any(|c| c == category) {
        out.violation(
            Code::BA46,
            "offer.id",
            vec![("categoryId", category.to_owned())],
        );
    }
}

fn category(offer: &Offer) -> Need<&str> {
    field(
        offer.category.as_ref().and_then(|c| c.id.as_deref()),
        "offer.category.id",
    )
}

/// BA53: fewer items sold over 30 days than `terms.minSoldLast30Days`.
pub(crate) fn ba53(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(min) = ctx.terms.min_sold_last_30_days else {
        return;
    };
    let sold = need!(
        out,
        field(
            ctx.doc.metrics.as_ref().and_then(|m| m.sold_last_30_days),
            "metrics.soldLast30Days"
        )
    );
    if sold < min {
        out.violation(
            Code::BA53,
            "offer.id",
            vec![
                ("soldLast30Days", sold.to_string()),
                ("minSoldLast30Days", min.to_string()),
            ],
        );
    }
}

/// BA58: `terms.requireProductLink` and no catalogue product is linked.
pub(crate) fn ba58(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.terms.require_product_link != Some(true) {
        return;
    }
    let offer = need!(out, ctx.offer_for("offer.productSet"));
    let set = need!(out, field(offer.product_set.as_ref(), "offer.productSet"));
    let linked = set.iter().any(|item| {
        item.product
            .as_ref()
            .is_some_and(|p| p.id.as_deref().is_some_and(|id| !id.is_empty()))
    });
    if !linked {
        out.violation(Code::BA58, "offer.id", vec![]);
    }
}

/// BA67 / BA68: the offer's audience differs from `terms.audience`.
pub(crate) fn audience(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let (code, wanted_b2b) = match ctx.terms.audience {
        Some(Audience::BusinessOnly) => (Code::BA67, true),
        Some(Audience::Consumers) => (Code::BA68, false),
        Some(Audience::All) | None => return,
    };
    let offer = match ctx.offer_for("offer.b2b.buyableOnlyByBusiness") {
        Ok(o) => o,
        Err(missing) => return out.skip_code(code, missing),
    };
    match offer.b2b.as_ref().and_then(|b| b.buyable_only_by_business) {
        Some(b2b) if b2b != wanted_b2b => out.violation(code, "offer.id", vec![]),
        Some(_) => {}
        None => out.skip_code(code, "offer.b2b.buyableOnlyByBusiness"),
    }
}

/// BA31 / BA30: a product list, and the offer has no EAN / an unlisted one.
pub(crate) fn ean(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(products) = ctx.terms.products.as_ref().filter(|p| !p.is_empty()) else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.parameters"));
    let eans = need!(out, super::context::eans(offer));
    if eans.is_empty() {
        out.violation(Code::BA31, "offer.id", vec![]);
    } else if !products.iter().any(|p| eans.contains(&p.ean.as_str())) {
        out.violation(Code::BA30, "offer.id", vec![("ean", eans.join(","))]);
    }
}

/// BA29: the listed product's `maxPrice` is below B.
pub(crate) fn ba29(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let (Some(product), Some(b)) = (ctx.listed_product(), ctx.b) else {
        return;
    };
    if let Some(max) = &product.max_price {
        if max.grosze() < b {
            out.violation(
                Code::BA29,
                "prices.bargain.amount",
                vec![("bargain", show(b)), ("maxPrice", show(max.grosze()))],
            );
        }
    }
}

/// BA29's bound: no bargain price above the listed product's `maxPrice` passes.
pub(crate) fn ba29_bound(ctx: &ApplicationContext<'_>, range: &mut Range) {
    if let Some(max) = ctx.listed_product().and_then(|p| p.max_price.as_ref()) {
        range.at_most(max.grosze());
    }
}

/// BA35: the listed product's `minQuantity` is above the offer's stock.
pub(crate) fn ba35(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(min) = ctx.listed_product().and_then(|p| p.min_quantity) else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.stock.available"));
    let available = need!(out, stock(offer));
    if min > available {
        out.violation(
            Code::BA35,
            "offer.id",
            vec![
                ("available", available.to_string()),
                ("minQuantity", min.to_string()),
            ],
        );
    }
}

/// BA32: the listed product's category differs from the offer's.
pub(crate) fn ba32(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(wanted) = ctx.listed_product().and_then(|p| p.category_id.as_deref()) else {
        return;
    };
    let offer = need!(out, ctx.offer_for("offer.category.id"));
    let category = need!(out, category(offer));
    if category != wanted {
        out.violation(
            Code::BA32,
            "offer.id",
            vec![
                ("categoryId", category.to_owned()),
                ("expectedCategoryId", wanted.to_owned()),
            ],
        );
    }
}

/// BA71 / BA72: `terms.subsidy`: P above `maxPrice` / P at or below `targetPrice`.
pub(crate) fn subsidy(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(subsidy) = &ctx.terms.subsidy else {
        return;
    };
    let p = match ctx.p() {
        Ok(p) => p,
        Err(missing) => {
            if subsidy.max_price.is_some() {
                out.skip_code(Code::BA71, missing.clone());
            }
            if subsidy.target_price.is_some() {
                out.skip_code(Code::BA72, missing);
            }
            return;
        }
    };
    if let Some(max) = &subsidy.max_price {
        if p > max.grosze() {
            out.violation(
                Code::BA71,
                "offer.id",
                vec![("price", show(p)), ("maxPrice", show(max.grosze()))],
            );
        }
    }
    if let Some(target) = &subsidy.target_price {
        if p <= target.grosze() {
            out.violation(
                Code::BA72,
                "offer.id",
                vec![("price", show(p)), ("targetPrice", show(target.grosze()))],
            );
        }
    }
}
