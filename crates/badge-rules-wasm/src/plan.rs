//! `plan()` and `planCsv()`: campaigns planned over offers
//! ([`badge_rules::plan`], docs/PLAN.md), synchronously, over arrays. Each
//! line is `badge_rules::api::plan_line` of an outcome, so `plan()` equals
//! the CLI's `badge-rules plan` line for line (an item's `file` is
//! `offers[i]`, its index in the array).

use badge_rules::api::{self, PlanOptions};
use badge_rules::plan::{Outcome, PlanContext, PlanError};
use badge_rules::Lang;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::js::{self, from_json, plan_options, JsResult};

#[wasm_bindgen(typescript_custom_section)]
const PLAN_API: &str = r#"
/**
 * What every offer of a plan shares (docs/PLAN.md): `campaigns` a GET
 * /sale/badge-campaigns response as it is (or the list), `badges` and
 * `applications` GET /sale/badges and GET /sale/badge-applications
 * responses (or arrays of such pages) for every offer at once,
 * `allegroPrices` POST /sale/allegro-prices/offers-queries responses.
 */
export interface PlanContext {
  now?: Instant;
  campaigns?: { badgeCampaigns: Campaign[] } | Campaign[];
  account?: Account;
  /** Every campaign's terms, unless `campaignTerms` gives its own. */
  terms?: Terms;
  campaignTerms?: Record<string, Terms>;
  badges?: { badges: Badge[] } | { badges: Badge[] }[];
  applications?: { badgeApplications: Application[] } | { badgeApplications: Application[] }[];
  /** POST /sale/allegro-prices/offers-queries responses (or one): without it BA24 cannot see Allegro Prices. */
  allegroPrices?: { offers: AllegroPricesOffer[] } | { offers: AllegroPricesOffer[] }[];
}

/** One item of a plan's offers: a GET /sale/offers page, an offer, or an offer with the figures you hold for it. */
export type PlanItem = { offers: Offer[]; count?: number; totalCount?: number } | Offer | { offer: Offer; metrics?: Metrics };

/** How to plan. */
export interface PlanOptions {
  lang?: Lang;
  /** The campaigns to plan; none: every campaign the context shows open for applications at `now`. */
  campaigns?: string[];
  /** The bargain price to propose (default "highest": the smallest discount that passes). */
  price?: "highest" | "lowest" | `discount=${number}`;
}

/** A pair's line: the report of its application document, the price proposed and, when accepted, the POST /sale/badges body. */
export interface PlanPair {
  offerId: string;
  campaignId: string;
  verdict: Verdict;
  violations: Violation[];
  skipped: Skipped[];
  warnings: Warning[];
  hints: Hints;
  proposedBargain: Price | null;
  /** The POST /sale/badges body, when the verdict is ACCEPT. */
  body: Body | null;
}

/** A pair whose document cannot be checked (`offerId` and `campaignId` set), or an item that cannot be read. */
export interface PlanInputError {
  offerId?: string;
  campaignId?: string;
  error: { kind: "syntax" | "shape" | "context"; code: ErrorCode; path: string; message: string; params: Record<string, string>; line?: number; column?: number };
  /** `offers[i]`: the item. */
  file: string;
  line: number;
}

export type PlanLine = PlanPair | PlanInputError;

/**
 * One line per (offer, campaign), in order: the CLI's `badge-rules plan`
 * lines. Throws a {@link BadgeRulesError} when the context cannot be read
 * or checked, or no campaign is open; an item that is not an offer is a
 * line of its own.
 */
export function plan(context: PlanContext, offers: PlanItem[], options?: PlanOptions): PlanLine[];
/** The same as `badge-rules plan --format csv`: a byte-order mark, the header in `lang`, one CRLF-ended record per pair. */
export function planCsv(context: PlanContext, offers: PlanItem[], options?: PlanOptions): string;
"#;

/// The plan's lines, as an array.
#[wasm_bindgen(js_name = plan, skip_typescript)]
pub fn plan(context: &JsValue, offers: &JsValue, options_value: &JsValue) -> JsResult {
    let options = plan_options(options_value)?;
    let mut text = String::from("[");
    run(context, offers, &options, &mut |outcome, file, lang| {
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(&api::plan_line(outcome, file, lang));
    })?;
    text.push(']');
    from_json(&text)
}

/// The plan as CSV.
#[wasm_bindgen(js_name = planCsv, skip_typescript)]
pub fn plan_csv(
    context: &JsValue,
    offers: &JsValue,
    options_value: &JsValue,
) -> Result<String, JsValue> {
    let options = plan_options(options_value)?;
    let mut text = api::plan_csv_header(options.messages.lang);
    run(context, offers, &options, &mut |outcome, file, lang| {
        text.push_str(&api::plan_csv_row(outcome, file, lang));
    })?;
    Ok(text)
}

/// Plans `offers` against `context`, handing each outcome to `each` with
/// its item's name (a `dyn`: one copy of this in the module for both
/// bindings).
fn run(
    context: &JsValue,
    offers: &JsValue,
    options: &PlanOptions,
    each: &mut dyn FnMut(&Outcome, &str, Lang),
) -> Result<(), JsValue> {
    let lang = options.messages.lang;
    if !context.is_object() || Array::is_array(context) {
        return Err(js::wrong_type(
            "the plan's context must be an object such as {now, campaigns, badges}",
            "context",
            "options",
            "an object",
            context,
        ));
    }
    if !Array::is_array(offers) {
        return Err(js::wrong_type(
            "the offers must be an array of GET /sale/offers pages, offers or {offer, metrics}",
            "offers",
            "options",
            "an array",
            offers,
        ));
    }
    let context =
        PlanContext::from_json(&json_of(context, "context")?).map_err(|e| js::thrown(&e, lang))?;
    let mut planner = options.planner(&context).map_err(|e| match e {
        PlanError::Context(err) => js::thrown(&err, lang),
        other => js::error(
            &other.message(lang),
            "options.campaigns",
            "options",
            other.code(),
            &[],
        ),
    })?;
    for (i, item) in Array::from(offers).iter().enumerate() {
        let name = format!("offers[{i}]");
        let text = json_of(&item, &name)?;
        for outcome in planner.item(text.as_bytes(), 1) {
            each(&outcome, &name, lang);
        }
    }
    Ok(())
}

/// A value as JSON text (`undefined`, a function: `null`); a value JSON
/// cannot hold (a cycle, a BigInt) is an error naming `at`.
fn json_of(value: &JsValue, at: &str) -> Result<String, JsValue> {
    match JSON::stringify(value) {
        Ok(text) => Ok(text.as_string().unwrap_or_else(|| "null".into())),
        Err(e) => {
            let detail = Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "a value that JSON cannot hold".into());
            let detail = detail.lines().next().unwrap_or_default().to_owned();
            Err(js::error(
                &format!("{at} cannot be written as JSON: {detail}"),
                at,
                "shape",
                "INVALID_VALUE",
                &[("detail", &detail)],
            ))
        }
    }
}
