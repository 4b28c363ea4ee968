//! The check document: what the caller hands in (RULES.md §2–§3).
//!
//! One JSON object describes one check. `kind` picks the operation, `request`
//! is what would be sent to Allegro, and every other field is context the
//! integrator already holds, named as Allegro's API names it. Unknown fields are
//! ignored, so whole API responses can be passed as they are.
//!
//! The `request` is kept as JSON ([`serde_json::Value`]): its shape is
//! Allegro's to judge, and a wrong one is a violation with Allegro's code
//! (BB6 for a price that is not a number), not an input error. Everything else
//! is typed, and a wrong type there is an [`InputError`](crate::InputError).
//!
//! ```
//! use badge_rules::document::{Document, Kind};
//!
//! let doc: Document = serde_json::from_str(r#"{
//!     "kind": "application",
//!     "now": "2026-11-23T12:00:00Z",
//!     "request": {"campaign": {"id": "SANDBOX_TEST_CAMPAIGN"}, "offer": {"id": "12345678"}},
//!     "offer": {"id": "12345678", "stock": {"available": 3}, "extra": "ignored"}
//! }"#).unwrap();
//! assert_eq!(doc.kind, Kind::Application);
//! assert_eq!(doc.offer.unwrap().stock.unwrap().available, Some(3));
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::money::{Money, Percent};
use crate::period::{Instant, Period};
use crate::terms::Terms;

/// The operation a document checks.
///
/// ```
/// use badge_rules::Kind;
/// let kind: Kind = serde_json::from_str(r#""badgeUpdate""#).unwrap();
/// assert_eq!(kind, Kind::BadgeUpdate);
/// assert_eq!(serde_json::to_string(&Kind::CampaignsQuery).unwrap(), r#""campaignsQuery""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Kind {
    /// POST /sale/badges.
    Application,
    /// PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}.
    BadgeUpdate,
    /// GET /sale/badge-campaigns.
    CampaignsQuery,
    /// GET /sale/badge-applications.
    ApplicationsQuery,
    /// GET /sale/badges.
    BadgesQuery,
    /// GET /sale/badge-applications/{applicationId}.
    ApplicationLookup,
    /// GET /sale/badge-operations/{operationId}.
    OperationLookup,
    /// PUT /sale/allegro-prices-offer-consents/{offerId}.
    OfferConsent,
    /// PUT /sale/allegro-prices-account-consent.
    AccountConsent,
    /// The Allegro Prices participation body (2026).
    AllegroPricesParticipation,
    /// The Allegro Prices offer command body (2026).
    AllegroPricesOfferCommand,
    /// An agency's Allegro Ads Partner level (RULES.md §7).
    PartnerLevel,
}

impl Kind {
    /// Allegro's / the document's spelling.
    ///
    /// ```
    /// assert_eq!(badge_rules::document::Kind::BadgeUpdate.as_str(), "badgeUpdate");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::BadgeUpdate => "badgeUpdate",
            Kind::CampaignsQuery => "campaignsQuery",
            Kind::ApplicationsQuery => "applicationsQuery",
            Kind::BadgesQuery => "badgesQuery",
            Kind::ApplicationLookup => "applicationLookup",
            Kind::OperationLookup => "operationLookup",
            Kind::OfferConsent => "offerConsent",
            Kind::AccountConsent => "accountConsent",
            Kind::AllegroPricesParticipation => "allegroPricesParticipation",
            Kind::AllegroPricesOfferCommand => "allegroPricesOfferCommand",
            Kind::PartnerLevel => "partnerLevel",
        }
    }
}

/// One check (RULES.md §2). Every field but `kind` is optional.
///
/// ```
/// use badge_rules::document::{Document, Kind};
/// let doc = Document::new(Kind::CampaignsQuery);
/// assert!(doc.campaigns.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// The operation.
    pub kind: Kind,
    /// The instant of the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<Instant>,
    /// What would be sent: a body, or a query's parameters as flat keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Value>,
    /// Path parameter of a badge update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<String>,
    /// Path parameter of a badge update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    /// Path parameter of an application lookup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// Path parameter of an operation lookup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// GET /sale/badge-campaigns → `badgeCampaigns`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaigns: Option<Vec<Campaign>>,
    /// The request's campaign's terms, merged over the built-in ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    /// The offer, as Allegro's offer resource returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<Offer>,
    /// Figures Allegro computes server-side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics>,
    /// The seller account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// GET /sale/badges → `badges`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badges: Option<Vec<Badge>>,
    /// GET /sale/badge-applications → `badgeApplications`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<Vec<Application>>,
    /// The caller's own badge operations (GET /sale/badge-operations/{id}).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Vec<Operation>>,
}

impl Document {
    /// A document of `kind` with no other field.
    ///
    /// ```
    /// use badge_rules::document::{Document, Kind};
    /// assert_eq!(Document::new(Kind::Application).kind, Kind::Application);
    /// ```
    pub fn new(kind: Kind) -> Self {
        Document {
            kind,
            now: None,
            request: None,
            offer_id: None,
            campaign_id: None,
            application_id: None,
            operation_id: None,
            campaigns: None,
            terms: None,
            offer: None,
            metrics: None,
            account: None,
            badges: None,
            applications: None,
            operations: None,
        }
    }
}

/// `{id}`, as Allegro nests references.
///
/// ```
/// let r: badge_rules::document::IdRef = serde_json::from_str(r#"{"id": "BARGAIN", "name": "x"}"#).unwrap();
/// assert_eq!(r.id, "BARGAIN");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct IdRef {
    /// The id.
    pub id: String,
}

/// `{id}` where the id may be absent.
///
/// ```
/// let r: badge_rules::document::OptionalIdRef = serde_json::from_str("{}").unwrap();
/// assert!(r.id.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct OptionalIdRef {
    /// The id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A campaign's type.
///
/// ```
/// use badge_rules::document::{Campaign, CampaignType};
/// let campaign: Campaign =
///     serde_json::from_str(r#"{"id": "BARGAIN", "type": "DISCOUNT"}"#).unwrap();
/// assert_eq!(campaign.kind, Some(CampaignType::Discount));
/// assert!(campaign.kind.unwrap().lowers_price());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum CampaignType {
    /// A badge only ("Hit", "Nowość").
    Standard,
    /// Changes the price to the bargain one and strikes through the market price.
    Discount,
    /// Changes the price, no visible badge, bonuses from the regulations.
    Sourcing,
}

impl CampaignType {
    /// Does the campaign change the offer's price?
    ///
    /// ```
    /// use badge_rules::document::CampaignType;
    /// assert!(CampaignType::Sourcing.lowers_price());
    /// assert!(!CampaignType::Standard.lowers_price());
    /// ```
    pub const fn lowers_price(self) -> bool {
        matches!(self, CampaignType::Discount | CampaignType::Sourcing)
    }
}

/// One of GET /sale/badge-campaigns → `badgeCampaigns`.
///
/// ```
/// use badge_rules::document::Campaign;
/// let campaign: Campaign = serde_json::from_str(r#"{
///     "id": "BARGAIN", "name": "Strefa okazji", "marketplace": {"id": "allegro-pl"},
///     "application": {"type": "ALWAYS"}, "stockReservationIsRequired": true
/// }"#).unwrap();
/// assert_eq!(campaign.marketplace.unwrap().id.as_deref(), Some("allegro-pl"));
/// assert_eq!(campaign.stock_reservation_is_required, Some(true));
/// assert!(campaign.publication.is_none()); // unknown: the rules that read it are skipped
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    /// The campaign id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CampaignType>,
    /// Its marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<OptionalIdRef>,
    /// Whether the caller may take part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Eligibility>,
    /// When applications are accepted through the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Period>,
    /// When the badge is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Period>,
    /// When the campaign is visible in the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Period>,
    /// Whether an application must declare stock (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_reservation_is_required: Option<bool>,
}

/// A campaign's `eligibility`.
///
/// ```
/// use badge_rules::document::Eligibility;
/// let refused: Eligibility = serde_json::from_str(
///     r#"{"eligible": false, "refusalReasons": [{"code": "BA22", "messages": []}]}"#).unwrap();
/// assert!(!refused.eligible);
/// assert_eq!(refused.refusal_reasons[0].code, "BA22");
/// let open: Eligibility =
///     serde_json::from_str(r#"{"eligible": true, "refusalReasons": null}"#).unwrap();
/// assert!(open.refusal_reasons.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    /// May the caller apply?
    pub eligible: bool,
    /// Why not.
    #[serde(default, deserialize_with = "null_as_default")]
    pub refusal_reasons: Vec<Reason>,
}

/// One of Allegro's reasons: `{code, messages}`.
///
/// ```
/// use badge_rules::{document::Reason, Code};
/// let reason: Reason = serde_json::from_str(
///     r#"{"code": "BA1", "messages": [{"text": "Badge already exists"}]}"#,
/// ).unwrap();
/// assert_eq!(reason.code.parse(), Ok(Code::BA1));
/// assert_eq!(reason.messages[0].text.as_deref(), Some("Badge already exists"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Reason {
    /// Allegro's code.
    pub code: String,
    /// Allegro's texts.
    #[serde(default, deserialize_with = "null_as_default")]
    pub messages: Vec<ReasonMessage>,
}

/// One message of a [`Reason`].
///
/// ```
/// use badge_rules::document::ReasonMessage;
/// let message: ReasonMessage = serde_json::from_str(
///     r#"{"text": "check terms & conditions", "link": "http://allegro.pl/xyz"}"#,
/// ).unwrap();
/// assert_eq!(message.link.as_deref(), Some("http://allegro.pl/xyz"));
/// let bare: ReasonMessage = serde_json::from_str(r#"{"text": "Badge already exists"}"#).unwrap();
/// assert!(bare.link.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct ReasonMessage {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "string | null"))]
    pub text: Option<String>,
    /// A link (`null` in Allegro's examples when there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "string | null"))]
    pub link: Option<String>,
}

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

/// Figures Allegro computes server-side that the integrator knows.
///
/// ```
/// use badge_rules::document::{Metrics, Nullable};
/// let metrics: Metrics = serde_json::from_str(r#"{
///     "lowestPrice30Days": {"amount": "200.00", "currency": "PLN"},
///     "averageSellingPrice": {"amount": "190.00", "currency": "PLN"}, "soldLast30Days": 12
/// }"#).unwrap();
/// assert_eq!(metrics.lowest_price_30_days.unwrap().grosze(), 20000);
/// assert!(matches!(metrics.average_selling_price, Nullable::Value(a) if a.grosze() == 19000));
/// assert_eq!(metrics.sold_last_30_days, Some(12));
/// assert_eq!(metrics.price_history_exact, None); // a history is complete unless marked
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    /// The market price Allegro strikes through (M).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowest_price_30_days: Option<Money>,
    /// Price changes: each entry in force from `at` until the next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_history: Option<Vec<PriceChange>>,
    /// `false`: `priceHistory` may miss prices that were in force (a history
    /// with gaps, as a price ledger marks it), so M computed from it is an
    /// upper bound (warning `MARKET_PRICE_UPPER_BOUND`). Absent or `true`:
    /// the history is taken as complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_history_exact: Option<bool>,
    /// A: absent is unknown; `null` is "Allegro cannot compute it" (BA37).
    #[serde(
        default,
        skip_serializing_if = "Nullable::is_absent",
        rename = "averageSellingPrice"
    )]
    pub average_selling_price: Nullable<Money>,
    /// Items sold over the last 30 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sold_last_30_days: Option<i64>,
}

/// One entry of `metrics.priceHistory`.
///
/// ```
/// use badge_rules::document::Metrics;
/// let metrics: Metrics = serde_json::from_str(r#"{"priceHistory": [
///     {"at": "2026-11-01T00:00:00Z", "price": {"amount": "210.00", "currency": "PLN"}},
///     {"at": "2026-11-10T00:00:00Z", "price": {"amount": "199.99", "currency": "PLN"}}
/// ]}"#).unwrap();
/// let history = metrics.price_history.unwrap();
/// assert!(history[0].at < history[1].at); // 210.00 was in force until 10 November
/// assert_eq!(history[1].price.grosze(), 19999);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct PriceChange {
    /// When the price was set.
    pub at: Instant,
    /// The price.
    pub price: Money,
}

/// The seller account.
///
/// ```
/// use badge_rules::document::Account;
/// let account: Account = serde_json::from_str(r#"{"id": "43771234", "company": true,
///     "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true}"#).unwrap();
/// assert_eq!(account.positive_ratings_percent.unwrap().basis_points(), 9950);
/// // A rating is a decimal string, never a JSON number.
/// assert!(serde_json::from_str::<Account>(r#"{"positiveRatingsPercent": 99.5}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// Account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A Company account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<bool>,
    /// Positive ratings over the last 3 months, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_ratings_percent: Option<Percent>,
    /// Meets Allegro's quality criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets_quality_criteria: Option<bool>,
}

/// One of GET /sale/badges → `badges`.
///
/// ```
/// use badge_rules::document::{Badge, BadgeStatus};
/// let badge: Badge = serde_json::from_str(r#"{
///     "offer": {"id": "6206378062"}, "campaign": {"id": "BARGAIN", "name": "Strefa okazji"},
///     "publication": {"type": "ALWAYS"}, "process": {"status": "ACTIVE", "rejectionReasons": []},
///     "prices": {"market": {"amount": "19.99", "currency": "PLN"}}
/// }"#).unwrap();
/// assert_eq!(badge.process.status, BadgeStatus::Active);
/// assert_eq!(badge.prices.unwrap().market.unwrap().grosze(), 1999);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Badge {
    /// The offer.
    pub offer: IdRef,
    /// The campaign.
    pub campaign: IdRef,
    /// When the badge is shown (`null`: no end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "Period | null"))]
    pub publication: Option<Period>,
    /// Prices (`null` for campaigns without prices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "BadgePrices | null"))]
    pub prices: Option<BadgePrices>,
    /// Status.
    pub process: BadgeProcess,
}

/// A badge's `prices`.
///
/// ```
/// use badge_rules::document::BadgePrices;
/// let prices: BadgePrices = serde_json::from_str(r#"{
///     "market": {"amount": "19.99", "currency": "PLN"},
///     "subsidy": {"targetPrice": {"amount": "9.99", "currency": "PLN"}}
/// }"#).unwrap();
/// assert_eq!(prices.market.unwrap().grosze(), 1999); // M of a price change (RULES.md §4.7)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BadgePrices {
    /// The market price shown struck through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market: Option<Money>,
}

/// A badge's `process`.
///
/// ```
/// use badge_rules::document::{BadgeProcess, BadgeStatus};
/// let process: BadgeProcess =
///     serde_json::from_str(r#"{"status": "DECLINED", "rejectionReasons": []}"#).unwrap();
/// assert_eq!(process.status, BadgeStatus::Declined);
/// assert!(process.status.is_final());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BadgeProcess {
    /// Status.
    pub status: BadgeStatus,
}

/// A badge's status.
///
/// ```
/// use badge_rules::document::BadgeStatus;
/// let status: BadgeStatus = serde_json::from_str(r#""WAITING_FOR_PUBLICATION""#).unwrap();
/// assert_eq!(status, BadgeStatus::WaitingForPublication);
/// assert!(!status.is_final()); // still live: a new application for it is BA15
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum BadgeStatus {
    /// Being verified.
    InVerification,
    /// Being published.
    WaitingForPublication,
    /// Shown.
    Active,
    /// Over.
    Finished,
    /// Refused.
    Declined,
}

impl BadgeStatus {
    /// `FINISHED` or `DECLINED`.
    ///
    /// ```
    /// use badge_rules::document::BadgeStatus;
    /// assert!(BadgeStatus::Declined.is_final());
    /// assert!(!BadgeStatus::Active.is_final());
    /// ```
    pub const fn is_final(self) -> bool {
        matches!(self, BadgeStatus::Finished | BadgeStatus::Declined)
    }
}

/// One of GET /sale/badge-applications → `badgeApplications`.
///
/// ```
/// use badge_rules::document::{Application, RequestStatus};
/// let application: Application = serde_json::from_str(r#"{
///     "id": "8a457b8f-627d-43cf-8806-f06f8d13c306", "createdAt": "2019-06-26T10:22:35.225Z",
///     "campaign": {"id": "BARGAIN"}, "offer": {"id": "6206378062"},
///     "process": {"status": "DECLINED", "rejectionReasons": [{"code": "BA1", "messages": []}]}
/// }"#).unwrap();
/// assert_eq!(application.offer.id, "6206378062");
/// assert_eq!(application.process.status, RequestStatus::Declined);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Instant>,
    /// The campaign.
    pub campaign: IdRef,
    /// The offer.
    pub offer: IdRef,
    /// Status.
    pub process: ProcessStatus,
}

/// One of the caller's badge operations.
///
/// ```
/// use badge_rules::document::{Operation, RequestStatus};
/// let operation: Operation = serde_json::from_str(r#"{
///     "id": "154179f0-ed4c-4b84-9260-302d2dec3801", "createdAt": "2019-05-16T12:49:17.347Z",
///     "campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"},
///     "process": {"status": "PROCESSED"}
/// }"#).unwrap();
/// assert_eq!(operation.process.status, RequestStatus::Processed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    /// Operation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Instant>,
    /// The campaign.
    pub campaign: IdRef,
    /// The offer.
    pub offer: IdRef,
    /// Status.
    pub process: ProcessStatus,
}

/// `process` of an application or operation.
///
/// ```
/// use badge_rules::document::{ProcessStatus, RequestStatus};
/// let process: ProcessStatus =
///     serde_json::from_str(r#"{"status": "REQUESTED", "rejectionReasons": []}"#).unwrap();
/// assert_eq!(process.status, RequestStatus::Requested);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct ProcessStatus {
    /// Status.
    pub status: RequestStatus,
}

/// Status of an application or operation.
///
/// ```
/// use badge_rules::{check_json, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "applications": [{"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"},
///                       "process": {"status": "STATUS"}}]}"#;
/// let bb12 = |status| check_json(&doc.replace("STATUS", status), &Options::default()).unwrap()
///     .violations.iter().any(|v| v.code.as_str() == "BB12");
/// assert!(bb12("REQUESTED") && !bb12("DECLINED")); // only a pending application blocks another
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum RequestStatus {
    /// Waiting to be processed.
    Requested,
    /// Processed.
    Processed,
    /// Refused.
    Declined,
}

/// A field that distinguishes absent from `null`.
///
/// ```
/// use badge_rules::document::{Metrics, Nullable};
/// let m: Metrics = serde_json::from_str(r#"{"averageSellingPrice": null}"#).unwrap();
/// assert_eq!(m.average_selling_price, Nullable::Null);
/// let m: Metrics = serde_json::from_str("{}").unwrap();
/// assert_eq!(m.average_selling_price, Nullable::Absent);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Nullable<T> {
    /// The key is absent.
    #[default]
    Absent,
    /// The key is `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Is the key absent?
    ///
    /// ```
    /// assert!(badge_rules::document::Nullable::<u8>::Absent.is_absent());
    /// ```
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        })
    }
}

/// `null` reads as the type's default (an empty list).
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
