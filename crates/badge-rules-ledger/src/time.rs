//! Instants as the ledger stores them (milliseconds since the epoch) and
//! the 30-day window of an instant.

use badge_rules::lowest::window_start;
use badge_rules::period::Instant;
use chrono::{DateTime, SecondsFormat};

use crate::model::Millis;

/// An instant as milliseconds since the epoch.
///
/// ```
/// let at = "1970-01-01T00:00:02Z".parse().unwrap();
/// assert_eq!(badge_rules_ledger::millis_of(at), 2000);
/// ```
pub fn millis_of(at: Instant) -> Millis {
    at.0.timestamp_millis()
}

/// Milliseconds since the epoch as an instant (UTC), if representable.
///
/// ```
/// let at = badge_rules_ledger::instant_of(1500).unwrap();
/// assert_eq!(at.to_string(), "1970-01-01T00:00:01.500Z");
/// ```
pub fn instant_of(ms: Millis) -> Option<Instant> {
    DateTime::from_timestamp_millis(ms).map(|t| Instant(t.fixed_offset()))
}

/// `ms` written as RFC 3339 in UTC.
pub(crate) fn time_text(ms: Millis) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_default()
}

/// The window of `at`: `[at − 30 days, at]` in milliseconds.
pub(crate) fn window(at: Instant) -> (Millis, Millis) {
    let end = millis_of(at);
    let start = window_start(at).map_or(Millis::MIN, millis_of);
    (start, end)
}
