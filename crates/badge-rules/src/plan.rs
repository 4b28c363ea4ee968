//! Planning a campaign over a whole catalogue: for every offer and campaign,
//! the bargain price to propose, the report of the application with that
//! price, and the exact POST /sale/badges body when Allegro would accept it.
//!
//! Allegro answers one application at a time and offers no dry run; a seller
//! asks "which of my offers can join BARGAIN, at what price?". A plan reads
//! what every offer shares once (the [`PlanContext`]: `now`, the campaigns,
//! the account, the terms, the badges and applications of every offer) and
//! then each offer as Allegro returns it (a GET /sale/offers page, a GET
//! /sale/product-offers/{id} resource, or `{"offer", "metrics"}`), and answers
//! one [`Outcome`] per (offer, campaign).
//!
//! The report of a pair is, by construction, the report
//! [`check`](crate::check) gives for the pair's application document, which
//! docs/PLAN.md defines: the context's campaigns, account, terms, `now`, the
//! offer as given, its metrics, its own badges and applications, and the
//! request `{campaign: {id}, offer: {id}, prices: {bargain}}` with the
//! proposed price. The price comes from the bargain range the price rules
//! leave (`hints.bargain`, the same range with or without a price) by a
//! [`PriceRule`].
//!
//! No file, no thread, no clock: the adapters read the inputs, cut them into
//! items and spread the items over threads (a [`Planner`] per thread).
//!
//! ```
//! use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
//! use badge_rules::{Options, Verdict};
//!
//! let context = PlanContext::from_json(r#"{
//!   "now": "2026-11-23T12:00:00Z",
//!   "campaigns": {"badgeCampaigns": [{"id": "BARGAIN", "type": "DISCOUNT",
//!     "marketplace": {"id": "allegro-pl"}, "eligibility": {"eligible": true},
//!     "application": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"}}]},
//!   "account": {"id": "42", "company": true, "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true},
//!   "badges": {"badges": []},
//!   "applications": {"badgeApplications": []}
//! }"#).unwrap();
//! let mut planner = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
//! let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}},
//!   "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
//!   "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
//! let outcomes = planner.item(line, 1);
//! let Outcome::Pair(pair) = &outcomes[0] else { panic!("{outcomes:?}") };
//! assert_eq!((pair.offer_id.as_str(), pair.campaign_id.as_str()), ("7001", "BARGAIN"));
//! assert_eq!(pair.report.verdict, Verdict::Accept);
//! // The highest price the ladder lets pass: 1 % below M.
//! assert_eq!(pair.proposed_bargain.as_ref().unwrap().amount, "198.00");
//! assert!(pair.body.is_some());
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::document::{
    Account, Application, Badge, Campaign, Document, IdRef, Kind, Metrics, Offer,
};
use crate::error::{ErrorCode, InputError, Params, ShapeError};
use crate::locale::Label;
use crate::money::{from_grosze, parse_decimal, show_grosze};
use crate::period::{Instant, Period, PeriodType};
use crate::read::serde_text::shape_error;
use crate::report::{Report, Verdict};
use crate::rules::{self, range::floor_share};
use crate::terms::Terms;
use crate::{Lang, Options};

/// What every offer of a plan shares, read once: the plan's `--context`
/// file.
///
/// `campaigns` is a GET /sale/badge-campaigns response as it is
/// (`{"badgeCampaigns": [...]}`, or the list alone); `badges` and
/// `applications` are GET /sale/badges and GET /sale/badge-applications
/// responses as they are (`{"badges": [...]}`, `{"badgeApplications":
/// [...]}`), or JSON arrays of such pages, for every offer at once; `account`
/// and `terms` are the check document's; `campaignTerms` gives one campaign
/// its own terms (`{"BARGAIN": {...}}`, taking the place of `terms` for it).
/// Every field is optional, as in a check document: what is missing makes
/// the rules that need it skipped.
///
/// ```
/// use badge_rules::plan::PlanContext;
/// let context = PlanContext::from_json(r#"{"campaigns": {"badgeCampaigns": [{"id": "BARGAIN"}]},
///     "badges": [{"badges": [{"offer": {"id": "1"}, "campaign": {"id": "HIT"}, "process": {"status": "ACTIVE"}}]}, {"badges": []}]}"#).unwrap();
/// assert_eq!(context.campaigns().len(), 1);
/// assert_eq!(context.badges_of("1").map(|b| b.len()), Some(1));
/// assert_eq!(context.badges_of("2").map(|b| b.len()), Some(0));
/// assert!(context.applications_of("1").is_none()); // not given: the history rules are skipped
///
/// let err = PlanContext::from_json(r#"{"badges": {"badges": [{"offer": {"id": 1}}]}}"#).unwrap_err();
/// assert_eq!(err.path(), "badges.badges[0].offer.id");
/// ```
#[derive(Debug, Clone)]
pub struct PlanContext {
    now: Option<Instant>,
    campaigns: Option<Vec<Campaign>>,
    /// `campaigns` was the response object (paths `campaigns.badgeCampaigns[i]`).
    campaigns_response: bool,
    account: Option<Account>,
    terms: Option<Terms>,
    campaign_terms: BTreeMap<String, Terms>,
    badges: Option<Vec<Badge>>,
    /// The number of badges of each page, when `badges` was an array of pages.
    badge_pages: Option<Vec<usize>>,
    applications: Option<Vec<Application>>,
    badges_by_offer: BTreeMap<String, Vec<usize>>,
    applications_by_offer: BTreeMap<String, Vec<usize>>,
}

/// The context file's fields other than the lists, as read (the lists are
/// read from their own spans of the text, [`PlanContext::from_json`]).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawContext {
    #[serde(default)]
    now: Option<Instant>,
    #[serde(default)]
    account: Option<Account>,
    #[serde(default)]
    terms: Option<Terms>,
    #[serde(default)]
    campaign_terms: Option<BTreeMap<String, Terms>>,
}

/// GET /sale/badge-campaigns.
#[derive(Deserialize)]
struct CampaignsPage {
    #[serde(rename = "badgeCampaigns")]
    campaigns: Vec<Campaign>,
}

/// GET /sale/badges.
#[derive(Deserialize)]
struct BadgesPage {
    badges: Vec<Badge>,
}

/// GET /sale/badge-applications.
#[derive(Deserialize)]
struct ApplicationsPage {
    #[serde(rename = "badgeApplications")]
    applications: Vec<Application>,
}

/// The lists of the context: the campaigns (and whether they came as the
/// response object), the badges (and each page's size when they came as
/// pages), the applications.
#[derive(Default)]
struct Lists {
    campaigns: Option<(Vec<Campaign>, bool)>,
    badges: Option<(Vec<Badge>, Option<Vec<usize>>)>,
    applications: Option<Vec<Application>>,
}

/// What JSON value starts with `first`, as an error's `found` says it.
fn found(first: Option<u8>) -> &'static str {
    match first {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The first byte of JSON text, past whitespace.
fn first_byte(text: &str) -> Option<u8> {
    text.trim_start().bytes().next()
}

/// A value at `path` that must be an object and is not: WRONG_TYPE.
fn not_an_object(path: &str, first: Option<u8>) -> InputError {
    wrong_type(path, "an object", first)
}

/// A value at `path` that is not `expected`: WRONG_TYPE (built here, not by
/// a serde reader of its own: the npm package's size).
fn wrong_type(path: &str, expected: &str, first: Option<u8>) -> InputError {
    shape(
        path,
        ErrorCode::WrongType,
        [("expected", expected), ("found", found(first))],
    )
}

/// A shape error at `path`.
fn shape<const N: usize>(
    path: &str,
    code: ErrorCode,
    params: [(&'static str, &str); N],
) -> InputError {
    let params: Params = params
        .into_iter()
        .map(|(name, value)| (Cow::Borrowed(name), value.to_owned()))
        .collect();
    InputError::Shape(ShapeError::new(path.to_owned(), code, params))
}

/// Reads a `T` from `text`, the part of the context at `path`.
fn part<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, InputError> {
    serde_json::from_str(text).map_err(|err| {
        let error = shape_error(text, &err, "");
        let inner = error.path();
        let full = match inner.bytes().next() {
            None => path.to_owned(),
            Some(b'[') => format!("{path}{inner}"),
            Some(_) if path.is_empty() => inner.to_owned(),
            Some(_) => format!("{path}.{inner}"),
        };
        error.at_path(full)
    })
}

/// The top-level `(key, value text)` pairs of JSON text that is an object
/// (`None`: not an object). The text must be JSON.
fn top_level(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scan.whitespace();
    if scan.peek()? != b'{' {
        return None;
    }
    scan.pos += 1;
    let mut fields = Vec::new();
    loop {
        scan.whitespace();
        if scan.peek()? == b'}' {
            return Some(fields);
        }
        let (start, end) = scan.string()?;
        scan.whitespace();
        // The colon.
        scan.pos += 1;
        scan.whitespace();
        let value_start = scan.pos;
        scan.value()?;
        fields.push((text.get(start..end)?, text.get(value_start..scan.pos)?));
        scan.whitespace();
        match scan.peek()? {
            b',' => scan.pos += 1,
            _ => return Some(fields),
        }
    }
}

impl PlanContext {
    /// Reads the context from JSON text (a leading byte-order mark ignored).
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// assert!(PlanContext::from_json("{}").is_ok());
    /// assert_eq!(PlanContext::from_json("[]").unwrap_err().kind(), "shape");
    /// assert_eq!(PlanContext::from_json("{").unwrap_err().kind(), "syntax");
    /// ```
    ///
    /// # Errors
    ///
    /// An [`InputError`] naming the JSON path of the fault in the context.
    pub fn from_json(text: &str) -> Result<PlanContext, InputError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Syntax first: every part read below is then JSON.
        serde_json::from_str::<IgnoredAny>(text).map_err(|err| shape_error(text, &err, ""))?;
        let Some(fields) = top_level(text) else {
            return Err(not_an_object("", first_byte(text)));
        };
        let raw: RawContext = part(text, "")?;
        let mut lists = Lists::default();
        // Each list read from its own span, by the form its first byte
        // shows, with the check document's own derived readers: nothing
        // more in the npm package's module.
        for (key, value) in fields {
            match (key, first_byte(value)) {
                ("campaigns" | "badges" | "applications", Some(b'n')) => {}
                ("campaigns", Some(b'[')) => {
                    lists.campaigns = Some((part(value, "campaigns")?, false));
                }
                ("campaigns", _) => {
                    let page: CampaignsPage = part(value, "campaigns")?;
                    lists.campaigns = Some((page.campaigns, true));
                }
                ("badges", Some(b'[')) => {
                    let pages: Vec<BadgesPage> = part(value, "badges")?;
                    let sizes = pages.iter().map(|p| p.badges.len()).collect();
                    let all = pages.into_iter().flat_map(|p| p.badges).collect();
                    lists.badges = Some((all, Some(sizes)));
                }
                ("badges", _) => {
                    let page: BadgesPage = part(value, "badges")?;
                    lists.badges = Some((page.badges, None));
                }
                ("applications", Some(b'[')) => {
                    let pages: Vec<ApplicationsPage> = part(value, "applications")?;
                    let all = pages.into_iter().flat_map(|p| p.applications).collect();
                    lists.applications = Some(all);
                }
                ("applications", _) => {
                    let page: ApplicationsPage = part(value, "applications")?;
                    lists.applications = Some(page.applications);
                }
                _ => {}
            }
        }
        Ok(PlanContext::from_parts(raw, lists))
    }

    /// [`PlanContext::from_json`] of bytes; bytes that are not UTF-8 are a
    /// syntax error.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// assert_eq!(PlanContext::from_bytes(b"{\"now\": \"\xff\"}").unwrap_err().kind(), "syntax");
    /// ```
    ///
    /// # Errors
    ///
    /// As [`PlanContext::from_json`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PlanContext, InputError> {
        PlanContext::from_json(crate::api::text_of(bytes)?)
    }

    fn from_parts(raw: RawContext, lists: Lists) -> PlanContext {
        let (campaigns, campaigns_response) = match lists.campaigns {
            Some((list, response)) => (Some(list), response),
            None => (None, false),
        };
        let (badges, badge_pages) = match lists.badges {
            Some((list, sizes)) => (Some(list), sizes),
            None => (None, None),
        };
        let applications = lists.applications;
        let mut badges_by_offer: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, badge) in badges.iter().flatten().enumerate() {
            badges_by_offer
                .entry(badge.offer.id.clone())
                .or_default()
                .push(i);
        }
        let mut applications_by_offer: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, application) in applications.iter().flatten().enumerate() {
            applications_by_offer
                .entry(application.offer.id.clone())
                .or_default()
                .push(i);
        }
        PlanContext {
            now: raw.now,
            campaigns,
            campaigns_response,
            account: raw.account,
            terms: raw.terms,
            campaign_terms: raw.campaign_terms.unwrap_or_default(),
            badges,
            badge_pages,
            applications,
            badges_by_offer,
            applications_by_offer,
        }
    }

    /// The campaigns the context lists (none when it has no `campaigns`).
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT"}]}"#).unwrap();
    /// assert_eq!(context.campaigns()[0].id, "HIT");
    /// ```
    pub fn campaigns(&self) -> &[Campaign] {
        self.campaigns.as_deref().unwrap_or_default()
    }

    /// The instant of the plan.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z"}"#).unwrap();
    /// assert_eq!(context.now().unwrap().to_string(), "2026-11-23T12:00:00Z");
    /// ```
    pub fn now(&self) -> Option<Instant> {
        self.now
    }

    /// The badges of one offer, in the context's order; `None` when the
    /// context has no `badges`.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"badges": {"badges": [
    ///     {"offer": {"id": "1"}, "campaign": {"id": "HIT"}, "process": {"status": "ACTIVE"}},
    ///     {"offer": {"id": "2"}, "campaign": {"id": "HIT"}, "process": {"status": "FINISHED"}}]}}"#).unwrap();
    /// assert_eq!(context.badges_of("2").unwrap()[0].campaign.id, "HIT");
    /// assert!(context.badges_of("3").unwrap().is_empty());
    /// ```
    pub fn badges_of(&self, offer_id: &str) -> Option<Vec<Badge>> {
        let all = self.badges.as_ref()?;
        Some(pick(all, self.badges_by_offer.get(offer_id)))
    }

    /// The applications of one offer, in the context's order; `None` when
    /// the context has no `applications`.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"applications": [{"badgeApplications": [
    ///     {"campaign": {"id": "HIT"}, "offer": {"id": "1"}, "process": {"status": "REQUESTED"}}]}]}"#).unwrap();
    /// assert_eq!(context.applications_of("1").unwrap().len(), 1);
    /// ```
    pub fn applications_of(&self, offer_id: &str) -> Option<Vec<Application>> {
        let all = self.applications.as_ref()?;
        Some(pick(all, self.applications_by_offer.get(offer_id)))
    }

    /// The terms a campaign's pair documents carry: its `campaignTerms`,
    /// else `terms`.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"terms": {"minStock": 1},
    ///     "campaignTerms": {"BARGAIN": {"minStock": 5}}}"#).unwrap();
    /// assert_eq!(context.terms_for("BARGAIN").unwrap().min_stock, Some(5));
    /// assert_eq!(context.terms_for("HIT").unwrap().min_stock, Some(1));
    /// ```
    pub fn terms_for(&self, campaign_id: &str) -> Option<&Terms> {
        self.campaign_terms.get(campaign_id).or(self.terms.as_ref())
    }

    /// The campaigns the context shows open for applications at `now`: the
    /// application period open (without `now`, `ALWAYS`) and not outside the
    /// visibility period.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z", "campaigns": [
    ///     {"id": "BARGAIN", "application": {"type": "ALWAYS"}},
    ///     {"id": "HIT", "application": {"type": "NEVER"}},
    ///     {"id": "LATER", "application": {"type": "SINCE", "from": "2026-12-01T00:00:00Z"}},
    ///     {"id": "UNKNOWN"}]}"#).unwrap();
    /// assert_eq!(context.open_campaigns(), ["BARGAIN"]);
    /// ```
    pub fn open_campaigns(&self) -> Vec<String> {
        let shown = |period: &Period| match self.now {
            Some(now) => period.is_open_at(now) == Ok(true),
            None => period.kind == PeriodType::Always,
        };
        self.campaigns()
            .iter()
            .filter(|c| c.application.as_ref().is_some_and(shown))
            .filter(|c| c.visibility.as_ref().is_none_or(shown))
            .map(|c| c.id.clone())
            .collect()
    }

    /// The JSON path in the context file of a path of a pair's document
    /// (`campaigns[0]...` is `campaigns.badgeCampaigns[0]...`, a badge's
    /// index is its page's and its place there).
    fn context_path(&self, path: &str, campaign_id: &str) -> String {
        if let Some(rest) = path.strip_prefix("campaigns[") {
            if self.campaigns_response {
                return format!("campaigns.badgeCampaigns[{rest}");
            }
        }
        if let Some(rest) = path.strip_prefix("badges[") {
            if let (Some(sizes), Some((index, tail))) = (&self.badge_pages, rest.split_once(']')) {
                if let Ok(mut i) = index.parse::<usize>() {
                    for (page, size) in sizes.iter().enumerate() {
                        if i < *size {
                            return format!("badges[{page}].badges[{i}]{tail}");
                        }
                        i -= size;
                    }
                }
            }
            return format!("badges.badges[{rest}");
        }
        if let Some(rest) = path.strip_prefix("terms") {
            if self.campaign_terms.contains_key(campaign_id) {
                return format!("campaignTerms.{campaign_id}{rest}");
            }
        }
        path.to_owned()
    }
}

/// The items of `all` at `indices`, cloned.
fn pick<T: Clone>(all: &[T], indices: Option<&Vec<usize>>) -> Vec<T> {
    indices
        .into_iter()
        .flatten()
        .filter_map(|i| all.get(*i).cloned())
        .collect()
}

/// Which bargain price a plan proposes, from the range of bargain prices
/// that pass every price rule that can be evaluated (`hints.bargain`).
///
/// ```
/// use badge_rules::plan::PriceRule;
/// assert_eq!("highest".parse(), Ok(PriceRule::Highest));
/// assert_eq!("discount=42.5".parse(), Ok(PriceRule::Discount(4250)));
/// assert!("discount=100".parse::<PriceRule>().is_err());
/// assert_eq!(PriceRule::Discount(4250).to_string(), "discount=42.5");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriceRule {
    /// The highest price in the range: the smallest discount that passes.
    #[default]
    Highest,
    /// The lowest price in the range.
    Lowest,
    /// N % below the market price M (in basis points: 4000 is 40 %),
    /// rounded down to the grosz, whether it passes or not.
    Discount(i128),
}

impl FromStr for PriceRule {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "highest" => Ok(PriceRule::Highest),
            "lowest" => Ok(PriceRule::Lowest),
            _ => {
                let n = text.strip_prefix("discount=").ok_or_else(|| {
                    format!("{text:?} is not a price rule: highest, lowest or discount=N")
                })?;
                let bp = parse_decimal(n, 2)
                    .map(crate::money::grosze)
                    .filter(|bp| *bp > 0 && *bp < 10_000)
                    .ok_or_else(|| {
                        format!("discount={n}: N is a percentage above 0 and below 100, with at most two decimals")
                    })?;
                Ok(PriceRule::Discount(bp))
            }
        }
    }
}

impl fmt::Display for PriceRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceRule::Highest => f.write_str("highest"),
            PriceRule::Lowest => f.write_str("lowest"),
            PriceRule::Discount(bp) => {
                let shown = show_grosze(*bp);
                let shown = shown.trim_end_matches('0').trim_end_matches('.');
                write!(f, "discount={shown}")
            }
        }
    }
}

/// Why a plan cannot start: nothing is answered then.
///
/// ```
/// use badge_rules::plan::{PlanContext, PlanError, Planner, PriceRule};
/// use badge_rules::Options;
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "X", "application": {"type": "NEVER"}}]}"#).unwrap();
/// let err = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap_err();
/// assert!(matches!(err, PlanError::NoOpenCampaign));
///
/// let context = PlanContext::from_json(r#"{"campaigns": {"badgeCampaigns": [{"id": "X", "publication": {"type": "WITHIN"}}]}}"#).unwrap();
/// let err = Planner::new(&context, &["X".into()], PriceRule::Highest, Options::default()).unwrap_err();
/// assert_eq!(err.to_string(), "campaigns.badgeCampaigns[0].publication.from: a WITHIN period needs `from`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanError {
    /// The context cannot be checked (its JSON path is the context file's).
    Context(InputError),
    /// No campaign was named and the context shows none open for applications.
    NoOpenCampaign,
}

impl PlanError {
    /// Its stable code: the input error's, or `NO_OPEN_CAMPAIGN`.
    ///
    /// ```
    /// use badge_rules::plan::PlanError;
    /// assert_eq!(PlanError::NoOpenCampaign.code(), "NO_OPEN_CAMPAIGN");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::Context(err) => err.code().as_str(),
            PlanError::NoOpenCampaign => "NO_OPEN_CAMPAIGN",
        }
    }

    /// Its message in `lang` (an input error's with its path first, as its
    /// `Display`).
    ///
    /// ```
    /// use badge_rules::{plan::PlanError, Lang};
    /// assert!(PlanError::NoOpenCampaign.message(Lang::Pl).starts_with("kontekst nie pokazuje"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::Context(err) => err.localized(lang).to_string(),
            PlanError::NoOpenCampaign => lang.label(Label::NoOpenCampaign).to_owned(),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PlanError {}

/// The answer for one (offer, campaign) pair, or for an input item that
/// cannot be read.
///
/// ```
/// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
/// use badge_rules::Options;
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Highest, Options::default()).unwrap();
/// // An offer priced in euros for a campaign in złoty: the pair's document cannot be checked.
/// let outcomes = planner.item(br#"{"id": "1", "sellingMode": {"price": {"amount": "9.00", "currency": "EUR"}}}"#, 7);
/// let Outcome::PairError { error, line, .. } = &outcomes[0] else { panic!() };
/// assert_eq!((error.path(), *line), ("offer.sellingMode.price.currency", 7));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// The pair's report, proposed price and body.
    Pair(Box<PlanLine>),
    /// The pair's document cannot be checked (context money of the offer
    /// in another currency than the campaign's, ...): the error
    /// [`check`](crate::check) gives for it.
    PairError {
        /// The offer.
        offer_id: String,
        /// The campaign.
        campaign_id: String,
        /// The line of the input where the offer starts.
        line: usize,
        /// The error, its path the document's.
        error: InputError,
    },
    /// An input item (or one offer of a page) that is not an offer page, an
    /// offer or `{"offer", "metrics"}`: its path is the item's
    /// (`offers[3].stock.available`).
    ItemError {
        /// The line of the input where the fault is.
        line: usize,
        /// The error.
        error: InputError,
    },
}

/// The answer for one (offer, campaign) pair.
///
/// ```
/// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
/// use badge_rules::{Options, Verdict};
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
/// let Outcome::Pair(pair) = &planner.item(br#"{"id": "1"}"#, 1)[0] else { panic!() };
/// // A STANDARD campaign takes no price; a report with skipped checks, no body.
/// assert_eq!((pair.report.verdict, pair.proposed_bargain.is_none(), pair.body.is_none()), (Verdict::Incomplete, true, true));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    /// The offer.
    pub offer_id: String,
    /// The campaign.
    pub campaign_id: String,
    /// The line of the input where the offer starts.
    pub line: usize,
    /// The report of the pair's document with the proposed price.
    pub report: Report,
    /// The bargain price proposed (`None`: none can be, and the request
    /// has no `prices`).
    pub proposed_bargain: Option<Price>,
    /// The exact POST /sale/badges body, when the report is `ACCEPT`.
    pub body: Option<Body>,
}

/// A request price: `{amount, currency}`.
///
/// ```
/// let price = badge_rules::plan::Price { amount: "99.00".into(), currency: "PLN".into() };
/// assert_eq!(serde_json::to_string(&price).unwrap(), r#"{"amount":"99.00","currency":"PLN"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Price {
    /// A decimal string with two fractional digits.
    pub amount: String,
    /// The campaign's currency.
    pub currency: String,
}

/// The body of POST /sale/badges a plan proposes, in Allegro's field order.
///
/// ```
/// use badge_rules::plan::{Body, Price};
/// let body = Body::new("BARGAIN", "7001", Some(Price { amount: "99.00".into(), currency: "PLN".into() }), Some(5));
/// assert_eq!(serde_json::to_string(&body).unwrap(),
///     r#"{"campaign":{"id":"BARGAIN"},"offer":{"id":"7001"},"prices":{"bargain":{"amount":"99.00","currency":"PLN"}},"declaredStock":{"quantity":5}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Body {
    /// `{id}` of the campaign.
    pub campaign: IdRef,
    /// `{id}` of the offer.
    pub offer: IdRef,
    /// `{bargain}`, when a price is proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<BodyPrices>,
    /// `{quantity}`: the offer's whole available stock, for a campaign that
    /// requires declared stock (`stockReservationIsRequired`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_stock: Option<DeclaredStock>,
}

/// `prices` of a [`Body`].
///
/// ```
/// use badge_rules::plan::{BodyPrices, Price};
/// let prices = BodyPrices { bargain: Price { amount: "1.00".into(), currency: "CZK".into() } };
/// assert_eq!(serde_json::to_string(&prices).unwrap(), r#"{"bargain":{"amount":"1.00","currency":"CZK"}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BodyPrices {
    /// The bargain price.
    pub bargain: Price,
}

/// `declaredStock` of a [`Body`].
///
/// ```
/// let stock = badge_rules::plan::DeclaredStock { quantity: 5 };
/// assert_eq!(serde_json::to_string(&stock).unwrap(), r#"{"quantity":5}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct DeclaredStock {
    /// The items declared.
    pub quantity: i64,
}

impl Body {
    /// The body for a campaign and an offer, with a bargain price and a
    /// declared quantity when given.
    ///
    /// ```
    /// let body = badge_rules::plan::Body::new("HIT", "7001", None, None);
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"campaign":{"id":"HIT"},"offer":{"id":"7001"}}"#);
    /// ```
    pub fn new(campaign: &str, offer: &str, bargain: Option<Price>, quantity: Option<i64>) -> Body {
        Body {
            campaign: IdRef {
                id: campaign.to_owned(),
            },
            offer: IdRef {
                id: offer.to_owned(),
            },
            prices: bargain.map(|bargain| BodyPrices { bargain }),
            declared_stock: quantity.map(|quantity| DeclaredStock { quantity }),
        }
    }
}

/// One planned campaign: the pair document every offer is put into.
#[derive(Debug, Clone)]
struct Template {
    id: String,
    /// The context shows the campaign with `stockReservationIsRequired: true`.
    stock_required: bool,
    document: Document,
}

/// Plans offers against the campaigns of a [`PlanContext`]: one per thread
/// (it is `Clone`), each answering the items it is given.
///
/// ```
/// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
/// use badge_rules::Options;
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}, {"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
/// let campaigns = ["BARGAIN".to_owned(), "HIT".to_owned()];
/// let mut planner = Planner::new(&context, &campaigns, PriceRule::Lowest, Options::default()).unwrap();
/// let page = br#"{"offers": [{"id": "1"}, {"id": "2"}, {"id": 3}], "count": 3}"#;
/// let outcomes = planner.item(page, 1);
/// assert_eq!(outcomes.len(), 5); // two offers by two campaigns, and the third offer's error
/// let Outcome::ItemError { error, .. } = &outcomes[4] else { panic!() };
/// assert_eq!(error.path(), "offers[2].id");
/// ```
#[derive(Debug, Clone)]
pub struct Planner<'c> {
    context: &'c PlanContext,
    price: PriceRule,
    options: Options,
    campaigns: Vec<Template>,
}

impl<'c> Planner<'c> {
    /// Plans `campaigns` (none: every campaign the context shows open for
    /// applications, [`PlanContext::open_campaigns`]) with the price `price`,
    /// messages in `options`' language.
    ///
    /// ```
    /// use badge_rules::plan::{PlanContext, Planner, PriceRule};
    /// use badge_rules::Options;
    /// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z", "campaigns": [
    ///     {"id": "BARGAIN", "application": {"type": "ALWAYS"}}, {"id": "HIT", "application": {"type": "NEVER"}}]}"#).unwrap();
    /// let open = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
    /// assert_eq!(open.campaign_ids().collect::<Vec<_>>(), ["BARGAIN"]);
    /// let named = Planner::new(&context, &["HIT".into(), "HIT".into()], PriceRule::Lowest, Options::default()).unwrap();
    /// assert_eq!(named.campaign_ids().collect::<Vec<_>>(), ["HIT"]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`PlanError::Context`] when a campaign's documents cannot be checked
    /// whatever the offer (a period without a bound its type needs, a
    /// duplicate campaign id, terms out of range), naming the path in the
    /// context; [`PlanError::NoOpenCampaign`].
    pub fn new(
        context: &'c PlanContext,
        campaigns: &[String],
        price: PriceRule,
        options: Options,
    ) -> Result<Planner<'c>, PlanError> {
        let ids = if campaigns.is_empty() {
            context.open_campaigns()
        } else {
            let mut ids: Vec<String> = Vec::new();
            for id in campaigns {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            ids
        };
        if ids.is_empty() {
            return Err(PlanError::NoOpenCampaign);
        }
        let mut templates = Vec::with_capacity(ids.len());
        for id in ids {
            let mut document = Document::new(Kind::Application);
            document.now = context.now;
            document.campaigns.clone_from(&context.campaigns);
            document.account.clone_from(&context.account);
            document.terms = context.terms_for(&id).cloned();
            // Whatever the offer: the context with every badge and application.
            let mut whole = document.clone();
            whole.badges.clone_from(&context.badges);
            whole.applications.clone_from(&context.applications);
            whole.request = Some(body_value(&Body::new(&id, "1", None, None)));
            if let Err(err) = crate::check(&whole, &options) {
                let path = context.context_path(err.path(), &id);
                return Err(PlanError::Context(err.at_path(path)));
            }
            let stock_required = context
                .campaigns()
                .iter()
                .any(|c| c.id == id && c.stock_reservation_is_required == Some(true));
            templates.push(Template {
                id,
                stock_required,
                document,
            });
        }
        Ok(Planner {
            context,
            price,
            options,
            campaigns: templates,
        })
    }

    /// The campaigns planned, in order (see [`Planner::new`]).
    pub fn campaign_ids(&self) -> impl Iterator<Item = &str> {
        self.campaigns.iter().map(|t| t.id.as_str())
    }

    /// The outcomes of one input item, given as bytes whose first line is
    /// line `line` of its input: a GET /sale/offers page (`{"offers": [...]}`,
    /// each offer by each campaign, in order), an offer resource, or
    /// `{"offer": {...}, "metrics": {...}}`.
    ///
    /// ```
    /// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
    /// use badge_rules::Options;
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
    /// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
    /// assert_eq!(planner.item(br#"{"offers": [{"id": "1"}, {"id": "2"}]}"#, 1).len(), 2);
    /// let broken = planner.item(b"{\"offers\": [\n  {\"id\": \"1\"}\n  {\"id\": \"2\"}]}", 40);
    /// let Outcome::ItemError { line, error } = &broken[0] else { panic!() };
    /// assert_eq!((*line, error.kind()), (42, "syntax"));
    /// ```
    pub fn item(&mut self, bytes: &[u8], line: usize) -> Vec<Outcome> {
        self.item_with(bytes, line, |_, metrics| metrics)
    }

    /// [`Planner::item`], each offer's metrics given by `metrics` from the
    /// offer and the metrics its item holds (a price ledger fills
    /// `priceHistory` here).
    ///
    /// ```
    /// use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
    /// use badge_rules::Options;
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
    /// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Highest, Options::default()).unwrap();
    /// let offer = br#"{"id": "1", "sellingMode": {"price": {"amount": "100.00", "currency": "PLN"}}}"#;
    /// let outcomes = planner.item_with(offer, 1, |_offer, _given| {
    ///     serde_json::from_str(r#"{"lowestPrice30Days": {"amount": "120.00", "currency": "PLN"}}"#).ok()
    /// });
    /// let Outcome::Pair(pair) = &outcomes[0] else { panic!() };
    /// assert_eq!(pair.proposed_bargain.as_ref().unwrap().amount, "100.00"); // at most the offer's price
    /// ```
    pub fn item_with(
        &mut self,
        bytes: &[u8],
        line: usize,
        mut metrics: impl FnMut(&Offer, Option<Metrics>) -> Option<Metrics>,
    ) -> Vec<Outcome> {
        let mut out = Vec::new();
        let text = match crate::api::text_of(bytes) {
            Ok(text) => text,
            Err(_) => {
                // Again, with the lines before it, to name the line of the input.
                let mut padded = vec![b'\n'; line.saturating_sub(1)];
                padded.extend_from_slice(bytes);
                if let Err(error) = crate::api::text_of(&padded) {
                    out.push(item_error(error, line));
                }
                return out;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match form(text) {
            Some(Form::Page(Ok(spans))) => {
                if let Err(err) = serde_json::from_str::<IgnoredAny>(text) {
                    out.push(located_error(text, &err, "", line, 1));
                    return out;
                }
                let mut at_line = line;
                let mut counted = 0;
                for (i, (start, end)) in spans.into_iter().enumerate() {
                    let before = text.get(counted..start).unwrap_or_default();
                    at_line += before.bytes().filter(|b| *b == b'\n').count();
                    counted = start;
                    let column = text
                        .get(..start)
                        .map_or(0, |t| t.len() - t.rfind('\n').map_or(0, |n| n + 1));
                    let span = text.get(start..end).unwrap_or_default();
                    let prefix = format!("offers[{i}]");
                    if first_byte(span) != Some(b'{') {
                        let error = not_an_object(&prefix, first_byte(span));
                        out.push(Outcome::ItemError {
                            line: at_line,
                            error,
                        });
                        continue;
                    }
                    match read::<Offer>(span, &prefix, at_line, column + 1) {
                        Ok(offer) => {
                            self.offer(offer, None, &prefix, at_line, &mut metrics, &mut out);
                        }
                        Err(outcome) => out.push(*outcome),
                    }
                }
            }
            Some(Form::Page(Err(first))) => {
                if let Err(err) = serde_json::from_str::<IgnoredAny>(text) {
                    out.push(located_error(text, &err, "", line, 1));
                } else {
                    let error = wrong_type("offers", "an array of offers", Some(first));
                    out.push(Outcome::ItemError { line, error });
                }
            }
            Some(Form::Line(b'{')) => match read::<OfferLine>(text, "", line, 1) {
                Ok(OfferLine {
                    offer,
                    metrics: given,
                }) => self.offer(offer, given, "offer", line, &mut metrics, &mut out),
                Err(outcome) => out.push(*outcome),
            },
            Some(Form::Line(first)) => {
                if let Err(err) = serde_json::from_str::<IgnoredAny>(text) {
                    out.push(located_error(text, &err, "", line, 1));
                } else {
                    let error = not_an_object("offer", Some(first));
                    out.push(Outcome::ItemError { line, error });
                }
            }
            Some(Form::Offer) => match read::<Offer>(text, "", line, 1) {
                Ok(offer) => self.offer(offer, None, "", line, &mut metrics, &mut out),
                Err(outcome) => out.push(*outcome),
            },
            Some(Form::NotObject) | None => {
                if let Err(err) = serde_json::from_str::<IgnoredAny>(text) {
                    out.push(located_error(text, &err, "", line, 1));
                } else {
                    let error = not_an_object("", first_byte(text));
                    out.push(Outcome::ItemError { line, error });
                }
            }
        }
        out
    }

    /// Every campaign's outcome for one offer (at `prefix` of its item,
    /// starting on `line`).
    fn offer(
        &mut self,
        offer: Offer,
        given: Option<Metrics>,
        prefix: &str,
        line: usize,
        metrics: &mut impl FnMut(&Offer, Option<Metrics>) -> Option<Metrics>,
        out: &mut Vec<Outcome>,
    ) {
        let Some(offer_id) = offer.id.clone() else {
            let path = if prefix.is_empty() {
                "id".to_owned()
            } else {
                format!("{prefix}.id")
            };
            let error = shape(&path, ErrorCode::MissingField, [("field", "id")]);
            out.push(Outcome::ItemError { line, error });
            return;
        };
        let mut slot = PairSlot {
            metrics: metrics(&offer, given),
            offer: Some(offer),
            badges: self.context.badges_of(&offer_id),
            applications: self.context.applications_of(&offer_id),
        };
        for template in &mut self.campaigns {
            out.push(plan_pair(
                template,
                &mut slot,
                &offer_id,
                line,
                self.price,
                &self.options,
            ));
        }
    }
}

/// `{"offer", "metrics"}`: an offer with the figures an integrator holds.
#[derive(Deserialize)]
struct OfferLine {
    offer: Offer,
    #[serde(default)]
    metrics: Option<Metrics>,
}

/// The parts of a pair's document that belong to the offer, moved into each
/// campaign's document in turn.
struct PairSlot {
    offer: Option<Offer>,
    metrics: Option<Metrics>,
    badges: Option<Vec<Badge>>,
    applications: Option<Vec<Application>>,
}

/// The outcome of one pair.
fn plan_pair(
    template: &mut Template,
    slot: &mut PairSlot,
    offer_id: &str,
    line: usize,
    price: PriceRule,
    options: &Options,
) -> Outcome {
    let document = &mut template.document;
    document.offer = slot.offer.take();
    document.metrics = slot.metrics.take();
    document.badges = slot.badges.take();
    document.applications = slot.applications.take();
    let answer = answer_pair(
        document,
        &template.id,
        template.stock_required,
        offer_id,
        price,
        options,
    );
    slot.offer = document.offer.take();
    slot.metrics = document.metrics.take();
    slot.badges = document.badges.take();
    slot.applications = document.applications.take();
    match answer {
        Ok((report, proposed_bargain, body)) => {
            let body = (report.verdict == Verdict::Accept).then_some(body);
            Outcome::Pair(Box::new(PlanLine {
                offer_id: offer_id.to_owned(),
                campaign_id: template.id.clone(),
                line,
                report,
                proposed_bargain,
                body,
            }))
        }
        Err(error) => Outcome::PairError {
            offer_id: offer_id.to_owned(),
            campaign_id: template.id.clone(),
            line,
            error,
        },
    }
}

/// The pair's report with the proposed price: the range first (from the
/// document without a price), the price by `rule`, then the check.
fn answer_pair(
    document: &mut Document,
    campaign_id: &str,
    stock_required: bool,
    offer_id: &str,
    rule: PriceRule,
    options: &Options,
) -> Result<(Report, Option<Price>, Body), InputError> {
    let quantity = stock_required
        .then(|| document.offer.as_ref()?.stock.as_ref()?.available)
        .flatten()
        .filter(|q| *q >= 1);
    let mut body = Body::new(campaign_id, offer_id, None, quantity);
    document.request = Some(body_value(&body));
    let proposed = {
        let ctx = rules::ApplicationContext::new(document)?;
        propose(&ctx, rule).map(|grosze| Price {
            amount: show_grosze(grosze),
            currency: ctx.currency.clone(),
        })
    };
    if let Some(price) = &proposed {
        body.prices = Some(BodyPrices {
            bargain: price.clone(),
        });
        document.request = Some(body_value(&body));
    }
    let report = crate::check(document, options)?;
    Ok((report, proposed, body))
}

/// The price `rule` proposes, in grosze, from the range the price rules
/// leave (`None`: no campaign to price, a `STANDARD` campaign, no upper end,
/// no price passes for `highest`/`lowest`, or no M for `discount=N`).
fn propose(ctx: &rules::ApplicationContext<'_>, rule: PriceRule) -> Option<i128> {
    let (low, high) = rules::bargain_range(ctx)?;
    let sendable = |g: i128| g >= 1 && from_grosze(g).is_some();
    match rule {
        PriceRule::Highest => (low <= high && sendable(low) && sendable(high)).then_some(high),
        PriceRule::Lowest => (low <= high && sendable(low) && sendable(high)).then_some(low),
        PriceRule::Discount(bp) => {
            let m = ctx.m.value().ok().flatten()?;
            Some(floor_share(m, 10_000 - bp)).filter(|g| sendable(*g))
        }
    }
}

/// A body as the document's `request`.
///
/// Built by hand rather than by `serde_json::to_value`, whose serializer
/// into a `Value` would be code of its own in the npm package's module.
fn body_value(body: &Body) -> Value {
    let id = |id: &str| {
        let mut map = serde_json::Map::new();
        map.insert("id".into(), Value::String(id.to_owned()));
        Value::Object(map)
    };
    let mut map = serde_json::Map::new();
    map.insert("campaign".into(), id(&body.campaign.id));
    map.insert("offer".into(), id(&body.offer.id));
    if let Some(prices) = &body.prices {
        let mut bargain = serde_json::Map::new();
        bargain.insert(
            "amount".into(),
            Value::String(prices.bargain.amount.clone()),
        );
        bargain.insert(
            "currency".into(),
            Value::String(prices.bargain.currency.clone()),
        );
        let mut p = serde_json::Map::new();
        p.insert("bargain".into(), Value::Object(bargain));
        map.insert("prices".into(), Value::Object(p));
    }
    if let Some(stock) = &body.declared_stock {
        let mut q = serde_json::Map::new();
        q.insert("quantity".into(), Value::from(stock.quantity));
        map.insert("declaredStock".into(), Value::Object(q));
    }
    Value::Object(map)
}

fn item_error(error: InputError, line: usize) -> Outcome {
    let line = match &error {
        InputError::Syntax(e) => e.line(),
        _ => line,
    };
    Outcome::ItemError { line, error }
}

/// Reads a `T` from `text` (at `prefix` of its item, starting at `line` and
/// `column` of the input), or the item error naming the path and line.
fn read<T: DeserializeOwned>(
    text: &str,
    prefix: &str,
    line: usize,
    column: usize,
) -> Result<T, Box<Outcome>> {
    serde_json::from_str::<T>(text)
        .map_err(|err| Box::new(located_error(text, &err, prefix, line, column)))
}

/// The item error of `err`, met reading `text`: a syntax error is read
/// again with `text` where it stands in the input, so that its line and
/// column are the input's; any other names the line serde stopped at.
fn located_error(
    text: &str,
    err: &serde_json::Error,
    prefix: &str,
    line: usize,
    column: usize,
) -> Outcome {
    let mut error = shape_error(text, err, prefix);
    // Every value read here is an object: anything else is wrong as a whole.
    if first_byte(text) != Some(b'{') && !matches!(error, InputError::Syntax(_)) {
        error = not_an_object(prefix, first_byte(text));
    }
    if let InputError::Syntax(_) = error {
        let mut padded = "\n".repeat(line.saturating_sub(1));
        padded.push_str(&" ".repeat(column.saturating_sub(1)));
        padded.push_str(text);
        if let Err(again) = serde_json::from_str::<IgnoredAny>(&padded) {
            return item_error(shape_error(&padded, &again, prefix), line);
        }
    }
    Outcome::ItemError {
        line: line + err.line().saturating_sub(1),
        error,
    }
}

/// What an input item is, from its top-level keys.
#[derive(Debug, PartialEq)]
enum Form {
    /// `{"offers": [...]}`: the spans of the offers (`Err`: `offers` is not
    /// an array, but a value starting with this byte).
    Page(Result<Vec<(usize, usize)>, u8>),
    /// `{"offer": ..., "metrics": ...}`, with the first byte of the offer.
    Line(u8),
    /// Any other object: an offer.
    Offer,
    /// Not an object.
    NotObject,
}

/// The form of `text`, found by one scan of its top level (`None`: the text
/// is not JSON, as far as the scan can tell).
fn form(text: &str) -> Option<Form> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scan.whitespace();
    if scan.peek()? != b'{' {
        return Some(Form::NotObject);
    }
    scan.pos += 1;
    let (mut offers, mut line) = (None, None);
    loop {
        scan.whitespace();
        if scan.peek()? == b'}' {
            break;
        }
        let (start, end) = scan.string()?;
        scan.whitespace();
        if scan.peek()? != b':' {
            return None;
        }
        scan.pos += 1;
        scan.whitespace();
        match text.get(start..end)? {
            "offers" if scan.peek()? == b'[' => offers = Some(Ok(scan.elements()?)),
            "offers" => {
                offers = Some(Err(scan.peek()?));
                scan.value()?;
            }
            "offer" => {
                line = scan.peek();
                scan.value()?;
            }
            _ => scan.value()?,
        }
        scan.whitespace();
        match scan.peek()? {
            b',' => scan.pos += 1,
            b'}' => break,
            _ => return None,
        }
    }
    Some(match (offers, line) {
        (Some(spans), _) => Form::Page(spans),
        (None, Some(first)) => Form::Line(first),
        (None, None) => Form::Offer,
    })
}

/// A scan of JSON text's structure: strings, containers and scalars skipped
/// whole, nothing decoded.
struct Scan<'t> {
    bytes: &'t [u8],
    pos: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// At a `"`: skips the string; the span of its contents.
    fn string(&mut self) -> Option<(usize, usize)> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let at = rest.iter().position(|b| *b == b'"' || *b == b'\\')?;
            self.pos += at;
            if self.peek()? == b'"' {
                let end = self.pos;
                self.pos += 1;
                return Some((start, end));
            }
            self.pos += 2;
        }
    }

    /// Skips one value.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
                (self.pos > start).then_some(())
            }
        }
    }

    /// At a `[`: the spans of its elements.
    fn elements(&mut self) -> Option<Vec<(usize, usize)>> {
        self.pos += 1;
        let mut spans = Vec::new();
        self.whitespace();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(spans);
        }
        loop {
            self.whitespace();
            let start = self.pos;
            self.value()?;
            spans.push((start, self.pos));
            self.whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(spans);
                }
                _ => return None,
            }
        }
    }
}

impl Outcome {
    /// The verdict of a pair (`None` for an error).
    ///
    /// ```
    /// use badge_rules::plan::{PlanContext, Planner, PriceRule};
    /// use badge_rules::{Options, Verdict};
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
    /// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
    /// let outcomes = planner.item(b"[1]\n", 3);
    /// assert_eq!((outcomes[0].verdict(), outcomes[0].line()), (None, 3));
    /// assert_eq!(planner.item(br#"{"id": "1"}"#, 1)[0].verdict(), Some(Verdict::Incomplete));
    /// ```
    pub fn verdict(&self) -> Option<Verdict> {
        match self {
            Outcome::Pair(line) => Some(line.report.verdict),
            _ => None,
        }
    }

    /// The line of the input the outcome belongs to (see [`Outcome::verdict`]).
    pub fn line(&self) -> usize {
        match self {
            Outcome::Pair(pair) => pair.line,
            Outcome::PairError { line, .. } | Outcome::ItemError { line, .. } => *line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_told_by_their_top_level_keys() {
        assert_eq!(
            form(r#"{"count": 2, "offers": [{"id": "1"}, {"id": "a\"}"}], "x": {"offers": 1}}"#),
            Some(Form::Page(Ok(vec![(24, 35), (37, 51)])))
        );
        assert_eq!(form(r#"{"offers": null}"#), Some(Form::Page(Err(b'n'))));
        assert_eq!(
            form(r#"{"metrics": {}, "offer": {"id": "1"}}"#),
            Some(Form::Line(b'{'))
        );
        assert_eq!(form(r#"{"offer": [1]}"#), Some(Form::Line(b'[')));
        assert_eq!(
            form(r#"{"id": "1", "stock": {"available": 3}}"#),
            Some(Form::Offer)
        );
        assert_eq!(form(r#"[{"id": "1"}]"#), Some(Form::NotObject));
        assert_eq!(form(r#"{"offers": [{"id": "1"}"#), None);
        assert_eq!(form(""), None);
    }
}
