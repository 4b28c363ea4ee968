//! Bytes as text: a file or a line of an input is UTF-8, or a syntax error
//! at its first bad byte.

use crate::error::{ErrorCode, InputError, ParamMap, SyntaxError};

/// The bytes as text; bytes that are not UTF-8 are a syntax error at the
/// line and column of the first bad byte.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::Syntax(SyntaxError::at(
            "",
            ErrorCode::NotUtf8,
            ParamMap::new(),
            line,
            column,
        ))
    })
}
