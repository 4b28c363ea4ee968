//! Time: instants and Allegro's periods.
//!
//! The engine reads no clock: the current time is the document's `now`, an
//! RFC 3339 string with an offset. Allegro describes a campaign's application,
//! publication and visibility windows as periods of five types.
//!
//! ```
//! use badge_rules::period::{Instant, Period};
//!
//! let now: Instant = "2026-11-23T12:00:00+01:00".parse().unwrap();
//! let p: Period = serde_json::from_str(
//!     r#"{"type": "WITHIN", "from": "2026-11-01T00:00:00Z", "to": "2026-11-23T11:00:00Z"}"#,
//! ).unwrap();
//! // 12:00+01:00 is 11:00Z: the period closes exactly now, so it is closed.
//! assert_eq!(p.is_open_at(now), Ok(false));
//! assert_eq!(p.has_ended_at(now), Ok(true));
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, Months, SecondsFormat, TimeDelta};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, parsed from RFC 3339 with its offset kept. Instants compare by
/// the moment they name, whatever their offsets.
///
/// ```
/// use badge_rules::period::Instant;
/// let a: Instant = "2026-01-01T01:00:00+01:00".parse().unwrap();
/// let b: Instant = "2026-01-01T00:00:00Z".parse().unwrap();
/// assert_eq!(a, b);
/// assert!("2026-01-01 00:00".parse::<Instant>().is_err());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Instant(pub DateTime<FixedOffset>);

impl Instant {
    /// This instant plus `months` calendar months, in its own offset, the day
    /// clamped to the month's last (31 August + 6 months = 28 or 29 February).
    ///
    /// ```
    /// use badge_rules::period::Instant;
    /// let t: Instant = "2026-08-31T10:00:00+02:00".parse().unwrap();
    /// assert_eq!(t.plus_months(6).unwrap().to_string(), "2027-02-28T10:00:00+02:00");
    /// ```
    pub fn plus_months(self, months: u32) -> Option<Instant> {
        self.0.checked_add_months(Months::new(months)).map(Instant)
    }

    /// This instant minus `hours` hours.
    ///
    /// ```
    /// use badge_rules::period::Instant;
    /// let t: Instant = "2026-11-23T12:00:00Z".parse().unwrap();
    /// assert_eq!(t.minus_hours(24).unwrap().to_string(), "2026-11-22T12:00:00Z");
    /// ```
    pub fn minus_hours(self, hours: i64) -> Option<Instant> {
        let delta = TimeDelta::try_hours(hours)?;
        self.0.checked_sub_signed(delta).map(Instant)
    }
}

impl PartialEq for Instant {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for Instant {}
impl PartialOrd for Instant {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Instant {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl FromStr for Instant {
    type Err = chrono::ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(s).map(Instant)
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Instant;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 time with an offset, such as \"2026-11-23T12:00:00Z\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Instant, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// The five period types of Allegro's API.
///
/// ```
/// use badge_rules::period::{Period, PeriodType};
/// let never: Period =
///     serde_json::from_str(r#"{"type": "NEVER", "from": null, "to": null}"#).unwrap();
/// assert_eq!(never.kind, PeriodType::Never);
/// assert_eq!(never.is_open_at("2026-11-23T12:00:00Z".parse().unwrap()), Ok(false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum PeriodType {
    /// Always open.
    Always,
    /// Never open.
    Never,
    /// Open from `from` on.
    Since,
    /// Open until `to` (exclusive).
    Until,
    /// Open from `from` (inclusive) until `to` (exclusive).
    Within,
}

impl PeriodType {
    /// Allegro's spelling.
    ///
    /// ```
    /// assert_eq!(badge_rules::period::PeriodType::Within.as_str(), "WITHIN");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            PeriodType::Always => "ALWAYS",
            PeriodType::Never => "NEVER",
            PeriodType::Since => "SINCE",
            PeriodType::Until => "UNTIL",
            PeriodType::Within => "WITHIN",
        }
    }
}

/// A period: `{type, from, to}`; `from` and `to` may be absent or `null` where
/// the type does not use them.
///
/// ```
/// use badge_rules::period::Period;
/// let always: Period = serde_json::from_str(r#"{"type": "ALWAYS"}"#).unwrap();
/// assert_eq!(always.is_open_at("2000-01-01T00:00:00Z".parse().unwrap()), Ok(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Period {
    /// The type.
    #[serde(rename = "type")]
    pub kind: PeriodType,
    /// The start, for `SINCE` and `WITHIN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "Instant | null"))]
    pub from: Option<Instant>,
    /// The end (exclusive), for `UNTIL` and `WITHIN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "Instant | null"))]
    pub to: Option<Instant>,
}

/// A period's type needs a bound that is absent: `"from"` or `"to"`.
///
/// ```
/// use badge_rules::period::{MissingBound, Period};
/// let until: Period =
///     serde_json::from_str(r#"{"type": "UNTIL", "from": "2026-01-01T00:00:00Z"}"#).unwrap();
/// let now = "2026-11-23T12:00:00Z".parse().unwrap();
/// assert_eq!(until.is_open_at(now), Err(MissingBound("to")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingBound(pub &'static str);

impl Period {
    fn from(&self) -> Result<Instant, MissingBound> {
        self.from.ok_or(MissingBound("from"))
    }
    fn to(&self) -> Result<Instant, MissingBound> {
        self.to.ok_or(MissingBound("to"))
    }

    /// Checks that the bounds the type needs are present.
    ///
    /// ```
    /// use badge_rules::period::{MissingBound, Period};
    /// let p: Period = serde_json::from_str(r#"{"type": "WITHIN", "from": "2026-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(p.validate(), Err(MissingBound("to")));
    /// ```
    pub fn validate(&self) -> Result<(), MissingBound> {
        match self.kind {
            PeriodType::Always | PeriodType::Never => Ok(()),
            PeriodType::Since => self.from().map(drop),
            PeriodType::Until => self.to().map(drop),
            PeriodType::Within => self.from().and(self.to()).map(drop),
        }
    }

    /// Is the period open at `now`? `SINCE` opens at `from` inclusive; `UNTIL`
    /// and `WITHIN` close at `to`, exclusive.
    ///
    /// ```
    /// use badge_rules::period::Period;
    /// let p: Period = serde_json::from_str(r#"{"type": "SINCE", "from": "2026-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(p.is_open_at("2026-01-01T00:00:00Z".parse().unwrap()), Ok(true));
    /// assert_eq!(p.is_open_at("2025-12-31T23:59:59Z".parse().unwrap()), Ok(false));
    /// ```
    pub fn is_open_at(&self, now: Instant) -> Result<bool, MissingBound> {
        Ok(match self.kind {
            PeriodType::Always => true,
            PeriodType::Never => false,
            PeriodType::Since => now >= self.from()?,
            PeriodType::Until => now < self.to()?,
            PeriodType::Within => self.from()? <= now && now < self.to()?,
        })
    }

    /// Has the period ended at `now`? Only `UNTIL` and `WITHIN` end, at `to`.
    ///
    /// ```
    /// use badge_rules::period::Period;
    /// let p: Period = serde_json::from_str(r#"{"type": "UNTIL", "to": "2026-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(p.has_ended_at("2026-01-01T00:00:00Z".parse().unwrap()), Ok(true));
    /// ```
    pub fn has_ended_at(&self, now: Instant) -> Result<bool, MissingBound> {
        Ok(match self.kind {
            PeriodType::Until | PeriodType::Within => now >= self.to()?,
            _ => false,
        })
    }

    /// A `WITHIN` period whose `from` is after its `to` (BA78).
    ///
    /// ```
    /// use badge_rules::period::Period;
    /// let p: Period = serde_json::from_str(
    ///     r#"{"type": "WITHIN", "from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}"#,
    /// ).unwrap();
    /// assert!(p.is_inverted());
    /// ```
    pub fn is_inverted(&self) -> bool {
        match (self.kind, self.from, self.to) {
            (PeriodType::Within, Some(from), Some(to)) => from > to,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        s.parse().unwrap()
    }

    #[test]
    fn odd_times_parse() {
        for s in [
            "2016-12-31T23:59:60Z",
            "2026-11-23T12:00:00-00:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z",
            "2026-11-23T12:00:00.123456789+05:45",
        ] {
            assert!(s.parse::<Instant>().is_ok(), "{s}");
        }
        for s in [
            "2025-02-29T00:00:00Z",
            "2026-11-23T12:00:00",
            "2026-11-23",
            "",
        ] {
            assert!(s.parse::<Instant>().is_err(), "{s}");
        }
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(
            t("2024-08-31T00:00:00Z").plus_months(6),
            Some(t("2025-02-28T00:00:00Z"))
        );
        assert_eq!(
            t("2023-08-31T00:00:00Z").plus_months(6),
            Some(t("2024-02-29T00:00:00Z"))
        );
        assert_eq!(
            t("2026-05-23T12:00:00Z").plus_months(6),
            Some(t("2026-11-23T12:00:00Z"))
        );
        assert_eq!(t("9999-12-31T00:00:00Z").plus_months(u32::MAX), None);
    }
}
