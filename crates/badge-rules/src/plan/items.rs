//! An input item of a plan: its form (a GET /sale/offers page, an offer,
//! `{"offer", "metrics"}`), told by one scan of its top level, and the item
//! errors of reading it, located in the input. The scan is the core's one
//! JSON structure scanner, [`crate::json_scan::Cursor`].

use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::faults::{first_byte, not_an_object};
use super::outcome::Outcome;
use crate::document::{Metrics, Offer};
use crate::error::InputError;
use crate::read::json_scan::Cursor;
use crate::read::serde_text::shape_error;

/// The top-level `(key, value text)` pairs of JSON text that is an object
/// (`None`: not an object). The text must be JSON.
pub(super) fn top_level(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut cursor = Cursor::new(text);
    cursor.whitespace();
    if !cursor.eat(b'{') {
        return None;
    }
    let mut fields = Vec::new();
    loop {
        cursor.whitespace();
        if cursor.peek()? == b'}' {
            return Some(fields);
        }
        let key = cursor.string()?;
        cursor.whitespace();
        if !cursor.eat(b':') {
            return None;
        }
        cursor.whitespace();
        let value_start = cursor.pos();
        cursor.value()?;
        fields.push((cursor.slice(key)?, cursor.slice(value_start..cursor.pos())?));
        cursor.whitespace();
        if !cursor.eat(b',') {
            return Some(fields);
        }
    }
}

/// `{"offer", "metrics"}`: an offer with the figures an integrator holds.
#[derive(Deserialize)]
pub(super) struct OfferLine {
    pub(super) offer: Offer,
    #[serde(default)]
    pub(super) metrics: Option<Metrics>,
}

/// A syntax error of text that starts at `line` and `column` of the input,
/// at the input's line and column (any other error as it is).
pub(super) fn moved(error: InputError, line: usize, column: usize) -> InputError {
    match error {
        InputError::Syntax(e) => InputError::Syntax(e.moved(line, column)),
        other => other,
    }
}

pub(super) fn item_error(error: InputError, line: usize) -> Outcome {
    let line = match &error {
        InputError::Syntax(e) => e.line(),
        _ => line,
    };
    Outcome::ItemError { line, error }
}

/// Reads a `T` from `text` (at `prefix` of its item, starting at `line` and
/// `column` of the input), or the item error naming the path and line.
pub(super) fn read<T: DeserializeOwned>(
    text: &str,
    prefix: &str,
    line: usize,
    column: usize,
) -> Result<T, Box<Outcome>> {
    serde_json::from_str::<T>(text)
        .map_err(|err| Box::new(located_error(text, &err, prefix, line, column)))
}

/// The item error of `err`, met reading `text`: a syntax error at the
/// input's line and column (`text` starts at `line` and `column` of it); any
/// other names the line serde stopped at.
pub(super) fn located_error(
    text: &str,
    err: &serde_json::Error,
    prefix: &str,
    line: usize,
    column: usize,
) -> Outcome {
    let mut error = shape_error(text, err, prefix);
    // Every value read here is an object: anything else is wrong as a whole.
    if first_byte(text) != Some(b'{') && !matches!(error, InputError::Syntax(_)) {
        error = not_an_object(prefix, first_byte(text));
    }
    if let InputError::Syntax(_) = error {
        return item_error(moved(error, line, column), line);
    }
    Outcome::ItemError {
        line: line + err.line().saturating_sub(1),
        error,
    }
}

/// What an input item is, from its top-level keys.
#[derive(Debug, PartialEq)]
pub(super) enum Form {
    /// `{"offers": [...]}`: the spans of the offers (`Err`: `offers` is not
    /// an array, but a value starting with this byte).
    Page(Result<Vec<Range<usize>>, u8>),
    /// `{"offer": ..., "metrics": ...}`, with the first byte of the offer.
    Line(u8),
    /// Any other object: an offer.
    Offer,
    /// Not an object.
    NotObject,
}

/// The form of `text`, found by one scan of its top level (`None`: the text
/// is not JSON, as far as the scan can tell).
pub(super) fn form(text: &str) -> Option<Form> {
    let mut cursor = Cursor::new(text);
    cursor.whitespace();
    if cursor.peek()? != b'{' {
        return Some(Form::NotObject);
    }
    cursor.eat(b'{');
    let (mut offers, mut line) = (None, None);
    loop {
        cursor.whitespace();
        if cursor.peek()? == b'}' {
            break;
        }
        let key = cursor.string()?;
        cursor.whitespace();
        if !cursor.eat(b':') {
            return None;
        }
        cursor.whitespace();
        match cursor.slice(key)? {
            "offers" if cursor.peek()? == b'[' => offers = Some(Ok(cursor.elements()?)),
            "offers" => {
                offers = Some(Err(cursor.peek()?));
                cursor.value()?;
            }
            "offer" => {
                line = cursor.peek();
                cursor.value()?;
            }
            _ => cursor.value()?,
        }
        cursor.whitespace();
        match cursor.peek()? {
            b',' => {
                cursor.eat(b',');
            }
            b'}' => break,
            _ => return None,
        }
    }
    Some(match (offers, line) {
        (Some(spans), _) => Form::Page(spans),
        (None, Some(first)) => Form::Line(first),
        (None, None) => Form::Offer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_told_by_their_top_level_keys() {
        assert_eq!(
            form(r#"{"count": 2, "offers": [{"id": "1"}, {"id": "a\"}"}], "x": {"offers": 1}}"#),
            Some(Form::Page(Ok(vec![24..35, 37..51])))
        );
        assert_eq!(form(r#"{"offers": null}"#), Some(Form::Page(Err(b'n'))));
        assert_eq!(
            form(r#"{"metrics": {}, "offer": {"id": "1"}}"#),
            Some(Form::Line(b'{'))
        );
        assert_eq!(form(r#"{"offer": [1]}"#), Some(Form::Line(b'[')));
        assert_eq!(
            form(r#"{"id": "1", "stock": {"available": 3}}"#),
            Some(Form::Offer)
        );
        assert_eq!(form(r#"[{"id": "1"}]"#), Some(Form::NotObject));
        assert_eq!(form(r#"{"offers": [{"id": "1"}"#), None);
        assert_eq!(form(""), None);
    }
}
