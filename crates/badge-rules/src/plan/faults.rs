//! The shape errors a plan's inputs get, built here rather than by serde
//! readers of their own (the npm package's size).

use std::borrow::Cow;

use crate::error::{ErrorCode, InputError, ParamMap, ShapeError};

/// What JSON value starts with `first`, as an error's `found` says it.
pub(super) fn found(first: Option<u8>) -> &'static str {
    match first {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The first byte of JSON text, past whitespace.
pub(super) fn first_byte(text: &str) -> Option<u8> {
    text.trim_start().bytes().next()
}

/// A value at `path` that must be an object and is not: WRONG_TYPE.
pub(super) fn not_an_object(path: &str, first: Option<u8>) -> InputError {
    wrong_type(path, "an object", first)
}

/// A value at `path` that is not `expected`: WRONG_TYPE (built here, not by
/// a serde reader of its own: the npm package's size).
pub(super) fn wrong_type(path: &str, expected: &str, first: Option<u8>) -> InputError {
    shape(
        path,
        ErrorCode::WrongType,
        [("expected", expected), ("found", found(first))],
    )
}

/// A shape error at `path`.
pub(super) fn shape<const N: usize>(
    path: &str,
    code: ErrorCode,
    params: [(&'static str, &str); N],
) -> InputError {
    let params: ParamMap = params
        .into_iter()
        .map(|(name, value)| (Cow::Borrowed(name), value.to_owned()))
        .collect();
    InputError::Shape(ShapeError::new(path.to_owned(), code, params))
}
