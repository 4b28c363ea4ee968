//! The table every language fills: one method per kind of message key, each
//! an exhaustive `match` in the language's file.

use std::borrow::Cow;
use std::fmt;

use crate::catalogue::Code;
use crate::keys::{BenefitId, ErrorCode, Inference, Label, ServerOnlyReason, WarningCode};

use super::numbers::NumberFormat;

/// Every text of one language.
///
/// ```
/// use badge_rules::{report::WarningCode, Lang};
/// let pl = Lang::Pl.locale();
/// assert!(pl.warning(WarningCode::UnknownRefusalCode).contains("{refusalCode}"));
/// ```
pub trait Locale: Sync + fmt::Debug {
    /// Allegro's text of `code` (the engine's own, for its `ADS_*` codes);
    /// `{name}` stands for a param.
    fn code(&self, code: Code) -> &'static str;
    /// Why only Allegro's servers can decide a server-only code.
    fn reason(&self, reason: ServerOnlyReason) -> &'static str;
    /// The template of a warning; `{name}` stands for a param.
    fn warning(&self, code: WarningCode) -> &'static str;
    /// The template of a warning beside a refusal it bears on (`{refusal}`
    /// names the code), for the warnings that have one.
    fn refusal_warning(&self, code: WarningCode) -> Option<&'static str>;
    /// One benefit of the Ads Partner program.
    fn benefit(&self, benefit: BenefitId) -> &'static str;
    /// A word or sentence an adapter shows; `{name}` stands for a param.
    fn label(&self, label: Label) -> &'static str;
    /// Why the engine reads a code's channel as it does, where Allegro's
    /// documentation is silent.
    fn inference(&self, inference: Inference) -> &'static str;
    /// The message of an input error; `{name}` stands for a param.
    fn input_error(&self, code: ErrorCode) -> &'static str;
    /// How this language writes a decimal number in a sentence (its decimal
    /// mark and thousands separator): the amounts in messages.
    fn numbers(&self) -> NumberFormat;
    /// serde's and serde_json's English words in an input error's params
    /// (`expected`, `found`, `detail`: `a boolean`, ``integer `1` ``, `EOF
    /// while parsing a list`), in this language, for its message; the params
    /// themselves stay as serde wrote them. `None`: keep them (English, and
    /// any phrase this language does not know).
    ///
    /// ```
    /// use badge_rules::Lang;
    /// let pl = Lang::Pl.locale();
    /// assert_eq!(pl.serde_words("integer `1`").as_deref(), Some("liczba całkowita `1`"));
    /// assert_eq!(Lang::En.locale().serde_words("integer `1`"), None);
    /// ```
    fn serde_words(&self, english: &str) -> Option<Cow<'static, str>> {
        let _ = english;
        None
    }
}
