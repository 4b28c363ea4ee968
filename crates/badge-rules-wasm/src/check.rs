//! The main module's bindings (the `check` feature, on by default): `check`,
//! `checkJson`, `allegroResponse`, `catalogue`, `builtInCampaigns`,
//! `builtInTerms`, `languages`, `version`, and their declarations.

use badge_rules::api::{self, AnswerFormat};
use badge_rules::Lang;
use wasm_bindgen::prelude::*;

use crate::js::{self, check_options, from_json, lang, lang_options, text_of, thrown, JsResult};

#[wasm_bindgen(typescript_custom_section)]
const API: &str = r#"
/**
 * Allegro's Accept-Language tags: `en-US` and `pl-PL` are English and
 * Polish; Allegro's languages the engine has no texts for give English, and
 * a check's report one `LANGUAGE_FALLBACK` warning.
 */
export type AcceptLanguage = "en-US" | "pl-PL" | "uk-UA" | "sk-SK" | "cs-CZ" | "hu-HU";

/**
 * How to check: the language of messages (default "en"), and what to answer
 * with: `"report"` (the default) or `"allegro"`, Allegro's answer predicted.
 */
export interface CheckOptions {
  lang?: Lang | AcceptLanguage;
  format?: "report" | "allegro";
}

/**
 * Checks a check document; with `{format: "allegro"}` returns Allegro's
 * answer predicted (the same JSON as the CLI's `--format allegro`).
 */
export function check(document: CheckDocument, options: CheckOptions & { format: "allegro" }): Response;
/**
 * Checks a check document; returns the report (the same JSON as the CLI's
 * `--format json`). Throws a {@link BadgeRulesError} on input errors.
 */
export function check(document: CheckDocument, options?: CheckOptions & { format?: "report" }): Report;
/** Checks a check document; the report or, with `{format: "allegro"}`, Allegro's answer. */
export function check(document: CheckDocument, options?: CheckOptions): Report | Response;
/**
 * Checks a check document given as JSON text; returns the report (or with
 * `{format: "allegro"}` Allegro's answer) as JSON text.
 */
export function checkJson(text: string, options?: CheckOptions): string;
/** Allegro's answer to a check document, predicted: `check(document, {...options, format: "allegro"})`. */
export function allegroResponse(document: CheckDocument, options?: Pick<CheckOptions, "lang">): Response;
/** Every code, with its text in `lang` and whether the engine checks it offline (the entries of `badge-rules codes --format json`). */
export function catalogue(lang?: Lang): CatalogueEntry[];
/** Every built-in campaign, in Allegro's shape and named in `lang`, with its terms. */
export function builtInCampaigns(lang?: Lang): BuiltInCampaign[];
/** The built-in terms of a campaign. */
export function builtInTerms(campaignId: string): Terms;
/** Every language the engine has texts for, the default first. */
export function languages(): Lang[];
/** The package's version. */
export function version(): string;
"#;

/// Checks a check document given as a JavaScript object; returns the report
/// object (the same JSON as the CLI's `--format json`), or with `{format:
/// "allegro"}` Allegro's answer predicted (`--format allegro`).
#[wasm_bindgen(js_name = check, skip_typescript)]
pub fn check(document: &JsValue, options_value: &JsValue) -> JsResult {
    let options = check_options(options_value)?;
    let text = text_of(document)?;
    from_json(&answer(&text, &options.messages, options.format)?)
}

/// Checks a check document given as JSON text; returns the report (or with
/// `{format: "allegro"}` Allegro's answer) as JSON text, or throws the input
/// error.
#[wasm_bindgen(js_name = checkJson, skip_typescript)]
pub fn check_json(text: &JsValue, options_value: &JsValue) -> Result<String, JsValue> {
    let options = check_options(options_value)?;
    // Taken as a JsValue: a non-string handed to a `&str` parameter would
    // reach memory as garbage.
    let text = text.as_string().ok_or_else(|| {
        js::wrong_type(
            "checkJson takes the check document as a JSON string",
            "",
            "shape",
            "a JSON string",
            text,
        )
    })?;
    answer(&text, &options.messages, options.format)
}

/// Allegro's answer to a check document given as a JavaScript object: `check`
/// with `{format: "allegro"}` (`options.format` is not read).
#[wasm_bindgen(js_name = allegroResponse, skip_typescript)]
pub fn allegro_response(document: &JsValue, options_value: &JsValue) -> JsResult {
    let options = lang_options(options_value)?;
    let text = text_of(document)?;
    from_json(&answer(&text, &options, AnswerFormat::Allegro)?)
}

/// The line of the CLI's `--jsonl` (with `--format allegro` for
/// [`AnswerFormat::Allegro`]) for a document that can be checked; its input
/// error thrown otherwise.
fn answer(
    text: &str,
    options: &badge_rules::Options,
    format: AnswerFormat,
) -> Result<String, JsValue> {
    format
        .answer(text.as_bytes(), options)
        .map_err(|e| thrown(&e, options.lang))
}

/// The catalogue of codes in `lang`: the entries of `badge-rules codes --format json`.
#[wasm_bindgen(js_name = catalogue, skip_typescript)]
pub fn catalogue(lang_value: &JsValue) -> JsResult {
    let entries = api::catalogue(lang(lang_value, "lang")?);
    from_json(&serde_json::to_string(&entries).unwrap_or_default())
}

/// Every built-in campaign, `{campaign, terms}`, named in `lang`.
#[wasm_bindgen(js_name = builtInCampaigns, skip_typescript)]
pub fn built_in_campaigns(lang_value: &JsValue) -> JsResult {
    let entries = api::built_in_campaigns(lang(lang_value, "lang")?);
    from_json(&serde_json::to_string(&entries).unwrap_or_default())
}

/// The built-in terms of a campaign id (RULES.md §5); an id that is not
/// built in is an options error (UNKNOWN_VALUE), not the default terms.
#[wasm_bindgen(js_name = builtInTerms, skip_typescript)]
pub fn built_in_terms(campaign_id: &JsValue) -> JsResult {
    let id = campaign_id.as_string().ok_or_else(|| {
        js::wrong_type(
            "builtInTerms takes a campaign id string",
            "campaignId",
            "options",
            "a campaign id string",
            campaign_id,
        )
    })?;
    let campaign = badge_rules::campaigns::find(&id).ok_or_else(|| {
        let allowed = badge_rules::campaigns::BUILT_IN
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
            .join(", ");
        js::unknown_value(
            &format!(
                "campaignId: {id} is not a built-in campaign (built in: {allowed}); \
                 any other campaign is checked against the terms its document gives"
            ),
            "campaignId",
            &id,
            &allowed,
        )
    })?;
    from_json(&serde_json::to_string(&campaign.terms()).unwrap_or_default())
}

/// Every language the engine has texts for, the default first.
#[wasm_bindgen(js_name = languages, skip_typescript)]
pub fn languages() -> Vec<JsValue> {
    Lang::ALL
        .iter()
        .map(|l| JsValue::from_str(l.as_str()))
        .collect()
}

/// The package's version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Checks a document through `serde-wasm-bindgen` instead of JSON text: built
/// only with the `serde-boundary` feature, to measure the two boundaries
/// against each other (BENCHMARKS.md); the package does not ship it.
#[cfg(feature = "serde-boundary")]
#[wasm_bindgen(js_name = checkViaSerde, skip_typescript)]
pub fn check_via_serde(document: JsValue, options_value: &JsValue) -> JsResult {
    let options = lang_options(options_value)?;
    let deserializer = serde_wasm_bindgen::Deserializer::from(document);
    let doc: badge_rules::Document =
        serde::Deserialize::deserialize(deserializer).map_err(|e: serde_wasm_bindgen::Error| {
            js::error(&e.to_string(), "", "shape", "INVALID_VALUE", &[])
        })?;
    let report = badge_rules::check(&doc, &options).map_err(|e| thrown(&e, options.lang))?;
    serde::Serialize::serialize(&report, &serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js::error(&e.to_string(), "", "internal", "INTERNAL", &[]))
}

#[cfg(test)]
mod tests {
    /// This file's text: the custom section's constant is consumed by
    /// `wasm_bindgen`, so the test reads it where it is written.
    const API: &str = include_str!("check.rs");

    /// The TypeScript `AcceptLanguage` type is written by hand (a custom
    /// section must be a literal): it lists the Allegro tag of every
    /// language of the core, then the tags that fall back to English, so a
    /// language added to the core fails here until the type names it.
    #[test]
    fn the_accept_language_type_lists_the_cores_tags() {
        let line = API
            .lines()
            .find(|l| l.starts_with("export type AcceptLanguage"))
            .unwrap();
        let typed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let core: Vec<&str> = badge_rules::Lang::ALL
            .iter()
            .map(|l| l.allegro_tag())
            .chain(badge_rules::FALLBACK_TAGS)
            .collect();
        assert_eq!(typed, core);
    }
}
