//! How Allegro answers each code, per endpoint: at once as an HTTP error,
//! later as a declined application or operation, or before anything is sent
//! as a refusal in GET /sale/badge-campaigns.
//!
//! Integrators handle the three differently, so each (endpoint, code) has a
//! [`Route`]: its [`Channel`] and whether that is *documented* (Allegro's
//! OpenAPI description shows it, in an example or a response's description)
//! or *inferred* (the engine's reading, with its [`Inference`]). The
//! documented routes are the error examples of Allegro's OpenAPI excerpt in
//! `tests/allegro/`, where a test holds every one of them; the others follow
//! from a few readings (BB codes are synchronous request validation, BA codes
//! come from the verification of an accepted request).
//!
//! ```
//! use badge_rules::channel::{route, Channel, Evidence};
//! use badge_rules::{Code, Kind};
//!
//! let bb5 = route(Kind::Application, Code::BB5);
//! assert_eq!(bb5.channel, Channel::Sync { status: 422 });
//! assert!(matches!(bb5.evidence, Evidence::Documented(_)));
//! let ba49 = route(Kind::Application, Code::BA49);
//! assert_eq!(ba49.channel, Channel::Declined);
//! assert!(matches!(ba49.evidence, Evidence::Inferred(_)));
//! ```

use serde::Serialize;

use crate::catalogue::Code;
use crate::document::Kind;
use crate::locale::Lang;

pub use crate::keys::Inference;

/// How Allegro answers a code.
///
/// ```
/// use badge_rules::channel::Channel;
/// assert_eq!(serde_json::to_value(Channel::Sync { status: 403 }).unwrap(),
///            serde_json::json!({"type": "sync", "status": 403}));
/// assert_eq!(serde_json::to_value(Channel::Declined).unwrap(), serde_json::json!({"type": "declined"}));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Channel {
    /// At once: an HTTP error with this status, in Allegro's error envelope.
    Sync {
        /// The HTTP status.
        status: u16,
    },
    /// Later: the request is accepted (202), then its application or
    /// operation is `DECLINED` with the code among its `rejectionReasons`.
    Declined,
    /// Before anything is sent: GET /sale/badge-campaigns lists the code in
    /// the campaign's `eligibility.refusalReasons`.
    Eligibility,
    /// No Allegro answer: the engine's own code (the Ads Partner program has
    /// no API).
    Engine,
}

/// Why a route is what it is.
///
/// ```
/// use badge_rules::channel::{route, Evidence, Source};
/// use badge_rules::{Code, Kind, Lang};
/// let Evidence::Documented(source) = route(Kind::BadgeUpdate, Code::BB12).evidence else { unreachable!() };
/// assert_eq!(source, Source::Example { status: 409 });
/// assert_eq!(
///     source.describe(Kind::BadgeUpdate, Lang::En),
///     "Allegro's OpenAPI: PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}, 409 example",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// Allegro's documentation shows it; where.
    Documented(Source),
    /// The engine's reading.
    Inferred(Inference),
}

/// Where in Allegro's OpenAPI description a route is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// An error example of the endpoint's response with this status.
    Example {
        /// The response's status.
        status: u16,
    },
    /// The description of the endpoint's response with this status.
    Description {
        /// The response's status.
        status: u16,
    },
    /// The refusal reasons of GET /sale/badge-campaigns' 200 example.
    RefusalExample,
}

impl Source {
    /// Where it is, for the endpoint of `kind`, in `lang`.
    ///
    /// ```
    /// use badge_rules::{channel::Source, Kind, Lang};
    /// assert_eq!(
    ///     Source::Example { status: 422 }.describe(Kind::Application, Lang::Pl),
    ///     "OpenAPI Allegro: POST /sale/badges, przykład odpowiedzi 422",
    /// );
    /// ```
    pub fn describe(self, kind: Kind, lang: Lang) -> String {
        use crate::locale::{interpolate, Label};
        let (label, endpoint, status) = match self {
            Source::Example { status } => (Label::DocumentedExample, endpoint(kind), status),
            Source::Description { status } => {
                (Label::DocumentedDescription, endpoint(kind), status)
            }
            Source::RefusalExample => (
                Label::DocumentedExample,
                endpoint(Kind::CampaignsQuery),
                200,
            ),
        };
        let status = status.to_string();
        interpolate(
            lang.label(label),
            &[("endpoint", endpoint), ("status", &status)],
        )
        .into_owned()
    }
}

/// One endpoint's answer to one code.
///
/// ```
/// use badge_rules::channel::{route, Channel};
/// use badge_rules::{Code, Kind};
/// assert_eq!(route(Kind::BadgesQuery, Code::BB9).channel, Channel::Sync { status: 400 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Route {
    /// The check's kind: its endpoint ([`endpoint`]).
    pub kind: Kind,
    /// How Allegro answers.
    pub channel: Channel,
    /// Documented or inferred.
    pub evidence: Evidence,
}

/// The endpoint a kind of check is about.
///
/// ```
/// use badge_rules::{channel::endpoint, Kind};
/// assert_eq!(endpoint(Kind::Application), "POST /sale/badges");
/// ```
pub const fn endpoint(kind: Kind) -> &'static str {
    match kind {
        Kind::Application => "POST /sale/badges",
        Kind::BadgeUpdate => "PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}",
        Kind::CampaignsQuery => "GET /sale/badge-campaigns",
        Kind::ApplicationsQuery => "GET /sale/badge-applications",
        Kind::BadgesQuery => "GET /sale/badges",
        Kind::ApplicationLookup => "GET /sale/badge-applications/{applicationId}",
        Kind::OperationLookup => "GET /sale/badge-operations/{operationId}",
        Kind::OfferConsent => "PUT /sale/allegro-prices-offer-consents/{offerId}",
        Kind::AccountConsent => "PUT /sale/allegro-prices-account-consent",
        Kind::AllegroPricesParticipation => "PATCH /sale/allegro-prices/accounts/participations",
        Kind::AllegroPricesOfferCommand => "POST /sale/allegro-prices/offers/submit-offer-commands",
        Kind::PartnerLevel => "the Allegro Ads Partner program (no API)",
    }
}

/// Allegro's OpenAPI error examples: (endpoint, code, status, Allegro's
/// current English message).
const DOCUMENTED: &[(Kind, Code, u16, &str)] = &[
    (Kind::Application, Code::BB2, 403, "The account is not a Business Account."),
    (Kind::Application, Code::BB5, 422, "Currency not supported."),
    (Kind::Application, Code::BB6, 422, "One of the numerical values is not a number."),
    (Kind::Application, Code::BA107, 422, "This Campaign requires you to declare quantity. Declaration of quantity required for the campaign has not been provided."),
    (Kind::Application, Code::BB39, 422, "The declared stock quantity is defined for a Campaign that does not require it."),
    (Kind::BadgeUpdate, Code::BB2, 403, "The account is not a Business Account"),
    (Kind::BadgeUpdate, Code::BA4, 404, "This offer does not exist."),
    (Kind::BadgeUpdate, Code::BA10, 404, "This campaign does not exist."),
    (Kind::BadgeUpdate, Code::BB12, 409, "The operation already exists and has a REQUESTED status. Please wait until the status changes to PROCESSED or DECLINED."),
    (Kind::BadgeUpdate, Code::BB5, 422, "Currency not supported."),
    (Kind::BadgeUpdate, Code::BB6, 422, "One of the numerical values is not a number."),
    (Kind::CampaignsQuery, Code::BB35, 400, "Invalid [marketplace.id] parameter value."),
    (Kind::CampaignsQuery, Code::BB2, 403, "The account is not a Business Account."),
    (Kind::BadgesQuery, Code::BB9, 400, "Invalid [limit] parameter value."),
    (Kind::BadgesQuery, Code::BB10, 400, "Invalid [offset] parameter value."),
    (Kind::BadgesQuery, Code::BB35, 400, "Invalid [marketplace.id] parameter value."),
    (Kind::BadgesQuery, Code::BB2, 403, "The account is not a Business Account."),
    (Kind::ApplicationsQuery, Code::BB9, 400, "Invalid [limit] parameter value."),
    (Kind::ApplicationsQuery, Code::BB10, 400, "Invalid [offset] parameter value."),
    (Kind::ApplicationsQuery, Code::BB2, 403, "The account is not a Business Account."),
    (Kind::ApplicationLookup, Code::BB8, 404, "Submission does not exist."),
    (Kind::ApplicationLookup, Code::BB2, 403, "The account is not a Business Account"),
    (Kind::OperationLookup, Code::BB14, 404, "Operation does not exist."),
    (Kind::OperationLookup, Code::BB2, 403, "The account is not a Business Account."),
];

/// Causes of a code the engine reports beyond the one Allegro documents
/// for it, each INFERRED: (endpoint, code, why). Allegro requires HUF prices
/// rounded to an ending of 0 or 5 (allegro-api#9888, its news of allegro.hu;
/// the offer API refuses a price of the wrong precision for its marketplace
/// at once, allegro-api#7323 and #13367). The badge API documents no code
/// for it; its code for a malformed amount is BB6 (422), so the engine
/// reports a HUF bargain or market price that does not end in 0 or 5 as BB6.
///
/// ```
/// use badge_rules::channel::{inferred_causes, Inference};
/// use badge_rules::{Code, Kind};
/// assert_eq!(inferred_causes(Code::BB6), [(Kind::Application, Inference::HufRounding), (Kind::BadgeUpdate, Inference::HufRounding)]);
/// assert!(inferred_causes(Code::BB5).is_empty());
/// ```
const INFERRED_CAUSES: &[(Kind, Code, Inference)] = &[
    (Kind::Application, Code::BB6, Inference::HufRounding),
    (Kind::BadgeUpdate, Code::BB6, Inference::HufRounding),
];

/// The inferred causes of `code` beyond its documented route: (endpoint,
/// why). BB6 for a HUF amount that does not end in 0 or 5 is one.
///
/// ```
/// use badge_rules::channel::inferred_causes;
/// assert_eq!(inferred_causes(badge_rules::Code::BB6).len(), 2);
/// ```
pub fn inferred_causes(code: Code) -> Vec<(Kind, Inference)> {
    INFERRED_CAUSES
        .iter()
        .filter(|(_, c, _)| *c == code)
        .map(|(k, _, why)| (*k, *why))
        .collect()
}

/// Texts Allegro's OpenAPI shows for a code in a declined application or
/// operation, or a refusal: (the kind whose outcome it is, code, text).
const DECLINED_TEXTS: &[(Kind, Code, &str)] = &[
    (
        Kind::Application,
        Code::BA2,
        "The discount price or suggested market price is not defined",
    ),
    (
        Kind::BadgeUpdate,
        Code::BA2,
        "The discount price or suggested market price is not defined.",
    ),
    (
        Kind::Application,
        Code::BB1,
        "The account does not meet the quality criteria",
    ),
];

/// How the endpoint of `kind` answers `code`.
///
/// ```
/// use badge_rules::channel::{route, Channel};
/// use badge_rules::{Code, Kind};
/// assert_eq!(route(Kind::Application, Code::BB1).channel, Channel::Eligibility);
/// assert_eq!(route(Kind::PartnerLevel, Code::AdsTools).channel, Channel::Engine);
/// ```
pub fn route(kind: Kind, code: Code) -> Route {
    let (channel, evidence) = channel_of(kind, code);
    Route {
        kind,
        channel,
        evidence,
    }
}

fn channel_of(kind: Kind, code: Code) -> (Channel, Evidence) {
    use Evidence::{Documented, Inferred};
    if let Some((_, _, status, _)) = DOCUMENTED
        .iter()
        .find(|(k, c, _, _)| *k == kind && *c == code)
    {
        return (
            Channel::Sync { status: *status },
            Documented(Source::Example { status: *status }),
        );
    }
    if kind == Kind::PartnerLevel || !code.is_allegros() {
        return (Channel::Engine, Inferred(Inference::EngineOwn));
    }
    let query = matches!(
        kind,
        Kind::CampaignsQuery
            | Kind::ApplicationsQuery
            | Kind::BadgesQuery
            | Kind::ApplicationLookup
            | Kind::OperationLookup
    );
    match code {
        Code::BB1 if kind == Kind::Application => {
            (Channel::Eligibility, Documented(Source::RefusalExample))
        }
        Code::ValidationError if kind == Kind::AllegroPricesParticipation => (
            Channel::Sync { status: 422 },
            Documented(Source::Description { status: 422 }),
        ),
        Code::ValidationError => (
            Channel::Sync { status: 422 },
            Inferred(Inference::GenericValidation),
        ),
        Code::BB13 => (
            Channel::Sync { status: 429 },
            Inferred(Inference::RateLimit),
        ),
        Code::BB0 if kind == Kind::BadgeUpdate => (
            Channel::Declined,
            Inferred(Inference::DeclinedOperationRetried),
        ),
        Code::BB0 => (Channel::Declined, Inferred(Inference::ProcessingError)),
        Code::BB12 => (
            Channel::Sync { status: 409 },
            Inferred(Inference::AsForThePatch),
        ),
        code if code.as_str().starts_with("BB") => (
            Channel::Sync {
                status: if query { 400 } else { 422 },
            },
            Inferred(Inference::RequestValidation),
        ),
        _ => (Channel::Declined, Inferred(Inference::Verification)),
    }
}

/// Every route of `code`: the endpoints whose rules can report it (and, for
/// a server-only code, where Allegro answers it).
///
/// ```
/// use badge_rules::channel::routes;
/// use badge_rules::{Code, Kind};
/// let bb2: Vec<Kind> = routes(Code::BB2).iter().map(|r| r.kind).collect();
/// assert!(bb2.contains(&Kind::Application) && bb2.contains(&Kind::BadgeUpdate));
/// assert!(!routes(Code::BA18).is_empty()); // server-only: a declined application
/// ```
pub fn routes(code: Code) -> Vec<Route> {
    let mut kinds: Vec<Kind> = Vec::new();
    for rule in crate::registry::rules() {
        if rule.codes.contains(&code) && !kinds.contains(&rule.kind) {
            kinds.push(rule.kind);
        }
    }
    if !code.info().check.is_offline() || kinds.is_empty() {
        // Server-only: the applications and operations Allegro verifies.
        for kind in match code {
            Code::BB0 | Code::BB13 => &[Kind::Application, Kind::BadgeUpdate][..],
            Code::BA4 => &[Kind::BadgeUpdate, Kind::Application][..],
            _ => &[Kind::Application][..],
        } {
            if !kinds.contains(kind) {
                kinds.push(*kind);
            }
        }
    }
    kinds.into_iter().map(|kind| route(kind, code)).collect()
}

/// Allegro's current English text of `code` where its OpenAPI publishes one
/// for this endpoint (error examples, declined applications and operations,
/// refusals), else `None` (the guide's English text is then the best known).
///
/// ```
/// use badge_rules::channel::published_text;
/// use badge_rules::{Code, Kind};
/// assert_eq!(published_text(Kind::Application, Code::BB5), Some("Currency not supported."));
/// assert_eq!(published_text(Kind::Application, Code::BA49), None);
/// ```
pub fn published_text(kind: Kind, code: Code) -> Option<&'static str> {
    DOCUMENTED
        .iter()
        .find(|(k, c, _, _)| *k == kind && *c == code)
        .map(|(_, _, _, text)| *text)
        .or_else(|| {
            DECLINED_TEXTS
                .iter()
                .find(|(k, c, _)| *k == kind && *c == code)
                .map(|(_, _, text)| *text)
        })
}

/// Allegro's English developer message for `code` at this endpoint, and
/// where it comes from: the OpenAPI's text where published, else the
/// guide's.
///
/// ```
/// use badge_rules::channel::{message, TextSource};
/// use badge_rules::{Code, Kind};
/// assert_eq!(message(Kind::BadgeUpdate, Code::BA10), ("This campaign does not exist.", TextSource::OpenApi));
/// assert_eq!(message(Kind::Application, Code::BA10), ("Campaign not found.", TextSource::Guide));
/// ```
pub fn message(kind: Kind, code: Code) -> (&'static str, TextSource) {
    match published_text(kind, code) {
        Some(text) => (text, TextSource::OpenApi),
        None => (Lang::En.locale().code(code), TextSource::Guide),
    }
}

/// Where a text comes from.
///
/// ```
/// assert_eq!(serde_json::to_value(badge_rules::channel::TextSource::OpenApi).unwrap(), "openApi");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum TextSource {
    /// Allegro's current OpenAPI description (2026).
    OpenApi,
    /// Allegro's guide to badge campaigns, its code table.
    Guide,
    /// The engine's own text (its `ADS_*` codes; translations Allegro does
    /// not publish).
    Engine,
    /// Allegro's text as its staff or its answer is quoted in a public
    /// issue of allegro-api (BA97: allegro-api#9105).
    AllegroIssue,
    /// An integrator's paraphrase: Allegro's own words are not known (BA101,
    /// BA104, seen in production on allegro.hu).
    Paraphrase,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ALL;

    #[test]
    fn every_code_has_a_route() {
        for row in ALL {
            let routes = routes(row.code);
            assert!(!routes.is_empty(), "{}", row.code);
            if !row.code.is_allegros() {
                assert!(routes.iter().all(|r| r.channel == Channel::Engine));
            }
        }
    }

    #[test]
    fn documented_routes_are_unique() {
        for (i, (k, c, _, _)) in DOCUMENTED.iter().enumerate() {
            assert!(
                DOCUMENTED
                    .iter()
                    .skip(i + 1)
                    .all(|(k2, c2, _, _)| (k2, c2) != (k, c)),
                "{k:?} {c}"
            );
        }
    }

    #[test]
    fn server_only_codes_are_not_offline_routes_only() {
        let ba18 = routes(Code::BA18);
        assert_eq!(ba18.len(), 1);
        assert!(matches!(
            Code::BA18.info().check,
            crate::catalogue::Check::ServerOnly(_)
        ));
        assert_eq!(ba18[0].channel, Channel::Declined);
    }
}
