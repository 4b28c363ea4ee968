//! A badge, as GET /sale/badges lists it (`badges`): its offer, campaign,
//! prices and status.

use serde::{Deserialize, Serialize};

use super::reference::IdRef;
use crate::money::Money;
use crate::period::Period;

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
