//! The plan's context: what every offer shares, read once from its own
//! JSON text (each list from its own span) and looked up per offer.

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Deserialize;

use super::faults::{first_byte, not_an_object};
use super::items::top_level;
use crate::document::page::{ApplicationsPage, BadgesPage, CampaignsPage};
use crate::document::{Account, AllegroPrices, AllegroPricesOffer, Application, Badge, Campaign};
use crate::error::InputError;
use crate::period::{Instant, Period, PeriodType};
use crate::read::serde_text::shape_error;
use crate::read::utf8::text_of;
use crate::terms::Terms;

/// What every offer of a plan shares, read once: the plan's `--context`
/// file.
///
/// `campaigns` is a GET /sale/badge-campaigns response as it is
/// (`{"badgeCampaigns": [...]}`, or the list alone); `badges` and
/// `applications` are GET /sale/badges and GET /sale/badge-applications
/// responses as they are (`{"badges": [...]}`, `{"badgeApplications":
/// [...]}`), or JSON arrays of such pages, for every offer at once; `account`
/// and `terms` are the check document's; `campaignTerms` gives one campaign
/// its own terms (`{"BARGAIN": {...}}`, taking the place of `terms` for it);
/// `allegroPrices` is a POST /sale/allegro-prices/offers-queries response as
/// it is (`{"offers": [...]}`), or a JSON array of such pages: each pair's
/// document gets its offer's entries (BA24). Every field is optional, as in a check document: what is missing makes
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
/// assert!(context.allegro_prices_of("1").is_none()); // not given: BA24 cannot see Allegro Prices
///
/// let err = PlanContext::from_json(r#"{"badges": {"badges": [{"offer": {"id": 1}}]}}"#).unwrap_err();
/// assert_eq!(err.path(), "badges.badges[0].offer.id");
/// ```
#[derive(Debug, Clone)]
pub struct PlanContext {
    pub(super) now: Option<Instant>,
    pub(super) campaigns: Option<Vec<Campaign>>,
    /// `campaigns` was the response object (paths `campaigns.badgeCampaigns[i]`).
    campaigns_response: bool,
    pub(super) account: Option<Account>,
    terms: Option<Terms>,
    campaign_terms: BTreeMap<String, Terms>,
    pub(super) badges: Option<Vec<Badge>>,
    /// The number of badges of each page, when `badges` was an array of pages.
    badge_pages: Option<Vec<usize>>,
    pub(super) applications: Option<Vec<Application>>,
    badges_by_offer: BTreeMap<String, Vec<usize>>,
    applications_by_offer: BTreeMap<String, Vec<usize>>,
    /// The entries of every `allegroPrices` page, in order.
    allegro_prices: Option<Vec<AllegroPricesOffer>>,
    allegro_prices_by_offer: BTreeMap<String, Vec<usize>>,
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

/// The lists of the context: the campaigns (and whether they came as the
/// response object), the badges (and each page's size when they came as
/// pages), the applications.
#[derive(Default)]
struct Lists {
    campaigns: Option<(Vec<Campaign>, bool)>,
    badges: Option<(Vec<Badge>, Option<Vec<usize>>)>,
    applications: Option<Vec<Application>>,
    allegro_prices: Option<Vec<AllegroPricesOffer>>,
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
                ("campaigns" | "badges" | "applications" | "allegroPrices", Some(b'n')) => {}
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
                ("allegroPrices", Some(b'[')) => {
                    let pages: Vec<AllegroPrices> = part(value, "allegroPrices")?;
                    let all = pages.into_iter().flat_map(|p| p.offers).collect();
                    lists.allegro_prices = Some(all);
                }
                ("allegroPrices", _) => {
                    let page: AllegroPrices = part(value, "allegroPrices")?;
                    lists.allegro_prices = Some(page.offers);
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
        PlanContext::from_json(text_of(bytes)?)
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
        let allegro_prices = lists.allegro_prices;
        let mut allegro_prices_by_offer: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, entry) in allegro_prices.iter().flatten().enumerate() {
            allegro_prices_by_offer
                .entry(entry.id.clone())
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
            allegro_prices,
            allegro_prices_by_offer,
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

    /// The Allegro Prices entries of one offer, as the answer its pair's
    /// document carries (`{"offers": []}` when the context's answer does not
    /// list the offer: not discounted); `None` when the context has no
    /// `allegroPrices`.
    ///
    /// ```
    /// use badge_rules::plan::PlanContext;
    /// let context = PlanContext::from_json(r#"{"allegroPrices": [{"offers": [
    ///     {"id": "1", "marketplace": {"id": "allegro-pl"}, "actualPriceReduction": {"sellerMaxDeclaredPercentage": "15.0"}}]},
    ///     {"offers": [{"id": "1", "marketplace": {"id": "allegro-cz"}, "actualPriceReduction": null}]}]}"#).unwrap();
    /// assert_eq!(context.allegro_prices_of("1").unwrap().offers.len(), 2);
    /// assert!(context.allegro_prices_of("2").unwrap().offers.is_empty());
    /// ```
    pub fn allegro_prices_of(&self, offer_id: &str) -> Option<AllegroPrices> {
        let all = self.allegro_prices.as_ref()?;
        Some(AllegroPrices {
            offers: pick(all, self.allegro_prices_by_offer.get(offer_id)),
        })
    }

    /// The whole `allegroPrices` answer (every page's entries), as a check
    /// document carries it.
    pub(super) fn allegro_prices(&self) -> Option<AllegroPrices> {
        Some(AllegroPrices {
            offers: self.allegro_prices.clone()?,
        })
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
    pub(super) fn context_path(&self, path: &str, campaign_id: &str) -> String {
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
