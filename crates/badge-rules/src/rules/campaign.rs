//! RULES.md §4.2: the campaign (BA10, BA11, BA78, refusal reasons).

use std::borrow::Cow;

use super::{need, ApplicationContext, Codes};
use crate::catalogue::Code;
use crate::report::{Findings, WarningCode};

/// BA10: no campaign with the request's id, or `now` outside its visibility.
pub(crate) fn ba10(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    use super::context::CampaignRef;
    let (_, campaign) = match ctx.campaign {
        CampaignRef::Blocked => return,
        CampaignRef::NotFound => {
            let id = ctx.campaign_id.valid().unwrap_or_default();
            return out.violation(Code::BA10, "campaign.id", vec![("campaignId", id.to_owned())]);
        }
        CampaignRef::NotGiven => return out.skip_all(codes, &Cow::Borrowed("campaigns")),
        CampaignRef::Found(i, c) => (i, c),
    };
    let visibility = need!(
        codes,
        out,
        campaign
            .visibility
            .as_ref()
            .ok_or_else(|| Cow::Borrowed("campaigns[].visibility"))
    );
    let now = need!(codes, out, ctx.now());
    if visibility.is_open_at(now) == Ok(false) {
        out.violation(Code::BA10, "campaign.id", vec![("period", "visibility".into())]);
    }
}

/// BA11: `now` outside the application period, or past the publication's end.
pub(crate) fn ba11(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(codes, out, found);
    let application = need!(
        codes,
        out,
        campaign
            .application
            .as_ref()
            .ok_or_else(|| Cow::Borrowed("campaigns[].application"))
    );
    let publication = need!(
        codes,
        out,
        campaign
            .publication
            .as_ref()
            .ok_or_else(|| Cow::Borrowed("campaigns[].publication"))
    );
    // NEVER and ALWAYS need no clock.
    let now = match ctx.now() {
        Ok(now) => now,
        Err(missing) => {
            use crate::period::PeriodType::{Always, Never};
            if application.kind == Never {
                out.violation(Code::BA11, "campaign.id", vec![("period", "application".into())]);
            } else if !(application.kind == Always && matches!(publication.kind, Always | Never | crate::period::PeriodType::Since)) {
                out.skip_all(codes, &missing);
            }
            return;
        }
    };
    if application.is_open_at(now) == Ok(false) {
        out.violation(Code::BA11, "campaign.id", vec![("period", "application".into())]);
    } else if publication.has_ended_at(now) == Ok(true) {
        out.violation(Code::BA11, "campaign.id", vec![("period", "publication".into())]);
    }
}

/// BA78: a `WITHIN` period of the campaign starts after it ends.
pub(crate) fn ba78(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(codes, out, found);
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
pub(crate) fn refusal(ctx: &ApplicationContext<'_>, codes: Codes, out: &mut Findings) {
    let Some(found) = ctx.campaign.get() else {
        return;
    };
    let (_, campaign) = need!(codes, out, found);
    let eligibility = need!(
        codes,
        out,
        campaign
            .eligibility
            .as_ref()
            .ok_or_else(|| Cow::Borrowed("campaigns[].eligibility"))
    );
    if eligibility.eligible {
        return;
    }
    let mut known: Vec<Code> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    for reason in &eligibility.refusal_reasons {
        match reason.code.parse::<Code>() {
            Ok(code) => known.push(code),
            Err(_) => unknown.push(&reason.code),
        }
    }
    // Allegro's order of reasons is not meaningful: report in catalogue order.
    known.sort_unstable();
    known.dedup();
    unknown.sort_unstable();
    unknown.dedup();
    if known.is_empty() || !unknown.is_empty() {
        out.violation(Code::BB1, "campaign.id", vec![("refusal", "eligibility".into())]);
    }
    for code in known {
        out.violation(code, "campaign.id", vec![("refusal", "eligibility".into())]);
    }
    for code in unknown {
        out.warn(WarningCode::UnknownRefusalCode, vec![("refusalCode", code.to_owned())]);
    }
}
