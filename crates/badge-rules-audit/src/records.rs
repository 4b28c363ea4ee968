//! What the audit joins: a prediction (a check the integrator ran) and an
//! outcome (what Allegro answered), each reduced to the figures the audit
//! reads, with the place it was read from.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch (UTC).
pub type Millis = i64;

/// Where a record was read: the adapter's number for the file (an index
/// into its list of file names) and the 1-based line.
///
/// ```
/// use badge_rules_audit::Place;
/// let p = Place { file: 0, line: 3 };
/// assert!(p < Place { file: 0, line: 4 });
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Place {
    /// The file's index in the adapter's list.
    pub file: u32,
    /// The line (1-based).
    pub line: u64,
}

/// The engine's verdict, as predicted.
///
/// ```
/// use badge_rules_audit::Predicted;
/// assert_eq!(Predicted::Reject.as_str(), "REJECT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Predicted {
    /// Allegro would accept.
    Accept,
    /// A rule failed.
    Reject,
    /// No rule failed, some could not be checked.
    Incomplete,
}

impl Predicted {
    /// The report's spelling.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::Predicted::Incomplete.as_str(), "INCOMPLETE");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Predicted::Accept => "ACCEPT",
            Predicted::Reject => "REJECT",
            Predicted::Incomplete => "INCOMPLETE",
        }
    }
}

/// One check the integrator ran before submitting: an application (or a
/// badge update) of `offer` to `campaign` at `at`.
///
/// The fields are declared in the join's order, so the derived order sorts
/// predictions by offer, campaign and time.
///
/// ```
/// use badge_rules_audit::{Place, Predicted, Prediction};
/// let p = Prediction { offer: "1".into(), campaign: "BARGAIN".into(), at: Some(0),
///     place: Place::default(), verdict: Predicted::Accept, codes: vec![], skipped: vec![],
///     bargain: Some(8000), market: Some(10000), stock: None, currency: Some("PLN".into()) };
/// assert_eq!(p.discount_bp(None), Some(2000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Prediction {
    /// `request.offer.id` (or the path's `offerId`).
    pub offer: String,
    /// `request.campaign.id` (or the path's `campaignId`).
    pub campaign: String,
    /// The check's `now` (`None`: not given; it is then before every outcome).
    pub at: Option<Millis>,
    /// Where it was read.
    pub place: Place,
    /// The verdict.
    pub verdict: Predicted,
    /// The violation codes, in report order.
    pub codes: Vec<String>,
    /// The skipped codes, in report order.
    pub skipped: Vec<String>,
    /// The bargain price asked, in hundredths.
    pub bargain: Option<i64>,
    /// The document's M (`metrics.lowestPrice30Days`, else computed from
    /// `metrics.priceHistory`), in hundredths.
    pub market: Option<i64>,
    /// `offer.stock.available`.
    pub stock: Option<i64>,
    /// The bargain price's currency.
    pub currency: Option<String>,
}

impl Prediction {
    /// The discount asked, in basis points, floored: against `allegro_m`
    /// when given, else against the document's M.
    ///
    /// ```
    /// # use badge_rules_audit::{Place, Predicted, Prediction};
    /// let p = Prediction { offer: "1".into(), campaign: "C".into(), at: None, place: Place::default(),
    ///     verdict: Predicted::Accept, codes: vec![], skipped: vec![], bargain: Some(6001),
    ///     market: None, stock: None, currency: None };
    /// assert_eq!(p.discount_bp(Some(10000)), Some(3999));
    /// assert_eq!(p.discount_bp(None), None);
    /// ```
    pub fn discount_bp(&self, allegro_m: Option<i64>) -> Option<i64> {
        let m = allegro_m.or(self.market)?;
        let b = self.bargain?;
        if m <= 0 {
            return None;
        }
        Some(((i128::from(m) - i128::from(b)) * 10_000).div_euclid(i128::from(m)) as i64)
    }
}

/// Allegro's decision, as far as the outcome says.
///
/// ```
/// use badge_rules_audit::Status;
/// assert_eq!(Status::Accepted.as_str(), "PROCESSED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// PROCESSED (an application or an operation), or a badge ACTIVE,
    /// WAITING_FOR_PUBLICATION or FINISHED.
    Accepted,
    /// DECLINED, or refused at once with an HTTP error.
    Declined,
    /// Not decided yet (REQUESTED, IN_VERIFICATION, ...).
    Pending,
}

impl Status {
    /// The report's spelling: `PROCESSED`, `DECLINED`, `PENDING`.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::Status::Pending.as_str(), "PENDING");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "PROCESSED",
            Status::Declined => "DECLINED",
            Status::Pending => "PENDING",
        }
    }

    /// Is it final?
    ///
    /// ```
    /// assert!(!badge_rules_audit::Status::Pending.is_final());
    /// ```
    pub const fn is_final(self) -> bool {
        !matches!(self, Status::Pending)
    }
}

/// Which response an outcome comes from.
///
/// ```
/// use badge_rules_audit::Source;
/// assert_eq!(Source::Refusal.as_str(), "refusal");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// GET /sale/badge-applications (or one application).
    Application,
    /// GET /sale/badge-operations/{operationId}.
    Operation,
    /// An HTTP 4xx error envelope, with the request it answered.
    Refusal,
    /// GET /sale/badges.
    Badge,
}

impl Source {
    /// The report's spelling.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::Source::Badge.as_str(), "badge");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Application => "application",
            Source::Operation => "operation",
            Source::Refusal => "refusal",
            Source::Badge => "badge",
        }
    }
}

/// One thing Allegro said about an (offer, campaign) pair.
///
/// Declared in the join's order: offer, campaign, time.
///
/// ```
/// use badge_rules_audit::{Outcome, Place, Source, Status};
/// let o = Outcome { offer: "1".into(), campaign: "BARGAIN".into(), at: 10, source: Source::Application,
///     id: Some("a-1".into()), fetched_at: 20, place: Place::default(), status: Status::Declined,
///     codes: vec!["BA49".into()], bargain: Some(9000), market: None, starts: None, marketplace: None };
/// assert!(o.status.is_final());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Outcome {
    /// `offer.id`.
    pub offer: String,
    /// `campaign.id`.
    pub campaign: String,
    /// When the submission was made: `createdAt`, the request's time, or
    /// for a badge its `publication.from` (else when it was fetched).
    pub at: Millis,
    /// The response it comes from.
    pub source: Source,
    /// The application's or operation's id.
    pub id: Option<String>,
    /// When the response was fetched.
    pub fetched_at: Millis,
    /// Where it was read.
    pub place: Place,
    /// Allegro's decision.
    pub status: Status,
    /// The rejection codes (`process.rejectionReasons[].code`, the errors'
    /// `code`).
    pub codes: Vec<String>,
    /// `prices.bargain`, in hundredths.
    pub bargain: Option<i64>,
    /// `prices.market` of a badge: Allegro's own M, in hundredths.
    pub market: Option<i64>,
    /// A badge's `publication.from`: when the reduction started.
    pub starts: Option<Millis>,
    /// The marketplace of a badges page (its query's `marketplace.id`).
    pub marketplace: Option<String>,
}

/// A record that cannot be read: the JSON path and what is wrong (the
/// adapter adds the file and the line).
///
/// ```
/// let f = badge_rules_audit::Fault::at("badges[0].offer.id", "missing");
/// assert_eq!(f.to_string(), "badges[0].offer.id: missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fault {
    /// The JSON path (`""`: the document).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The line within the record, when the fault is a syntax error (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl Fault {
    /// A fault at `path`.
    ///
    /// ```
    /// assert_eq!(badge_rules_audit::Fault::at("", "x").line, None);
    /// ```
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Fault {
            path: path.into(),
            message: message.into(),
            line: None,
        }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Hundredths written as an amount: `12345` is `"123.45"`.
pub(crate) fn show(hundredths: i64) -> String {
    badge_rules::money::show_grosze(i128::from(hundredths))
}

/// Basis points written as a percentage: `4000` is `"40"`, `3950` `"39.5"`.
pub(crate) fn show_bp(bp: i64) -> String {
    badge_rules::money::from_grosze(i128::from(bp))
        .map(|d| d.normalize().to_string())
        .unwrap_or_default()
}

/// An RFC 3339 time as milliseconds.
pub(crate) fn millis(text: &str) -> Option<Millis> {
    text.parse::<badge_rules::period::Instant>()
        .ok()
        .map(|i| i.0.timestamp_millis())
}

/// Milliseconds as RFC 3339 UTC text.
pub(crate) fn time_text(ms: Millis) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| badge_rules::period::Instant(t.fixed_offset()).to_string())
        .unwrap_or_else(|| ms.to_string())
}
