//! The range of bargain prices, in grosze, that the price rules let pass
//! (RULES.md §6, `hints.bargain`): each price rule narrows it from its side.

/// An inclusive range `[low, high]` of grosze; no upper end until a rule sets one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    low: i128,
    high: Option<i128>,
}

impl Default for Range {
    /// Every positive price: one grosz and up.
    fn default() -> Self {
        Range { low: 1, high: None }
    }
}

impl Range {
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
    fn shares_round_down_and_up() {
        assert_eq!((floor_share(199, 5_000), ceil_share(199, 5_000)), (99, 100));
        assert_eq!(
            (floor_share(200, 5_000), ceil_share(200, 5_000)),
            (100, 100)
        );
    }
}
