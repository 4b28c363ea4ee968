//! A badge application, as GET /sale/badge-applications lists it
//! (`badgeApplications`), and the status an application or an operation
//! is in.

use serde::{Deserialize, Serialize};

use super::reference::IdRef;
use crate::period::Instant;

/// One of GET /sale/badge-applications → `badgeApplications`.
///
/// ```
/// use badge_rules::document::{Application, RequestStatus};
/// let application: Application = serde_json::from_str(r#"{
///     "id": "8a457b8f-627d-43cf-8806-f06f8d13c306", "createdAt": "2019-06-26T10:22:35.225Z",
///     "campaign": {"id": "BARGAIN"}, "offer": {"id": "6206378062"},
///     "process": {"status": "DECLINED", "rejectionReasons": [{"code": "BA1", "messages": []}]}
/// }"#).unwrap();
/// assert_eq!(application.offer.id, "6206378062");
/// assert_eq!(application.process.status, RequestStatus::Declined);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Instant>,
    /// The campaign.
    pub campaign: IdRef,
    /// The offer.
    pub offer: IdRef,
    /// Status.
    pub process: ProcessStatus,
}

/// `process` of an application or operation.
///
/// ```
/// use badge_rules::document::{ProcessStatus, RequestStatus};
/// let process: ProcessStatus =
///     serde_json::from_str(r#"{"status": "REQUESTED", "rejectionReasons": []}"#).unwrap();
/// assert_eq!(process.status, RequestStatus::Requested);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct ProcessStatus {
    /// Status.
    pub status: RequestStatus,
}

/// Status of an application or operation.
///
/// ```
/// use badge_rules::{check_json, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "applications": [{"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"},
///                       "process": {"status": "STATUS"}}]}"#;
/// let bb12 = |status| check_json(&doc.replace("STATUS", status), &Options::default()).unwrap()
///     .violations.iter().any(|v| v.code.as_str() == "BB12");
/// assert!(bb12("REQUESTED") && !bb12("DECLINED")); // only a pending application blocks another
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum RequestStatus {
    /// Waiting to be processed.
    Requested,
    /// Processed.
    Processed,
    /// Refused.
    Declined,
}
