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
//!
//! One file per Allegro resource the context comes from: [`Campaign`]
//! (GET /sale/badge-campaigns), [`Offer`] (GET /sale/product-offers/{offerId}),
//! [`Badge`] (GET /sale/badges), [`Application`] (GET /sale/badge-applications),
//! [`Operation`] (GET /sale/badge-operations/{operationId}), [`Account`] and
//! [`Metrics`] (figures Allegro computes server-side); `{id}` references and
//! [`Nullable`] keys are shared by all of them.

mod account;
mod allegro_prices;
mod application;
mod badge;
mod campaign;
mod metrics;
mod nullable;
mod offer;
mod operation;
pub(crate) mod page;
mod reference;

pub use account::Account;
pub use allegro_prices::{AllegroPrices, AllegroPricesOffer};
pub use application::{Application, ProcessStatus, RequestStatus};
pub use badge::{Badge, BadgePrices, BadgeProcess, BadgeStatus};
pub use campaign::{Campaign, CampaignType, Eligibility, Reason, ReasonMessage};
pub use metrics::{Metrics, PriceChange};
pub use nullable::Nullable;
pub use offer::{
    AdditionalMarketplace, B2b, MarketplacePublication, MarketplaceState, Offer, OfferStatus,
    Parameter, Product, ProductSetItem, Publication, PublicationMarketplaces, SellingFormat,
    SellingMode, Stock,
};
pub use operation::Operation;
pub use reference::{IdRef, OptionalIdRef};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::period::Instant;
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
    /// GET /sale/badge-campaigns → `badgeCampaigns`, or the whole response.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page::list_or_page::<_, page::CampaignsPage>"
    )]
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
    /// GET /sale/badges → `badges`, or the whole response.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page::list_or_page::<_, page::BadgesPage>"
    )]
    pub badges: Option<Vec<Badge>>,
    /// GET /sale/badge-applications → `badgeApplications`, or the whole response.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page::list_or_page::<_, page::ApplicationsPage>"
    )]
    pub applications: Option<Vec<Application>>,
    /// The caller's own badge operations (GET /sale/badge-operations/{id}).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Vec<Operation>>,
    /// POST /sale/allegro-prices/offers-queries → the offers' Allegro Prices
    /// status (BA24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allegro_prices: Option<AllegroPrices>,
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
            allegro_prices: None,
        }
    }
}
