//! serde_json's error text, read: what kind of fault it names, the message
//! without its position, and the missing key a path must name.
//!
//! serde_json's errors are text: `invalid type: integer `7`, expected a
//! string at line 1 column 9`, `missing field `kind``, `unknown variant `X`,
//! expected one of ...`, `expected value`. Each form it writes is read here,
//! and pinned by one unit test below, so that a change of serde_json's
//! wording fails here first.

use std::borrow::Cow;

use crate::error::{ErrorCode, InputError, ParamMap, ShapeError, SyntaxError};

/// The input error for `err`, met reading `text`; `prefix` is the JSON path
/// of `text` within the check document (`""`: the document itself).
pub(crate) fn shape_error(text: &str, err: &serde_json::Error, prefix: &str) -> InputError {
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or_default();
    if (err.is_syntax() || err.is_eof())
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
    {
        let (code, params) = if message == "recursion limit exceeded" {
            (ErrorCode::TooDeep, ParamMap::new())
        } else {
            (ErrorCode::NotJson, params_of([("detail", message)]))
        };
        return InputError::Syntax(SyntaxError::at(
            prefix,
            code,
            params,
            err.line(),
            err.column().max(1),
        ));
    }
    // serde_json reports a number or object where a name (an enum) belongs
    // as "expected value", at the byte after the value's first.
    let peeked = err.is_syntax() && message == "expected value";
    let (code, params) = classify(message, peeked);
    let mut path = super::locate::path_at(text, err.line(), err.column(), peeked);
    // A missing key is named by its own path, not its parent's.
    if let (ErrorCode::MissingField, Some(field)) = (code, params.get("field")) {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
    }
    if !prefix.is_empty() {
        path = joined(prefix, &path);
    }
    InputError::Shape(ShapeError::new(path, code, params))
}

/// `path` within the value at `prefix`: `request.prices`, and
/// `applications[0]` for an index (no dot before `[`).
fn joined(prefix: &str, path: &str) -> String {
    if path.is_empty() {
        prefix.to_owned()
    } else if path.starts_with('[') {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    }
}

fn params_of<const N: usize>(pairs: [(&'static str, &str); N]) -> ParamMap {
    pairs
        .into_iter()
        .map(|(k, v)| (Cow::Borrowed(k), v.to_owned()))
        .collect()
}

/// The code and params of one of serde's messages (its position removed).
fn classify(message: &str, peeked: bool) -> (ErrorCode, ParamMap) {
    if peeked {
        return (
            ErrorCode::WrongType,
            params_of([
                ("expected", "a string naming one of the allowed values"),
                ("found", "a value of another type"),
            ]),
        );
    }
    if message == "recursion limit exceeded" {
        return (ErrorCode::TooDeep, ParamMap::new());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return (
                ErrorCode::WrongType,
                params_of([("expected", expected), ("found", found)]),
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, allowed)) = rest.split_once("`, expected ") {
            let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
            return (
                ErrorCode::UnknownValue,
                params_of([("value", value), ("allowed", allowed)]),
            );
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return (ErrorCode::MissingField, params_of([("field", field)]));
    }
    (ErrorCode::InvalidValue, params_of([("detail", message)]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_path_is_joined_to_its_prefix_without_a_dot_before_an_index() {
        assert_eq!(super::joined("request", ""), "request");
        assert_eq!(
            super::joined("request", "prices.bargain"),
            "request.prices.bargain"
        );
        assert_eq!(
            super::joined("applications", "[0].offer"),
            "applications[0].offer"
        );
    }

    use super::*;
    use crate::document::Document;

    fn error_of(text: &str) -> InputError {
        let err = serde_json::from_str::<Document>(text).unwrap_err();
        shape_error(text, &err, "")
    }

    #[test]
    fn not_json_is_a_syntax_error_at_its_line_and_column() {
        let e = error_of("{\n  \"kind\": \"application\",\n}");
        assert_eq!(e.kind(), "syntax");
        assert_eq!(
            e.to_string(),
            "not valid JSON at line 3, column 1: trailing comma"
        );
    }

    #[test]
    fn the_end_of_the_text_is_a_syntax_error() {
        let e = error_of("{\"kind\": ");
        assert_eq!(e.kind(), "syntax");
        assert_eq!(e.code(), ErrorCode::NotJson);
        assert!(
            e.params()
                .get("detail")
                .unwrap()
                .starts_with("EOF while parsing"),
            "{e}"
        );
    }

    #[test]
    fn an_invalid_type_keeps_serdes_words_without_the_position() {
        let e = error_of(r#"{"kind": "application", "campaigns": [{"id": 7}]}"#);
        assert_eq!((e.kind(), e.path()), ("shape", "campaigns[0].id"));
        assert_eq!(e.code(), ErrorCode::WrongType);
        assert_eq!(
            (
                e.params().get("found").unwrap().as_str(),
                e.params().get("expected").unwrap().as_str()
            ),
            ("integer `7`", "a string")
        );
        assert_eq!(e.message(), "expected a string, found integer `7`");
    }

    #[test]
    fn an_unknown_variant_names_the_field() {
        let e = error_of(r#"{"kind": "sell"}"#);
        assert_eq!(e.path(), "kind");
        assert_eq!(
            (e.code(), e.params().get("value").unwrap().as_str()),
            (ErrorCode::UnknownValue, "sell")
        );
        assert!(
            e.params()
                .get("allowed")
                .unwrap()
                .starts_with("`application`, `badgeUpdate`"),
            "{e}"
        );
        assert!(e
            .message()
            .starts_with("sell is not one of the allowed values: `application`"));
    }

    #[test]
    fn a_missing_field_is_named_by_its_own_path() {
        let e = error_of(r#"{"kind": "application", "campaigns": [{"name": "x"}]}"#);
        assert_eq!(
            (e.path(), e.code()),
            ("campaigns[0].id", ErrorCode::MissingField)
        );
        assert_eq!(e.message(), "the field id is required");
    }

    #[test]
    fn a_number_where_a_name_belongs_is_said_plainly() {
        let e = error_of(r#"{"kind": 1}"#);
        assert_eq!(e.path(), "kind");
        assert_eq!(e.code(), ErrorCode::WrongType);
        assert_eq!(
            e.message(),
            "expected a string naming one of the allowed values, found a value of another type"
        );
    }

    #[test]
    fn nesting_too_deep_is_its_own_code() {
        let text = format!(
            r#"{{"kind": "application", "request": {}{}}}"#,
            "[".repeat(1_000),
            "]".repeat(1_000)
        );
        let e = error_of(&text);
        assert_eq!(e.code(), ErrorCode::TooDeep);
        assert_eq!(e.message(), "the JSON is nested too deep to be read");
    }

    #[test]
    fn any_other_message_is_an_invalid_value_with_serdes_words() {
        let e = error_of(r#"{"kind": "application", "now": "yesterday"}"#);
        assert_eq!((e.path(), e.code()), ("now", ErrorCode::InvalidValue));
        assert!(!e.params().get("detail").unwrap().is_empty());
    }

    #[test]
    fn a_prefix_places_a_part_read_on_its_own() {
        let text = r#"{"activeCustomers": "three"}"#;
        let err = serde_json::from_str::<crate::partner::AgencySnapshot>(text).unwrap_err();
        let e = shape_error(text, &err, "request");
        assert_eq!(e.path(), "request.activeCustomers");
    }
}
