//! TypeScript declarations of the check document, one shape per `kind`
//! (feature `ts`, used by the WASM package).
//!
//! The engine reads `request` leniently, because a wrong request is Allegro's
//! to refuse with its own codes. A TypeScript caller, though, wants the right
//! shape spelled out: these types describe, per kind, what Allegro expects.
//! They exist to generate `.d.ts` declarations with `tsify`; the context types
//! are the engine's own ([`crate::document`]).

#![allow(missing_docs)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::document::{Account, Application, Badge, Campaign, IdRef, Metrics, Offer, Operation};
use crate::partner::AgencySnapshot;
use crate::terms::Terms;

#[wasm_bindgen(typescript_custom_section)]
const SCALARS: &str = r#"
/** A decimal string with at most two fractional digits, such as "180.00". Never a JS number. */
export type Amount = string;
/** A decimal percentage string, such as "40" or "99.5". */
export type Percent = string;
/** An RFC 3339 time with an offset, such as "2026-11-23T12:00:00Z". */
export type Instant = string;
/** `null` is a value of its own here: "Allegro cannot compute it". */
export type Nullable<T> = T | null;
/** A count as Allegro accepts it: a JSON integer or a digit string. */
export type Count = number | string;
"#;

/// Context every kind may carry.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    #[tsify(optional, type = "Instant")]
    pub now: Option<String>,
    #[tsify(optional)]
    pub campaigns: Option<Vec<Campaign>>,
    #[tsify(optional)]
    pub terms: Option<Terms>,
    #[tsify(optional)]
    pub offer: Option<Offer>,
    #[tsify(optional)]
    pub metrics: Option<Metrics>,
    #[tsify(optional)]
    pub account: Option<Account>,
    #[tsify(optional)]
    pub badges: Option<Vec<Badge>>,
    #[tsify(optional)]
    pub applications: Option<Vec<Application>>,
    #[tsify(optional)]
    pub operations: Option<Vec<Operation>>,
}

/// Money as the request carries it.
#[derive(Tsify, Serialize, Deserialize)]
pub struct MoneyInput {
    #[tsify(type = "Amount")]
    pub amount: String,
    pub currency: String,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct RequestPrices {
    #[tsify(optional)]
    pub bargain: Option<MoneyInput>,
    /// A suggested market price (Allegro ignores it since 2022).
    #[tsify(optional)]
    pub market: Option<MoneyInput>,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PerUser {
    #[tsify(type = "Count")]
    pub max_items: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Limit {
    pub per_user: PerUser,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct PurchaseConstraints {
    pub limit: Limit,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct DeclaredStock {
    #[tsify(type = "Count")]
    pub quantity: String,
}

/// POST /sale/badges.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationRequest {
    pub campaign: IdRef,
    pub offer: IdRef,
    #[tsify(optional)]
    pub prices: Option<RequestPrices>,
    #[tsify(optional)]
    pub purchase_constraints: Option<PurchaseConstraints>,
    #[tsify(optional, type = "DeclaredStock | null")]
    pub declared_stock: Option<DeclaredStock>,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct BargainValue {
    pub value: MoneyInput,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct UpdatePrices {
    pub bargain: BargainValue,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct FinishProcess {
    #[tsify(type = "\"FINISHED\"")]
    pub status: String,
}

/// PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}: `prices` or `process`.
#[derive(Tsify, Serialize, Deserialize)]
#[tsify(type = "{ prices: UpdatePrices } | { process: FinishProcess }")]
pub struct BadgeUpdateRequest {}

/// A query's parameters, as flat keys exactly as in the URL.
#[derive(Tsify, Serialize, Deserialize)]
pub struct QueryRequest {
    #[serde(rename = "marketplace.id")]
    #[tsify(optional, type = "MarketplaceId")]
    pub marketplace_id: Option<String>,
    #[tsify(optional, type = "Count")]
    pub limit: Option<String>,
    #[tsify(optional, type = "Count")]
    pub offset: Option<String>,
}

#[wasm_bindgen(typescript_custom_section)]
const MARKETPLACES: &str = r#"
export type MarketplaceId = "allegro-pl" | "allegro-cz" | "allegro-sk" | "allegro-hu";
export type ConsentStatus = "ALLOWED" | "DENIED";
"#;

/// An offer or account consent body.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRequest {
    #[tsify(optional, type = "ConsentStatus")]
    pub status: Option<String>,
    #[tsify(
        optional,
        type = "Partial<Record<MarketplaceId, { status: ConsentStatus }>>"
    )]
    pub additional_marketplaces: Option<BTreeMap<String, String>>,
}

/// The Allegro Prices participation body.
#[derive(Tsify, Serialize, Deserialize)]
pub struct ParticipationRequest {
    #[tsify(type = "(MarketplaceId | { id: MarketplaceId })[]")]
    pub marketplaces: Vec<String>,
    #[tsify(type = "ConsentStatus")]
    pub status: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SellerDiscountDeclaration {
    #[tsify(type = "Percent")]
    pub max_contribution_percentage: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferCommandItem {
    pub id: String,
    #[tsify(type = "{ id: MarketplaceId }")]
    pub marketplace: String,
    #[tsify(optional)]
    pub seller_discount_declaration: Option<SellerDiscountDeclaration>,
}

/// The Allegro Prices offer command body.
#[derive(Tsify, Serialize, Deserialize)]
pub struct OfferCommandRequest {
    pub offers: Vec<OfferCommandItem>,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct ApplicationDocument {
    #[serde(flatten)]
    pub context: Context,
    pub request: ApplicationRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeUpdateDocument {
    #[serde(flatten)]
    pub context: Context,
    pub offer_id: String,
    pub campaign_id: String,
    pub request: BadgeUpdateRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct QueryDocument {
    #[tsify(optional)]
    pub request: Option<QueryRequest>,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationLookupDocument {
    pub application_id: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationLookupDocument {
    pub operation_id: String,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct ConsentDocument {
    pub request: ConsentRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct ParticipationDocument {
    pub request: ParticipationRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct OfferCommandDocument {
    pub request: OfferCommandRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub struct PartnerLevelDocument {
    pub request: AgencySnapshot,
}

/// One check document: the shape follows `kind`.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CheckDocument {
    Application(ApplicationDocument),
    BadgeUpdate(BadgeUpdateDocument),
    CampaignsQuery(QueryDocument),
    ApplicationsQuery(QueryDocument),
    BadgesQuery(QueryDocument),
    ApplicationLookup(ApplicationLookupDocument),
    OperationLookup(OperationLookupDocument),
    OfferConsent(ConsentDocument),
    AccountConsent(ConsentDocument),
    AllegroPricesParticipation(ParticipationDocument),
    AllegroPricesOfferCommand(OfferCommandDocument),
    PartnerLevel(PartnerLevelDocument),
}
