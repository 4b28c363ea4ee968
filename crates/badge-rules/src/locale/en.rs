//! English: Allegro's English texts (its guide and OpenAPI description), and the engine's own words.
//!
//! ```
//! use badge_rules::{Code, Lang};
//! assert_eq!(Lang::En.locale().code(Code::BB4), "Empty offer.id field.");
//! ```

use super::texts::Locale;
use crate::catalogue::Code;
use crate::keys::{BenefitId, ErrorCode, Inference, Label, ServerOnlyReason, WarningCode};

use super::numbers::NumberFormat;

/// English.
#[derive(Debug)]
pub(crate) struct English;

impl Locale for English {
    fn code(&self, code: Code) -> &'static str {
        match code {
            Code::BB0 => "Error occurred during application processing. Please try again later.",
            Code::BB1 => "Account does not meet the quality criteria.",
            Code::BB2 => "Account is not a Company account type.",
            Code::BB3 => "Empty campaign.id field.",
            Code::BB4 => "Empty offer.id field.",
            Code::BB5 => "Currency is not equal to [PLN].",
            Code::BB6 => "One of the numeric values is not a valid number.",
            Code::BB7 => "One of the numeric values is less than 1.",
            Code::BB8 => "Application not found.",
            Code::BB9 => "Invalid [limit] parameter value.",
            Code::BB10 => "Invalid [offset] parameter value.",
            Code::BB11 => "Offer id is not valid.",
            Code::BB12 => "Application already exists.",
            Code::BB13 => "Too many requests from this account.",
            Code::BB14 => "Operation not found.",
            Code::BB15 => "The process field is only allowed for the finish badge operation. The prices field is only allowed for the price change operation.",
            Code::BB16 => "The process field is required for the finish badge operation. The prices field is required for the price change operation.",
            Code::BB17 => "The process.status field must be equal to FINISHED.",
            Code::BB35 => "Invalid [marketplace.id] parameter value.",
            Code::BB39 => "The declared stock quantity is defined for a Campaign that does not require it.",
            Code::BA1 => "Badge already exists.",
            Code::BA2 => "Bargain price or suggested market price are not defined.",
            Code::BA3 => "Bargain price and suggested market price should not be defined.",
            Code::BA4 => "Offer not found.",
            Code::BA5 => "Current offer price is higher than suggested market price.",
            Code::BA6 => "Offer has ended.",
            Code::BA7 => "Account not found.",
            Code::BA8 => "Account is no longer a Company account type.",
            Code::BA9 => "This account is not the owner of the offer.",
            Code::BA10 => "Campaign not found.",
            Code::BA11 => "Campaign has ended.",
            Code::BA12 => "Bargain price is higher than current offer price.",
            Code::BA13 => "Bargain price is the same as suggested market price.",
            Code::BA14 => "Bargain price is the same or higher than suggested market price.",
            Code::BA15 => "Badge has already been accepted.",
            Code::BA16 => "Discount must be greater or equal to 1% to the suggested market price.",
            Code::BA17 => "Offer has not enough items.",
            Code::BA18 => "Offer is not attractive enough.",
            Code::BA19 => "Offer’s title or description does not meet requirements.",
            Code::BA20 => "Offer’s thumbnail does not meet requirements.",
            Code::BA21 => "Product with equal or lower price exists in your another account.",
            Code::BA22 => "Account does not meet the criteria - minimum 98% positive rates from last 3 months.",
            Code::BA24 => "A discount badge for this offer already exists.",
            Code::BA25 => "Contact required with Strefa okazji team at [strefaokazji@allegro.pl].",
            Code::BA26 => "Offer does not meet requirements for this badge.",
            Code::BA27 => "No suitable delivery method.",
            Code::BA28 => "Offer does not meet requirements for this program.",
            Code::BA29 => "The proposed bargain price is incorrect. The maximum price is on the list of products for this campaign.",
            Code::BA30 => "The offer has an incorrect EAN code. You can find the correct EAN code on the list of products for this campaign.",
            Code::BA31 => "The offer does not have EAN code. You can find the correct EAN code on the list of products for this campaign.",
            Code::BA32 => "Offer was published in wrong category.",
            Code::BA33 => "The proposed bargain price is incorrect. The maximum price is on the list of products for this campaign.",
            Code::BA34 => "The application does not contain information about bargain price.",
            Code::BA35 => "The offer of this product does not have required quantity of items which is specified on the list of product for this campaign.",
            Code::BA36 => "Suggested market price must not be defined in this campaign type.",
            Code::BA37 => "Average selling price cannot be calculated for this offer. There is insufficient number of purchases.",
            Code::BA38 => "Given bargain price is too high. Campaign requires corresponding price reduction from offer’s average selling price.",
            Code::BA39 => "Given bargain price is too high. Campaign requires corresponding price reduction from offer’s base price.",
            Code::BA40 => "Given market price is too high. Campaign requires corresponding price reduction from offer’s average selling price.",
            Code::BA41 => "Given market price is too high. Campaign requires corresponding price reduction from offer’s base price.",
            Code::BA42 => "Offer does not meet requirements of [Smart!] program. Only offers meeting [Smart!] criteria can participate in this campaign.",
            Code::BA43 => "Offer’s parameter [Condition] is different than [New].",
            Code::BA44 => "Account does not meet the required quality criteria.",
            Code::BA45 => "The limit of applications for this offer has been exceeded. You can re-apply to this campaign after 24 hours.",
            Code::BA46 => "The offer is listed in a category that does not meet the criteria of the campaign.",
            Code::BA47 => "The offer does not meet the criteria of the campaign. It was listed more than 6 months ago.",
            Code::BA48 => "The offer does not meet the criteria of the campaign. It has not been published.",
            Code::BA49 => "Given bargain discount is too low. Campaign requires corresponding price reduction from offer’s suggested market price.",
            Code::BA50 => "Given bargain discount is too high. Campaign requires corresponding price reduction from offer’s suggested market price.",
            Code::BA51 => "Offer is archived.",
            Code::BA52 => "Offer is inactive.",
            Code::BA53 => "The number of offer items sold over the last 30 days is insufficient.",
            Code::BA54 => "Your product is included in the promotional campaign list of another active campaign.",
            Code::BA57 => "The offer price is not attractive enough compared to the market and Allegro Prices.",
            Code::BA58 => "It is required to link the offer with a product.",
            Code::BA59 => "The offer rejected at the request of the seller.",
            Code::BA60 => "Operation on standard badge not allowed.",
            Code::BA61 => "Operation not allowed because of badge status.",
            Code::BA62 => "Badge not found.",
            Code::BA63 => "Bargain price is not editable.",
            Code::BA64 => "The current campaign has been ended, submit your offer on the new terms.",
            Code::BA65 => "The offer is available at a lower price or does not meet the condition of appropriate price reduction.",
            Code::BA66 => "Given promotional price meets campaign requirements.",
            Code::BA67 => "The offer must be directed to business customers only.",
            Code::BA68 => "The offer is directed to business customers only.",
            Code::BA69 => "Operation on custom label badge not allowed",
            Code::BA70 => "Trying to change price for offer that is NOT in BUY_NOW format.",
            Code::BA71 => "Offer price is higher than max subsidy price.",
            Code::BA72 => "Offer price is lower or equal to subsidy target price.",
            Code::BA73 => "Category not found.",
            Code::BA74 => "The end date has been reached. The badge has ended.",
            Code::BA75 => "Badge is not in the campaign.",
            Code::BA76 => "Modifying badge from this campaign is not allowed.",
            Code::BA77 => "Badge is already in terminable state.",
            Code::BA78 => "Badge start date is after its end date.",
            Code::BA79 => "Campaign is not editable.",
            Code::BA80 => "Offer is not a bargain.",
            Code::BA81 => "Offer is inactive.",
            Code::BA82 => "Offer is not a multipack",
            Code::BA83 => "Offer is already in admin.",
            Code::BA84 => "Custom label field must be defined in custom label badge type.",
            Code::BA85 => "Custom label must not have prices defined.",
            Code::BA86 => "Requested origin is not supported in custom label badge.",
            Code::BA87 => "The purchase limit per user is less than 1 in this offer.",
            Code::BA88 => "Wrong badge status.",
            Code::BA97 => "You do not meet the condition regarding the required country of tax residence.",
            Code::BA101 => "The offer's product is not on the campaign's list of eligible products.",
            Code::BA104 => "The campaign's product or price conditions are not met.",
            Code::BA107 => "This Campaign requires you to declare quantity. Declaration of quantity required for the campaign has not been provided.",
            Code::ValidationError => "The request did not pass validation.",
            Code::AdsBusinessAccount => "The agency needs an Allegro business account.",
            Code::AdsWebsite => "The agency needs an active website.",
            Code::AdsCertificate => "The agency needs the Allegro Ads certificate.",
            Code::AdsGainingCustomers => "The agency must be actively gaining customers among Allegro sellers.",
            Code::AdsInvesting => "The agency must be investing in Allegro Ads campaigns on behalf of its customers.",
            Code::AdsActiveCustomers => "At least {required} active customers are required: {gap} more active customers.",
            Code::AdsQuarterlySpend => "Agency account spend of at least {required} PLN gross per quarter is required: {gap} PLN more spend per quarter.",
            Code::AdsTools => "At least {required} different Allegro Ads tools must be in active use: {gap} more.",
            Code::AdsPartnerLogo => "The Ads Partner logo must be on the agency website.",
            Code::AdsPartnerPlusLogo => "The Ads Partner + logo must be on the agency website.",
        }
    }

    fn reason(&self, reason: ServerOnlyReason) -> &'static str {
        match reason {
            ServerOnlyReason::TransientError => "a transient processing error on Allegro's side",
            ServerOnlyReason::RateLimit => "rate limits are counted by Allegro's servers",
            ServerOnlyReason::OfferExistence => "only Allegro knows whether an offer id exists",
            ServerOnlyReason::AccountExistence => "only Allegro knows whether an account exists",
            ServerOnlyReason::AccountTypeChanged => "the account type changes while Allegro processes the application",
            ServerOnlyReason::Attractiveness => "attractiveness is Allegro's own assessment",
            ServerOnlyReason::TitleReview => "titles and descriptions are reviewed by Allegro",
            ServerOnlyReason::ThumbnailReview => "thumbnails are reviewed by Allegro",
            ServerOnlyReason::OtherAccounts => "the seller's other accounts are not in the input",
            ServerOnlyReason::ManualDecision => "a manual decision of the Strefa okazji team",
            ServerOnlyReason::BadgeCriteria => "the badge's criteria are not published",
            ServerOnlyReason::DeliveryMethods => "delivery methods are not in the input",
            ServerOnlyReason::ProgramCriteria => "the program's criteria are not published",
            ServerOnlyReason::SameAsBa29 => "same text as BA29; the engine reports a product's maximum price as BA29",
            ServerOnlyReason::QualityCriteria => "quality criteria are Allegro's own assessment (relayed from eligibility.refusalReasons when Allegro names it)",
            ServerOnlyReason::OtherCampaignsProducts => "other campaigns' product lists are not in the input",
            ServerOnlyReason::PriceAttractiveness => "price attractiveness against the market is Allegro's own assessment",
            ServerOnlyReason::SellerRequest => "a decision taken at the seller's request",
            ServerOnlyReason::CampaignReplaced => "campaign replacements are announced by Allegro",
            ServerOnlyReason::HiddenPrices => "Allegro compares the offer with prices it alone sees",
            ServerOnlyReason::Informational => "an informational answer, not a refusal",
            ServerOnlyReason::CustomLabels => "custom label badges are not part of the public API",
            ServerOnlyReason::CategoryExistence => "only Allegro knows whether a category exists",
            ServerOnlyReason::CampaignEditability => "campaign editability is internal to Allegro",
            ServerOnlyReason::InternalTools => "an answer of Allegro's internal tools",
            ServerOnlyReason::Multipack => "multipack status is not in the input",
            ServerOnlyReason::AsyncTwinOfBb7 => "the asynchronous twin of BB7: Allegro's synchronous validation answers first, so the engine reports BB7",
            ServerOnlyReason::BadgeState => "the badge's internal state is Allegro's",
            ServerOnlyReason::TaxResidence => "the seller's country of tax residence is not in the input",
            ServerOnlyReason::EligibleProducts => "the campaign's list of eligible products is Allegro's and is not published",
            ServerOnlyReason::CampaignConditions => "the campaign's product and price conditions are not published",
        }
    }

    fn warning(&self, code: WarningCode) -> &'static str {
        match code {
            WarningCode::SuggestedMarketPriceIgnored => "Allegro has ignored a suggested market price since 2022 and computes the market price itself (the lowest price of the last 30 days); the checks used the suggested price.",
            WarningCode::PurchaseConstraintsIgnored => "Purchase constraints apply only to DISCOUNT and SOURCING campaigns; a STANDARD campaign ignores them.",
            WarningCode::UnknownRefusalCode => "Allegro refused eligibility with code {refusalCode}, which this engine does not know; reported as BB1.",
            WarningCode::LanguageFallback => "Allegro's messages in {requested} are not in this engine: the texts are in English.",
            WarningCode::OfferNotOnMarketplace => "The offer is not listed on {marketplace}, the campaign's marketplace: offer.additionalMarketplaces has no approved {marketplace} price. It cannot join the campaign as it is, and the checks of its price were not made.",
            WarningCode::CampaignStockIgnored => "The request has campaignStock, a field of Allegro's answer: Allegro reads the declared quantity from declaredStock.quantity and ignores campaignStock.",
            WarningCode::StockBelowDeclared => "The offer has {available} items in stock, fewer than the {declared} declared: Allegro reserves the declared quantity 3 days before the campaign's publication starts ({reservation}), and the offer's stock would not cover it unless it grows by then.",
            WarningCode::NoBargainPricePasses => "No bargain price passes every price rule of this campaign for this offer.",
            WarningCode::MarketPriceUpperBound => "The market price {market} was computed from a price history with gaps that could hide a lower price (metrics.priceHistoryExact: false). It is an upper bound: Allegro's market price may be lower, and a bargain price that passes here may then be refused as too small a discount.",
            WarningCode::BargainHintPartial => "The bargain range leaves out {codes}: an input those rules need is missing (see skipped), so a price inside the range may still be refused.",
        }
    }

    fn refusal_warning(&self, code: WarningCode) -> Option<&'static str> {
        match code {
            WarningCode::MarketPriceUpperBound => Some("The market price {market} was computed from a price history with gaps that could hide a lower price (metrics.priceHistoryExact: false). It is an upper bound, so the refusal {refusal} may be stricter than Allegro's: against a lower market price, a discount too deep for {market} may be within the limit, and one too small stays too small, perhaps under another code of the ladder."),
            WarningCode::SuggestedMarketPriceIgnored
            | WarningCode::PurchaseConstraintsIgnored
            | WarningCode::UnknownRefusalCode
            | WarningCode::NoBargainPricePasses
            | WarningCode::LanguageFallback
            | WarningCode::BargainHintPartial
            | WarningCode::OfferNotOnMarketplace
            | WarningCode::CampaignStockIgnored
            | WarningCode::StockBelowDeclared => None,
        }
    }

    fn benefit(&self, benefit: BenefitId) -> &'static str {
        match benefit {
            BenefitId::Helpline => "Help: helpline, chat, email",
            BenefitId::Certificate => "The Allegro Ads certificate",
            BenefitId::Events => "Invitations to Allegro Ads events",
            BenefitId::Competitions => "Competitions dedicated to agencies",
            BenefitId::PartnerLogo => "The partnership logo",
            BenefitId::BonusAdvertising => "Possibility to participate in bonus advertising",
            BenefitId::AccountManager => "Agency account manager",
            BenefitId::Champions => "Allegro Ads Champions recognition system",
            BenefitId::StatisticsApi => "The API Statystyki (API Statistics) service, part of REST API: download your campaigns' statistics automatically",
        }
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::DocumentedExample => "Allegro's OpenAPI: {endpoint}, {status} example",
            Label::DocumentedDescription => {
                "Allegro's OpenAPI: {endpoint}, the description of its {status} response"
            }
            Label::Accept => "every rule passes",
            Label::Reject => "Allegro would refuse this request",
            Label::Incomplete => "no rule fails, but some could not be checked",
            Label::TopLevel => "the highest level is reached",
            Label::NextLevel => "the next level needs more",
            Label::NoField => "(no field: the account or the request as a whole)",
            Label::SkippedHeading => "Not checked (context missing):",
            Label::Needs => "needs",
            Label::SkippedMessage => "Not checked: the document has no {missing}.",
            Label::SkippedAllegroPrices => "Not checked: the document has no allegroPrices, so the engine could not see whether the offer is discounted in Allegro Prices (pass the answer of POST /sale/allegro-prices/offers-queries).",
            Label::WarningsHeading => "Warnings:",
            Label::BargainRange => "Bargain prices that pass:",
            Label::NoBargainPrice => "No bargain price passes.",
            Label::PartnerLevel => "Allegro Ads Partner level:",
            Label::Benefits => "What it brings:",
            Label::Offline => "offline",
            Label::ServerOnly => "server-only",
            Label::ServerOnlyBecause => "(server-only: {reason})",
            Label::CodesSummary => {
                "{total} codes: {offline} checked offline, {serverOnly} server-only."
            }
            Label::TermsOf => "Built-in terms of {id}:",
            Label::NotBuiltIn => {
                "{id} is not a built-in campaign (built-in: {ids}); its terms are the integrator's to give in the check document's `terms` (RULES.md §5)"
            }
            Label::BuiltInCampaigns => "Built-in campaigns:",
            Label::PlanOffer => "offer",
            Label::PlanCampaign => "campaign",
            Label::PlanVerdict => "verdict",
            Label::PlanBargain => "proposed bargain price",
            Label::PlanCurrency => "currency",
            Label::PlanMin => "lowest price that passes",
            Label::PlanMax => "highest price that passes",
            Label::PlanCodes => "codes",
            Label::PlanMessages => "Allegro's messages",
            Label::PlanSkipped => "not checked (needs)",
            Label::PlanWarnings => "warnings",
            Label::PlanError => "input error",
            Label::PlanSource => "input (file:line)",
            Label::PlanAccept => "ACCEPT",
            Label::PlanReject => "REJECT",
            Label::PlanIncomplete => "INCOMPLETE",
            Label::PlanInputError => "ERROR",
            Label::RulesOfKind => "{kind} ({count} rules):",
            Label::RelaysRefusals => "and the codes Allegro names in eligibility.refusalReasons",
            Label::BoundsBargain => "(bounds the bargain price)",
            Label::NoOpenCampaign => {
                "the context shows no campaign open for applications: name the campaigns to plan"
            }
            Label::RulesSummary => {
                "{rules} rules in {kinds} kinds of check; docs/RULES-REFERENCE.md describes each."
            }
            Label::RouteSync => "at once, HTTP {status}",
            Label::RouteDeclined => "later, DECLINED after 202",
            Label::RouteEligibility => "before sending, an eligibility refusal",
            Label::RouteEngine => "no Allegro answer (the engine's own)",
            Label::Documented => "documented",
            Label::Inferred => "inferred",
            Label::TextQuoted => "text: Allegro's, as quoted in {ref}",
            Label::TextParaphrased => {
                "text: an integrator's paraphrase ({ref}), not Allegro's words"
            }
            Label::TextTranslated => "text: the engine's translation",
            Label::RetryLater => {
                "retry later: a transient failure on Allegro's side; send the same request again"
            }
            Label::AlsoCause => "{endpoint}: also answered for another cause (inferred: {why})",
        }
    }

    fn inference(&self, inference: Inference) -> &'static str {
        match inference {
            Inference::RequestValidation => "BB codes are Allegro's synchronous request validation, answered at once",
            Inference::Verification => "BA codes come from the verification of an accepted request: the application or operation is declined later",
            Inference::AsForThePatch => "as Allegro's OpenAPI documents the same code for the PATCH of a badge",
            Inference::RateLimit => "a rate limit is answered at once, with HTTP 429",
            Inference::ProcessingError => "a processing error is reported on the application or operation",
            Inference::GenericValidation => "Allegro's generic validation code, answered at once",
            Inference::EngineOwn => "the engine's own code: the Ads Partner program has no API",
            Inference::DeclinedOperationRetried => "an integrator reports a finish operation DECLINED with BB0 among its rejectionReasons, which succeeds when sent again later",
            Inference::HufRounding => "Allegro requires HUF prices rounded to an ending of 0 or 5 (allegro-api#9888); the badge API's code for a malformed amount is BB6, answered at once",
        }
    }

    fn numbers(&self) -> NumberFormat {
        NumberFormat {
            decimal: '.',
            group: ',',
            min_grouped: 4,
        }
    }

    fn input_error(&self, code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::NotJson => "not valid JSON at line {line}, column {column}: {detail}",
            ErrorCode::NotUtf8 => "not valid JSON at line {line}, column {column}: the text is not valid UTF-8",
            ErrorCode::NotAnObject => "the check document must be a JSON object, not an array",
            ErrorCode::WrongType => "expected {expected}, found {found}",
            ErrorCode::UnknownValue => "{value} is not one of the allowed values: {allowed}",
            ErrorCode::MissingField => "the field {field} is required",
            ErrorCode::InvalidValue => "{detail}",
            ErrorCode::TooDeep => "the JSON is nested too deep to be read",
            ErrorCode::PeriodBound => "a {type} period needs `{bound}`",
            ErrorCode::OfferMismatch => "the offer is \"{given}\" but {namedBy} is \"{requested}\": pass the offer the request names",
            ErrorCode::DuplicateCampaign => "campaign \"{id}\" is listed twice",
            ErrorCode::CurrencyMismatch => "{currency} differs from the campaign's currency {expected}: pass the figure in {expected}",
            ErrorCode::PercentRange => "{value} is not a percentage between 0 and 100",
            ErrorCode::LiveBadges => "the offer has {count} live badges in campaign \"{campaign}\"; Allegro allows one",
            ErrorCode::SpendCurrency => "{currency} given: the program counts spend in PLN",
        }
    }
}
