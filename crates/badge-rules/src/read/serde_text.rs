//! serde_json's error text, read: what kind of fault it names, the message
//! without its position, and the missing key a path must name.
//!
//! serde_json's errors are text: `invalid type: integer `7`, expected a
//! string at line 1 column 9`, `missing field `kind``, `unknown variant `X`,
//! expected one of ...`, `expected value`. Each form it writes is read here,
//! and pinned by one unit test below, so that a change of serde_json's
//! wording fails here first.

use crate::error::{InputError, ShapeError, SyntaxError};

/// The input error for `err`, met reading `text`; `prefix` is the JSON path
/// of `text` within the check document (`""`: the document itself).
pub(crate) fn shape_error(text: &str, err: &serde_json::Error, prefix: &str) -> InputError {
    let message = err.to_string();
    let mut message = message
        .split(" at line ")
        .next()
        .unwrap_or_default()
        .to_owned();
    if (err.is_syntax() || err.is_eof())
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
    {
        return InputError::Syntax(SyntaxError::at(
            prefix,
            message,
            err.line(),
            err.column().max(1),
        ));
    }
    // serde_json reports a number or object where a name (an enum) belongs
    // as "expected value", at the byte after the value's first.
    let peeked = err.is_syntax() && message == "expected value";
    if peeked {
        message = "invalid type: expected a string naming one of the allowed values".into();
    }
    let mut path = super::locate::path_at(text, err.line(), err.column(), peeked);
    // A missing key is named by its own path, not its parent's.
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
    }
    if !prefix.is_empty() {
        path = if path.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{path}")
        };
    }
    InputError::Shape(ShapeError::new(path, message))
}

#[cfg(test)]
mod tests {
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
        assert!(e.message().starts_with("EOF while parsing"), "{e}");
    }

    #[test]
    fn an_invalid_type_keeps_serdes_words_without_the_position() {
        let e = error_of(r#"{"kind": "application", "campaigns": [{"id": 7}]}"#);
        assert_eq!((e.kind(), e.path()), ("shape", "campaigns[0].id"));
        assert_eq!(e.message(), "invalid type: integer `7`, expected a string");
    }

    #[test]
    fn an_unknown_variant_names_the_field() {
        let e = error_of(r#"{"kind": "sell"}"#);
        assert_eq!(e.path(), "kind");
        assert!(
            e.message()
                .starts_with("unknown variant `sell`, expected one of"),
            "{e}"
        );
    }

    #[test]
    fn a_missing_field_is_named_by_its_own_path() {
        let e = error_of(r#"{"kind": "application", "campaigns": [{"name": "x"}]}"#);
        assert_eq!(
            (e.path(), e.message()),
            ("campaigns[0].id", "missing field `id`")
        );
    }

    #[test]
    fn a_number_where_a_name_belongs_is_said_plainly() {
        let e = error_of(r#"{"kind": 1}"#);
        assert_eq!(e.path(), "kind");
        assert_eq!(
            e.message(),
            "invalid type: expected a string naming one of the allowed values"
        );
    }

    #[test]
    fn a_prefix_places_a_part_read_on_its_own() {
        let text = r#"{"activeCustomers": "three"}"#;
        let err = serde_json::from_str::<crate::partner::AgencySnapshot>(text).unwrap_err();
        let e = shape_error(text, &err, "request");
        assert_eq!(e.path(), "request.activeCustomers");
    }
}
