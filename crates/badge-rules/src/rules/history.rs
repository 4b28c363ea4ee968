//! RULES.md §4.6: history (needs `badges` / `applications`).

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::context::ApplicationContext;
use super::rule::{need, Need, Out};
use crate::catalogue::Code;
use crate::document::{Application, Badge, BadgeStatus, RequestStatus};
use crate::report::ALLEGRO_PRICES_INPUT;

/// The request's offer and campaign, when both passed their shape checks.
fn subject<'a>(ctx: &ApplicationContext<'a>) -> Option<(&'a str, &'a str)> {
    Some((ctx.offer_id.valid()?, ctx.campaign_id.valid()?))
}

/// The badges of `offer` (the request's), from one scan of `badges` shared
/// by every rule that reads them.
fn offer_badges<'c, 'a>(ctx: &'c ApplicationContext<'a>, offer: &str) -> Need<&'c [&'a Badge]> {
    let list = ctx.doc.badges.as_deref().ok_or(Cow::Borrowed("badges"))?;
    Ok(ctx
        .offer_badges
        .get_or_init(|| list.iter().filter(|b| b.offer.id == offer).collect()))
}

fn applications<'a>(ctx: &ApplicationContext<'a>) -> Need<&'a [Application]> {
    ctx.doc
        .applications
        .as_deref()
        .ok_or(Cow::Borrowed("applications"))
}

/// BB12: an application for the same offer and campaign is `REQUESTED`.
pub(crate) fn bb12(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((offer, campaign)) = subject(ctx) else {
        return;
    };
    let list = need!(out, applications(ctx));
    if list.iter().any(|a| {
        a.offer.id == offer
            && a.campaign.id == campaign
            && a.process.status == RequestStatus::Requested
    }) {
        out.violation(Code::BB12, "offer.id", vec![]);
    }
}

/// BA1 / BA15: a badge for the same offer and campaign is being verified /
/// waiting for publication or active.
pub(crate) fn ba1_ba15(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((offer, campaign)) = subject(ctx) else {
        return;
    };
    let list = need!(out, offer_badges(ctx, offer));
    let (mut verified, mut live) = (false, false);
    for badge in list.iter().filter(|b| b.campaign.id == campaign) {
        match badge.process.status {
            BadgeStatus::InVerification => verified = true,
            BadgeStatus::WaitingForPublication | BadgeStatus::Active => live = true,
            _ => {}
        }
    }
    if verified {
        out.violation(Code::BA1, "offer.id", vec![]);
    }
    if live {
        out.violation(Code::BA15, "offer.id", vec![]);
    }
}

/// BA24: a price-lowering campaign, and the offer has a live badge in another
/// campaign that `campaigns` shows lowers the price, or `allegroPrices` shows
/// the offer discounted in Allegro Prices on the campaign's marketplace
/// (skipped for want of `allegroPrices` when no badge decides it).
pub(crate) fn ba24(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some((offer, campaign)) = subject(ctx) else {
        return;
    };
    let Some(kind) = ctx.campaign_type() else {
        return;
    };
    let list = need!(out, offer_badges(ctx, offer));
    let mut live_elsewhere = list
        .iter()
        .filter(|b| b.campaign.id != campaign && !b.process.status.is_final())
        .peekable();
    let mut others = BTreeSet::new();
    let mut unknown = false;
    if live_elsewhere.peek().is_some() {
        let campaigns = need!(
            out,
            ctx.doc
                .campaigns
                .as_deref()
                .ok_or(Cow::Borrowed("campaigns"))
        );
        lowering_campaigns(campaigns, live_elsewhere, &mut others, &mut unknown);
    }
    let lowers = need!(out, kind).lowers_price();
    if !lowers {
        return;
    }
    if others.is_empty() {
        if unknown {
            out.skip(Cow::Borrowed("campaigns[].type"));
            return;
        }
        // Allegro Prices is not in `badges` since 2026-08-18: its own answer,
        // without which the engine cannot see it (RULES.md §4.6).
        let Some(prices) = ctx.doc.allegro_prices.as_ref() else {
            out.skip(Cow::Borrowed(ALLEGRO_PRICES_INPUT));
            return;
        };
        let marketplace = ctx.campaign_marketplace();
        let discounted = prices.offers.iter().any(|o| {
            o.id == offer
                && o.is_discounted()
                && match (
                    marketplace,
                    o.marketplace.as_ref().and_then(|m| m.id.as_deref()),
                ) {
                    (Some(wanted), Some(given)) => wanted.id() == given,
                    _ => true,
                }
        });
        if !discounted {
            return;
        }
        others.insert(ALLEGRO_PRICES);
    }
    out.violation(
        Code::BA24,
        "offer.id",
        vec![(
            "otherCampaignId",
            others.into_iter().collect::<Vec<_>>().join(","),
        )],
    );
}

/// BA24's name for Allegro Prices among the other campaigns.
const ALLEGRO_PRICES: &str = "ALLEGRO_PRICES";

/// The price-lowering campaigns of `live` badges, as `campaigns` describes
/// them; `unknown` when one is not described.
fn lowering_campaigns<'a>(
    campaigns: &[crate::document::Campaign],
    live: impl Iterator<Item = &'a &'a Badge>,
    others: &mut BTreeSet<&'a str>,
    unknown: &mut bool,
) {
    for badge in live {
        match campaigns
            .iter()
            .find(|c| c.id == badge.campaign.id)
            .and_then(|c| c.kind)
        {
            Some(k) if k.lowers_price() => {
                others.insert(badge.campaign.id.as_str());
            }
            Some(_) => {}
            // A campaign `campaigns` does not describe might lower the price.
            None => *unknown = true,
        }
    }
}

/// BA45: `terms.maxApplicationsPer24h` = n and n or more applications for the
/// same offer and campaign were created in (now − 24 h, now].
pub(crate) fn ba45(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(limit) = ctx.terms.max_applications_per_24h else {
        return;
    };
    let Some((offer, campaign)) = subject(ctx) else {
        return;
    };
    let list = need!(out, applications(ctx));
    let now = need!(out, ctx.now());
    let Some(start) = now.minus_hours(24) else {
        return;
    };
    let recent = list
        .iter()
        .filter(|a| a.offer.id == offer && a.campaign.id == campaign)
        .filter(|a| a.created_at.is_some_and(|t| start < t && t <= now))
        .count();
    if recent >= limit as usize {
        out.violation(
            Code::BA45,
            "offer.id",
            vec![
                ("applications", recent.to_string()),
                ("maxApplicationsPer24h", limit.to_string()),
            ],
        );
    }
}
