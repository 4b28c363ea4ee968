//! A badge operation, as GET /sale/badge-operations/{operationId} returns it.

use serde::{Deserialize, Serialize};

use super::application::ProcessStatus;
use super::reference::IdRef;
use crate::period::Instant;

/// One of the caller's badge operations.
///
/// ```
/// use badge_rules::document::{Operation, RequestStatus};
/// let operation: Operation = serde_json::from_str(r#"{
///     "id": "154179f0-ed4c-4b84-9260-302d2dec3801", "createdAt": "2019-05-16T12:49:17.347Z",
///     "campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"},
///     "process": {"status": "PROCESSED"}
/// }"#).unwrap();
/// assert_eq!(operation.process.status, RequestStatus::Processed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    /// Operation id.
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
