//! JavaScript values in and out: thrown errors, options, JSON text.
//!
//! The only conversions of the package; what they carry (reports, errors,
//! catalogue entries) is the core's JSON surface.

use badge_rules::{InputError, Lang, Options};
use js_sys::{Error, Reflect, JSON};
use wasm_bindgen::prelude::*;

/// What a binding returns to JavaScript.
pub(crate) type JsResult = Result<JsValue, JsValue>;

/// A thrown `Error` with `path` and `kind` properties.
pub(crate) fn error(message: &str, path: &str, kind: &str) -> JsValue {
    let err = Error::new(message);
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&err, &"path".into(), &path.into());
    let _ = Reflect::set(&err, &"kind".into(), &kind.into());
    err.into()
}

/// An input error as a thrown `Error`: its one-line message, its path and kind.
pub(crate) fn thrown(err: &InputError) -> JsValue {
    error(&err.to_string(), err.path(), err.kind())
}

/// A language tag; `undefined` and `null` are the default. `at` names the
/// argument in the error.
pub(crate) fn lang(value: &JsValue, at: &str) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    match value.as_string() {
        Some(tag) => tag
            .parse()
            .map_err(|e| error(&format!("{at}: {e}"), at, "options")),
        None => Err(error(
            &format!("{at} must be a language tag string"),
            at,
            "options",
        )),
    }
}

/// What `check` and `checkJson` answer with: `options.format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `"report"` (the default): the report.
    Report,
    /// `"allegro"`: Allegro's answer predicted (`api::allegro_response`).
    Allegro,
}

/// Reads `options.format`; `undefined` and `null` (and no options) are the
/// report.
pub(crate) fn format(value: &JsValue) -> Result<Format, JsValue> {
    if !value.is_object() {
        // No options, or not an object: `options` says which.
        return Ok(Format::Report);
    }
    let format = Reflect::get(value, &"format".into()).unwrap_or(JsValue::UNDEFINED);
    if format.is_undefined() || format.is_null() {
        return Ok(Format::Report);
    }
    match format.as_string().as_deref() {
        Some("report") => Ok(Format::Report),
        Some("allegro") => Ok(Format::Allegro),
        _ => Err(error(
            "options.format must be \"report\" (the default) or \"allegro\"",
            "options.format",
            "options",
        )),
    }
}

/// Reads `{lang}`; `undefined` and `null` are the defaults.
pub(crate) fn options(value: &JsValue) -> Result<Options, JsValue> {
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
    let tag = Reflect::get(value, &"lang".into()).unwrap_or(JsValue::UNDEFINED);
    if tag.is_undefined() || tag.is_null() {
        return Ok(Options::default());
    }
    let tag = tag.as_string().ok_or_else(|| {
        error(
            "options.lang must be a language tag string",
            "options.lang",
            "options",
        )
    })?;
    Options::from_tag(&tag)
        .map_err(|e| error(&format!("options.lang: {e}"), "options.lang", "options"))
}

/// A check document as JSON text, written by `JSON.stringify`, which also
/// rejects cycles and BigInts: passed on as an input error of the whole document.
pub(crate) fn text_of(document: &JsValue) -> Result<String, JsValue> {
    if !document.is_object() || js_sys::Array::is_array(document) {
        return Err(error(
            "the check document must be an object with a `kind`",
            "",
            "shape",
        ));
    }
    let text = JSON::stringify(document).map_err(|e| {
        let message = Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the document cannot be written as JSON".into());
        error(&message, "", "shape")
    })?;
    Ok(text.as_string().unwrap_or_default())
}

/// JSON text the core wrote, as a JavaScript value.
pub(crate) fn from_json(text: &str) -> JsResult {
    JSON::parse(text).map_err(|_| error("the answer could not be read back", "", "internal"))
}
