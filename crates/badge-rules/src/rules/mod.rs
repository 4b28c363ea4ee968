//! The rules, one module per section of RULES.md §4, and the one table of
//! every kind of check.
//!
//! A rule is a small function from a read-only context to findings: it reads
//! the inputs it needs, reports a violation with its code and the path it
//! blames, or lists itself as skipped with the input it misses. No rule knows
//! about JSON text, the CLI or JavaScript. The machinery every rule file
//! shares ([`Rule`], [`Out`], `need!`, `rule!`) is in [`rule`], below them.
//!
//! [`TABLE`] holds one row per kind of check: its context constructor, its
//! rules in report order, and its hint (RULES.md §6). The rows are the only
//! list of a rule's codes: a rule reports through an [`Out`] that knows them,
//! lists all of them at once when it is skipped, and records any code it
//! reports without declaring it (the test suite runs every document through
//! [`crate::registry::undeclared`], which must stay empty). A rule that
//! bounds the bargain price carries its bound beside its check
//! ([`Rule::bound`]): the bargain-range hint is the intersection of the
//! bounds of the row's price rules. The registry
//! ([`crate::registry`]) is a read-only view of this table. Adding a kind of
//! check is its rule file and one row here.

pub(crate) mod account;
pub(crate) mod campaign;
pub(crate) mod context;
pub(crate) mod history;
pub(crate) mod offer;
pub(crate) mod partner;
pub(crate) mod prices;
pub(crate) mod queries;
pub(crate) mod range;
pub(crate) mod rule;
pub(crate) mod shape;
pub(crate) mod update;

use crate::document::{Document, Kind};
use crate::error::InputError;
use crate::report::Findings;

pub(crate) use context::ApplicationContext;
use queries::PlainContext;
use range::Range;
use rule::{bounds, infos, rule, run, Rule, RuleInfo};

/// One kind of check: its rules, run on the context its constructor reads
/// from a document, then its hint.
pub(crate) struct KindRules {
    /// The kind of check.
    pub kind: Kind,
    /// Reads the context and runs the rules, then the hint, into the findings.
    pub check: fn(&Document, &mut Findings) -> Result<(), InputError>,
    /// The rules, as the registry lists them.
    pub rules: fn() -> Vec<RuleInfo>,
}

/// A row of [`TABLE`]: the kind, the context constructor (a function from
/// `&Document` to `Result<context, InputError>`), the function listing the
/// rules, and `hint f` for a kind with a bargain-range hint.
macro_rules! kind {
    ($kind:ident, $new:expr, $rules:expr $(, hint $hint:path)?) => {
        KindRules {
            kind: Kind::$kind,
            check: |document, findings| {
                let ctx = $new(document)?;
                let rules = $rules;
                run(rules, &ctx, findings);
                $( rule::hint(rules, &ctx, $hint, findings); )?
                Ok(())
            },
            rules: || infos(Kind::$kind, $rules).collect(),
        }
    };
}

/// The context of a query, lookup or consent, which cannot be impossible.
fn plain(document: &Document) -> Result<PlainContext<'_>, InputError> {
    Ok(PlainContext::new(document))
}

/// Every kind of check, in the registry's order.
pub(crate) const TABLE: &[KindRules] = &[
    kind!(Application, ApplicationContext::new, application(), hint prices::hint),
    kind!(BadgeUpdate, update::UpdateContext::new, update::rules(), hint update::hint),
    kind!(CampaignsQuery, plain, queries::campaigns()),
    kind!(ApplicationsQuery, plain, queries::listing()),
    kind!(BadgesQuery, plain, queries::listing()),
    kind!(ApplicationLookup, plain, queries::application_lookup()),
    kind!(OperationLookup, plain, queries::operation_lookup()),
    kind!(OfferConsent, plain, queries::consent_body()),
    kind!(AccountConsent, plain, queries::consent_body()),
    kind!(
        AllegroPricesParticipation,
        plain,
        queries::participation_body()
    ),
    kind!(
        AllegroPricesOfferCommand,
        plain,
        queries::offer_command_body()
    ),
    kind!(PartnerLevel, partner::PartnerContext::new, partner::rules()),
];

/// What the rules find in `document`, before messages are looked up.
pub(crate) fn findings(document: &Document) -> Result<Findings, InputError> {
    findings_into(document, Findings::default())
}

/// [`findings`], added to `out` (which may record a trace:
/// [`crate::registry::trace`]).
pub(crate) fn findings_into(
    document: &Document,
    mut out: Findings,
) -> Result<Findings, InputError> {
    if let Some(row) = TABLE.iter().find(|row| row.kind == document.kind) {
        (row.check)(document, &mut out)?;
    }
    Ok(out)
}

/// The range of bargain prices that passes every price rule of an
/// application that can be evaluated (RULES.md §6, `hints.bargain`), in
/// grosze, and the input the first price rule that could not bound it lacks
/// (`None`: every price rule that applies bounds it).
pub(crate) fn bargain_bounds(
    ctx: &ApplicationContext<'_>,
) -> (Option<(i128, i128)>, Option<context::Missing>) {
    let mut range = Range::default();
    bounds(application(), ctx, &mut range);
    let lacking = range
        .unapplied_codes()
        .next()
        .map(|code| prices::unapplied_input(ctx, code));
    (prices::bargain_range(ctx, range), lacking)
}

/// The findings of a plan's pair (docs/PLAN.md): an application whose
/// request has no bargain price because the plan lacks `pending` to choose
/// one, so BA2 / BA34 are skipped for it.
///
/// `pending` `None`: the findings `check` gives for the document. Its
/// `campaigns` must have passed [`context::validate_campaigns`] (the plan
/// validates them once).
pub(crate) fn planned_findings(
    document: &Document,
    pending: Option<context::Missing>,
) -> Result<Findings, InputError> {
    let mut ctx = ApplicationContext::with_valid_campaigns(document)?;
    ctx.pending_bargain = pending;
    let mut findings = Findings::default();
    run(application(), &ctx, &mut findings);
    rule::hint(application(), &ctx, prices::hint, &mut findings);
    Ok(findings)
}

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
        // advice (the bargain-range hint, §6, is the row's)
        rule!("4.3", prices::advice),
        rule!("4.1", shape::stock_advice),
    ]
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::document::Kind;

    /// A kind's place in the list below. The match is exhaustive, so a new
    /// kind does not compile here until it is given the next number.
    fn number(kind: Kind) -> usize {
        match kind {
            Kind::Application => 0,
            Kind::BadgeUpdate => 1,
            Kind::CampaignsQuery => 2,
            Kind::ApplicationsQuery => 3,
            Kind::BadgesQuery => 4,
            Kind::ApplicationLookup => 5,
            Kind::OperationLookup => 6,
            Kind::OfferConsent => 7,
            Kind::AccountConsent => 8,
            Kind::AllegroPricesParticipation => 9,
            Kind::AllegroPricesOfferCommand => 10,
            Kind::PartnerLevel => 11,
        }
    }

    /// Every kind of check has exactly one row: a kind without one would run
    /// no rule and answer ACCEPT.
    #[test]
    fn every_kind_has_one_row() {
        let kinds = [
            Kind::Application,
            Kind::BadgeUpdate,
            Kind::CampaignsQuery,
            Kind::ApplicationsQuery,
            Kind::BadgesQuery,
            Kind::ApplicationLookup,
            Kind::OperationLookup,
            Kind::OfferConsent,
            Kind::AccountConsent,
            Kind::AllegroPricesParticipation,
            Kind::AllegroPricesOfferCommand,
            Kind::PartnerLevel,
        ];
        let numbers: Vec<usize> = kinds.iter().map(|k| number(*k)).collect();
        assert_eq!(numbers, (0..kinds.len()).collect::<Vec<_>>());
        for kind in kinds {
            let rows = TABLE.iter().filter(|row| row.kind == kind).count();
            assert_eq!(rows, 1, "{kind:?} has {rows} rows in rules::TABLE");
        }
        assert_eq!(TABLE.len(), kinds.len());
    }
}
