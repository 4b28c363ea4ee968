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

use crate::catalogue::Code;
use crate::document::{Document, Kind};
use crate::error::InputError;
use crate::report::Findings;
pub use crate::report::Traced;
use crate::rules::{findings, findings_into, TABLE};

pub use crate::rules::rule::RuleInfo;

/// Every rule, by kind (application, badge update, the queries, the Ads
/// Partner requirements), each kind in report order: the rows of the rules'
/// one table, read.
///
/// ```
/// use badge_rules::{registry::rules, Code};
/// // Every code the engine decides offline is some rule's.
/// for row in badge_rules::catalogue::ALL.iter().filter(|c| c.check.is_offline()) {
///     assert!(rules().iter().any(|r| r.codes.contains(&row.code)), "{}", row.code);
/// }
/// ```
pub fn rules() -> Vec<RuleInfo> {
    TABLE.iter().flat_map(|row| (row.rules)()).collect()
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
    Ok(findings(document)?.undeclared)
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
    Ok(findings_into(document, start)?.trace.unwrap_or_default())
}
