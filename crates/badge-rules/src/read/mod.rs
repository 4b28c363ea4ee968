//! Reading a check document: JSON text to a [`Document`], and every fault to
//! an input error naming its JSON path.
//!
//! There is one deserializer, serde's derived one, with no path tracking: a
//! failure is located afterwards, from where in the text serde_json stopped
//! ([`locate`]), and its message is read from serde_json's error text
//! ([`serde_text`]). Bytes are text when they are UTF-8 ([`utf8`]): a file,
//! a line of an input, a plan's item.

pub mod json_scan;
pub(crate) mod locate;
pub(crate) mod serde_text;
pub(crate) mod utf8;

use crate::document::Document;
use crate::error::{ErrorCode, InputError, ParamMap, ShapeError};

/// Parses a check document from JSON text, naming the JSON path of any fault.
///
/// A leading byte-order mark is ignored.
///
/// ```
/// use badge_rules::parse_document;
/// let err = parse_document(r#"{"kind": "application", "campaigns": [{"id": 7}]}"#).unwrap_err();
/// assert_eq!(err.path(), "campaigns[0].id");
/// ```
///
/// # Errors
///
/// [`InputError::Syntax`] for text that is not JSON, [`InputError::Shape`] for
/// JSON of the wrong shape.
pub fn parse_document(text: &str) -> Result<Document, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde would read a JSON array as a struct's fields in order.
    if text.trim_start().starts_with('[')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(InputError::Shape(ShapeError::new(
            String::new(),
            ErrorCode::NotAnObject,
            ParamMap::new(),
        )));
    }
    read_document(text)
}

/// One deserializer, with no path tracking: a failure is located afterwards,
/// from where in the text serde_json stopped ([`locate`](crate::locate)).
fn read_document(text: &str) -> Result<Document, InputError> {
    serde_json::from_str::<Document>(text).map_err(|err| serde_text::shape_error(text, &err, ""))
}
