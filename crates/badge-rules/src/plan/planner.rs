//! The planner: the campaigns of a context planned over each input item.

use std::fmt;
use std::ops::Range;

use serde::de::IgnoredAny;

use super::body::{body_value, Body};
use super::context::PlanContext;
use super::faults::{first_byte, not_an_object, shape, wrong_type};
use super::items::{form, item_error, located_error, moved, read, Form, OfferLine};
use super::outcome::Outcome;
use super::pairs::{plan_pair, PairSlot, Template};
use super::prices::PriceRule;
use crate::document::{Document, Kind, Metrics, Offer};
use crate::error::{ErrorCode, InputError};
use crate::locale::Label;
use crate::read::utf8::text_of;
use crate::{Lang, Options};

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
    /// The context's part of every pair's document (see [`plan_pair`]).
    document: Document,
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
        // The context's part of every pair's document, held once: each
        // campaign brings only its id and terms (issue 22: a copy of every
        // campaign per campaign grew with the square of the campaigns).
        let mut document = Document::new(Kind::Application);
        document.now = context.now;
        document.campaigns.clone_from(&context.campaigns);
        document.account.clone_from(&context.account);
        // Whatever the offer: the context with every badge, application and
        // Allegro Prices entry, checked once per campaign.
        document.badges.clone_from(&context.badges);
        document.applications.clone_from(&context.applications);
        document.allegro_prices = context.allegro_prices();
        let stock_required: std::collections::BTreeSet<&str> = context
            .campaigns()
            .iter()
            .filter(|c| c.stock_reservation_is_required == Some(true))
            .map(|c| c.id.as_str())
            .collect();
        // The campaigns validated once: their faults do not depend on the
        // campaign planned, and each pair's check then skips them.
        if let Err(err) = crate::rules::context::validate_campaigns(&document) {
            let path = context.context_path(err.path(), "");
            return Err(PlanError::Context(err.at_path(path)));
        }
        let mut templates = Vec::with_capacity(ids.len());
        for id in ids {
            document.terms = context.terms_for(&id).cloned();
            document.request = Some(body_value(&Body::new(&id, "1", None, None)));
            let checked = crate::rules::planned_findings(&document, None);
            if let Err(err) = checked {
                let path = context.context_path(err.path(), &id);
                return Err(PlanError::Context(err.at_path(path)));
            }
            templates.push(Template {
                stock_required: stock_required.contains(id.as_str()),
                terms: document.terms.take(),
                id,
            });
        }
        document.request = None;
        document.badges = None;
        document.applications = None;
        document.allegro_prices = None;
        Ok(Planner {
            context,
            price,
            options,
            campaigns: templates,
            document,
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
    /// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}],
    ///     "terms": {"discount": {"minPercent": "0", "maxPercent": "100"}}}"#).unwrap();
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
        let text = match text_of(bytes) {
            Ok(text) => text,
            Err(error) => {
                // At the line of the input, not of the item.
                out.push(item_error(moved(error, line, 1), line));
                return out;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match form(text) {
            Some(Form::Page(Ok(spans))) => {
                // A fault in one offer is that offer's error, and the others
                // are planned (issue 22: it was the page's, and every offer
                // was lost); a fault elsewhere in the page is the page's.
                let page_fault = serde_json::from_str::<IgnoredAny>(text).err();
                let fault_at = page_fault.as_ref().map(|err| {
                    let start = text
                        .split_inclusive('\n')
                        .take(err.line().saturating_sub(1))
                        .map(str::len)
                        .sum::<usize>();
                    start + err.column()
                });
                if let (Some(err), Some(at)) = (&page_fault, fault_at) {
                    if !spans.iter().any(|s| s.start < at && at <= s.end + 1) {
                        out.push(located_error(text, err, "", line, 1));
                    }
                }
                let mut at_line = line;
                let mut counted = 0;
                // Where the line of the current offer starts in `text`.
                let mut line_start = 0;
                for (i, Range { start, end }) in spans.into_iter().enumerate() {
                    let before = text.get(counted..start).unwrap_or_default();
                    for (k, b) in before.bytes().enumerate() {
                        if b == b'\n' {
                            at_line += 1;
                            line_start = counted + k + 1;
                        }
                    }
                    counted = start;
                    let column = start - line_start;
                    let span = text.get(start..end).unwrap_or_default();
                    let prefix = format!("offers[{i}]");
                    if page_fault.is_some() {
                        if let Err(err) = serde_json::from_str::<IgnoredAny>(span) {
                            out.push(located_error(span, &err, &prefix, at_line, column + 1));
                            continue;
                        }
                    }
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
            allegro_prices: self.context.allegro_prices_of(&offer_id),
        };
        for template in &mut self.campaigns {
            out.push(plan_pair(
                template,
                &mut self.document,
                &mut slot,
                &offer_id,
                line,
                self.price,
                &self.options,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every campaign value the planner holds, in every document it keeps.
    fn campaigns_held(planner: &Planner<'_>) -> usize {
        // The templates hold no document of their own: only the shared one.
        let _: &[Template] = &planner.campaigns;
        planner.document.campaigns.as_ref().map_or(0, Vec::len)
    }

    /// A context of `n` open DISCOUNT campaigns.
    fn context(n: usize) -> PlanContext {
        let campaigns: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "C{i}", "type": "DISCOUNT", "marketplace": {{"id": "allegro-pl"}},
                    "application": {{"type": "ALWAYS"}}, "visibility": {{"type": "ALWAYS"}}}}"#
                )
            })
            .collect();
        PlanContext::from_json(&format!(
            r#"{{"now": "2026-11-23T12:00:00Z", "badges": {{"badges": []}},
            "terms": {{"discount": {{"minPercent": "10", "maxPercent": "50"}}}},
            "campaigns": {{"badgeCampaigns": [{}]}}}}"#,
            campaigns.join(",")
        ))
        .unwrap()
    }

    /// Issue 22: 1,000 campaigns x 20 offers took 935 MB, each campaign's
    /// document holding its own copy of every campaign. The planner holds
    /// the campaigns once, whatever their number; counted, not timed.
    #[test]
    fn campaigns_are_held_once_not_once_per_campaign() {
        let n = 2_000;
        let context = context(n);
        let mut planner =
            Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
        assert_eq!(planner.campaign_ids().count(), n);
        let mut pairs = 0;
        for offer in 0..5 {
            let item = format!(
                r#"{{"offer": {{"id": "{offer}", "sellingMode": {{"price": {{"amount": "100.00", "currency": "PLN"}}}}}},
                "metrics": {{"lowestPrice30Days": {{"amount": "100.00", "currency": "PLN"}}}}}}"#
            );
            pairs += planner.item(item.as_bytes(), offer + 1).len();
        }
        assert_eq!(pairs, n * 5);
        assert_eq!(campaigns_held(&planner), n);
    }

    /// The one pair of offer 7001 and BARGAIN, planned with `allegro_prices`
    /// (a context field's JSON, or none).
    fn bargain_pair(allegro_prices: Option<&str>) -> Box<super::super::outcome::PlanLine> {
        let field = allegro_prices.map_or(String::new(), |v| format!(r#", "allegroPrices": {v}"#));
        let context = PlanContext::from_json(&format!(
            r#"{{"now": "2026-11-23T12:00:00Z",
            "campaigns": [{{"id": "BARGAIN", "type": "DISCOUNT", "marketplace": {{"id": "allegro-pl"}},
              "eligibility": {{"eligible": true}}, "application": {{"type": "ALWAYS"}},
              "visibility": {{"type": "ALWAYS"}}, "publication": {{"type": "ALWAYS"}}}}],
            "account": {{"id": "42", "company": true, "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true}},
            "badges": {{"badges": []}}, "applications": {{"badgeApplications": []}},
            "terms": {{"discount": {{"minPercent": "0", "maxPercent": "100"}}}}{field}}}"#
        ))
        .unwrap();
        let mut planner =
            Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
        let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}},
            "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
            "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
        let mut outcomes = planner.item(line, 1);
        assert_eq!(outcomes.len(), 1);
        match outcomes.pop() {
            Some(Outcome::Pair(pair)) => pair,
            other => panic!("{other:?}"),
        }
    }

    /// Issue 20: the plan's context takes `allegroPrices` and gives each pair
    /// its offer's entries; without it BA24 is skipped naming it, the pair
    /// INCOMPLETE, its price and body still written (docs/PLAN.md).
    #[test]
    fn allegro_prices_in_the_context_decide_ba24() {
        use crate::report::Verdict;
        let discounted = |m: &str| {
            format!(
                r#"{{"offers": [{{"id": "7001", "marketplace": {{"id": "{m}"}},
                "actualPriceReduction": {{"sellerMaxDeclaredPercentage": "15.0"}}}}], "count": 1}}"#
            )
        };
        let absent = bargain_pair(None);
        assert_eq!(absent.report.verdict, Verdict::Incomplete);
        let skipped: Vec<_> = absent
            .report
            .skipped
            .iter()
            .map(|s| (s.code.as_str(), &*s.missing))
            .collect();
        assert_eq!(skipped, [("BA24", "allegroPrices")]);
        assert!(absent.report.skipped[0].message.contains("Allegro Prices"));
        assert!(absent.proposed_bargain.is_some() && absent.body.is_some());

        let empty = bargain_pair(Some(r#"{"offers": []}"#));
        assert_eq!(empty.report.verdict, Verdict::Accept);
        assert!(empty.body.is_some());

        let other_offer = bargain_pair(Some(&discounted("allegro-pl").replace("7001", "7002")));
        assert_eq!(other_offer.report.verdict, Verdict::Accept);

        for here in [
            discounted("allegro-pl"),
            format!("[{{\"offers\": []}}, {}]", discounted("allegro-pl")),
        ] {
            let pair = bargain_pair(Some(&here));
            assert_eq!(pair.report.verdict, Verdict::Reject, "{here}");
            assert_eq!(pair.report.violations[0].code.as_str(), "BA24");
            assert_eq!(
                pair.report.violations[0]
                    .params
                    .get("otherCampaignId")
                    .map(String::as_str),
                Some("ALLEGRO_PRICES")
            );
            assert!(pair.body.is_none());
        }

        let elsewhere = bargain_pair(Some(&discounted("allegro-cz")));
        assert_eq!(elsewhere.report.verdict, Verdict::Accept);

        // A page of the wrong shape: its path in the context.
        let err =
            PlanContext::from_json(r#"{"allegroPrices": [{"offers": [{"id": 7}]}]}"#).unwrap_err();
        assert_eq!(err.path(), "allegroPrices[0].offers[0].id");
    }

    /// Issue 22: an item that is not UTF-8 (a CP1250 export) or not JSON was
    /// read again padded with every line before it, so each cost the lines
    /// before it: reading was quadratic. An item at line 2^40 would need a
    /// terabyte of padding; it is answered at that line, reading only itself.
    #[test]
    fn a_bad_item_far_down_the_input_reads_only_itself() {
        let context =
            PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#)
                .unwrap();
        let mut planner = Planner::new(
            &context,
            &["HIT".into()],
            PriceRule::Highest,
            Options::default(),
        )
        .unwrap();
        let far = 1usize << 40;
        let cases: [(&[u8], usize, usize); 4] = [
            // CP1250 "ł" (0xb3) in a name: not UTF-8, at its byte.
            (b"{\"id\": \"1\", \"name\": \"p\xb3aszcz\"}", far, 23),
            (b"{\"id\": \"1\",\n \"name\": \"\xb3\"}", far + 1, 11),
            // Not JSON: serde's position, moved to the input's.
            (b"{\"id\": \"1\", \"stock\": {\"available\": 5,}}", far, 38),
            (
                b"{\"offers\": [\n {\"id\": \"1\"},\n {\"id\": tru}]}",
                far + 2,
                12,
            ),
        ];
        for (bytes, line, column) in cases {
            let outcomes = planner.item(bytes, far);
            let error = outcomes
                .iter()
                .find(|o| matches!(o, Outcome::ItemError { .. }));
            let Some(Outcome::ItemError { line: at, error }) = error else {
                panic!("{outcomes:?}");
            };
            let InputError::Syntax(syntax) = error else {
                panic!("{error:?}");
            };
            assert_eq!(
                (*at, syntax.line(), syntax.column()),
                (line, line, column),
                "{error}"
            );
        }
    }

    /// Issue 22: one broken value in a page made the whole page one error,
    /// and every offer of it was lost. The broken offer is its own error
    /// (its line and path), the others are planned; a fault outside the
    /// offers is the page's, and the offers are planned.
    #[test]
    fn a_broken_offer_of_a_page_loses_only_itself() {
        let context =
            PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#)
                .unwrap();
        let mut planner = Planner::new(
            &context,
            &["HIT".into()],
            PriceRule::Highest,
            Options::default(),
        )
        .unwrap();
        let what = |outcomes: &[Outcome]| -> Vec<String> {
            outcomes
                .iter()
                .map(|o| match o {
                    Outcome::Pair(p) => format!("pair {}", p.offer_id),
                    Outcome::ItemError { line, error } => {
                        format!("error {} line {line} {}", error.path(), error.kind())
                    }
                    other => format!("{other:?}"),
                })
                .collect()
        };
        let page = b"{\"offers\": [\n  {\"id\": \"1\"},\n  {\"id\": \"2\", \"stock\": {\"available\": 01}},\n  {\"id\": \"3\"}],\n \"count\": 3}";
        assert_eq!(
            what(&planner.item(page, 10)),
            ["pair 1", "error offers[1] line 12 syntax", "pair 3"]
        );
        let minified = br#"{"offers": [{"id": "1"}, {"id": tru}, {"id": "3"}, {"id": "4"}]}"#;
        assert_eq!(
            what(&planner.item(minified, 1)),
            [
                "pair 1",
                "error offers[1] line 1 syntax",
                "pair 3",
                "pair 4"
            ]
        );
        let elsewhere = b"{\"offers\": [{\"id\": \"1\"}],\n \"count\": tru}";
        assert_eq!(
            what(&planner.item(elsewhere, 1)),
            ["error  line 2 syntax", "pair 1"]
        );
    }
}
