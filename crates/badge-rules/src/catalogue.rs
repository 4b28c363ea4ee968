//! The catalogue: every code Allegro's badge API answers with, in one table.
//!
//! Each [`CodeInfo`] row holds a [`Code`] and whether the engine decides it
//! offline ([`Check::Offline`]) or only Allegro's servers can
//! ([`Check::ServerOnly`], with the [`ServerOnlyReason`]). The texts are not here: each
//! language's are in its [`locale`](crate::locale) file. The engine never
//! emits a server-only code of its own accord; it only relays one that Allegro
//! itself named in a campaign's `eligibility.refusalReasons`.
//!
//! ```
//! use badge_rules::catalogue::{self, Code, Check};
//! use badge_rules::Lang;
//!
//! let ba49 = catalogue::info(Code::BA49);
//! assert!(ba49.text(Lang::En).starts_with("Given bargain discount is too low"));
//! assert_eq!(ba49.check, Check::Offline);
//! assert_eq!("BA49".parse::<Code>(), Ok(Code::BA49));
//! assert!(matches!(catalogue::info(Code::BB13).check, Check::ServerOnly(_)));
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::keys::ServerOnlyReason;

/// Whether the engine can decide a code offline.
///
/// ```
/// use badge_rules::catalogue::{Check, Code, ServerOnlyReason};
/// use badge_rules::Lang;
/// assert_eq!(Code::BA49.info().check, Check::Offline);
/// assert_eq!(Code::BB13.info().check, Check::ServerOnly(ServerOnlyReason::RateLimit));
/// assert_eq!(Code::BB13.info().check.reason(Lang::En), Some("rate limits are counted by Allegro's servers"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Check {
    /// The engine checks it from the check document.
    Offline,
    /// Only Allegro's servers can decide it, for this reason.
    ServerOnly(ServerOnlyReason),
}

impl Check {
    /// `true` for [`Check::Offline`].
    ///
    /// ```
    /// use badge_rules::catalogue::Check;
    /// assert!(Check::Offline.is_offline());
    /// ```
    pub const fn is_offline(self) -> bool {
        matches!(self, Check::Offline)
    }
}

/// One row of the catalogue.
///
/// ```
/// use badge_rules::catalogue::{Code, ALL};
/// use badge_rules::Lang;
/// let row = ALL.iter().find(|row| row.code == Code::BB5).unwrap();
/// assert_eq!(row.text(Lang::Pl), "Waluta nie jest równa [PLN].");
/// assert_eq!(row.text(Lang::En), "Currency is not equal to [PLN].");
/// assert!(row.check.is_offline());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Whether the engine decides it offline.
    pub check: Check,
}

/// A code is not in the catalogue.
///
/// ```
/// use badge_rules::catalogue::{Code, UnknownCode};
/// let err = "BA23".parse::<Code>().unwrap_err(); // Allegro's guide has no BA23
/// assert_eq!(err.given(), "BA23");
/// assert_eq!(err.to_string(), r#"unknown code "BA23""#);
/// assert!(serde_json::from_str::<Code>(r#""BA23""#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {given:?}")]
pub struct UnknownCode {
    given: String,
}

impl UnknownCode {
    /// The text that is not a code.
    ///
    /// ```
    /// assert_eq!("XX1".parse::<badge_rules::Code>().unwrap_err().given(), "XX1");
    /// ```
    pub fn given(&self) -> &str {
        &self.given
    }
}

macro_rules! catalogue {
    ($( $code:ident $(($name:literal))? => $check:expr; )*) => {
        /// Every code of Allegro's badge API, as Allegro spells it.
        ///
        /// ```
        /// use badge_rules::catalogue::Code;
        /// assert_eq!(Code::BA107.as_str(), "BA107");
        /// assert_eq!(Code::ValidationError.as_str(), "VALIDATION_ERROR");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[allow(clippy::upper_case_acronyms, reason = "Allegro's spelling of its codes")]
        #[allow(missing_docs, reason = "each code's meaning is its text, in the locale files")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[cfg_attr(feature = "ts", serde(rename = $name))])? $code, )*
        }

        /// The whole catalogue, in a stable order: BB codes, then BA codes,
        /// then Allegro's generic `VALIDATION_ERROR`.
        ///
        /// ```
        /// let offline = badge_rules::catalogue::ALL.iter().filter(|c| c.check.is_offline()).count();
        /// assert!(offline > 50);
        /// ```
        pub static ALL: &[CodeInfo] = &[
            $( CodeInfo { code: Code::$code, check: $check }, )*
        ];

        impl Code {
            /// Allegro's spelling of the code.
            ///
            /// ```
            /// assert_eq!(badge_rules::catalogue::Code::BB5.as_str(), "BB5");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Code::$code => { let _name = stringify!($code); $( let _name = $name; )? _name } )*
                }
            }

            /// Every code, in catalogue order.
            ///
            /// ```
            /// assert_eq!(badge_rules::catalogue::Code::ALL.len(), badge_rules::catalogue::ALL.len());
            /// ```
            pub const ALL: &'static [Code] = &[ $( Code::$code, )* ];
        }
    };
}

catalogue! {
    BB0 => Check::ServerOnly(ServerOnlyReason::TransientError);
    BB1 => Check::Offline;
    BB2 => Check::Offline;
    BB3 => Check::Offline;
    BB4 => Check::Offline;
    BB5 => Check::Offline;
    BB6 => Check::Offline;
    BB7 => Check::Offline;
    BB8 => Check::Offline;
    BB9 => Check::Offline;
    BB10 => Check::Offline;
    BB11 => Check::Offline;
    BB12 => Check::Offline;
    BB13 => Check::ServerOnly(ServerOnlyReason::RateLimit);
    BB14 => Check::Offline;
    BB15 => Check::Offline;
    BB16 => Check::Offline;
    BB17 => Check::Offline;
    BB35 => Check::Offline;
    BB39 => Check::Offline;
    BA1 => Check::Offline;
    BA2 => Check::Offline;
    BA3 => Check::Offline;
    BA4 => Check::ServerOnly(ServerOnlyReason::OfferExistence);
    BA5 => Check::Offline;
    BA6 => Check::Offline;
    BA7 => Check::ServerOnly(ServerOnlyReason::AccountExistence);
    BA8 => Check::ServerOnly(ServerOnlyReason::AccountTypeChanged);
    BA9 => Check::Offline;
    BA10 => Check::Offline;
    BA11 => Check::Offline;
    BA12 => Check::Offline;
    BA13 => Check::Offline;
    BA14 => Check::Offline;
    BA15 => Check::Offline;
    BA16 => Check::Offline;
    BA17 => Check::Offline;
    BA18 => Check::ServerOnly(ServerOnlyReason::Attractiveness);
    BA19 => Check::ServerOnly(ServerOnlyReason::TitleReview);
    BA20 => Check::ServerOnly(ServerOnlyReason::ThumbnailReview);
    BA21 => Check::ServerOnly(ServerOnlyReason::OtherAccounts);
    BA22 => Check::Offline;
    BA24 => Check::Offline;
    BA25 => Check::ServerOnly(ServerOnlyReason::ManualDecision);
    BA26 => Check::ServerOnly(ServerOnlyReason::BadgeCriteria);
    BA27 => Check::ServerOnly(ServerOnlyReason::DeliveryMethods);
    BA28 => Check::ServerOnly(ServerOnlyReason::ProgramCriteria);
    BA29 => Check::Offline;
    BA30 => Check::Offline;
    BA31 => Check::Offline;
    BA32 => Check::Offline;
    BA33 => Check::ServerOnly(ServerOnlyReason::SameAsBa29);
    BA34 => Check::Offline;
    BA35 => Check::Offline;
    BA36 => Check::Offline;
    BA37 => Check::Offline;
    BA38 => Check::Offline;
    BA39 => Check::Offline;
    BA40 => Check::Offline;
    BA41 => Check::Offline;
    BA42 => Check::Offline;
    BA43 => Check::Offline;
    BA44 => Check::ServerOnly(ServerOnlyReason::QualityCriteria);
    BA45 => Check::Offline;
    BA46 => Check::Offline;
    BA47 => Check::Offline;
    BA48 => Check::Offline;
    BA49 => Check::Offline;
    BA50 => Check::Offline;
    BA51 => Check::Offline;
    BA52 => Check::Offline;
    BA53 => Check::Offline;
    BA54 => Check::ServerOnly(ServerOnlyReason::OtherCampaignsProducts);
    BA57 => Check::ServerOnly(ServerOnlyReason::PriceAttractiveness);
    BA58 => Check::Offline;
    BA59 => Check::ServerOnly(ServerOnlyReason::SellerRequest);
    BA60 => Check::Offline;
    BA61 => Check::Offline;
    BA62 => Check::Offline;
    BA63 => Check::Offline;
    BA64 => Check::ServerOnly(ServerOnlyReason::CampaignReplaced);
    BA65 => Check::ServerOnly(ServerOnlyReason::HiddenPrices);
    BA66 => Check::ServerOnly(ServerOnlyReason::Informational);
    BA67 => Check::Offline;
    BA68 => Check::Offline;
    BA69 => Check::ServerOnly(ServerOnlyReason::CustomLabels);
    BA70 => Check::Offline;
    BA71 => Check::Offline;
    BA72 => Check::Offline;
    BA73 => Check::ServerOnly(ServerOnlyReason::CategoryExistence);
    BA74 => Check::Offline;
    BA75 => Check::Offline;
    BA76 => Check::Offline;
    BA77 => Check::Offline;
    BA78 => Check::Offline;
    BA79 => Check::ServerOnly(ServerOnlyReason::CampaignEditability);
    BA80 => Check::ServerOnly(ServerOnlyReason::InternalTools);
    BA81 => Check::ServerOnly(ServerOnlyReason::InternalTools);
    BA82 => Check::ServerOnly(ServerOnlyReason::Multipack);
    BA83 => Check::ServerOnly(ServerOnlyReason::InternalTools);
    BA84 => Check::ServerOnly(ServerOnlyReason::CustomLabels);
    BA85 => Check::ServerOnly(ServerOnlyReason::CustomLabels);
    BA86 => Check::ServerOnly(ServerOnlyReason::CustomLabels);
    BA87 => Check::ServerOnly(ServerOnlyReason::AsyncTwinOfBb7);
    BA88 => Check::ServerOnly(ServerOnlyReason::BadgeState);
    BA97 => Check::ServerOnly(ServerOnlyReason::TaxResidence);
    BA101 => Check::ServerOnly(ServerOnlyReason::EligibleProducts);
    BA104 => Check::ServerOnly(ServerOnlyReason::CampaignConditions);
    BA107 => Check::Offline;
    ValidationError("VALIDATION_ERROR") => Check::Offline;
    AdsBusinessAccount("ADS_BUSINESS_ACCOUNT") => Check::Offline;
    AdsWebsite("ADS_WEBSITE") => Check::Offline;
    AdsCertificate("ADS_CERTIFICATE") => Check::Offline;
    AdsGainingCustomers("ADS_GAINING_CUSTOMERS") => Check::Offline;
    AdsInvesting("ADS_INVESTING") => Check::Offline;
    AdsActiveCustomers("ADS_ACTIVE_CUSTOMERS") => Check::Offline;
    AdsQuarterlySpend("ADS_QUARTERLY_SPEND") => Check::Offline;
    AdsTools("ADS_TOOLS") => Check::Offline;
    AdsPartnerLogo("ADS_PARTNER_LOGO") => Check::Offline;
    AdsPartnerPlusLogo("ADS_PARTNER_PLUS_LOGO") => Check::Offline;
}

impl Code {
    /// Is this one of Allegro's codes? The others (`ADS_*`, RULES.md §7) are
    /// the engine's own, for the Ads Partner program, which has no API codes.
    ///
    /// ```
    /// use badge_rules::catalogue::Code;
    /// assert!(Code::BA49.is_allegros() && Code::ValidationError.is_allegros());
    /// assert!(!Code::AdsActiveCustomers.is_allegros());
    /// ```
    pub const fn is_allegros(self) -> bool {
        (self as usize) <= (Code::ValidationError as usize)
    }

    /// Does this code mean "send the same request again later"? BB0, a
    /// transient processing error: an integrator reports a finish operation
    /// declined with BB0 that succeeds when sent again.
    ///
    /// ```
    /// use badge_rules::catalogue::Code;
    /// assert!(Code::BB0.retry_later() && !Code::BA49.retry_later());
    /// ```
    pub const fn retry_later(self) -> bool {
        matches!(self, Code::BB0)
    }

    /// This code's catalogue row.
    ///
    /// ```
    /// use badge_rules::catalogue::Code;
    /// assert_eq!(Code::BA12.info().text(badge_rules::Lang::En), "Bargain price is higher than current offer price.");
    /// ```
    pub fn info(self) -> &'static CodeInfo {
        info(self)
    }
}

/// The catalogue row of `code`.
///
/// ```
/// use badge_rules::catalogue::{info, Code};
/// assert_eq!(info(Code::BB3).text(badge_rules::Lang::En), "Empty campaign.id field.");
/// ```
pub fn info(code: Code) -> &'static CodeInfo {
    // The table and the enum come from the same macro, in the same order.
    ALL.get(code as usize).unwrap_or(&FALLBACK)
}

static FALLBACK: CodeInfo = CodeInfo {
    code: Code::BB0,
    check: Check::ServerOnly(ServerOnlyReason::TransientError),
};

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode {
                given: s.to_owned(),
            })
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_enum_agree() {
        for (i, row) in ALL.iter().enumerate() {
            assert_eq!(row.code as usize, i);
            assert_eq!(info(row.code), row);
            assert_eq!(row.code.as_str().parse::<Code>(), Ok(row.code));
        }
    }

    #[test]
    fn covers_the_guide_and_the_openapi_additions() {
        assert_eq!(ALL.iter().filter(|c| c.code.is_allegros()).count(), 110);
        assert_eq!(ALL.iter().filter(|c| !c.code.is_allegros()).count(), 10);
        for name in [
            "BB0",
            "BB17",
            "BA1",
            "BA88",
            "BA97",
            "BA101",
            "BA104",
            "BA107",
            "BB35",
            "BB39",
            "VALIDATION_ERROR",
        ] {
            assert!(name.parse::<Code>().is_ok(), "{name}");
        }
        for absent in ["BA23", "BA55", "BA56", "BB18"] {
            assert!(absent.parse::<Code>().is_err(), "{absent}");
        }
    }
}
