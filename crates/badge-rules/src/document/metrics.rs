//! Figures Allegro computes server-side, which no API resource returns:
//! the market price, the price history, the average selling price, sales.

use serde::{Deserialize, Serialize};

use super::nullable::Nullable;
use crate::money::Money;
use crate::period::Instant;

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
