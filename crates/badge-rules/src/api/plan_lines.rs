//! A plan's output: its JSON lines (`badge-rules plan`, the npm package's
//! `plan()`) and its CSV records (`--format csv`, `planCsv()`).

use std::borrow::Cow;

use super::check::{error_line_in, report_line};
use crate::plan;
use crate::{InputError, Lang};

/// One line of a plan's output ([`crate::plan`]), without a newline: what
/// `badge-rules plan` writes and the npm package's `plan()` hands out. For a
/// pair, `{"offerId", "campaignId"`, then the report's fields exactly as
/// [`report_line`] writes them, then `"proposedBargain", "body"}`; for a pair
/// whose document cannot be checked, `{"offerId", "campaignId", "error",
/// "file", "line"}`; for an input item that cannot be read, `{"error",
/// "file", "line"}`, the error's path the item's. `file` names the input.
///
/// ```
/// use badge_rules::plan::{PlanContext, Planner, PriceRule};
/// use badge_rules::{api, Lang, Options};
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT", "type": "STANDARD"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["HIT".into()], PriceRule::Highest, Options::default()).unwrap();
/// let outcomes = planner.item(br#"{"offers": [{"id": "7001"}, {"id": 7}]}"#, 1);
/// let line = api::plan_line(&outcomes[0], "page.json", Lang::En);
/// assert!(line.starts_with(r#"{"offerId":"7001","campaignId":"HIT","verdict":"INCOMPLETE","violations":[],"skipped":[{"code":"BA10","#));
/// assert!(line.ends_with(r#""warnings":[],"hints":{"bargain":null},"proposedBargain":null,"body":null}"#));
/// assert!(api::plan_line(&outcomes[1], "page.json", Lang::En)
///     .starts_with(r#"{"error":{"kind":"shape","code":"WRONG_TYPE","path":"offers[1].id","#));
/// assert!(api::plan_line(&outcomes[1], "page.json", Lang::En).ends_with(r#","file":"page.json","line":1}"#));
/// ```
pub fn plan_line(outcome: &plan::Outcome, file: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(1024);
    match outcome {
        plan::Outcome::Pair(pair) => {
            pair_ids(&mut out, &pair.offer_id, &pair.campaign_id);
            out.push_str(inner(&report_line(&pair.report)));
            out.push_str(",\"proposedBargain\":");
            out.push_str(&serde_json::to_string(&pair.proposed_bargain).unwrap_or_default());
            out.push_str(",\"body\":");
            out.push_str(&serde_json::to_string(&pair.body).unwrap_or_default());
            out.push('}');
        }
        plan::Outcome::PairError {
            offer_id,
            campaign_id,
            line,
            error,
        } => {
            pair_ids(&mut out, offer_id, campaign_id);
            located(&mut out, error, file, *line, lang);
        }
        plan::Outcome::ItemError { line, error } => {
            out.push('{');
            located(&mut out, error, file, *line, lang);
        }
    }
    out
}

/// `{"offerId":…,"campaignId":…,`
fn pair_ids(out: &mut String, offer_id: &str, campaign_id: &str) {
    out.push_str("{\"offerId\":");
    out.push_str(&serde_json::to_string(offer_id).unwrap_or_default());
    out.push_str(",\"campaignId\":");
    out.push_str(&serde_json::to_string(campaign_id).unwrap_or_default());
    out.push(',');
}

/// `"error":{…},"file":…,"line":N}`
fn located(out: &mut String, error: &InputError, file: &str, line: usize, lang: Lang) {
    out.push_str(inner(&error_line_in(error, lang)));
    out.push_str(",\"file\":");
    out.push_str(&serde_json::to_string(file).unwrap_or_default());
    out.push_str(",\"line\":");
    out.push_str(&line.to_string());
    out.push('}');
}

/// A JSON object's text without its braces.
fn inner(object: &str) -> &str {
    object
        .strip_prefix('{')
        .and_then(|o| o.strip_suffix('}'))
        .unwrap_or_default()
}

/// How a plan's CSV is written: for a program (RFC 4180) or for people in
/// a Polish spreadsheet. `--lang pl` (and `planCsv()` with `lang: "pl"`)
/// chooses [`CsvDialect::ExcelPl`], any other language
/// [`CsvDialect::Rfc4180`]; the CLI's `--csv-dialect` chooses either.
///
/// Both have the same columns, their names in the language of messages, a
/// UTF-8 byte-order mark and CRLF line ends. The machine-readable columns
/// stay the same in both: the offer and campaign ids, the currency, the
/// codes (space-separated), the input (`file:line`).
///
/// ```
/// use badge_rules::{api::CsvDialect, Lang};
/// assert_eq!(CsvDialect::for_lang(Lang::Pl), CsvDialect::ExcelPl);
/// assert_eq!("rfc4180".parse::<CsvDialect>(), Ok(CsvDialect::Rfc4180));
/// assert_eq!(CsvDialect::ExcelPl.as_str(), "excel-pl");
/// assert_eq!(CsvDialect::ExcelPl.separator(), ';');
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvDialect {
    /// `rfc4180`: comma-separated, amounts with a decimal point (`199.00`),
    /// verdicts as the JSON has them (`ACCEPT`, `REJECT`, `INCOMPLETE`,
    /// `ERROR`): for programs, and spreadsheets set to English.
    #[default]
    Rfc4180,
    /// `excel-pl`: what Excel and LibreOffice in Polish read as columns:
    /// semicolon-separated, amounts with a decimal comma (`199,00`, numbers
    /// in numeric cells), verdicts in the language of messages (`PRZYJMIE`,
    /// `ODRZUCI`, `NIEPEŁNE`, `BŁĄD`).
    ExcelPl,
}

impl CsvDialect {
    /// Every dialect.
    ///
    /// ```
    /// assert_eq!(badge_rules::api::CsvDialect::ALL.len(), 2);
    /// ```
    pub const ALL: [CsvDialect; 2] = [CsvDialect::Rfc4180, CsvDialect::ExcelPl];

    /// The dialect a CSV in `lang` is written in unless told: `excel-pl`
    /// for Polish, `rfc4180` for any other language.
    ///
    /// ```
    /// use badge_rules::{api::CsvDialect, Lang};
    /// assert_eq!(CsvDialect::for_lang(Lang::En), CsvDialect::Rfc4180);
    /// ```
    pub const fn for_lang(lang: Lang) -> Self {
        match lang {
            Lang::Pl => CsvDialect::ExcelPl,
            _ => CsvDialect::Rfc4180,
        }
    }

    /// Its name: `rfc4180`, `excel-pl`.
    ///
    /// ```
    /// assert_eq!(badge_rules::api::CsvDialect::Rfc4180.as_str(), "rfc4180");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            CsvDialect::Rfc4180 => "rfc4180",
            CsvDialect::ExcelPl => "excel-pl",
        }
    }

    /// The field separator: `,` or `;`.
    ///
    /// ```
    /// assert_eq!(badge_rules::api::CsvDialect::Rfc4180.separator(), ',');
    /// ```
    pub const fn separator(self) -> char {
        match self {
            CsvDialect::Rfc4180 => ',',
            CsvDialect::ExcelPl => ';',
        }
    }

    /// An amount as this dialect writes it: `199.00`, or `199,00`.
    fn amount(self, amount: &str) -> Cow<'_, str> {
        match self {
            CsvDialect::Rfc4180 => Cow::Borrowed(amount),
            CsvDialect::ExcelPl => Lang::Pl.locale().numbers().cell_text(amount),
        }
    }

    /// A verdict word as this dialect writes it.
    fn verdict(self, verdict: crate::report::Verdict, lang: Lang) -> &'static str {
        use crate::locale::Label;
        use crate::report::Verdict;
        match self {
            CsvDialect::Rfc4180 => verdict.as_str(),
            CsvDialect::ExcelPl => lang.label(match verdict {
                Verdict::Accept => Label::PlanAccept,
                Verdict::Reject => Label::PlanReject,
                Verdict::Incomplete => Label::PlanIncomplete,
            }),
        }
    }

    /// The verdict word of an input error.
    fn error_verdict(self, lang: Lang) -> &'static str {
        match self {
            CsvDialect::Rfc4180 => "ERROR",
            CsvDialect::ExcelPl => lang.label(crate::locale::Label::PlanInputError),
        }
    }
}

impl std::str::FromStr for CsvDialect {
    type Err = String;

    /// `rfc4180` or `excel-pl`, any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CsvDialect::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("{s:?} is not a CSV dialect: rfc4180 or excel-pl"))
    }
}

impl std::fmt::Display for CsvDialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first record of a plan's CSV (`badge-rules plan --format csv`) in
/// `lang`'s dialect ([`CsvDialect::for_lang`]): [`plan_csv_header_in`].
///
/// ```
/// use badge_rules::{api, Lang};
/// assert!(api::plan_csv_header(Lang::En).starts_with("\u{feff}offer,campaign,verdict,proposed bargain price,"));
/// assert!(api::plan_csv_header(Lang::Pl).starts_with("\u{feff}oferta;kampania;werdykt;proponowana cena zniżkowa;"));
/// ```
pub fn plan_csv_header(lang: Lang) -> String {
    plan_csv_header_in(lang, CsvDialect::for_lang(lang))
}

/// The first record of a plan's CSV in `dialect`: a UTF-8 byte-order mark,
/// so that spreadsheets read the Polish letters, then the column names in
/// `lang`, ending in CRLF.
///
/// ```
/// use badge_rules::{api::{self, CsvDialect}, Lang};
/// assert!(api::plan_csv_header_in(Lang::Pl, CsvDialect::Rfc4180).starts_with("\u{feff}oferta,kampania,werdykt,"));
/// ```
pub fn plan_csv_header_in(lang: Lang, dialect: CsvDialect) -> String {
    use crate::locale::Label;
    let names = [
        Label::PlanOffer,
        Label::PlanCampaign,
        Label::PlanVerdict,
        Label::PlanBargain,
        Label::PlanCurrency,
        Label::PlanMin,
        Label::PlanMax,
        Label::PlanCodes,
        Label::PlanMessages,
        Label::PlanSkipped,
        Label::PlanWarnings,
        Label::PlanError,
        Label::PlanSource,
    ]
    .map(|label| Cow::Borrowed(lang.label(label)));
    let mut out = String::from("\u{feff}");
    csv_record(&mut out, &names, &[], dialect.separator());
    out
}

/// One record of a plan's CSV for `outcome` in `lang`'s dialect
/// ([`CsvDialect::for_lang`]): [`plan_csv_row_in`].
///
/// ```
/// use badge_rules::plan::{PlanContext, Planner, PriceRule};
/// use badge_rules::{api, Lang, Options};
/// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z", "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Discount(50), Options::default()).unwrap();
/// let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}}},
///     "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
/// let outcomes = planner.item(line, 3);
/// let row = api::plan_csv_row(&outcomes[0], "offers.jsonl", Lang::En);
/// assert!(row.starts_with("7001,BARGAIN,REJECT,199.00,PLN,0.01,198.00,BA16,BA16: Discount must be"), "{row}");
/// assert!(row.ends_with(",offers.jsonl:3\r\n"), "{row}");
/// ```
pub fn plan_csv_row(outcome: &plan::Outcome, file: &str, lang: Lang) -> String {
    plan_csv_row_in(outcome, file, lang, CsvDialect::for_lang(lang))
}

/// One record of a plan's CSV for `outcome` in `dialect` (the columns of
/// [`plan_csv_header_in`]), ending in CRLF: fields with the separator, a
/// quote or a line break quoted, quotes doubled (RFC 4180). The verdict is
/// `ACCEPT`, `REJECT`, `INCOMPLETE`, or `ERROR` for an input error (in
/// `excel-pl`, the words of `lang`); codes are space-separated, messages
/// and skipped checks separated by ` | `.
///
/// ```
/// use badge_rules::plan::{PlanContext, Planner, PriceRule};
/// use badge_rules::{api::{self, CsvDialect}, Lang, Options};
/// let context = PlanContext::from_json(r#"{"now": "2026-11-23T12:00:00Z", "campaigns": [{"id": "BARGAIN", "type": "DISCOUNT"}]}"#).unwrap();
/// let mut planner = Planner::new(&context, &["BARGAIN".into()], PriceRule::Discount(50), Options::new(Lang::Pl)).unwrap();
/// let line = br#"{"offer": {"id": "7001", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "2000.00", "currency": "PLN"}}},
///     "metrics": {"lowestPrice30Days": {"amount": "2000.00", "currency": "PLN"}}}"#;
/// let outcomes = planner.item(line, 3);
/// let row = api::plan_csv_row_in(&outcomes[0], "offers.jsonl", Lang::Pl, CsvDialect::ExcelPl);
/// assert!(row.starts_with("7001;BARGAIN;ODRZUCI;1990,00;PLN;0,01;1980,00;BA16;"), "{row}");
/// let row = api::plan_csv_row_in(&outcomes[0], "offers.jsonl", Lang::Pl, CsvDialect::Rfc4180);
/// assert!(row.starts_with("7001,BARGAIN,REJECT,1990.00,PLN,0.01,1980.00,BA16,"), "{row}");
/// ```
pub fn plan_csv_row_in(
    outcome: &plan::Outcome,
    file: &str,
    lang: Lang,
    dialect: CsvDialect,
) -> String {
    let source = Cow::Owned(format!("{file}:{}", outcome.line()));
    let empty = || Cow::Borrowed("");
    let fields: [Cow<'_, str>; 13] = match outcome {
        plan::Outcome::Pair(pair) => {
            let report = &pair.report;
            let hint = report.hints.bargain.as_ref();
            let currency = pair
                .proposed_bargain
                .as_ref()
                .map(|p| p.currency.as_str())
                .or(hint.map(|h| h.currency.as_str()))
                .unwrap_or_default();
            let joined = |items: Vec<String>, by: &str| Cow::Owned(items.join(by));
            [
                Cow::Borrowed(pair.offer_id.as_str()),
                Cow::Borrowed(pair.campaign_id.as_str()),
                Cow::Borrowed(dialect.verdict(report.verdict, lang)),
                pair.proposed_bargain
                    .as_ref()
                    .map_or_else(empty, |p| dialect.amount(p.amount.as_str())),
                Cow::Borrowed(currency),
                hint.map_or_else(empty, |h| dialect.amount(h.min.as_str())),
                hint.map_or_else(empty, |h| dialect.amount(h.max.as_str())),
                joined(
                    report
                        .violations
                        .iter()
                        .map(|v| v.code.as_str().to_owned())
                        .collect(),
                    " ",
                ),
                joined(
                    report
                        .violations
                        .iter()
                        .map(|v| format!("{}: {}", v.code.as_str(), v.message))
                        .collect(),
                    " | ",
                ),
                joined(
                    report
                        .skipped
                        .iter()
                        .map(|s| format!("{} ({})", s.code.as_str(), s.missing))
                        .collect(),
                    " | ",
                ),
                joined(
                    report
                        .warnings
                        .iter()
                        .map(|w| format!("{}: {}", w.code.as_str(), w.message))
                        .collect(),
                    " | ",
                ),
                empty(),
                source,
            ]
        }
        plan::Outcome::PairError {
            offer_id,
            campaign_id,
            error,
            ..
        } => error_record(offer_id, campaign_id, error, lang, dialect, source),
        plan::Outcome::ItemError { error, .. } => {
            error_record("", "", error, lang, dialect, source)
        }
    };
    let mut out = String::with_capacity(256);
    csv_record(&mut out, &fields, &AMOUNTS, dialect.separator());
    out
}

/// The columns that hold amounts the engine wrote (the proposed price, the
/// range's ends): numbers, never neutralised.
const AMOUNTS: [usize; 3] = [3, 5, 6];

/// An input error's CSV record: its ids where it has them, `ERROR`, and the
/// error in the `errors` column.
fn error_record<'a>(
    offer_id: &'a str,
    campaign_id: &'a str,
    error: &crate::InputError,
    lang: Lang,
    dialect: CsvDialect,
    source: Cow<'a, str>,
) -> [Cow<'a, str>; 13] {
    let mut fields: [Cow<'a, str>; 13] = Default::default();
    let [offer, campaign, verdict, .., errors, at] = &mut fields;
    *offer = Cow::Borrowed(offer_id);
    *campaign = Cow::Borrowed(campaign_id);
    *verdict = Cow::Borrowed(dialect.error_verdict(lang));
    *errors = Cow::Owned(error.localized(lang).to_string());
    *at = source;
    fields
}

/// A text cell that a spreadsheet would run as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return: an offer id such as
/// `=HYPERLINK(…)`), with a `'` before it, as OWASP's CSV-injection advice
/// has it; any other text as it is.
fn neutralised(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// One CSV record of `fields` separated by `separator`, ending in CRLF;
/// every field but the columns of `amounts` [`neutralised`].
fn csv_record(out: &mut String, fields: &[Cow<'_, str>], amounts: &[usize], separator: char) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        let field = if amounts.contains(&i) {
            Cow::Borrowed(field.as_ref())
        } else {
            neutralised(field)
        };
        if field.contains([separator, '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{csv_record, AMOUNTS};

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_neutralised_but_an_amount_is_not() {
        let mut fields: [Cow<'_, str>; 13] = Default::default();
        fields[0] = "=HYPERLINK(\"http://x\",\"y\")".into();
        fields[1] = "@CAMPAIGN".into();
        fields[2] = "ACCEPT".into();
        fields[3] = "-5.00".into();
        fields[8] = "+1".into();
        fields[9] = "\tx".into();
        fields[12] = "-x.jsonl:3".into();
        let mut out = String::new();
        csv_record(&mut out, &fields, &AMOUNTS, ',');
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@CAMPAIGN,ACCEPT,-5.00,,,,,'+1,'\tx,,,'-x.jsonl:3\r\n"
        );
    }

    #[test]
    fn the_polish_dialect_quotes_on_its_separator_only() {
        let mut fields: [Cow<'_, str>; 13] = Default::default();
        fields[0] = "a;b".into();
        fields[8] = "BA16: x, y".into();
        fields[9] = "q\"".into();
        let mut out = String::new();
        csv_record(&mut out, &fields, &AMOUNTS, ';');
        assert_eq!(out, "\"a;b\";;;;;;;;BA16: x, y;\"q\"\"\";;;\r\n");
    }
}
