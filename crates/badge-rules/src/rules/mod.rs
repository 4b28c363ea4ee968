//! The rules, one module per section of RULES.md §4, all registered in one
//! list per kind of check.
//!
//! A rule is a small function from a read-only context to findings: it reads
//! the inputs it needs, reports a violation with its code and the path it
//! blames, or lists itself as skipped with the input it misses. No rule knows
//! about JSON text, the CLI or JavaScript. The registries below fix the order
//! of the report.

pub(crate) mod account;
pub(crate) mod campaign;
pub(crate) mod context;
pub(crate) mod history;
pub(crate) mod offer;
pub(crate) mod partner;
pub(crate) mod prices;
pub(crate) mod queries;
pub(crate) mod shape;
pub(crate) mod update;

use crate::catalogue::Code;
use crate::report::Findings;

pub(crate) use context::{ApplicationContext, Missing};

/// One rule: the codes it can report and the function that checks it.
pub(crate) struct Rule<C> {
    /// What it checks, for the registry listing.
    #[allow(dead_code)]
    pub name: &'static str,
    /// The codes it can report (and lists as skipped when it cannot run).
    pub codes: &'static [Code],
    /// The check; it is handed its own codes, to list them as skipped.
    pub run: fn(&C, Codes, &mut Findings),
}

/// The codes of one rule.
pub(crate) type Codes = &'static [Code];

/// Runs `rules` in order.
pub(crate) fn run<C>(rules: &[Rule<C>], ctx: &C, out: &mut Findings) {
    for rule in rules {
        (rule.run)(ctx, rule.codes, out);
    }
}

/// Yields `Ok(value)` or lists the rule as skipped and returns from the rule.
macro_rules! need {
    ($rule:expr, $out:expr, $value:expr) => {
        match $value {
            Ok(v) => v,
            Err(missing) => {
                $out.skip_all($rule, missing);
                return;
            }
        }
    };
}
pub(crate) use need;

/// The result of looking up an input that may be missing.
pub(crate) type Need<T> = Result<T, Missing>;

/// A rule's row in a registry.
macro_rules! rule {
    ($run:path $(, $code:ident)*) => {
        $crate::rules::Rule { name: stringify!($run), codes: &[$($crate::catalogue::Code::$code),*], run: $run }
    };
}
pub(crate) use rule;

/// Every rule of an application (POST /sale/badges), in report order: the
/// order of RULES.md's tables.
pub(crate) fn application<'a>() -> &'a [Rule<ApplicationContext<'a>>] {
    &[
        // §4.1 request shape
        rule!(shape::bb3, BB3),
        rule!(shape::bb4, BB4),
        rule!(shape::bb11, BB11),
        rule!(shape::bb6, BB6),
        rule!(shape::bb7, BB7),
        rule!(shape::bb5, BB5),
        rule!(shape::ba107, BA107),
        rule!(shape::bb39, BB39),
        // §4.2 campaign
        rule!(campaign::ba10, BA10),
        rule!(campaign::ba11, BA11),
        rule!(campaign::ba78, BA78),
        rule!(campaign::refusal, BB1),
        // §4.3 prices
        rule!(prices::ba3, BA3),
        rule!(prices::ba2, BA2),
        rule!(prices::ba34, BA34),
        rule!(prices::ba36, BA36),
        rule!(prices::ba70, BA70),
        rule!(prices::ba12, BA12),
        rule!(prices::ba5, BA5),
        rule!(prices::market_ladder, BA14, BA13, BA16, BA49, BA50),
        rule!(prices::ba39, BA39),
        rule!(prices::ba37_ba38, BA37, BA38),
        rule!(prices::market_cap, BA40, BA41),
        // §4.4 offer
        rule!(offer::ba9, BA9),
        rule!(offer::status, BA6, BA52, BA48, BA51),
        rule!(offer::ba17, BA17),
        rule!(offer::ba43, BA43),
        rule!(offer::ba42, BA42),
        rule!(offer::ba47, BA47),
        rule!(offer::ba46, BA46),
        rule!(offer::ba53, BA53),
        rule!(offer::ba58, BA58),
        rule!(offer::audience, BA67, BA68),
        rule!(offer::ean, BA31, BA30),
        rule!(offer::ba29, BA29),
        rule!(offer::ba35, BA35),
        rule!(offer::ba32, BA32),
        rule!(offer::subsidy, BA71, BA72),
        // §4.5 account
        rule!(account::bb2, BB2),
        rule!(account::bb1, BB1),
        rule!(account::ba22, BA22),
        // §4.6 history
        rule!(history::bb12, BB12),
        rule!(history::ba1_ba15, BA1, BA15),
        rule!(history::ba24, BA24),
        rule!(history::ba45, BA45),
        // advice and the bargain-range hint
        rule!(prices::advice),
        rule!(prices::hint),
    ]
}
