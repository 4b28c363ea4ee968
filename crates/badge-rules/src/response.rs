//! Allegro's answer, predicted: what an integrator's code would receive for
//! the checked request, in Allegro's own shapes.
//!
//! Allegro answers a request in one of three ways ([`crate::channel`]): at
//! once with an HTTP error and its error envelope `{"errors": [{code,
//! details, message, path, userMessage}]}`; with 202 and, later, a `DECLINED`
//! application or operation whose `process.rejectionReasons` name the codes;
//! or, before anything is sent, with the campaign's
//! `eligibility.refusalReasons` in GET /sale/badge-campaigns. A
//! [`Response`] is that answer: the request it answers, its status and body
//! as Allegro sends them, and the later outcome (`then`) as the lookup
//! returns it, so code that handles Allegro's responses can consume it
//! unchanged.
//!
//! Every synchronous code is in one envelope, as in Allegro's 422 example;
//! when codes of different statuses fire, the earliest stage answers
//! (403 the account, 404 what the path names, 409 a pending operation, 429,
//! then 400 and 422 validation), with the codes of its status. The
//! envelope's `message` is Allegro's current English text where its OpenAPI
//! publishes one (the guide's English elsewhere), its `userMessage` the text
//! in the language asked for; a path parameter or the request as a whole
//! has `path: null`, as Allegro writes it. Ids Allegro would assign are
//! `null`, and its timestamps are the document's `now`.
//!
//! ```
//! use badge_rules::{api, Options};
//! let doc = br#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-pl", "limit": 0},
//!     "account": {"company": true}}"#;
//! let response = api::allegro_response(doc, &Options::default()).unwrap();
//! assert_eq!(response.status, Some(400));
//! assert_eq!(response.body["errors"][0]["code"], "BB9");
//! assert_eq!(response.body["errors"][0]["path"], "limit");
//! ```

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::channel::{self, Channel};
use crate::document::{Document, Kind};
use crate::locale;
use crate::locale::Lang;
use crate::report::{Report, Verdict, Violation};
use crate::Options;

/// Allegro's answer to the checked request.
///
/// ```
/// use badge_rules::response::Outcome;
/// assert_eq!(serde_json::to_value(Outcome::Declined).unwrap(), "declined");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Response {
    /// The engine's verdict on the request.
    pub verdict: Verdict,
    /// How Allegro answers.
    pub outcome: Outcome,
    /// The request this answer is the response to (`POST /sale/badges`; for
    /// an eligibility refusal, `GET /sale/badge-campaigns`).
    pub request: &'static str,
    /// Its HTTP status (`null`: no Allegro API, the Ads Partner program).
    pub status: Option<u16>,
    /// Its body, as Allegro sends it (`null` where the engine cannot know
    /// it: a query's results).
    #[cfg_attr(feature = "ts", tsify(type = "unknown"))]
    pub body: Value,
    /// What a later lookup of the application or operation shows.
    pub then: Option<Later>,
    /// `later` when Allegro's answer names a code that means "send the same
    /// request again later" (BB0, relayed from a campaign's refusal reasons);
    /// absent otherwise.
    ///
    /// ```
    /// use badge_rules::{api::{self, Retry}, Options};
    /// let doc = br#"{"kind": "application", "request": {"campaign": {"id": "HIT"}, "offer": {"id": "7001"}},
    ///     "campaigns": [{"id": "HIT", "type": "STANDARD", "eligibility": {"eligible": false, "refusalReasons": [{"code": "BB0"}]}}]}"#;
    /// let response = api::allegro_response(doc, &Options::default()).unwrap();
    /// assert_eq!(response.retry, Some(Retry::Later));
    /// let doc = br#"{"kind": "application", "request": {"campaign": {"id": "HIT"}, "offer": {"id": "7001"}},
    ///     "campaigns": [{"id": "HIT", "type": "STANDARD", "eligibility": {"eligible": false, "refusalReasons": [{"code": "BA44"}]}}]}"#;
    /// assert_eq!(api::allegro_response(doc, &Options::default()).unwrap().retry, None);
    /// ```
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub retry: Option<crate::api::Retry>,
}

/// The way of Allegro's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Outcome {
    /// At once: an HTTP error with the error envelope.
    Error,
    /// Before anything is sent: the campaign refuses the account.
    Eligibility,
    /// Accepted (202), then declined.
    Declined,
    /// Accepted, and every rule passes.
    Accepted,
    /// Accepted; whether it will be declined depends on rules the document
    /// gives no context for (the verdict is INCOMPLETE).
    Pending,
    /// No Allegro API answers it.
    None,
}

/// The later outcome of an accepted application or operation, as its lookup
/// returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Later {
    /// The lookup (`GET /sale/badge-applications/{applicationId}`).
    pub request: &'static str,
    /// Its status.
    pub status: u16,
    /// Its body.
    #[cfg_attr(feature = "ts", tsify(type = "unknown"))]
    pub body: Value,
}

/// The stages of Allegro's synchronous answer, earliest first.
const STAGES: [u16; 6] = [403, 404, 409, 429, 400, 422];

/// Path parameters and the request as a whole: Allegro's `path: null`.
const NULL_PATHS: [&str; 5] = ["", "offerId", "campaignId", "applicationId", "operationId"];

/// Allegro's answer to `document`'s request, whose report is `report`, in
/// the language of `options`.
///
/// ```
/// use badge_rules::{check_json, parse_document, response::{predict, Outcome}, Options};
/// let text = r#"{"kind": "applicationLookup", "applicationId": "x", "account": {"company": true}}"#;
/// let doc = parse_document(text).unwrap();
/// let report = badge_rules::check(&doc, &Options::default()).unwrap();
/// let response = predict(&doc, &report, &Options::default());
/// assert_eq!((response.outcome, response.status), (Outcome::Error, Some(404)));
/// assert_eq!(response.body["errors"][0]["message"], "Submission does not exist.");
/// ```
pub fn predict(document: &Document, report: &Report, options: &Options) -> Response {
    let kind = document.kind;
    let lang = options.lang;
    let retry = report
        .violations
        .iter()
        .any(|v| v.code.retry_later())
        .then_some(crate::api::Retry::Later);
    let answer = |outcome, request, status, body, then| Response {
        verdict: report.verdict,
        outcome,
        request,
        status,
        body,
        then,
        retry,
    };
    if kind == Kind::PartnerLevel {
        return answer(
            Outcome::None,
            channel::endpoint(kind),
            None,
            Value::Null,
            None,
        );
    }
    let sync: Vec<(&Violation, u16)> = report
        .violations
        .iter()
        .filter(|v| !is_refusal(v))
        .filter_map(|v| match channel::route(kind, v.code).channel {
            Channel::Sync { status } => Some((v, status)),
            _ => None,
        })
        .collect();
    if let Some(status) = STAGES.iter().find(|s| sync.iter().any(|(_, st)| st == *s)) {
        let errors: Vec<Value> = sync
            .iter()
            .filter(|(_, st)| st == status)
            .map(|(v, _)| error_entry(kind, v, lang))
            .collect();
        let body = json!({ "errors": errors });
        return answer(
            Outcome::Error,
            channel::endpoint(kind),
            Some(*status),
            body,
            None,
        );
    }
    let refused: Vec<&Violation> = report
        .violations
        .iter()
        .filter(|v| is_refusal(v) || channel::route(kind, v.code).channel == Channel::Eligibility)
        .collect();
    if !refused.is_empty() {
        let reasons: Vec<Value> = refused.iter().map(|v| reason(kind, v, lang)).collect();
        let id = at(document.request.as_ref(), &["campaign", "id"]);
        let body = json!({ "badgeCampaigns": [{
            "id": id,
            "eligibility": { "eligible": false, "refusalReasons": reasons },
        }]});
        return answer(
            Outcome::Eligibility,
            "GET /sale/badge-campaigns",
            Some(200),
            body,
            None,
        );
    }
    let (status, body) = accepted(document);
    let (outcome, process) = match report.verdict {
        Verdict::Reject => {
            let reasons: Vec<Value> = report
                .violations
                .iter()
                .map(|v| reason(kind, v, lang))
                .collect();
            (Outcome::Declined, Some(("DECLINED", reasons)))
        }
        Verdict::Accept => (Outcome::Accepted, Some(("PROCESSED", Vec::new()))),
        _ => (Outcome::Pending, None),
    };
    let then = process.and_then(|(state, reasons)| later(document, state, reasons));
    answer(outcome, channel::endpoint(kind), Some(status), body, then)
}

/// Reported from the campaign's `eligibility.refusalReasons`.
fn is_refusal(v: &Violation) -> bool {
    v.params.get("refusal").is_some_and(|r| r == "eligibility")
}

/// Allegro's English developer message for `v` at `kind`'s endpoint.
fn english(kind: Kind, v: &Violation) -> String {
    match channel::published_text(kind, v.code) {
        Some(text) => text.to_owned(),
        None => locale::interpolate(
            Lang::En.locale().code(v.code),
            &v.params
                .iter()
                .map(|(k, v)| (k.as_ref(), v.as_str()))
                .collect::<Vec<_>>(),
        )
        .into_owned(),
    }
}

/// The text shown to the user: English as Allegro publishes it, else the
/// report's text in its language.
fn user_text(kind: Kind, v: &Violation, lang: Lang) -> String {
    if lang == Lang::En {
        english(kind, v)
    } else {
        v.message.to_string()
    }
}

fn error_entry(kind: Kind, v: &Violation, lang: Lang) -> Value {
    let path = match v.path.as_ref() {
        p if NULL_PATHS.contains(&p) => Value::Null,
        // Allegro's 422 example of the PATCH names the new price's fields
        // without `value` (`prices.bargain.currency`), as for POST.
        p if kind == Kind::BadgeUpdate => {
            Value::from(p.replacen("prices.bargain.value.", "prices.bargain.", 1))
        }
        p => Value::from(p),
    };
    json!({
        "code": v.code.as_str(),
        "details": null,
        "message": english(kind, v),
        "path": path,
        "userMessage": user_text(kind, v, lang),
    })
}

fn reason(kind: Kind, v: &Violation, lang: Lang) -> Value {
    json!({
        "code": v.code.as_str(),
        "messages": [{ "text": user_text(kind, v, lang), "link": null }],
    })
}

fn at(value: Option<&Value>, path: &[&str]) -> Value {
    crate::request::at(value, path)
        .cloned()
        .unwrap_or(Value::Null)
}

/// The status and body of an accepted request.
fn accepted(document: &Document) -> (u16, Value) {
    match document.kind {
        Kind::Application => (202, application(document, "REQUESTED", Vec::new())),
        Kind::BadgeUpdate => (202, json!({ "id": null })),
        Kind::AllegroPricesOfferCommand => (201, Value::Null),
        _ => (200, Value::Null),
    }
}

/// The application as POST /sale/badges and its lookup return it.
fn application(document: &Document, state: &str, reasons: Vec<Value>) -> Value {
    let req = document.request.as_ref();
    let now = serde_json::to_value(document.now).unwrap_or(Value::Null);
    let mut body = Map::new();
    body.insert("id".into(), Value::Null);
    body.insert("createdAt".into(), now.clone());
    body.insert("updatedAt".into(), now);
    body.insert(
        "campaign".into(),
        json!({ "id": at(req, &["campaign", "id"]) }),
    );
    body.insert("offer".into(), json!({ "id": at(req, &["offer", "id"]) }));
    if let Some(prices) = crate::request::at(req, &["prices"]) {
        body.insert(
            "prices".into(),
            json!({ "bargain": at(Some(prices), &["bargain"]) }),
        );
    }
    if let Some(constraints) = crate::request::at(req, &["purchaseConstraints"]) {
        body.insert("purchaseConstraints".into(), constraints.clone());
    }
    if let Some(quantity) = crate::request::at(req, &["declaredStock", "quantity"]) {
        body.insert("campaignStock".into(), json!({ "quantity": quantity }));
    }
    body.insert(
        "process".into(),
        json!({ "status": state, "rejectionReasons": reasons }),
    );
    Value::Object(body)
}

/// The lookup of an accepted application or operation, in `state`.
fn later(document: &Document, state: &str, reasons: Vec<Value>) -> Option<Later> {
    match document.kind {
        Kind::Application => Some(Later {
            request: "GET /sale/badge-applications/{applicationId}",
            status: 200,
            body: application(document, state, reasons),
        }),
        Kind::BadgeUpdate => {
            let now = serde_json::to_value(document.now).unwrap_or(Value::Null);
            let finish = crate::request::at(document.request.as_ref(), &["process"]).is_some();
            Some(Later {
                request: "GET /sale/badge-operations/{operationId}",
                status: 200,
                body: json!({
                    "id": null,
                    "type": if finish { "FINISH" } else { "UPDATE" },
                    "createdAt": now,
                    "updatedAt": now,
                    "campaign": { "id": document.campaign_id },
                    "offer": { "id": document.offer_id },
                    "process": { "status": state, "rejectionReasons": reasons },
                }),
            })
        }
        _ => None,
    }
}
