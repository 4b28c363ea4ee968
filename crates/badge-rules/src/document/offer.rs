//! The offer, as GET /sale/product-offers/{offerId} returns it: selling
//! mode, stock, publication, parameters and linked products.

use serde::{Deserialize, Serialize};

use super::nullable::null_as_default;
use super::reference::OptionalIdRef;
use crate::money::Money;
use crate::period::Instant;

/// The offer, as GET /sale/product-offers/{offerId} returns it.
///
/// ```
/// use badge_rules::document::{Offer, OfferStatus};
/// let offer: Offer = serde_json::from_str(r#"{
///     "id": "12345678", "smart": true, "publication": {"status": "ACTIVE"},
///     "sellingMode": {"format": "BUY_NOW", "price": {"amount": "180.00", "currency": "PLN"}}
/// }"#).unwrap();
/// assert_eq!(offer.selling_mode.unwrap().price.unwrap().grosze(), 18000);
/// assert_eq!(offer.publication.unwrap().status, Some(OfferStatus::Active));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    /// The offer id; must equal the request's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Format and price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_mode: Option<SellingMode>,
    /// Stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<Stock>,
    /// Publication state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<OptionalIdRef>,
    /// Parameters (condition, EAN, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<Parameter>>,
    /// Linked catalogue products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_set: Option<Vec<ProductSetItem>>,
    /// Business-only flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b2b: Option<B2b>,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<OptionalIdRef>,
    /// Qualifies for Allegro Smart!.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smart: Option<bool>,
    /// The offer on each marketplace other than its base one, keyed by
    /// marketplace id (`allegro-cz`, ...): its publication state there and
    /// its price in that marketplace's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_marketplaces: Option<std::collections::BTreeMap<String, AdditionalMarketplace>>,
}

/// One of `offer.additionalMarketplaces`, as Allegro's offer resource
/// returns it.
///
/// ```
/// use badge_rules::document::{AdditionalMarketplace, MarketplaceState};
/// let cz: AdditionalMarketplace = serde_json::from_str(r#"{
///     "publication": {"state": "APPROVED", "refusalReasons": []},
///     "sellingMode": {"price": {"amount": "583.00", "currency": "CZK"}}
/// }"#).unwrap();
/// assert_eq!(cz.publication.unwrap().state, Some(MarketplaceState::Approved));
/// assert_eq!(cz.selling_mode.unwrap().price.unwrap().grosze(), 58300);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AdditionalMarketplace {
    /// The offer's visibility on the marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<MarketplacePublication>,
    /// The offer's price on the marketplace (`null` when it has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_mode: Option<SellingMode>,
}

/// `offer.additionalMarketplaces.<id>.publication`.
///
/// ```
/// use badge_rules::document::{MarketplacePublication, MarketplaceState};
/// let p: MarketplacePublication = serde_json::from_str(r#"{"state": "REFUSED"}"#).unwrap();
/// assert_eq!(p.state, Some(MarketplaceState::Refused));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct MarketplacePublication {
    /// Whether the offer is shown there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MarketplaceState>,
}

/// The offer's publication state on an additional marketplace.
///
/// ```
/// use badge_rules::document::MarketplaceState;
/// let s: MarketplaceState = serde_json::from_str(r#""NOT_REQUESTED""#).unwrap();
/// assert_eq!(s, MarketplaceState::NotRequested);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum MarketplaceState {
    /// Shown there (when the offer is active).
    Approved,
    /// The offer or the seller does not qualify.
    Refused,
    /// Being qualified.
    InProgress,
    /// The seller has not asked for it.
    NotRequested,
    /// Asked for, not yet qualified.
    Pending,
}

/// `offer.sellingMode`.
///
/// ```
/// use badge_rules::document::{SellingFormat, SellingMode};
/// let mode: SellingMode = serde_json::from_str(
///     r#"{"format": "BUY_NOW", "price": {"amount": "180.00", "currency": "PLN"}}"#,
/// ).unwrap();
/// assert_eq!(mode.format, Some(SellingFormat::BuyNow));
/// assert_eq!(mode.price.unwrap().amount.to_string(), "180.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct SellingMode {
    /// `BUY_NOW`, `AUCTION`, `ADVERTISEMENT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<SellingFormat>,
    /// The current price (P).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
}

/// An offer's selling format.
///
/// ```
/// use badge_rules::{check_json, Options};
/// // Only a BUY_NOW offer can take a price-changing badge (BA70).
/// let report = check_json(r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}],
///     "offer": {"id": "12345678", "sellingMode": {"format": "AUCTION"}}}"#,
///     &Options::default()).unwrap();
/// assert!(report.violations.iter().any(|v| v.code.as_str() == "BA70"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum SellingFormat {
    /// Buy now.
    BuyNow,
    /// Auction.
    Auction,
    /// Advertisement.
    Advertisement,
}

/// `offer.stock`.
///
/// ```
/// use badge_rules::document::Stock;
/// let stock: Stock = serde_json::from_str(r#"{"available": 3, "unit": "UNIT"}"#).unwrap();
/// assert_eq!(stock.available, Some(3));
/// assert!(serde_json::from_str::<Stock>(r#"{"available": "3"}"#).is_err()); // counts are integers
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Stock {
    /// Items in stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<i64>,
}

/// `offer.publication`.
///
/// ```
/// use badge_rules::document::{OfferStatus, Publication};
/// let publication: Publication = serde_json::from_str(
///     r#"{"status": "ACTIVE", "startedAt": "2026-05-31T08:00:00Z"}"#,
/// ).unwrap();
/// assert_eq!(publication.status, Some(OfferStatus::Active));
/// // A campaign for offers at most 6 months old (BA47) takes this one until:
/// let limit = publication.started_at.unwrap().plus_months(6).unwrap();
/// assert_eq!(limit.to_string(), "2026-11-30T08:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OfferStatus>,
    /// When the offer was first listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Instant>,
    /// Its marketplaces: `base` is the one `sellingMode.price` is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplaces: Option<PublicationMarketplaces>,
}

/// `offer.publication.marketplaces`.
///
/// ```
/// use badge_rules::document::PublicationMarketplaces;
/// let m: PublicationMarketplaces = serde_json::from_str(r#"{"base": {"id": "allegro-cz"}, "additional": [{"id": "allegro-pl"}]}"#).unwrap();
/// assert_eq!(m.base.unwrap().id.as_deref(), Some("allegro-cz"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct PublicationMarketplaces {
    /// The offer's base marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<OptionalIdRef>,
}

/// An offer's publication status.
///
/// ```
/// use badge_rules::{check_json, Options};
/// // An ended offer cannot apply: BA6, blamed on the offer id.
/// let report = check_json(r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "offer": {"id": "12345678", "publication": {"status": "ENDED"}}}"#,
///     &Options::default()).unwrap();
/// assert!(report.violations.iter().any(|v| v.code.as_str() == "BA6" && v.path == "offer.id"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum OfferStatus {
    /// Not listed.
    Inactive,
    /// Being listed.
    Activating,
    /// Listed.
    Active,
    /// Ended.
    Ended,
    /// Archived.
    Archived,
}

/// One of `offer.parameters` (or a product's).
///
/// ```
/// use badge_rules::document::Parameter;
/// let condition: Parameter = serde_json::from_str(
///     r#"{"id": "11323", "name": "Stan", "values": ["Nowy"], "valuesIds": ["11323_1"]}"#,
/// ).unwrap();
/// assert_eq!(condition.values_ids, ["11323_1"]); // New
/// let ean: Parameter =
///     serde_json::from_str(r#"{"name": "EAN (GTIN)", "values": ["5901234123457"]}"#).unwrap();
/// assert!(ean.id.is_none() && ean.values_ids.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    /// Parameter id (`11323` is the condition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Parameter name (`EAN (GTIN)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Values.
    #[serde(default, deserialize_with = "null_as_default")]
    pub values: Vec<String>,
    /// Dictionary value ids (`11323_1` is New).
    #[serde(default, deserialize_with = "null_as_default")]
    pub values_ids: Vec<String>,
}

/// One of `offer.productSet`.
///
/// ```
/// use badge_rules::document::ProductSetItem;
/// let item: ProductSetItem = serde_json::from_str(
///     r#"{"product": {"id": "c9e39cae-9cb6-4a8f-9e7f-3d7a3f5c2f10"}, "quantity": {"value": 1}}"#,
/// ).unwrap();
/// assert!(item.product.unwrap().id.is_some()); // the offer is linked to a product (BA58)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct ProductSetItem {
    /// The product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
}

/// A catalogue product linked to an offer.
///
/// ```
/// use badge_rules::document::Product;
/// let product: Product = serde_json::from_str(r#"{
///     "id": "c9e39cae-9cb6-4a8f-9e7f-3d7a3f5c2f10",
///     "parameters": [{"name": "EAN (GTIN)", "values": ["5901234123457"]}]
/// }"#).unwrap();
/// assert_eq!(product.parameters[0].values, ["5901234123457"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Product {
    /// Product id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Product parameters.
    #[serde(default, deserialize_with = "null_as_default")]
    pub parameters: Vec<Parameter>,
}

/// `offer.b2b`.
///
/// ```
/// use badge_rules::document::Offer;
/// let offer: Offer = serde_json::from_str(r#"{"b2b": {"buyableOnlyByBusiness": true}}"#).unwrap();
/// assert_eq!(offer.b2b.unwrap().buyable_only_by_business, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct B2b {
    /// Only business customers may buy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyable_only_by_business: Option<bool>,
}
