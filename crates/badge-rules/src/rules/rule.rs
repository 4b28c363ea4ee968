//! A rule and the machinery every rule file shares: the [`Rule`] row, the
//! [`Out`] a rule reports through, and the `need!` and `rule!` macros. It
//! sits below the rule files and the tables that list them, so that no rule
//! file reads the module that lists it.

use std::borrow::Cow;

use super::context::Missing;
use super::range::Range;
use serde::Serialize;

use crate::catalogue::Code;
use crate::document::Kind;
use crate::partner::PartnerLevel;
use crate::report::{BargainRange, Findings, ParamPairs, Traced, WarningCode};

/// One rule: its codes, the function that checks it, and, for a price rule,
/// the bargain prices it lets pass.
pub(crate) struct Rule<C> {
    /// What it checks: the function's path, for the registry listing.
    pub name: &'static str,
    /// The section of RULES.md it implements.
    pub section: &'static str,
    /// The codes it can report (and lists as skipped when it cannot run).
    pub codes: &'static [Code],
    /// The check.
    pub run: fn(&C, &mut Out<'_>),
    /// A price rule: narrows the range of bargain prices that pass it.
    pub bound: Option<fn(&C, &mut Range)>,
    /// It relays codes Allegro itself named (a campaign's
    /// `eligibility.refusalReasons`): any code of the catalogue, besides its own.
    pub relays: bool,
}

/// Where a rule reports: the findings, and the codes its registry row declares.
pub(crate) struct Out<'f> {
    rule: &'static str,
    codes: &'static [Code],
    relays: bool,
    findings: &'f mut Findings,
}

impl Out<'_> {
    /// Reports `code` at `path`, once per (code, path).
    pub(crate) fn violation(
        &mut self,
        code: Code,
        path: impl Into<Cow<'static, str>>,
        params: ParamPairs,
    ) {
        self.declared(code);
        let path = path.into();
        self.trace(code, || path.clone(), false);
        self.findings.violation(code, path, params);
    }

    /// Lists every code of the rule as skipped for want of `missing`.
    pub(crate) fn skip(&mut self, missing: impl Into<Cow<'static, str>>) {
        let missing = missing.into();
        for code in self.codes {
            self.trace(*code, || missing.clone(), true);
        }
        self.findings.skip_all(self.codes, missing);
    }

    /// Lists one of the rule's codes as skipped for want of `missing`.
    pub(crate) fn skip_code(&mut self, code: Code, missing: impl Into<Cow<'static, str>>) {
        self.declared(code);
        let missing = missing.into();
        self.trace(code, || missing.clone(), true);
        self.findings.skip(code, missing);
    }

    /// Records a finding of this rule when a trace is asked for (`at` is
    /// only copied then).
    fn trace(&mut self, code: Code, at: impl FnOnce() -> Cow<'static, str>, skipped: bool) {
        if let Some(trace) = self.findings.trace.as_mut() {
            trace.push(Traced {
                rule: self.rule,
                code,
                at: at(),
                skipped,
            });
        }
    }

    /// The rule's codes, as its registry row declares them.
    pub(crate) fn codes(&self) -> &'static [Code] {
        self.codes
    }

    /// Gives the engine's advice.
    pub(crate) fn warn(&mut self, code: WarningCode, params: ParamPairs) {
        self.findings.warn(code, params);
    }

    /// Sets the Ads Partner level reached.
    pub(crate) fn level(&mut self, level: PartnerLevel) {
        self.findings.level = Some(level);
    }

    /// Sets `hints.bargain`.
    pub(crate) fn hint(&mut self, range: BargainRange) {
        self.findings.hint = Some(range);
    }

    fn declared(&mut self, code: Code) {
        if !self.relays && !self.codes.contains(&code) {
            self.findings.undeclared.push((self.rule, code));
        }
    }
}

/// Runs `rules` in order.
pub(crate) fn run<C>(rules: &[Rule<C>], ctx: &C, findings: &mut Findings) {
    for rule in rules {
        let mut out = Out {
            rule: rule.name,
            codes: rule.codes,
            relays: rule.relays,
            findings,
        };
        (rule.run)(ctx, &mut out);
    }
}

/// Runs a kind's hint (RULES.md §6) after its rules, with the bargain prices
/// every price rule of `rules` lets pass.
pub(crate) fn hint<C>(
    rules: &[Rule<C>],
    ctx: &C,
    hint: fn(&C, Range, &mut Out<'_>),
    findings: &mut Findings,
) {
    let mut range = Range::default();
    bounds(rules, ctx, &mut range);
    let mut out = Out {
        rule: "hint",
        codes: &[],
        relays: false,
        findings,
    };
    hint(ctx, range, &mut out);
}

/// The registry's rows of `rules`, the rules of `kind`: every rule that
/// declares a code (a rule that only advises is not listed).
pub(crate) fn infos<C>(kind: Kind, rules: &[Rule<C>]) -> impl Iterator<Item = RuleInfo> + '_ {
    rules
        .iter()
        .filter(|r| !r.codes.is_empty())
        .map(move |rule| RuleInfo {
            kind,
            name: rule.name,
            section: rule.section,
            codes: rule.codes,
            bounds_bargain: rule.bound.is_some(),
            relays: rule.relays,
        })
}

/// The bargain prices every price rule of `rules` lets pass.
pub(crate) fn bounds<C>(rules: &[Rule<C>], ctx: &C, range: &mut Range) {
    for bound in rules.iter().filter_map(|rule| rule.bound) {
        bound(ctx, range);
    }
}

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

/// Yields `Ok(value)` or lists the rule as skipped and returns from the rule.
macro_rules! need {
    ($out:expr, $value:expr) => {
        match $value {
            Ok(v) => v,
            Err(missing) => {
                $out.skip(missing);
                return;
            }
        }
    };
}
pub(crate) use need;

/// The result of looking up an input that may be missing.
pub(crate) type Need<T> = Result<T, Missing>;

/// A rule's row in a registry: its section, its function, then `bound f` for
/// a price rule or `relays` for a rule relaying Allegro's own codes, then its
/// codes: `rule!("4.3", prices::ba12, bound prices::ba12_bound, BA12)`. The
/// registry names a rule by its path as written, or by the name after `as`
/// (`rule!("7", requirements as "partner::requirements", AdsWebsite)`).
macro_rules! rule {
    ($section:literal, $run:path as $name:literal $(, $code:ident)*) => {
        $crate::rules::rule::Rule {
            name: $name,
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: None,
            relays: false,
        }
    };
    ($section:literal, $run:path, relays $(, $code:ident)*) => {
        $crate::rules::rule::Rule {
            name: stringify!($run),
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: None,
            relays: true,
        }
    };
    ($section:literal, $run:path, bound $bound:path $(, $code:ident)*) => {
        $crate::rules::rule::Rule {
            name: stringify!($run),
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: Some($bound),
            relays: false,
        }
    };
    ($section:literal, $run:path $(, $code:ident)*) => {
        $crate::rules::rule::Rule {
            name: stringify!($run),
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: None,
            relays: false,
        }
    };
}
pub(crate) use rule;
