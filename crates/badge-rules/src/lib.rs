//! # badge-rules
//!
//! Allegro refuses a bad badge campaign application hours after it is sent,
//! with a code such as `BA49` or `BB5`. badge-rules gives that answer offline,
//! before anything is sent, from data the integrator already holds: the
//! request, the campaign list, the offer, the account and their history.
//!
//! The engine is pure: no clock (the time is the document's `now`), no I/O, no
//! floats (money is a [`Decimal`](https://docs.rs/rust_decimal/latest/rust_decimal/struct.Decimal.html),
//! decided in whole grosze), no
//! panics. It answers a [`Report`]: a [`Verdict`], each violation with
//! Allegro's code, the field a form should highlight and Allegro's text in
//! Polish or English, the rules it could not check for want of context, and
//! the range of bargain prices that would pass.
//!
//! ```
//! use badge_rules::{check_json, Lang, Options, Verdict};
//!
//! let document = r#"{
//!   "kind": "application",
//!   "now": "2026-11-23T12:00:00Z",
//!   "request": {
//!     "campaign": {"id": "SANDBOX_TEST_CAMPAIGN"},
//!     "offer": {"id": "12345678"},
//!     "prices": {"bargain": {"amount": "130.00", "currency": "PLN"}}
//!   },
//!   "campaigns": [{"id": "SANDBOX_TEST_CAMPAIGN", "type": "DISCOUNT"}],
//!   "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}
//! }"#;
//! let report = check_json(document, &Options::new(Lang::Pl)).unwrap();
//! assert_eq!(report.verdict, Verdict::Reject);
//! let ba49 = &report.violations[0];
//! assert_eq!((ba49.code.as_str(), &*ba49.path), ("BA49", "prices.bargain.amount"));
//! assert_eq!(ba49.params.get("discountPercent").unwrap(), "35");
//! ```
//!
//! A document that cannot be checked is an [`InputError`], never a panic:
//! it names the JSON path of the faulty value, has a stable code, and its
//! message comes in English or, with [`InputError::localized`], in any
//! [`Lang`]:
//!
//! ```
//! use badge_rules::{check_json, Lang, Options};
//!
//! let err = check_json(r#"{"kind": "application", "campaigns": [{"name": "x"}]}"#, &Options::default()).unwrap_err();
//! assert_eq!((err.path(), err.code().as_str()), ("campaigns[0].id", "MISSING_FIELD"));
//! assert_eq!(err.message(), "the field id is required");
//! assert_eq!(err.localized(Lang::Pl).message(), "brak wymaganego pola id");
//! ```
//!
//! The modules, one concept each:
//!
//! - the input: [`document`] (the check document, in Allegro's names),
//!   [`money`] and [`period`] (value types), [`terms`] (campaign terms as
//!   data), [`campaigns`] (the built-in campaigns and their terms),
//!   [`lowest`] (the lowest price of the last 30 days), [`partner`] (the Ads
//!   Partner program's levels, snapshot and benefits), [`json_scan`] (the
//!   one scanner of JSON text's structure, which the core, the ledger and the
//!   CLI use to find a value's path, line and extent without parsing it);
//! - the codes and words: [`keys`] (every message key, at the bottom of the
//!   crate), [`catalogue`] (every code Allegro answers with), [`locale`]
//!   (every text, one file per language), [`params`] (a message's params by
//!   name);
//! - the answer: [`report`] (the report), [`error`] (input errors naming
//!   their JSON path), [`channel`] (how Allegro answers each code, per
//!   endpoint), [`response`] (Allegro's answer to the checked request,
//!   predicted, in Allegro's shapes);
//! - the rules: [`registry`] (a read-only view of the rule table: every rule,
//!   its codes and section, and a trace of what each rule found);
//! - the adapters' interface: [`api`] (the JSON interface every adapter
//!   calls) and [`plan`] (a campaign planned over a whole catalogue: the
//!   price to propose per offer and campaign).

pub mod api;
pub mod campaigns;
pub mod catalogue;
pub mod channel;
pub mod document;
pub mod error;
pub mod keys;
pub mod locale;
pub mod lowest;
pub mod money;
pub mod params;
pub mod partner;
pub mod period;
pub mod plan;
pub mod registry;
pub mod report;
pub mod response;
pub mod terms;

mod read;
mod request;
mod rules;

use serde::{Deserialize, Serialize};

pub use catalogue::Code;
pub use document::{Document, Kind};
pub use error::InputError;
pub use locale::{Lang, FALLBACK_TAGS};
pub use report::{Report, Verdict, Violation};
pub use terms::Terms;

/// How to check: the language of messages.
///
/// `lang` takes the engine's tags (`en`, `pl`) and Allegro's Accept-Language
/// tags (`en-US`, `pl-PL`, `uk-UA`, `sk-SK`, `cs-CZ`, `hu-HU`, in any case). A
/// language the engine has no texts for falls back to English, and the
/// report says so once, with the warning `LANGUAGE_FALLBACK`.
///
/// ```
/// use badge_rules::{Lang, Options};
/// let options: Options = serde_json::from_str(r#"{"lang": "pl-PL"}"#).unwrap();
/// assert_eq!(options, Options::new(Lang::Pl));
/// let ukrainian = Options::from_tag("uk-UA").unwrap();
/// assert_eq!((ukrainian.lang, ukrainian.fallback_from), (Lang::En, Some("uk-UA")));
/// assert!(Options::from_tag("de-DE").is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawOptions")]
pub struct Options {
    /// The language of messages.
    pub lang: Lang,
    /// The Accept-Language tag asked for, when the engine has no texts in
    /// its language: the messages are in `lang` (English) instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_from: Option<&'static str>,
}

impl Options {
    /// Messages in `lang`.
    ///
    /// ```
    /// assert_eq!(badge_rules::Options::new(badge_rules::Lang::Pl).lang, badge_rules::Lang::Pl);
    /// ```
    pub const fn new(lang: Lang) -> Self {
        Options {
            lang,
            fallback_from: None,
        }
    }

    /// The options for a language tag: the engine's (`pl`), Allegro's
    /// Accept-Language tag (`pl-PL`), or one of Allegro's languages the
    /// engine has no texts for (`uk-UA`, `sk-SK`, `cs-CZ`, `hu-HU`, or their
    /// language alone), which falls back to English.
    ///
    /// ```
    /// use badge_rules::{Lang, Options};
    /// assert_eq!(Options::from_tag("EN-us").unwrap(), Options::new(Lang::En));
    /// assert_eq!(Options::from_tag("sk").unwrap().fallback_from, Some("sk-SK"));
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownLang`](locale::UnknownLang) for a tag of none of these languages.
    pub fn from_tag(tag: &str) -> Result<Self, locale::UnknownLang> {
        match tag.parse::<Lang>() {
            Ok(lang) => Ok(Options::new(lang)),
            Err(err) => {
                let primary = tag.split(['-', '_']).next().unwrap_or(tag);
                FALLBACK_TAGS
                    .iter()
                    .find(|t| {
                        t.eq_ignore_ascii_case(tag)
                            || t.split('-').next().is_some_and(|p| {
                                p.eq_ignore_ascii_case(primary) && primary.len() == tag.len()
                            })
                    })
                    .map(|t| Options {
                        lang: Lang::En,
                        fallback_from: Some(t),
                    })
                    .ok_or(err)
            }
        }
    }
}

/// Options as JSON gives them: `{"lang": tag}`.
#[derive(Deserialize)]
struct RawOptions {
    #[serde(default)]
    lang: Option<String>,
}

impl TryFrom<RawOptions> for Options {
    type Error = locale::UnknownLang;

    fn try_from(raw: RawOptions) -> Result<Self, Self::Error> {
        raw.lang
            .map_or(Ok(Options::default()), |tag| Options::from_tag(&tag))
    }
}

/// Checks a parsed document.
///
/// ```
/// use badge_rules::{check, Document, Kind, Options, Verdict};
///
/// let mut doc = Document::new(Kind::ApplicationLookup);
/// doc.application_id = Some("8a457b8f-627d-43cf-8806-f06f8d13c306".into());
/// doc.account = serde_json::from_str(r#"{"company": true}"#).unwrap();
/// assert_eq!(check(&doc, &Options::default()).unwrap().verdict, Verdict::Accept);
///
/// doc.application_id = Some("not-a-uuid".into());
/// let report = check(&doc, &Options::default()).unwrap();
/// assert_eq!(report.violations[0].code.as_str(), "BB8");
/// ```
///
/// # Errors
///
/// An [`InputError`] naming the JSON path when the context is impossible (a
/// period without a bound its type needs, an offer that is not the request's,
/// ...).
pub fn check(document: &Document, options: &Options) -> Result<Report, InputError> {
    Ok(report_of(rules::findings(document)?, options))
}

/// The report of `findings` in `options`' language.
pub(crate) fn report_of(mut findings: report::Findings, options: &Options) -> Report {
    if let Some(tag) = options.fallback_from {
        findings.warn(
            report::WarningCode::LanguageFallback,
            vec![("requested", tag.to_owned())],
        );
    }
    findings.finish(options.lang)
}

pub use read::json_scan;
pub use read::parse_document;

/// Checks a document given as JSON text: [`parse_document`], then [`check`].
///
/// ```
/// use badge_rules::{check_json, Options, Verdict};
/// let report = check_json(
///     r#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-pl", "limit": 1001}}"#,
///     &Options::default(),
/// ).unwrap();
/// assert_eq!(report.verdict, Verdict::Reject);
/// assert_eq!(report.violations[0].path, "limit");
/// ```
///
/// # Errors
///
/// Any [`InputError`] of [`parse_document`] or [`check`].
pub fn check_json(text: &str, options: &Options) -> Result<Report, InputError> {
    check(&parse_document(text)?, options)
}
