//! JavaScript values in and out: thrown errors, options, JSON text.
//!
//! The only conversions of the package; what they carry (reports, errors,
//! catalogue entries) is the core's JSON surface.

use badge_rules::error::ErrorCode;
use badge_rules::{InputError, Lang, Options, FALLBACK_TAGS};
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

/// What `check` and `checkJson` answer with: `options.format`.
#[cfg(feature = "check")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `"report"` (the default): the report.
    Report,
    /// `"allegro"`: Allegro's answer predicted (`api::allegro_response`).
    Allegro,
}

/// Reads `options.format`; `undefined` and `null` (and no options) are the
/// report.
#[cfg(feature = "check")]
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
        other => Err(unknown_value(
            "options.format must be \"report\" (the default) or \"allegro\"",
            "options.format",
            other.unwrap_or_default(),
            "report, allegro",
        )),
    }
}

/// Reads `{lang}`; `undefined` and `null` are the defaults.
pub(crate) fn options(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(wrong_type(
            "options must be an object such as {lang: \"pl\"}",
            "options",
            "options",
            "an object",
            value,
        ));
    }
    let tag = Reflect::get(value, &"lang".into()).unwrap_or(JsValue::UNDEFINED);
    if tag.is_undefined() || tag.is_null() {
        return Ok(Options::default());
    }
    let Some(text) = tag.as_string() else {
        return Err(wrong_type(
            "options.lang must be a language tag string",
            "options.lang",
            "options",
            "a language tag string",
            &tag,
        ));
    };
    Options::from_tag(&text).map_err(|e| {
        let allowed = format!(
            "{}, en-US, pl-PL, {}",
            languages(),
            FALLBACK_TAGS.join(", ")
        );
        unknown_value(
            &format!("options.lang: {e}"),
            "options.lang",
            &text,
            &allowed,
        )
    })
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
    let text = JSON::stringify(document).map_err(|e| {
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
            &format!("the check document cannot be written as JSON: {detail}"),
            "",
            "shape",
            ErrorCode::InvalidValue.as_str(),
            &[("detail", detail)],
        );
        let _ = Reflect::set(&err, &"cause".into(), &e);
        err
    })?;
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
fn languages() -> String {
    Lang::ALL
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
