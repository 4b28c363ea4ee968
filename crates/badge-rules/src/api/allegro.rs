//! Allegro's answer predicted ([`crate::response`]): what `badge-rules check
//! --format allegro` prints.

use super::check::error_line_in;
use crate::read::utf8::text_of;
use crate::response::{self, Response};
use crate::{InputError, Options};

/// Allegro's answer to a document given as bytes, predicted
/// ([`crate::response`]): what `badge-rules check --format allegro` prints.
///
/// ```
/// use badge_rules::{api, response::Outcome, Options};
/// let doc = br#"{"kind": "accountConsent", "request": {"status": "MAYBE"}}"#;
/// let response = api::allegro_response(doc, &Options::default()).unwrap();
/// assert_eq!((response.outcome, response.status), (Outcome::Error, Some(422)));
/// assert_eq!(response.body["errors"][0]["code"], "VALIDATION_ERROR");
/// ```
///
/// # Errors
///
/// Any [`InputError`] of [`check_bytes`](super::check_bytes).
pub fn allegro_response(bytes: &[u8], options: &Options) -> Result<Response, InputError> {
    let document = crate::parse_document(text_of(bytes)?)?;
    let report = crate::check(&document, options)?;
    Ok(response::predict(&document, &report, options))
}

/// [`allegro_line`], appended to `out` (what the CLI's `--jsonl --format
/// allegro` writes each line with).
///
/// ```
/// use badge_rules::{api, Options};
/// let doc = br#"{"kind": "accountConsent", "request": {"status": "MAYBE"}}"#;
/// let mut out = Vec::new();
/// api::allegro_line_into(doc, &Options::default(), &mut out);
/// assert_eq!(out, api::allegro_line(doc, &Options::default()).into_bytes());
/// ```
pub fn allegro_line_into(bytes: &[u8], options: &Options, out: &mut Vec<u8>) {
    match allegro_response(bytes, options) {
        Ok(response) => super::check::write_line(&response, out),
        Err(err) => out.extend_from_slice(error_line_in(&err, options.lang).as_bytes()),
    }
}

/// [`allegro_response`] as one line of JSON, or the input error's line.
///
/// ```
/// use badge_rules::{api, Options};
/// let line = api::allegro_line(br#"{"kind": "applicationLookup", "applicationId": "x", "account": {"company": true}}"#, &Options::default());
/// assert!(line.starts_with(r#"{"verdict":"REJECT","outcome":"error","request":"GET /sale/badge-applications/{applicationId}","status":404,"#));
/// ```
pub fn allegro_line(bytes: &[u8], options: &Options) -> String {
    match allegro_response(bytes, options) {
        Ok(response) => serde_json::to_string(&response).unwrap_or_default(),
        Err(err) => error_line_in(&err, options.lang),
    }
}
