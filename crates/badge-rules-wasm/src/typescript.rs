//! TypeScript declarations of the package's types, in both modules'
//! declarations: the check document, one shape per `kind` (the functions are
//! declared beside their bindings, in `check.rs` and `plan.rs`).
//!
//! The engine reads `request` leniently, because a wrong request is Allegro's
//! to refuse with its own codes. A TypeScript caller, though, wants the right
//! shape spelled out: these types describe, per kind, what Allegro expects.
//! They exist to generate `.d.ts` declarations with `tsify`; the context types
//! are the engine's own (`badge_rules::document`, whose derives generate them).

#![allow(
    dead_code,
    reason = "these types exist for their TypeScript declarations only"
)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

use badge_rules::document::{
    Account, AllegroPrices, Application, Badge, Campaign, IdRef, Metrics, Offer, Operation,
};
use badge_rules::partner::AgencySnapshot;
use badge_rules::terms::Terms;

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
pub(crate) struct Context {
    #[tsify(optional, type = "Instant")]
    pub(crate) now: Option<String>,
    #[tsify(optional)]
    pub(crate) campaigns: Option<Vec<Campaign>>,
    #[tsify(optional)]
    pub(crate) terms: Option<Terms>,
    #[tsify(optional)]
    pub(crate) offer: Option<Offer>,
    #[tsify(optional)]
    pub(crate) metrics: Option<Metrics>,
    #[tsify(optional)]
    pub(crate) account: Option<Account>,
    #[tsify(optional)]
    pub(crate) badges: Option<Vec<Badge>>,
    #[tsify(optional)]
    pub(crate) applications: Option<Vec<Application>>,
    #[tsify(optional)]
    pub(crate) operations: Option<Vec<Operation>>,
    /// POST /sale/allegro-prices/offers-queries' answer (BA24).
    #[tsify(optional)]
    pub(crate) allegro_prices: Option<AllegroPrices>,
}

/// Money as the request carries it.
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct MoneyInput {
    #[tsify(type = "Amount")]
    pub(crate) amount: String,
    pub(crate) currency: String,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct RequestPrices {
    #[tsify(optional)]
    pub(crate) bargain: Option<MoneyInput>,
    /// A suggested market price (Allegro ignores it since 2022).
    #[tsify(optional)]
    pub(crate) market: Option<MoneyInput>,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PerUser {
    #[tsify(type = "Count")]
    pub(crate) max_items: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Limit {
    pub(crate) per_user: PerUser,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct PurchaseConstraints {
    pub(crate) limit: Limit,
}

/// `declaredStock` as the request carries it (the core's `DeclaredStock` is
/// the one a plan writes, its quantity a number).
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct DeclaredStockInput {
    #[tsify(type = "Count")]
    pub(crate) quantity: String,
}

/// POST /sale/badges.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationRequest {
    pub(crate) campaign: IdRef,
    pub(crate) offer: IdRef,
    #[tsify(optional)]
    pub(crate) prices: Option<RequestPrices>,
    #[tsify(optional)]
    pub(crate) purchase_constraints: Option<PurchaseConstraints>,
    #[tsify(optional, type = "DeclaredStockInput | null")]
    pub(crate) declared_stock: Option<DeclaredStockInput>,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct BargainValue {
    pub(crate) value: MoneyInput,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct UpdatePrices {
    pub(crate) bargain: BargainValue,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct FinishProcess {
    #[tsify(type = "\"FINISHED\"")]
    pub(crate) status: String,
}

/// PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}: `prices` or `process`.
#[derive(Tsify, Serialize, Deserialize)]
#[tsify(type = "{ prices: UpdatePrices } | { process: FinishProcess }")]
pub(crate) struct BadgeUpdateRequest {}

/// A query's parameters, as flat keys exactly as in the URL.
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct QueryRequest {
    #[serde(rename = "marketplace.id")]
    #[tsify(optional, type = "MarketplaceId")]
    pub(crate) marketplace_id: Option<String>,
    #[tsify(optional, type = "Count")]
    pub(crate) limit: Option<String>,
    #[tsify(optional, type = "Count")]
    pub(crate) offset: Option<String>,
}

// The context types are the engine's (`badge_rules::document`), which reads
// only what its rules need. Allegro's responses carry more: these fields
// (declaration merging into the same interfaces) let a response be a
// context field as Allegro sends it, object literals of Allegro's examples
// included (tests/consumers.test.mjs compiles them). The engine ignores them.
#[wasm_bindgen(typescript_custom_section)]
const ALLEGRO_FIELDS: &str = r#"
export interface IdRef {
  /** The name Allegro sends with some references (a badge's campaign). */
  name?: string;
}
export interface Campaign {
  /** The campaign's terms and conditions. */
  regulationsLink?: string;
}
/** `campaignStock` of a badge or application. */
export interface BadgeCampaignStock { quantity?: number }
export interface Badge {
  campaignStock?: BadgeCampaignStock | null;
}
export interface BadgePrices {
  /** The bargain price. */
  bargain?: Money | null;
  /** The prices of a subsidy campaign. */
  subsidy?: { targetPrice?: Money; sellerPrice?: Money } | null;
}
export interface BadgeProcess {
  /** Why Allegro declined it (for DECLINED). */
  rejectionReasons?: Reason[];
}
export interface Application {
  updatedAt?: Instant;
  /** The prices applied for (DISCOUNT and SOURCING campaigns). */
  prices?: { bargain?: Money | null } | null;
  campaignStock?: BadgeCampaignStock | null;
  purchaseConstraints?: PurchaseConstraints | null;
}
export interface Operation {
  updatedAt?: Instant;
  /** UPDATE (a new bargain price) or FINISH. */
  type?: "UPDATE" | "FINISH";
}
export interface ProcessStatus {
  /** Why Allegro declined it (for DECLINED). */
  rejectionReasons?: Reason[];
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const MARKETPLACES: &str = r#"
export type MarketplaceId = Marketplace;
export type ConsentStatus = "ALLOWED" | "DENIED";
"#;

/// An offer or account consent body.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConsentRequest {
    #[tsify(optional, type = "ConsentStatus")]
    pub(crate) status: Option<String>,
    #[tsify(
        optional,
        type = "Partial<Record<MarketplaceId, { status: ConsentStatus }>>"
    )]
    pub(crate) additional_marketplaces: Option<BTreeMap<String, String>>,
}

/// One marketplace's participation.
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct MarketplaceParticipation {
    #[tsify(type = "MarketplaceId")]
    pub(crate) id: String,
    #[tsify(type = "ConsentStatus")]
    pub(crate) status: String,
}

/// The Allegro Prices participation body (PATCH
/// /sale/allegro-prices/accounts/participations): a status per marketplace.
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct ParticipationRequest {
    pub(crate) marketplaces: Vec<MarketplaceParticipation>,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SellerDiscountDeclaration {
    #[tsify(type = "Percent")]
    pub(crate) max_contribution_percentage: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OfferCommandItem {
    pub(crate) id: String,
    #[tsify(type = "{ id: MarketplaceId }")]
    pub(crate) marketplace: String,
    #[tsify(optional)]
    pub(crate) seller_discount_declaration: Option<SellerDiscountDeclaration>,
}

/// The Allegro Prices offer command body.
#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct OfferCommandRequest {
    pub(crate) offers: Vec<OfferCommandItem>,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct ApplicationDocument {
    #[serde(flatten)]
    pub(crate) context: Context,
    pub(crate) request: ApplicationRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BadgeUpdateDocument {
    #[serde(flatten)]
    pub(crate) context: Context,
    pub(crate) offer_id: String,
    pub(crate) campaign_id: String,
    pub(crate) request: BadgeUpdateRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct QueryDocument {
    #[tsify(optional)]
    pub(crate) request: Option<QueryRequest>,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ApplicationLookupDocument {
    pub(crate) application_id: String,
}

#[derive(Tsify, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OperationLookupDocument {
    pub(crate) operation_id: String,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct ConsentDocument {
    pub(crate) request: ConsentRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct ParticipationDocument {
    pub(crate) request: ParticipationRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct OfferCommandDocument {
    pub(crate) request: OfferCommandRequest,
}

#[derive(Tsify, Serialize, Deserialize)]
pub(crate) struct PartnerLevelDocument {
    pub(crate) request: AgencySnapshot,
}

/// One check document: the shape follows `kind`.
#[derive(Tsify, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub(crate) enum CheckDocument {
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
