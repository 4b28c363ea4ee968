//! Polish: Allegro's Polish texts (its Polish guide; BA107, BB35 and BB39, which Allegro publishes in English only, in our translation), and the engine's own words.
//!
//! ```
//! use badge_rules::{Code, Lang};
//! assert_eq!(Lang::Pl.locale().code(Code::BB4), "Brak pola offer.id.");
//! ```

use std::borrow::Cow;

use super::texts::Locale;
use crate::catalogue::Code;
use crate::keys::{BenefitId, ErrorCode, Inference, Label, ServerOnlyReason, WarningCode};

use super::numbers::NumberFormat;

/// Polish.
#[derive(Debug)]
pub(crate) struct Polish;

impl Locale for Polish {
    fn code(&self, code: Code) -> &'static str {
        match code {
            Code::BB0 => "Wystąpił błąd podczas przetwarzania zgłoszenia. Prosimy spróbować ponownie później.",
            Code::BB1 => "Konto nie spełnia kryteriów jakościowych.",
            Code::BB2 => "Konto nie jest Kontem Firma.",
            Code::BB3 => "Brak pola campaign.id.",
            Code::BB4 => "Brak pola offer.id.",
            Code::BB5 => "Waluta nie jest równa [PLN].",
            Code::BB6 => "Jedna z wartości liczbowych nie jest liczbą.",
            Code::BB7 => "Jedna z wartości liczbowych jest liczbą mniejszą od 1.",
            Code::BB8 => "Zgłoszenie nie istnieje.",
            Code::BB9 => "Nieprawidłowa wartość parametru [limit].",
            Code::BB10 => "Nieprawidłowa wartość parametru [offset].",
            Code::BB11 => "Identyfikator oferty ma nieprawidłową wartość.",
            Code::BB12 => "Zgłoszenie już istnieje.",
            Code::BB13 => "Zbyt dużo żądań dla tego konta.",
            Code::BB14 => "Operacja nie istnieje.",
            Code::BB15 => "Pole process jest dozwolone jedynie dla operacji zakończenia oznaczenia. Pole prices jest dozwolone jedynie dla operacji zmiany ceny.",
            Code::BB16 => "Pole process jest wymagane jedynie dla operacji zakończenia oznaczenia. Pole prices jest wymagane jedynie dla operacji zmiany ceny.",
            Code::BB17 => "Wartość pola process.status musi być równa FINISHED.",
            Code::BB35 => "Nieprawidłowa wartość parametru [marketplace.id].",
            Code::BB39 => "Zadeklarowana liczba sztuk została podana dla kampanii, która jej nie wymaga.",
            Code::BA1 => "Oznaczenie już istnieje.",
            Code::BA2 => "Cena zniżkowa lub sugerowana cena rynkowa nie są zdefiniowane.",
            Code::BA3 => "Cena zniżkowa i cena rynkowa nie powinny być zdefiniowane.",
            Code::BA4 => "Oferta nie istnieje.",
            Code::BA5 => "Aktualna cena oferty jest wyższa od sugerowanej ceny rynkowej.",
            Code::BA6 => "Oferta została zakończona.",
            Code::BA7 => "Konto nie istnieje.",
            Code::BA8 => "W trakcie przetwarzania konto przestało być Kontem Firma.",
            Code::BA9 => "Konto nie jest właścicielem oferty.",
            Code::BA10 => "Kampania nie istnieje.",
            Code::BA11 => "Kampania została zakończona.",
            Code::BA12 => "Cena zniżkowa jest wyższa od aktualnej ceny oferty.",
            Code::BA13 => "Cena zniżkowa jest równa sugerowanej cenie rynkowej.",
            Code::BA14 => "Cena zniżkowa jest taka sama lub wyższa od sugerowanej ceny rynkowej.",
            Code::BA15 => "Oznaczenie zostało już zaakceptowane.",
            Code::BA16 => "Zniżka musi wynosić co najmniej 1% w stosunku do sugerowanej ceny rynkowej.",
            Code::BA17 => "Oferta ma za mało sztuk.",
            Code::BA18 => "Oferta jest mało atrakcyjna.",
            Code::BA19 => "Opis lub tytuł nie spełnia wymagań.",
            Code::BA20 => "Miniaturka nie spełnia wymagań.",
            Code::BA21 => "Produkt w tej lub niższej cenie jest na innym Twoim koncie.",
            Code::BA22 => "Konto nie spełnia kryteriów - minimum 98% pozytywnych ocen z 3 ostatnich miesięcy.",
            Code::BA24 => "Oferta posiada już inne oznaczenie obniżające cenę.",
            Code::BA25 => "Wymagany kontakt z zespołem Strefy okazji pod adresem [strefaokazji@allegro.pl].",
            Code::BA26 => "Oferta nie spełnia kryteriów danego oznaczenia.",
            Code::BA27 => "Brak odpowiedniej metody dostawy.",
            Code::BA28 => "Oferta nie spełnia kryteriów udziału w programie.",
            Code::BA29 => "Proponowana cena zniżkowa oferty jest niepoprawna. Właściwa cena maksymalna znajduje się liście produktów dla tej kampanii.",
            Code::BA30 => "Oferta posiada niepoprawny kod EAN. Właściwy kod EAN znajdziesz na liście produktów dla tej kampanii.",
            Code::BA31 => "Oferta nie ma uzupełnionego kodu EAN. Właściwy kod EAN znajdziesz na liście produktów dla tej kampanii.",
            Code::BA32 => "Oferta jest wystawiona w złej kategorii.",
            Code::BA33 => "Proponowana cena zniżkowa oferty jest niepoprawna. Właściwa cena maksymalna znajduje się liście produktów dla tej kampanii.",
            Code::BA34 => "Zgłoszenie nie zawiera informacji na temat ceny zniżkowej.",
            Code::BA35 => "Oferta tego produktu nie posiada wystarczającej liczby sztuk, która jest określona na liście produktów dla tej kampanii.",
            Code::BA36 => "Sugerowana cena rynkowa nie może być zdefiniowana dla kampanii tego typu.",
            Code::BA37 => "Nie możemy obliczyć średniej ceny sprzedaży dla tej oferty. Brak wystarczającej liczby zakupów w ofercie.",
            Code::BA38 => "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do średniej ceny sprzedaży oferty. Podana cena zniżkowa w kampanii jest za wysoka.",
            Code::BA39 => "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do ceny oferty. Podana cena zniżkowa w kampanii jest za wysoka.",
            Code::BA40 => "Wprowadzona sugerowana cena rynkowa jest zawyżona. Podana cena nie może być wyższa niż średnia cena sprzedaży oferty.",
            Code::BA41 => "Wprowadzona sugerowana cena rynkowa jest zawyżona. Podana cena nie może być wyższa niż cena sprzedaży oferty.",
            Code::BA42 => "Oferta nie ma oznaczenia [Smart!]. W kampanii mogą brać udział tylko oferty z tym oznaczeniem.",
            Code::BA43 => "Wartość parametru [Stan] w ofercie jest inna niż [Nowy].",
            Code::BA44 => "Konto nie spełnia wymaganych kryteriów jakościowych.",
            Code::BA45 => "Limit zgłoszeń dla tej oferty został przekroczony. Ponowne zgłoszenie do tej kampanii będzie możliwe za 24 godziny.",
            Code::BA46 => "Oferta jest wystawiona w kategorii, która nie spełnia kryteriów kampanii.",
            Code::BA47 => "Oferta nie spełnia kryteriów kampanii. Została wystawiona więcej niż 6 miesięcy temu.",
            Code::BA48 => "Oferta nie spełnia kryteriów kampanii. Oferta nie jest opublikowana.",
            Code::BA49 => "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do sugerowanej ceny rynkowej oferty. Proponowana obniżka ceny jest za niska.",
            Code::BA50 => "W tej kampanii wymagamy odpowiedniej obniżki w stosunku do sugerowanej ceny rynkowej oferty. Proponowana obniżka ceny jest zbyt wysoka.",
            Code::BA51 => "Oferta jest zarchiwizowana.",
            Code::BA52 => "Oferta jest nieaktywna.",
            Code::BA53 => "Liczba sprzedanych sztuk przedmiotów na ofercie przez ostatnie 30 dni jest niewystarczająca.",
            Code::BA54 => "Twój produkt znajduje się na liście produktów objętych akcją promocyjną innej aktywnej kampanii.",
            Code::BA57 => "Oferta przestała być atrakcyjna cenowo względem cen rynkowych i cen w serwisie Allegro.pl.",
            Code::BA58 => "Wymagane jest powiązanie oferty z produktem.",
            Code::BA59 => "Oferta odrzucona na wniosek sprzedającego.",
            Code::BA60 => "Operacja niedozwolona na oznaczeniu w kampanii standardowej.",
            Code::BA61 => "Status oznaczenia nie pozwala na edycję.",
            Code::BA62 => "Nie odnaleziono oznaczenia.",
            Code::BA63 => "Nie można zmodyfikować ceny zniżkowej.",
            Code::BA64 => "Dotychczasowa kampania została zakończona, zgłoś ofertę na nowych zasadach.",
            Code::BA65 => "Oferta jest dostępna w sprzedaży z niższą ceną lub nie spełnia warunku odpowiedniej obniżki.",
            Code::BA66 => "Podana cena promocyjna spełnia wymagania.",
            Code::BA67 => "Oferta musi być skierowana wyłącznie do klientów biznesowych.",
            Code::BA68 => "Oferta jest skierowana wyłącznie do klientów biznesowych.",
            Code::BA69 => "Niedozwolona operacja na etykiecie niestandardowego oznaczenia.",
            Code::BA70 => "Próba zmiany ceny oferty, która nie jest w odpowiednim formacie.",
            Code::BA71 => "Cena oferty jest wyższa niż maksymalna cena dotowana.",
            Code::BA72 => "Cena oferty jest niższa bądź równa docelowej cenie dotowanej.",
            Code::BA73 => "Kategoria nie istnieje.",
            Code::BA74 => "Osiągnięto datę końca. Oznaczenie zostało zakończone.",
            Code::BA75 => "Oznaczenie nie znajduje się w kampanii.",
            Code::BA76 => "Modyfikacja oznaczania dla tej kampanii jest niedozwolone.",
            Code::BA77 => "Oznaczenie jest już w stanie końcowym.",
            Code::BA78 => "Data początku oznaczenia jest później niż data zakończenia.",
            Code::BA79 => "Nie można zmodyfikować kampanii.",
            Code::BA80 => "Oferta nie jest zniżką.",
            Code::BA81 => "Oferta nie jest aktywna.",
            Code::BA82 => "Oferta nie jest wielosztuką.",
            Code::BA83 => "Oferta jest już w panelu administracyjnym.",
            Code::BA84 => "W niestandardowym oznaczeniu musi zostać zdefiniowana etykieta.",
            Code::BA85 => "Etykieta niestandardowego oznaczenia nie może zawierać ceny.",
            Code::BA86 => "Żądane pochodzenie nie jest wspierane przez niestandardowe oznaczenie.",
            Code::BA87 => "Limit zakupów na użytkownika w tej ofercie jest mniejszy niż 1.",
            Code::BA88 => "Niepoprawny stan oznaczenia.",
            Code::BA97 => "Nie spełniasz warunku dotyczącego wymaganego kraju rezydencji podatkowej.",
            Code::BA101 => "Produktu oferty nie ma na liście produktów dopuszczonych do kampanii.",
            Code::BA104 => "Warunki kampanii dotyczące produktu lub ceny nie są spełnione.",
            Code::BA107 => "Ta kampania wymaga zadeklarowania liczby sztuk. Nie podano deklaracji liczby sztuk wymaganej dla kampanii.",
            Code::ValidationError => "Żądanie nie przeszło walidacji.",
            Code::AdsBusinessAccount => "Agencja musi mieć konto firmowe na Allegro.",
            Code::AdsWebsite => "Agencja musi mieć aktywną stronę internetową.",
            Code::AdsCertificate => "Agencja musi mieć certyfikat Allegro Ads.",
            Code::AdsGainingCustomers => "Agencja musi aktywnie pozyskiwać klientów wśród sprzedających na Allegro.",
            Code::AdsInvesting => "Agencja musi inwestować w kampanie Allegro Ads w imieniu swoich klientów.",
            Code::AdsActiveCustomers => "Wymaganych jest co najmniej {required} aktywnych klientów: brakuje {gap}.",
            Code::AdsQuarterlySpend => "Wymagane są wydatki konta agencji co najmniej {required} PLN brutto na kwartał: brakuje {gap} PLN na kwartał.",
            Code::AdsTools => "Wymagane jest aktywne korzystanie z co najmniej {required} różnych narzędzi Allegro Ads: brakuje {gap}.",
            Code::AdsPartnerLogo => "Logo Ads Partner musi być na stronie agencji.",
            Code::AdsPartnerPlusLogo => "Logo Ads Partner + musi być na stronie agencji.",
        }
    }

    fn reason(&self, reason: ServerOnlyReason) -> &'static str {
        match reason {
            ServerOnlyReason::TransientError => "przejściowy błąd przetwarzania po stronie Allegro",
            ServerOnlyReason::RateLimit => "limity zapytań liczą serwery Allegro",
            ServerOnlyReason::OfferExistence => "tylko Allegro wie, czy oferta o tym identyfikatorze istnieje",
            ServerOnlyReason::AccountExistence => "tylko Allegro wie, czy konto istnieje",
            ServerOnlyReason::AccountTypeChanged => "typ konta zmienia się w trakcie przetwarzania zgłoszenia przez Allegro",
            ServerOnlyReason::Attractiveness => "atrakcyjność oferty ocenia samo Allegro",
            ServerOnlyReason::TitleReview => "tytuły i opisy sprawdza Allegro",
            ServerOnlyReason::ThumbnailReview => "miniatury sprawdza Allegro",
            ServerOnlyReason::OtherAccounts => "innych kont sprzedającego nie ma w danych wejściowych",
            ServerOnlyReason::ManualDecision => "ręczna decyzja zespołu Strefy okazji",
            ServerOnlyReason::BadgeCriteria => "kryteria oznaczenia nie są publiczne",
            ServerOnlyReason::DeliveryMethods => "metod dostawy nie ma w danych wejściowych",
            ServerOnlyReason::ProgramCriteria => "kryteria programu nie są publiczne",
            ServerOnlyReason::SameAsBa29 => "ten sam tekst co BA29; maksymalną cenę produktu silnik zgłasza jako BA29",
            ServerOnlyReason::QualityCriteria => "kryteria jakościowe ocenia samo Allegro (przekazywane z eligibility.refusalReasons, gdy Allegro je poda)",
            ServerOnlyReason::OtherCampaignsProducts => "list produktów innych kampanii nie ma w danych wejściowych",
            ServerOnlyReason::PriceAttractiveness => "atrakcyjność ceny względem rynku ocenia samo Allegro",
            ServerOnlyReason::SellerRequest => "decyzja podjęta na wniosek sprzedającego",
            ServerOnlyReason::CampaignReplaced => "zastąpienie kampanii ogłasza Allegro",
            ServerOnlyReason::HiddenPrices => "Allegro porównuje ofertę z cenami, które widzi tylko ono",
            ServerOnlyReason::Informational => "odpowiedź informacyjna, nie odmowa",
            ServerOnlyReason::CustomLabels => "oznaczenia z niestandardową etykietą nie są częścią publicznego API",
            ServerOnlyReason::CategoryExistence => "tylko Allegro wie, czy kategoria istnieje",
            ServerOnlyReason::CampaignEditability => "możliwość edycji kampanii to wewnętrzna sprawa Allegro",
            ServerOnlyReason::InternalTools => "odpowiedź wewnętrznych narzędzi Allegro",
            ServerOnlyReason::Multipack => "informacji o wielosztuce nie ma w danych wejściowych",
            ServerOnlyReason::AsyncTwinOfBb7 => "asynchroniczny odpowiednik BB7: synchroniczna walidacja Allegro odpowiada pierwsza, więc silnik zgłasza BB7",
            ServerOnlyReason::BadgeState => "wewnętrzny stan oznaczenia zna tylko Allegro",
            ServerOnlyReason::TaxResidence => "kraju rezydencji podatkowej sprzedającego nie ma w danych wejściowych",
            ServerOnlyReason::EligibleProducts => "listę produktów dopuszczonych do kampanii ma tylko Allegro i jej nie publikuje",
            ServerOnlyReason::CampaignConditions => "warunki kampanii dotyczące produktu i ceny nie są publikowane",
        }
    }

    fn warning(&self, code: WarningCode) -> &'static str {
        match code {
            WarningCode::SuggestedMarketPriceIgnored => "Allegro od 2022 roku ignoruje sugerowaną cenę rynkową i wylicza ją samo (najniższa cena z ostatnich 30 dni); reguły sprawdzono z ceną sugerowaną.",
            WarningCode::PurchaseConstraintsIgnored => "Ograniczenia zakupowe dotyczą tylko kampanii typu DISCOUNT i SOURCING; kampania STANDARD je pomija.",
            WarningCode::UnknownRefusalCode => "Allegro odmówiło udziału z kodem {refusalCode}, którego silnik nie zna; zgłoszono jako BB1.",
            WarningCode::LanguageFallback => "Silnik nie ma komunikatów Allegro w języku {requested}: teksty są po angielsku.",
            WarningCode::OfferNotOnMarketplace => "Oferta nie jest wystawiona w serwisie {marketplace}, serwisie kampanii: offer.additionalMarketplaces nie ma zatwierdzonej ceny dla {marketplace}. Tak jak jest, nie może dołączyć do kampanii, a reguły jej ceny nie zostały sprawdzone.",
            WarningCode::CampaignStockIgnored => "Żądanie ma campaignStock, pole odpowiedzi Allegro: Allegro czyta deklarowaną liczbę sztuk z declaredStock.quantity, a campaignStock pomija.",
            WarningCode::StockBelowDeclared => "Oferta ma {available} szt. na stanie, mniej niż zadeklarowane {declared}: Allegro rezerwuje deklarowaną liczbę sztuk 3 dni przed startem publikacji kampanii ({reservation}) i stan oferty jej nie pokryje, jeśli do tego czasu nie wzrośnie.",
            WarningCode::NoBargainPricePasses => "Żadna cena zniżkowa nie spełnia wszystkich reguł cenowych tej kampanii dla tej oferty.",
            WarningCode::MarketPriceUpperBound => "Cena rynkowa {market} została wyliczona z historii cen z lukami, w których mogła się kryć niższa cena (metrics.priceHistoryExact: false). To górne oszacowanie: cena rynkowa Allegro może być niższa, a wtedy cena zniżkowa, która tu przechodzi, może zostać odrzucona jako zbyt mała obniżka.",
            WarningCode::BargainHintPartial => "Zakres cen zniżkowych pomija {codes}: brakuje danych, których te reguły wymagają (zob. pominięte), więc cena z tego zakresu może nadal zostać odrzucona.",
        }
    }

    fn refusal_warning(&self, code: WarningCode) -> Option<&'static str> {
        match code {
            WarningCode::MarketPriceUpperBound => Some("Cena rynkowa {market} została wyliczona z historii cen z lukami, w których mogła się kryć niższa cena (metrics.priceHistoryExact: false). To górne oszacowanie, więc odmowa {refusal} może być surowsza niż odmowa Allegro: wobec niższej ceny rynkowej obniżka zbyt duża dla {market} może mieścić się w limicie, a zbyt mała pozostaje zbyt mała, być może z innym kodem drabiny."),
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
            BenefitId::Helpline => "Pomoc: infolinia, czat, e-mail",
            BenefitId::Certificate => "Certyfikat Allegro Ads",
            BenefitId::Events => "Zaproszenia na wydarzenia Allegro Ads",
            BenefitId::Competitions => "Konkursy dedykowane agencjom",
            BenefitId::PartnerLogo => "Logo partnerskie",
            BenefitId::BonusAdvertising => "Możliwość udziału w reklamie bonusowej",
            BenefitId::AccountManager => "Opiekun konta agencji",
            BenefitId::Champions => "System wyróżnień Allegro Ads Champions",
            BenefitId::StatisticsApi => {
                "Usługa API Statystyki, część REST API: automatyczne pobieranie statystyk kampanii"
            }
        }
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::DocumentedExample => "OpenAPI Allegro: {endpoint}, przykład odpowiedzi {status}",
            Label::DocumentedDescription => "OpenAPI Allegro: {endpoint}, opis odpowiedzi {status}",
            Label::Accept => "wszystkie reguły spełnione",
            Label::Reject => "Allegro odrzuci to zgłoszenie",
            Label::Incomplete => "żadna reguła nie zawodzi, ale niektórych nie sprawdzono",
            Label::TopLevel => "osiągnięto najwyższy poziom",
            Label::NextLevel => "do następnego poziomu brakuje wymagań",
            Label::NoField => "(bez pola: konto lub zgłoszenie jako całość)",
            Label::SkippedHeading => "Nie sprawdzono (brak kontekstu):",
            Label::Needs => "potrzebuje",
            Label::SkippedMessage => "Nie sprawdzono: w dokumencie brak {missing}.",
            Label::SkippedAllegroPrices => "Nie sprawdzono: w dokumencie brak allegroPrices, więc nie widać, czy oferta jest przeceniona w Allegro Ceny (podaj odpowiedź POST /sale/allegro-prices/offers-queries).",
            Label::WarningsHeading => "Ostrzeżenia:",
            Label::BargainRange => "Ceny zniżkowe, które przejdą:",
            Label::NoBargainPrice => "Żadna cena zniżkowa nie przejdzie.",
            Label::PartnerLevel => "Poziom Allegro Ads Partner:",
            Label::Benefits => "Co daje:",
            Label::Offline => "offline",
            Label::ServerOnly => "tylko Allegro",
            Label::ServerOnlyBecause => "(tylko Allegro: {reason})",
            Label::CodesSummary => "Kodów: {total}; sprawdzanych offline: {offline}, tylko przez Allegro: {serverOnly}.",
            Label::TermsOf => "Wbudowane warunki kampanii {id}:",
            Label::NotBuiltIn => "{id} nie jest wbudowaną kampanią (wbudowane: {ids}); jej warunki podaje integrator w polu `terms` dokumentu (RULES.md §5)",
            Label::BuiltInCampaigns => "Wbudowane kampanie:",
            Label::PlanOffer => "oferta",
            Label::PlanCampaign => "kampania",
            Label::PlanVerdict => "werdykt",
            Label::PlanBargain => "proponowana cena zniżkowa",
            Label::PlanCurrency => "waluta",
            Label::PlanMin => "najniższa cena, która przejdzie",
            Label::PlanMax => "najwyższa cena, która przejdzie",
            Label::PlanCodes => "kody",
            Label::PlanMessages => "komunikaty Allegro",
            Label::PlanSkipped => "niesprawdzone (potrzebuje)",
            Label::PlanWarnings => "ostrzeżenia",
            Label::PlanError => "błąd danych",
            Label::PlanSource => "wejście (plik:wiersz)",
            Label::PlanAccept => "PRZYJMIE",
            Label::PlanReject => "ODRZUCI",
            Label::PlanIncomplete => "NIEPEŁNE",
            Label::PlanInputError => "BŁĄD",
            Label::RulesOfKind => "{kind} (reguł: {count}):",
            Label::RelaysRefusals => "oraz kody, które Allegro podaje w eligibility.refusalReasons",
            Label::BoundsBargain => "(ogranicza cenę zniżkową)",
            Label::NoOpenCampaign => "kontekst nie pokazuje żadnej kampanii otwartej na zgłoszenia: podaj kampanie do zaplanowania",
            Label::RulesSummary => {
                "Reguł: {rules}, rodzajów sprawdzeń: {kinds}; każdą opisuje docs/RULES-REFERENCE.md."
            }
            Label::RouteSync => "od razu, HTTP {status}",
            Label::RouteDeclined => "później, DECLINED po 202",
            Label::RouteEligibility => "przed wysłaniem, odmowa w eligibility",
            Label::RouteEngine => "bez odpowiedzi Allegro (kod silnika)",
            Label::Documented => "udokumentowane",
            Label::Inferred => "wywnioskowane",
            Label::TextQuoted => "tekst: Allegro, cytowany w {ref}",
            Label::TextParaphrased => "tekst: omówienie integratora ({ref}), nie słowa Allegro",
            Label::TextTranslated => "tekst: tłumaczenie silnika",
            Label::RetryLater => "ponów później: przejściowy błąd po stronie Allegro; wyślij to samo żądanie ponownie",
            Label::AlsoCause => "{endpoint}: zwracany także z innej przyczyny (wywnioskowane: {why})",
        }
    }

    fn inference(&self, inference: Inference) -> &'static str {
        match inference {
            Inference::RequestValidation => "kody BB to synchroniczna walidacja żądania przez Allegro, z odpowiedzią od razu",
            Inference::Verification => "kody BA pochodzą z weryfikacji przyjętego żądania: zgłoszenie lub operacja zostaje odrzucona później",
            Inference::AsForThePatch => "tak, jak OpenAPI Allegro opisuje ten kod dla zmiany oznaczenia (PATCH)",
            Inference::RateLimit => "limit zapytań jest zgłaszany od razu, kodem HTTP 429",
            Inference::ProcessingError => "błąd przetwarzania jest zgłaszany w zgłoszeniu lub operacji",
            Inference::GenericValidation => "ogólny kod walidacji Allegro, z odpowiedzią od razu",
            Inference::EngineOwn => "własny kod silnika: program Ads Partner nie ma API",
            Inference::DeclinedOperationRetried => "integrator zgłasza operację zakończenia odrzuconą (DECLINED) z BB0 w rejectionReasons, która udaje się wysłana ponownie później",
            Inference::HufRounding => "Allegro wymaga cen w HUF zaokrąglonych do końcówki 0 lub 5 (allegro-api#9888); kodem API oznaczeń dla błędnej kwoty jest BB6, zwracany od razu",
        }
    }

    fn numbers(&self) -> NumberFormat {
        NumberFormat {
            decimal: ',',
            group: '\u{a0}',
            min_grouped: 5,
        }
    }

    fn input_error(&self, code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::NotJson => "to nie jest poprawny JSON (wiersz {line}, kolumna {column}): {detail}",
            ErrorCode::NotUtf8 => "to nie jest poprawny JSON (wiersz {line}, kolumna {column}): tekst nie jest w UTF-8",
            ErrorCode::NotAnObject => "dokument kontroli musi być obiektem JSON, a nie tablicą",
            ErrorCode::WrongType => "oczekiwano: {expected}; jest: {found}",
            ErrorCode::UnknownValue => "{value} nie jest jedną z dozwolonych wartości: {allowed}",
            ErrorCode::MissingField => "brak wymaganego pola {field}",
            ErrorCode::InvalidValue => "nieprawidłowa wartość: {detail}",
            ErrorCode::TooDeep => "JSON jest zagnieżdżony zbyt głęboko, by go odczytać",
            ErrorCode::PeriodBound => "okres typu {type} wymaga pola `{bound}`",
            ErrorCode::OfferMismatch => "oferta to \"{given}\", a {namedBy} to \"{requested}\": podaj ofertę, której dotyczy zgłoszenie",
            ErrorCode::DuplicateCampaign => "kampania \"{id}\" występuje na liście dwa razy",
            ErrorCode::CurrencyMismatch => "waluta {currency} różni się od waluty kampanii {expected}: podaj kwotę w {expected}",
            ErrorCode::PercentRange => "{value} nie jest procentem z zakresu od 0 do 100",
            ErrorCode::LiveBadges => "oferta ma {count} aktywne oznaczenia w kampanii \"{campaign}\"; Allegro pozwala na jedno",
            ErrorCode::SpendCurrency => "podano {currency}: program liczy wydatki w PLN",
        }
    }

    fn serde_words(&self, english: &str) -> Option<Cow<'static, str>> {
        serde_words(english)
    }
}

/// serde's and serde_json's English phrases (what a value should be, what it
/// is, what stopped the JSON reader) in Polish; `None` for a phrase this file
/// does not know, which then stays in English.
fn serde_words(english: &str) -> Option<Cow<'static, str>> {
    if let Some(fixed) = serde_phrase(english) {
        return Some(Cow::Borrowed(fixed));
    }
    // `invalid value: string "x", expected a decimal string ...`
    if let Some((found, expected)) = english
        .strip_prefix("invalid value: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        let found = serde_words(found)?;
        let expected = serde_words(expected)?;
        return Some(Cow::Owned(format!("{found}; oczekiwano: {expected}")));
    }
    // `invalid length 0, expected struct Money with 2 elements`: an array
    // where an object belongs.
    if let Some((length, expected)) = english
        .strip_prefix("invalid length ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let expected = serde_words(expected)?;
        return Some(Cow::Owned(format!(
            "tablica o długości {length}; oczekiwano: {expected}"
        )));
    }
    // A value as serde shows it: its kind, then the value itself.
    const KINDS: [(&str, &str); 5] = [
        ("integer ", "liczba całkowita "),
        ("floating point ", "liczba "),
        ("string ", "tekst "),
        ("boolean ", "wartość logiczna "),
        ("character ", "znak "),
    ];
    for (kind, polish) in KINDS {
        if let Some(value) = english.strip_prefix(kind) {
            return Some(Cow::Owned(format!("{polish}{value}")));
        }
    }
    // Two allowed values: `A` or `B`.
    if english.starts_with('`') && english.contains("` or `") {
        return Some(Cow::Owned(english.replace("` or `", "` lub `")));
    }
    if english.starts_with("struct ") {
        return Some(Cow::Borrowed("obiekt"));
    }
    // The engine's own readers: what they accept, then Allegro's example.
    const READERS: [(&str, &str); 3] = [
        (
            "a decimal string with at most two fractional digits, such as ",
            "liczba dziesiętna jako tekst, z co najwyżej dwiema cyframi po kropce, np. ",
        ),
        (
            "an RFC 3339 time with an offset, such as ",
            "czas w formacie RFC 3339 ze strefą, np. ",
        ),
        ("a JSON string", "tekst JSON"),
    ];
    for (reader, polish) in READERS {
        if let Some(example) = english.strip_prefix(reader) {
            let example = example.replace("\" or \"", "\" lub \"");
            return Some(Cow::Owned(format!("{polish}{example}")));
        }
    }
    None
}

/// The phrases serde and serde_json write whole.
fn serde_phrase(english: &str) -> Option<&'static str> {
    Some(match english {
        // what a value should be
        "a boolean" => "wartość logiczna (true lub false)",
        "a string" | "a borrowed string" => "tekst",
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "liczba całkowita",
        "f32" | "f64" => "liczba",
        "a sequence" => "tablica",
        "a sequence, or the GET response object holding it" => {
            "tablica lub obejmujący ją obiekt odpowiedzi GET"
        }
        "a map" => "obiekt",
        "option" => "wartość lub null",
        "a string naming one of the allowed values" => "tekst: jedna z dozwolonych wartości",
        // what it is
        "null" | "unit value" => "null",
        "sequence" => "tablica",
        "map" => "obiekt",
        "number" => "liczba",
        "a value of another type" => "wartość innego typu",
        // what stopped the JSON reader
        "EOF while parsing a list" => "tekst kończy się w środku tablicy",
        "EOF while parsing an object" => "tekst kończy się w środku obiektu",
        "EOF while parsing a string" => "tekst kończy się w środku napisu",
        "EOF while parsing a value" => "tekst kończy się przed wartością",
        "expected `:`" => "oczekiwano `:`",
        "expected `,` or `]`" => "oczekiwano `,` lub `]`",
        "expected `,` or `}`" => "oczekiwano `,` lub `}`",
        "expected ident" => "oczekiwano true, false lub null",
        "expected value" => "oczekiwano wartości",
        "expected `\"`" => "oczekiwano `\"`",
        "invalid escape" => "nieprawidłowa sekwencja ze znakiem \\",
        "invalid number" => "nieprawidłowa liczba",
        "number out of range" => "liczba poza zakresem",
        "invalid unicode code point" => "nieprawidłowy znak Unicode",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "znak sterujący (\\u0000-\\u001F) w napisie"
        }
        "key must be a string" => "klucz musi być napisem w cudzysłowie",
        "lone leading surrogate in hex escape" => "niesparowany surogat w sekwencji \\u",
        "unexpected end of hex escape" => "niedokończona sekwencja \\u",
        "trailing comma" => "przecinek na końcu",
        "trailing characters" => "znaki po końcu dokumentu",
        _ => return None,
    })
}
