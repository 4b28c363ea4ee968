//! A badge campaign, as GET /sale/badge-campaigns lists it
//! (`badgeCampaigns`): its type, periods and the caller's eligibility.

use serde::{Deserialize, Serialize};

use super::nullable::null_as_default;
use super::reference::OptionalIdRef;
use crate::period::Period;

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
