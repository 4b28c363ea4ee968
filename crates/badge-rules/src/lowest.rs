//! M, the lowest price of the 30 days before an instant (RULES.md §3).
//!
//! Allegro strikes through the lowest price an offer had in the 30 days
//! before a discount, and the market ladder (RULES.md §4.3) measures the
//! bargain price against it. No API resource returns it, so the engine
//! computes it from `metrics.priceHistory`, a list of `{at, price}` entries,
//! each in force from `at` until the next one. This module is that
//! computation, and the only one: the rules call it, and so does every
//! adapter that keeps a price history of its own (the CLI's price ledger),
//! so the answer is the same wherever it is computed.
//!
//! ```
//! use badge_rules::document::PriceChange;
//! use badge_rules::lowest::lowest_in_30_days;
//!
//! let history: Vec<PriceChange> = serde_json::from_str(r#"[
//!     {"at": "2026-10-01T00:00:00Z", "price": {"amount": "180.00", "currency": "PLN"}},
//!     {"at": "2026-11-01T00:00:00Z", "price": {"amount": "210.00", "currency": "PLN"}},
//!     {"at": "2026-11-10T00:00:00Z", "price": {"amount": "199.99", "currency": "PLN"}}
//! ]"#).unwrap();
//! let now = "2026-11-23T12:00:00Z".parse().unwrap();
//! // The window opens on 24 October at 12:00, while 180.00 is in force.
//! assert_eq!(lowest_in_30_days(&history, now, None), Some(18000));
//! ```

use crate::document::PriceChange;
use crate::period::Instant;

/// How far back the window reaches: 30 days, in hours.
///
/// ```
/// assert_eq!(badge_rules::lowest::WINDOW_HOURS, 30 * 24);
/// ```
pub const WINDOW_HOURS: i64 = 30 * 24;

/// The instant the window of `now` opens: `now` − 30 days (`None` when that
/// instant cannot be represented).
///
/// ```
/// use badge_rules::lowest::window_start;
/// let now = "2026-11-23T12:00:00Z".parse().unwrap();
/// assert_eq!(window_start(now).unwrap().to_string(), "2026-10-24T12:00:00Z");
/// ```
pub fn window_start(now: Instant) -> Option<Instant> {
    now.minus_hours(WINDOW_HOURS)
}

/// The lowest price, in grosze, in force at any moment of `[now − 30 days,
/// now]`: the entry in force when the window opened (the last one at or
/// before its start), every entry inside it, and `current`, the offer's
/// current price, in force at `now`. Entries after `now` are ignored, and so
/// are the entries before the window other than the last one. The entries
/// need not be sorted. `None` when nothing is in force in the window.
///
/// ```
/// use badge_rules::document::PriceChange;
/// use badge_rules::lowest::lowest_in_30_days;
///
/// let history: Vec<PriceChange> = serde_json::from_str(r#"[
///     {"at": "2026-11-30T00:00:00Z", "price": {"amount": "10.00", "currency": "PLN"}},
///     {"at": "2026-11-10T00:00:00Z", "price": {"amount": "199.99", "currency": "PLN"}}
/// ]"#).unwrap();
/// let now = "2026-11-23T12:00:00Z".parse().unwrap();
/// // 10.00 is set after `now`: it does not count; the current price does.
/// assert_eq!(lowest_in_30_days(&history, now, None), Some(19999));
/// assert_eq!(lowest_in_30_days(&history, now, Some(15000)), Some(15000));
/// assert_eq!(lowest_in_30_days(&[], now, None), None);
/// ```
pub fn lowest_in_30_days(
    history: &[PriceChange],
    now: Instant,
    current: Option<i128>,
) -> Option<i128> {
    let start = window_start(now)?;
    let opening = history.iter().filter(|e| e.at <= start).map(|e| e.at).max();
    history
        .iter()
        .filter(|e| e.at <= now && (e.at > start || Some(e.at) == opening))
        .map(|e| e.price.grosze())
        .chain(current)
        .min()
}
