//! The read-only context an application's rules read, built once per check.
//!
//! Building it validates the context (input errors) and classifies the
//! request's fields (faults become violations in §4.1), so that each rule is a
//! few lines over values that are known to be well-formed.

use std::borrow::Cow;

use serde_json::Value;

use crate::campaigns::built_in_terms;
use crate::document::{Badge, Campaign, CampaignType, Document, Offer, Parameter, SellingFormat};
use crate::error::{ErrorCode, InputError};
use crate::money::{grosze, Marketplace, Money};
use crate::period::{Instant, Period};
use crate::request::{self, at, Id, MoneyField};
use crate::terms::{ListedProduct, Terms};

/// The path of a missing input.
pub(crate) type Missing = Cow<'static, str>;

/// The request's campaign among `campaigns`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CampaignRef<'a> {
    /// The request's campaign id failed BB3: nothing to look up.
    Blocked,
    /// No `campaigns` in the document.
    NotGiven,
    /// `campaigns` has no campaign with the id.
    NotFound,
    /// Found, but `now` is outside its visibility period: BA10.
    Hidden,
    /// Found, at this index.
    Found(usize, &'a Campaign),
}

/// Is `now` known and outside the campaign's visibility period?
fn is_hidden(campaign: &Campaign, now: Option<Instant>) -> bool {
    match (&campaign.visibility, now) {
        (Some(v), Some(now)) => v.is_open_at(now) == Ok(false),
        _ => false,
    }
}

impl<'a> CampaignRef<'a> {
    /// The campaign, or what is missing to know it. `Blocked` and `NotFound`
    /// give `None`: the rules that need the campaign do not run (BB3 or BA10 is
    /// reported instead).
    pub(crate) fn get(self) -> Option<Result<(usize, &'a Campaign), Missing>> {
        match self {
            CampaignRef::Found(i, c) => Some(Ok((i, c))),
            CampaignRef::NotGiven => Some(Err(Cow::Borrowed("campaigns"))),
            CampaignRef::Blocked | CampaignRef::NotFound | CampaignRef::Hidden => None,
        }
    }
}

/// Where the market price M comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarketPrice {
    /// `request.prices.market`, valid.
    Suggested(i128),
    /// `metrics.lowestPrice30Days` or computed from `metrics.priceHistory`.
    Known(i128),
    /// Computed from a `metrics.priceHistory` marked inexact
    /// (`metrics.priceHistoryExact: false`): Allegro's M may be lower.
    UpperBound(i128),
    /// The suggested one failed BB5–BB7: no price rule reads it.
    Invalid,
    /// Unknown, for want of this input.
    Missing(&'static str),
}

impl MarketPrice {
    pub(crate) fn value(self) -> Result<Option<i128>, Missing> {
        match self {
            MarketPrice::Suggested(m) | MarketPrice::Known(m) | MarketPrice::UpperBound(m) => {
                Ok(Some(m))
            }
            MarketPrice::Invalid => Ok(None),
            MarketPrice::Missing(path) => Err(Cow::Borrowed(path)),
        }
    }
}

/// Everything an application's rules read.
pub(crate) struct ApplicationContext<'a> {
    pub doc: &'a Document,
    pub now: Option<Instant>,
    pub campaign_id: Id<'a>,
    pub offer_id: Id<'a>,
    /// `request.prices` is present.
    pub prices_given: bool,
    pub bargain: Option<MoneyField<'a>>,
    pub market: Option<MoneyField<'a>>,
    pub max_items: Option<&'a Value>,
    pub purchase_constraints: bool,
    /// `request.declaredStock`, when not null.
    pub declared_stock: Option<&'a Value>,
    pub declared_quantity: Option<&'a Value>,
    pub campaign: CampaignRef<'a>,
    pub terms: Terms,
    /// The base currency every request price must be in.
    pub currency: String,
    /// B, in grosze, when valid.
    pub b: Option<i128>,
    /// P, in grosze.
    pub p: Result<i128, Missing>,
    /// M.
    pub m: MarketPrice,
    pub offer: Option<&'a Offer>,
    /// The campaign's marketplace, where the offer is not listed (the
    /// warning `OFFER_NOT_ON_MARKETPLACE`; P is then unknown).
    pub not_listed: Option<Marketplace>,
    /// The request offer's badges, found on first use by the history rules:
    /// one scan of `badges`, however many rules read them.
    pub offer_badges: std::cell::OnceCell<Vec<&'a Badge>>,
    /// The index in `terms.products` of the product the offer's EANs match,
    /// found on first use (four rules read it).
    pub listed_product: std::cell::OnceCell<Option<usize>>,
    /// A plan's pair that proposes no bargain price for want of this input
    /// (docs/PLAN.md): BA2 / BA34 are then skipped for it rather than
    /// reported. Always `None` in a check.
    pub pending_bargain: Option<Missing>,
}

impl<'a> ApplicationContext<'a> {
    /// Builds the context, or says what in the context is impossible.
    pub(crate) fn new(doc: &'a Document) -> Result<Self, InputError> {
        validate_campaigns(doc)?;
        Self::with_valid_campaigns(doc)
    }

    /// [`ApplicationContext::new`] of a document whose `campaigns` were
    /// validated already ([`validate_campaigns`]): a plan's pairs share one
    /// list, validated once, not once per pair (issue 22: that made a
    /// catalogue's time grow with the square of the campaigns per offer).
    pub(crate) fn with_valid_campaigns(doc: &'a Document) -> Result<Self, InputError> {
        let req = doc.request.as_ref();
        let campaign_id = request::campaign_id(at(req, &["campaign", "id"]));
        let offer_id = request::offer_id(at(req, &["offer", "id"]));
        validate_badges(doc)?;
        let campaign = match (campaign_id, &doc.campaigns) {
            (Id::Valid(_), None) => CampaignRef::NotGiven,
            (Id::Valid(id), Some(list)) => {
                match list.iter().enumerate().find(|(_, c)| c.id == id) {
                    None => CampaignRef::NotFound,
                    // A campaign Allegro does not show cannot be found: BA10, and
                    // no other rule reads it.
                    Some((_, c)) if is_hidden(c, doc.now) => CampaignRef::Hidden,
                    Some((i, c)) => CampaignRef::Found(i, c),
                }
            }
            _ => CampaignRef::Blocked,
        };
        let given = doc.terms.clone().unwrap_or_default();
        let terms = given.merged_over(built_in_terms(campaign_id.valid().unwrap_or("")));
        let found = match campaign {
            CampaignRef::Found(_, c) => Some(c),
            _ => None,
        };
        let currency = base_currency(&terms, found);
        check_offer_id(doc.offer.as_ref(), offer_id.valid(), "request.offer.id")?;
        check_terms(&terms)?;
        let target = found
            .and_then(|c| c.marketplace.as_ref())
            .and_then(|m| m.id.as_deref())
            .and_then(Marketplace::from_id);
        let context_money = ContextMoney::check(doc, &terms, &currency, target)?;
        // Each object of the request looked up once, its members below it.
        let prices = at(req, &["prices"]);
        let constraints = at(req, &["purchaseConstraints"]);
        let declared_stock = at(req, &["declaredStock"]);
        let bargain = at(prices, &["bargain"]).map(MoneyField::read);
        let market = at(prices, &["market"]).map(MoneyField::read);
        let b = bargain
            .as_ref()
            .and_then(|f| f.valid(&currency))
            .map(grosze);
        let now = doc.now;
        let m = match &market {
            Some(field) => match field.valid(&currency) {
                Some(m) => MarketPrice::Suggested(grosze(m)),
                None => MarketPrice::Invalid,
            },
            None => context_money.market(doc, now),
        };
        Ok(ApplicationContext {
            doc,
            now,
            campaign_id,
            offer_id,
            prices_given: prices.is_some(),
            bargain,
            market,
            max_items: at(constraints, &["limit", "perUser", "maxItems"]),
            purchase_constraints: constraints.is_some(),
            declared_stock,
            declared_quantity: at(declared_stock, &["quantity"]),
            campaign,
            terms,
            currency,
            b,
            p: context_money.p,
            m,
            offer: doc.offer.as_ref(),
            not_listed: context_money.not_listed,
            offer_badges: std::cell::OnceCell::new(),
            listed_product: std::cell::OnceCell::new(),
            pending_bargain: None,
        })
    }

    /// The campaign's type, or what is missing to know it (`None`: the campaign
    /// cannot be known, BB3 or BA10 is reported).
    pub(crate) fn campaign_type(&self) -> Option<Result<CampaignType, Missing>> {
        Some(match self.campaign.get()? {
            Ok((_, c)) => c.kind.ok_or(Cow::Borrowed("campaigns[].type")),
            Err(missing) => Err(missing),
        })
    }

    /// The offer, or `path` (the field the rule reads first) as the missing
    /// input: a skipped rule names the leaf it needs, not just `offer`.
    pub(crate) fn offer_for(&self, path: &'static str) -> Result<&'a Offer, Missing> {
        self.offer.ok_or(Cow::Borrowed(path))
    }

    /// The campaign's marketplace: its `marketplace.id`, else the one of the
    /// base currency.
    pub(crate) fn campaign_marketplace(&self) -> Option<Marketplace> {
        let named = match self.campaign {
            CampaignRef::Found(_, c) => c
                .marketplace
                .as_ref()
                .and_then(|m| m.id.as_deref())
                .and_then(Marketplace::from_id),
            _ => None,
        };
        named.or_else(|| {
            Marketplace::ALL
                .into_iter()
                .find(|m| m.currency() == self.currency)
        })
    }

    /// `now`, or `now` as the missing input.
    pub(crate) fn now(&self) -> Result<Instant, Missing> {
        self.now.ok_or(Cow::Borrowed("now"))
    }

    /// The offer's current price P, in grosze.
    pub(crate) fn p(&self) -> Result<i128, Missing> {
        self.p.clone()
    }

    /// The campaign's type when it is known.
    pub(crate) fn known_type(&self) -> Option<CampaignType> {
        self.campaign_type().and_then(Result::ok)
    }

    /// The campaign's listed product matching the offer's EAN, if any (looked
    /// up once per check).
    pub(crate) fn listed_product(&self) -> Option<&ListedProduct> {
        let products = self.terms.products.as_ref()?;
        let index = self.listed_product.get_or_init(|| {
            let eans = eans(self.offer?).ok()?;
            products.iter().position(|p| eans.contains(&p.ean.as_str()))
        });
        products.get((*index)?)
    }
}

fn is_ean(p: &Parameter) -> bool {
    matches!(p.name.as_deref(), Some("EAN (GTIN)") | Some("EAN"))
}

/// The offer's EANs, from its parameters and its products' parameters, or
/// what is missing to know them.
pub(crate) fn eans(offer: &Offer) -> Result<Vec<&str>, Missing> {
    if offer.parameters.is_none() && offer.product_set.is_none() {
        return Err(Cow::Borrowed("offer.parameters"));
    }
    let own = offer.parameters.iter().flatten();
    let products = offer
        .product_set
        .iter()
        .flatten()
        .filter_map(|i| i.product.as_ref())
        .flat_map(|p| p.parameters.iter());
    Ok(own
        .chain(products)
        .filter(|p| is_ean(p))
        .flat_map(|p| p.values.iter().map(String::as_str))
        .filter(|v| !v.is_empty())
        .collect())
}

/// The base currency every request price must be in (RULES.md §4.1):
/// `terms.currency`, else the campaign's marketplace's, else PLN. An
/// application and a badge update read it alike.
pub(crate) fn base_currency(terms: &Terms, campaign: Option<&Campaign>) -> String {
    if let Some(c) = &terms.currency {
        return c.clone();
    }
    campaign
        .and_then(|c| c.marketplace.as_ref())
        .and_then(|m| m.id.as_deref())
        .and_then(Marketplace::from_id)
        .map_or_else(|| "PLN".to_owned(), |m| m.currency().to_owned())
}

/// The offer's current price P, in grosze, or what is missing to know it.
pub(crate) fn offer_price(offer: Option<&Offer>) -> Result<i128, Missing> {
    offer
        .and_then(|o| o.selling_mode.as_ref())
        .and_then(|s| s.price.as_ref())
        .map(Money::grosze)
        .ok_or(Cow::Borrowed("offer.sellingMode.price"))
}

/// The offer's price on the campaign's marketplace (RULES.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PriceOn<'a> {
    /// `offer.sellingMode.price` (the base marketplace's), or no offer price
    /// at all: read as before.
    Base,
    /// `offer.additionalMarketplaces.<id>.sellingMode.price`, at this path.
    Additional(&'a Money, &'static str),
    /// The offer is not listed on that marketplace: no approved price there.
    NotListed(Marketplace),
    /// Another marketplace's offer, and no `additionalMarketplaces` to say
    /// whether it is listed on the campaign's: P is missing at this path.
    Unknown(&'static str),
}

/// The path of the offer's price on an additional marketplace.
pub(crate) const fn additional_price_path(m: Marketplace) -> &'static str {
    match m {
        Marketplace::Pl => "offer.additionalMarketplaces.allegro-pl.sellingMode.price",
        Marketplace::Cz => "offer.additionalMarketplaces.allegro-cz.sellingMode.price",
        Marketplace::Sk => "offer.additionalMarketplaces.allegro-sk.sellingMode.price",
        Marketplace::Hu => "offer.additionalMarketplaces.allegro-hu.sellingMode.price",
    }
}

/// Where the offer's price on the campaign's marketplace is. The campaign's
/// marketplace is `target` (the campaign's `marketplace.id`), else the one
/// whose currency is the base currency. The offer is another marketplace's
/// when its `publication.marketplaces.base.id` names another one, or (base
/// not given) when `sellingMode.price` is in another currency than the base
/// one; its price there is then `additionalMarketplaces.<target>`, unless
/// that marketplace's publication state is given and not `APPROVED`.
pub(crate) fn listed_price<'a>(
    offer: Option<&'a Offer>,
    target: Option<Marketplace>,
    currency: &str,
) -> PriceOn<'a> {
    let Some(offer) = offer else {
        return PriceOn::Base;
    };
    let Some(target) = target.or_else(|| {
        Marketplace::ALL
            .into_iter()
            .find(|m| m.currency() == currency)
    }) else {
        return PriceOn::Base;
    };
    let own = offer.selling_mode.as_ref().and_then(|s| s.price.as_ref());
    let base = offer
        .publication
        .as_ref()
        .and_then(|p| p.marketplaces.as_ref())
        .and_then(|m| m.base.as_ref())
        .and_then(|b| b.id.as_deref());
    let foreign = match base {
        Some(id) => id != target.id(),
        None => own.is_some_and(|p| p.currency != currency),
    };
    if !foreign {
        return PriceOn::Base;
    }
    let path = additional_price_path(target);
    let Some(additional) = &offer.additional_marketplaces else {
        return PriceOn::Unknown(path);
    };
    let Some(entry) = additional.get(target.id()) else {
        return PriceOn::NotListed(target);
    };
    let state = entry.publication.as_ref().and_then(|p| p.state);
    if state.is_some_and(|s| s != crate::document::MarketplaceState::Approved) {
        return PriceOn::NotListed(target);
    }
    match entry.selling_mode.as_ref().and_then(|s| s.price.as_ref()) {
        Some(price) => PriceOn::Additional(price, path),
        None => PriceOn::NotListed(target),
    }
}

/// The offer's selling format, or what is missing to know it (BA70).
pub(crate) fn selling_format(offer: Option<&Offer>) -> Result<SellingFormat, Missing> {
    offer
        .and_then(|o| o.selling_mode.as_ref())
        .and_then(|s| s.format)
        .ok_or(Cow::Borrowed("offer.sellingMode.format"))
}

/// `offer.id`, when given, must be the offer the request names.
pub(crate) fn check_offer_id(
    offer: Option<&Offer>,
    requested: Option<&str>,
    named_by: &str,
) -> Result<(), InputError> {
    if let (Some(given), Some(requested)) = (offer.and_then(|o| o.id.as_deref()), requested) {
        if given != requested {
            return Err(InputError::context(
                "offer.id",
                ErrorCode::OfferMismatch,
                params([
                    ("given", given.to_owned()),
                    ("requested", requested.to_owned()),
                    ("namedBy", named_by.to_owned()),
                ]),
            ));
        }
    }
    Ok(())
}

/// Campaign ids are unique and every period has the bounds its type needs.
pub(crate) fn validate_campaigns(doc: &Document) -> Result<(), InputError> {
    let Some(campaigns) = &doc.campaigns else {
        return Ok(());
    };
    // The usual two or three are compared with those before them; a long
    // list goes through a set.
    let mut seen = std::collections::BTreeSet::new();
    let long = campaigns.len() > 16;
    for (i, c) in campaigns.iter().enumerate() {
        let repeated = if long {
            !seen.insert(c.id.as_str())
        } else {
            campaigns.iter().take(i).any(|before| before.id == c.id)
        };
        if repeated {
            return Err(InputError::context(
                format!("campaigns[{i}].id"),
                ErrorCode::DuplicateCampaign,
                params([("id", c.id.clone())]),
            ));
        }
        for (name, period) in [
            ("application", &c.application),
            ("publication", &c.publication),
            ("visibility", &c.visibility),
        ] {
            if let Some(p) = period {
                validate_period(p, || format!("campaigns[{i}].{name}"))?;
            }
        }
    }
    Ok(())
}

/// Every badge's publication period has the bounds its type needs.
pub(crate) fn validate_badges(doc: &Document) -> Result<(), InputError> {
    for (i, badge) in doc.badges.iter().flatten().enumerate() {
        if let Some(p) = &badge.publication {
            validate_period(p, || format!("badges[{i}].publication"))?;
        }
    }
    Ok(())
}

/// A period has the bounds its type needs; `path` names it, and is only
/// written out when it does not.
pub(crate) fn validate_period(
    period: &Period,
    path: impl FnOnce() -> String,
) -> Result<(), InputError> {
    period.validate().map_err(|missing| {
        InputError::context(
            format!("{}.{}", path(), missing.0),
            ErrorCode::PeriodBound,
            params([
                ("type", period.kind.as_str().to_owned()),
                ("bound", missing.0.to_owned()),
            ]),
        )
    })
}

/// Checks a context money value's currency.
pub(crate) fn check_currency(money: &Money, path: &str, currency: &str) -> Result<(), InputError> {
    if money.currency == currency {
        Ok(())
    } else {
        Err(InputError::context(
            format!("{path}.currency"),
            ErrorCode::CurrencyMismatch,
            params([
                ("currency", money.currency.clone()),
                ("expected", currency.to_owned()),
            ]),
        ))
    }
}

/// An input error's params from `(name, value)` pairs.
pub(crate) fn params<const N: usize>(pairs: [(&'static str, String); N]) -> crate::error::ParamMap {
    pairs
        .into_iter()
        .map(|(k, v)| (Cow::Borrowed(k), v))
        .collect()
}

/// The context's prices, checked against the base currency.
struct ContextMoney {
    p: Result<i128, Missing>,
    not_listed: Option<Marketplace>,
}

impl ContextMoney {
    fn check(
        doc: &Document,
        terms: &Terms,
        currency: &str,
        target: Option<Marketplace>,
    ) -> Result<Self, InputError> {
        let (p, not_listed) = match listed_price(doc.offer.as_ref(), target, currency) {
            PriceOn::Base => {
                let price = doc
                    .offer
                    .as_ref()
                    .and_then(|o| o.selling_mode.as_ref())
                    .and_then(|s| s.price.as_ref());
                if let Some(price) = price {
                    check_currency(price, "offer.sellingMode.price", currency)?;
                }
                (offer_price(doc.offer.as_ref()), None)
            }
            PriceOn::Additional(price, path) => {
                check_currency(price, path, currency)?;
                (Ok(price.grosze()), None)
            }
            PriceOn::NotListed(m) => (Err(Cow::Borrowed(additional_price_path(m))), Some(m)),
            PriceOn::Unknown(path) => (Err(Cow::Borrowed(path)), None),
        };
        if let Some(metrics) = &doc.metrics {
            if let Some(m) = &metrics.lowest_price_30_days {
                check_currency(m, "metrics.lowestPrice30Days", currency)?;
            }
            if let crate::document::Nullable::Value(a) = &metrics.average_selling_price {
                check_currency(a, "metrics.averageSellingPrice", currency)?;
            }
            for (i, entry) in metrics.price_history.iter().flatten().enumerate() {
                check_currency(
                    &entry.price,
                    &format!("metrics.priceHistory[{i}].price"),
                    currency,
                )?;
            }
        }
        for (i, product) in terms.products.iter().flatten().enumerate() {
            if let Some(m) = &product.max_price {
                check_currency(m, &format!("terms.products[{i}].maxPrice"), currency)?;
            }
        }
        if let Some(subsidy) = &terms.subsidy {
            if let Some(m) = &subsidy.max_price {
                check_currency(m, "terms.subsidy.maxPrice", currency)?;
            }
            if let Some(m) = &subsidy.target_price {
                check_currency(m, "terms.subsidy.targetPrice", currency)?;
            }
        }
        Ok(ContextMoney { p, not_listed })
    }

    /// M from `metrics` when the request suggests none.
    fn market(&self, doc: &Document, now: Option<Instant>) -> MarketPrice {
        let Some(metrics) = &doc.metrics else {
            return MarketPrice::Missing("metrics.lowestPrice30Days");
        };
        if let Some(m) = &metrics.lowest_price_30_days {
            return MarketPrice::Known(m.grosze());
        }
        let Some(history) = &metrics.price_history else {
            return MarketPrice::Missing("metrics.lowestPrice30Days");
        };
        let Some(now) = now else {
            return MarketPrice::Missing("now");
        };
        match crate::lowest::lowest_in_30_days(history, now, self.p.as_ref().ok().copied()) {
            Some(m) if metrics.price_history_exact == Some(false) => MarketPrice::UpperBound(m),
            Some(m) => MarketPrice::Known(m),
            None => MarketPrice::Missing("metrics.lowestPrice30Days"),
        }
    }
}

/// Terms percentages are percentages.
pub(crate) fn check_terms(terms: &Terms) -> Result<(), InputError> {
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    for (name, value) in [
        ("minPercent", terms.min_percent()),
        ("maxPercent", terms.max_percent()),
    ] {
        if let Some(p) = value {
            if p.0 < rust_decimal::Decimal::ZERO || p.0 > hundred {
                return Err(InputError::context(
                    format!("terms.discount.{name}"),
                    ErrorCode::PercentRange,
                    params([("value", p.to_string())]),
                ));
            }
        }
    }
    Ok(())
}
