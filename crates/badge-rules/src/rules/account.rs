//! RULES.md §4.5: the seller account (needs `account`). Faults of the account
//! have the empty path: no field of the form can fix them.

use std::borrow::Cow;

use super::context::ApplicationContext;
use super::rule::{need, Need, Out};
use crate::catalogue::Code;
use crate::document::Account;

/// The account, or `path` (the field the rule reads) as the missing input.
fn account<'a>(ctx: &ApplicationContext<'a>, path: &'static str) -> Need<&'a Account> {
    ctx.doc.account.as_ref().ok_or(Cow::Borrowed(path))
}

/// BB2: `terms.requireCompanyAccount` (default true) and not a Company account.
pub(crate) fn bb2(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    if ctx.terms.require_company_account == Some(true) {
        company_account(ctx.doc.account.as_ref(), out);
    }
}

/// BB2 of every badge endpoint: Allegro answers 403 BB2 to an account that
/// is not a Company account (its OpenAPI documents it for POST /sale/badges,
/// the PATCH, GET /sale/badge-campaigns, /sale/badges, /sale/badge-applications
/// and the lookups).
pub(crate) fn company_account(account: Option<&Account>, out: &mut Out<'_>) {
    let company = need!(
        out,
        account
            .and_then(|a| a.company)
            .ok_or(Cow::Borrowed("account.company"))
    );
    if !company {
        out.violation(Code::BB2, "", vec![]);
    }
}

/// BB1: the account does not meet Allegro's quality criteria.
pub(crate) fn bb1(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let account = need!(out, account(ctx, "account.meetsQualityCriteria"));
    let meets = need!(
        out,
        account
            .meets_quality_criteria
            .ok_or(Cow::Borrowed("account.meetsQualityCriteria"))
    );
    if !meets {
        out.violation(Code::BB1, "", vec![]);
    }
}

/// BA22: positive ratings below `terms.minPositiveRatingsPercent`.
pub(crate) fn ba22(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(min) = ctx.terms.min_positive_ratings_percent else {
        return;
    };
    let account = need!(out, account(ctx, "account.positiveRatingsPercent"));
    let rating = need!(
        out,
        account
            .positive_ratings_percent
            .ok_or(Cow::Borrowed("account.positiveRatingsPercent"))
    );
    if rating < min {
        out.violation(
            Code::BA22,
            "",
            vec![
                ("positiveRatingsPercent", rating.to_string()),
                ("minPositiveRatingsPercent", min.to_string()),
            ],
        );
    }
}
