//! The rules, one module per section of RULES.md §4, all registered in one
//! list per kind of check.
//!
//! A rule is a small function from a read-only context to findings: it reads
//! the inputs it needs, reports a violation with its code and the path it
//! blames, or lists itself as skipped with the input it misses. No rule knows
//! about JSON text, the CLI or JavaScript.
//!
//! The registries below are the only list of a rule's codes: a rule reports
//! through an [`Out`] that knows them, lists all of them at once when it is
//! skipped, and records any code it reports without declaring it (the test
//! suite runs every document through [`crate::registry::undeclared`], which
//! must stay empty). A rule that bounds the bargain price carries its bound
//! beside its check ([`Rule::bound`]): the bargain-range hint is the
//! intersection of the bounds of the registry's price rules. The registries
//! fix the order of the report.

pub(crate) mod account;
pub(crate) mod campaign;
pub(crate) mod context;
pub(crate) mod history;
pub(crate) mod offer;
pub(crate) mod partner;
pub(crate) mod prices;
pub(crate) mod queries;
pub(crate) mod range;
pub(crate) mod shape;
pub(crate) mod update;

use std::borrow::Cow;

use crate::catalogue::Code;
use crate::report::{BargainRange, Findings, Params, WarningCode};

pub(crate) use context::{ApplicationContext, Missing};
use range::Range;

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
        params: Params,
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
            trace.push(crate::registry::Traced {
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
    pub(crate) fn warn(&mut self, code: WarningCode, params: Params) {
        self.findings.warn(code, params);
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

/// The bargain prices every price rule of `rules` lets pass.
pub(crate) fn bounds<C>(rules: &[Rule<C>], ctx: &C, range: &mut Range) {
    for bound in rules.iter().filter_map(|rule| rule.bound) {
        bound(ctx, range);
    }
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
/// codes: `rule!("4.3", prices::ba12, bound prices::ba12_bound, BA12)`.
macro_rules! rule {
    ($section:literal, $run:path, relays $(, $code:ident)*) => {
        $crate::rules::Rule {
            name: stringify!($run),
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: None,
            relays: true,
        }
    };
    ($section:literal, $run:path, bound $bound:path $(, $code:ident)*) => {
        $crate::rules::Rule {
            name: stringify!($run),
            section: $section,
            codes: &[$($crate::catalogue::Code::$code),*],
            run: $run,
            bound: Some($bound),
            relays: false,
        }
    };
    ($section:literal, $run:path $(, $code:ident)*) => {
        $crate::rules::Rule {
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

/// Every rule of an application (POST /sale/badges), in report order: the
/// order of RULES.md's tables.
pub(crate) fn application<'a>() -> &'a [Rule<ApplicationContext<'a>>] {
    &[
        // §4.1 request shape
        rule!("4.1", shape::bb3, BB3),
        rule!("4.1", shape::bb4, BB4),
        rule!("4.1", shape::bb11, BB11),
        rule!("4.1", shape::bb6, BB6),
        rule!("4.1", shape::bb7, BB7),
        rule!("4.1", shape::bb5, BB5),
        rule!("4.1", shape::ba107, BA107),
        rule!("4.1", shape::bb39, BB39),
        // §4.2 campaign
        rule!("4.2", campaign::ba10, BA10),
        rule!("4.2", campaign::ba11, BA11),
        rule!("4.2", campaign::ba78, BA78),
        rule!("4.2", campaign::refusal, relays, BB1),
        // §4.3 prices
        rule!("4.3", prices::ba3, BA3),
        rule!("4.3", prices::ba2, BA2),
        rule!("4.3", prices::ba34, BA34),
        rule!("4.3", prices::ba36, BA36),
        rule!("4.3", prices::ba70, BA70),
        rule!("4.3", prices::ba12, bound prices::ba12_bound, BA12),
        rule!("4.3", prices::ba5, BA5),
        rule!("4.3", prices::market_ladder, bound prices::ladder_bound, BA14, BA13, BA16, BA49, BA50),
        rule!("4.3", prices::ba39, bound prices::ba39_bound, BA39),
        rule!("4.3", prices::ba37_ba38, bound prices::ba37_ba38_bound, BA37, BA38),
        rule!("4.3", prices::market_cap, BA40, BA41),
        // §4.4 offer
        rule!("4.4", offer::ba9, BA9),
        rule!("4.4", offer::status, BA6, BA52, BA48, BA51),
        rule!("4.4", offer::ba17, BA17),
        rule!("4.4", offer::ba43, BA43),
        rule!("4.4", offer::ba42, BA42),
        rule!("4.4", offer::ba47, BA47),
        rule!("4.4", offer::ba46, BA46),
        rule!("4.4", offer::ba53, BA53),
        rule!("4.4", offer::ba58, BA58),
        rule!("4.4", offer::audience, BA67, BA68),
        rule!("4.4", offer::ean, BA31, BA30),
        rule!("4.4", offer::ba29, bound offer::ba29_bound, BA29),
        rule!("4.4", offer::ba35, BA35),
        rule!("4.4", offer::ba32, BA32),
        rule!("4.4", offer::subsidy, BA71, BA72),
        // §4.5 account
        rule!("4.5", account::bb2, BB2),
        rule!("4.5", account::bb1, BB1),
        rule!("4.5", account::ba22, BA22),
        // §4.6 history
        rule!("4.6", history::bb12, BB12),
        rule!("4.6", history::ba1_ba15, BA1, BA15),
        rule!("4.6", history::ba24, BA24),
        rule!("4.6", history::ba45, BA45),
        // advice and the bargain-range hint (§6)
        rule!("4.3", prices::advice),
        rule!("6", prices::hint),
    ]
}
