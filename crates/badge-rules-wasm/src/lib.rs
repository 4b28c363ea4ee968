//! The WebAssembly adapter of badge-rules: JavaScript values in, reports out.
//!
//! This crate holds no rule. It turns JavaScript arguments into the core's
//! inputs, calls [`badge_rules::check_json`], and hands the report back; an
//! input error becomes a thrown `Error` whose `path` property names the JSON
//! path. Nothing here can panic on input, so after any error the module keeps
//! answering.
//!
//! The boundary is JSON text: `check(document)` turns the object into JSON with
//! the engine's own `JSON.stringify` (which also rejects cycles and BigInts
//! cleanly) and parses the report with `JSON.parse`. Measured against
//! `serde-wasm-bindgen`'s field-by-field conversion, the JSON boundary is the
//! faster one (see BENCHMARKS.md), and it keeps every amount a decimal string.

use badge_rules::{InputError, Lang, Options};
use js_sys::{Error, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const API: &str = r#"
/** An input error: thrown as an `Error` naming the JSON path of the fault. */
export interface BadgeRulesError extends Error {
  /** The JSON path of the fault ("" for the whole document). */
  path: string;
  kind: "syntax" | "shape" | "context" | "options" | "internal";
}

/** How to check: the language of messages (default "en"). */
export interface CheckOptions { lang?: Lang }

/** One row of the catalogue. */
export interface CatalogueEntry {
  code: Code;
  /** Checked by the engine offline, or only by Allegro's servers. */
  offline: boolean;
  /** Why only Allegro can decide it (server-only codes). */
  reason?: string;
  text: string;
}

/**
 * Checks a check document; returns the report (the same JSON as the CLI's
 * `--format json`). Throws a {@link BadgeRulesError} on input errors.
 */
export function check(document: CheckDocument, options?: CheckOptions): Report;
/** Checks a check document given as JSON text; returns the report as JSON text. */
export function checkJson(text: string, options?: CheckOptions): string;
/** Every code, with its text in `lang` and whether the engine checks it offline. */
export function catalogue(lang?: Lang): CatalogueEntry[];
/** The built-in terms of a campaign (RULES.md §5). */
export function builtInTerms(campaignId: string): Terms;
/** The package's version. */
export function version(): string;
"#;

/// A thrown `Error` with `path` (and `kind`) properties.
fn error(message: &str, path: &str, kind: &str) -> JsValue {
    let err = Error::new(message);
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&err, &"path".into(), &path.into());
    let _ = Reflect::set(&err, &"kind".into(), &kind.into());
    err.into()
}

fn input_error(err: &InputError) -> JsValue {
    let kind = match err {
        InputError::Syntax(_) => "syntax",
        InputError::Shape(_) => "shape",
        InputError::Context(_) => "context",
    };
    error(&err.to_string(), err.path(), kind)
}

/// Reads `{lang: "en" | "pl"}`; `undefined` and `null` are the defaults.
fn options(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(error(
            "options must be an object such as {lang: \"pl\"}",
            "options",
            "options",
        ));
    }
    let lang = Reflect::get(value, &"lang".into()).unwrap_or(JsValue::UNDEFINED);
    if lang.is_undefined() || lang.is_null() {
        return Ok(Options::default());
    }
    match lang.as_string().as_deref() {
        Some("en") => Ok(Options { lang: Lang::En }),
        Some("pl") => Ok(Options { lang: Lang::Pl }),
        _ => Err(error(
            "options.lang must be \"en\" or \"pl\"",
            "options.lang",
            "options",
        )),
    }
}

/// The report of `text` as JSON text, or a thrown `Error`.
fn report_text(text: &str, options: &Options) -> Result<String, JsValue> {
    let report = badge_rules::check_json(text, options).map_err(|e| input_error(&e))?;
    serde_json::to_string(&report).map_err(|e| error(&e.to_string(), "", "internal"))
}

/// Checks a check document given as a JavaScript object; returns the report
/// object (the same JSON as the CLI's `--format json`).
#[wasm_bindgen(js_name = check, skip_typescript)]
pub fn check(document: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = self::options(options)?;
    if !document.is_object() || js_sys::Array::is_array(document) {
        return Err(error(
            "the check document must be an object with a `kind`",
            "",
            "shape",
        ));
    }
    // JSON.stringify throws a TypeError on cycles and BigInts: pass it on as
    // an input error of the whole document.
    let text = JSON::stringify(document)
        .map_err(|e| {
            let message = Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the document cannot be written as JSON".into());
            error(&message, "", "shape")
        })?
        .as_string()
        .unwrap_or_default();
    let report = report_text(&text, &options)?;
    JSON::parse(&report).map_err(|_| error("the report could not be read back", "", "internal"))
}

/// Checks a check document given as JSON text; returns the report as JSON text.
#[wasm_bindgen(js_name = checkJson, skip_typescript)]
pub fn check_json(text: &JsValue, options: &JsValue) -> Result<String, JsValue> {
    let options = self::options(options)?;
    // Taken as a JsValue: a non-string handed to a `&str` parameter would
    // reach memory as garbage.
    let text = text.as_string().ok_or_else(|| {
        error(
            "checkJson takes the check document as a JSON string",
            "",
            "shape",
        )
    })?;
    report_text(&text, &options)
}

/// The catalogue of codes: `[{code, offline, reason?, text}]` in `lang`.
#[wasm_bindgen(js_name = catalogue, skip_typescript)]
pub fn catalogue(lang: &JsValue) -> Result<JsValue, JsValue> {
    let lang = if lang.is_undefined() || lang.is_null() {
        Lang::En
    } else {
        match lang.as_string().as_deref() {
            Some("en") => Lang::En,
            Some("pl") => Lang::Pl,
            _ => return Err(error("lang must be \"en\" or \"pl\"", "lang", "options")),
        }
    };
    let rows: Vec<serde_json::Value> = badge_rules::catalogue::ALL
        .iter()
        .map(|row| {
            let mut entry = serde_json::json!({
                "code": row.code.as_str(),
                "offline": row.check.is_offline(),
                "text": row.text(lang),
            });
            if let (badge_rules::catalogue::Check::ServerOnly { reason }, Some(map)) =
                (row.check, entry.as_object_mut())
            {
                map.insert("reason".into(), reason.into());
            }
            entry
        })
        .collect();
    let text = serde_json::to_string(&rows).map_err(|e| error(&e.to_string(), "", "internal"))?;
    JSON::parse(&text)
}

/// The built-in terms of a campaign id (RULES.md §5).
#[wasm_bindgen(js_name = builtInTerms, skip_typescript)]
pub fn built_in_terms(campaign_id: &JsValue) -> Result<JsValue, JsValue> {
    let campaign_id = campaign_id.as_string().ok_or_else(|| {
        error(
            "builtInTerms takes a campaign id string",
            "campaignId",
            "shape",
        )
    })?;
    let terms = badge_rules::terms::built_in(&campaign_id);
    let text = serde_json::to_string(&terms).map_err(|e| error(&e.to_string(), "", "internal"))?;
    JSON::parse(&text)
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
pub fn check_via_serde(document: JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = self::options(options)?;
    let deserializer = serde_wasm_bindgen::Deserializer::from(document);
    let doc: badge_rules::Document = serde_path_to_error_free(deserializer)?;
    let report = badge_rules::check(&doc, &options).map_err(|e| input_error(&e))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer)
        .map_err(|e| error(&e.to_string(), "", "internal"))
}

#[cfg(feature = "serde-boundary")]
fn serde_path_to_error_free(
    deserializer: serde_wasm_bindgen::Deserializer,
) -> Result<badge_rules::Document, JsValue> {
    serde::Deserialize::deserialize(deserializer)
        .map_err(|e: serde_wasm_bindgen::Error| error(&e.to_string(), "", "shape"))
}
