//! Checking a document given as bytes, and its answer as one line of JSON:
//! the report's line or the input error's.

use serde::Serialize;

use crate::read::utf8::text_of;
use crate::report::Report;
use crate::{check_json, InputError, Lang, Options};

/// Checks a document given as bytes (UTF-8, a leading byte-order mark
/// ignored): what a file or a line of a `--jsonl` input holds.
///
/// ```
/// use badge_rules::{api, InputError, Options};
/// let err = api::check_bytes(b"{\"kind\": \"\xff\"}", &Options::default()).unwrap_err();
/// assert!(matches!(err, InputError::Syntax(_)));
/// assert_eq!(err.to_string(), "not valid JSON at line 1, column 11: the text is not valid UTF-8");
/// ```
///
/// # Errors
///
/// Bytes that are not UTF-8 are an [`InputError::Syntax`] at the first bad
/// byte; then any error of [`check_json`].
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, InputError> {
    check_json(text_of(bytes)?, options)
}

/// The one line that answers a document: its report ([`report_line`]) or its
/// input error ([`error_line`]), without a newline.
///
/// ```
/// use badge_rules::{api, Lang, Options};
/// let line = api::answer_line(br#"{"kind": "badgesQuery", "request": {"limit": 0}}"#, &Options::new(Lang::Pl));
/// assert!(line.contains(r#""message":"Nieprawidłowa wartość parametru [limit].""#));
/// ```
pub fn answer_line(bytes: &[u8], options: &Options) -> String {
    match check_bytes(bytes, options) {
        Ok(report) => report_line(&report),
        Err(err) => error_line_in(&err, options.lang),
    }
}

/// [`answer_line`], appended to `out`: the same bytes, written straight into
/// the caller's buffer (no `String` per line, no copy): how the CLI's
/// `--jsonl` pipeline answers each line.
///
/// ```
/// use badge_rules::{api, Options};
/// let doc = br#"{"kind": "badgesQuery", "request": {"limit": 0}}"#;
/// let mut out = b"before\n".to_vec();
/// api::answer_line_into(doc, &Options::default(), &mut out);
/// assert_eq!(out, [&b"before\n"[..], api::answer_line(doc, &Options::default()).as_bytes()].concat());
/// ```
pub fn answer_line_into(bytes: &[u8], options: &Options, out: &mut Vec<u8>) {
    match check_bytes(bytes, options) {
        Ok(report) => write_line(&report, out),
        Err(err) => out.extend_from_slice(error_line_in(&err, options.lang).as_bytes()),
    }
}

/// `value` as one line of JSON appended to `out`; nothing when it cannot be
/// written (as `to_string(..).unwrap_or_default()` gives an empty line).
pub(crate) fn write_line<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    let before = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(before);
    }
}

/// The report as one line of JSON: `serde_json::to_string` of it.
///
/// ```
/// use badge_rules::{api, check_json, Options};
/// let report = check_json(r#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#, &Options::default()).unwrap();
/// assert_eq!(
///     api::report_line(&report),
///     r#"{"verdict":"ACCEPT","violations":[],"skipped":[],"warnings":[],"hints":{"bargain":null}}"#,
/// );
/// ```
pub fn report_line(report: &Report) -> String {
    // A report holds strings, maps with string keys and plain enums only:
    // writing it cannot fail.
    serde_json::to_string(report).unwrap_or_default()
}

/// An input error as one line of JSON: `{"error": {"kind", "path", "message", ...}}`.
///
/// ```
/// use badge_rules::{api, check_json, Options};
/// let err = check_json(r#"{"kind": "nope"}"#, &Options::default()).unwrap_err();
/// assert!(api::error_line(&err).starts_with(r#"{"error":{"kind":"shape","code":"UNKNOWN_VALUE","path":"kind","message":"nope is not one of the allowed values: `application`"#));
/// ```
pub fn error_line(err: &InputError) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        error: &'a InputError,
    }
    serde_json::to_string(&Line { error: err }).unwrap_or_default()
}

/// [`error_line`] with the message in `lang`.
///
/// ```
/// use badge_rules::{api, check_json, Lang, Options};
/// let err = check_json(r#"{"kind": "application", "offer": {"stock": {"available": "many"}}}"#, &Options::default()).unwrap_err();
/// assert_eq!(
///     api::error_line_in(&err, Lang::Pl),
///     r#"{"error":{"kind":"shape","code":"WRONG_TYPE","path":"offer.stock.available","message":"oczekiwano: liczba całkowita; jest: tekst \"many\"","params":{"expected":"i64","found":"string \"many\""}}}"#,
/// );
/// ```
pub fn error_line_in(err: &InputError, lang: Lang) -> String {
    error_line(&err.localized(lang))
}
