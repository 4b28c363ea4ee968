//! The seller account.

use serde::{Deserialize, Serialize};

use crate::money::Percent;

/// The seller account.
///
/// ```
/// use badge_rules::document::Account;
/// let account: Account = serde_json::from_str(r#"{"id": "43771234", "company": true,
///     "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true}"#).unwrap();
/// assert_eq!(account.positive_ratings_percent.unwrap().basis_points(), 9950);
/// // A rating is a decimal string, never a JSON number.
/// assert!(serde_json::from_str::<Account>(r#"{"positiveRatingsPercent": 99.5}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// Account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A Company account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<bool>,
    /// Positive ratings over the last 3 months, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_ratings_percent: Option<Percent>,
    /// Meets Allegro's quality criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets_quality_criteria: Option<bool>,
}
