//! Allegro's outcomes, read from the responses an integrator recorded:
//! GET /sale/badge-applications (a page, or one application), GET
//! /sale/badges, GET /sale/badge-operations/{operationId}, and a 4xx error
//! envelope with the request it answered. Each raw, or in the price
//! ledger's recording-line wrapper `{"fetchedAt", "response", ...}` (the
//! same wrapper `ledger record` reads; a refusal's line adds `request` and
//! `status`). A response of another kind is named as such.

use badge_rules::money::{grosze, parse_amount};
use serde_json::Value;

use crate::predict::strip_position;
use crate::records::{millis, Fault, Millis, Outcome, Place, Source, Status};

/// The outcomes one document holds: a recording line, or a raw response
/// fetched at `at` (the adapter's `--at`).
///
/// ```
/// use badge_rules_audit::{outcomes::outcomes, Place, Status};
/// let line = r#"{"fetchedAt": "2026-11-24T00:00:00Z", "response": {"badgeApplications": [
///     {"id": "a1", "createdAt": "2026-11-23T12:05:00Z", "campaign": {"id": "C1"}, "offer": {"id": "7"},
///      "prices": {"bargain": {"amount": "70.00", "currency": "PLN"}},
///      "process": {"status": "DECLINED", "rejectionReasons": [{"code": "BA49", "messages": []}]}}]}}"#;
/// let found = outcomes(line, Place::default(), None).unwrap();
/// assert_eq!((found[0].status, found[0].codes.clone()), (Status::Declined, vec!["BA49".to_owned()]));
///
/// let wrong = outcomes(r#"{"offers": [], "count": 0}"#, Place::default(), Some(0)).unwrap_err();
/// assert!(wrong.message.contains("GET /sale/offers page"));
/// ```
///
/// # Errors
///
/// A [`Fault`] naming the JSON path: not JSON, a response of another kind,
/// a field of the wrong shape, a time that is not RFC 3339, a raw response
/// without `at`, an error envelope without its request.
pub fn outcomes(text: &str, place: Place, at: Option<Millis>) -> Result<Vec<Outcome>, Fault> {
    let doc: Value = serde_json::from_str(text).map_err(|e| Fault {
        path: String::new(),
        message: format!("not JSON: {}", strip_position(&e.to_string())),
        line: Some(e.line() as u64),
    })?;
    let Value::Object(map) = &doc else {
        return Err(Fault::at(
            "",
            "not a JSON object: an outcome is one response",
        ));
    };
    let ctx = Ctx { place };
    if let Some(response) = map.get("response") {
        let fetched = map
            .get("fetchedAt")
            .ok_or_else(|| Fault::at("fetchedAt", "a recording line needs `fetchedAt`"))?;
        let fetched_at = time(fetched, "fetchedAt")?;
        return ctx.response(
            response,
            "response.",
            fetched_at,
            map.get("request"),
            map.get("query"),
        );
    }
    if map.contains_key("fetchedAt") {
        return Err(Fault::at(
            "response",
            "a recording line needs `response`, the response it recorded",
        ));
    }
    let fetched_at = at.ok_or_else(|| {
        Fault::at(
            "",
            "a raw response needs --at (the time it was fetched), or a recording line {\"fetchedAt\", \"response\"}",
        )
    })?;
    ctx.response(&doc, "", fetched_at, None, None)
}

struct Ctx {
    place: Place,
}

fn time(v: &Value, path: &str) -> Result<Millis, Fault> {
    let text = v
        .as_str()
        .ok_or_else(|| Fault::at(path, "expected an RFC 3339 time (a string)"))?;
    millis(text).ok_or_else(|| {
        Fault::at(
            path,
            format!("{text:?} is not an RFC 3339 time with an offset"),
        )
    })
}

fn id_of(v: &Value, key: &str, path: &str) -> Result<String, Fault> {
    let p = format!("{path}{key}.id");
    match v.get(key).and_then(|o| o.get("id")) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(_) => Err(Fault::at(p, "expected a string")),
        None => Err(Fault::at(p, "missing")),
    }
}

fn money(v: Option<&Value>, path: &str) -> Result<Option<i64>, Fault> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let amount = v
        .get("amount")
        .and_then(Value::as_str)
        .ok_or_else(|| Fault::at(format!("{path}.amount"), "expected an amount (a string)"))?;
    parse_amount(amount)
        .ok()
        .and_then(|d| i64::try_from(grosze(d)).ok())
        .map(Some)
        .ok_or_else(|| {
            Fault::at(
                format!("{path}.amount"),
                format!("{amount:?} is not an amount of money"),
            )
        })
}

fn reasons(process: &Value, path: &str) -> Result<Vec<String>, Fault> {
    let mut codes = Vec::new();
    match process.get("rejectionReasons") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (i, r) in list.iter().enumerate() {
                match r.get("code") {
                    Some(Value::String(c)) => codes.push(c.clone()),
                    _ => {
                        return Err(Fault::at(
                            format!("{path}process.rejectionReasons[{i}].code"),
                            "expected a code (a string)",
                        ))
                    }
                }
            }
        }
        Some(_) => {
            return Err(Fault::at(
                format!("{path}process.rejectionReasons"),
                "expected an array",
            ))
        }
    }
    Ok(codes)
}

fn status_text<'a>(v: &'a Value, path: &str) -> Result<(&'a Value, &'a str), Fault> {
    let process = v
        .get("process")
        .ok_or_else(|| Fault::at(format!("{path}process"), "missing"))?;
    let status = process
        .get("status")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            Fault::at(
                format!("{path}process.status"),
                "expected a status (a string)",
            )
        })?;
    Ok((process, status))
}

impl Ctx {
    fn response(
        &self,
        doc: &Value,
        prefix: &str,
        fetched_at: Millis,
        request: Option<&Value>,
        query: Option<&Value>,
    ) -> Result<Vec<Outcome>, Fault> {
        let Value::Object(map) = doc else {
            return Err(Fault::at(
                prefix.trim_end_matches('.'),
                "expected a JSON object (a response)",
            ));
        };
        if let Some(list) = map.get("badgeApplications") {
            let path = format!("{prefix}badgeApplications");
            let list = list
                .as_array()
                .ok_or_else(|| Fault::at(&path, "expected an array"))?;
            return list
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    self.submission(a, &format!("{path}[{i}]."), fetched_at, Source::Application)
                })
                .collect();
        }
        if let Some(list) = map.get("badges") {
            let path = format!("{prefix}badges");
            let list = list
                .as_array()
                .ok_or_else(|| Fault::at(&path, "expected an array"))?;
            let marketplace = query
                .and_then(|q| q.get("marketplace.id"))
                .and_then(Value::as_str);
            return list
                .iter()
                .enumerate()
                .map(|(i, b)| self.badge(b, &format!("{path}[{i}]."), fetched_at, marketplace))
                .collect();
        }
        if let Some(errors) = map.get("errors") {
            return self.refusal(errors, prefix, fetched_at, request);
        }
        let wrong = if map.contains_key("offers") {
            Some("a GET /sale/offers page (offer prices: give it to `ledger record`), not an outcome")
        } else if map.contains_key("offerEvents") {
            Some("a GET /sale/offer-events page (give it to `ledger record`), not an outcome")
        } else if map.contains_key("badgeCampaigns") {
            Some("a GET /sale/badge-campaigns response (context for a check document), not an outcome")
        } else if map.contains_key("kind") {
            Some("a check document (a prediction: give it with --predictions), not an outcome")
        } else if map.contains_key("verdict") {
            Some("a report or a plan line (a prediction: give it with --predictions), not an outcome")
        } else if map.contains_key("sellingMode") {
            Some("a GET /sale/product-offers/{offerId} resource (give it to `ledger record`), not an outcome")
        } else {
            None
        };
        if let Some(what) = wrong {
            return Err(Fault::at(prefix.trim_end_matches('.'), what));
        }
        if map.contains_key("process") {
            let source = match map.get("type").and_then(Value::as_str) {
                Some("UPDATE" | "FINISH") => Source::Operation,
                _ => Source::Application,
            };
            return Ok(vec![self.submission(doc, prefix, fetched_at, source)?]);
        }
        Err(Fault::at(
            prefix.trim_end_matches('.'),
            "not an outcome: expected GET /sale/badge-applications (`badgeApplications`), GET /sale/badges (`badges`), \
             GET /sale/badge-operations/{operationId} or an application (`process`), or an error envelope (`errors`)",
        ))
    }

    fn submission(
        &self,
        v: &Value,
        path: &str,
        fetched_at: Millis,
        source: Source,
    ) -> Result<Outcome, Fault> {
        let offer = id_of(v, "offer", path)?;
        let campaign = id_of(v, "campaign", path)?;
        let at = match v.get("createdAt") {
            Some(t) => time(t, &format!("{path}createdAt"))?,
            None => return Err(Fault::at(format!("{path}createdAt"), "missing")),
        };
        let (process, status) = status_text(v, path)?;
        let status = match status {
            "PROCESSED" => Status::Accepted,
            "DECLINED" => Status::Declined,
            _ => Status::Pending,
        };
        let bargain_path = format!("{path}prices.bargain");
        let bargain = match v.pointer("/prices/bargain/value") {
            Some(value) => money(Some(value), &format!("{bargain_path}.value"))?,
            None => money(v.pointer("/prices/bargain"), &bargain_path)?,
        };
        Ok(Outcome {
            offer,
            campaign,
            at,
            source,
            id: v.get("id").and_then(Value::as_str).map(str::to_owned),
            fetched_at,
            place: self.place,
            status,
            codes: reasons(process, path)?,
            bargain,
            market: None,
            starts: None,
            marketplace: None,
        })
    }

    fn badge(
        &self,
        v: &Value,
        path: &str,
        fetched_at: Millis,
        marketplace: Option<&str>,
    ) -> Result<Outcome, Fault> {
        let offer = id_of(v, "offer", path)?;
        let campaign = id_of(v, "campaign", path)?;
        let (process, status) = status_text(v, path)?;
        let status = match status {
            "ACTIVE" | "WAITING_FOR_PUBLICATION" | "FINISHED" => Status::Accepted,
            "DECLINED" => Status::Declined,
            _ => Status::Pending,
        };
        let starts = match v.pointer("/publication/from") {
            None | Some(Value::Null) => None,
            Some(t) => Some(time(t, &format!("{path}publication.from"))?),
        };
        Ok(Outcome {
            offer,
            campaign,
            at: starts.unwrap_or(fetched_at),
            source: Source::Badge,
            id: None,
            fetched_at,
            place: self.place,
            status,
            codes: reasons(process, path)?,
            bargain: money(
                v.pointer("/prices/bargain"),
                &format!("{path}prices.bargain"),
            )?,
            market: money(v.pointer("/prices/market"), &format!("{path}prices.market"))?,
            starts,
            marketplace: marketplace.map(str::to_owned),
        })
    }

    fn refusal(
        &self,
        errors: &Value,
        prefix: &str,
        fetched_at: Millis,
        request: Option<&Value>,
    ) -> Result<Vec<Outcome>, Fault> {
        let Some(request) = request else {
            return Err(Fault::at(
                "request",
                "an error envelope needs the request it answered: {\"fetchedAt\", \"request\": {\"method\", \"path\", \"body\"}, \"status\", \"response\": {\"errors\": [...]}}",
            ));
        };
        let list = errors
            .as_array()
            .ok_or_else(|| Fault::at(format!("{prefix}errors"), "expected an array"))?;
        let mut codes = Vec::new();
        for (i, e) in list.iter().enumerate() {
            match e.get("code") {
                Some(Value::String(c)) => codes.push(c.clone()),
                _ => {
                    return Err(Fault::at(
                        format!("{prefix}errors[{i}].code"),
                        "expected a code (a string)",
                    ))
                }
            }
        }
        let url = request
            .get("path")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}
        let from_path = |name: &str| -> Option<String> {
            let mut parts = url.split('?').next().unwrap_or_default().split('/');
            parts.find(|p| *p == name)?;
            parts.next().filter(|s| !s.is_empty()).map(str::to_owned)
        };
        let body = request.get("body");
        let offer = body
            .and_then(|b| b.pointer("/offer/id"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| from_path("offers"))
            .ok_or_else(|| {
                Fault::at(
                    "request.body.offer.id",
                    "the request names no offer (body `offer.id` or path `/offers/{offerId}`)",
                )
            })?;
        let campaign = body
            .and_then(|b| b.pointer("/campaign/id"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| from_path("campaigns"))
            .ok_or_else(|| Fault::at("request.body.campaign.id", "the request names no campaign (body `campaign.id` or path `/campaigns/{campaignId}`)"))?;
        let bargain = match body.and_then(|b| b.pointer("/prices/bargain/value")) {
            Some(v) => money(Some(v), "request.body.prices.bargain.value")?,
            None => money(
                body.and_then(|b| b.pointer("/prices/bargain")),
                "request.body.prices.bargain",
            )
            .unwrap_or(None),
        };
        Ok(vec![Outcome {
            offer,
            campaign,
            at: fetched_at,
            source: Source::Refusal,
            id: None,
            fetched_at,
            place: self.place,
            status: Status::Declined,
            codes,
            bargain,
            market: None,
            starts: None,
            marketplace: None,
        }])
    }
}
