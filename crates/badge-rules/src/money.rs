//! Money: decimal amounts, currencies and marketplaces.
//!
//! Allegro writes money as `{"amount": "180.00", "currency": "PLN"}`, the
//! amount a decimal string. badge-rules keeps amounts as
//! [`rust_decimal::Decimal`] and never as a float, and it decides every price
//! rule in whole grosze (hundredths of the currency unit) as `i128`, so the
//! decisions are exact for every amount `Decimal` can hold.
//!
//! ```
//! use badge_rules::money::{parse_amount, AmountFault};
//!
//! assert_eq!(parse_amount("180.00").map(|d| d.to_string()), Ok("180.00".to_string()));
//! assert_eq!(parse_amount("9,99"), Err(AmountFault::NotANumber));
//! assert_eq!(parse_amount("1e3"), Err(AmountFault::NotANumber));
//! assert_eq!(parse_amount("0.001"), Err(AmountFault::NotANumber)); // more than two decimals
//! assert_eq!(parse_amount("-0.00"), Err(AmountFault::NotPositive));
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How a request amount fails Allegro's synchronous validation.
///
/// ```
/// use badge_rules::{check_json, money::{parse_amount, AmountFault}, Options};
/// assert_eq!(parse_amount("12.345"), Err(AmountFault::NotANumber)); // BB6
/// assert_eq!(parse_amount("0.00"), Err(AmountFault::NotPositive)); // BB7
/// let report = check_json(r#"{"kind": "application", "request": {"campaign": {"id": "BARGAIN"},
///     "offer": {"id": "1"}, "prices": {"bargain": {"amount": "0.00", "currency": "PLN"}}}}"#,
///     &Options::default()).unwrap();
/// assert_eq!(report.violations[0].code.as_str(), "BB7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AmountFault {
    /// Not a decimal string with at most two fractional digits, or beyond what
    /// `Decimal` holds: BB6.
    NotANumber,
    /// A number, but not at least one grosz (`<= 0`): BB7.
    NotPositive,
    /// A positive number in a currency whose prices Allegro wants rounded
    /// to a step, not a multiple of it: a HUF amount that does not end in 0
    /// or 5 forints (allegro-api#9888). BB6, inferred (`channel`).
    NotRounded {
        /// The step, in minor units (500 for 5 forints).
        step: i128,
    },
}

/// The step Allegro wants `currency`'s prices rounded to, in minor units:
/// 500 (5 forints) for HUF, whose prices must end in 0 or 5 (allegro-api#9888;
/// Allegro writes them as whole forints); `None` for the others.
///
/// ```
/// use badge_rules::money::price_step;
/// assert_eq!(price_step("HUF"), Some(500));
/// assert_eq!(price_step("PLN"), None);
/// ```
pub fn price_step(currency: &str) -> Option<i128> {
    (currency == "HUF").then_some(500)
}

/// `amount` (minor units) rounded down to a multiple of `step`.
///
/// ```
/// assert_eq!(badge_rules::money::floor_to_step(199_999, 500), 199_500);
/// assert_eq!(badge_rules::money::floor_to_step(199_500, 500), 199_500);
/// ```
pub fn floor_to_step(amount: i128, step: i128) -> i128 {
    if step <= 0 {
        return amount;
    }
    amount - amount.rem_euclid(step)
}

/// `amount` (minor units) rounded up to a multiple of `step`.
///
/// ```
/// assert_eq!(badge_rules::money::ceil_to_step(199_001, 500), 199_500);
/// assert_eq!(badge_rules::money::ceil_to_step(199_500, 500), 199_500);
/// ```
pub fn ceil_to_step(amount: i128, step: i128) -> i128 {
    let floor = floor_to_step(amount, step);
    if floor == amount {
        amount
    } else {
        floor.saturating_add(step)
    }
}

/// Is `text` a plain decimal numeral: an optional `-`, digits, and optionally
/// a `.` followed by digits? Returns the number of fractional digits.
fn numeral_scale(text: &str) -> Option<usize> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match frac {
        None => Some(0),
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => Some(f.len()),
        Some(_) => None,
    }
}

/// Parses a decimal string with at most `max_scale` fractional digits.
///
/// ```
/// use badge_rules::money::parse_decimal;
/// assert_eq!(parse_decimal("99.5", 2).map(|d| d.to_string()), Some("99.5".into()));
/// assert_eq!(parse_decimal("+1", 2), None);
/// assert_eq!(parse_decimal("1_000", 2), None);
/// ```
pub fn parse_decimal(text: &str, max_scale: usize) -> Option<Decimal> {
    let scale = numeral_scale(text)?;
    if scale > max_scale {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// Parses a request amount as Allegro's synchronous validation does: a decimal
/// string with at most two fractional digits (else BB6), at least one grosz
/// (else BB7; a leading minus sign still makes a number).
///
/// ```
/// use badge_rules::money::{parse_amount, AmountFault};
/// assert!(parse_amount("0.01").is_ok());
/// assert_eq!(parse_amount("0.00"), Err(AmountFault::NotPositive));
/// assert_eq!(parse_amount("-5"), Err(AmountFault::NotPositive));
/// assert_eq!(parse_amount(""), Err(AmountFault::NotANumber));
/// assert_eq!(parse_amount("1234567890123456789012345678901234567890"), Err(AmountFault::NotANumber));
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, AmountFault> {
    let value = parse_decimal(text, 2).ok_or(AmountFault::NotANumber)?;
    if value <= Decimal::ZERO {
        return Err(AmountFault::NotPositive);
    }
    Ok(value)
}

/// An amount in grosze (hundredths). Exact for any `Decimal` with at most two
/// fractional digits.
///
/// ```
/// use badge_rules::money::grosze;
/// use rust_decimal::Decimal;
/// assert_eq!(grosze(Decimal::new(1999, 2)), 1999);
/// assert_eq!(grosze(Decimal::new(5, 0)), 500);
/// ```
pub fn grosze(amount: Decimal) -> i128 {
    let mantissa = amount.mantissa();
    match amount.scale() {
        0 => mantissa * 100,
        1 => mantissa * 10,
        2 => mantissa,
        // More than two fractional digits never reach a price rule; truncate
        // toward zero rather than fail.
        s => mantissa / 10i128.pow(s.saturating_sub(2)),
    }
}

/// Grosze back to a two-decimal amount, if `Decimal` can hold it.
///
/// ```
/// use badge_rules::money::{from_grosze, grosze};
/// assert_eq!(from_grosze(8000).map(|d| d.to_string()), Some("80.00".into()));
/// ```
pub fn from_grosze(grosze: i128) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(grosze, 2).ok()
}

/// `grosze` written as an amount with two fractional digits (`-0.05`,
/// `80.00`), as [`from_grosze`] would display, without going through
/// [`Decimal`] or `core::fmt`: reports write many of these.
///
/// ```
/// use badge_rules::money::{from_grosze, show_grosze};
/// assert_eq!(show_grosze(8000), "80.00");
/// assert_eq!(show_grosze(-5), "-0.05");
/// for g in [0, 1, 99, 100, -101, 123_456_789, i64::MAX as i128] {
///     assert_eq!(show_grosze(g), from_grosze(g).unwrap().to_string());
/// }
/// ```
pub fn show_grosze(grosze: i128) -> String {
    // u128::MAX has 39 digits.
    const LEN: usize = 40;
    let mut digits = [b'0'; LEN];
    let mut rest = grosze.unsigned_abs();
    let mut start = LEN;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
        start -= 1;
        // At least three digits: the whole part's 0 and two fractional ones.
        if rest == 0 && start <= LEN - 3 {
            break;
        }
    }
    let digits = digits.get(start..).unwrap_or_default();
    let (whole, fraction) = digits.split_at(digits.len().saturating_sub(2));
    let mut out = String::with_capacity(digits.len() + 2);
    if grosze < 0 {
        out.push('-');
    }
    out.extend(whole.iter().map(|&b| char::from(b)));
    out.push('.');
    out.extend(fraction.iter().map(|&b| char::from(b)));
    out
}

/// A money value of the check document's context: `{amount, currency}`, the
/// amount a decimal string with at most two fractional digits.
///
/// ```
/// use badge_rules::money::Money;
/// let m: Money = serde_json::from_str(r#"{"amount": "19.99", "currency": "PLN"}"#).unwrap();
/// assert_eq!(m.grosze(), 1999);
/// assert!(serde_json::from_str::<Money>(r#"{"amount": 19.99, "currency": "PLN"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Money {
    /// The amount.
    pub amount: Amount,
    /// The ISO 4217 currency code, as Allegro writes it.
    pub currency: String,
}

impl Money {
    /// The amount in grosze.
    ///
    /// ```
    /// use badge_rules::money::Money;
    /// assert_eq!(Money::new("1.5".parse().unwrap(), "PLN").grosze(), 150);
    /// ```
    pub fn grosze(&self) -> i128 {
        grosze(self.amount.0)
    }

    /// A money value.
    ///
    /// ```
    /// use badge_rules::money::Money;
    /// let m = Money::new(rust_decimal::Decimal::ONE, "CZK");
    /// assert_eq!(m.currency, "CZK");
    /// ```
    pub fn new(amount: Decimal, currency: &str) -> Self {
        Money {
            amount: Amount(amount),
            currency: currency.to_owned(),
        }
    }
}

/// A context amount: a decimal string with at most two fractional digits.
/// Serializes back to the same decimal string.
///
/// ```
/// use badge_rules::money::Amount;
/// let a: Amount = serde_json::from_str(r#""200.00""#).unwrap();
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#""200.00""#);
/// assert!(serde_json::from_str::<Amount>(r#""200.001""#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub Decimal);

impl FromStr for Amount {
    type Err = &'static str;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_decimal(s, 2)
            .filter(|d| !d.is_sign_negative() || d.is_zero())
            .map(Amount)
            .ok_or("a non-negative decimal string with at most two fractional digits, such as \"180.00\"")
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a decimal string with at most two fractional digits, such as \"180.00\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// A percentage or rating: a decimal string such as `"40"` or `"99.5"`, with at
/// most two fractional digits.
///
/// ```
/// use badge_rules::money::Percent;
/// let p: Percent = serde_json::from_str(r#""12.5""#).unwrap();
/// assert_eq!(p.basis_points(), 1250);
/// assert!(serde_json::from_str::<Percent>("40").is_err()); // a JSON number
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(pub Decimal);

impl Percent {
    /// Hundredths of a percent.
    ///
    /// ```
    /// use badge_rules::money::Percent;
    /// assert_eq!(Percent("40".parse().unwrap()).basis_points(), 4000);
    /// ```
    pub fn basis_points(self) -> i128 {
        grosze(self.0)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Percent;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string with at most two fractional digits, such as \"40\" or \"99.5\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Percent, E> {
                parse_decimal(v, 2)
                    .map(Percent)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// An Allegro marketplace with its base currency.
///
/// ```
/// use badge_rules::money::Marketplace;
/// assert_eq!(Marketplace::from_id("allegro-sk").map(Marketplace::currency), Some("EUR"));
/// assert_eq!(Marketplace::from_id("allegro-de"), None);
/// ```
///
/// Serialized as its id (`"allegro-pl"`), which is also the TypeScript union
/// of the npm package's `Marketplace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[non_exhaustive]
pub enum Marketplace {
    /// allegro.pl, PLN.
    #[serde(rename = "allegro-pl")]
    Pl,
    /// allegro.cz, CZK.
    #[serde(rename = "allegro-cz")]
    Cz,
    /// allegro.sk, EUR.
    #[serde(rename = "allegro-sk")]
    Sk,
    /// allegro.hu, HUF.
    #[serde(rename = "allegro-hu")]
    Hu,
}

impl Marketplace {
    /// Every marketplace.
    ///
    /// ```
    /// use badge_rules::money::Marketplace;
    /// let ids: Vec<&str> = Marketplace::ALL.iter().map(|m| m.id()).collect();
    /// assert_eq!(ids, ["allegro-pl", "allegro-cz", "allegro-sk", "allegro-hu"]);
    /// assert!(Marketplace::ALL.iter().all(|m| serde_json::to_value(m).unwrap() == m.id()));
    /// ```
    pub const ALL: [Marketplace; 4] = [Self::Pl, Self::Cz, Self::Sk, Self::Hu];

    /// The marketplace with Allegro's id (`allegro-pl`, ...).
    ///
    /// ```
    /// use badge_rules::money::Marketplace;
    /// assert_eq!(Marketplace::from_id("allegro-pl"), Some(Marketplace::Pl));
    /// ```
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Allegro's id.
    ///
    /// ```
    /// assert_eq!(badge_rules::money::Marketplace::Hu.id(), "allegro-hu");
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            Self::Pl => "allegro-pl",
            Self::Cz => "allegro-cz",
            Self::Sk => "allegro-sk",
            Self::Hu => "allegro-hu",
        }
    }

    /// The base currency.
    ///
    /// ```
    /// assert_eq!(badge_rules::money::Marketplace::Cz.currency(), "CZK");
    /// ```
    pub const fn currency(self) -> &'static str {
        match self {
            Self::Pl => "PLN",
            Self::Cz => "CZK",
            Self::Sk => "EUR",
            Self::Hu => "HUF",
        }
    }
}

/// Shows `numerator / denominator` as a percentage with two decimals, rounded
/// down (`up == false`) or up: the figure a report shows beside a percentage
/// decision, rounded away from the boundary the value failed.
pub(crate) fn percent_of(numerator: i128, denominator: i128, up: bool) -> String {
    if denominator <= 0 {
        return String::new();
    }
    let scaled = numerator.saturating_mul(10_000);
    let mut bp = scaled.div_euclid(denominator);
    if up && scaled.rem_euclid(denominator) != 0 {
        bp = bp.saturating_add(1);
    }
    match from_grosze(bp) {
        Some(d) => d.normalize().to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        for ok in [
            "1",
            "0.01",
            "180.00",
            "007.5",
            "79228162514264337593543950.33",
        ] {
            assert!(parse_amount(ok).is_ok(), "{ok}");
        }
        for bb6 in [
            "", "abc", "9,99", "1e3", "1.", ".5", "+1", "1_0", " 1", "1 ", "0.001", "1.000", "NaN",
            "-", "--1", "1e400",
        ] {
            assert_eq!(parse_amount(bb6), Err(AmountFault::NotANumber), "{bb6}");
        }
        for bb7 in ["0", "0.00", "-0.00", "-1", "-0.01"] {
            assert_eq!(parse_amount(bb7), Err(AmountFault::NotPositive), "{bb7}");
        }
    }

    #[test]
    fn percent_display_rounds_away_from_boundary() {
        // 39.995 %: (200 - 120.01) / 200
        assert_eq!(percent_of(7999, 20000, false), "39.99");
        assert_eq!(percent_of(7999, 20000, true), "40");
        assert_eq!(percent_of(1, 3, true), "33.34");
        assert_eq!(percent_of(1, 3, false), "33.33");
    }
}
