//! The POST /sale/badges body a plan proposes, and its price.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::document::IdRef;

/// A request price: `{amount, currency}`.
///
/// ```
/// let price = badge_rules::plan::Price { amount: "99.00".into(), currency: "PLN".into() };
/// assert_eq!(serde_json::to_string(&price).unwrap(), r#"{"amount":"99.00","currency":"PLN"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Price {
    /// A decimal string with two fractional digits.
    pub amount: String,
    /// The campaign's currency.
    pub currency: String,
}

/// The body of POST /sale/badges a plan proposes, in Allegro's field order.
///
/// ```
/// use badge_rules::plan::{Body, Price};
/// let body = Body::new("BARGAIN", "7001", Some(Price { amount: "99.00".into(), currency: "PLN".into() }), Some(5));
/// assert_eq!(serde_json::to_string(&body).unwrap(),
///     r#"{"campaign":{"id":"BARGAIN"},"offer":{"id":"7001"},"prices":{"bargain":{"amount":"99.00","currency":"PLN"}},"declaredStock":{"quantity":5}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Body {
    /// `{id}` of the campaign.
    pub campaign: IdRef,
    /// `{id}` of the offer.
    pub offer: IdRef,
    /// `{bargain}`, when a price is proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<BodyPrices>,
    /// `{quantity}`: the offer's whole available stock, for a campaign that
    /// requires declared stock (`stockReservationIsRequired`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_stock: Option<DeclaredStock>,
}

/// `prices` of a [`Body`].
///
/// ```
/// use badge_rules::plan::{BodyPrices, Price};
/// let prices = BodyPrices { bargain: Price { amount: "1.00".into(), currency: "CZK".into() } };
/// assert_eq!(serde_json::to_string(&prices).unwrap(), r#"{"bargain":{"amount":"1.00","currency":"CZK"}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BodyPrices {
    /// The bargain price.
    pub bargain: Price,
}

/// `declaredStock` of a [`Body`].
///
/// ```
/// let stock = badge_rules::plan::DeclaredStock { quantity: 5 };
/// assert_eq!(serde_json::to_string(&stock).unwrap(), r#"{"quantity":5}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct DeclaredStock {
    /// The items declared.
    pub quantity: i64,
}

impl Body {
    /// The body for a campaign and an offer, with a bargain price and a
    /// declared quantity when given.
    ///
    /// ```
    /// let body = badge_rules::plan::Body::new("HIT", "7001", None, None);
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"campaign":{"id":"HIT"},"offer":{"id":"7001"}}"#);
    /// ```
    pub fn new(campaign: &str, offer: &str, bargain: Option<Price>, quantity: Option<i64>) -> Body {
        Body {
            campaign: IdRef {
                id: campaign.to_owned(),
            },
            offer: IdRef {
                id: offer.to_owned(),
            },
            prices: bargain.map(|bargain| BodyPrices { bargain }),
            declared_stock: quantity.map(|quantity| DeclaredStock { quantity }),
        }
    }
}

/// A body as the document's `request`.
///
/// Built by hand rather than by `serde_json::to_value`, whose serializer
/// into a `Value` would be code of its own in the npm package's module.
pub(super) fn body_value(body: &Body) -> Value {
    let id = |id: &str| {
        let mut map = serde_json::Map::new();
        map.insert("id".into(), Value::String(id.to_owned()));
        Value::Object(map)
    };
    let mut map = serde_json::Map::new();
    map.insert("campaign".into(), id(&body.campaign.id));
    map.insert("offer".into(), id(&body.offer.id));
    if let Some(prices) = &body.prices {
        let mut bargain = serde_json::Map::new();
        bargain.insert(
            "amount".into(),
            Value::String(prices.bargain.amount.clone()),
        );
        bargain.insert(
            "currency".into(),
            Value::String(prices.bargain.currency.clone()),
        );
        let mut p = serde_json::Map::new();
        p.insert("bargain".into(), Value::Object(bargain));
        map.insert("prices".into(), Value::Object(p));
    }
    if let Some(stock) = &body.declared_stock {
        let mut q = serde_json::Map::new();
        q.insert("quantity".into(), Value::from(stock.quantity));
        map.insert("declaredStock".into(), Value::Object(q));
    }
    Value::Object(map)
}
