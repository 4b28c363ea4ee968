//! The command line's grammar: clap's definitions of the commands, their
//! options and their help texts, and nothing that acts on them.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use badge_rules::period::Instant;
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
        long_about = "Print the terms of a built-in campaign: the rules of its regulations \
that GET /sale/badge-campaigns does not return (how deep the discount must be, the minimum \
stock, ...). Terms given in a check document's `terms` are merged over these field by field. \
SANDBOX_TEST_CAMPAIGN has its 40 %-60 % discount window. Any other id is an error naming \
the built-in ids (exit 2): its terms are not known to the engine, and a document that does \
not give its discount terms is INCOMPLETE.\n\n\
With --list, list the built-in campaigns instead: id, name and type of each (with --format \
json, each campaign as Allegro lists it, ready for a document's `campaigns`, with its terms).",
        after_help = "Examples:\n  badge-rules terms SANDBOX_TEST_CAMPAIGN\n  \
badge-rules terms SANDBOX_TEST_CAMPAIGN --format text --lang pl\n  \
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
    /// Plan campaigns over a catalogue: for each offer and campaign, the bargain price to propose, the report and the POST /sale/badges body.
    #[command(
        long_about = "Plan campaigns over a whole catalogue: for each (offer, campaign), the \
verdict, violations, skipped checks and hints of the application, the bargain price proposed \
(--price) and, when Allegro would accept it, the exact POST /sale/badges body.\n\n\
--context is one JSON object with what every offer shares: `now`, `campaigns` (a GET \
/sale/badge-campaigns response as it is), `account`, `terms` (or `campaignTerms`: {ID: terms}), \
`badges` and `applications` (GET /sale/badges and GET /sale/badge-applications responses, or \
arrays of such pages, for every offer at once). Each OFFERS file holds GET /sale/offers pages, \
GET /sale/product-offers/{id} resources or {\"offer\": {...}, \"metrics\": {...}} lines, one \
after another (JSON Lines when the first value ends on its first line). The report of a pair is \
exactly what `badge-rules check` answers for the pair's application document (docs/PLAN.md).\n\n\
The output has one line (or CSV row) per pair, in input order; an item that is not an offer \
page, an offer or {offer, metrics} gives one {\"error\", \"file\", \"line\"} line and the run goes \
on. A context that cannot be read stops the run before any output. A summary goes to stderr: \
pairs, verdicts, codes, pairs per second (and a progress bar on a terminal).",
        after_help = "Exit status:\n  \
0  every item was planned, whatever the verdicts\n  \
2  the context or the ledger cannot be read, the context cannot be checked, an input cannot be \
read, an I/O error, or bad usage\n\n\
Examples:\n  \
badge-rules plan --context examples/plan/context.json examples/plan/offers-metrics.jsonl\n  \
badge-rules plan --context examples/plan/context.json --campaign BARGAIN --price discount=15 examples/plan/offers-page.json\n  \
badge-rules plan --context context.json --format csv --lang pl page-*.json > plan.csv"
    )]
    Plan(PlanArgs),
    /// Keep the 30-day lowest price: record Allegro's offer prices, answer M and the price history.
    #[command(
        long_about = "The price ledger: an SQLite database of the offer prices Allegro's responses \
show (GET /sale/offers pages, GET /sale/product-offers/{offerId}, GET /sale/offer-events pages), \
from which it answers M, the lowest price of the 30 days before an instant, for the market \
ladder, and the metrics.priceHistory a check document wants. No Allegro resource returns M; the \
ledger keeps the history from the responses a polling job already fetches. Where what was \
recorded could hide a lower price, the answer says so (exact: false, with the gaps) and M is an \
upper bound. docs/LEDGER.md defines the model.",
        after_help = "Examples:\n  \
badge-rules ledger record --db prices.db recorded.jsonl\n  \
badge-rules ledger record --db prices.db --at 2026-11-23T12:00:00Z offers-page.json\n  \
badge-rules ledger lowest --db prices.db 12345678\n  \
badge-rules ledger history --db prices.db --at 2026-11-23T12:00:00Z 12345678\n  \
badge-rules ledger prune --db prices.db --before 2026-10-01T00:00:00Z\n  \
badge-rules check --ledger prices.db document.json"
    )]
    Ledger(LedgerArgs),
    /// How often the engine agreed with Allegro, and the terms Allegro's outcomes show.
    #[command(
        long_about = "Join the checks you ran (check documents as sent to `check --jsonl`, or `plan` \
output lines) with Allegro's outcomes of what you then submitted (recorded GET /sale/badge-applications, \
GET /sale/badges and GET /sale/badge-operations responses, raw or as recording lines \
{\"fetchedAt\", \"response\"}, and 4xx envelopes with the request they answered), and report the \
agreement rate, every disagreement, the campaign terms the outcomes pin down (a `terms` object per \
campaign) and, with --ledger, the ledger's M against Allegro's prices.market. docs/AUDIT.md \
describes the inputs and each figure.\n\nExit status: 0, or 2 when an input record could not be \
read (each named on stderr with its file, line and JSON path) or the run failed.",
        after_help = "Examples:\n  \
badge-rules audit --predictions checks.jsonl --outcomes applications.jsonl --outcomes badges.jsonl\n  \
badge-rules audit --predictions checks.jsonl --outcomes outcomes.jsonl --ledger prices.db --format html > audit.html"
    )]
    Audit(AuditArgs),
    /// Fetch offers, offer events and badges from Allegro into a price ledger (one run, for cron or a timer).
    #[command(
        long_about = "One run of the polling job that keeps a price ledger fed from Allegro's REST API: \
GET /sale/offer-events from the last event the ledger holds (every type, so that the stretch of \
the feed it vouches for is as long as it can be), every page of GET /sale/offers, and GET \
/sale/badges of each marketplace; with --save, also GET /sale/badge-applications and the badge \
operations of --operations, for the audit. Each page is recorded as it arrives, in its own \
transaction, as the recording line `ledger record` reads ({fetchedAt, query, response}; \
fetchedAt is Allegro's Date header): a run killed mid-way loses at most the page in flight, and \
the next run resumes where it stopped. Two runs on one ledger never interleave: the second \
waits --wait seconds, then refuses.\n\n\
The token: --token-file (Allegro's token response as JSON, or the access token alone) or \
ALLEGRO_ACCESS_TOKEN; with a refresh_token in the file and ALLEGRO_CLIENT_ID and \
ALLEGRO_CLIENT_SECRET set, an expired token is refreshed and the file rewritten (owner-only). \
No token is ever printed. 429 and 5xx answers, timeouts and cut bodies are tried again \
(--retries, honouring Retry-After); a 401 that cannot be refreshed stops the run: the token \
expired.\n\n\
At the end, one line: pages, offers, events, badges, retries, the stretch of the feed watched, \
and a warning when the feed was last read more than the 24 hours Allegro keeps events ago. \
docs/SYNC.md has a cron line, a systemd timer and the scopes the token needs.",
        after_help = "Exit status:\n  0  the run fetched and recorded everything\n  \
2  a response was refused by the ledger (the others are recorded), the token expired, Allegro \
could not be reached after the retries, another sync holds the ledger, or bad usage\n\n\
Examples:\n  badge-rules sync --ledger prices.db --token-file ~/.config/allegro/token.json\n  \
ALLEGRO_ACCESS_TOKEN=... badge-rules sync --ledger prices.db --sandbox --format json\n  \
badge-rules sync --ledger prices.db --token-file token.json --save responses/ --operations ops.txt"
    )]
    Sync(SyncArgs),
    /// Serve the engine over HTTP: JSON in and out, the same answers as the CLI (docs/SERVE.md).
    #[command(
        long_about = "Serve the engine over HTTP/1.1 as a long-lived sidecar: POST /v1/check \
(one document, or a batch with Content-Type: application/x-ndjson), POST /v1/plan, GET \
/v1/codes, /v1/terms/{campaignId}, /v1/rules, the ledger's endpoints with --ledger, /healthz, \
/readyz, /metrics and /v1/openapi.json. Every body is the line the CLI prints for the same \
document. It binds 127.0.0.1 unless told otherwise; any other address needs a bearer token \
(--token-file, or the BADGE_RULES_TOKEN environment variable) or --insecure. SIGTERM stops it: \
what it accepted finishes within --shutdown-deadline. One JSON line per request on stderr.",
        after_help = "Examples:\n  \
badge-rules serve\n  \
badge-rules serve --addr 127.0.0.1:9000 --ledger prices.db\n  \
badge-rules serve --addr 0.0.0.0:8787 --token-file /etc/badge-rules/token"
    )]
    Serve(ServeArgs),
}

/// `badge-rules audit`'s options.
#[derive(Debug, Args)]
pub(crate) struct AuditArgs {
    /// A file of checks: check documents (JSON Lines) or `plan` output lines (repeatable).
    #[arg(long, value_name = "FILE", required = true)]
    pub(crate) predictions: Vec<PathBuf>,
    /// A file of Allegro's outcomes: recorded responses, one per line (repeatable).
    #[arg(long, value_name = "FILE")]
    pub(crate) outcomes: Vec<PathBuf>,
    /// When raw responses (not recording lines) were fetched.
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) at: Option<Instant>,
    /// The `now` of the plan whose lines are given (plan lines carry no time).
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) plan_at: Option<Instant>,
    /// A price ledger: compare its M under each reading with Allegro's prices.market.
    #[arg(long, value_name = "FILE")]
    pub(crate) ledger: Option<PathBuf>,
    /// text (people), json (programs, docs/AUDIT.md) or html (one self-contained page).
    #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
    pub(crate) format: AuditFormat,
    /// Records sorted in memory before a run is spilled (hidden: for tests).
    #[arg(long, value_name = "N", hide = true)]
    pub(crate) spill_run: Option<usize>,
}

/// `audit --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AuditFormat {
    /// For people.
    Text,
    /// One JSON document (docs/AUDIT.md).
    Json,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Args)]
pub(crate) struct SyncArgs {
    /// The ledger (an SQLite file; created when absent).
    #[arg(long, value_name = "FILE")]
    pub(crate) ledger: PathBuf,
    /// Allegro's token response (JSON with access_token, refresh_token) or
    /// a file holding the access token alone; default: ALLEGRO_ACCESS_TOKEN.
    #[arg(long, value_name = "FILE")]
    pub(crate) token_file: Option<PathBuf>,
    /// Allegro's sandbox instead of production.
    #[arg(long)]
    pub(crate) sandbox: bool,
    /// Another API address (a test's fake Allegro); its token endpoint is
    /// URL/auth/oauth/token.
    #[arg(long, value_name = "URL", conflicts_with = "sandbox")]
    pub(crate) base_url: Option<String>,
    /// Accept-Language of the requests (Allegro's messages).
    #[arg(long, value_name = "TAG", default_value = "pl-PL",
          value_parser = PossibleValuesParser::new(["en-US", "pl-PL", "uk-UA", "sk-SK", "cs-CZ", "hu-HU"]))]
    pub(crate) lang: String,
    /// A marketplace whose badges to fetch (repeat; default: allegro-pl,
    /// allegro-cz, allegro-sk, allegro-hu).
    #[arg(long = "marketplace", value_name = "ID")]
    pub(crate) marketplaces: Vec<String>,
    /// Also keep every response in DIR, one file each (its recording
    /// line), and fetch the badge applications for the audit.
    #[arg(long, value_name = "DIR")]
    pub(crate) save: Option<PathBuf>,
    /// Badge operation ids (one per line) to fetch for the audit.
    #[arg(long, value_name = "FILE", requires = "save")]
    pub(crate) operations: Option<PathBuf>,
    /// Items per page (Allegro's maximum: 1000).
    #[arg(long, value_name = "N", default_value_t = 1000,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub(crate) limit: u64,
    /// Seconds each request may take.
    #[arg(long, value_name = "SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) timeout: u64,
    /// How many times a request is tried again (429, 5xx, timeouts).
    #[arg(long, value_name = "N", default_value_t = 6)]
    pub(crate) retries: u32,
    /// Seconds to wait for another sync on the same ledger before refusing.
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    pub(crate) wait: u64,
    /// `text`: one line for people; `json`: one JSON line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    // The first backoff in ms (tests shorten it).
    #[arg(long, hide = true, default_value_t = 1000)]
    pub(crate) retry_base_ms: u64,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on; not a loopback one only with a token or --insecure.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    pub(crate) addr: std::net::SocketAddr,
    /// A file holding the bearer token every request must carry (else BADGE_RULES_TOKEN).
    #[arg(long, value_name = "FILE")]
    pub(crate) token_file: Option<PathBuf>,
    /// Serve a non-loopback address without a token.
    #[arg(long)]
    pub(crate) insecure: bool,
    /// The price ledger (SQLite; created when absent): enables /v1/ledger/* and fills checks.
    #[arg(long, value_name = "PATH")]
    pub(crate) ledger: Option<PathBuf>,
    /// The largest body, and the longest line of a batch, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub(crate) body_limit: usize,
    /// Seconds a request's head, then each part of its body, may take to arrive.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub(crate) read_timeout: u64,
    /// Seconds a handler may take to begin its answer (then 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub(crate) handler_timeout: u64,
    /// Requests answered at once; beyond, 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub(crate) max_in_flight: usize,
    /// Seconds the requests accepted may take to finish after SIGTERM.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub(crate) shutdown_deadline: u64,
}

#[derive(Debug, Args)]
pub(crate) struct LedgerArgs {
    // Which ledger command (no doc comment: clap would read it as help).
    #[command(subcommand)]
    pub(crate) command: LedgerCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum LedgerCommand {
    /// Record what Allegro's responses say about offer prices.
    #[command(
        long_about = "Record the offer prices and price events of Allegro's responses, told apart by \
their content: GET /sale/offers pages ({\"offers\", \"count\", \"totalCount\"}), GET \
/sale/product-offers/{offerId} resources, GET /sale/offer-events pages ({\"offerEvents\"}). A \
file holds one response (a raw one needs --at, the time it was fetched), or one per line \
(JSONL), each raw or as a recording line {\"fetchedAt\": TIME, \"response\": {...}, \
\"query\": {\"from\", \"type\", \"limit\"}} (query: the parameters of an offer-events \
request, which tell how much of the feed the page vouches for). Each response is recorded in one \
transaction, whole or not at all; the same response twice changes nothing. A response that \
cannot be read, or whose prices are in another currency than the offer's, is refused with its \
file, line and JSON path on stderr, and the others are recorded. Prints one JSON line: \
{committed, refused, prices, events}.",
        after_help = "Exit status:\n  0  every response was recorded\n  \
2  some response was refused (the others are recorded), or the database or a file failed\n\n\
Examples:\n  badge-rules ledger record --db prices.db recorded.jsonl\n  \
curl ... | badge-rules ledger record --db prices.db --at 2026-11-23T12:00:00Z -"
    )]
    Record(LedgerRecordArgs),
    /// M for each offer: the lowest price of the 30 days before --at, one JSON line each.
    #[command(
        long_about = "M for each offer named (or every offer with --all), computed by the engine over \
the recorded history: one JSON line per offer, {\"offerId\", \"at\", \"lowestPrice30Days\": \
{amount, currency} or null, \"exact\", \"gaps\": [{from, to, kind}]}. exact is false when \
the history has gaps that could hide a lower price: M is then an upper bound of Allegro's.",
        after_help = "Examples:\n  badge-rules ledger lowest --db prices.db 12345678 87654321\n  \
badge-rules ledger lowest --db prices.db --at 2026-11-23T12:00:00Z --all"
    )]
    Lowest(LedgerLowestArgs),
    /// The offer's metrics.priceHistory (and priceHistoryExact) as a check document wants it.
    #[command(
        after_help = "Example:\n  badge-rules ledger history --db prices.db --at 2026-11-23T12:00:00Z 12345678"
    )]
    History(LedgerHistoryArgs),
    /// Drop what no 30-day window opening at or after --before can read.
    #[command(
        long_about = "Drop what no 30-day window opening at or after --before can read: for each offer, \
everything recorded before its last price before --before (which is kept), and the event pages \
no kept price needs. Answers for every instant from --before + 30 days on stay the same. Prints \
one JSON line: {snapshots, events, pages} dropped.",
        after_help = "Example:\n  badge-rules ledger prune --db prices.db --before 2026-10-01T00:00:00Z"
    )]
    Prune(LedgerPruneArgs),
}

#[derive(Debug, Args)]
pub(crate) struct LedgerRecordArgs {
    /// The ledger (an SQLite file; created when absent).
    #[arg(long, value_name = "FILE")]
    pub(crate) db: PathBuf,
    /// When the raw responses were fetched (RFC 3339); recording lines carry
    /// their own fetchedAt.
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) at: Option<Instant>,
    /// Tell on stderr of each response as it is committed
    /// (`committed FILE:LINE`).
    #[arg(long)]
    pub(crate) progress: bool,
    /// The responses; `-` reads standard input.
    #[arg(value_name = "FILE|-", required = true)]
    pub(crate) files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct LedgerLowestArgs {
    /// The ledger.
    #[arg(long, value_name = "FILE")]
    pub(crate) db: PathBuf,
    /// The end of the 30-day window (RFC 3339; default: now).
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) at: Option<Instant>,
    /// The campaign's marketplace (allegro-pl, allegro-cz, ...; default: the
    /// offer's base marketplace): its prices, in its currency.
    #[arg(long, value_name = "ID")]
    pub(crate) marketplace: Option<String>,
    /// The campaign applied to: its own prices are left out of the
    /// reference minimum.
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: Option<String>,
    /// The campaign's publication start (RFC 3339): when after --at, the
    /// 30 days are those before it.
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) starts: Option<Instant>,
    /// Every offer of the ledger, in the order first recorded, on each of
    /// its marketplaces (naming it), for no campaign.
    #[arg(long, conflicts_with_all = ["offers", "marketplace", "campaign", "starts"])]
    pub(crate) all: bool,
    /// The offers; `-` reads offer ids from standard input, one per line.
    #[arg(value_name = "OFFER_ID", required_unless_present = "all")]
    pub(crate) offers: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct LedgerHistoryArgs {
    /// The ledger.
    #[arg(long, value_name = "FILE")]
    pub(crate) db: PathBuf,
    /// The `now` of the document it is for (RFC 3339; default: now).
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) at: Option<Instant>,
    /// The campaign's marketplace (allegro-pl, allegro-cz, ...; default: the
    /// offer's base marketplace): its prices, in its currency.
    #[arg(long, value_name = "ID")]
    pub(crate) marketplace: Option<String>,
    /// The campaign applied to: its own prices are left out of the
    /// reference minimum.
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: Option<String>,
    /// The campaign's publication start (RFC 3339): when after --at, the
    /// 30 days are those before it.
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) starts: Option<Instant>,
    /// The offer.
    #[arg(value_name = "OFFER_ID")]
    pub(crate) offer: String,
}

#[derive(Debug, Args)]
pub(crate) struct LedgerPruneArgs {
    /// The ledger.
    #[arg(long, value_name = "FILE")]
    pub(crate) db: PathBuf,
    /// The earliest window opening to keep answering (RFC 3339).
    #[arg(long, value_name = "TIME", value_parser = instant())]
    pub(crate) before: Instant,
}

#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// The plan's context: one JSON object (now, campaigns, account, terms,
    /// campaignTerms, badges, applications).
    #[arg(long, value_name = "FILE")]
    pub(crate) context: PathBuf,
    /// A campaign to plan (repeat for several); none: every campaign the
    /// context shows open for applications at `now`.
    #[arg(long = "campaign", value_name = "ID")]
    pub(crate) campaigns: Vec<String>,
    /// A price ledger (badge-rules ledger): each offer's priceHistory comes
    /// from it when its line has neither lowestPrice30Days nor priceHistory.
    #[arg(long, value_name = "FILE")]
    pub(crate) ledger: Option<PathBuf>,
    /// The bargain price to propose: `highest` (the highest price that
    /// passes, the smallest discount), `lowest`, or `discount=N` (N % below
    /// the market price M, rounded down to the grosz, whether it passes or not).
    #[arg(long, value_name = "RULE", default_value = "highest", value_parser = clap::builder::ValueParser::new(price_rule))]
    pub(crate) price: badge_rules::plan::PriceRule,
    /// `jsonl`: one JSON line per pair; `csv`: one row per pair, for a
    /// spreadsheet (headers in --lang).
    #[arg(long, value_enum, default_value_t = PlanFormat::Jsonl)]
    pub(crate) format: PlanFormat,
    /// The language of Allegro's messages and of the CSV headers.
    #[arg(long, value_name = "LANG", default_value = "en", ignore_case = true, value_parser = lang_options())]
    pub(crate) lang: Options,
    /// With --format csv: `excel-pl` (semicolons, decimal commas, verdicts
    /// in --lang: what Excel and LibreOffice in Polish open as columns) or
    /// `rfc4180` (commas, decimal points, ACCEPT/REJECT/INCOMPLETE/ERROR:
    /// for programs). Default: excel-pl with --lang pl, else rfc4180.
    #[arg(long, value_name = "DIALECT", value_parser = clap::builder::ValueParser::new(csv_dialect))]
    pub(crate) csv_dialect: Option<badge_rules::api::CsvDialect>,
    /// Plan on N threads (default: one per core); the output is in input
    /// order whatever N.
    #[arg(long, value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// The offers: files of pages, offers or {offer, metrics} lines; `-` or
    /// nothing reads standard input.
    #[arg(value_name = "OFFERS")]
    pub(crate) offers: Vec<PathBuf>,
}

/// `plan --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlanFormat {
    /// One JSON line per pair.
    Jsonl,
    /// One CSV row per pair.
    Csv,
}

/// `plan --csv-dialect`.
fn csv_dialect(text: &str) -> Result<badge_rules::api::CsvDialect, String> {
    text.parse()
}

/// `plan --price`.
fn price_rule(text: &str) -> Result<badge_rules::plan::PriceRule, String> {
    text.parse()
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
    /// Fill metrics.priceHistory from this price ledger (`badge-rules
    /// ledger`) for a document whose metrics has neither lowestPrice30Days
    /// nor priceHistory.
    #[arg(long, value_name = "FILE")]
    pub(crate) ledger: Option<PathBuf>,
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
/// A time option: RFC 3339 with an offset.
fn instant() -> impl TypedValueParser<Value = Instant> {
    clap::builder::StringValueParser::new().try_map(|text| {
        text.parse::<Instant>().map_err(|_| {
            format!("{text:?} is not an RFC 3339 time with an offset, such as 2026-11-23T12:00:00Z")
        })
    })
}

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
        // Each language's own tag and Allegro's, then the fallback tags:
        // derived from the core, so a language added there is listed here.
        assert_eq!(tags.len(), 2 * Lang::ALL.len() + FALLBACK_TAGS.len());
        assert!(tags.contains(&"pl") && tags.contains(&"pl-PL") && tags.contains(&"uk-UA"));
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
