//! The report (RULES.md §6): verdict, violations, skipped rules, warnings and
//! the bargain-range hint.
//!
//! A violation is `{code, path, message, params}`, as in `validator`, `garde`
//! or Zod: `code` is Allegro's, `path` the request field a form highlights,
//! `params` the figures behind the decision, and `message` is looked up from the
//! code and the params in the chosen [`Lang`], so a language is data.
//!
//! ```
//! use badge_rules::{check_json, Options, Verdict};
//!
//! let report = check_json(r#"{
//!     "kind": "application",
//!     "request": {"campaign": {"id": ""}, "offer": {"id": "12345678"}}
//! }"#, &Options::default()).unwrap();
//! assert_eq!(report.verdict, Verdict::Reject);
//! assert_eq!(report.violations[0].code.as_str(), "BB3");
//! assert_eq!(report.violations[0].path, "campaign.id");
//! assert_eq!(report.violations[0].message, "Empty campaign.id field.");
//! ```

use crate::params::ParamMap;
use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::Code;
use crate::locale::Lang;
use crate::locale::{self, Label};
use crate::partner::{benefits, Benefit, PartnerLevel};

pub use crate::keys::WarningCode;

/// The answer.
///
/// ```
/// use badge_rules::{check_json, Options, Verdict};
/// let bare = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}}}"#;
/// let report = check_json(bare, &Options::default()).unwrap();
/// // Nothing failed, but without context most rules could not run.
/// assert_eq!(report.verdict, Verdict::Incomplete);
/// assert_eq!(serde_json::to_value(report.verdict).unwrap(), "INCOMPLETE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Verdict {
    /// No rule failed and none was skipped: Allegro would accept (for
    /// `SANDBOX_TEST_CAMPAIGN`, the sandbox's automatic decision).
    Accept,
    /// At least one rule failed.
    Reject,
    /// No rule failed, but some could not be checked.
    Incomplete,
}

impl Verdict {
    /// `ACCEPT`, `REJECT` or `INCOMPLETE`.
    ///
    /// ```
    /// assert_eq!(badge_rules::Verdict::Incomplete.as_str(), "INCOMPLETE");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "ACCEPT",
            Verdict::Reject => "REJECT",
            Verdict::Incomplete => "INCOMPLETE",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The report of one check.
///
/// ```
/// use badge_rules::{check_json, Code, Options};
/// let bare = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}}}"#;
/// let report = check_json(bare, &Options::default()).unwrap();
/// assert!(report.violations.is_empty() && report.warnings.is_empty());
/// assert!(report.skipped.iter().any(|s| s.code == Code::BA10 && s.missing == "campaigns"));
/// assert_eq!(serde_json::to_value(&report).unwrap()["hints"]["bargain"], serde_json::Value::Null);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Report {
    /// The answer.
    pub verdict: Verdict,
    /// Every failed rule, each (code, path) once, in rule order.
    pub violations: Vec<Violation>,
    /// Rules that could not run, with the input they miss.
    pub skipped: Vec<Skipped>,
    /// The engine's own advice.
    pub warnings: Vec<Warning>,
    /// Help for a form.
    pub hints: Hints,
    /// `partnerLevel` only: the Ads Partner level reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<PartnerLevel>,
    /// `partnerLevel` only: what the level reached brings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefits: Option<Vec<Benefit>>,
}

/// One failed rule.
///
/// ```
/// use badge_rules::{check_json, Lang, Options};
/// let query = r#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-de"}}"#;
/// let report = check_json(query, &Options::new(Lang::Pl)).unwrap();
/// let v = &report.violations[0];
/// assert_eq!((v.code.as_str(), &*v.path), ("BB35", "marketplace.id"));
/// assert_eq!(v.message, "Nieprawidłowa wartość parametru [marketplace.id].");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Violation {
    /// Allegro's code.
    pub code: Code,
    /// The request field to highlight (`""`: the request as a whole).
    pub path: Cow<'static, str>,
    /// Allegro's text in the chosen language (borrowed from the catalogue
    /// when it has no params to fill in).
    pub message: Cow<'static, str>,
    /// The figures behind the decision.
    #[cfg_attr(feature = "ts", tsify(type = "Record<string, string>"))]
    pub params: ParamMap,
}

/// A rule that could not run.
///
/// ```
/// use badge_rules::{check_json, Code, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "offer": {"id": "12345678", "publication": {"status": "ACTIVE"}}}"#;
/// let report = check_json(doc, &Options::default()).unwrap();
/// let ba17 = report.skipped.iter().find(|s| s.code == Code::BA17).unwrap();
/// assert_eq!(ba17.missing, "offer.stock.available"); // "not enough items" needs the stock
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Skipped {
    /// The code the rule would report.
    pub code: Code,
    /// The first missing input, as a JSON path of the check document.
    pub missing: Cow<'static, str>,
    /// Why it was not checked, in the chosen language.
    pub message: Cow<'static, str>,
}

/// The input BA24 needs to see Allegro Prices (RULES.md §4.6): a skip for
/// want of it says so in words of its own.
pub(crate) const ALLEGRO_PRICES_INPUT: &str = "allegroPrices";

/// The engine's own advice; never changes the verdict.
///
/// ```
/// use badge_rules::{check_json, report::WarningCode, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "campaigns": [{"id": "BARGAIN",
///                    "eligibility": {"eligible": false, "refusalReasons": [{"code": "XX9"}]}}]}"#;
/// let warning = &check_json(doc, &Options::default()).unwrap().warnings[0];
/// assert_eq!(warning.code, WarningCode::UnknownRefusalCode);
/// assert!(warning.message.contains("with code XX9, which this engine does not know"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Warning {
    /// The engine's code.
    pub code: WarningCode,
    /// The advice in the chosen language.
    pub message: Cow<'static, str>,
    /// Figures.
    #[cfg_attr(feature = "ts", tsify(type = "Record<string, string>"))]
    pub params: ParamMap,
}

/// Help for a form.
///
/// ```
/// use badge_rules::{check_json, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "SANDBOX_TEST_CAMPAIGN"}, "offer": {"id": "12345678"}},
///     "campaigns": [{"id": "SANDBOX_TEST_CAMPAIGN", "type": "DISCOUNT"}],
///     "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
/// let bargain = check_json(doc, &Options::default()).unwrap().hints.bargain.unwrap();
/// // The sandbox wants 40 % to 60 % off the market price 200.00.
/// assert_eq!((bargain.min.as_str(), bargain.max.as_str()), ("80.00", "120.00"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Hints {
    /// The bargain prices that pass every price rule that could be evaluated.
    pub bargain: Option<BargainRange>,
}

/// An inclusive range of bargain prices.
///
/// ```
/// use badge_rules::report::BargainRange;
/// let range: BargainRange =
///     serde_json::from_str(r#"{"min": "80.00", "max": "120.00", "currency": "PLN"}"#).unwrap();
/// assert_eq!((range.min.as_str(), range.max.as_str()), ("80.00", "120.00"));
/// assert_eq!(range.currency, "PLN");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BargainRange {
    /// The lowest passing price.
    pub min: String,
    /// The highest passing price.
    pub max: String,
    /// Their currency.
    pub currency: String,
}

/// A finding's figures as a rule gives them, in its order (a message's
/// [`ParamMap`] is made from them when the report is finished).
pub(crate) type ParamPairs = Vec<(&'static str, String)>;

/// One finding of one rule, as [`registry::trace`](crate::registry::trace) lists them.
///
/// ```
/// use badge_rules::registry::Traced;
/// fn show(t: &Traced) -> String {
///     format!("{} {} {}", t.rule, t.code, t.at)
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Traced {
    /// The rule, as [`RuleInfo::name`](crate::registry::RuleInfo::name) names it.
    pub rule: &'static str,
    /// The code it reported.
    pub code: Code,
    /// The violation's path, or for a skip the input it lacked.
    pub at: Cow<'static, str>,
    /// A skip (`at` is the missing input) rather than a violation.
    pub skipped: bool,
}

/// What the rules find, before messages are looked up.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    violations: Vec<(Code, Cow<'static, str>, ParamPairs)>,
    skipped: Vec<(Code, Cow<'static, str>)>,
    warnings: Vec<(WarningCode, ParamPairs)>,
    pub(crate) hint: Option<BargainRange>,
    pub(crate) level: Option<PartnerLevel>,
    /// (rule, code) for every code a rule reported without declaring it in
    /// its registry row: always empty unless a rule is wrong.
    pub(crate) undeclared: Vec<(&'static str, Code)>,
    /// Every finding with the rule that made it, when asked for
    /// ([`crate::registry::trace`]); `None` in a check.
    pub(crate) trace: Option<Vec<Traced>>,
}

impl Findings {
    /// Reports `code` at `path`, once per (code, path).
    pub(crate) fn violation(
        &mut self,
        code: Code,
        path: impl Into<Cow<'static, str>>,
        params: ParamPairs,
    ) {
        let path = path.into();
        if !self
            .violations
            .iter()
            .any(|(c, p, _)| *c == code && *p == path)
        {
            // A rejected application has several violations: room for them
            // at once rather than growing 1, 2, 4, 8.
            if self.violations.capacity() == 0 {
                self.violations.reserve(8);
            }
            self.violations.push((code, path, params));
        }
    }

    /// Lists `code` as skipped for want of `missing`, once per code.
    pub(crate) fn skip(&mut self, code: Code, missing: impl Into<Cow<'static, str>>) {
        if !self.skipped.iter().any(|(c, _)| *c == code) {
            self.skipped.push((code, missing.into()));
        }
    }

    /// Lists every code of `codes` as skipped.
    pub(crate) fn skip_all(&mut self, codes: &[Code], missing: impl Into<Cow<'static, str>>) {
        let missing = missing.into();
        for code in codes {
            self.skip(*code, missing.clone());
        }
    }

    pub(crate) fn warn(&mut self, code: WarningCode, params: ParamPairs) {
        if !self
            .warnings
            .iter()
            .any(|(c, p)| *c == code && *p == params)
        {
            self.warnings.push((code, params));
        }
    }

    /// The report, messages in `lang`.
    pub(crate) fn finish(self, lang: Lang) -> Report {
        let skipped_template = lang.label(Label::SkippedMessage);
        // A rule skipped for want of context cannot also have failed.
        let skipped: Vec<Skipped> = self
            .skipped
            .into_iter()
            .filter(|(code, _)| !self.violations.iter().any(|(c, _, _)| c == code))
            .map(|(code, missing)| Skipped {
                code,
                // Without Allegro Prices' own answer BA24 is blind to it: said so.
                message: if missing == ALLEGRO_PRICES_INPUT {
                    Cow::Borrowed(lang.label(Label::SkippedAllegroPrices))
                } else {
                    Cow::Owned(fill_missing(skipped_template, &missing))
                },
                missing,
            })
            .collect();
        let verdict = if !self.violations.is_empty() {
            Verdict::Reject
        } else if !skipped.is_empty() {
            Verdict::Incomplete
        } else {
            Verdict::Accept
        };
        let violations = self
            .violations
            .into_iter()
            .map(|(code, path, params)| Violation {
                code,
                message: message(code, lang, &params),
                path,
                params: to_map(params),
            })
            .collect();
        let warnings = self
            .warnings
            .into_iter()
            .map(|(code, params)| Warning {
                code,
                message: render(template_for(code, lang, &params), &params, lang),
                params: to_map(params),
            })
            .collect();
        Report {
            verdict,
            violations,
            skipped,
            warnings,
            hints: Hints { bargain: self.hint },
            level: self.level,
            benefits: self.level.map(|level| benefits(level, lang)),
        }
    }
}

/// `template` with its first `{missing}` replaced by `missing`: what
/// `template.replacen("{missing}", missing, 1)` gives, in one allocation of
/// the right size and without a substring searcher per skipped rule (the
/// `--jsonl` profile: a tenth of the report's cost was that searcher).
fn fill_missing(template: &str, missing: &str) -> String {
    match template.split_once("{missing}") {
        Some((head, tail)) => {
            let mut text = String::with_capacity(head.len() + missing.len() + tail.len());
            text.push_str(head);
            text.push_str(missing);
            text.push_str(tail);
            text
        }
        None => template.to_owned(),
    }
}

/// The template a warning with `params` is written from.
fn template_for(code: WarningCode, lang: Lang, params: &ParamPairs) -> &'static str {
    let refusal = params.iter().any(|(k, _)| *k == "refusal");
    refusal
        .then(|| code.refusal_template(lang))
        .flatten()
        .unwrap_or_else(|| code.template(lang))
}

fn to_map(params: ParamPairs) -> ParamMap {
    let mut map = ParamMap::new();
    for (k, v) in params {
        map.insert(Cow::Borrowed(k), v);
    }
    map
}

/// The text for `code` in `lang`, with the params it names filled in (BB5
/// names the expected currency; the engine's own texts use `{param}`).
pub(crate) fn message(code: Code, lang: Lang, params: &ParamPairs) -> Cow<'static, str> {
    let text = lang.locale().code(code);
    if code == Code::BB5 {
        if let Some((_, currency)) = params.iter().find(|(k, _)| *k == "expected") {
            return Cow::Owned(text.replace("[PLN]", &format!("[{currency}]")));
        }
    }
    render(text, params, lang)
}

/// Fills each `{name}` of `template` with the param `name`, in one pass (a
/// value is never read as a template); a `{name}` with no such param stays.
/// A decimal number (an amount, a percentage) is written as `lang` writes
/// it ([`locale::NumberFormat::decimal_text`]: `400 000,00` in Polish); the
/// params keep the engine's `400000.00`.
fn render(template: &'static str, params: &ParamPairs, lang: Lang) -> Cow<'static, str> {
    if params.is_empty() {
        return Cow::Borrowed(template);
    }
    let numbers = lang.locale().numbers();
    let written: Vec<(&str, Cow<'_, str>)> = params
        .iter()
        .map(|(k, v)| (*k, numbers.decimal_text(v)))
        .collect();
    locale::render(template, |name| {
        written
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_missing_is_replacen_of_the_first_placeholder() {
        for template in [
            "Not checked: {missing} is missing.",
            "{missing}",
            "{missing} and {missing}",
            "no placeholder",
            "",
            "żółć {missing}ń {missin",
        ] {
            for missing in ["offer.stock.available", "", "{missing}", "ł"] {
                assert_eq!(
                    fill_missing(template, missing),
                    template.replacen("{missing}", missing, 1),
                    "{template:?} {missing:?}"
                );
            }
        }
    }

    #[test]
    fn render_fills_each_named_param_once() {
        let params: ParamPairs = vec![("a", "{b}".into()), ("b", "2".into())];
        assert_eq!(
            render("{a} and {b}, {c} {", &params, Lang::En),
            "{b} and 2, {c} {"
        );
        assert_eq!(render("none", &params, Lang::En), "none");
        assert_eq!(render("{a}", &Vec::new(), Lang::En), "{a}");
        assert_eq!(render("żółć {b}ń", &params, Lang::Pl), "żółć 2ń");
    }

    #[test]
    fn amounts_in_messages_are_written_as_the_language_writes_them() {
        let params: ParamPairs = vec![
            ("gap", "0.01".into()),
            ("required", "400000.00".into()),
            ("id", "12345678".into()),
        ];
        assert_eq!(
            render("{required} / {gap} / {id}", &params, Lang::Pl),
            "400\u{a0}000,00 / 0,01 / 12345678"
        );
        assert_eq!(
            render("{required} / {gap} / {id}", &params, Lang::En),
            "400,000.00 / 0.01 / 12345678"
        );
    }
}
