//! The answers for programs: a document's bytes checked, and the report or
//! the input error as the one line of JSON every runtime of badge-rules
//! writes for it.

use badge_rules::error::SyntaxError;
use badge_rules::report::Report;
use badge_rules::{check_json, InputError, Options};

use crate::exit::Fatal;

/// The report of a document given as bytes: bytes that are not UTF-8 are a
/// syntax error.
pub(crate) fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, InputError> {
    text_of(bytes).and_then(|text| check_json(text, options))
}

/// The answer to one line of a `--jsonl` run, without its newline: the report
/// as one line of JSON, or `{"error": ...}`. Pure, so lines can be checked in
/// parallel.
pub(crate) fn check_line(line: &[u8], options: &Options) -> Result<String, Fatal> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match check_bytes(line, options) {
        Ok(report) => report_json(&report),
        Err(err) => error_json(&err),
    }
}

/// The bytes as text; bytes that are not UTF-8 are a syntax error.
fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::Syntax(SyntaxError {
            path: String::new(),
            message: "the text is not valid UTF-8".into(),
            line,
            column,
        })
    })
}

/// The report exactly as `serde_json::to_string` writes it.
pub(crate) fn report_json(report: &Report) -> Result<String, Fatal> {
    serde_json::to_string(report).map_err(|e| Fatal::Io(format!("cannot write a report: {e}")))
}

/// `{"error": {...}}` on one line, the error's fields in its own order
/// (`kind`, `path`, `message`, ...), as `serde_json::to_string` writes it.
pub(crate) fn error_json(err: &InputError) -> Result<String, Fatal> {
    let inner =
        serde_json::to_string(err).map_err(|e| Fatal::Io(format!("cannot write an error: {e}")))?;
    Ok(format!("{{\"error\":{inner}}}"))
}
