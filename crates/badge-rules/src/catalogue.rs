//! The catalogue: every code Allegro's badge API answers with, in one table.
//!
//! Each [`CodeInfo`] row holds a [`Code`], Allegro's Polish and English text
//! (taken verbatim from Allegro's guide; BA107, BB35 and BB39 from Allegro's
//! OpenAPI description, with our Polish translation), and whether the engine
//! decides it offline ([`Check::Offline`]) or only Allegro's servers can
//! ([`Check::ServerOnly`], with the reason). The engine never emits a
//! server-only code of its own accord; it only relays one that Allegro itself
//! named in a campaign's `eligibility.refusalReasons`.
//!
//! ```
//! use badge_rules::catalogue::{self, Code, Check};
//!
//! let ba49 = catalogue::info(Code::BA49);
//! assert!(ba49.en.starts_with("Given bargain discount is too low"));
//! assert_eq!(ba49.check, Check::Offline);
//! assert_eq!("BA49".parse::<Code>(), Ok(Code::BA49));
//! assert!(matches!(catalogue::info(Code::BB13).check, Check::ServerOnly { .. }));
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whether the engine can decide a code offline.
///
/// ```
/// use badge_rules::catalogue::{Check, Code};
/// assert_eq!(Code::BA49.info().check, Check::Offline);
/// assert_eq!(
///     Code::BB13.info().check,
///     Check::ServerOnly { reason: "rate limits are counted by Allegro's servers" },
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The engine checks it from the check document.
    Offline,
    /// Only Allegro's servers can decide it; `reason` says why.
    ServerOnly {
        /// Why the engine cannot decide it.
        reason: &'static str,
    },
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
/// let row = ALL.iter().find(|row| row.code == Code::BB5).unwrap();
/// assert_eq!(row.pl, "Waluta nie jest równa [PLN].");
/// assert_eq!(row.en, "Currency is not equal to [PLN].");
/// assert!(row.check.is_offline());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Allegro's Polish text.
    pub pl: &'static str,
    /// Allegro's English text.
    pub en: &'static str,
    /// Whether the engine decides it offline.
    pub check: Check,
}

impl CodeInfo {
    /// The text in `lang`.
    ///
    /// ```
    /// use badge_rules::{catalogue::{self, Code}, Lang};
    /// assert_eq!(catalogue::info(Code::BB2).text(Lang::Pl), "Konto nie jest Kontem Firma.");
    /// ```
    pub const fn text(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.en,
            crate::Lang::Pl => self.pl,
        }
    }
}

/// A code is not in the catalogue.
///
/// ```
/// use badge_rules::catalogue::{Code, UnknownCode};
/// let err = "BA23".parse::<Code>().unwrap_err(); // Allegro's guide has no BA23
/// assert_eq!(err, UnknownCode("BA23".into()));
/// assert_eq!(err.to_string(), r#"unknown code "BA23""#);
/// assert!(serde_json::from_str::<Code>(r#""BA23""#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {0:?}")]
pub struct UnknownCode(pub String);

macro_rules! catalogue {
    ($( $code:ident $(($name:literal))? => $check:expr, pl $pl:literal, en $en:literal; )*) => {
        /// Every code of Allegro's badge API, as Allegro spells it.
        ///
        /// ```
        /// use badge_rules::catalogue::Code;
        /// assert_eq!(Code::BA107.as_str(), "BA107");
        /// assert_eq!(Code::ValidationError.as_str(), "VALIDATION_ERROR");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[allow(clippy::upper_case_acronyms, missing_docs)]
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
            $( CodeInfo { code: Code::$code, pl: $pl, en: $en, check: $check }, )*
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
    BB0 => Check::ServerOnly { reason: "a transient processing error on Allegro's side" },
        pl "Wystąpił błąd podczas przetwarzania zgłoszenia. Prosimy spróbować ponownie później.",
        en "Error occurred during application processing. Please try again later.";
    BB1 => Check::Offline,
        pl "Konto nie spełnia kryteriów jakościowych.",
        en "Account does not meet the quality criteria.";
    BB2 => Check::Offline,
        pl "Konto nie jest Kontem Firma.",
        en "Account is not a Company account type.";
    BB3 => Check::Offline,
        pl "Brak pola campaign.id.",
        en "Empty campaign.id field.";
    BB4 => Check::Offline,
        pl "Brak pola offer.id.",
        en "Empty offer.id field.";
    BB5 => Check::Offline,
        pl "Waluta nie jest równa [PLN].",
        en "Currency is not equal to [PLN].";
    BB6 => Check::Offline,
        pl "Jedna z wartości liczbowych nie jest liczbą.",
        en "One of the numeric values is not a valid number.";
    BB7 => Check::Offline,
        pl "Jedna z wartości liczbowych jest liczbą mniejszą od 1.",
        en "One of the numeric values is less than 1.";
    BB8 => Check::Offline,
        pl "Zgłoszenie nie istnieje.",
        en "Application not found.";
    BB9 => Check::Offline,
        pl "Nieprawidłowa wartość parametru [limit].",
        en "Invalid [limit] parameter value.";
    BB10 => Check::Offline,
        pl "Nieprawidłowa wartość parametru [offset].",
        en "Invalid [offset] parameter value.";
    BB11 => Check::Offline,
        pl "Identyfikator oferty ma nieprawidłową wartość.",
        en "Offer id is not valid.";
    BB12 => Check::Offline,
        pl "Zgłoszenie już istnieje.",
        en "Application already exists.";
    BB13 => Check::ServerOnly { reason: "rate limits are counted by Allegro's servers" },
        pl "Zbyt dużo żądań dla tego konta.",
        en "Too many requests from this account.";
    BB14 => Check::Offline,
        pl "Operacja nie istnieje.",
        en "Operation not found.";
    BB15 => Check::Offline,
        pl "Pole process jest dozwolone jedynie dla operacji zakończenia oznaczenia. Pole prices jest dozwolone jedynie dla operacji zmiany ceny.",
        en "The process field is only allowed for the finish badge operation. The prices field is only allowed for the price change operation.";
    BB16 => Check::Offline,
        pl "Pole process jest wymagane jedynie dla operacji zakończenia oznaczenia. Pole prices jest wymagane jedynie dla operacji zmiany ceny.",
        en "The process field is required for the finish badge operation. The prices field is required for the price change operation.";
    BB17 => Check::Offline,
        pl "Wartość pola process.status musi być równa FINISHED.",
        en "The process.status field must be equal to FINISHED.";
    BB35 => Check::Offline,
        pl "Nieprawidłowa wartość parametru [marketplace.id].",
        en "Invalid [marketplace.id] parameter value.";
    BB39 => Check::Offline,
        pl "Zadeklarowana liczba sztuk została podana dla kampanii, która jej nie wymaga.",
        en "The declared stock quantity is defined for a Campaign that does not require it.";
    BA1 => Check::Offline,
        pl "Oznaczenie już istnieje.",
        en "Badge already exists.";
    BA2 => Check::Offline,
        pl "Cena zniżkowa lub sugerowana cena rynkowa nie są zdefiniowane.",
        en "Bargain price or suggested market price are not defined.";
    BA3 => Check::Offline,
        pl "Cena zniżkowa i cena rynkowa nie powinny być zdefiniowane.",
        en "Bargain price and suggested market price should not be defined.";
    BA4 => Check::ServerOnly { reason: "only Allegro knows whether an offer id exists" },
        pl "Oferta nie istnieje.",
        en "Offer not found.";
    BA5 => Check::Offline,
        pl "Aktualna cena oferty jest wyższa od sugerowanej ceny rynkowej.",
        en "Current offer price is higher than suggested market price.";
    BA6 => Check::Offline,
        pl "Oferta została zakończona.",
        en "Offer has ended.";
    BA7 => Check::ServerOnly { reason: "only Allegro knows whether an account exists" },
        pl "Konto nie istnieje.",
        en "Account not found.";
    BA8 => Check::ServerOnly { reason: "the account type changes while Allegro processes the application" },
        pl "W trakcie przetwarzania konto przestało być Kontem Firma.",
        en "Account is no longer a Company account type.";
    BA9 => Check::Offline,
        pl "Konto nie jest właścicielem oferty.",
        en "This account is not the owner of the offer.";
    BA10 => Check::Offline,
        pl "Kampania nie istnieje.",
        en "Campaign not found.";
    BA11 => Check::Offline,
        pl "Kampania została zakończona.",
        en "Campaign has ended.";
    BA12 => Check::Offline,
        pl "Cena zniżkowa jest wyższa od aktualnej ceny oferty.",
        en "Bargain price is higher than current offer price.";
    BA13 => Check::Offline,
        pl "Cena zniżkowa jest równa sugerowanej cenie rynkowej.",
        en "Bargain price is the same as suggested market price.";
    BA14 => Check::Offline,
        pl "Cena zniżkowa jest taka sama lub wyższa od sugerowanej ceny rynkowej.",
        en "Bargain price is the same or higher than suggested market price.";
    BA15 => Check::Offline,
        pl "Oznaczenie zostało już zaakceptowane.",
        en "Badge has already been accepted.";
    BA16 => Check::Offline,
        pl "Zniżka musi wynosić co najmniej 1% w stosunku do sugerowanej ceny rynkowej.",
        en "Discount must be greater or equal to 1% to the suggested market price.";
    BA17 => Check::Offline,
        pl "Oferta ma za mało sztuk.",
        en "Offer has not enough items.";
    BA18 => Check::ServerOnly { reason: "attractiveness is Allegro's own assessment" },
        pl "Oferta jest mało atrakcyjna.",
        en "Offer is not attractive enough.";
    BA19 => Check::ServerOnly { reason: "titles and descriptions are reviewed by Allegro" },
        pl "Opis lub tytuł nie spełnia wymagań.",
        en "Offer’s title or description does not meet requirements.";
    BA20 => Check::ServerOnly { reason: "thumbnails are reviewed by Allegro" },
        pl "Miniaturka nie spełnia wymagań.",
        en "Offer’s thumbnail does not meet requirements.";
    BA21 => Check::ServerOnly { reason: "the seller's other accounts are not in the input" },
        pl "Produkt w tej lub niższej cenie jest na innym Twoim koncie.",
        en "Product with equal or lower price exists in your another account.";
    BA22 => Check::Offline,
        pl "Konto nie spełnia kryteriów - minimum 98% pozytywnych ocen z 3 ostatnich miesięcy.",
        en "Account does not meet the criteria - minimum 98% positive rates from last 3 months.";
    BA24 => Check::Offline,
        pl "Oferta posiada już inne oznaczenie obniżające cenę.",
        en "A discount badge for this offer already exists.";
    BA25 => Check::ServerOnly { reason: "a manual decision of the Strefa okazji team" },
        pl "Wymagany kontakt z zespołem Strefy okazji pod adresem [strefaokazji@allegro.pl].",
        en "Contact required with Strefa okazji team at [strefaokazji@allegro.pl].";
    BA26 => Check::ServerOnly { reason: "the badge's criteria are not published" },
        pl "Oferta nie spełnia kryteriów danego oznaczenia.",
        en "Offer does not meet requirements for this badge.";
    BA27 => Check::ServerOnly { reason: "delivery methods are not in the input" },
        pl "Brak odpowiedniej metody dostawy.",
        en "No suitable delivery method.";
    BA28 => Check::ServerOnly { reason: "the program's criteria are not published" },
        pl "Oferta nie spełnia kryteriów udziału w programie.",
        en "Offer does not meet requirements for this program.";
    BA29 => Check::Offline,
        pl "Proponowana cena zniżkowa oferty jest niepoprawna. Właściwa cena maksymalna znajduje się liście produktów dla tej kampanii.",
        en "The proposed bargain price is incorrect. The maximum price is on the list of products for this campaign.";
    BA30 => Check::Offline,
        pl "Oferta posiada niepoprawny kod EAN. Właściwy kod EAN znajdziesz na liście produktów dla tej kampanii.",
        en "The offer has an incorrect EAN code. You can find the correct EAN code on the list of products for this campaign.";
    BA31 => Check::Offline,
        pl "Oferta nie ma uzupełnionego kodu EAN. Właściwy kod EAN znajdziesz na liście produktów dla tej kampanii.",
        en "The offer does not have EAN code. You can find the correct EAN code on the list of products for this campaign.";
    BA32 => Check::Offline,
        pl "Oferta jest wystawiona w złej kategorii.",
        en "Offer was published in wrong category.";
    BA33 => Check::ServerOnly { reason: "same text as BA29; the engine reports a product's maximum price as BA29" },
        pl "Proponowana cena zniżkowa oferty jest niepoprawna. Właściwa cena maksymalna znajduje się liście produktów dla tej kampanii.",
        en "The proposed bargain price is incorrect. The maximum price is on the list of products for this campaign.";
    BA34 => Check::Offline,
        pl "Zgłoszenie nie zawiera informacji na temat ceny zniżkowej.",
        en "The application does not contain information about bargain price.";
    BA35 => Check::Offline,
        pl "Oferta tego produktu nie posiada wystarczającej liczby sztuk, która jest określona na liście produktów dla tej kampanii.",
        en "The offer of this product does not have required quantity of items which is specified on the list of product for this campaign.";
    BA36 => Check::Offline,
        pl "Sugerowana cena rynkowa nie może być zdefiniowana dla kampanii tego typu.",
        en "Suggested market price must not be defined in this campaign type.";
    BA37 => Check::Offline,
        pl "Nie możemy obliczyć średniej ceny sprzedaży dla tej oferty. Brak wystarczającej liczby zakupów w ofercie.",
        en "Average selling price cannot be calculated for this offer. There is insufficient number of purchases.";
    BA38 => Check::Offline,
        pl "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do średniej ceny sprzedaży oferty. Podana cena zniżkowa w kampanii jest za wysoka.",
        en "Given bargain price is too high. Campaign requires corresponding price reduction from offer’s average selling price.";
    BA39 => Check::Offline,
        pl "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do ceny oferty. Podana cena zniżkowa w kampanii jest za wysoka.",
        en "Given bargain price is too high. Campaign requires corresponding price reduction from offer’s base price.";
    BA40 => Check::Offline,
        pl "Wprowadzona sugerowana cena rynkowa jest zawyżona. Podana cena nie może być wyższa niż średnia cena sprzedaży oferty.",
        en "Given market price is too high. Campaign requires corresponding price reduction from offer’s average selling price.";
    BA41 => Check::Offline,
        pl "Wprowadzona sugerowana cena rynkowa jest zawyżona. Podana cena nie może być wyższa niż cena sprzedaży oferty.",
        en "Given market price is too high. Campaign requires corresponding price reduction from offer’s base price.";
    BA42 => Check::Offline,
        pl "Oferta nie ma oznaczenia [Smart!]. W kampanii mogą brać udział tylko oferty z tym oznaczeniem.",
        en "Offer does not meet requirements of [Smart!] program. Only offers meeting [Smart!] criteria can participate in this campaign.";
    BA43 => Check::Offline,
        pl "Wartość parametru [Stan] w ofercie jest inna niż [Nowy].",
        en "Offer’s parameter [Condition] is different than [New].";
    BA44 => Check::ServerOnly { reason: "quality criteria are Allegro's own assessment (relayed from eligibility.refusalReasons when Allegro names it)" },
        pl "Konto nie spełnia wymaganych kryteriów jakościowych.",
        en "Account does not meet the required quality criteria.";
    BA45 => Check::Offline,
        pl "Limit zgłoszeń dla tej oferty został przekroczony. Ponowne zgłoszenie do tej kampanii będzie możliwe za 24 godziny.",
        en "The limit of applications for this offer has been exceeded. You can re-apply to this campaign after 24 hours.";
    BA46 => Check::Offline,
        pl "Oferta jest wystawiona w kategorii, która nie spełnia kryteriów kampanii.",
        en "The offer is listed in a category that does not meet the criteria of the campaign.";
    BA47 => Check::Offline,
        pl "Oferta nie spełnia kryteriów kampanii. Została wystawiona więcej niż 6 miesięcy temu.",
        en "The offer does not meet the criteria of the campaign. It was listed more than 6 months ago.";
    BA48 => Check::Offline,
        pl "Oferta nie spełnia kryteriów kampanii. Oferta nie jest opublikowana.",
        en "The offer does not meet the criteria of the campaign. It has not been published.";
    BA49 => Check::Offline,
        pl "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do sugerowanej ceny rynkowej oferty. Proponowana obniżka ceny jest za niska.",
        en "Given bargain discount is too low. Campaign requires corresponding price reduction from offer’s suggested market price.";
    BA50 => Check::Offline,
        pl "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do sugerowanej ceny rynkowej oferty. Proponowana obniżka ceny jest zbyt wysoka.",
        en "Given bargain discount is too high. Campaign requires corresponding price reduction from offer’s suggested market price.";
    BA51 => Check::Offline,
        pl "Oferta jest zarchiwizowana.",
        en "Offer is archived.";
    BA52 => Check::Offline,
        pl "Oferta jest nieaktywna.",
        en "Offer is inactive.";
    BA53 => Check::Offline,
        pl "Liczba sprzedanych sztuk przedmiotów na ofercie przez ostatnie 30 dni jest niewystarczająca.",
        en "The number of offer items sold over the last 30 days is insufficient.";
    BA54 => Check::ServerOnly { reason: "other campaigns' product lists are not in the input" },
        pl "Twój produkt znajduje się na liście produktów objętych akcją promocyjną innej aktywnej kampanii.",
        en "Your product is included in the promotional campaign list of another active campaign.";
    BA57 => Check::ServerOnly { reason: "price attractiveness against the market is Allegro's own assessment" },
        pl "Oferta przestała być atrakcyjna cenowo względem cen rynkowych i cen w serwisie Allegro.pl.",
        en "The offer price is not attractive enough compared to the market and Allegro Prices.";
    BA58 => Check::Offline,
        pl "Wymagane jest powiązanie oferty z produktem.",
        en "It is required to link the offer with a product.";
    BA59 => Check::ServerOnly { reason: "a decision taken at the seller's request" },
        pl "Oferta odrzucona na wniosek sprzedającego.",
        en "The offer rejected at the request of the seller.";
    BA60 => Check::Offline,
        pl "Operacja niedozwolona na oznaczeniu w kampanii standardowej.",
        en "Operation on standard badge not allowed.";
    BA61 => Check::Offline,
        pl "Status oznaczenia nie pozwala na edycję.",
        en "Operation not allowed because of badge status.";
    BA62 => Check::Offline,
        pl "Nie odnaleziono oznaczenia.",
        en "Badge not found.";
    BA63 => Check::Offline,
        pl "Nie można zmodyfikować ceny zniżkowej.",
        en "Bargain price is not editable.";
    BA64 => Check::ServerOnly { reason: "campaign replacements are announced by Allegro" },
        pl "Dotychczasowa kampania została zakończona, zgłoś ofertę na nowych zasadach.",
        en "The current campaign has been ended, submit your offer on the new terms.";
    BA65 => Check::ServerOnly { reason: "Allegro compares the offer with prices it alone sees" },
        pl "Oferta jest dostępna w sprzedaży z niższą ceną lub nie spełnia warunku odpowiedniej obniżki.",
        en "The offer is available at a lower price or does not meet the condition of appropriate price reduction.";
    BA66 => Check::ServerOnly { reason: "an informational answer, not a refusal" },
        pl "Podana cena promocyjna spełnia wymagania.",
        en "Given promotional price meets campaign requirements.";
    BA67 => Check::Offline,
        pl "Oferta musi być skierowana wyłącznie do klientów biznesowych.",
        en "The offer must be directed to business customers only.";
    BA68 => Check::Offline,
        pl "Oferta jest skierowana wyłącznie do klientów biznesowych.",
        en "The offer is directed to business customers only.";
    BA69 => Check::ServerOnly { reason: "custom label badges are not part of the public API" },
        pl "Niedozwolona operacja na etykiecie niestandardowego oznaczenia.",
        en "Operation on custom label badge not allowed";
    BA70 => Check::Offline,
        pl "Próba zmiany ceny oferty, która nie jest w odpowiednim formacie.",
        en "Trying to change price for offer that is NOT in BUY_NOW format.";
    BA71 => Check::Offline,
        pl "Cena oferty jest wyższa niż maksymalna cena dotowana.",
        en "Offer price is higher than max subsidy price.";
    BA72 => Check::Offline,
        pl "Cena oferty jest niższa bądź równa docelowej cenie dotowanej.",
        en "Offer price is lower or equal to subsidy target price.";
    BA73 => Check::ServerOnly { reason: "only Allegro knows whether a category exists" },
        pl "Kategoria nie istnieje.",
        en "Category not found.";
    BA74 => Check::Offline,
        pl "Osiągnięto datę końca. Oznaczenie zostało zakończone.",
        en "The end date has been reached. The badge has ended.";
    BA75 => Check::Offline,
        pl "Oznaczenie nie znajduje się w kampanii.",
        en "Badge is not in the campaign.";
    BA76 => Check::Offline,
        pl "Modyfikacja oznaczania dla tej kampanii jest niedozwolone.",
        en "Modifying badge from this campaign is not allowed.";
    BA77 => Check::Offline,
        pl "Oznaczenie jest już w stanie końcowym.",
        en "Badge is already in terminable state.";
    BA78 => Check::Offline,
        pl "Data początku oznaczenia jest później niż data zakończenia.",
        en "Badge start date is after its end date.";
    BA79 => Check::ServerOnly { reason: "campaign editability is internal to Allegro" },
        pl "Nie można zmodyfikować kampanii.",
        en "Campaign is not editable.";
    BA80 => Check::ServerOnly { reason: "an answer of Allegro's internal tools" },
        pl "Oferta nie jest zniżką.",
        en "Offer is not a bargain.";
    BA81 => Check::ServerOnly { reason: "an answer of Allegro's internal tools" },
        pl "Oferta nie jest aktywna.",
        en "Offer is inactive.";
    BA82 => Check::ServerOnly { reason: "multipack status is not in the input" },
        pl "Oferta nie jest wielosztuką.",
        en "Offer is not a multipack";
    BA83 => Check::ServerOnly { reason: "an answer of Allegro's internal tools" },
        pl "Oferta jest już w panelu administracyjnym.",
        en "Offer is already in admin.";
    BA84 => Check::ServerOnly { reason: "custom label badges are not part of the public API" },
        pl "W niestandardowym oznaczeniu musi zostać zdefiniowana etykieta.",
        en "Custom label field must be defined in custom label badge type.";
    BA85 => Check::ServerOnly { reason: "custom label badges are not part of the public API" },
        pl "Etykieta niestandardowego oznaczenia nie może zawierać ceny.",
        en "Custom label must not have prices defined.";
    BA86 => Check::ServerOnly { reason: "custom label badges are not part of the public API" },
        pl "Żądane pochodzenie nie jest wspierane przez niestandardowe oznaczenie.",
        en "Requested origin is not supported in custom label badge.";
    BA87 => Check::ServerOnly { reason: "the asynchronous twin of BB7: Allegro's synchronous validation answers first, so the engine reports BB7" },
        pl "Limit zakupów na użytkownika w tej ofercie jest mniejszy niż 1.",
        en "The purchase limit per user is less than 1 in this offer.";
    BA88 => Check::ServerOnly { reason: "the badge's internal state is Allegro's" },
        pl "Niepoprawny stan oznaczenia.",
        en "Wrong badge status.";
    BA107 => Check::Offline,
        pl "Ta kampania wymaga zadeklarowania liczby sztuk. Nie podano deklaracji liczby sztuk wymaganej dla kampanii.",
        en "This Campaign requires you to declare quantity. Declaration of quantity required for the campaign has not been provided.";
    ValidationError("VALIDATION_ERROR") => Check::Offline,
        pl "Żądanie nie przeszło walidacji.",
        en "The request did not pass validation.";
    AdsBusinessAccount("ADS_BUSINESS_ACCOUNT") => Check::Offline,
        pl "Agencja musi mieć konto firmowe na Allegro.",
        en "The agency needs an Allegro business account.";
    AdsWebsite("ADS_WEBSITE") => Check::Offline,
        pl "Agencja musi mieć aktywną stronę internetową.",
        en "The agency needs an active website.";
    AdsCertificate("ADS_CERTIFICATE") => Check::Offline,
        pl "Agencja musi mieć certyfikat Allegro Ads.",
        en "The agency needs the Allegro Ads certificate.";
    AdsGainingCustomers("ADS_GAINING_CUSTOMERS") => Check::Offline,
        pl "Agencja musi aktywnie pozyskiwać klientów wśród sprzedających na Allegro.",
        en "The agency must be actively gaining customers among Allegro sellers.";
    AdsInvesting("ADS_INVESTING") => Check::Offline,
        pl "Agencja musi inwestować w kampanie Allegro Ads w imieniu swoich klientów.",
        en "The agency must be investing in Allegro Ads campaigns on behalf of its customers.";
    AdsActiveCustomers("ADS_ACTIVE_CUSTOMERS") => Check::Offline,
        pl "Wymaganych jest co najmniej {required} aktywnych klientów: brakuje {gap}.",
        en "At least {required} active customers are required: {gap} more active customers.";
    AdsQuarterlySpend("ADS_QUARTERLY_SPEND") => Check::Offline,
        pl "Wymagane są wydatki konta agencji co najmniej {required} PLN brutto na kwartał: brakuje {gap} PLN na kwartał.",
        en "Agency account spend of at least {required} PLN gross per quarter is required: {gap} PLN more spend per quarter.";
    AdsTools("ADS_TOOLS") => Check::Offline,
        pl "Wymagane jest aktywne korzystanie z co najmniej {required} różnych narzędzi Allegro Ads: brakuje {gap}.",
        en "At least {required} different Allegro Ads tools must be in active use: {gap} more.";
    AdsPartnerLogo("ADS_PARTNER_LOGO") => Check::Offline,
        pl "Logo Ads Partner musi być na stronie agencji.",
        en "The Ads Partner logo must be on the agency website.";
    AdsPartnerPlusLogo("ADS_PARTNER_PLUS_LOGO") => Check::Offline,
        pl "Logo Ads Partner + musi być na stronie agencji.",
        en "The Ads Partner + logo must be on the agency website.";
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

    /// This code's catalogue row.
    ///
    /// ```
    /// use badge_rules::catalogue::Code;
    /// assert_eq!(Code::BA12.info().en, "Bargain price is higher than current offer price.");
    /// ```
    pub fn info(self) -> &'static CodeInfo {
        info(self)
    }
}

/// The catalogue row of `code`.
///
/// ```
/// use badge_rules::catalogue::{info, Code};
/// assert_eq!(info(Code::BB3).en, "Empty campaign.id field.");
/// ```
pub fn info(code: Code) -> &'static CodeInfo {
    // The table and the enum come from the same macro, in the same order.
    ALL.get(code as usize).unwrap_or(&FALLBACK)
}

static FALLBACK: CodeInfo = CodeInfo {
    code: Code::BB0,
    pl: "",
    en: "",
    check: Check::ServerOnly { reason: "" },
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
            .ok_or_else(|| UnknownCode(s.to_owned()))
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
            assert!(!row.pl.is_empty() && !row.en.is_empty());
        }
    }

    #[test]
    fn covers_the_guide_and_the_openapi_additions() {
        assert_eq!(ALL.iter().filter(|c| c.code.is_allegros()).count(), 107);
        assert_eq!(ALL.iter().filter(|c| !c.code.is_allegros()).count(), 10);
        for name in [
            "BB0",
            "BB17",
            "BA1",
            "BA88",
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
