//! Built-in campaigns: the campaigns the engine knows without a GET
//! /sale/badge-campaigns response, as one data table.
//!
//! Each [`BuiltIn`] row is a campaign as Allegro lists it (id, a name in each
//! language, type, marketplace, periods) and the terms of its regulations
//! (RULES.md §5). The CLI (`badge-rules terms --list`), the npm package
//! (`builtInCampaigns()`) and the form read this table; adding a built-in
//! campaign is one row of [`BUILT_IN`].
//!
//! ```
//! use badge_rules::campaigns::{find, BUILT_IN};
//! use badge_rules::Lang;
//!
//! let sandbox = find("SANDBOX_TEST_CAMPAIGN").unwrap();
//! assert_eq!(sandbox.name(Lang::Pl), "Kampania testowa sandboxa");
//! assert_eq!(sandbox.campaign(Lang::En).name.as_deref(), Some("Sandbox test campaign"));
//! assert_eq!(sandbox.terms().min_percent().unwrap().to_string(), "40");
//! assert_eq!(BUILT_IN.len(), 1);
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::{Campaign, CampaignType, Eligibility, OptionalIdRef};
use crate::locale::Lang;
use crate::money::{Marketplace, Percent};
use crate::period::{Period, PeriodType};
use crate::terms::{Discount, DiscountBase, Terms};

/// One built-in campaign.
///
/// ```
/// use badge_rules::campaigns::BUILT_IN;
/// assert!(BUILT_IN.iter().all(|c| !c.id.is_empty()));
/// ```
#[derive(Debug)]
pub struct BuiltIn {
    /// Allegro's campaign id.
    pub id: &'static str,
    /// Its name per language; a language without one shows the English name.
    names: &'static [(Lang, &'static str)],
    /// Its type.
    pub kind: CampaignType,
    /// Its marketplace.
    pub marketplace: Marketplace,
    /// When applications are accepted, the badge is shown, the campaign is listed.
    periods: [PeriodType; 3],
    /// Whether an application must declare stock.
    pub stock_reservation_is_required: bool,
    /// The terms of its regulations, over [`DEFAULT_TERMS`].
    terms: Terms,
}

/// The terms of any campaign, which a built-in campaign's own terms refine:
/// `minStock` 1, `requireCompanyAccount` true, discount base `MARKET`. The
/// discount's bounds are not set: they are unknown, and BA49 / BA50 are
/// skipped until the document's `terms` give them (RULES.md §5).
///
/// ```
/// use badge_rules::campaigns::DEFAULT_TERMS;
/// assert_eq!(DEFAULT_TERMS.min_stock, Some(1));
/// assert!(DEFAULT_TERMS.min_percent().is_none());
/// ```
pub const DEFAULT_TERMS: Terms = Terms {
    discount: Some(Discount {
        base: Some(DiscountBase::Market),
        min_percent: None,
        max_percent: None,
    }),
    min_stock: Some(1),
    require_company_account: Some(true),
    ..Terms::EMPTY
};

const fn percent(whole: u32) -> Option<Percent> {
    Some(Percent(Decimal::from_parts(whole, 0, 0, false, 0)))
}

/// Every built-in campaign.
pub static BUILT_IN: &[BuiltIn] = &[
    // Allegro's test environment: the sandbox accepts a discount of 40 % to
    // 60 % of the market price, inclusive, and refuses the rest.
    BuiltIn {
        id: "SANDBOX_TEST_CAMPAIGN",
        names: &[
            (Lang::En, "Sandbox test campaign"),
            (Lang::Pl, "Kampania testowa sandboxa"),
        ],
        kind: CampaignType::Discount,
        marketplace: Marketplace::Pl,
        periods: [PeriodType::Always, PeriodType::Always, PeriodType::Always],
        stock_reservation_is_required: false,
        terms: Terms {
            discount: Some(Discount {
                base: Some(DiscountBase::Market),
                min_percent: percent(40),
                max_percent: percent(60),
            }),
            ..Terms::EMPTY
        },
    },
];

/// The built-in campaign `id`, if there is one.
///
/// ```
/// assert!(badge_rules::campaigns::find("BARGAIN").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|c| c.id == id)
}

impl BuiltIn {
    /// Its name in `lang` (English when the table has none in `lang`).
    ///
    /// ```
    /// use badge_rules::{campaigns::BUILT_IN, Lang};
    /// assert_eq!(BUILT_IN[0].name(Lang::En), "Sandbox test campaign");
    /// ```
    pub fn name(&self, lang: Lang) -> &'static str {
        let of = |wanted: Lang| {
            self.names
                .iter()
                .find(|(l, _)| *l == wanted)
                .map(|(_, n)| *n)
        };
        of(lang).or_else(|| of(Lang::En)).unwrap_or(self.id)
    }

    /// The campaign as GET /sale/badge-campaigns lists it, named in `lang`.
    ///
    /// ```
    /// use badge_rules::{campaigns::BUILT_IN, Lang};
    /// let campaign = BUILT_IN[0].campaign(Lang::En);
    /// let json = serde_json::to_value(&campaign).unwrap();
    /// assert_eq!(json["type"], "DISCOUNT");
    /// assert_eq!(json["marketplace"]["id"], "allegro-pl");
    /// assert_eq!(json["application"]["type"], "ALWAYS");
    /// ```
    pub fn campaign(&self, lang: Lang) -> Campaign {
        let [application, publication, visibility] = self.periods.map(|kind| {
            Some(Period {
                kind,
                from: None,
                to: None,
            })
        });
        Campaign {
            id: self.id.to_owned(),
            name: Some(self.name(lang).to_owned()),
            kind: Some(self.kind),
            marketplace: Some(OptionalIdRef {
                id: Some(self.marketplace.id().to_owned()),
            }),
            eligibility: Some(Eligibility {
                eligible: true,
                refusal_reasons: Vec::new(),
            }),
            application,
            publication,
            visibility,
            stock_reservation_is_required: Some(self.stock_reservation_is_required),
        }
    }

    /// Its terms: its own over [`DEFAULT_TERMS`].
    ///
    /// ```
    /// let terms = badge_rules::campaigns::BUILT_IN[0].terms();
    /// assert_eq!((terms.min_stock, terms.max_percent().unwrap().to_string()), (Some(1), "60".into()));
    /// ```
    pub fn terms(&self) -> Terms {
        self.terms.clone().merged_over(DEFAULT_TERMS)
    }

    /// The campaign in `lang` and its terms, as adapters hand them out.
    ///
    /// ```
    /// use badge_rules::{campaigns::BUILT_IN, Lang};
    /// let entry = serde_json::to_value(BUILT_IN[0].entry(Lang::Pl)).unwrap();
    /// assert_eq!(entry["campaign"]["name"], "Kampania testowa sandboxa");
    /// assert_eq!(entry["terms"]["discount"]["minPercent"], "40");
    /// ```
    pub fn entry(&self, lang: Lang) -> BuiltInCampaign {
        BuiltInCampaign {
            campaign: self.campaign(lang),
            terms: self.terms(),
        }
    }
}

/// A built-in campaign as the CLI and the npm package hand it out:
/// `{campaign, terms}`.
///
/// ```
/// use badge_rules::{campaigns::BUILT_IN, Lang};
/// assert_eq!(BUILT_IN[0].entry(Lang::En).campaign.id, "SANDBOX_TEST_CAMPAIGN");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct BuiltInCampaign {
    /// The campaign, in Allegro's shape: it can be a check document's
    /// `campaigns` entry as it is.
    pub campaign: Campaign,
    /// Its built-in terms.
    pub terms: Terms,
}

/// The built-in terms of `campaign_id` (RULES.md §5): a built-in campaign's
/// ([`BUILT_IN`]), else the terms of
/// any campaign, `minStock` 1, `requireCompanyAccount` true and discount base
/// `MARKET`.
///
/// ```
/// use badge_rules::campaigns::built_in_terms;
/// let any = built_in_terms("BARGAIN");
/// assert_eq!(any.min_stock, Some(1));
/// assert_eq!(any.require_company_account, Some(true));
/// assert!(any.min_percent().is_none());
/// ```
pub fn built_in_terms(campaign_id: &str) -> Terms {
    find(campaign_id).map_or(DEFAULT_TERMS, |c| c.terms())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_campaign_is_named_in_english_and_unique() {
        for (i, c) in BUILT_IN.iter().enumerate() {
            assert!(c.names.iter().any(|(l, _)| *l == Lang::En), "{}", c.id);
            assert!(
                BUILT_IN.iter().skip(i + 1).all(|o| o.id != c.id),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn a_built_in_campaign_reads_back_as_a_document_campaign() {
        for c in BUILT_IN {
            let text = serde_json::to_string(&c.campaign(Lang::En)).unwrap();
            let back: Campaign = serde_json::from_str(&text).unwrap();
            assert_eq!(back, c.campaign(Lang::En));
        }
    }
}
