//! RULES.md §4.2: the campaign (BA10, BA11, BA78, refusal reasons).

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::context::ApplicationContext;
use super::rule::{need, Out};
use crate::catalogue::Code;
use crate::report::WarningCode;

/// BA10: no campaign with the request's id, or `now` outside its visibility.
pub(crate) fn ba10(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    use super::context::CampaignRef;
    let campaign = match ctx.campaign {
        CampaignRef::Blocked => return,
        CampaignRef::NotFound => {
            let id = ctx.campaign_id.valid().unwrap_or_default();
            return out.violation(
                Code::BA10,
                "campaign.id",
                vec![("campaignId", id.to_owned())],
            );
        }
        CampaignRef::Hidden => {
            return out.violation(
                Code::BA10,
                "campaign.id",
                vec![("period", "visibility".into())],
            );
        }
        CampaignRef::NotGiven => return out.skip(Cow::Borrowed("campaigns")),
        CampaignRef::Found(_, c) => c,
    };
    // Found and not hidden: the visibility period is open, or cannot be judged.
    if campaign.visibility.is_none() {
        out.skip(Cow::Borrowed("campaigns[].visibility"));
    } else if ctx.now.is_none()
        && campaign
            .visibility
            .as_ref()
            .is_some_and(|v| v.kind != crate::period::PeriodType::Always)
    {
        out.skip(Cow::Borrowed("now"));
    }
}

/// BA11: `now` outside the application period, or past the publication's end.
pub(crate) fn ba11(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    use crate::period::PeriodType::{Always, Never, Since};
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(out, found);
    let now = ctx.now();
    // Each period is judged on its own: a closed one is enough to fail, and
    // only when none fails does a missing input make the rule skipped.
    let mut missing = None;
    match (&campaign.application, now.as_ref()) {
        (None, _) => missing = Some(Cow::Borrowed("campaigns[].application")),
        (Some(p), _) if p.kind == Never => {
            return out.violation(
                Code::BA11,
                "campaign.id",
                vec![("period", "application".into())],
            );
        }
        (Some(p), _) if p.kind == Always => {}
        (Some(p), Ok(now)) => {
            if p.is_open_at(*now) == Ok(false) {
                return out.violation(
                    Code::BA11,
                    "campaign.id",
                    vec![("period", "application".into())],
                );
            }
        }
        (Some(_), Err(m)) => missing = Some(m.clone()),
    }
    match (&campaign.publication, now) {
        (None, _) => missing = missing.or(Some(Cow::Borrowed("campaigns[].publication"))),
        (Some(p), _) if matches!(p.kind, Always | Never | Since) => {}
        (Some(p), Ok(now)) => {
            if p.has_ended_at(now) == Ok(true) {
                return out.violation(
                    Code::BA11,
                    "campaign.id",
                    vec![("period", "publication".into())],
                );
            }
        }
        (Some(_), Err(m)) => missing = missing.or(Some(m)),
    }
    if let Some(missing) = missing {
        out.skip(missing);
    }
}

/// BA78: a `WITHIN` period of the campaign starts after it ends.
pub(crate) fn ba78(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(out, found);
    for (name, period) in [
        ("application", &campaign.application),
        ("publication", &campaign.publication),
        ("visibility", &campaign.visibility),
    ] {
        if period.as_ref().is_some_and(|p| p.is_inverted()) {
            out.violation(Code::BA78, "campaign.id", vec![("period", name.into())]);
        }
    }
}

/// Refusal: an ineligible campaign reports each of Allegro's refusal codes,
/// BB1 when it names none (or none the catalogue knows).
pub(crate) fn refusal(ctx: &ApplicationContext<'_>, out: &mut Out<'_>) {
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(out, found);
    let eligibility = need!(
        out,
        campaign
            .eligibility
            .as_ref()
            .ok_or(Cow::Borrowed("campaigns[].eligibility"))
    );
    if eligibility.eligible {
        return;
    }
    // Sets: Allegro's order of reasons is not meaningful, so they are
    // reported in catalogue order, each once.
    let mut known: BTreeSet<Code> = BTreeSet::new();
    let mut unknown: BTreeSet<&str> = BTreeSet::new();
    for reason in &eligibility.refusal_reasons {
        match reason.code.parse::<Code>() {
            Ok(code) => {
                known.insert(code);
            }
            Err(_) => {
                unknown.insert(&reason.code);
            }
        }
    }
    if known.is_empty() || !unknown.is_empty() {
        out.violation(
            Code::BB1,
            "campaign.id",
            vec![("refusal", "eligibility".into())],
        );
    }
    for code in known {
        out.violation(code, "campaign.id", vec![("refusal", "eligibility".into())]);
    }
    for code in unknown {
        out.warn(
            WarningCode::UnknownRefusalCode,
            vec![("refusalCode", code.to_owned())],
        );
    }
}
