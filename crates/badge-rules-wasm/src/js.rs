//! JavaScript values in and out: thrown errors, options, JSON text.
//!
//! The only conversions of the package; what they carry (reports, errors,
//! catalogue entries) is the core's JSON surface. Options are not read here:
//! the options object goes to the core as JSON text, and the core's option
//! types ([`badge_rules::api::CheckOptions`], `PlanOptions`) read it.

use badge_rules::api::OptionsError;
#[cfg(feature = "plan")]
use badge_rules::api::PlanOptions;
#[cfg(feature = "check")]
use badge_rules::api::{self, CheckOptions};
use badge_rules::error::ErrorCode;
#[cfg(feature = "check")]
use badge_rules::Options;
use badge_rules::{InputError, Lang};
use js_sys::{Error, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

/// What a binding returns to JavaScript.
pub(crate) type JsResult = Result<JsValue, JsValue>;

/// A thrown `Error` with the properties the package's `BadgeRulesError`
/// copies: `path`, `kind`, a stable `code` and its `params`. The message is
/// one line.
pub(crate) fn error(
    message: &str,
    path: &str,
    kind: &str,
    code: &str,
    params: &[(&str, &str)],
) -> JsValue {
    let err = Error::new(message);
    let figures = Object::new();
    // Setting a property on a fresh object cannot fail.
    for (name, value) in params {
        let _ = Reflect::set(&figures, &(*name).into(), &(*value).into());
    }
    let _ = Reflect::set(&err, &"path".into(), &path.into());
    let _ = Reflect::set(&err, &"kind".into(), &kind.into());
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    let _ = Reflect::set(&err, &"params".into(), &figures);
    err.into()
}

/// An input error as a thrown `Error`: its one-line message in `lang`, its
/// path, kind, code and params.
pub(crate) fn thrown(err: &InputError, lang: Lang) -> JsValue {
    let err = err.localized(lang);
    let params: Vec<(&str, &str)> = err
        .params()
        .iter()
        .map(|(name, value)| (name.as_ref(), value.as_str()))
        .collect();
    error(
        &err.to_string(),
        err.path(),
        err.kind(),
        err.code().as_str(),
        &params,
    )
}

/// `typeof value`, for the `found` of a WRONG_TYPE error.
pub(crate) fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "an array".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// An argument of the wrong type: WRONG_TYPE with `expected` and `found`.
pub(crate) fn wrong_type(
    message: &str,
    path: &str,
    kind: &str,
    expected: &str,
    found: &JsValue,
) -> JsValue {
    let found = type_of(found);
    error(
        message,
        path,
        kind,
        ErrorCode::WrongType.as_str(),
        &[("expected", expected), ("found", &found)],
    )
}

/// A name that is not one of the allowed ones: UNKNOWN_VALUE with `value`
/// and `allowed`.
#[cfg(feature = "check")]
pub(crate) fn unknown_value(message: &str, path: &str, value: &str, allowed: &str) -> JsValue {
    error(
        message,
        path,
        "options",
        ErrorCode::UnknownValue.as_str(),
        &[("value", value), ("allowed", allowed)],
    )
}

/// A language tag; `undefined` and `null` are the default. `at` names the
/// argument in the error.
#[cfg(feature = "check")]
pub(crate) fn lang(value: &JsValue, at: &str) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    match value.as_string() {
        Some(tag) => tag
            .parse()
            .map_err(|e| unknown_value(&format!("{at}: {e}"), at, &tag, &languages())),
        None => Err(wrong_type(
            &format!("{at} must be a language tag string"),
            at,
            "options",
            "a language tag string",
            value,
        )),
    }
}

/// A bad option the core found ([`OptionsError`]), as a thrown `Error` of
/// kind `options`.
fn options_error(err: &OptionsError) -> JsValue {
    let params: Vec<(&str, &str)> = err
        .params
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    error(
        &err.message,
        &err.path,
        "options",
        err.code.as_str(),
        &params,
    )
}

/// The options object as JSON text, for the core's option types to read:
/// `undefined` and `null` are no options (`null`); anything else but an
/// object is WRONG_TYPE. `JSON.stringify` runs every getter: one that throws
/// (or a BigInt, a cycle) is INVALID_VALUE at `options`, its own error the
/// `cause`, never ignored.
fn options_json(value: &JsValue) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok("null".into());
    }
    if !value.is_object() {
        return Err(options_error(&OptionsError::not_an_object(&type_of(value))));
    }
    let text = stringify(value, "options", "options", "options")?;
    Ok(text.as_string().unwrap_or_else(|| "null".into()))
}

/// `value` as JSON text, by `JSON.stringify`, which runs every getter and
/// rejects cycles and BigInts: what it throws becomes INVALID_VALUE at
/// `path` (of `kind`), its first line the message's detail ("`what` cannot
/// be written as JSON: …"), the original error its `cause`.
fn stringify(value: &JsValue, what: &str, path: &str, kind: &str) -> Result<JsValue, JsValue> {
    JSON::stringify(value).map(JsValue::from).map_err(|e| {
        let detail = Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "a value that JSON cannot hold".into());
        let detail = detail
            .lines()
            .next()
            .unwrap_or_default()
            .trim_end_matches('.');
        let err = error(
            &format!("{what} cannot be written as JSON: {detail}"),
            path,
            kind,
            ErrorCode::InvalidValue.as_str(),
            &[("detail", detail)],
        );
        let _ = Reflect::set(&err, &"cause".into(), &e);
        err
    })
}

/// The options of `check` and `checkJson` ([`CheckOptions`]).
#[cfg(feature = "check")]
pub(crate) fn check_options(value: &JsValue) -> Result<CheckOptions, JsValue> {
    CheckOptions::from_json(&options_json(value)?).map_err(|e| options_error(&e))
}

/// The options of `allegroResponse`: `lang` alone ([`api::lang_options`]).
#[cfg(feature = "check")]
pub(crate) fn lang_options(value: &JsValue) -> Result<Options, JsValue> {
    api::lang_options(&options_json(value)?).map_err(|e| options_error(&e))
}

/// The options of `plan` and `planCsv` ([`PlanOptions`]).
#[cfg(feature = "plan")]
pub(crate) fn plan_options(value: &JsValue) -> Result<PlanOptions, JsValue> {
    PlanOptions::from_json(&options_json(value)?).map_err(|e| options_error(&e))
}

/// A check document as JSON text, written by `JSON.stringify`, which also
/// rejects cycles, BigInts and whatever a getter throws: passed on as an
/// input error of the whole document (INVALID_VALUE), its first line as the
/// message, the original as its `cause`.
#[cfg(feature = "check")]
pub(crate) fn text_of(document: &JsValue) -> Result<String, JsValue> {
    if !document.is_object() || js_sys::Array::is_array(document) {
        let found = type_of(document);
        return Err(error(
            "the check document must be an object with a `kind`",
            "",
            "shape",
            ErrorCode::NotAnObject.as_str(),
            &[("found", &found)],
        ));
    }
    let text = stringify(document, "the check document", "", "shape")?;
    Ok(text.as_string().unwrap_or_default())
}

/// JSON text the core wrote, as a JavaScript value.
pub(crate) fn from_json(text: &str) -> JsResult {
    JSON::parse(text).map_err(|_| {
        error(
            "the answer could not be read back",
            "",
            "internal",
            "INTERNAL",
            &[],
        )
    })
}

/// The engine's languages, as an error's `allowed` lists them.
#[cfg(feature = "check")]
fn languages() -> String {
    Lang::ALL
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
