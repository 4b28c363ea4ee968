//! The command line's grammar: clap's definitions of the commands, their
//! options and their help texts, and nothing that acts on them.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use badge_rules::{Lang, Options, FALLBACK_TAGS};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "badge-rules",
    version,
    about = "Check Allegro badge-campaign requests offline and answer with Allegro's BA/BB codes.",
    long_about = "Check Allegro badge-campaign requests offline and answer with Allegro's BA/BB codes.\n\n\
Allegro refuses a bad badge application hours after it is sent, with a code such as BA49 \
(discount too low) or BB5 (wrong currency). badge-rules gives the same answer before anything \
is sent, from a check document: one JSON object with the request you would send (`request`), \
the operation (`kind`), the instant of the check (`now`) and whatever context you hold \
(`campaigns`, `offer`, `account`, `metrics`, `badges`, `applications`, `terms`). Rules whose \
context is missing are listed as skipped, never silently passed.\n\n\
The rule book is docs/RULES.md, each rule's reference docs/RULES-REFERENCE.md (or `badge-rules \
rules`); the document and report shapes are in docs/DESIGN.md.",
    after_help = "Examples:\n  \
badge-rules check examples/sandbox-accept.json\n  \
badge-rules check --lang pl --format json < examples/sandbox-too-shallow.json\n  \
badge-rules check --jsonl documents.jsonl > reports.jsonl\n  \
badge-rules codes --format json\n  \
badge-rules terms SANDBOX_TEST_CAMPAIGN\n  \
badge-rules rules\n\n\
Run `badge-rules help check` for the exit statuses."
)]
pub(crate) struct Cli {
    // What to do (no doc comment: clap would read it as help).
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check one document (or one per line with --jsonl) and print its report.
    #[command(
        long_about = "Check one check document and print its report.\n\n\
The document is a JSON object such as\n  \
{\"kind\": \"application\", \"now\": \"2026-11-23T12:00:00Z\",\n   \
\"request\": {\"campaign\": {\"id\": \"SANDBOX_TEST_CAMPAIGN\"}, \"offer\": {\"id\": \"12345678\"},\n               \
\"prices\": {\"bargain\": {\"amount\": \"100.00\", \"currency\": \"PLN\"}}},\n   \
\"metrics\": {\"lowestPrice30Days\": {\"amount\": \"200.00\", \"currency\": \"PLN\"}}}\n\
and the report says ACCEPT, REJECT (with each violation: Allegro's code, the request field to \
fix and Allegro's message) or INCOMPLETE (no rule fails, but the rules listed as skipped need \
context the document lacks).\n\n\
With --format allegro the answer is Allegro's response to the request, predicted: at once an \
HTTP error with Allegro's error envelope {\"errors\": [...]}; or 202 and, in `then`, the later \
lookup of the DECLINED (or PROCESSED) application or operation; or, before anything is sent, \
the campaign's eligibility refusal in GET /sale/badge-campaigns.\n\n\
With --jsonl the input holds one document per line and the output one JSON report per line, \
in the same order: line N of the output answers line N of the input. A line that cannot be \
checked (bad JSON, impossible context, a blank line) gives {\"error\": {\"kind\", \"path\", \
\"message\"}} on its line and the run goes on. Lines are checked on every core (--jobs), a few \
hundred kilobytes at a time, so memory stays flat however long the input. When stderr is a \
terminal, a progress bar is drawn there and a last line gives the documents per second; \
otherwise stderr stays silent.",
        after_help = "Exit status:\n  \
0  ACCEPT (with --jsonl: every line was processed, whatever its verdict)\n  \
1  REJECT: at least one rule fails\n  \
3  INCOMPLETE: no rule fails, some could not be checked (see `skipped`)\n  \
2  the input cannot be checked: not JSON, wrong shape or impossible context (one line on \
stderr naming the JSON path), an unreadable file, an I/O error, or bad usage\n\n\
Examples:\n  \
badge-rules check examples/discount-bad-currency-and-amount.json\n  \
cat examples/sandbox-accept.json | badge-rules check --format json -\n  \
badge-rules check --format allegro --lang pl-PL examples/sandbox-too-shallow.json\n  \
badge-rules check --jsonl --lang pl documents.jsonl\n  \
badge-rules check --jsonl --jobs 1 documents.jsonl > reports.jsonl"
    )]
    Check(CheckArgs),
    /// List every code Allegro's badge API answers with, and whether it is checked offline.
    #[command(
        long_about = "List every code of the catalogue: Allegro's BA/BB codes and its generic \
VALIDATION_ERROR, each with Allegro's text in the chosen language and whether the engine \
decides it offline or only Allegro's servers can (with the reason). Server-only codes are \
never emitted by the engine, except when Allegro itself names one in a campaign's \
eligibility.refusalReasons.",
        after_help = "Examples:\n  badge-rules codes\n  badge-rules codes --lang pl --format json"
    )]
    Codes(CodesArgs),
    /// Print the built-in terms of a campaign (the rules its regulations add), or --list the built-in campaigns.
    #[command(
        long_about = "Print the built-in terms of a campaign id: the rules of its regulations \
that GET /sale/badge-campaigns does not return (how deep the discount must be, the minimum \
stock, ...). Terms given in a check document's `terms` are merged over these field by field. \
Any campaign id gets the defaults (minStock 1, requireCompanyAccount true, discount base \
MARKET); SANDBOX_TEST_CAMPAIGN adds its 40 %-60 % discount window.\n\n\
With --list, list the built-in campaigns instead: id, name and type of each (with --format \
json, each campaign as Allegro lists it, ready for a document's `campaigns`, with its terms).",
        after_help = "Examples:\n  badge-rules terms SANDBOX_TEST_CAMPAIGN\n  \
badge-rules terms BARGAIN --format text --lang pl\n  \
badge-rules terms --list\n  \
badge-rules terms --list --format json"
    )]
    Terms(TermsArgs),
    /// List every rule the engine checks, by kind of check: its section of RULES.md, its function and its codes.
    #[command(
        long_about = "List every rule of the engine's registry, kind of check by kind of check, in \
report order: the section of docs/RULES.md it implements, its function in \
crates/badge-rules/src/rules/ and the codes it reports. A price rule bounds the bargain price \
(and so the range of bargain prices that pass); a relaying rule also reports the codes Allegro \
itself names in a campaign's eligibility.refusalReasons. docs/RULES-REFERENCE.md describes each \
rule at length (Allegro's texts, what it reads, blames and needs, the vectors that pin it).",
        after_help = "Examples:\n  badge-rules rules\n  badge-rules rules --lang pl\n  \
badge-rules rules --format json"
    )]
    Rules(RulesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The language of Allegro's messages in the report: the engine's tag or
    /// Allegro's Accept-Language tag; uk-UA, sk-SK, cs-CZ and hu-HU give the
    /// English texts and a LANGUAGE_FALLBACK warning.
    #[arg(long, value_name = "LANG", default_value = "en", ignore_case = true, value_parser = lang_options())]
    pub(crate) lang: Options,
    /// `text` for people; `json` prints the report as one line of JSON, the
    /// same bytes as every other runtime of badge-rules; `allegro` prints, as
    /// one line of JSON, Allegro's answer predicted: the HTTP status and body
    /// of its response and the later lookup. --jsonl writes JSON (`json`
    /// unless `allegro`).
    #[arg(long, value_enum)]
    pub(crate) format: Option<CheckFormat>,
    /// Read one document per line and write one JSON report per line.
    #[arg(long)]
    pub(crate) jsonl: bool,
    /// With --jsonl: check on N threads (default: one per core). The output
    /// is in input order whatever N.
    #[arg(long, value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// The document to check; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub(crate) file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CodesArgs {
    /// The language of the texts (uk-UA, sk-SK, cs-CZ and hu-HU give English).
    #[arg(long, value_name = "LANG", default_value = "en", ignore_case = true, value_parser = lang())]
    pub(crate) lang: Lang,
    /// `text`: one code per line with its routes (endpoint: how Allegro
    /// answers, documented or inferred); `json`: the catalogue's entries
    /// {code, check, reason?, text, textSource, message, messageSource, routes}.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Debug, Args)]
pub(crate) struct TermsArgs {
    /// The campaign id, e.g. SANDBOX_TEST_CAMPAIGN.
    #[arg(
        value_name = "ID",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub(crate) id: Option<String>,
    /// List the built-in campaigns instead of one campaign's terms.
    #[arg(long)]
    pub(crate) list: bool,
    /// The language of the words and of the campaigns' names (uk-UA, sk-SK,
    /// cs-CZ and hu-HU give English).
    #[arg(long, value_name = "LANG", default_value = "en", ignore_case = true, value_parser = lang())]
    pub(crate) lang: Lang,
    /// For an ID, `json` (the default): the terms object, ready for a
    /// document's `terms`; `text`: one field per line. With --list, `text`
    /// (the default): one campaign per line; `json`: an array of {campaign, terms}.
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// The language of the words around the rules (uk-UA, sk-SK, cs-CZ and
    /// hu-HU give English).
    #[arg(long, value_name = "LANG", default_value = "en", ignore_case = true, value_parser = lang())]
    pub(crate) lang: Lang,
    /// `text`: one rule per line under its kind; `json`: an array of {kind,
    /// name, section, codes, boundsBargain, relays}.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// For people.
    Text,
    /// The report, for programs.
    Json,
    /// Allegro's answer predicted, for programs.
    Allegro,
}

/// Every tag `--lang` lists: the engine's languages ([`Lang::ALL`]) by
/// their tags, then by Allegro's Accept-Language tags, then Allegro's
/// languages that fall back to English ([`FALLBACK_TAGS`]).
fn lang_tags() -> impl Iterator<Item = &'static str> {
    Lang::ALL
        .iter()
        .map(|lang| lang.as_str())
        .chain(Lang::ALL.iter().map(|lang| lang.allegro_tag()))
        .chain(FALLBACK_TAGS)
}

/// `check --lang`: the options of a listed tag ([`Options::from_tag`]).
fn lang_options() -> impl TypedValueParser<Value = Options> {
    PossibleValuesParser::new(lang_tags().map(PossibleValue::new))
        .try_map(|tag| Options::from_tag(&tag))
}

/// `--lang` of the listing commands: the language of a listed tag (a
/// fallback tag gives English; no report carries the warning).
fn lang() -> impl TypedValueParser<Value = Lang> {
    lang_options().map(|options| options.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_tag_is_one_the_core_takes() {
        let tags: Vec<&str> = lang_tags().collect();
        assert_eq!(
            tags,
            ["en", "pl", "en-US", "pl-PL", "uk-UA", "sk-SK", "cs-CZ", "hu-HU"]
        );
        for tag in tags {
            let options = Options::from_tag(tag).unwrap();
            assert_eq!(
                options.fallback_from.is_some(),
                FALLBACK_TAGS.contains(&tag),
                "{tag}"
            );
        }
    }

    #[test]
    fn tags_are_read_whatever_their_case() {
        use clap::Parser as _;
        let cli = Cli::try_parse_from(["badge-rules", "check", "--lang", "PL-pl"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check");
        };
        assert_eq!(args.lang, Options::new(Lang::Pl));
        let cli = Cli::try_parse_from(["badge-rules", "codes", "--lang", "sk-SK"]).unwrap();
        let Command::Codes(args) = cli.command else {
            panic!("not codes");
        };
        assert_eq!(args.lang, Lang::En);
        assert!(Cli::try_parse_from(["badge-rules", "check", "--lang", "de-DE"]).is_err());
    }
}
