//! A prediction from what the integrator checked: a check document as sent
//! to `check --jsonl` (the engine answers it here), or a line of `plan`'s
//! output (which carries its verdict, codes and proposed price).

use badge_rules::document::Kind;
use badge_rules::lowest::lowest_in_30_days;
use badge_rules::money::{grosze, parse_amount};
use badge_rules::{check, parse_document, Options, Verdict};
use serde_json::Value;

use crate::records::{Fault, Millis, Place, Predicted, Prediction};

/// One line of a predictions file: a check document (it has `kind`) or a
/// plan line (it has `offerId`, `campaignId` and `verdict`). `plan_at` is
/// the plan's `now`, which its lines do not carry. `Ok(None)`: a line that
/// predicts no submission (a check of another kind, a plan line that is an
/// input error).
///
/// ```
/// use badge_rules_audit::{predict::prediction, Place, Predicted};
/// let doc = r#"{"kind": "application", "now": "2026-11-23T12:00:00Z",
///     "campaigns": [{"id": "C1", "type": "DISCOUNT"}],
///     "request": {"campaign": {"id": "C1"}, "offer": {"id": "7"},
///                 "prices": {"bargain": {"amount": "70.00", "currency": "PLN"}}},
///     "metrics": {"lowestPrice30Days": {"amount": "100.00", "currency": "PLN"}}}"#;
/// let p = prediction(doc, Place::default(), None).unwrap().unwrap();
/// assert_eq!((p.offer.as_str(), p.campaign.as_str(), p.verdict), ("7", "C1", Predicted::Incomplete));
/// assert_eq!((p.bargain, p.market), (Some(7000), Some(10000)));
///
/// let line = r#"{"offerId": "7", "campaignId": "C1", "verdict": "REJECT",
///     "violations": [{"code": "BA49"}], "skipped": [], "proposedBargain": {"amount": "99.00", "currency": "PLN"}}"#;
/// let p = prediction(line, Place::default(), Some(0)).unwrap().unwrap();
/// assert_eq!((p.codes.clone(), p.bargain, p.at), (vec!["BA49".to_owned()], Some(9900), Some(0)));
/// ```
///
/// # Errors
///
/// A [`Fault`] naming the JSON path: not JSON, neither a check document nor
/// a plan line, a document the engine cannot check (its input error).
pub fn prediction(
    text: &str,
    place: Place,
    plan_at: Option<Millis>,
) -> Result<Option<Prediction>, Fault> {
    let head = shape_of(text)?;
    match head {
        Head::Document => of_document(text, place),
        Head::PlanLine => of_plan_line(text, place, plan_at),
        Head::PlanError => Ok(None),
        Head::Other(what) => Err(Fault::at("", what)),
    }
}

enum Head {
    Document,
    PlanLine,
    PlanError,
    Other(String),
}

/// What a line is, from its top-level keys.
fn shape_of(text: &str) -> Result<Head, Fault> {
    #[derive(serde::Deserialize)]
    struct Keys {
        kind: Option<serde::de::IgnoredAny>,
        #[serde(rename = "offerId")]
        offer_id: Option<serde::de::IgnoredAny>,
        verdict: Option<serde::de::IgnoredAny>,
        error: Option<serde::de::IgnoredAny>,
        #[serde(rename = "badgeApplications")]
        applications: Option<serde::de::IgnoredAny>,
        badges: Option<serde::de::IgnoredAny>,
        response: Option<serde::de::IgnoredAny>,
        offers: Option<serde::de::IgnoredAny>,
    }
    let keys: Keys = serde_json::from_str(text).map_err(|e| Fault {
        path: String::new(),
        message: format!("not a JSON object: {}", strip_position(&e.to_string())),
        line: Some(e.line() as u64),
    })?;
    Ok(if keys.kind.is_some() {
        Head::Document
    } else if keys.offer_id.is_some() && keys.verdict.is_some() {
        Head::PlanLine
    } else if keys.error.is_some() {
        Head::PlanError
    } else if keys.applications.is_some() || keys.badges.is_some() || keys.response.is_some() {
        Head::Other(
            "an outcome (an Allegro response), not a prediction: give it with --outcomes".into(),
        )
    } else if keys.offers.is_some() {
        Head::Other(
            "a GET /sale/offers page, not a prediction: prices go to `ledger record`".into(),
        )
    } else {
        Head::Other(
            "neither a check document (no `kind`) nor a plan line (no `offerId` and `verdict`)"
                .into(),
        )
    })
}

/// serde_json's message without its " at line L column C".
pub(crate) fn strip_position(message: &str) -> String {
    message
        .rsplit_once(" at line ")
        .map_or(message, |(m, _)| m)
        .to_owned()
}

fn of_document(text: &str, place: Place) -> Result<Option<Prediction>, Fault> {
    let doc = parse_document(text).map_err(input_fault)?;
    let (offer, campaign, bargain) = match doc.kind {
        Kind::Application => {
            let request = doc.request.as_ref();
            (
                text_at(request, &["offer", "id"]),
                text_at(request, &["campaign", "id"]),
                amount_at(request, &["prices", "bargain", "amount"]),
            )
        }
        Kind::BadgeUpdate => {
            let request = doc.request.as_ref();
            (
                doc.offer_id.clone(),
                doc.campaign_id.clone(),
                amount_at(request, &["prices", "bargain", "value", "amount"]),
            )
        }
        _ => return Ok(None),
    };
    let report = check(&doc, &Options::default()).map_err(input_fault)?;
    let (Some(offer), Some(campaign)) = (offer, campaign) else {
        // No offer or campaign to join by: the request is refused at once
        // (BB3, BB11), and no outcome can name it.
        return Ok(None);
    };
    let current = doc
        .offer
        .as_ref()
        .and_then(|o| o.selling_mode.as_ref())
        .and_then(|s| s.price.as_ref())
        .map(|p| p.grosze());
    let metrics = doc.metrics.as_ref();
    let market = metrics
        .and_then(|m| m.lowest_price_30_days.as_ref().map(|p| p.grosze()))
        .or_else(|| {
            let history = metrics.and_then(|m| m.price_history.as_ref())?;
            lowest_in_30_days(history, doc.now?, current)
        })
        .and_then(|g| i64::try_from(g).ok());
    let currency = doc
        .request
        .as_ref()
        .and_then(|r| r.pointer("/prices/bargain/currency"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Some(Prediction {
        offer,
        campaign,
        at: doc.now.map(|n| n.0.timestamp_millis()),
        place,
        verdict: predicted(report.verdict),
        codes: dedup(report.violations.iter().map(|v| v.code.as_str().to_owned())),
        skipped: dedup(report.skipped.iter().map(|s| s.code.as_str().to_owned())),
        bargain: bargain.and_then(|b| i64::try_from(b).ok()),
        market,
        stock: doc
            .offer
            .as_ref()
            .and_then(|o| o.stock.as_ref())
            .and_then(|s| s.available),
        currency,
    }))
}

fn of_plan_line(text: &str, place: Place, at: Option<Millis>) -> Result<Option<Prediction>, Fault> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Line {
        offer_id: String,
        campaign_id: String,
        verdict: Verdict,
        #[serde(default)]
        violations: Vec<Coded>,
        #[serde(default)]
        skipped: Vec<Coded>,
        proposed_bargain: Option<Price>,
    }
    #[derive(serde::Deserialize)]
    struct Coded {
        code: String,
    }
    #[derive(serde::Deserialize)]
    struct Price {
        amount: String,
        currency: String,
    }
    let line: Line = serde_json::from_str(text).map_err(|e| {
        let path = path_of_error(text);
        Fault::at(path, strip_position(&e.to_string()))
    })?;
    let bargain = match &line.proposed_bargain {
        Some(p) => Some(
            parse_amount(&p.amount)
                .ok()
                .and_then(|d| i64::try_from(grosze(d)).ok())
                .ok_or_else(|| {
                    Fault::at(
                        "proposedBargain.amount",
                        format!("{:?} is not an amount of money", p.amount),
                    )
                })?,
        ),
        None => None,
    };
    Ok(Some(Prediction {
        offer: line.offer_id,
        campaign: line.campaign_id,
        at,
        place,
        verdict: predicted(line.verdict),
        codes: dedup(line.violations.into_iter().map(|c| c.code)),
        skipped: dedup(line.skipped.into_iter().map(|c| c.code)),
        bargain,
        market: None,
        stock: None,
        currency: line.proposed_bargain.map(|p| p.currency),
    }))
}

/// The path of the first plan-line key of the wrong shape, found by reading
/// the line again as a map (only for a faulty line).
fn path_of_error(text: &str) -> String {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return String::new();
    };
    for (key, want) in [
        ("offerId", "string"),
        ("campaignId", "string"),
        ("verdict", "verdict"),
        ("violations", "array"),
        ("skipped", "array"),
        ("proposedBargain", "price"),
    ] {
        let ok = match (map.get(key), want) {
            (Some(Value::String(_)), "string") => true,
            (Some(Value::String(v)), "verdict") => {
                matches!(v.as_str(), "ACCEPT" | "REJECT" | "INCOMPLETE")
            }
            (None | Some(Value::Null), "array" | "price") => true,
            (Some(Value::Array(_)), "array") => true,
            (Some(Value::Object(_)), "price") => true,
            _ => false,
        };
        if !ok {
            return key.to_owned();
        }
    }
    String::new()
}

fn predicted(verdict: Verdict) -> Predicted {
    match verdict {
        Verdict::Accept => Predicted::Accept,
        Verdict::Reject => Predicted::Reject,
        _ => Predicted::Incomplete,
    }
}

fn input_fault(e: badge_rules::InputError) -> Fault {
    Fault::at(e.path(), e.message())
}

fn dedup(codes: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn text_at(v: Option<&Value>, keys: &[&str]) -> Option<String> {
    let mut v = v?;
    for k in keys {
        v = v.get(k)?;
    }
    v.as_str()
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

fn amount_at(v: Option<&Value>, keys: &[&str]) -> Option<i128> {
    let text = text_at(v, keys)?;
    parse_amount(&text).ok().map(grosze)
}
