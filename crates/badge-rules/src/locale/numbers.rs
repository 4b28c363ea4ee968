//! How a language writes a decimal number in a sentence: its decimal mark
//! and its thousands separator, as `Intl.NumberFormat` writes them
//! (`200.00` is `200,00` in Polish, `400000.00` is `400 000,00` with a
//! non-breaking space, and `400,000.00` in English).
//!
//! Only the texts people read change: params, the JSON fields and the
//! rfc4180 CSV keep the engine's `400000.00`.

use std::borrow::Cow;

/// A language's way of writing decimal numbers in its sentences.
///
/// ```
/// use badge_rules::Lang;
/// let pl = Lang::Pl.locale().numbers();
/// assert_eq!((pl.decimal, pl.group), (',', '\u{a0}'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    /// The decimal mark: `.` or `,`.
    pub decimal: char,
    /// The thousands separator (a non-breaking space where it is a space,
    /// so that a number never breaks across lines).
    pub group: char,
    /// The fewest digits before the mark that are grouped: 4 in English
    /// (`1,234.56`), 5 in Polish (`1234,56`, `12 345,67`), as CLDR has it.
    pub min_grouped: usize,
}

impl NumberFormat {
    /// `value` written for a sentence when it is a decimal number as the
    /// engine writes one (`-?digits.digits`, such as an amount `199.99` or a
    /// percentage `98.5`); any other value (an integer, an id, a path, a
    /// user's text) as it is.
    ///
    /// ```
    /// use badge_rules::Lang;
    /// let pl = Lang::Pl.locale().numbers();
    /// assert_eq!(pl.decimal_text("400000.00"), "400\u{a0}000,00");
    /// assert_eq!(pl.decimal_text("1234.50"), "1234,50");
    /// assert_eq!(pl.decimal_text("98.5"), "98,5");
    /// assert_eq!(pl.decimal_text("12345678"), "12345678");
    /// let en = Lang::En.locale().numbers();
    /// assert_eq!(en.decimal_text("-1234.50"), "-1,234.50");
    /// assert_eq!(en.decimal_text("199.99"), "199.99");
    /// assert_eq!(en.decimal_text("v1.2"), "v1.2");
    /// ```
    pub fn decimal_text<'v>(&self, value: &'v str) -> Cow<'v, str> {
        let (sign, unsigned) = match value.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", value),
        };
        let Some((whole, fraction)) = unsigned.split_once('.') else {
            return Cow::Borrowed(value);
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) {
            return Cow::Borrowed(value);
        }
        let mut out = String::with_capacity(value.len() + 4);
        out.push_str(sign);
        let grouped = whole.len() >= self.min_grouped;
        for (i, digit) in whole.chars().enumerate() {
            if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(digit);
        }
        out.push(self.decimal);
        out.push_str(fraction);
        Cow::Owned(out)
    }

    /// `value` as a spreadsheet in this language reads a number: the
    /// decimal mark changed, no thousands separator (`1234,50`); any other
    /// value as it is.
    ///
    /// ```
    /// use badge_rules::Lang;
    /// assert_eq!(Lang::Pl.locale().numbers().cell_text("400000.00"), "400000,00");
    /// assert_eq!(Lang::Pl.locale().numbers().cell_text("n/a"), "n/a");
    /// ```
    pub fn cell_text<'v>(&self, value: &'v str) -> Cow<'v, str> {
        let ungrouped = NumberFormat {
            min_grouped: usize::MAX,
            ..*self
        };
        ungrouped.decimal_text(value)
    }
}

#[cfg(test)]
mod tests {
    use super::NumberFormat;

    const PL: NumberFormat = NumberFormat {
        decimal: ',',
        group: ' ',
        min_grouped: 5,
    };

    #[test]
    fn only_decimal_numbers_change_and_groups_fall_every_three_digits() {
        assert_eq!(PL.decimal_text("0.01"), "0,01");
        assert_eq!(PL.decimal_text("12345.67"), "12 345,67");
        assert_eq!(PL.decimal_text("1234567.00"), "1 234 567,00");
        assert_eq!(PL.decimal_text("-400000.00"), "-400 000,00");
        for kept in [
            "",
            ".",
            "1.",
            ".5",
            "1.2.3",
            "a.b",
            "1,5",
            "-",
            "--1.0",
            "offers[1].id",
        ] {
            assert_eq!(PL.decimal_text(kept), kept);
        }
    }
}
