//! The JSON interface, owned once: what every adapter prints and hands out.
//!
//! The CLI and the npm package are thin adapters over this module (as
//! cedar-policy's `ffi` module is for its CLI and WASM build): the report line
//! and the `{"error": {...}}` line of a check, byte for byte what `check
//! --format json`, `check --jsonl` and `checkJson` print; the catalogue entry
//! both list; the built-in campaigns both hand out.
//!
//! ```
//! use badge_rules::{api, Options};
//!
//! let line = api::answer_line(br#"{"kind": "applicationLookup", "applicationId": "x"}"#, &Options::default());
//! assert!(line.starts_with(r#"{"verdict":"REJECT","violations":[{"code":"BB8""#));
//! assert_eq!(
//!     api::answer_line(b"{", &Options::default()),
//!     r#"{"error":{"kind":"syntax","path":"","message":"EOF while parsing an object","line":1,"column":1}}"#,
//! );
//! ```

use std::borrow::Cow;

use serde::Serialize;

use crate::campaigns::{self, BUILT_IN};
use crate::catalogue::{self, Check};
use crate::error::SyntaxError;
use crate::report::Report;
use crate::{check_json, Code, InputError, Lang, Options};

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

/// The bytes as text; bytes that are not UTF-8 are a syntax error.
fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::Syntax(SyntaxError::new(
            "the text is not valid UTF-8",
            line,
            column,
        ))
    })
}

/// The one line that answers a document: its report ([`report_line`]) or its
/// input error ([`error_line`]), without a newline.
///
/// ```
/// use badge_rules::{api, Lang, Options};
/// let line = api::answer_line(br#"{"kind": "badgesQuery", "request": {"limit": 0}}"#, &Options { lang: Lang::Pl });
/// assert!(line.contains(r#""message":"Nieprawidłowa wartość parametru [limit].""#));
/// ```
pub fn answer_line(bytes: &[u8], options: &Options) -> String {
    match check_bytes(bytes, options) {
        Ok(report) => report_line(&report),
        Err(err) => error_line(&err),
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
/// assert!(api::error_line(&err).starts_with(r#"{"error":{"kind":"shape","path":"kind","message":"unknown variant `nope`"#));
/// ```
pub fn error_line(err: &InputError) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        error: &'a InputError,
    }
    serde_json::to_string(&Line { error: err }).unwrap_or_default()
}

/// One entry of the catalogue, as `badge-rules codes --format json` and the
/// npm package's `catalogue()` list it.
///
/// ```
/// use badge_rules::{api::catalogue, Code, Lang};
/// let entries = catalogue(Lang::En);
/// let bb13 = entries.iter().find(|e| e.code == Code::BB13).unwrap();
/// assert_eq!(
///     serde_json::to_string(bb13).unwrap(),
///     r#"{"code":"BB13","check":"server-only","reason":"rate limits are counted by Allegro's servers","text":"Too many requests from this account."}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct CatalogueEntry {
    /// The code.
    pub code: Code,
    /// `offline` (the engine decides it) or `server-only`.
    pub check: CheckKind,
    /// Why only Allegro's servers can decide it (server-only codes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Cow<'static, str>>,
    /// Allegro's text in the chosen language.
    pub text: Cow<'static, str>,
}

/// Who decides a code, as the catalogue entry writes it.
///
/// ```
/// assert_eq!(serde_json::to_string(&badge_rules::api::CheckKind::ServerOnly).unwrap(), r#""server-only""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CheckKind {
    /// The engine decides it from the check document.
    Offline,
    /// Only Allegro's servers can.
    ServerOnly,
}

/// Every code of the catalogue, in its order, with its texts in `lang`.
///
/// ```
/// use badge_rules::{api::catalogue, Lang};
/// assert_eq!(catalogue(Lang::Pl).len(), badge_rules::catalogue::ALL.len());
/// ```
pub fn catalogue(lang: Lang) -> Vec<CatalogueEntry> {
    catalogue::ALL
        .iter()
        .map(|row| CatalogueEntry {
            code: row.code,
            check: match row.check {
                Check::ServerOnly(_) => CheckKind::ServerOnly,
                _ => CheckKind::Offline,
            },
            reason: row.check.reason(lang).map(Cow::Borrowed),
            text: Cow::Borrowed(row.text(lang)),
        })
        .collect()
}

/// Every built-in campaign with its terms, named in `lang`.
///
/// ```
/// use badge_rules::{api::built_in_campaigns, Lang};
/// let all = built_in_campaigns(Lang::En);
/// assert_eq!(all[0].campaign.id, "SANDBOX_TEST_CAMPAIGN");
/// ```
pub fn built_in_campaigns(lang: Lang) -> Vec<campaigns::BuiltInCampaign> {
    BUILT_IN.iter().map(|c| c.entry(lang)).collect()
}
