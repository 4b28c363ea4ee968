//! RULES.md §4.8: queries, lookups and consent bodies, one list of rules per
//! kind (the kinds' rows are in [`super::TABLE`]).

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::rule::{rule, Out, Rule};
use crate::catalogue::Code;
use crate::document::{Document, Kind};
use crate::money::{parse_decimal, Marketplace};
use crate::request::{at, is_uuid};

/// A query, lookup or consent: the request and the path parameters.
pub(crate) struct PlainContext<'a> {
    pub doc: &'a Document,
    pub request: Option<&'a Value>,
}

impl<'a> PlainContext<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        PlainContext {
            doc,
            request: doc.request.as_ref(),
        }
    }

    /// A flat query parameter (`"marketplace.id"` is one key).
    fn param(&self, key: &str) -> Option<&'a Value> {
        self.request
            .and_then(Value::as_object)
            .and_then(|m| m.get(key))
            .filter(|v| !v.is_null())
    }
}

/// A JSON integer or a digit string, as a URL carries it.
fn integer(value: &Value) -> Option<i128> {
    match value {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        Value::String(s) => {
            let digits = s.strip_prefix('-').unwrap_or(s);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse::<i128>().ok()
        }
        _ => None,
    }
}

/// BB9: `limit` is not an integer in 1..=1000.
fn bb9(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    if let Some(limit) = ctx.param("limit") {
        if !integer(limit).is_some_and(|n| (1..=1000).contains(&n)) {
            out.violation(Code::BB9, "limit", vec![]);
        }
    }
}

/// BB10: `offset` is not an integer ≥ 0 (that fits in 64 bits).
fn bb10(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    if let Some(offset) = ctx.param("offset") {
        if !integer(offset).is_some_and(|n| (0..=i128::from(u64::MAX)).contains(&n)) {
            out.violation(Code::BB10, "offset", vec![]);
        }
    }
}

/// BB35: `marketplace.id` unknown, or missing where required (GET /sale/badges).
fn bb35(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    match ctx.param("marketplace.id") {
        Some(Value::String(id)) if Marketplace::from_id(id).is_some() => {}
        Some(_) => out.violation(Code::BB35, "marketplace.id", vec![]),
        None if ctx.doc.kind == Kind::BadgesQuery => {
            out.violation(Code::BB35, "marketplace.id", vec![])
        }
        None => {}
    }
}

/// BB2: the account is not a Company account.
fn bb2(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    super::account::company_account(ctx.doc.account.as_ref(), out);
}

/// BB8: the looked-up application id is not a UUID.
fn bb8(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    if !ctx.doc.application_id.as_deref().is_some_and(is_uuid) {
        out.violation(Code::BB8, "applicationId", vec![]);
    }
}

/// BB14: the looked-up operation id is not a UUID.
fn bb14(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    if !ctx.doc.operation_id.as_deref().is_some_and(is_uuid) {
        out.violation(Code::BB14, "operationId", vec![]);
    }
}

fn validation_error(out: &mut Out<'_>, path: impl Into<Cow<'static, str>>) {
    out.violation(Code::ValidationError, path, vec![]);
}

fn is_status(value: Option<&Value>) -> bool {
    matches!(value.and_then(Value::as_str), Some("ALLOWED" | "DENIED"))
}

fn is_marketplace(value: Option<&Value>) -> bool {
    value
        .and_then(Value::as_str)
        .and_then(Marketplace::from_id)
        .is_some()
}

/// An offer or account consent: `status` and/or `additionalMarketplaces`.
fn consent(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    let status = at(ctx.request, &["status"]);
    let extra = at(ctx.request, &["additionalMarketplaces"]);
    if status.is_none() && extra.is_none() {
        return validation_error(out, "");
    }
    if status.is_some() && !is_status(status) {
        validation_error(out, "status");
    }
    if let Some(extra) = extra {
        match extra.as_object() {
            Some(map) if !map.is_empty() => marketplace_map(map, out),
            _ => validation_error(out, "additionalMarketplaces"),
        }
    }
}

fn marketplace_map(map: &Map<String, Value>, out: &mut Out<'_>) {
    for (key, value) in map {
        if Marketplace::from_id(key).is_none() {
            validation_error(out, format!("additionalMarketplaces.{key}"));
        } else if !is_status(at(Some(value), &["status"])) {
            validation_error(out, format!("additionalMarketplaces.{key}.status"));
        }
    }
}

/// Allegro Prices participation (PATCH /sale/allegro-prices/accounts/participations):
/// `marketplaces[]` non-empty, each `{id, status}` with a known id and a
/// status `ALLOWED` or `DENIED`.
fn participation(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    let Some(list) = at(ctx.request, &["marketplaces"])
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
    else {
        return validation_error(out, "marketplaces");
    };
    for (i, item) in list.iter().enumerate() {
        if !item.is_object() {
            validation_error(out, format!("marketplaces[{i}]"));
            continue;
        }
        if !is_marketplace(at(Some(item), &["id"])) {
            validation_error(out, format!("marketplaces[{i}].id"));
        }
        if !is_status(at(Some(item), &["status"])) {
            validation_error(out, format!("marketplaces[{i}].status"));
        }
    }
}

/// Allegro Prices offer command: `offers[]` 1..=1000, unique non-empty ids,
/// known marketplaces, contributions in 0..=100 %.
fn offer_command(ctx: &PlainContext<'_>, out: &mut Out<'_>) {
    let Some(offers) = at(ctx.request, &["offers"])
        .and_then(Value::as_array)
        .filter(|l| (1..=1000).contains(&l.len()))
    else {
        return validation_error(out, "offers");
    };
    let mut seen: Vec<&str> = Vec::with_capacity(offers.len());
    for (i, offer) in offers.iter().enumerate() {
        match at(Some(offer), &["id"]).and_then(Value::as_str) {
            Some(id) if !id.is_empty() && !seen.contains(&id) => seen.push(id),
            _ => validation_error(out, format!("offers[{i}].id")),
        }
        if !is_marketplace(at(Some(offer), &["marketplace", "id"])) {
            validation_error(out, format!("offers[{i}].marketplace.id"));
        }
        if at(Some(offer), &["sellerDiscountDeclaration"]).is_some() {
            let percent = at(
                Some(offer),
                &["sellerDiscountDeclaration", "maxContributionPercentage"],
            )
            .and_then(Value::as_str)
            .and_then(|s| parse_decimal(s, 28));
            if !percent.is_some_and(|p| p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED) {
                validation_error(
                    out,
                    format!("offers[{i}].sellerDiscountDeclaration.maxContributionPercentage"),
                );
            }
        }
    }
}

/// GET /sale/badge-campaigns, in report order. `marketplace.id` is checked
/// wherever it is given.
pub(crate) fn campaigns<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[rule!("4.8", bb35, BB35), rule!("4.5", bb2, BB2)]
}

/// GET /sale/badge-applications and GET /sale/badges.
pub(crate) fn listing<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb9, BB9),
        rule!("4.8", bb10, BB10),
        rule!("4.8", bb35, BB35),
        rule!("4.5", bb2, BB2),
    ]
}

/// GET /sale/badge-applications/{applicationId}.
pub(crate) fn application_lookup<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb35, BB35),
        rule!("4.8", bb8, BB8),
        rule!("4.5", bb2, BB2),
    ]
}

/// GET /sale/badge-operations/{operationId}.
pub(crate) fn operation_lookup<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb35, BB35),
        rule!("4.8", bb14, BB14),
        rule!("4.5", bb2, BB2),
    ]
}

/// The Allegro Prices consents, of an offer or of the account.
pub(crate) fn consent_body<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb35, BB35),
        rule!("4.8", consent, ValidationError),
    ]
}

/// The Allegro Prices participation body.
pub(crate) fn participation_body<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb35, BB35),
        rule!("4.8", participation, ValidationError),
    ]
}

/// The Allegro Prices offer command body.
pub(crate) fn offer_command_body<'a>() -> &'a [Rule<PlainContext<'a>>] {
    &[
        rule!("4.8", bb35, BB35),
        rule!("4.8", offer_command, ValidationError),
    ]
}
