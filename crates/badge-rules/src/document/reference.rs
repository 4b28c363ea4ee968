//! References as Allegro nests them in every resource: `{id}`.

use serde::{Deserialize, Serialize};

/// `{id}`, as Allegro nests references.
///
/// ```
/// let r: badge_rules::document::IdRef = serde_json::from_str(r#"{"id": "BARGAIN", "name": "x"}"#).unwrap();
/// assert_eq!(r.id, "BARGAIN");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct IdRef {
    /// The id.
    pub id: String,
}

/// `{id}` where the id may be absent.
///
/// ```
/// let r: badge_rules::document::OptionalIdRef = serde_json::from_str("{}").unwrap();
/// assert!(r.id.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct OptionalIdRef {
    /// The id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}
