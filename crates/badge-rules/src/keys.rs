//! The message keys: every stable name of a text the engine shows, and
//! nothing else. The rules and the input errors report a key; each
//! [`locale`](crate::locale) file gives its text. Keeping the keys here, below
//! both the code that reports them and the languages that render them, is
//! what keeps the crate's files free of import circles (as garde's rules name
//! their message keys from its `i18n` module, and jiff's error enums sit at
//! its bottom).
//!
//! This module imports nothing of the crate. Allegro's own codes are
//! [`Code`](crate::Code), in the [`catalogue`](crate::catalogue), which
//! imports nothing of the crate either.
//!
//! ```
//! use badge_rules::keys::{ErrorCode, WarningCode};
//! assert_eq!(ErrorCode::NotJson.as_str(), "NOT_JSON");
//! assert_eq!(WarningCode::LanguageFallback.as_str(), "LANGUAGE_FALLBACK");
//! ```

use serde::{Deserialize, Serialize};

macro_rules! error_codes {
    ($( #[doc = $doc:literal] $variant:ident $name:literal, )*) => {
        /// What kind of input error: a stable code a form can translate, with
        /// the error's params (its message comes from the locale files).
        ///
        /// ```
        /// use badge_rules::error::ErrorCode;
        /// assert_eq!(ErrorCode::MissingField.as_str(), "MISSING_FIELD");
        /// assert_eq!(serde_json::to_value(ErrorCode::NotJson).unwrap(), "NOT_JSON");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( #[doc = $doc] #[serde(rename = $name)] $variant, )*
        }

        impl ErrorCode {
            /// Every code.
            ///
            /// ```
            /// assert!(badge_rules::error::ErrorCode::ALL.len() > 10);
            /// ```
            pub const ALL: &'static [ErrorCode] = &[$( ErrorCode::$variant ),*];

            /// The code as serialized.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $name, )*
                }
            }
        }
    };
}

error_codes! {
    #[doc = "The text is not JSON: `{detail}`, `{line}`, `{column}`."]
    NotJson "NOT_JSON",
    #[doc = "The bytes are not UTF-8: `{line}`, `{column}`."]
    NotUtf8 "NOT_UTF8",
    #[doc = "The document is not a JSON object."]
    NotAnObject "NOT_AN_OBJECT",
    #[doc = "A value of the wrong JSON type: `{expected}`, `{found}` (serde's words)."]
    WrongType "WRONG_TYPE",
    #[doc = "A name that is not one of the allowed ones: `{value}`, `{allowed}`."]
    UnknownValue "UNKNOWN_VALUE",
    #[doc = "A required field is missing: `{field}`."]
    MissingField "MISSING_FIELD",
    #[doc = "A value that cannot be read: `{detail}`."]
    InvalidValue "INVALID_VALUE",
    #[doc = "JSON nested too deep to read."]
    TooDeep "TOO_DEEP",
    #[doc = "A period without a bound its type needs: `{type}`, `{bound}`."]
    PeriodBound "PERIOD_BOUND",
    #[doc = "The offer is not the one the request names: `{given}`, `{requested}`, `{namedBy}`."]
    OfferMismatch "OFFER_MISMATCH",
    #[doc = "A campaign id listed twice: `{id}`."]
    DuplicateCampaign "DUPLICATE_CAMPAIGN",
    #[doc = "Context money in another currency than the campaign's: `{currency}`, `{expected}`."]
    CurrencyMismatch "CURRENCY_MISMATCH",
    #[doc = "A percentage outside 0 to 100: `{value}`."]
    PercentRange "PERCENT_RANGE",
    #[doc = "More than one live badge of the offer in one campaign: `{count}`, `{campaign}`."]
    LiveBadges "LIVE_BADGES",
    #[doc = "Ads Partner spend not in PLN: `{currency}`."]
    SpendCurrency "SPEND_CURRENCY",
}

/// The engine's warning codes (never Allegro's BA/BB).
///
/// ```
/// use badge_rules::report::WarningCode;
/// let code: WarningCode = serde_json::from_str(r#""PURCHASE_CONSTRAINTS_IGNORED""#).unwrap();
/// assert_eq!(code, WarningCode::PurchaseConstraintsIgnored);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum WarningCode {
    /// A suggested market price: Allegro computes its own.
    SuggestedMarketPriceIgnored,
    /// `purchaseConstraints` on a `STANDARD` campaign.
    PurchaseConstraintsIgnored,
    /// A refusal reason code the catalogue does not know.
    UnknownRefusalCode,
    /// No bargain price passes the price rules.
    NoBargainPricePasses,
    /// M was computed from a price history marked inexact
    /// (`metrics.priceHistoryExact: false`): it is an upper bound of Allegro's.
    MarketPriceUpperBound,
    /// The language asked for has no texts: English is used.
    LanguageFallback,
    /// `hints.bargain` is shown without the bounds of some price rules, whose
    /// inputs are missing (`codes`: their codes, `BA49, BA50`).
    BargainHintPartial,
    /// The offer is not listed on the campaign's marketplace.
    OfferNotOnMarketplace,
    /// `campaignStock` in a request: Allegro reads `declaredStock`.
    CampaignStockIgnored,
    /// The declared quantity is above the offer's stock.
    StockBelowDeclared,
}

impl WarningCode {
    /// Every warning code.
    ///
    /// ```
    /// use badge_rules::report::WarningCode;
    /// for code in WarningCode::ALL {
    ///     assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
    /// }
    /// ```
    pub const ALL: [WarningCode; 10] = [
        Self::SuggestedMarketPriceIgnored,
        Self::PurchaseConstraintsIgnored,
        Self::UnknownRefusalCode,
        Self::NoBargainPricePasses,
        Self::MarketPriceUpperBound,
        Self::LanguageFallback,
        Self::BargainHintPartial,
        Self::OfferNotOnMarketplace,
        Self::CampaignStockIgnored,
        Self::StockBelowDeclared,
    ];

    /// The code as serialized.
    ///
    /// ```
    /// use badge_rules::report::WarningCode;
    /// assert_eq!(WarningCode::NoBargainPricePasses.as_str(), "NO_BARGAIN_PRICE_PASSES");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SuggestedMarketPriceIgnored => "SUGGESTED_MARKET_PRICE_IGNORED",
            Self::PurchaseConstraintsIgnored => "PURCHASE_CONSTRAINTS_IGNORED",
            Self::UnknownRefusalCode => "UNKNOWN_REFUSAL_CODE",
            Self::NoBargainPricePasses => "NO_BARGAIN_PRICE_PASSES",
            Self::MarketPriceUpperBound => "MARKET_PRICE_UPPER_BOUND",
            Self::LanguageFallback => "LANGUAGE_FALLBACK",
            Self::BargainHintPartial => "BARGAIN_HINT_PARTIAL",
            Self::OfferNotOnMarketplace => "OFFER_NOT_ON_MARKETPLACE",
            Self::CampaignStockIgnored => "CAMPAIGN_STOCK_IGNORED",
            Self::StockBelowDeclared => "STOCK_BELOW_DECLARED",
        }
    }
}

/// The engine's readings, where Allegro's documentation is silent.
///
/// ```
/// use badge_rules::{channel::Inference, Lang};
/// assert!(Lang::En.locale().inference(Inference::RequestValidation).starts_with("BB codes"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Inference {
    /// BB codes are Allegro's synchronous request validation.
    RequestValidation,
    /// BA codes come from the verification of an accepted request.
    Verification,
    /// As Allegro's OpenAPI documents the same code for the PATCH.
    AsForThePatch,
    /// A rate limit is answered at once.
    RateLimit,
    /// A processing error is reported on the application.
    ProcessingError,
    /// Allegro's generic validation code, answered at once.
    GenericValidation,
    /// The engine's own code.
    EngineOwn,
    /// An integrator's report: a finish operation declined with BB0, sent
    /// again later.
    DeclinedOperationRetried,
    /// A HUF amount that does not end in 0 or 5: a malformed amount for
    /// allegro.hu, answered as the badge API answers a malformed amount.
    HufRounding,
}

/// Why only Allegro's servers can decide a code.
///
/// ```
/// use badge_rules::{catalogue::ServerOnlyReason, Lang};
/// assert_eq!(Lang::En.locale().reason(ServerOnlyReason::DeliveryMethods), "delivery methods are not in the input");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServerOnlyReason {
    /// A transient processing error on Allegro's side.
    TransientError,
    /// Rate limits are counted by Allegro's servers.
    RateLimit,
    /// Only Allegro knows whether an offer id exists.
    OfferExistence,
    /// Only Allegro knows whether an account exists.
    AccountExistence,
    /// The account type changes while Allegro processes the application.
    AccountTypeChanged,
    /// Attractiveness is Allegro's own assessment.
    Attractiveness,
    /// Titles and descriptions are reviewed by Allegro.
    TitleReview,
    /// Thumbnails are reviewed by Allegro.
    ThumbnailReview,
    /// The seller's other accounts are not in the input.
    OtherAccounts,
    /// A manual decision of the Strefa okazji team.
    ManualDecision,
    /// The badge's criteria are not published.
    BadgeCriteria,
    /// Delivery methods are not in the input.
    DeliveryMethods,
    /// The program's criteria are not published.
    ProgramCriteria,
    /// Same text as BA29; the engine reports a product's maximum price as BA29.
    SameAsBa29,
    /// Quality criteria are Allegro's own assessment (relayed from eligibility.refusalReasons when Allegro names it).
    QualityCriteria,
    /// Other campaigns' product lists are not in the input.
    OtherCampaignsProducts,
    /// Price attractiveness against the market is Allegro's own assessment.
    PriceAttractiveness,
    /// A decision taken at the seller's request.
    SellerRequest,
    /// Campaign replacements are announced by Allegro.
    CampaignReplaced,
    /// Allegro compares the offer with prices it alone sees.
    HiddenPrices,
    /// An informational answer, not a refusal.
    Informational,
    /// Custom label badges are not part of the public API.
    CustomLabels,
    /// Only Allegro knows whether a category exists.
    CategoryExistence,
    /// Campaign editability is internal to Allegro.
    CampaignEditability,
    /// An answer of Allegro's internal tools.
    InternalTools,
    /// Multipack status is not in the input.
    Multipack,
    /// The asynchronous twin of BB7: Allegro's synchronous validation answers first, so the engine reports BB7.
    AsyncTwinOfBb7,
    /// The badge's internal state is Allegro's.
    BadgeState,
    /// The seller's country of tax residence is not in the input.
    TaxResidence,
    /// The campaign's list of eligible products is Allegro's.
    EligibleProducts,
    /// The campaign's product and price conditions are not published.
    CampaignConditions,
}

macro_rules! benefits {
    ($( #[doc = $doc:literal] $id:ident $code:literal => $levels:expr, )*) => {
        /// A benefit of the program: its stable id, its text in each
        /// [`locale`](crate::locale) file.
        ///
        /// ```
        /// use badge_rules::{partner::BenefitId, Lang};
        /// assert_eq!(BenefitId::Champions.as_str(), "CHAMPIONS");
        /// assert!(Lang::En.locale().benefit(BenefitId::Champions).contains("Champions"));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum BenefitId {
            $( #[doc = $doc] $id, )*
        }

        impl BenefitId {
            /// Every benefit, in the program's order.
            ///
            /// ```
            /// assert_eq!(badge_rules::partner::BenefitId::ALL.len(), 9);
            /// ```
            pub const ALL: &'static [BenefitId] = &[$( BenefitId::$id ),*];

            /// The stable id, as the report writes it.
            ///
            /// ```
            /// assert_eq!(badge_rules::partner::BenefitId::Helpline.as_str(), "HELPLINE");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( BenefitId::$id => $code, )*
                }
            }

            /// Which levels bring it: member, partner, partner +.
            pub(crate) const fn levels(self) -> [bool; 3] {
                match self {
                    $( BenefitId::$id => $levels, )*
                }
            }
        }
    };
}

// The program's benefits table: which of member, partner and partner + have each.
benefits! {
    #[doc = "Help: helpline, chat, email."]
    Helpline "HELPLINE" => [true, true, true],
    #[doc = "The Allegro Ads certificate."]
    Certificate "CERTIFICATE" => [true, true, true],
    #[doc = "Invitations to Allegro Ads events."]
    Events "EVENTS" => [true, true, true],
    #[doc = "Competitions dedicated to agencies."]
    Competitions "COMPETITIONS" => [false, true, true],
    #[doc = "The partnership logo."]
    PartnerLogo "PARTNER_LOGO" => [false, true, true],
    #[doc = "Bonus advertising."]
    BonusAdvertising "BONUS_ADVERTISING" => [true, true, true],
    #[doc = "An agency account manager."]
    AccountManager "ACCOUNT_MANAGER" => [false, true, true],
    #[doc = "The Allegro Ads Champions recognition system."]
    Champions "CHAMPIONS" => [false, false, true],
    #[doc = "The API Statystyki service."]
    StatisticsApi "STATISTICS_API" => [false, true, true],
}

macro_rules! labels {
    ($( #[doc = $doc:literal] $variant:ident, )*) => {
        /// The words adapters show for people, beside the report's own texts.
        ///
        /// ```
        /// use badge_rules::{locale::{interpolate, Label}, Lang};
        /// let line = interpolate(Lang::En.label(Label::SkippedMessage), &[("missing", "offer.stock.available")]);
        /// assert_eq!(line, "Not checked: the document has no offer.stock.available.");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Label {
            $( #[doc = $doc] $variant, )*
        }

        impl Label {
            /// Every label.
            ///
            /// ```
            /// assert!(badge_rules::locale::Label::ALL.contains(&badge_rules::locale::Label::Needs));
            /// ```
            pub const ALL: &'static [Label] = &[$( Label::$variant ),*];
        }
    };
}

labels! {
    #[doc = "Where Allegro's OpenAPI shows a route: `{endpoint}`, `{status}` example."]
    DocumentedExample,
    #[doc = "Where Allegro's OpenAPI describes a route: `{endpoint}`, `{status}` response."]
    DocumentedDescription,
    #[doc = "The gloss of `ACCEPT`."]
    Accept,
    #[doc = "The gloss of `REJECT`."]
    Reject,
    #[doc = "The gloss of `INCOMPLETE`."]
    Incomplete,
    #[doc = "The gloss of `ACCEPT` for a partner level: the top level is reached."]
    TopLevel,
    #[doc = "The gloss of `REJECT` for a partner level."]
    NextLevel,
    #[doc = "A violation with the empty path."]
    NoField,
    #[doc = "The heading of the skipped rules."]
    SkippedHeading,
    #[doc = "`BA17 needs offer.stock.available`."]
    Needs,
    #[doc = "The message of a skipped rule; `{missing}` is the input it lacks."]
    SkippedMessage,
    #[doc = "The message of BA24 skipped for want of `allegroPrices`: Allegro Prices could not be seen."]
    SkippedAllegroPrices,
    #[doc = "The heading of the warnings."]
    WarningsHeading,
    #[doc = "Before the bargain range."]
    BargainRange,
    #[doc = "No bargain price passes."]
    NoBargainPrice,
    #[doc = "Before the partner level reached."]
    PartnerLevel,
    #[doc = "The heading of the level's benefits."]
    Benefits,
    #[doc = "A code the engine decides offline."]
    Offline,
    #[doc = "A code only Allegro's servers decide."]
    ServerOnly,
    #[doc = "`{reason}` why a code is server-only."]
    ServerOnlyBecause,
    #[doc = "The catalogue's last line: `{total}`, `{offline}`, `{serverOnly}`."]
    CodesSummary,
    #[doc = "The heading of a campaign's built-in terms: `{id}`."]
    TermsOf,
    #[doc = "`terms ID` of an id that is not a built-in campaign: `{id}`, `{ids}` (the built-in ids)."]
    NotBuiltIn,
    #[doc = "The heading of the built-in campaigns."]
    BuiltInCampaigns,
    #[doc = "A plan's CSV column: the offer id."]
    PlanOffer,
    #[doc = "A plan's CSV column: the campaign id."]
    PlanCampaign,
    #[doc = "A plan's CSV column: the verdict."]
    PlanVerdict,
    #[doc = "A plan's CSV column: the proposed bargain price."]
    PlanBargain,
    #[doc = "A plan's CSV column: the currency."]
    PlanCurrency,
    #[doc = "A plan's CSV column: the lowest bargain price that passes."]
    PlanMin,
    #[doc = "A plan's CSV column: the highest bargain price that passes."]
    PlanMax,
    #[doc = "A plan's CSV column: the violation codes."]
    PlanCodes,
    #[doc = "A plan's CSV column: Allegro's messages."]
    PlanMessages,
    #[doc = "A plan's CSV column: the checks not made, with what they need."]
    PlanSkipped,
    #[doc = "A plan's CSV column: the engine's warnings."]
    PlanWarnings,
    #[doc = "A plan's CSV column: the input error."]
    PlanError,
    #[doc = "A plan's CSV column: where in the input the offer is (`file:line`)."]
    PlanSource,
    #[doc = "A plan's CSV verdict for people (the excel-pl dialect): Allegro would accept."]
    PlanAccept,
    #[doc = "A plan's CSV verdict for people (the excel-pl dialect): Allegro would refuse."]
    PlanReject,
    #[doc = "A plan's CSV verdict for people (the excel-pl dialect): some rules not checked."]
    PlanIncomplete,
    #[doc = "A plan's CSV verdict for people (the excel-pl dialect): an input error."]
    PlanInputError,
    #[doc = "The heading of one kind's rules: `{kind}`, `{count}`."]
    RulesOfKind,
    #[doc = "After a relaying rule's codes: it also relays Allegro's refusal codes."]
    RelaysRefusals,
    #[doc = "After a price rule's codes: it bounds the bargain price (and the hint)."]
    BoundsBargain,
    #[doc = "The rule list's last line: `{rules}`, `{kinds}`."]
    RulesSummary,
    #[doc = "A plan without campaigns named, whose context shows none open for applications."]
    NoOpenCampaign,
    #[doc = "A route answered at once: `{status}`, the HTTP status."]
    RouteSync,
    #[doc = "A route answered later: 202, then a declined application or operation."]
    RouteDeclined,
    #[doc = "A route answered before sending: the campaign's eligibility refusal."]
    RouteEligibility,
    #[doc = "A route no Allegro API answers: the engine's own code."]
    RouteEngine,
    #[doc = "A route Allegro's documentation shows."]
    Documented,
    #[doc = "A route the engine infers."]
    Inferred,
    #[doc = "A code's text quoted from Allegro's answer in a public issue: `{ref}`."]
    TextQuoted,
    #[doc = "A code's text that is an integrator's paraphrase, not Allegro's words: `{ref}`."]
    TextParaphrased,
    #[doc = "A code's text translated by the engine (Allegro publishes none in this language)."]
    TextTranslated,
    #[doc = "A code that means: send the same request again later."]
    RetryLater,
    #[doc = "A further cause of a code at an endpoint, inferred: `{endpoint}`, `{why}`."]
    AlsoCause,
}
