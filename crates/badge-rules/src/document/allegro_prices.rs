//! Allegro Prices participation, as POST /sale/allegro-prices/offers-queries
//! answers it: the offers and their status in the program, per marketplace.
//! Allegro Prices left GET /sale/badges on 2026-08-18 (allegro-api#13876), so
//! BA24 reads it here.

use serde::{Deserialize, Serialize};

use super::reference::OptionalIdRef;

/// The answer of POST /sale/allegro-prices/offers-queries (`{offers,
/// totalCount, count}`; only `offers` is read).
///
/// ```
/// use badge_rules::document::AllegroPrices;
/// let answer: AllegroPrices = serde_json::from_str(r#"{"offers": [
///     {"id": "7001", "name": "x", "marketplace": {"id": "allegro-pl"}, "discount": {"opportunity": true},
///      "actualPriceReduction": {"sellerMaxDeclaredPercentage": "15.0"}},
///     {"id": "7002", "marketplace": {"id": "allegro-pl"}, "actualPriceReduction": null}
/// ], "totalCount": 2, "count": 2}"#).unwrap();
/// assert!(answer.offers[0].is_discounted());
/// assert!(!answer.offers[1].is_discounted());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct AllegroPrices {
    /// The offers the query returned.
    pub offers: Vec<AllegroPricesOffer>,
}

/// One offer of the answer.
///
/// ```
/// use badge_rules::document::AllegroPricesOffer;
/// let offer: AllegroPricesOffer = serde_json::from_str(r#"{"id": "7001", "marketplace": {"id": "allegro-cz"}}"#).unwrap();
/// assert_eq!(offer.marketplace.unwrap().id.as_deref(), Some("allegro-cz"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllegroPricesOffer {
    /// The offer id.
    pub id: String,
    /// The marketplace this status is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<OptionalIdRef>,
    /// The price reduction applied now; `null` when the offer is not
    /// discounted in the program at present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "unknown"))]
    pub actual_price_reduction: Option<serde_json::Value>,
}

impl AllegroPricesOffer {
    /// Is the offer discounted in Allegro Prices now (`actualPriceReduction`
    /// is not `null`)?
    ///
    /// ```
    /// let o: badge_rules::document::AllegroPricesOffer = serde_json::from_str(r#"{"id": "1"}"#).unwrap();
    /// assert!(!o.is_discounted());
    /// ```
    pub fn is_discounted(&self) -> bool {
        self.actual_price_reduction.is_some()
    }
}
