//! Campaign terms: the rules of a campaign's regulations, as data (RULES.md §5).
//!
//! GET /sale/badge-campaigns does not say how deep a discount must be or how
//! many items an offer needs: those live in each campaign's regulations. A
//! [`Terms`] object carries them; every field is optional. Terms given in the
//! check document are merged over the built-in terms of the campaign field by
//! field ([`Terms::merged_over`]); a built-in campaign's terms are a row of
//! [`campaigns::BUILT_IN`](crate::campaigns::BUILT_IN), and
//! [`campaigns::built_in_terms`](crate::campaigns::built_in_terms) gives the
//! built-in terms of any campaign id (this module knows no campaign).
//!
//! ```
//! use badge_rules::campaigns::built_in_terms;
//! use badge_rules::terms::{DiscountBase, Terms};
//!
//! let sandbox = built_in_terms("SANDBOX_TEST_CAMPAIGN");
//! let discount = sandbox.discount.clone().unwrap();
//! assert_eq!(discount.base, Some(DiscountBase::Market));
//! assert_eq!(discount.min_percent.unwrap().to_string(), "40");
//!
//! let mine: Terms = serde_json::from_str(r#"{"minStock": 5}"#).unwrap();
//! let effective = mine.merged_over(sandbox);
//! assert_eq!(effective.min_stock, Some(5));
//! assert!(effective.discount.is_some());
//! ```

use serde::{Deserialize, Serialize};

use crate::money::{Money, Percent};

/// A campaign's terms. `None` means "not set": the built-in value, or no
/// such requirement, except for the discount's bounds, which are then
/// unknown ([`Discount`]).
///
/// ```
/// use badge_rules::terms::{Audience, Terms};
/// let terms: Terms = serde_json::from_str(
///     r#"{"minStock": 10, "audience": "BUSINESS_ONLY", "maxApplicationsPer24h": 3}"#,
/// ).unwrap();
/// assert_eq!((terms.min_stock, terms.max_applications_per_24h), (Some(10), Some(3)));
/// assert_eq!(terms.audience, Some(Audience::BusinessOnly));
/// assert!(terms.require_smart.is_none()); // not set
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Terms {
    /// The currency every request price must be in (overrides the marketplace's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// How deep the discount must be, and against what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Discount>,
    /// Caps a suggested market price at A or P (BA40, BA41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_market_price_cap: Option<DiscountBase>,
    /// Minimum `stock.available` (BA17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_stock: Option<i64>,
    /// The offer's condition must be New (BA43).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_new_condition: Option<bool>,
    /// The offer must be Smart! (BA42).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_smart: Option<bool>,
    /// Maximum age of the listing in calendar months (BA47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_offer_age_months: Option<u32>,
    /// Allowed categories (BA46); empty means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_ids: Option<Vec<String>>,
    /// Minimum items sold over the last 30 days (BA53).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sold_last_30_days: Option<i64>,
    /// The offer must be linked to a catalogue product (BA58).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_product_link: Option<bool>,
    /// Who the offer must be for (BA67, BA68).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// The campaign's product list (BA29–BA35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<ListedProduct>>,
    /// Subsidy bounds (BA71, BA72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy: Option<Subsidy>,
    /// The account must be a Company account (BB2); default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_company_account: Option<bool>,
    /// Minimum positive ratings over 3 months (BA22).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_positive_ratings_percent: Option<Percent>,
    /// Applications allowed per offer and campaign in 24 hours (BA45).
    #[serde(
        default,
        rename = "maxApplicationsPer24h",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_applications_per_24h: Option<u32>,
    /// May a badge's bargain price be changed (BA63)? Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bargain_editable: Option<bool>,
    /// May a badge be finished (BA76)? Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_allowed: Option<bool>,
}

/// `terms.discount`.
///
/// ```
/// use badge_rules::terms::{Discount, DiscountBase};
/// let discount: Discount =
///     serde_json::from_str(r#"{"base": "BASE_PRICE", "minPercent": "15"}"#).unwrap();
/// assert_eq!(discount.base, Some(DiscountBase::BasePrice));
/// assert_eq!(discount.min_percent.unwrap().basis_points(), 1500);
/// assert!(discount.max_percent.is_none());
/// ```
///
/// A bound not given is unknown, not "none" (RULES.md §5): the rule that
/// needs it is skipped. `"minPercent": "0"` states "no minimum" and
/// `"maxPercent": "100"` "no maximum".
///
/// ```
/// use badge_rules::{check_json, Options, Verdict};
/// let doc = |terms: &str| format!(r#"{{"kind": "application", "now": "2026-11-23T12:00:00Z",
///     "campaigns": [{{"id": "BARGAIN", "type": "DISCOUNT"}}],
///     "request": {{"campaign": {{"id": "BARGAIN"}}, "offer": {{"id": "12345678"}},
///                 "prices": {{"bargain": {{"amount": "100.00", "currency": "PLN"}}}}}},
///     "metrics": {{"lowestPrice30Days": {{"amount": "200.00", "currency": "PLN"}}}}{terms}}}"#);
/// let unknown = check_json(&doc(""), &Options::default()).unwrap();
/// let ladder: Vec<(&str, &str)> = unknown.skipped.iter()
///     .filter(|s| matches!(s.code.as_str(), "BA49" | "BA50"))
///     .map(|s| (s.code.as_str(), &*s.missing)).collect();
/// assert_eq!(ladder, [("BA49", "terms.discount.minPercent"), ("BA50", "terms.discount.maxPercent")]);
/// let partial = unknown.warnings.iter().find(|w| w.code.as_str() == "BARGAIN_HINT_PARTIAL").unwrap();
/// assert_eq!(partial.params.get("codes").map(String::as_str), Some("BA49, BA50"));
///
/// let stated = check_json(&doc(r#", "terms": {"discount": {"minPercent": "0", "maxPercent": "100"}}"#),
///     &Options::default()).unwrap();
/// assert!(stated.skipped.iter().all(|s| !matches!(s.code.as_str(), "BA49" | "BA50")));
/// assert!(stated.warnings.is_empty());
/// assert_ne!(unknown.verdict, Verdict::Accept);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    /// What the discount is measured against (default `MARKET`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<DiscountBase>,
    /// Minimum discount, percent, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_percent: Option<Percent>,
    /// Maximum discount, percent, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent: Option<Percent>,
}

/// What a discount is measured against.
///
/// ```
/// use badge_rules::{check_json, Options};
/// let doc = r#"{"kind": "application", "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}],
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"},
///                 "prices": {"bargain": {"amount": "90.01", "currency": "PLN"}}},
///     "terms": {"discount": {"base": "BASE_PRICE", "minPercent": "10"}},
///     "offer": {"sellingMode": {"price": {"amount": "100.00", "currency": "PLN"}}}}"#;
/// let report = check_json(doc, &Options::default()).unwrap();
/// assert_eq!(report.violations[0].code.as_str(), "BA39"); // 90.01 is less than 10 % off 100.00
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum DiscountBase {
    /// The market price M.
    Market,
    /// The offer's current price P.
    BasePrice,
    /// The offer's average selling price A.
    AverageSellingPrice,
}

/// Who an offer must be for.
///
/// ```
/// use badge_rules::{check_json, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "terms": {"audience": "CONSUMERS"},
///     "offer": {"id": "12345678", "b2b": {"buyableOnlyByBusiness": true}}}"#;
/// let report = check_json(doc, &Options::default()).unwrap();
/// assert!(report.violations.iter().any(|v| v.code.as_str() == "BA68")); // business-only offer
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Audience {
    /// No restriction.
    All,
    /// Business customers only (BA67 otherwise).
    BusinessOnly,
    /// Consumers: not business-only (BA68 otherwise).
    Consumers,
}

/// One row of a campaign's product list.
///
/// ```
/// use badge_rules::terms::ListedProduct;
/// let row: ListedProduct = serde_json::from_str(r#"{"ean": "5901234123457",
///     "maxPrice": {"amount": "99.99", "currency": "PLN"}, "minQuantity": 20}"#).unwrap();
/// assert_eq!(row.max_price.unwrap().grosze(), 9999); // a dearer bargain price is BA29
/// assert_eq!(row.min_quantity, Some(20)); // less stock is BA35
/// assert!(row.category_id.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ListedProduct {
    /// The product's EAN.
    pub ean: String,
    /// The highest bargain price allowed (BA29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price: Option<Money>,
    /// The stock the offer needs (BA35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_quantity: Option<i64>,
    /// The category the offer must be in (BA32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<String>,
}

/// `terms.subsidy`.
///
/// ```
/// use badge_rules::terms::Subsidy;
/// let subsidy: Subsidy = serde_json::from_str(r#"{
///     "maxPrice": {"amount": "500.00", "currency": "PLN"},
///     "targetPrice": {"amount": "450.00", "currency": "PLN"}}"#).unwrap();
/// // An offer priced above 500.00 is BA71; at or below 450.00, BA72.
/// assert_eq!(subsidy.max_price.unwrap().grosze(), 50000);
/// assert_eq!(subsidy.target_price.unwrap().grosze(), 45000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Subsidy {
    /// P above it: BA71.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price: Option<Money>,
    /// P at or below it: BA72.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_price: Option<Money>,
}

impl Terms {
    /// No term set: every field `None`.
    ///
    /// ```
    /// assert_eq!(badge_rules::terms::Terms::EMPTY, badge_rules::terms::Terms::default());
    /// ```
    pub const EMPTY: Terms = Terms {
        currency: None,
        discount: None,
        suggested_market_price_cap: None,
        min_stock: None,
        require_new_condition: None,
        require_smart: None,
        max_offer_age_months: None,
        category_ids: None,
        min_sold_last_30_days: None,
        require_product_link: None,
        audience: None,
        products: None,
        subsidy: None,
        require_company_account: None,
        min_positive_ratings_percent: None,
        max_applications_per_24h: None,
        bargain_editable: None,
        finish_allowed: None,
    };
}

macro_rules! merge {
    ($over:ident, $base:ident, $($field:ident),*) => {
        Terms { $( $field: $over.$field.or($base.$field), )* }
    };
}

impl Terms {
    /// These terms over `base`: a field set here replaces `base`'s (`discount`
    /// as a whole).
    ///
    /// ```
    /// use badge_rules::terms::Terms;
    /// let base = Terms { min_stock: Some(1), require_smart: Some(true), ..Terms::default() };
    /// let over = Terms { min_stock: Some(3), ..Terms::default() };
    /// let t = over.merged_over(base);
    /// assert_eq!((t.min_stock, t.require_smart), (Some(3), Some(true)));
    /// ```
    pub fn merged_over(self, base: Terms) -> Terms {
        let over = self;
        merge!(
            over,
            base,
            currency,
            discount,
            suggested_market_price_cap,
            min_stock,
            require_new_condition,
            require_smart,
            max_offer_age_months,
            category_ids,
            min_sold_last_30_days,
            require_product_link,
            audience,
            products,
            subsidy,
            require_company_account,
            min_positive_ratings_percent,
            max_applications_per_24h,
            bargain_editable,
            finish_allowed
        )
    }

    /// The discount base in force (default `MARKET`).
    ///
    /// ```
    /// use badge_rules::terms::{DiscountBase, Terms};
    /// assert_eq!(Terms::default().discount_base(), DiscountBase::Market);
    /// ```
    pub fn discount_base(&self) -> DiscountBase {
        self.discount
            .as_ref()
            .and_then(|d| d.base)
            .unwrap_or(DiscountBase::Market)
    }

    /// The minimum discount, if set.
    ///
    /// ```
    /// assert!(badge_rules::terms::Terms::default().min_percent().is_none());
    /// ```
    pub fn min_percent(&self) -> Option<Percent> {
        self.discount.as_ref().and_then(|d| d.min_percent)
    }

    /// The maximum discount, if set.
    ///
    /// ```
    /// let t = badge_rules::campaigns::built_in_terms("SANDBOX_TEST_CAMPAIGN");
    /// assert_eq!(t.max_percent().unwrap().to_string(), "60");
    /// ```
    pub fn max_percent(&self) -> Option<Percent> {
        self.discount.as_ref().and_then(|d| d.max_percent)
    }
}
