//! The range of bargain prices, in grosze, that the price rules let pass
//! (RULES.md §6, `hints.bargain`): each price rule narrows it from its side,
//! and a price rule that cannot bound it for want of an input says so
//! ([`Range::unapplied`]).

use crate::catalogue::Code;

/// An inclusive range `[low, high]` of grosze; no upper end until a rule
/// sets one; and the codes of the price rules that could not bound it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    low: i128,
    high: Option<i128>,
    unapplied: [Option<Code>; 8],
}

impl Default for Range {
    /// Every positive price: one grosz and up.
    fn default() -> Self {
        Range {
            low: 1,
            high: None,
            unapplied: [None; 8],
        }
    }
}

impl Range {
    /// The price rule reporting `code` could not bound the range: an input
    /// it needs is missing (recorded once; `BARGAIN_HINT_PARTIAL` names it).
    pub(crate) fn unapplied(&mut self, code: Code) {
        if self.unapplied.contains(&Some(code)) {
            return;
        }
        if let Some(slot) = self.unapplied.iter_mut().find(|s| s.is_none()) {
            *slot = Some(code);
        }
    }

    /// The codes of the price rules that could not bound the range, in the
    /// order they were recorded.
    pub(crate) fn unapplied_codes(&self) -> impl Iterator<Item = Code> + '_ {
        self.unapplied.iter().flatten().copied()
    }

    /// No price above `max` passes.
    pub(crate) fn at_most(&mut self, max: i128) {
        self.high = Some(self.high.map_or(max, |h| h.min(max)));
    }

    /// No price below `min` passes.
    pub(crate) fn at_least(&mut self, min: i128) {
        self.low = self.low.max(min);
    }

    /// `(low, high)`, when some rule set an upper end (`low > high`: no
    /// price passes).
    pub(crate) fn ends(self) -> Option<(i128, i128)> {
        self.high.map(|h| (self.low, h))
    }
}

/// ⌊v × bp / 10000⌋.
pub(crate) fn floor_share(v: i128, bp: i128) -> i128 {
    v.saturating_mul(bp).div_euclid(10_000)
}

/// ⌈v × bp / 10000⌉.
pub(crate) fn ceil_share(v: i128, bp: i128) -> i128 {
    let x = v.saturating_mul(bp);
    x.div_euclid(10_000) + i128::from(x.rem_euclid(10_000) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_narrows_from_both_sides() {
        let mut r = Range::default();
        assert_eq!(r.ends(), None);
        r.at_most(500);
        r.at_most(700);
        r.at_least(100);
        assert_eq!(r.ends(), Some((100, 500)));
        r.at_least(600);
        assert_eq!(r.ends(), Some((600, 500)));
    }

    #[test]
    fn an_unapplied_rule_is_recorded_once_in_order() {
        let mut r = Range::default();
        r.unapplied(Code::BA50);
        r.unapplied(Code::BA49);
        r.unapplied(Code::BA50);
        assert_eq!(
            r.unapplied_codes().collect::<Vec<_>>(),
            [Code::BA50, Code::BA49]
        );
    }

    #[test]
    fn shares_round_down_and_up() {
        assert_eq!((floor_share(199, 5_000), ceil_share(199, 5_000)), (99, 100));
        assert_eq!(
            (floor_share(200, 5_000), ceil_share(200, 5_000)),
            (100, 100)
        );
    }
}
