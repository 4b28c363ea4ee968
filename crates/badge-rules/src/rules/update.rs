//! RULES.md §4.7: a badge update (PATCH
//! /sale/badges/offers/{offerId}/campaigns/{campaignId}). This is every rule of
//! a badge update; §4.4–§4.6 do not apply.
//!
//! The body decides the operation: `process` finishes the badge, `prices`
//! changes its price. BB16, BB15 and BB17 end the check: with them only the
//! path parameters are still checked.

use std::borrow::Cow;

use super::context::{
    additional_price_path, base_currency, check_currency, check_offer_id, check_terms,
    listed_price, offer_price, params, selling_format, validate_badges, validate_campaigns,
    PriceOn,
};
use super::prices::{bargain_above_price, ladder, ladder_range, show_hint, skip_depth, LADDER};
use super::range::Range;
use super::rule::{need, rule, Need, Out, Rule};
use super::shape;
use crate::campaigns::built_in_terms;
use crate::catalogue::Code;
use crate::document::{Badge, Campaign, CampaignType, Document, RequestStatus, SellingFormat};
use crate::error::{ErrorCode, InputError};
use crate::money::grosze;
use crate::period::{Instant, PeriodType};
use crate::request::{at, is_offer_id, MoneyField};
use crate::terms::Terms;

/// The field a refused price change blames: the new price.
const PRICE: &str = "prices.bargain.value.amount";
/// The field a refused finish blames.
const STATUS: &str = "process.status";

/// What the body asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operation {
    /// `prices`: change the bargain price.
    PriceChange,
    /// `process`: finish the badge.
    Finish,
    /// BB16 (neither), BB15 (both) or BB17 (status not FINISHED).
    Refused(Code),
}

/// Everything a badge update's rules read.
pub(crate) struct UpdateContext<'a> {
    pub doc: &'a Document,
    pub now: Option<Instant>,
    pub offer_id: Option<&'a str>,
    pub campaign_id: Option<&'a str>,
    pub operation: Operation,
    pub bargain: Option<MoneyField<'a>>,
    pub currency: String,
    pub terms: Terms,
    /// `None`: `campaigns` not given.
    pub campaign: Option<Option<&'a Campaign>>,
    /// The offer's badges, when `badges` is given.
    pub badges: Option<Vec<&'a Badge>>,
    /// The badge in the campaign.
    pub badge: Option<&'a Badge>,
    pub b: Option<i128>,
    /// P: the offer's price on the campaign's marketplace (RULES.md §3).
    pub p: Need<i128>,
}

impl<'a> UpdateContext<'a> {
    pub(crate) fn new(doc: &'a Document) -> Result<Self, InputError> {
        validate_campaigns(doc)?;
        let req = doc.request.as_ref();
        let offer_id = doc.offer_id.as_deref().filter(|id| is_offer_id(id));
        let campaign_id = doc
            .campaign_id
            .as_deref()
            .filter(|id| !id.trim().is_empty());
        check_offer_id(doc.offer.as_ref(), offer_id, "offerId")?;
        let prices = at(req, &["prices"]);
        let process = at(req, &["process"]);
        let operation = match (prices, process) {
            (None, None) => Operation::Refused(Code::BB16),
            (Some(_), Some(_)) => Operation::Refused(Code::BB15),
            (Some(_), None) => Operation::PriceChange,
            (None, Some(_)) => {
                if at(process, &["status"]).and_then(|s| s.as_str()) == Some("FINISHED") {
                    Operation::Finish
                } else {
                    Operation::Refused(Code::BB17)
                }
            }
        };
        let campaign = doc
            .campaigns
            .as_ref()
            .map(|list| list.iter().find(|c| Some(c.id.as_str()) == campaign_id));
        let given = doc.terms.clone().unwrap_or_default();
        let terms = given.merged_over(built_in_terms(campaign_id.unwrap_or("")));
        check_terms(&terms)?;
        let currency = base_currency(&terms, campaign.flatten());
        let target = campaign
            .flatten()
            .and_then(|c| c.marketplace.as_ref())
            .and_then(|m| m.id.as_deref())
            .and_then(crate::money::Marketplace::from_id);
        let p = match listed_price(doc.offer.as_ref(), target, &currency) {
            PriceOn::Base => {
                if let Some(price) = doc
                    .offer
                    .as_ref()
                    .and_then(|o| o.selling_mode.as_ref())
                    .and_then(|s| s.price.as_ref())
                {
                    check_currency(price, "offer.sellingMode.price", &currency)?;
                }
                offer_price(doc.offer.as_ref())
            }
            PriceOn::Additional(price, path) => {
                check_currency(price, path, &currency)?;
                Ok(price.grosze())
            }
            PriceOn::NotListed(m) => Err(Cow::Borrowed(additional_price_path(m))),
            PriceOn::Unknown(path) => Err(Cow::Borrowed(path)),
        };
        validate_badges(doc)?;
        let badges = match (&doc.badges, offer_id) {
            (Some(list), Some(offer)) => Some(
                list.iter()
                    .filter(|b| b.offer.id == offer)
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        };
        let badge = match (&badges, campaign_id) {
            (Some(list), Some(campaign)) => pick_badge(list, campaign)?,
            _ => None,
        };
        if let Some((badge, market)) =
            badge.and_then(|b| Some((b, b.prices.as_ref()?.market.as_ref()?)))
        {
            // The badge's place in `badges` (it is one of them: `badges`
            // holds it), so that the path names it.
            let index = doc
                .badges
                .as_deref()
                .and_then(|all| all.iter().position(|b| std::ptr::eq(b, badge)))
                .map_or_else(String::new, |i| i.to_string());
            check_currency(market, &format!("badges[{index}].prices.market"), &currency)?;
        }
        let bargain = if operation == Operation::PriceChange {
            Some(
                at(req, &["prices", "bargain", "value"])
                    .map(MoneyField::read)
                    .unwrap_or(MoneyField {
                        amount: Err(crate::money::AmountFault::NotANumber),
                        currency: None,
                    }),
            )
        } else {
            None
        };
        let b = bargain
            .as_ref()
            .and_then(|f| f.valid(&currency))
            .map(grosze);
        Ok(UpdateContext {
            doc,
            now: doc.now,
            offer_id,
            campaign_id,
            operation,
            bargain,
            currency,
            terms,
            campaign,
            badges,
            badge,
            b,
            p,
        })
    }

    fn price_change(&self) -> bool {
        self.operation == Operation::PriceChange
    }

    fn campaign_type(&self) -> Need<Option<CampaignType>> {
        match self.campaign {
            None => Err(Cow::Borrowed("campaigns")),
            Some(None) => Ok(None),
            Some(Some(c)) => Ok(c.kind),
        }
    }

    fn p(&self) -> Need<i128> {
        self.p.clone()
    }
}

/// The offer's badge in `campaign`: the live one (two live ones cannot be),
/// else the first final one by (status, market price).
fn pick_badge<'a>(list: &[&'a Badge], campaign: &str) -> Result<Option<&'a Badge>, InputError> {
    let mine: Vec<&Badge> = list
        .iter()
        .copied()
        .filter(|b| b.campaign.id == campaign)
        .collect();
    let live = mine.iter().filter(|b| !b.process.status.is_final()).count();
    if live > 1 {
        return Err(InputError::context(
            "badges",
            ErrorCode::LiveBadges,
            params([
                ("count", live.to_string()),
                ("campaign", campaign.to_owned()),
            ]),
        ));
    }
    Ok(mine.into_iter().min_by_key(|b| {
        (
            b.process.status.is_final(),
            b.process.status,
            b.prices
                .as_ref()
                .and_then(|p| p.market.as_ref())
                .map(|m| m.grosze()),
            // The last tie-breaker makes the choice independent of list order.
            serde_json::to_string(&b.publication).unwrap_or_default(),
        )
    }))
}

/// BB16, BB15 and BB17 end the check: with them only the path parameters
/// (and the account) are still checked, so every other rule returns at once.
fn refused(ctx: &UpdateContext<'_>) -> bool {
    matches!(ctx.operation, Operation::Refused(_))
}

/// BB12: a `REQUESTED` operation for the same offer and campaign.
fn bb12(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    let (Some(offer), Some(campaign)) = (ctx.offer_id, ctx.campaign_id) else {
        return;
    };
    let ops = need!(
        out,
        ctx.doc
            .operations
            .as_deref()
            .ok_or(Cow::Borrowed("operations"))
    );
    if ops.iter().any(|o| {
        o.offer.id == offer
            && o.campaign.id == campaign
            && o.process.status == RequestStatus::Requested
    }) {
        out.violation(Code::BB12, "offerId", vec![]);
    }
}

/// BB16 / BB15 / BB17: the body asks for no operation, both, or a finish
/// with a status other than `FINISHED`.
fn body(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    match ctx.operation {
        Operation::Refused(Code::BB17) => out.violation(Code::BB17, STATUS, vec![]),
        Operation::Refused(code) => out.violation(code, "", vec![]),
        _ => {}
    }
}

/// BB11 / BB3: the path parameters.
fn path_parameters(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if ctx.offer_id.is_none() {
        out.violation(Code::BB11, "offerId", vec![]);
    }
    if ctx.campaign_id.is_none() {
        out.violation(Code::BB3, "campaignId", vec![]);
    }
}

/// BA10: `campaigns` holds no campaign with `campaignId`.
fn ba10(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    let Some(id) = ctx.campaign_id else {
        return;
    };
    match ctx.campaign {
        None => out.skip(Cow::Borrowed("campaigns")),
        Some(None) => out.violation(
            Code::BA10,
            "campaignId",
            vec![("campaignId", id.to_owned())],
        ),
        Some(Some(_)) => {}
    }
}

/// BB6 / BB7 / BB5 on `prices.bargain.value`.
fn value_shape(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    if let Some(field) = &ctx.bargain {
        shape::amount(field, PRICE, out);
        shape::currency(field, "prices.bargain.value.currency", &ctx.currency, out);
    }
}

fn badges<'c, 'a>(ctx: &'c UpdateContext<'a>) -> Need<&'c [&'a Badge]> {
    ctx.badges.as_deref().ok_or(Cow::Borrowed("badges"))
}

/// BA62 / BA75: no badge for the offer / none in this campaign.
fn badge_exists(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    if ctx.offer_id.is_none() || ctx.campaign_id.is_none() {
        return;
    }
    let list = need!(out, badges(ctx));
    if list.is_empty() {
        out.violation(Code::BA62, "offerId", vec![]);
    } else if ctx.badge.is_none() {
        out.violation(Code::BA75, "campaignId", vec![]);
    }
}

/// BA60: a price change on a `STANDARD` campaign's badge.
fn ba60(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    if !ctx.price_change() || ctx.campaign_id.is_none() {
        return;
    }
    if need!(out, ctx.campaign_type()) == Some(CampaignType::Standard) {
        out.violation(Code::BA60, PRICE, vec![]);
    }
}

/// BA63 / BA76: the terms forbid a price change / finishing.
fn terms_forbid(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    match ctx.operation {
        Operation::PriceChange if ctx.terms.bargain_editable == Some(false) => {
            out.violation(Code::BA63, PRICE, vec![]);
        }
        Operation::Finish if ctx.terms.finish_allowed == Some(false) => {
            out.violation(Code::BA76, STATUS, vec![]);
        }
        _ => {}
    }
}

/// BA77 / BA61: finishing, or changing the price of, a badge that is already
/// `FINISHED` or `DECLINED`.
fn final_badge(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    let Some(badge) = ctx.badge else {
        return;
    };
    if !badge.process.status.is_final() {
        return;
    }
    match ctx.operation {
        Operation::Finish => out.violation(Code::BA77, STATUS, vec![]),
        Operation::PriceChange => out.violation(Code::BA61, PRICE, vec![]),
        Operation::Refused(_) => {}
    }
}

/// BA74: the badge's publication period has ended (`null` never ends).
fn ba74(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    let Some(publication) = ctx.badge.and_then(|b| b.publication.as_ref()) else {
        return;
    };
    if !matches!(publication.kind, PeriodType::Until | PeriodType::Within) {
        return;
    }
    let now = need!(out, ctx.now.ok_or(Cow::Borrowed("now")));
    if publication.has_ended_at(now) == Ok(true) {
        out.violation(Code::BA74, "offerId", vec![]);
    }
}

/// BA70: a price change on an offer that is not `BUY_NOW`.
fn ba70(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    if ctx.price_change()
        && need!(out, selling_format(ctx.doc.offer.as_ref())) != SellingFormat::BuyNow
    {
        out.violation(Code::BA70, "offerId", vec![]);
    }
}

/// BA12: the new bargain price is above the offer's price.
fn ba12(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    bargain_above_price(ctx.b, ctx.p(), PRICE, out);
}

/// BA12's bound: no new bargain price above P passes.
fn ba12_bound(ctx: &UpdateContext<'_>, range: &mut Range) {
    if let Ok(p) = ctx.p() {
        range.at_most(p);
    }
}

/// The badge's market price M when the market ladder runs: `campaigns` shows
/// the campaign is `DISCOUNT` and the badge lists `prices.market`.
fn ladder_market(ctx: &UpdateContext<'_>) -> Option<i128> {
    let discount = matches!(ctx.campaign, Some(Some(c)) if c.kind == Some(CampaignType::Discount));
    let m = ctx.badge?.prices.as_ref()?.market.as_ref()?;
    discount.then(|| m.grosze())
}

/// The market ladder's bound against the badge's market price, when it
/// runs; when it may run but cannot (no `campaigns`, a campaign without its
/// type, a `DISCOUNT` badge without `prices.market`), every code of the
/// ladder is unapplied.
fn ladder_bound(ctx: &UpdateContext<'_>, range: &mut Range) {
    if let Some(m) = ladder_market(ctx) {
        return ladder_range(m, &ctx.terms, range);
    }
    let may_run = match ctx.campaign {
        None => true,
        Some(Some(c)) => matches!(c.kind, None | Some(CampaignType::Discount)),
        Some(None) => false,
    };
    if may_run && ctx.badge.is_some() {
        for code in LADDER {
            range.unapplied(code);
        }
    }
}

/// `hints.bargain` for a price change (RULES.md §6): the new bargain prices
/// that pass every price rule of the update that can be evaluated (BA12's
/// bound, and the market ladder's when it runs), so a form can show the range
/// before the seller types. None for a campaign Allegro cannot find (BA10) or
/// a `STANDARD` one, which has no bargain price (BA60).
pub(crate) fn hint(ctx: &UpdateContext<'_>, range: Range, out: &mut Out<'_>) {
    if !ctx.price_change() {
        return;
    }
    match ctx.campaign {
        Some(None) => return,
        Some(Some(c)) if c.kind == Some(CampaignType::Standard) => return,
        _ => {}
    }
    show_hint(range.ends(), &range, &ctx.currency, out);
}

/// The market ladder against the badge's market price, only when `campaigns`
/// shows the campaign is `DISCOUNT`: GET /sale/badges shows ACTIVE badges
/// priced above their listed market price in campaigns of other types, so a
/// ladder on a campaign of unknown type would refuse what Allegro accepts.
fn market_ladder(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if refused(ctx) {
        return;
    }
    let (Some(b), Some(badge)) = (ctx.b, ctx.badge) else {
        return;
    };
    let kind = match ctx.campaign {
        None => return out.skip(Cow::Borrowed("campaigns")),
        // Not in `campaigns`: BA10, and no rule reads the campaign.
        Some(None) => return,
        Some(Some(c)) => c.kind,
    };
    match kind {
        None => return out.skip(Cow::Borrowed("campaigns[].type")),
        Some(CampaignType::Discount) => {}
        Some(_) => return,
    }
    let m = need!(
        out,
        badge
            .prices
            .as_ref()
            .and_then(|p| p.market.as_ref())
            .ok_or(Cow::Borrowed("badges[].prices.market"))
    );
    let min = ctx.terms.min_percent().map(|p| p.basis_points());
    let max = ctx.terms.max_percent().map(|p| p.basis_points());
    match ladder(b, m.grosze(), min, max) {
        Some((code, params)) => out.violation(code, PRICE, params),
        None => skip_depth(&ctx.terms, out),
    }
}

/// BB2: `terms.requireCompanyAccount` (default true) and not a Company
/// account (Allegro's OpenAPI: 403 BB2 on the PATCH).
fn bb2(ctx: &UpdateContext<'_>, out: &mut Out<'_>) {
    if ctx.terms.require_company_account == Some(true) {
        super::account::company_account(ctx.doc.account.as_ref(), out);
    }
}

/// Every rule of a badge update, in report order: a pending operation
/// first (RULES.md's table order), then the rules that run whatever the body
/// (the body, the path parameters, the account), then the operation's. When
/// the body is refused (BB16, BB15, BB17) the operation's rules and BB12 do
/// not run ([`refused`]).
pub(crate) fn rules<'a>() -> &'a [Rule<UpdateContext<'a>>] {
    &[
        rule!("4.7", bb12, BB12),
        rule!("4.7", body, BB16, BB15, BB17),
        rule!("4.7", path_parameters, BB11, BB3),
        rule!("4.5", bb2, BB2),
        rule!("4.7", ba10, BA10),
        rule!("4.7", value_shape, BB6, BB7, BB5),
        rule!("4.7", badge_exists, BA62, BA75),
        rule!("4.7", ba60, BA60),
        rule!("4.7", terms_forbid, BA63, BA76),
        rule!("4.7", final_badge, BA77, BA61),
        rule!("4.7", ba74, BA74),
        rule!("4.7", ba70, BA70),
        rule!("4.7", ba12, bound ba12_bound, BA12),
        rule!("4.7", market_ladder, bound ladder_bound, BA14, BA13, BA16, BA49, BA50),
    ]
}
