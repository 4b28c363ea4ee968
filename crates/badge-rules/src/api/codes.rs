//! The catalogue of codes (`badge-rules codes --format json`, the npm
//! package's `catalogue()`) and the built-in campaigns both hand out.

use std::borrow::Cow;

use serde::Serialize;

use crate::campaigns::{self, BUILT_IN};
use crate::catalogue::{self, Check};
use crate::channel::{self, Channel, Evidence, TextSource};
use crate::document::Kind;
use crate::{Code, Lang};

/// One entry of the catalogue, as `badge-rules codes --format json` and the
/// npm package's `catalogue()` list it.
///
/// ```
/// use badge_rules::{api::catalogue, Code, Lang};
/// let entries = catalogue(Lang::En);
/// let bb13 = entries.iter().find(|e| e.code == Code::BB13).unwrap();
/// assert_eq!(
///     serde_json::to_string(bb13).unwrap(),
///     r#"{"code":"BB13","check":"server-only","reason":"rate limits are counted by Allegro's servers","text":"Too many requests from this account.","textSource":"guide","message":"Too many requests from this account.","messageSource":"guide","routes":[{"endpoint":"POST /sale/badges","kind":"application","channel":{"type":"sync","status":429},"evidence":"inferred","source":"a rate limit is answered at once, with HTTP 429"},{"endpoint":"PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}","kind":"badgeUpdate","channel":{"type":"sync","status":429},"evidence":"inferred","source":"a rate limit is answered at once, with HTTP 429"}]}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CatalogueEntry {
    /// The code.
    pub code: Code,
    /// `offline` (the engine decides it) or `server-only`.
    pub check: CheckKind,
    /// Why only Allegro's servers can decide it (server-only codes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Cow<'static, str>>,
    /// Allegro's text in the chosen language, from its guide (the report's
    /// `message`).
    pub text: Cow<'static, str>,
    /// Where `text` comes from: `guide`, or `engine` for the engine's own
    /// codes and for translations Allegro does not publish.
    pub text_source: TextSource,
    /// Allegro's current English developer message (an error envelope's
    /// `message`): its OpenAPI's text where published, else the guide's.
    pub message: Cow<'static, str>,
    /// Where `message` comes from: `openApi` or `guide`.
    pub message_source: TextSource,
    /// Where the text was published, for a text that is not from Allegro's
    /// guide or OpenAPI (`allegro-api#9105`; an integrator's report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_ref: Option<&'static str>,
    /// `later` for a code that means "send the same request again later"
    /// (BB0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<Retry>,
    /// Causes the engine infers beyond the code's documented route (BB6 for
    /// a HUF amount that does not end in 0 or 5), in the chosen language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<RouteEntry>,
    /// How each endpoint that can answer the code answers it.
    pub routes: Vec<RouteEntry>,
}

/// One endpoint's answer to a code, as the catalogue lists it.
///
/// ```
/// use badge_rules::{api::catalogue, Code, Lang};
/// let bb5 = catalogue(Lang::En).into_iter().find(|e| e.code == Code::BB5).unwrap();
/// assert_eq!(
///     serde_json::to_value(&bb5.routes[0]).unwrap(),
///     serde_json::json!({"endpoint": "POST /sale/badges", "kind": "application",
///         "channel": {"type": "sync", "status": 422}, "evidence": "documented",
///         "source": "Allegro's OpenAPI: POST /sale/badges, 422 example"}),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct RouteEntry {
    /// The endpoint.
    pub endpoint: &'static str,
    /// The check document's kind for it.
    pub kind: Kind,
    /// How Allegro answers.
    pub channel: Channel,
    /// `documented` or `inferred`.
    pub evidence: EvidenceKind,
    /// Where it is documented, or why the engine reads it so (in the chosen
    /// language).
    pub source: Cow<'static, str>,
}

/// When to send a request again.
///
/// ```
/// assert_eq!(serde_json::to_string(&badge_rules::api::Retry::Later).unwrap(), r#""later""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Retry {
    /// Later: a transient failure on Allegro's side.
    Later,
}

/// Documented or inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum EvidenceKind {
    /// Allegro's documentation shows it.
    Documented,
    /// The engine's reading.
    Inferred,
}

/// Who decides a code, as the catalogue entry writes it.
///
/// ```
/// assert_eq!(serde_json::to_string(&badge_rules::api::CheckKind::ServerOnly).unwrap(), r#""server-only""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CheckKind {
    /// The engine decides it from the check document.
    Offline,
    /// Only Allegro's servers can.
    ServerOnly,
}

/// Every code of the catalogue, in its order, with its texts in `lang`.
///
/// ```
/// use badge_rules::{api::catalogue, Lang};
/// assert_eq!(catalogue(Lang::Pl).len(), badge_rules::catalogue::ALL.len());
/// ```
pub fn catalogue(lang: Lang) -> Vec<CatalogueEntry> {
    catalogue::ALL
        .iter()
        .map(|row| CatalogueEntry {
            code: row.code,
            check: match row.check {
                Check::ServerOnly(_) => CheckKind::ServerOnly,
                _ => CheckKind::Offline,
            },
            reason: row.check.reason(lang).map(Cow::Borrowed),
            text: Cow::Borrowed(row.text(lang)),
            text_source: text_source(row.code, lang),
            message: Cow::Borrowed(current_message(row.code).0),
            message_source: current_message(row.code).1,
            text_ref: text_ref(row.code, lang),
            retry: row.code.retry_later().then_some(Retry::Later),
            also: channel::inferred_causes(row.code)
                .into_iter()
                .map(|(kind, why)| RouteEntry {
                    endpoint: channel::endpoint(kind),
                    kind,
                    channel: channel::route(kind, row.code).channel,
                    evidence: EvidenceKind::Inferred,
                    source: Cow::Borrowed(lang.locale().inference(why)),
                })
                .collect(),
            routes: channel::routes(row.code)
                .into_iter()
                .map(|route| {
                    let (evidence, source) = match route.evidence {
                        Evidence::Documented(source) => (
                            EvidenceKind::Documented,
                            Cow::Owned(source.describe(route.kind, lang)),
                        ),
                        Evidence::Inferred(why) => (
                            EvidenceKind::Inferred,
                            Cow::Borrowed(lang.locale().inference(why)),
                        ),
                    };
                    RouteEntry {
                        endpoint: channel::endpoint(route.kind),
                        kind: route.kind,
                        channel: route.channel,
                        evidence,
                        source,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The guide's text is Allegro's in English and Polish; BA107, BB35 and BB39
/// come from the OpenAPI (English only, translated here), the `ADS_*` codes
/// are the engine's own.
fn text_source(code: Code, lang: Lang) -> TextSource {
    match code {
        _ if !code.is_allegros() => TextSource::Engine,
        // Allegro's English, quoted in allegro-api#9105; the Polish is ours.
        Code::BA97 if lang == Lang::En => TextSource::AllegroIssue,
        Code::BA97 => TextSource::Engine,
        // Known only as an integrator's paraphrase, in every language.
        Code::BA101 | Code::BA104 => TextSource::Paraphrase,
        Code::BA107 | Code::BB35 | Code::BB39 if lang == Lang::En => TextSource::OpenApi,
        Code::BA107 | Code::BB35 | Code::BB39 => TextSource::Engine,
        _ if lang == Lang::En || lang == Lang::Pl => TextSource::Guide,
        _ => TextSource::Engine,
    }
}

/// Where a text that is neither the guide's nor the OpenAPI's was published.
fn text_ref(code: Code, lang: Lang) -> Option<&'static str> {
    match text_source(code, lang) {
        TextSource::AllegroIssue => Some("allegro-api#9105"),
        TextSource::Paraphrase => Some("an integrator's report from allegro.hu, 2026"),
        _ => None,
    }
}

/// Allegro's current English message of `code`: the first endpoint whose
/// OpenAPI example publishes one, else the guide's English.
fn current_message(code: Code) -> (&'static str, TextSource) {
    channel::routes(code)
        .iter()
        .find_map(|r| channel::published_text(r.kind, code))
        .map_or_else(
            || (Lang::En.locale().code(code), text_source(code, Lang::En)),
            |text| (text, TextSource::OpenApi),
        )
}

/// Every built-in campaign with its terms, named in `lang`.
///
/// ```
/// use badge_rules::{api::built_in_campaigns, Lang};
/// let all = built_in_campaigns(Lang::En);
/// assert_eq!(all[0].campaign.id, "SANDBOX_TEST_CAMPAIGN");
/// ```
pub fn built_in_campaigns(lang: Lang) -> Vec<campaigns::BuiltInCampaign> {
    BUILT_IN.iter().map(|c| c.entry(lang)).collect()
}
