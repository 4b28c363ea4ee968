//! RULES.md §7: the Allegro Ads Partner program. From an agency's snapshot,
//! the level it reaches today and what it lacks for the next one.
//!
//! Levels are cumulative: Partner needs everything a program member needs,
//! Partner + everything a Partner needs. A threshold is reached exactly at its
//! value (3 customers, 100,000.00 PLN a quarter; 6 customers, 400,000.00 PLN;
//! 2 different Ads tools).

use std::borrow::Cow;
use std::collections::BTreeSet;

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use serde_json::Value;

use super::context::params;
use super::rule::{rule, Out, Rule};
use crate::catalogue::Code;
use crate::document::Document;
use crate::error::{ErrorCode, InputError};
use crate::partner::{AgencySnapshot as Snapshot, PartnerLevel};
use crate::report::ParamPairs;

use crate::money::show_grosze as show;

/// One requirement's answer: met, unmet (with the figures), or unknown.
enum Answer {
    Met,
    Unmet(ParamPairs),
    Unknown(&'static str),
}

fn flag(value: Option<bool>, path: &'static str) -> Answer {
    match value {
        Some(true) => Answer::Met,
        Some(false) => Answer::Unmet(vec![]),
        None => Answer::Unknown(path),
    }
}

fn at_least(value: Option<i64>, required: i64, path: &'static str) -> Answer {
    match value {
        None => Answer::Unknown(path),
        Some(v) if v >= required => Answer::Met,
        Some(v) => Answer::Unmet(vec![
            ("required", required.to_string()),
            ("actual", v.to_string()),
            ("gap", (required - v).to_string()),
        ]),
    }
}

fn spend(snapshot: &Snapshot, required_pln: i128) -> Answer {
    match &snapshot.quarterly_spend_gross {
        None => Answer::Unknown("request.quarterlySpendGross"),
        Some(m) if m.grosze() >= required_pln * 100 => Answer::Met,
        Some(m) => Answer::Unmet(vec![
            ("required", show(required_pln * 100)),
            ("actual", show(m.grosze())),
            ("gap", show(required_pln * 100 - m.grosze())),
            ("currency", "PLN".to_owned()),
        ]),
    }
}

fn tools(snapshot: &Snapshot) -> Answer {
    let Some(list) = &snapshot.ads_tools else {
        return Answer::Unknown("request.adsTools");
    };
    // Inserted one by one: collecting into a set sorts first.
    let mut distinct = BTreeSet::new();
    for tool in list.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        distinct.insert(tool);
    }
    let count = i64::try_from(distinct.len()).unwrap_or(i64::MAX);
    at_least(Some(count), 2, "request.adsTools")
}

/// The requirements of reaching `level` from the one below, in order.
fn answers(level: PartnerLevel, s: &Snapshot) -> Vec<(Code, Answer)> {
    match level {
        PartnerLevel::None => vec![],
        PartnerLevel::Member => vec![
            (
                Code::AdsBusinessAccount,
                flag(s.business_account, "request.businessAccount"),
            ),
            (
                Code::AdsWebsite,
                flag(s.website_active, "request.websiteActive"),
            ),
            (
                Code::AdsCertificate,
                flag(s.ads_certificate, "request.adsCertificate"),
            ),
            (
                Code::AdsGainingCustomers,
                flag(s.gaining_customers, "request.gainingCustomers"),
            ),
            (
                Code::AdsInvesting,
                flag(s.investing_in_campaigns, "request.investingInCampaigns"),
            ),
        ],
        PartnerLevel::Partner => vec![
            (
                Code::AdsActiveCustomers,
                at_least(s.active_customers, 3, "request.activeCustomers"),
            ),
            (Code::AdsQuarterlySpend, spend(s, 100_000)),
            (
                Code::AdsPartnerLogo,
                flag(s.partner_logo, "request.partnerLogo"),
            ),
        ],
        PartnerLevel::PartnerPlus => vec![
            (
                Code::AdsActiveCustomers,
                at_least(s.active_customers, 6, "request.activeCustomers"),
            ),
            (Code::AdsQuarterlySpend, spend(s, 400_000)),
            (Code::AdsTools, tools(s)),
            (
                Code::AdsPartnerPlusLogo,
                flag(s.partner_plus_logo, "request.partnerPlusLogo"),
            ),
        ],
    }
}

/// Reads the snapshot; a field of the wrong type is an input error at its path.
fn snapshot(request: Option<&Value>) -> Result<Snapshot, InputError> {
    let Some(value) = request else {
        return Ok(Snapshot::default());
    };
    // Natively the snapshot is read from the `Value` itself, and a failure
    // again from text, where serde_json names its place. In WebAssembly it is
    // always read from text: a second deserializer (over `Value`) would add
    // its code to the module (3 KB gzip). Both read the same JSON, so they
    // agree.
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(snapshot) = Snapshot::deserialize(value) {
        return check_currency(snapshot);
    }
    let text = serde_json::to_string(value).unwrap_or_default();
    let snapshot = serde_json::from_str::<Snapshot>(&text)
        .map_err(|err| crate::read::serde_text::shape_error(&text, &err, "request"))?;
    check_currency(snapshot)
}

/// The program counts spend in PLN.
fn check_currency(snapshot: Snapshot) -> Result<Snapshot, InputError> {
    if let Some(m) = &snapshot.quarterly_spend_gross {
        if m.currency != "PLN" {
            return Err(InputError::context(
                "request.quarterlySpendGross.currency",
                ErrorCode::SpendCurrency,
                params([("currency", m.currency.clone())]),
            ));
        }
    }
    Ok(snapshot)
}

/// An agency's snapshot, with the level it reaches (every requirement up to
/// it known and met) and the answers of the next level's requirements.
pub(crate) struct PartnerContext {
    /// The level reached.
    reached: PartnerLevel,
    /// The next level's requirements, in order; empty at the top level.
    next: Vec<(Code, Answer)>,
}

impl PartnerContext {
    /// Reads the snapshot in `document`'s request and finds the level.
    pub(crate) fn new(document: &Document) -> Result<Self, InputError> {
        let snapshot = snapshot(document.request.as_ref())?;
        let mut reached = PartnerLevel::None;
        while let Some(next) = reached.next() {
            let answers = answers(next, &snapshot);
            if answers.iter().all(|(_, a)| matches!(a, Answer::Met)) {
                reached = next;
                continue;
            }
            return Ok(PartnerContext {
                reached,
                next: answers,
            });
        }
        Ok(PartnerContext {
            reached,
            next: Vec::new(),
        })
    }
}

/// The Ads Partner requirements (RULES.md §7), one row per requirement, in
/// the order of the levels: each reports, for the next level, its unmet
/// requirement as a violation and its unknown one as skipped. Then the
/// level reached.
pub(crate) fn rules<'a>() -> &'a [Rule<PartnerContext>] {
    &[
        rule!("7", requirements as "partner::requirements", AdsBusinessAccount),
        rule!("7", requirements as "partner::requirements", AdsWebsite),
        rule!("7", requirements as "partner::requirements", AdsCertificate),
        rule!("7", requirements as "partner::requirements", AdsGainingCustomers),
        rule!("7", requirements as "partner::requirements", AdsInvesting),
        rule!("7", requirements as "partner::requirements", AdsActiveCustomers),
        rule!("7", requirements as "partner::requirements", AdsQuarterlySpend),
        rule!("7", requirements as "partner::requirements", AdsPartnerLogo),
        rule!("7", requirements as "partner::requirements", AdsTools),
        rule!("7", requirements as "partner::requirements", AdsPartnerPlusLogo),
        rule!("7", level),
    ]
}

/// The requirement of the row's code, when the next level has it: unmet, a
/// violation with the figures; unknown, skipped.
fn requirements(ctx: &PartnerContext, out: &mut Out<'_>) {
    for code in out.codes() {
        for (_, answer) in ctx.next.iter().filter(|(c, _)| c == code) {
            match answer {
                Answer::Met => {}
                Answer::Unmet(params) => {
                    out.violation(*code, Cow::Borrowed(path_of(*code)), params.clone());
                }
                Answer::Unknown(missing) => out.skip_code(*code, *missing),
            }
        }
    }
}

/// The level reached.
fn level(ctx: &PartnerContext, out: &mut Out<'_>) {
    out.level(ctx.reached);
}

/// The snapshot field a requirement reads.
fn path_of(code: Code) -> &'static str {
    match code {
        Code::AdsBusinessAccount => "businessAccount",
        Code::AdsWebsite => "websiteActive",
        Code::AdsCertificate => "adsCertificate",
        Code::AdsGainingCustomers => "gainingCustomers",
        Code::AdsInvesting => "investingInCampaigns",
        Code::AdsActiveCustomers => "activeCustomers",
        Code::AdsQuarterlySpend => "quarterlySpendGross.amount",
        Code::AdsTools => "adsTools",
        Code::AdsPartnerLogo => "partnerLogo",
        Code::AdsPartnerPlusLogo => "partnerPlusLogo",
        _ => "",
    }
}
