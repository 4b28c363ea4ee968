//! The rule registry, read-only: every rule of every kind of check, the
//! codes it reports, the section of RULES.md it implements.
//!
//! The registries in the rules are the only list of a rule's codes; this
//! module lets adapters and tests read them (the CLI's `rules` command lists
//! them; the testkit writes docs/RULES-REFERENCE.md from them and from
//! [`trace`]) and check that no rule reports a code it does not declare
//! ([`undeclared`]).
//!
//! ```
//! use badge_rules::{registry, Code, Kind};
//!
//! let ladder = registry::rules()
//!     .into_iter()
//!     .find(|r| r.kind == Kind::Application && r.codes.contains(&Code::BA49))
//!     .unwrap();
//! assert_eq!((ladder.name, ladder.section), ("prices::market_ladder", "4.3"));
//! assert!(ladder.bounds_bargain);
//! assert!(registry::price_codes(Kind::Application).contains(&Code::BA12));
//! ```

use std::borrow::Cow;

use serde::Serialize;

use crate::catalogue::Code;
use crate::document::{Document, Kind};
use crate::error::InputError;
use crate::report::Findings;
use crate::rules::{self, Rule};
use crate::Lang;

/// One rule of one kind of check.
///
/// ```
/// use badge_rules::{registry::rules, Kind};
/// assert!(rules().iter().any(|r| r.kind == Kind::BadgeUpdate && r.name == "market_ladder"));
///
/// // Serialized, as the CLI's `rules --format json` prints it:
/// let ba12 = rules().into_iter().find(|r| r.name == "prices::ba12").unwrap();
/// assert_eq!(
///     serde_json::to_string(&ba12).unwrap(),
///     r#"{"kind":"application","name":"prices::ba12","section":"4.3","codes":["BA12"],"boundsBargain":true,"relays":false}"#,
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RuleInfo {
    /// The kind of check it belongs to.
    pub kind: Kind,
    /// The rule's function, as the source names it (`prices::ba12`).
    pub name: &'static str,
    /// The section of RULES.md it implements (`4.3`).
    pub section: &'static str,
    /// The codes it reports, in report order.
    pub codes: &'static [Code],
    /// Does it bound the bargain price (and so the bargain-range hint)?
    pub bounds_bargain: bool,
    /// Does it relay codes Allegro itself named, besides its own?
    pub relays: bool,
}

fn infos<C>(kind: Kind, list: &[Rule<C>], out: &mut Vec<RuleInfo>) {
    for rule in list.iter().filter(|r| !r.codes.is_empty()) {
        out.push(RuleInfo {
            kind,
            name: rule.name,
            section: rule.section,
            codes: rule.codes,
            bounds_bargain: rule.bound.is_some(),
            relays: rule.relays,
        });
    }
}

/// Every rule, by kind (application, badge update, the queries, the Ads
/// Partner requirements), each kind in report order.
///
/// ```
/// use badge_rules::{registry::rules, Code};
/// // Every code the engine decides offline is some rule's.
/// for row in badge_rules::catalogue::ALL.iter().filter(|c| c.check.is_offline()) {
///     assert!(rules().iter().any(|r| r.codes.contains(&row.code)), "{}", row.code);
/// }
/// ```
pub fn rules() -> Vec<RuleInfo> {
    let mut out = Vec::new();
    infos(Kind::Application, rules::application(), &mut out);
    infos(Kind::BadgeUpdate, rules::update::pending(), &mut out);
    infos(Kind::BadgeUpdate, rules::update::always(), &mut out);
    infos(Kind::BadgeUpdate, rules::update::operation(), &mut out);
    for kind in rules::queries::KINDS {
        infos(kind, rules::queries::rules(kind), &mut out);
    }
    for code in &rules::partner::CODES {
        out.push(RuleInfo {
            kind: Kind::PartnerLevel,
            name: "partner::requirements",
            section: "7",
            codes: std::slice::from_ref(code),
            bounds_bargain: false,
            relays: false,
        });
    }
    out
}

/// The codes of the rules of `kind` that bound the bargain price: the rules
/// whose bounds make the bargain-range hint.
///
/// ```
/// use badge_rules::{registry::price_codes, Code, Kind};
/// let codes = price_codes(Kind::Application);
/// assert!(codes.contains(&Code::BA49) && codes.contains(&Code::BA29));
/// assert!(!codes.contains(&Code::BA5)); // about the suggested market price, not the bargain
/// ```
pub fn price_codes(kind: Kind) -> Vec<Code> {
    rules()
        .into_iter()
        .filter(|r| r.kind == kind && r.bounds_bargain)
        .flat_map(|r| r.codes.iter().copied())
        .collect()
}

/// The codes that rules reported for `document` without declaring them in
/// their registry row, with the rule: always empty unless a rule is wrong.
/// The test suite runs it over every document it has.
///
/// ```
/// use badge_rules::{parse_document, registry::undeclared};
/// let doc = parse_document(r#"{"kind": "badgesQuery", "request": {"limit": 0}}"#).unwrap();
/// assert_eq!(undeclared(&doc).unwrap(), vec![]);
/// ```
///
/// # Errors
///
/// The [`InputError`] of [`check`](crate::check) when the context is impossible.
pub fn undeclared(document: &Document) -> Result<Vec<(&'static str, Code)>, InputError> {
    Ok(crate::findings(document)?.undeclared)
}

/// One finding of one rule, as [`trace`] lists them.
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
    /// The rule, as [`RuleInfo::name`] names it.
    pub rule: &'static str,
    /// The code it reported.
    pub code: Code,
    /// The violation's path, or for a skip the input it lacked.
    pub at: Cow<'static, str>,
    /// A skip (`at` is the missing input) rather than a violation.
    pub skipped: bool,
}

/// Every violation and skip the rules made for `document`, in the order
/// they made them, each with its rule: a report says which code, this says
/// which rule (two rules may report one code: an application's BB1 is the
/// account's or a refusal Allegro relays). Unlike a report, a (code, path)
/// made twice is listed twice. The rule reference
/// (docs/RULES-REFERENCE.md) is written from it.
///
/// ```
/// use badge_rules::{parse_document, registry::trace};
/// let doc = parse_document(r#"{"kind": "application",
///     "request": {"campaign": {"id": "X"}, "offer": {"id": "1"}},
///     "account": {"meetsQualityCriteria": false},
///     "campaigns": [{"id": "X", "eligibility": {"eligible": false}}]}"#).unwrap();
/// let bb1: Vec<_> = trace(&doc).unwrap().into_iter()
///     .filter(|t| t.code.as_str() == "BB1" && !t.skipped)
///     .map(|t| (t.rule, t.at))
///     .collect();
/// assert_eq!(bb1, [("campaign::refusal", "campaign.id".into()), ("account::bb1", "".into())]);
/// ```
///
/// # Errors
///
/// The [`InputError`] of [`check`](crate::check) when the context is impossible.
pub fn trace(document: &Document) -> Result<Vec<Traced>, InputError> {
    let mut start = Findings::default();
    start.trace = Some(Vec::new());
    let mut findings = crate::findings_into(document, start)?;
    let traced = findings.trace.take().unwrap_or_default();
    if document.kind != Kind::PartnerLevel {
        return Ok(traced);
    }
    // The Ads Partner requirements are one rule, which reports straight
    // into the findings.
    let report = findings.finish(Lang::default());
    let violations = report
        .violations
        .into_iter()
        .map(|v| (v.code, v.path, false));
    let skips = report
        .skipped
        .into_iter()
        .map(|s| (s.code, s.missing, true));
    Ok(violations
        .chain(skips)
        .map(|(code, at, skipped)| Traced {
            rule: "partner::requirements",
            code,
            at,
            skipped,
        })
        .collect())
}
