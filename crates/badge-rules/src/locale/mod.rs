//! Languages: every text the engine and its adapters show, one file per
//! language.
//!
//! A language is one implementation of [`Locale`] (as a language is one `I18n`
//! implementation in garde): Allegro's text of every [`Code`](crate::Code), the reason a
//! server-only code cannot be decided offline, the engine's warning
//! templates, the Ads Partner benefits, and the [`Label`]s adapters print for
//! people (verdict sentences, headings, the skipped-check sentence). Each
//! method is one exhaustive `match`, so a language that lacks a text does not
//! compile, and `tests` below fail on an empty one.
//!
//! Adding a language is one file here and one line of `languages!` below;
//! the whole recipe, with the tests and docs it touches, is
//! `docs/EXTENDING.md`'s "Add a language".
//!
//! The CLI, the npm package and the form list languages from [`Lang::ALL`].
//!
//! ```
//! use badge_rules::{locale::Label, Code, Lang};
//!
//! assert_eq!(Lang::Pl.locale().code(Code::BB3), "Brak pola campaign.id.");
//! assert_eq!(Lang::En.label(Label::Reject), "Allegro would refuse this request");
//! assert_eq!("pl".parse::<Lang>(), Ok(Lang::Pl));
//! assert_eq!(Lang::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(), ["en", "pl"]);
//! ```

mod en;
mod numbers;
mod pl;
mod texts;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Check, CodeInfo};
use crate::keys::WarningCode;

pub use crate::keys::Label;
pub use numbers::NumberFormat;
pub use texts::Locale;

macro_rules! languages {
    ($( $(#[$doc:meta])* $variant:ident $tag:literal $allegro:literal => $locale:path ),* $(,)?) => {
        /// The language of messages.
        ///
        /// ```
        /// use badge_rules::Lang;
        /// assert_eq!(Lang::default(), Lang::En);
        /// assert_eq!(Lang::Pl.to_string(), "pl");
        /// ```
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[serde(rename_all = "lowercase")]
        #[non_exhaustive]
        pub enum Lang {
            $( $(#[$doc])* $variant, )*
        }

        impl Lang {
            /// Every language, the default first.
            ///
            /// ```
            /// assert_eq!(badge_rules::Lang::ALL[0], badge_rules::Lang::default());
            /// ```
            pub const ALL: &'static [Lang] = &[$( Lang::$variant ),*];

            /// The language's tag: `en`, `pl`.
            ///
            /// ```
            /// assert_eq!(badge_rules::Lang::Pl.as_str(), "pl");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Lang::$variant => $tag, )*
                }
            }

            /// Every text of this language.
            ///
            /// ```
            /// use badge_rules::{Code, Lang};
            /// assert_eq!(Lang::En.locale().code(Code::BA10), "Campaign not found.");
            /// ```
            pub fn locale(self) -> &'static dyn Locale {
                match self {
                    $( Lang::$variant => &$locale, )*
                }
            }

            /// Allegro's Accept-Language tag of this language: `en-US`, `pl-PL`.
            ///
            /// ```
            /// assert_eq!(badge_rules::Lang::Pl.allegro_tag(), "pl-PL");
            /// ```
            pub const fn allegro_tag(self) -> &'static str {
                match self {
                    $( Lang::$variant => $allegro, )*
                }
            }
        }
    };
}

languages! {
    /// English (the default).
    #[default]
    En "en" "en-US" => en::English,
    /// Polish.
    Pl "pl" "pl-PL" => pl::Polish,
}

impl Lang {
    /// A label in this language.
    ///
    /// ```
    /// use badge_rules::{locale::Label, Lang};
    /// assert_eq!(Lang::Pl.label(Label::Needs), "potrzebuje");
    /// ```
    pub fn label(self, label: Label) -> &'static str {
        self.locale().label(label)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Allegro's Accept-Language tags whose languages have no texts here: they
/// fall back to English ([`Options::from_tag`](crate::Options::from_tag)).
///
/// ```
/// for tag in badge_rules::FALLBACK_TAGS {
///     assert_eq!(badge_rules::Options::from_tag(tag).unwrap().fallback_from, Some(tag));
/// }
/// ```
pub const FALLBACK_TAGS: [&str; 4] = ["uk-UA", "sk-SK", "cs-CZ", "hu-HU"];

/// The texts of the [`catalogue`](crate::catalogue)'s rows: the catalogue
/// holds the codes, the languages hold their words.
impl CodeInfo {
    /// Allegro's text in `lang`.
    ///
    /// ```
    /// use badge_rules::{catalogue::{self, Code}, Lang};
    /// assert_eq!(catalogue::info(Code::BB2).text(Lang::Pl), "Konto nie jest Kontem Firma.");
    /// ```
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.locale().code(self.code)
    }
}

impl Check {
    /// Why only Allegro can decide it, in `lang` (`None` when offline).
    ///
    /// ```
    /// use badge_rules::{catalogue::Code, Lang};
    /// assert_eq!(Code::BA10.info().check.reason(Lang::Pl), None);
    /// assert_eq!(Code::BB13.info().check.reason(Lang::Pl), Some("limity zapytań liczą serwery Allegro"));
    /// ```
    pub fn reason(self, lang: Lang) -> Option<&'static str> {
        match self {
            Check::Offline => None,
            Check::ServerOnly(reason) => Some(lang.locale().reason(reason)),
        }
    }
}

impl WarningCode {
    /// The message template in `lang`; `{name}` stands for a param.
    ///
    /// ```
    /// use badge_rules::{report::WarningCode, Lang};
    /// assert!(WarningCode::UnknownRefusalCode.template(Lang::En).contains("{refusalCode}"));
    /// ```
    pub fn template(self, lang: Lang) -> &'static str {
        lang.locale().warning(self)
    }

    /// The message template in `lang` when the warning bears on a refusal
    /// the report makes (its param `refusal` names the code), for the
    /// warnings that have one.
    ///
    /// ```
    /// use badge_rules::{report::WarningCode, Lang};
    /// let text = WarningCode::MarketPriceUpperBound.refusal_template(Lang::En).unwrap();
    /// assert!(text.contains("the refusal {refusal} may be stricter than Allegro's"));
    /// assert_eq!(WarningCode::NoBargainPricePasses.refusal_template(Lang::En), None);
    /// ```
    pub fn refusal_template(self, lang: Lang) -> Option<&'static str> {
        lang.locale().refusal_warning(self)
    }
}

/// A language tag the engine has no texts for.
///
/// ```
/// use badge_rules::Lang;
/// let err = "de".parse::<Lang>().unwrap_err();
/// assert_eq!(err.given(), "de");
/// assert_eq!(
///     err.to_string(),
///     r#"unknown language "de": use "en" or "pl", or one of Allegro's Accept-Language tags (en-US, pl-PL, uk-UA, sk-SK, cs-CZ, hu-HU)"#,
/// );
/// assert_eq!("pl-PL".parse::<Lang>(), Ok(Lang::Pl)); // Allegro's Accept-Language tag
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang {
    given: String,
}

impl UnknownLang {
    /// The tag that was given.
    ///
    /// ```
    /// assert_eq!("xx".parse::<badge_rules::Lang>().unwrap_err().given(), "xx");
    /// ```
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: use ", self.given)?;
        let count = Lang::ALL.len();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            match i {
                0 => {}
                i if i + 1 == count => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "\"{lang}\"")?;
        }
        f.write_str(", or one of Allegro's Accept-Language tags (")?;
        for (i, tag) in Lang::ALL
            .iter()
            .map(|l| l.allegro_tag())
            .chain(FALLBACK_TAGS)
            .enumerate()
        {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(tag)?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .iter()
            .copied()
            .find(|lang| lang.as_str() == s || lang.allegro_tag().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownLang {
                given: s.to_owned(),
            })
    }
}

/// Fills each `{name}` of `template` with the value of `name`, in one pass (a
/// value is never read as a template); a `{name}` with no value stays.
///
/// ```
/// use badge_rules::locale::interpolate;
/// assert_eq!(interpolate("{a} and {b}, {c}", &[("a", "1"), ("b", "{a}")]), "1 and {a}, {c}");
/// ```
pub fn interpolate<'t>(template: &'t str, params: &[(&str, &str)]) -> Cow<'t, str> {
    render(template, |name| {
        params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    })
}

/// [`interpolate`] over a lookup: the engine's own params are not `&str` pairs.
pub(crate) fn render<'t, 'v>(
    template: &'t str,
    value_of: impl Fn(&str) -> Option<&'v str>,
) -> Cow<'t, str> {
    if !template.contains('{') {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let value = from_brace.find('}').and_then(|close| {
            let name = from_brace.get(1..close)?;
            Some((value_of(name)?, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = from_brace.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ALL;
    use crate::keys::{BenefitId, ErrorCode};

    #[test]
    fn every_language_has_every_text() {
        for lang in Lang::ALL {
            let l = lang.locale();
            for row in ALL {
                assert!(!l.code(row.code).is_empty(), "{lang}: {}", row.code);
                if let Check::ServerOnly(reason) = row.check {
                    assert!(!l.reason(reason).is_empty(), "{lang}: {reason:?}");
                }
            }
            for code in WarningCode::ALL {
                assert!(!l.warning(code).is_empty(), "{lang}: {code:?}");
                // A language has a refusal text exactly where English has one.
                let refusal = l.refusal_warning(code);
                assert_eq!(
                    refusal.is_some(),
                    Lang::En.locale().refusal_warning(code).is_some(),
                    "{lang}: {code:?}"
                );
                assert!(
                    refusal.is_none_or(|t| t.contains("{refusal}")),
                    "{lang}: {code:?}"
                );
            }
            for benefit in BenefitId::ALL {
                assert!(!l.benefit(*benefit).is_empty(), "{lang}: {benefit:?}");
            }
            for label in Label::ALL.iter().copied() {
                assert!(!l.label(label).is_empty(), "{lang}: {label:?}");
            }
            for code in ErrorCode::ALL {
                assert!(!l.input_error(*code).is_empty(), "{lang}: {code:?}");
            }
        }
    }

    #[test]
    fn every_language_fills_the_same_params() {
        fn names(text: &str) -> Vec<&str> {
            let mut out: Vec<&str> = text
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
                .collect();
            out.sort_unstable();
            out
        }
        let en = Lang::En.locale();
        for lang in Lang::ALL {
            let l = lang.locale();
            for row in ALL {
                assert_eq!(
                    names(l.code(row.code)),
                    names(en.code(row.code)),
                    "{lang}: {}",
                    row.code
                );
            }
            for code in WarningCode::ALL {
                assert_eq!(
                    names(l.warning(code)),
                    names(en.warning(code)),
                    "{lang}: {code:?}"
                );
                assert_eq!(
                    l.refusal_warning(code).map(names),
                    en.refusal_warning(code).map(names),
                    "{lang}: {code:?}"
                );
            }
            for label in Label::ALL.iter().copied() {
                assert_eq!(
                    names(l.label(label)),
                    names(en.label(label)),
                    "{lang}: {label:?}"
                );
            }
        }
    }

    #[test]
    fn tags_round_trip_and_unknown_ones_are_named() {
        for lang in Lang::ALL {
            assert_eq!(lang.as_str().parse::<Lang>(), Ok(*lang));
            assert_eq!(serde_json::to_value(lang).unwrap(), lang.as_str());
        }
        assert_eq!("EN".parse::<Lang>().unwrap_err().given(), "EN");
    }
}
