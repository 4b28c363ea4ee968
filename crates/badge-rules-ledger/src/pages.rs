//! Allegro's responses, as the ledger reads them: told apart by their
//! content, checked whole before anything is written.
//!
//! - GET /sale/offers: `{"offers": [...], "count", "totalCount"}`;
//! - GET /sale/product-offers/{offerId}: one offer, `{"id", "sellingMode", ...}`;
//! - GET /sale/offer-events: `{"offerEvents": [...]}`;
//! - GET /sale/badges: `{"badges": [...]}` (the badges of the seller's
//!   offers on one marketplace, `query."marketplace.id"`);
//! - a recording line wrapping any of them: `{"fetchedAt": TIME, "response":
//!   {...}, "query": {"from", "type", "limit"}}` (`query`: the query
//!   parameters of an offer-events request, optional).
//!
//! ```
//! use badge_rules_ledger::pages::{parse, Content};
//!
//! let line = r#"{"fetchedAt": "2026-11-20T10:00:00Z", "response": {"offers": [
//!     {"id": "123", "sellingMode": {"price": {"amount": "99.90", "currency": "PLN"}},
//!      "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": "allegro-pl"}}}}
//! ], "count": 1, "totalCount": 1}}"#;
//! let page = parse(line, None).unwrap();
//! let Content::Snapshots(snapshots) = &page.content else { panic!() };
//! assert_eq!((snapshots[0].offer.as_str(), snapshots[0].price), ("123", 9990));
//! ```

use badge_rules::json_scan::{render, Step};
use badge_rules::money::{grosze, Amount, Marketplace};
use badge_rules::period::Instant;
use serde::Deserialize;

use crate::model::Millis;

/// One response, read and checked: what the ledger will write of it.
///
/// ```
/// use badge_rules_ledger::pages::parse;
/// let raw = r#"{"offerEvents": []}"#;
/// let page = parse(raw, Some(0)).unwrap();
/// assert_eq!(page.fetched_at, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// When it was fetched.
    pub fetched_at: Millis,
    /// `"response."` when the response is wrapped in a recording line, else
    /// `""`: the start of every JSON path into it.
    pub prefix: &'static str,
    /// What it says.
    pub content: Content,
}

/// What a response says.
///
/// ```
/// use badge_rules_ledger::pages::{parse, Content};
/// let page = parse(r#"{"offerEvents": []}"#, Some(0)).unwrap();
/// assert!(matches!(page.content, Content::Events(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Prices of offers (GET /sale/offers, GET /sale/product-offers/{offerId}).
    Snapshots(Vec<Snapshot>),
    /// A page of the event feed (GET /sale/offer-events).
    Events(EventPage),
    /// A page of GET /sale/badges: the badges of offers on one marketplace.
    Badges(Vec<BadgeRow>),
}

/// What a GET /sale/badges page says of one badge when it was fetched.
///
/// ```
/// use badge_rules_ledger::pages::{parse, Content};
/// let line = r#"{"fetchedAt": "2026-11-15T12:00:00Z", "query": {"marketplace.id": "allegro-pl"},
///     "response": {"badges": [{"offer": {"id": "1"}, "campaign": {"id": "BARGAIN"},
///     "publication": {"type": "WITHIN", "from": "2026-11-14T00:00:00Z", "to": "2026-11-18T00:00:00Z"},
///     "prices": {"bargain": {"amount": "86.61", "currency": "PLN"}, "market": {"amount": "102.98", "currency": "PLN"}},
///     "process": {"status": "ACTIVE", "rejectionReasons": []}}]}}"#;
/// let Content::Badges(badges) = parse(line, None).unwrap().content else { panic!() };
/// assert_eq!((badges[0].campaign.as_str(), badges[0].bargain), ("BARGAIN", Some(8661)));
/// assert_eq!(badges[0].market, Some(10298));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeRow {
    /// The offer id.
    pub offer: String,
    /// The marketplace (the query's `marketplace.id`, else the currency's).
    pub marketplace: Marketplace,
    /// `campaign.id`.
    pub campaign: String,
    /// `process.status`.
    pub status: crate::model::BadgeStatus,
    /// `prices.bargain`, in hundredths.
    pub bargain: Option<i64>,
    /// `prices.market`: Allegro's own market price, in hundredths.
    pub market: Option<i64>,
    /// `publication.from`.
    pub from: Option<Millis>,
    /// `publication.to`.
    pub to: Option<Millis>,
}

/// One offer's price when the response was fetched.
///
/// ```
/// use badge_rules_ledger::pages::Snapshot;
/// let s = Snapshot { offer: "1".into(), price: 100, currency: "PLN".into(),
///     marketplace: None, on_sale: true, path: "offers[0]".into(), additional: vec![] };
/// assert_eq!(s.price, 100);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The offer id.
    pub offer: String,
    /// `sellingMode.price`, in grosze.
    pub price: i64,
    /// Its currency.
    pub currency: String,
    /// `publication.marketplaces.base.id`, when given.
    pub marketplace: Option<Marketplace>,
    /// `publication.status` is `ACTIVE` (or not given).
    pub on_sale: bool,
    /// The JSON path of the offer in the response (`offers[3]`, `""`).
    pub path: String,
    /// `additionalMarketplaces.<id>.sellingMode.price`, in hundredths of
    /// that marketplace's currency, each with whether the offer is for sale
    /// there (for sale on its base marketplace, and its
    /// `publication.state` `APPROVED` or not given).
    pub additional: Vec<(Marketplace, i64, bool)>,
}

/// A page of the event feed: the events the ledger keeps, and what the page
/// says about the feed's coverage.
///
/// ```
/// use badge_rules_ledger::pages::{parse, Content};
/// let line = r#"{"fetchedAt": "2026-11-20T10:00:00Z", "query": {"from": "E1", "limit": 100},
///     "response": {"offerEvents": [{"id": "E2", "occurredAt": "2026-11-20T09:59:00Z",
///     "type": "OFFER_PRICE_CHANGED", "offer": {"id": "123"}}]}}"#;
/// let Content::Events(page) = parse(line, None).unwrap().content else { panic!() };
/// assert_eq!(page.from.as_deref(), Some("E1"));
/// assert!(!page.full && page.watches);
/// assert_eq!(page.events[0].offer, "123");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPage {
    /// `query.from`: the last event seen before this page.
    pub from: Option<String>,
    /// The first event's `occurredAt`.
    pub first_at: Option<Millis>,
    /// The last event's id and `occurredAt`.
    pub last: Option<(String, Millis)>,
    /// How many events the page lists (all types).
    pub count: u64,
    /// As many events as `query.limit` (more may follow), or the limit is
    /// unknown (a response without its query).
    pub full: bool,
    /// The query asked for every type the model reads (price changes, ends,
    /// activations): the page's stretch of the feed is watched.
    pub watches: bool,
    /// The events the model reads.
    pub events: Vec<Event>,
}

/// The kinds of event the ledger keeps.
///
/// ```
/// use badge_rules_ledger::pages::EventKind;
/// assert_eq!(EventKind::from_type("OFFER_ARCHIVED"), Some(EventKind::Ended));
/// assert_eq!(EventKind::from_type("OFFER_STOCK_CHANGED"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventKind {
    /// `OFFER_PRICE_CHANGED`.
    PriceChanged,
    /// `OFFER_ENDED` or `OFFER_ARCHIVED`.
    Ended,
    /// `OFFER_ACTIVATED`.
    Activated,
}

impl EventKind {
    /// The kind of an event `type`, when the ledger keeps it.
    ///
    /// ```
    /// use badge_rules_ledger::pages::EventKind;
    /// assert_eq!(EventKind::from_type("OFFER_ACTIVATED"), Some(EventKind::Activated));
    /// ```
    pub fn from_type(kind: &str) -> Option<Self> {
        match kind {
            "OFFER_PRICE_CHANGED" => Some(EventKind::PriceChanged),
            "OFFER_ENDED" | "OFFER_ARCHIVED" => Some(EventKind::Ended),
            "OFFER_ACTIVATED" => Some(EventKind::Activated),
            _ => None,
        }
    }

    /// The number stored for it.
    ///
    /// ```
    /// use badge_rules_ledger::pages::EventKind;
    /// assert_eq!(EventKind::from_code(EventKind::Ended.code()), Some(EventKind::Ended));
    /// ```
    pub const fn code(self) -> i64 {
        match self {
            EventKind::PriceChanged => 0,
            EventKind::Ended => 1,
            EventKind::Activated => 2,
        }
    }

    /// The kind stored as `code`.
    ///
    /// ```
    /// assert_eq!(badge_rules_ledger::pages::EventKind::from_code(9), None);
    /// ```
    pub const fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(EventKind::PriceChanged),
            1 => Some(EventKind::Ended),
            2 => Some(EventKind::Activated),
            _ => None,
        }
    }
}

/// One event the ledger keeps.
///
/// ```
/// use badge_rules_ledger::pages::{Event, EventKind};
/// let e = Event { id: "E1".into(), offer: "1".into(), at: 0, kind: EventKind::Ended, marketplaces: None };
/// assert_eq!(e.kind, EventKind::Ended);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Its id.
    pub id: String,
    /// The offer.
    pub offer: String,
    /// `occurredAt`.
    pub at: Millis,
    /// What happened.
    pub kind: EventKind,
    /// For a price change, the marketplaces it names (`offer.marketplaces[].id`,
    /// comma-separated); `None`: not given (taken as every marketplace).
    pub marketplaces: Option<String>,
}

/// A response the ledger cannot read: the JSON path of the fault (from the
/// document's root) and what is wrong, with the line and column serde_json
/// saw, when it saw one.
///
/// ```
/// use badge_rules_ledger::pages::parse;
/// let err = parse(r#"{"offers": [{"id": 5}]}"#, Some(0)).unwrap_err();
/// assert_eq!(err.path, "offers[0].id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// The JSON path (`""`: the document).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The line (1-based, in the document) serde_json stopped at, if known.
    pub line: Option<usize>,
}

impl PageError {
    fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        PageError {
            path: path.into(),
            message: message.into(),
            line: None,
        }
    }
}

// The documents, typed just enough; every other field is skipped.

#[derive(Deserialize)]
struct Doc {
    #[serde(rename = "fetchedAt")]
    fetched_at: Option<String>,
    response: Option<Box<Doc>>,
    query: Option<Query>,
    offers: Option<Vec<ListedOffer>>,
    count: Option<u64>,
    #[serde(rename = "totalCount")]
    total_count: Option<u64>,
    #[serde(rename = "offerEvents")]
    offer_events: Option<Vec<RawEvent>>,
    id: Option<String>,
    #[serde(rename = "sellingMode")]
    selling_mode: Option<SellingMode>,
    publication: Option<Publication>,
    #[serde(rename = "additionalMarketplaces")]
    additional: Option<std::collections::BTreeMap<String, Additional>>,
    badges: Option<Vec<RawBadge>>,
}

#[derive(Deserialize)]
struct Additional {
    #[serde(rename = "sellingMode")]
    selling_mode: Option<SellingMode>,
    publication: Option<AdditionalPublication>,
}

#[derive(Deserialize)]
struct AdditionalPublication {
    state: Option<String>,
}

#[derive(Deserialize)]
struct RawBadge {
    offer: IdOnly,
    campaign: IdOnly,
    publication: Option<BadgePublication>,
    prices: Option<BadgePrices>,
    process: BadgeProcess,
}

#[derive(Deserialize)]
struct BadgePublication {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Deserialize)]
struct BadgePrices {
    bargain: Option<Price>,
    market: Option<Price>,
}

#[derive(Deserialize)]
struct BadgeProcess {
    status: String,
}

#[derive(Deserialize)]
struct Query {
    #[serde(rename = "marketplace.id")]
    marketplace: Option<String>,
    from: Option<String>,
    #[serde(rename = "type")]
    types: Option<OneOrMany>,
    limit: Option<u64>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct ListedOffer {
    id: String,
    #[serde(rename = "sellingMode")]
    selling_mode: Option<SellingMode>,
    publication: Option<Publication>,
    #[serde(rename = "additionalMarketplaces")]
    additional: Option<std::collections::BTreeMap<String, Additional>>,
}

#[derive(Deserialize)]
struct SellingMode {
    price: Option<Price>,
}

#[derive(Deserialize)]
struct Price {
    amount: String,
    currency: String,
}

#[derive(Deserialize)]
struct Publication {
    status: Option<String>,
    marketplaces: Option<Marketplaces>,
}

#[derive(Deserialize)]
struct Marketplaces {
    base: Option<IdOnly>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

#[derive(Deserialize)]
struct RawEvent {
    id: String,
    #[serde(rename = "occurredAt")]
    occurred_at: String,
    #[serde(rename = "type")]
    kind: String,
    offer: Option<EventOffer>,
}

#[derive(Deserialize)]
struct EventOffer {
    id: Option<String>,
    marketplaces: Option<Vec<IdOnly>>,
}

/// An RFC 3339 time as milliseconds since the epoch (finer digits dropped).
///
/// ```
/// use badge_rules_ledger::pages::millis;
/// assert_eq!(millis("1970-01-01T00:00:01.5+00:00"), Some(1500));
/// assert_eq!(millis("yesterday"), None);
/// ```
pub fn millis(text: &str) -> Option<Millis> {
    text.parse::<Instant>().ok().map(|i| i.0.timestamp_millis())
}

/// Reads one document: a recording line, or a raw response fetched at `at`.
///
/// ```
/// use badge_rules_ledger::pages::parse;
/// // A raw response needs the time it was fetched.
/// assert_eq!(parse(r#"{"offerEvents": []}"#, None).unwrap_err().path, "");
/// ```
///
/// # Errors
///
/// A [`PageError`] naming the JSON path: not JSON, a field of the wrong
/// type, an amount that is not money, a time that is not RFC 3339, a count
/// that differs from the list, a currency that is not the marketplace's.
pub fn parse(text: &str, at: Option<Millis>) -> Result<Page, PageError> {
    let doc: Doc = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(_) => return Err(shape_error(text)),
    };
    if let Some(response) = doc.response {
        let fetched = doc
            .fetched_at
            .ok_or_else(|| PageError::at("fetchedAt", "a recording line needs `fetchedAt`"))?;
        let fetched_at = millis(&fetched).ok_or_else(|| {
            PageError::at(
                "fetchedAt",
                format!("{fetched:?} is not an RFC 3339 time with an offset"),
            )
        })?;
        return content(*response, doc.query, fetched_at, "response.").map(|content| Page {
            fetched_at,
            prefix: "response.",
            content,
        });
    }
    if doc.fetched_at.is_some() {
        return Err(PageError::at(
            "response",
            "a recording line needs `response`, the response it recorded",
        ));
    }
    let fetched_at = at.ok_or_else(|| {
        PageError::at(
            "",
            "a raw response needs --at (the time it was fetched), or a recording line {\"fetchedAt\", \"response\"}",
        )
    })?;
    content(doc, None, fetched_at, "").map(|content| Page {
        fetched_at,
        prefix: "",
        content,
    })
}

/// The path and message of a document serde could not read, found again
/// with path tracking (only for the faulty document, so reading stays fast).
fn shape_error(text: &str) -> PageError {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Doc>(&mut de) {
        Ok(_) => PageError::at("", "unreadable"),
        Err(err) => {
            let path = path_text(err.path());
            let inner = err.into_inner();
            let message = inner.to_string();
            // serde_json appends " at line L column C"; the line is kept apart.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_owned();
            PageError {
                path,
                message,
                line: Some(inner.line()),
            }
        }
    }
}

/// `offers[3].sellingMode`, from serde_path_to_error's path (its `.` root
/// as `""`).
fn path_text(path: &serde_path_to_error::Path) -> String {
    let steps: Vec<Step<'_>> = path
        .iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.into())),
            serde_path_to_error::Segment::Enum { variant } => Some(Step::Key(variant.into())),
            // Anything else names no place a person can find.
            _ => None,
        })
        .collect();
    render(&steps)
}

fn content(
    doc: Doc,
    query: Option<Query>,
    fetched_at: Millis,
    prefix: &'static str,
) -> Result<Content, PageError> {
    if let Some(offers) = doc.offers {
        if let Some(count) = doc.count {
            if count != offers.len() as u64 {
                return Err(PageError::at(
                    format!("{prefix}count"),
                    format!(
                        "count is {count} but the page lists {} offers: a page is recorded whole or not at all",
                        offers.len()
                    ),
                ));
            }
        }
        let _ = doc.total_count;
        let mut snapshots = Vec::with_capacity(offers.len());
        for (i, offer) in offers.into_iter().enumerate() {
            if let Some(s) = snapshot(offer, format!("{prefix}offers[{i}]"))? {
                snapshots.push(s);
            }
        }
        return Ok(Content::Snapshots(snapshots));
    }
    if let Some(events) = doc.offer_events {
        return events_page(events, query, fetched_at, prefix).map(Content::Events);
    }
    if let Some(badges) = doc.badges {
        return badges_page(badges, query, prefix).map(Content::Badges);
    }
    if let (Some(id), Some(selling_mode)) = (doc.id, doc.selling_mode) {
        let offer = ListedOffer {
            id,
            selling_mode: Some(selling_mode),
            publication: doc.publication,
            additional: doc.additional,
        };
        let path = prefix.strip_suffix('.').unwrap_or(prefix).to_owned();
        return Ok(Content::Snapshots(
            snapshot(offer, path)?.into_iter().collect(),
        ));
    }
    Err(PageError::at(
        prefix.strip_suffix('.').unwrap_or(prefix),
        "not a response the ledger reads: GET /sale/offers (`offers`), GET /sale/offer-events (`offerEvents`), GET /sale/badges (`badges`) or GET /sale/product-offers/{offerId} (`id` and `sellingMode`)",
    ))
}

/// `path.field`, or `field` at the root.
fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// The offer's price, or `None` when it shows none (an auction without a
/// buy-now price).
fn snapshot(offer: ListedOffer, path: String) -> Result<Option<Snapshot>, PageError> {
    if offer.id.is_empty() {
        return Err(PageError::at(join(&path, "id"), "an offer id is not empty"));
    }
    let Some(price) = offer.selling_mode.and_then(|s| s.price) else {
        return Ok(None);
    };
    let grosze = hundredths(&price.amount, &join(&path, "sellingMode.price.amount"))?;
    let publication = offer.publication;
    let base = publication
        .as_ref()
        .and_then(|p| p.marketplaces.as_ref())
        .and_then(|m| m.base.as_ref())
        .and_then(|b| b.id.as_deref());
    let marketplace = match base {
        None => None,
        Some(id) => Some(Marketplace::from_id(id).ok_or_else(|| {
            PageError::at(
                join(&path, "publication.marketplaces.base.id"),
                format!("{id:?} is not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"),
            )
        })?),
    };
    if let Some(m) = marketplace {
        if price.currency != m.currency() {
            return Err(PageError::at(
                join(&path, "sellingMode.price.currency"),
                format!(
                    "{} is not the currency of the offer's marketplace {} ({}): prices in two currencies are never mixed",
                    price.currency,
                    m.id(),
                    m.currency()
                ),
            ));
        }
    }
    let on_sale = publication
        .as_ref()
        .and_then(|p| p.status.as_deref())
        .is_none_or(|s| s == "ACTIVE");
    let mut additional = Vec::new();
    for (id, market) in offer.additional.into_iter().flatten() {
        let here = join(&path, &format!("additionalMarketplaces.{id}"));
        let Some(price) = market.selling_mode.and_then(|s| s.price) else {
            continue;
        };
        let Some(m) = Marketplace::from_id(&id) else {
            return Err(PageError::at(
                here,
                format!("{id:?} is not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"),
            ));
        };
        if Some(m) == marketplace {
            continue;
        }
        let amount = hundredths(&price.amount, &join(&here, "sellingMode.price.amount"))?;
        if price.currency != m.currency() {
            return Err(PageError::at(
                join(&here, "sellingMode.price.currency"),
                format!(
                    "{} is not the currency of {} ({}): prices in two currencies are never mixed",
                    price.currency,
                    m.id(),
                    m.currency()
                ),
            ));
        }
        let approved = market
            .publication
            .and_then(|p| p.state)
            .is_none_or(|s| s == "APPROVED");
        additional.push((m, amount, on_sale && approved));
    }
    Ok(Some(Snapshot {
        offer: offer.id,
        price: grosze,
        currency: price.currency,
        marketplace,
        on_sale,
        path,
        additional,
    }))
}

/// An amount of money as hundredths, or the fault at `path`.
fn hundredths(text: &str, path: &str) -> Result<i64, PageError> {
    let amount: Amount = text.parse().map_err(|_| {
        PageError::at(
            path,
            format!(
                "{text:?} is not an amount of money (a decimal string with at most two fractional digits, not negative)"
            ),
        )
    })?;
    i64::try_from(grosze(amount.0)).map_err(|_| PageError::at(path, "the amount is too large"))
}

/// A time of a badge page, or the fault at `path`.
fn badge_time(text: Option<&str>, path: &str) -> Result<Option<Millis>, PageError> {
    text.map(|t| {
        millis(t).ok_or_else(|| {
            PageError::at(
                path,
                format!("{t:?} is not an RFC 3339 time with an offset"),
            )
        })
    })
    .transpose()
}

/// A GET /sale/badges page: each badge with its marketplace (the query's
/// `marketplace.id`, else the currency of its prices), status, prices and
/// publication.
fn badges_page(
    raw: Vec<RawBadge>,
    query: Option<Query>,
    prefix: &str,
) -> Result<Vec<BadgeRow>, PageError> {
    let asked = match query.and_then(|q| q.marketplace) {
        None => None,
        Some(id) => Some(Marketplace::from_id(&id).ok_or_else(|| {
            PageError::at(
                "query.marketplace.id",
                format!("{id:?} is not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"),
            )
        })?),
    };
    let mut out = Vec::with_capacity(raw.len());
    for (i, b) in raw.into_iter().enumerate() {
        let path = format!("{prefix}badges[{i}]");
        let offer =
            b.offer.id.filter(|id| !id.is_empty()).ok_or_else(|| {
                PageError::at(format!("{path}.offer.id"), "a badge names its offer")
            })?;
        let campaign = b.campaign.id.filter(|id| !id.is_empty()).ok_or_else(|| {
            PageError::at(format!("{path}.campaign.id"), "a badge names its campaign")
        })?;
        let status = <crate::model::BadgeStatus as crate::model::StoredStatus>::from_status(&b.process.status).ok_or_else(|| {
            PageError::at(
                format!("{path}.process.status"),
                format!("{:?} is not a badge status (IN_VERIFICATION, WAITING_FOR_PUBLICATION, ACTIVE, FINISHED, DECLINED)", b.process.status),
            )
        })?;
        let prices = b.prices.unwrap_or(BadgePrices {
            bargain: None,
            market: None,
        });
        let mut marketplace = asked;
        let mut money = |price: Option<Price>, name: &str| -> Result<Option<i64>, PageError> {
            let Some(price) = price else { return Ok(None) };
            let here = format!("{path}.prices.{name}");
            let amount = hundredths(&price.amount, &format!("{here}.amount"))?;
            let by_currency = Marketplace::ALL
                .into_iter()
                .find(|m| m.currency() == price.currency);
            match (marketplace, by_currency) {
                (Some(m), _) if m.currency() != price.currency => Err(PageError::at(
                    format!("{here}.currency"),
                    format!(
                        "{} is not the currency of {} ({}): prices in two currencies are never mixed",
                        price.currency,
                        m.id(),
                        m.currency()
                    ),
                )),
                (Some(_), _) => Ok(Some(amount)),
                (None, Some(m)) => {
                    marketplace = Some(m);
                    Ok(Some(amount))
                }
                (None, None) => Err(PageError::at(
                    format!("{here}.currency"),
                    format!("{} is the currency of no marketplace the engine knows", price.currency),
                )),
            }
        };
        let bargain = money(prices.bargain, "bargain")?;
        let market = money(prices.market, "market")?;
        let publication = b.publication;
        let from = badge_time(
            publication.as_ref().and_then(|p| p.from.as_deref()),
            &format!("{path}.publication.from"),
        )?;
        let to = badge_time(
            publication.as_ref().and_then(|p| p.to.as_deref()),
            &format!("{path}.publication.to"),
        )?;
        let Some(marketplace) = marketplace else {
            // No price and no marketplace: nothing the ledger could use.
            continue;
        };
        out.push(BadgeRow {
            offer,
            marketplace,
            campaign,
            status,
            bargain,
            market,
            from,
            to,
        });
    }
    Ok(out)
}

/// The event types a page must have been asked for to count as watched.
const WATCHED_TYPES: [&str; 3] = ["OFFER_PRICE_CHANGED", "OFFER_ENDED", "OFFER_ACTIVATED"];

/// Allegro's default `limit` of GET /sale/offer-events.
const DEFAULT_LIMIT: u64 = 100;

fn events_page(
    raw: Vec<RawEvent>,
    query: Option<Query>,
    fetched_at: Millis,
    prefix: &str,
) -> Result<EventPage, PageError> {
    let count = raw.len() as u64;
    let mut events = Vec::new();
    let mut first_at = None;
    let mut last = None;
    for (i, event) in raw.into_iter().enumerate() {
        let path = format!("{prefix}offerEvents[{i}]");
        let at = millis(&event.occurred_at).ok_or_else(|| {
            PageError::at(
                format!("{path}.occurredAt"),
                format!(
                    "{:?} is not an RFC 3339 time with an offset",
                    event.occurred_at
                ),
            )
        })?;
        if at > fetched_at {
            return Err(PageError::at(
                format!("{path}.occurredAt"),
                "the event occurred after the page was fetched",
            ));
        }
        first_at.get_or_insert(at);
        last = Some((event.id.clone(), at));
        let Some(kind) = EventKind::from_type(&event.kind) else {
            continue;
        };
        // No `offer` is blamed at `offer`, the key that is missing; an
        // `offer` without an id (or with an empty one) at `offer.id`.
        let Some(offer) = event.offer.as_ref() else {
            return Err(PageError::at(
                format!("{path}.offer"),
                format!("a {} event names its offer", event.kind),
            ));
        };
        let Some(offer_id) = offer.id.clone().filter(|id| !id.is_empty()) else {
            return Err(PageError::at(
                format!("{path}.offer.id"),
                format!("a {} event names its offer", event.kind),
            ));
        };
        let marketplaces = match (kind, offer.marketplaces.as_ref()) {
            (EventKind::PriceChanged, Some(list)) if !list.is_empty() => Some(
                list.iter()
                    .filter_map(|m| m.id.as_deref())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            _ => None,
        };
        events.push(Event {
            id: event.id,
            offer: offer_id,
            at,
            kind,
            marketplaces,
        });
    }
    let (from, full, watches) = match query {
        Some(q) => {
            let watches = match &q.types {
                None => true,
                Some(OneOrMany::One(t)) => WATCHED_TYPES.iter().all(|w| w == t),
                Some(OneOrMany::Many(ts)) => {
                    WATCHED_TYPES.iter().all(|w| ts.iter().any(|t| t == w))
                }
            };
            let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
            (q.from, count >= limit, watches)
        }
        // A raw page: its `from` and `limit` are unknown, so it vouches only
        // for the stretch between its first and last events.
        None => (None, true, true),
    };
    Ok(EventPage {
        from,
        first_at,
        last,
        count,
        full,
        watches,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_responses_are_told_apart_by_their_content() {
        let offers = r#"{"offers": [], "count": 0, "totalCount": 0}"#;
        assert_eq!(
            parse(offers, Some(7)).unwrap().content,
            Content::Snapshots(vec![])
        );
        let product = r#"{"id": "55", "name": "x", "sellingMode": {"format": "BUY_NOW",
            "price": {"amount": "10", "currency": "CZK"}},
            "publication": {"status": "ENDED", "marketplaces": {"base": {"id": "allegro-cz"}}}}"#;
        let Content::Snapshots(s) = parse(product, Some(7)).unwrap().content else {
            panic!()
        };
        assert_eq!(s[0].price, 1000);
        assert!(!s[0].on_sale);
        assert_eq!(s[0].marketplace, Some(Marketplace::Cz));
        assert_eq!(s[0].path, "");
        let other = parse(r#"{"badgeCampaigns": []}"#, Some(7)).unwrap_err();
        assert_eq!(other.path, "");
        assert!(other.message.contains("not a response the ledger reads"));
    }

    #[test]
    fn faults_name_their_path() {
        let cases = [
            (
                r#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": "1.005", "currency": "PLN"}}}]}"#,
                "offers[0].sellingMode.price.amount",
            ),
            (
                r#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": "-1", "currency": "PLN"}}}]}"#,
                "offers[0].sellingMode.price.amount",
            ),
            (
                r#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": 1, "currency": "PLN"}}}]}"#,
                "offers[0].sellingMode.price.amount",
            ),
            (
                r#"{"offers": [{"id": "1", "sellingMode": {"price": {"amount": "1", "currency": "EUR"}}, "publication": {"marketplaces": {"base": {"id": "allegro-pl"}}}}]}"#,
                "offers[0].sellingMode.price.currency",
            ),
            (
                r#"{"offers": [{"id": "1", "publication": {"marketplaces": {"base": {"id": "allegro-de"}}}, "sellingMode": {"price": {"amount": "1", "currency": "EUR"}}}]}"#,
                "offers[0].publication.marketplaces.base.id",
            ),
            (r#"{"offers": [], "count": 2}"#, "count"),
            (
                r#"{"offerEvents": [{"id": "E", "occurredAt": "noon", "type": "OFFER_ENDED", "offer": {"id": "1"}}]}"#,
                "offerEvents[0].occurredAt",
            ),
            (
                // No `offer`: the missing key itself (a fuzz find: it was
                // named one key below, at `offer.id`).
                r#"{"offerEvents": [{"id": "E", "occurredAt": "2026-01-01T00:00:00Z", "type": "OFFER_ENDED"}]}"#,
                "offerEvents[0].offer",
            ),
            (
                r#"{"offerEvents": [{"id": "E", "occurredAt": "2026-01-01T00:00:00Z", "type": "OFFER_ENDED", "offer": {}}]}"#,
                "offerEvents[0].offer.id",
            ),
            (
                r#"{"offerEvents": [{"id": "E", "occurredAt": "2026-01-01T00:00:00Z", "type": "OFFER_ENDED", "offer": {"id": ""}}]}"#,
                "offerEvents[0].offer.id",
            ),
            (
                r#"{"offerEvents": [{"id": "E", "type": "OFFER_ENDED"}]}"#,
                "offerEvents[0]",
            ),
        ];
        for (text, path) in cases {
            let err = parse(text, Some(i64::MAX / 2)).unwrap_err();
            assert_eq!(err.path, path, "{text}: {err:?}");
        }
        let line = r#"{"fetchedAt": "2026-01-01T00:00:00Z", "response": {"offers": [{"id": 1}]}}"#;
        assert_eq!(parse(line, None).unwrap_err().path, "response.offers[0].id");
        let err = parse("{\n  \"offers\": [\n    {\"id\": 7}\n  ]\n}", Some(0)).unwrap_err();
        assert_eq!((err.path.as_str(), err.line), ("offers[0].id", Some(3)));
    }

    #[test]
    fn an_event_page_vouches_for_what_its_query_asked() {
        let page = |query: &str| {
            let line = format!(
                r#"{{"fetchedAt": "2026-01-01T01:00:00Z", {query} "response": {{"offerEvents": [
                {{"id": "A", "occurredAt": "2026-01-01T00:10:00Z", "type": "OFFER_STOCK_CHANGED", "offer": {{"id": "1"}}}},
                {{"id": "B", "occurredAt": "2026-01-01T00:20:00Z", "type": "OFFER_PRICE_CHANGED",
                  "offer": {{"id": "1", "marketplaces": [{{"id": "allegro-pl", "changeType": "MANUAL"}}, {{"id": "allegro-cz"}}]}}}}]}}}}"#
            );
            let Content::Events(p) = parse(&line, None).unwrap().content else {
                panic!()
            };
            p
        };
        let all = page(r#""query": {"from": "Z", "limit": 1000},"#);
        assert_eq!((all.count, all.full, all.watches), (2, false, true));
        assert_eq!(all.events.len(), 1);
        assert_eq!(
            all.events[0].marketplaces.as_deref(),
            Some("allegro-pl,allegro-cz")
        );
        assert_eq!(all.last.as_ref().map(|l| l.0.as_str()), Some("B"));
        assert!(page(r#""query": {"limit": 2},"#).full);
        assert!(page(r#""query": {},"#).count < DEFAULT_LIMIT);
        assert!(!page(r#""query": {"type": ["OFFER_PRICE_CHANGED"]},"#).watches);
        assert!(page(r#""query": {"type": ["OFFER_ENDED", "OFFER_PRICE_CHANGED", "OFFER_ACTIVATED", "OFFER_ARCHIVED"]},"#).watches);
        assert!(page("").full);
    }
}
