//! The JSON interface, owned once: what every adapter prints and hands out.
//!
//! The CLI and the npm package are thin adapters over this module (as
//! cedar-policy's `ffi` module is for its CLI and WASM build): the report line
//! and the `{"error": {...}}` line of a check, byte for byte what `check
//! --format json`, `check --jsonl` and `checkJson` print; the catalogue entry
//! both list; the built-in campaigns both hand out.
//!
//! ```
//! use badge_rules::{api, Options};
//!
//! let line = api::answer_line(br#"{"kind": "applicationLookup", "applicationId": "x"}"#, &Options::default());
//! assert!(line.starts_with(r#"{"verdict":"REJECT","violations":[{"code":"BB8""#));
//! assert_eq!(
//!     api::answer_line(b"{", &Options::default()),
//!     r#"{"error":{"kind":"syntax","code":"NOT_JSON","path":"","message":"not valid JSON at line 1, column 1: EOF while parsing an object","params":{"column":"1","detail":"EOF while parsing an object","line":"1"},"line":1,"column":1}}"#,
//! );
//! ```

use std::borrow::Cow;

use serde::Serialize;

use crate::campaigns::{self, BUILT_IN};
use crate::catalogue::{self, Check};
use crate::channel::{self, Channel, Evidence, TextSource};
use crate::document::Kind;
use crate::error::{ErrorCode, Params, SyntaxError};
use crate::plan;
use crate::report::Report;
use crate::response::{self, Response};
use crate::{check_json, Code, InputError, Lang, Options};

/// Checks a document given as bytes (UTF-8, a leading byte-order mark
/// ignored): what a file or a line of a `--jsonl` input holds.
///
/// ```
/// use badge_rules::{api, InputError, Options};
/// let err = api::check_bytes(b"{\"kind\": \"\xff\"}", &Options::default()).unwrap_err();
/// assert!(matches!(err, InputError::Syntax(_)));
/// assert_eq!(err.to_string(), "not valid JSON at line 1, column 11: the text is not valid UTF-8");
/// ```
///
/// # Errors
///
/// Bytes that are not UTF-8 are an [`InputError::Syntax`] at the first bad
/// byte; then any error of [`check_json`].
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, InputError> {
    check_json(text_of(bytes)?, options)
}

/// The bytes as text; bytes that are not UTF-8 are a syntax error.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::Syntax(SyntaxError::at(
            "",
            ErrorCode::NotUtf8,
            Params::new(),
            line,
            column,
        ))
    })
}

/// The one line that answers a document: its report ([`report_line`]) or its
/// input error ([`error_line`]), without a newline.
///
/// ```
/// use badge_rules::{api, Lang, Options};
/// let line = api::answer_line(br#"{"kind": "badgesQuery", "request": {"limit": 0}}"#, &Options::new(Lang::Pl));
/// assert!(line.contains(r#""message":"Nieprawidłowa wartość parametru [limit].""#));
/// ```
pub fn answer_line(bytes: &[u8], options: &Options) -> String {
    match check_bytes(bytes, options) {
        Ok(report) => report_line(&report),
        Err(err) => error_line_in(&err, options.lang),
    }
}

/// The report as one line of JSON: `serde_json::to_string` of it.
///
/// ```
/// use badge_rules::{api, check_json, Options};
/// let report = check_json(r#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#, &Options::default()).unwrap();
/// assert_eq!(
///     api::report_line(&report),
///     r#"{"verdict":"ACCEPT","violations":[],"skipped":[],"warnings":[],"hints":{"bargain":null}}"#,
/// );
/// ```
pub fn report_line(report: &Report) -> String {
    // A report holds strings, maps with string keys and plain enums only:
    // writing it cannot fail.
    serde_json::to_string(report).unwrap_or_default()
}

/// An input error as one line of JSON: `{"error": {"kind", "path", "message", ...}}`.
///
/// ```
/// use badge_rules::{api, check_json, Options};
/// let err = check_json(r#"{"kind": "nope"}"#, &Options::default()).unwrap_err();
/// assert!(api::error_line(&err).starts_with(r#"{"error":{"kind":"shape","code":"UNKNOWN_VALUE","path":"kind","message":"nope is not one of the allowed values: `application`"#));
/// ```
pub fn error_line(err: &InputError) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        error: &'a InputError,
    }
    serde_json::to_string(&Line { error: err }).unwrap_or_default()
}

/// Allegro's answer to a document given as bytes, predicted
/// ([`crate::response`]): what `badge-rules check --format allegro` prints.
///
/// ```
/// use badge_rules::{api, response::Outcome, Options};
/// let doc = br#"{"kind": "accountConsent", "request": {"status": "MAYBE"}}"#;
/// let response = api::allegro_response(doc, &Options::default()).unwrap();
/// assert_eq!((response.outcome, response.status), (Outcome::Error, Some(422)));
/// assert_eq!(response.body["errors"][0]["code"], "VALIDATION_ERROR");
/// ```
///
/// # Errors
///
/// Any [`InputError`] of [`check_bytes`].
pub fn allegro_response(bytes: &[u8], options: &Options) -> Result<Response, InputError> {
    let document = crate::parse_document(text_of(bytes)?)?;
    let report = crate::check(&document, options)?;
    Ok(response::predict(&document, &report, options))
}

/// [`allegro_response`] as one line of JSON, or the input error's line.
///
/// ```
/// use badge_rules::{api, Options};
/// let line = api::allegro_line(br#"{"kind": "applicationLookup", "applicationId": "x", "account": {"company": true}}"#, &Options::default());
/// assert!(line.starts_with(r#"{"verdict":"REJECT","outcome":"error","request":"GET /sale/badge-applications/{applicationId}","status":404,"#));
/// ```
pub fn allegro_line(bytes: &[u8], options: &Options) -> String {
    match allegro_response(bytes, options) {
        Ok(response) => serde_json::to_string(&response).unwrap_or_default(),
        Err(err) => error_line_in(&err, options.lang),
    }
}

/// [`error_line`] with the message in `lang`.
///
/// ```
/// use badge_rules::{api, check_json, Lang, Options};
/// let err = check_json(r#"{"kind": "application", "offer": {"stock": {"available": "many"}}}"#, &Options::default()).unwrap_err();
/// assert_eq!(
///     api::error_line_in(&err, Lang::Pl),
///     r#"{"error":{"kind":"shape","code":"WRONG_TYPE","path":"offer.stock.available","message":"oczekiwano: liczba całkowita; jest: tekst \"many\"","params":{"expected":"i64","found":"string \"many\""}}}"#,
/// );
/// ```
pub fn error_line_in(err: &InputError, lang: Lang) -> String {
    error_line(&err.localized(lang))
}

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
        Code::BA107 | Code::BB35 | Code::BB39 if lang == Lang::En => TextSource::OpenApi,
        Code::BA107 | Code::BB35 | Code::BB39 => TextSource::Engine,
        _ if lang == Lang::En || lang == Lang::Pl => TextSource::Guide,
        _ => TextSource::Engine,
    }
}

/// Allegro's current English message of `code`: the first endpoint whose
/// OpenAPI example publishes one, else the guide's English.
fn current_message(code: Code) -> (&'static str, TextSource) {
    channel::routes(code)
        .iter()
        .find_map(|r| channel::published_text(r.kind, code))
        .map_or_else(
            || {
                let source = if code.is_allegros() {
                    TextSource::Guide
                } else {
                    TextSource::Engine
                };
                (Lang::En.locale().code(code), source)
            },
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

/// One line of a plan's output ([`crate::plan`]), without a newline: what
/// `badge-rules plan` writes and the npm package's `plan()` hands out. For a
/// pair, `{"offerId", "campaignId"`, then the report's fields exactly as
/// [`report_line`] writes them, then `"proposedBargain", "body"}`; for a pair
/// whose document cannot be checked, `{"offerId", "campaignId", "error",
/// "file", "line"}`; for an input item that cannot be read, `{"error",
/// "file", "line"}`, the error's path the item's. `file` names the input.
///
/// ```
/// use badge_rules::plan::{PlanContext, Planner, PriceRule};
/// use badge_rules::{api, Lang, Options};
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
/// let outcomes = planner.item(br#"{"offers": [{"id": "7001"}, {"id": 7}]}"#, 1);
/// let line = api::plan_line(&outcomes[0], "page.json", Lang::En);
/// assert!(line.starts_with(r#"{"offerId":"7001","campaignId":"HIT","verdict":"INCOMPLETE","violations":[],"skipped":[{"code":"BA10","#));
/// assert!(line.ends_with(r#""warnings":[],"hints":{"bargain":null},"proposedBargain":null,"body":null}"#));
/// assert!(api::plan_line(&outcomes[1], "page.json", Lang::En)
///     .starts_with(r#"{"error":{"kind":"shape","code":"WRONG_TYPE","path":"offers[1].id","#));
/// assert!(api::plan_line(&outcomes[1], "page.json", Lang::En).ends_with(r#","file":"page.json","line":1}"#));
/// ```
pub fn plan_line(outcome: &plan::Outcome, file: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(1024);
    match outcome {
        plan::Outcome::Pair(pair) => {
            pair_ids(&mut out, &pair.offer_id, &pair.campaign_id);
            out.push_str(inner(&report_line(&pair.report)));
            out.push_str(",\"proposedBargain\":");
            out.push_str(&serde_json::to_string(&pair.proposed_bargain).unwrap_or_default());
            out.push_str(",\"body\":");
            out.push_str(&serde_json::to_string(&pair.body).unwrap_or_default());
            out.push('}');
        }
        plan::Outcome::PairError {
            offer_id,
            campaign_id,
            line,
            error,
        } => {
            pair_ids(&mut out, offer_id, campaign_id);
            located(&mut out, error, file, *line, lang);
        }
        plan::Outcome::ItemError { line, error } => {
            out.push('{');
            located(&mut out, error, file, *line, lang);
        }
    }
    out
}

/// `{"offerId":…,"campaignId":…,`
fn pair_ids(out: &mut String, offer_id: &str, campaign_id: &str) {
    out.push_str("{\"offerId\":");
    out.push_str(&serde_json::to_string(offer_id).unwrap_or_default());
    out.push_str(",\"campaignId\":");
    out.push_str(&serde_json::to_string(campaign_id).unwrap_or_default());
    out.push(',');
}

/// `"error":{…},"file":…,"line":N}`
fn located(out: &mut String, error: &InputError, file: &str, line: usize, lang: Lang) {
    out.push_str(inner(&error_line_in(error, lang)));
    out.push_str(",\"file\":");
    out.push_str(&serde_json::to_string(file).unwrap_or_default());
    out.push_str(",\"line\":");
    out.push_str(&line.to_string());
    out.push('}');
}

/// A JSON object's text without its braces.
fn inner(object: &str) -> &str {
    object
        .strip_prefix('{')
        .and_then(|o| o.strip_suffix('}'))
        .unwrap_or_default()
}

/// The first record of a plan's CSV (`badge-rules plan --format csv`): a
/// UTF-8 byte-order mark, so that spreadsheets read the Polish letters, then
/// the column names in `lang`, ending in CRLF (RFC 4180).
///
/// ```
/// use badge_rules::{api, Lang};
/// assert!(api::plan_csv_header(Lang::En).starts_with("\u{feff}offer,campaign,verdict,proposed bargain price,"));
/// assert!(api::plan_csv_header(Lang::Pl).starts_with("\u{feff}oferta,kampania,werdykt,proponowana cena,"));
/// ```
pub fn plan_csv_header(lang: Lang) -> String {
    use crate::locale::Label;
    let names = [
        Label::PlanOffer,
        Label::PlanCampaign,
        Label::PlanVerdict,
        Label::PlanBargain,
        Label::PlanCurrency,
        Label::PlanMin,
        Label::PlanMax,
        Label::PlanCodes,
        Label::PlanMessages,
        Label::PlanSkipped,
        Label::PlanWarnings,
        Label::PlanError,
        Label::PlanSource,
    ]
    .map(|label| Cow::Borrowed(lang.label(label)));
    let mut out = String::from("\u{feff}");
    csv_record(&mut out, &names);
    out
}

/// One record of a plan's CSV for `outcome` (the columns of
/// [`plan_csv_header`]), ending in CRLF: fields with a comma, a quote or a
/// line break quoted, quotes doubled (RFC 4180). The verdict is `ACCEPT`,
/// `REJECT`, `INCOMPLETE`, or `ERROR` for an input error; codes are
/// space-separated, messages and skipped checks separated by ` | `.
///
/// ```
/// use badge_rules::plan::{PlanContext, Planner, PriceRule};
/// use badge_rules::{api, Lang, Options};
/// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z", "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Discount(50), Options::default()).unwrap();
/// let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}}},
///     "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
/// let outcomes = planner.item(line, 3);
/// let row = api::plan_csv_row(&outcomes[0], "offers.jsonl", Lang::En);
/// assert!(row.starts_with("7001,BARGAIN,REJECT,199.00,PLN,0.01,198.00,BA16,BA16: Discount must be"), "{row}");
/// assert!(row.ends_with(",offers.jsonl:3\r\n"), "{row}");
/// ```
pub fn plan_csv_row(outcome: &plan::Outcome, file: &str, lang: Lang) -> String {
    let source = Cow::Owned(format!("{file}:{}", outcome.line()));
    let empty = || Cow::Borrowed("");
    let fields: [Cow<'_, str>; 13] = match outcome {
        plan::Outcome::Pair(pair) => {
            let report = &pair.report;
            let hint = report.hints.bargain.as_ref();
            let currency = pair
                .proposed_bargain
                .as_ref()
                .map(|p| p.currency.as_str())
                .or(hint.map(|h| h.currency.as_str()))
                .unwrap_or_default();
            let joined = |items: Vec<String>, by: &str| Cow::Owned(items.join(by));
            [
                Cow::Borrowed(pair.offer_id.as_str()),
                Cow::Borrowed(pair.campaign_id.as_str()),
                Cow::Borrowed(report.verdict.as_str()),
                pair.proposed_bargain
                    .as_ref()
                    .map_or_else(empty, |p| Cow::Borrowed(p.amount.as_str())),
                Cow::Borrowed(currency),
                hint.map_or_else(empty, |h| Cow::Borrowed(h.min.as_str())),
                hint.map_or_else(empty, |h| Cow::Borrowed(h.max.as_str())),
                joined(
                    report
                        .violations
                        .iter()
                        .map(|v| v.code.as_str().to_owned())
                        .collect(),
                    " ",
                ),
                joined(
                    report
                        .violations
                        .iter()
                        .map(|v| format!("{}: {}", v.code.as_str(), v.message))
                        .collect(),
                    " | ",
                ),
                joined(
                    report
                        .skipped
                        .iter()
                        .map(|s| format!("{} ({})", s.code.as_str(), s.missing))
                        .collect(),
                    " | ",
                ),
                joined(
                    report
                        .warnings
                        .iter()
                        .map(|w| format!("{}: {}", w.code.as_str(), w.message))
                        .collect(),
                    " | ",
                ),
                empty(),
                source,
            ]
        }
        plan::Outcome::PairError {
            offer_id,
            campaign_id,
            error,
            ..
        } => error_record(offer_id, campaign_id, error, lang, source),
        plan::Outcome::ItemError { error, .. } => error_record("", "", error, lang, source),
    };
    let mut out = String::with_capacity(256);
    csv_record(&mut out, &fields);
    out
}

/// An input error's CSV record: its ids where it has them, `ERROR`, and the
/// error in the `errors` column.
fn error_record<'a>(
    offer_id: &'a str,
    campaign_id: &'a str,
    error: &crate::InputError,
    lang: Lang,
    source: Cow<'a, str>,
) -> [Cow<'a, str>; 13] {
    let mut fields: [Cow<'a, str>; 13] = Default::default();
    let [offer, campaign, verdict, .., errors, at] = &mut fields;
    *offer = Cow::Borrowed(offer_id);
    *campaign = Cow::Borrowed(campaign_id);
    *verdict = Cow::Borrowed("ERROR");
    *errors = Cow::Owned(error.localized(lang).to_string());
    *at = source;
    fields
}

/// One CSV record of `fields`, ending in CRLF.
fn csv_record(out: &mut String, fields: &[Cow<'_, str>]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}
