//! Reading the `request` as Allegro's synchronous validation reads it.
//!
//! The request is what the seller would send, so its faults are violations
//! with Allegro's codes, never input errors: this module reads the JSON
//! leniently (a value of the wrong type is a fault of that field, a part that is
//! not an object has no fields) and classifies each field. The rules of
//! RULES.md §4.1 then report the faults; no other rule reads a faulty value.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::money::{parse_amount, AmountFault};

/// The value at `keys` below `value`; `null` and non-objects read as absent.
pub(crate) fn at<'a>(value: Option<&'a Value>, keys: &[&str]) -> Option<&'a Value> {
    let mut current = value?;
    for key in keys {
        current = current.as_object()?.get(*key)?;
    }
    if current.is_null() {
        None
    } else {
        Some(current)
    }
}

/// An id field: its value or why it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Id<'a> {
    Valid(&'a str),
    /// Missing, empty or blank (BB3, BB4).
    Missing,
    /// Present but not a valid id (BB11).
    Invalid,
}

impl<'a> Id<'a> {
    pub(crate) fn valid(self) -> Option<&'a str> {
        match self {
            Id::Valid(id) => Some(id),
            _ => None,
        }
    }
}

/// An offer id: 1–20 ASCII digits without a leading zero.
///
/// Missing or `""` is [`Id::Missing`] (BB4); any other string or a non-string
/// is [`Id::Invalid`] (BB11).
pub(crate) fn offer_id(value: Option<&Value>) -> Id<'_> {
    match value {
        None => Id::Missing,
        Some(Value::String(s)) if s.is_empty() => Id::Missing,
        Some(Value::String(s)) if is_offer_id(s) => Id::Valid(s),
        Some(_) => Id::Invalid,
    }
}

/// 1–20 ASCII digits without a leading zero.
pub(crate) fn is_offer_id(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
}

/// A campaign id: a string that is not blank (else [`Id::Missing`], BB3).
pub(crate) fn campaign_id(value: Option<&Value>) -> Id<'_> {
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => Id::Valid(s),
        _ => Id::Missing,
    }
}

/// A money value of the request: `{amount, currency}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MoneyField<'a> {
    pub amount: Result<Decimal, AmountFault>,
    pub currency: Option<&'a str>,
}

impl<'a> MoneyField<'a> {
    pub(crate) fn read(value: &'a Value) -> Self {
        let amount = match at(Some(value), &["amount"]) {
            Some(Value::String(s)) => parse_amount(s),
            _ => Err(AmountFault::NotANumber),
        };
        let currency = at(Some(value), &["currency"]).and_then(Value::as_str);
        // A HUF amount must end in 0 or 5 forints: judged on the field's own
        // currency, as Allegro judges a price's precision by its market.
        let amount = match (amount, currency.and_then(crate::money::price_step)) {
            (Ok(a), Some(step)) if crate::money::grosze(a) % step != 0 => {
                Err(AmountFault::NotRounded { step })
            }
            (amount, _) => amount,
        };
        MoneyField { amount, currency }
    }

    /// The amount, if it and the currency pass BB5–BB7.
    pub(crate) fn valid(&self, base_currency: &str) -> Option<Decimal> {
        match (self.amount, self.currency) {
            (Ok(amount), Some(c)) if c == base_currency => Some(amount),
            _ => None,
        }
    }
}

/// A count of the request (`maxItems`, `declaredStock.quantity`): a JSON
/// integer or a digit string, at least 1.
pub(crate) fn count(value: &Value) -> Result<i64, AmountFault> {
    let n = match value {
        Value::Number(n) => n.as_i64().ok_or(AmountFault::NotANumber)?,
        Value::String(s) => {
            let digits = s.strip_prefix('-').unwrap_or(s);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountFault::NotANumber);
            }
            s.parse::<i64>().map_err(|_| AmountFault::NotANumber)?
        }
        _ => return Err(AmountFault::NotANumber),
    };
    if n < 1 {
        Err(AmountFault::NotPositive)
    } else {
        Ok(n)
    }
}

/// A UUID in its hyphenated form (8-4-4-4-12 hex digits, either case).
pub(crate) fn is_uuid(s: &str) -> bool {
    let groups = [8usize, 4, 4, 4, 12];
    let mut parts = s.split('-');
    for len in groups {
        match parts.next() {
            Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_hexdigit()) => {}
            _ => return false,
        }
    }
    parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn offer_ids() {
        assert_eq!(offer_id(Some(&json!("12345678"))), Id::Valid("12345678"));
        assert_eq!(offer_id(Some(&json!("1"))), Id::Valid("1"));
        assert_eq!(
            offer_id(Some(&json!("99999999999999999999"))),
            Id::Valid("99999999999999999999")
        );
        assert_eq!(offer_id(Some(&json!("999999999999999999999"))), Id::Invalid);
        assert_eq!(offer_id(Some(&json!("0123"))), Id::Invalid);
        assert_eq!(offer_id(Some(&json!("12a"))), Id::Invalid);
        assert_eq!(offer_id(Some(&json!(123))), Id::Invalid);
        assert_eq!(offer_id(Some(&json!(""))), Id::Missing);
        assert_eq!(offer_id(None), Id::Missing);
    }

    #[test]
    fn counts() {
        assert_eq!(count(&json!(1)), Ok(1));
        assert_eq!(count(&json!("1000")), Ok(1000));
        assert_eq!(count(&json!(0)), Err(AmountFault::NotPositive));
        assert_eq!(count(&json!("-3")), Err(AmountFault::NotPositive));
        assert_eq!(count(&json!(1.5)), Err(AmountFault::NotANumber));
        assert_eq!(count(&json!("1.0")), Err(AmountFault::NotANumber));
        assert_eq!(count(&json!(true)), Err(AmountFault::NotANumber));
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("8a457b8f-627d-43cf-8806-f06f8d13c306"));
        assert!(is_uuid("8A457B8F-627D-43CF-8806-F06F8D13C306"));
        assert!(!is_uuid("8a457b8f627d43cf8806f06f8d13c306"));
        assert!(!is_uuid("8a457b8f-627d-43cf-8806-f06f8d13c30"));
        assert!(!is_uuid("8a457b8f-627d-43cf-8806-f06f8d13c306-"));
        assert!(!is_uuid("g a457b8f-627d-43cf-8806-f06f8d13c306"));
    }
}
