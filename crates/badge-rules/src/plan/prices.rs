//! The price rules: which bargain price a plan proposes.

use std::fmt;
use std::str::FromStr;

use crate::money::{parse_decimal, show_grosze};

/// Which bargain price a plan proposes, from the range of bargain prices
/// that pass every price rule that can be evaluated (`hints.bargain`).
///
/// ```
/// use badge_rules::plan::PriceRule;
/// assert_eq!("highest".parse(), Ok(PriceRule::Highest));
/// assert_eq!("discount=42.5".parse(), Ok(PriceRule::Discount(4250)));
/// assert!("discount=100".parse::<PriceRule>().is_err());
/// assert_eq!(PriceRule::Discount(4250).to_string(), "discount=42.5");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriceRule {
    /// The highest price in the range: the smallest discount that passes.
    #[default]
    Highest,
    /// The lowest price in the range.
    Lowest,
    /// N % below the market price M (in basis points: 4000 is 40 %),
    /// rounded down to the grosz, whether it passes or not.
    Discount(i128),
}

impl FromStr for PriceRule {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "highest" => Ok(PriceRule::Highest),
            "lowest" => Ok(PriceRule::Lowest),
            _ => {
                let n = text.strip_prefix("discount=").ok_or_else(|| {
                    format!("{text:?} is not a price rule: highest, lowest or discount=N")
                })?;
                let bp = parse_decimal(n, 2)
                    .map(crate::money::grosze)
                    .filter(|bp| *bp > 0 && *bp < 10_000)
                    .ok_or_else(|| {
                        format!("discount={n}: N is a percentage above 0 and below 100, with at most two decimals")
                    })?;
                Ok(PriceRule::Discount(bp))
            }
        }
    }
}

impl fmt::Display for PriceRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceRule::Highest => f.write_str("highest"),
            PriceRule::Lowest => f.write_str("lowest"),
            PriceRule::Discount(bp) => {
                let shown = show_grosze(*bp);
                let shown = shown.trim_end_matches('0').trim_end_matches('.');
                write!(f, "discount={shown}")
            }
        }
    }
}
