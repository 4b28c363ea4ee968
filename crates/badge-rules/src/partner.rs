//! The Allegro Ads Partner program (RULES.md §7): its levels and what each
//! brings.
//!
//! A `partnerLevel` check document carries an agency's snapshot in `request`;
//! its report names the [`PartnerLevel`] reached, the unmet requirements of the
//! next level as violations (the engine's own `ADS_*` codes, with the gap in
//! their params), and the [`Benefit`]s of the level reached.
//!
//! ```
//! use badge_rules::partner::{benefits, PartnerLevel};
//! use badge_rules::Lang;
//!
//! let member = benefits(PartnerLevel::Member, Lang::En);
//! assert!(member.iter().any(|b| b.code == "HELPLINE"));
//! assert!(!member.iter().any(|b| b.code == "ACCOUNT_MANAGER"));
//! assert_eq!(benefits(PartnerLevel::None, Lang::Pl), vec![]);
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::locale::Lang;
use crate::money::Money;

pub use crate::keys::BenefitId;

/// The program's levels, lowest first.
///
/// ```
/// use badge_rules::partner::PartnerLevel;
/// assert!(PartnerLevel::PartnerPlus > PartnerLevel::Partner);
/// assert_eq!(serde_json::to_string(&PartnerLevel::PartnerPlus).unwrap(), r#""PARTNER_PLUS""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum PartnerLevel {
    /// No level reached.
    None,
    /// Level I, program member.
    Member,
    /// Level II, Allegro Ads Partner.
    Partner,
    /// Level III, Allegro Ads Partner +.
    PartnerPlus,
}

impl PartnerLevel {
    /// The level above, if any.
    ///
    /// ```
    /// use badge_rules::partner::PartnerLevel;
    /// assert_eq!(PartnerLevel::Member.next(), Some(PartnerLevel::Partner));
    /// assert_eq!(PartnerLevel::PartnerPlus.next(), None);
    /// ```
    pub const fn next(self) -> Option<PartnerLevel> {
        match self {
            PartnerLevel::None => Some(PartnerLevel::Member),
            PartnerLevel::Member => Some(PartnerLevel::Partner),
            PartnerLevel::Partner => Some(PartnerLevel::PartnerPlus),
            PartnerLevel::PartnerPlus => None,
        }
    }
}

/// One benefit of the program, in one language.
///
/// ```
/// use badge_rules::partner::{benefits, PartnerLevel};
/// use badge_rules::Lang;
/// let plus = benefits(PartnerLevel::PartnerPlus, Lang::Pl);
/// let champions = plus.iter().find(|b| b.code == "CHAMPIONS").unwrap();
/// assert!(champions.text.contains("Champions"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Benefit {
    /// A stable id.
    pub code: Cow<'static, str>,
    /// What it is, in the chosen language.
    pub text: Cow<'static, str>,
}

/// The benefits of `level`, in `lang`, in the program's order.
///
/// ```
/// use badge_rules::partner::{benefits, PartnerLevel};
/// use badge_rules::Lang;
/// assert_eq!(benefits(PartnerLevel::Member, Lang::En).len(), 4);
/// assert_eq!(benefits(PartnerLevel::Partner, Lang::En).len(), 8);
/// assert_eq!(benefits(PartnerLevel::PartnerPlus, Lang::En).len(), 9);
/// ```
pub fn benefits(level: PartnerLevel, lang: Lang) -> Vec<Benefit> {
    let column = match level {
        PartnerLevel::None => return Vec::new(),
        PartnerLevel::Member => 0,
        PartnerLevel::Partner => 1,
        PartnerLevel::PartnerPlus => 2,
    };
    let locale = lang.locale();
    BenefitId::ALL
        .iter()
        .filter(|id| id.levels().get(column).copied().unwrap_or(false))
        .map(|id| Benefit {
            code: Cow::Borrowed(id.as_str()),
            text: Cow::Borrowed(locale.benefit(*id)),
        })
        .collect()
}

/// An agency's snapshot: the `request` of a `partnerLevel` document. A field
/// left out makes the requirements that read it skipped.
///
/// ```
/// use badge_rules::partner::AgencySnapshot;
/// let s: AgencySnapshot = serde_json::from_str(r#"{"activeCustomers": 3, "adsTools": ["GRAPHIC_ADS"]}"#).unwrap();
/// assert_eq!(s.active_customers, Some(3));
/// assert!(s.partner_logo.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AgencySnapshot {
    /// An Allegro business account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_account: Option<bool>,
    /// An active agency website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_active: Option<bool>,
    /// The Allegro Ads certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ads_certificate: Option<bool>,
    /// Actively gaining customers among sellers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gaining_customers: Option<bool>,
    /// Investing in Allegro Ads campaigns for customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investing_in_campaigns: Option<bool>,
    /// Active customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_customers: Option<i64>,
    /// Agency-account spend per quarter, gross, in PLN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarterly_spend_gross: Option<Money>,
    /// Allegro Ads tools in use (distinct names count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ads_tools: Option<Vec<String>>,
    /// The Ads Partner logo on the website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_logo: Option<bool>,
    /// The Ads Partner + logo on the website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_plus_logo: Option<bool>,
}
