//! `badge-rules`: checks Allegro badge-campaign requests offline, from the
//! command line, and answers with Allegro's BA/BB codes.
//!
//! A thin adapter over the `badge-rules` library: it reads check documents,
//! prints reports for people (`--format text`) or programs (`--format json`,
//! `--jsonl`), and turns the verdict into an exit status.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use badge_rules::catalogue::{self, Check};
use badge_rules::error::SyntaxError;
use badge_rules::report::Report;
use badge_rules::{check_json, InputError, Lang, Options, Verdict};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};

/// Exit status: the document is accepted.
const EXIT_ACCEPT: u8 = 0;
/// Exit status: at least one rule fails.
const EXIT_REJECT: u8 = 1;
/// Exit status: the input cannot be checked (bad JSON, impossible context,
/// unreadable file, bad usage).
const EXIT_INPUT: u8 = 2;
/// Exit status: no rule fails but some could not be checked.
const EXIT_INCOMPLETE: u8 = 3;

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
The rule book is shared/spec/RULES.md; the document and report shapes are in docs/DESIGN.md.",
    after_help = "Examples:\n  \
badge-rules check examples/sandbox-accept.json\n  \
badge-rules check --lang pl --format json < examples/sandbox-too-shallow.json\n  \
badge-rules check --jsonl documents.jsonl > reports.jsonl\n  \
badge-rules codes --format json\n  \
badge-rules terms SANDBOX_TEST_CAMPAIGN\n\n\
Run `badge-rules help check` for the exit statuses."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
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
    /// Print the built-in terms of a campaign (the rules its regulations add).
    #[command(
        long_about = "Print the built-in terms of a campaign id: the rules of its regulations \
that GET /sale/badge-campaigns does not return (how deep the discount must be, the minimum \
stock, ...). Terms given in a check document's `terms` are merged over these field by field. \
Any campaign id gets the defaults (minStock 1, requireCompanyAccount true, discount base \
MARKET); SANDBOX_TEST_CAMPAIGN adds its 40 %-60 % discount window.",
        after_help = "Examples:\n  badge-rules terms SANDBOX_TEST_CAMPAIGN\n  \
badge-rules terms BARGAIN --format text"
    )]
    Terms(TermsArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The language of Allegro's messages in the report.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// `text` for people; `json` prints the report as one line of JSON, the
    /// same bytes as every other runtime of badge-rules. --jsonl always writes JSON.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Read one document per line and write one JSON report per line.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl: check on N threads (default: one per core). The output
    /// is in input order whatever N.
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// The document to check; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct CodesArgs {
    /// The language of the texts.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// `text`: one code per line; `json`: an array of {code, check, reason?, text}.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Args)]
struct TermsArgs {
    /// The campaign id, e.g. SANDBOX_TEST_CAMPAIGN.
    #[arg(value_name = "ID")]
    id: String,
    /// `json`: the terms object, ready for a document's `terms`; `text`: one field per line.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// English.
    En,
    /// Polish.
    Pl,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Pl => Lang::Pl,
        }
    }
}

/// A failure that ends the run with exit status 2.
#[derive(Debug)]
enum Fatal {
    /// A file or stream could not be read or written.
    Io(String),
    /// The single document cannot be checked (already printed).
    Input(InputError),
    /// Bad usage clap cannot see.
    Usage(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Codes(args) => run_codes(&args),
        Command::Terms(args) => run_terms(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(fatal) => {
            let message = match fatal {
                Fatal::Io(message) | Fatal::Usage(message) => message,
                Fatal::Input(err) => err.to_string(),
            };
            // Nothing more can be done if stderr is gone.
            let _ = writeln!(io::stderr().lock(), "badge-rules: {message}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// The input named on the command line (`None` or `-`: standard input).
fn open_input(file: Option<&PathBuf>) -> Result<(Box<dyn BufRead>, String), Fatal> {
    match file {
        None => Ok((Box::new(io::stdin().lock()), "standard input".into())),
        Some(path) if path.as_os_str() == "-" => {
            Ok((Box::new(io::stdin().lock()), "standard input".into()))
        }
        Some(path) => {
            let name = path.display().to_string();
            let file =
                File::open(path).map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
            Ok((Box::new(BufReader::with_capacity(1 << 16, file)), name))
        }
    }
}

fn write_err(e: &io::Error) -> Fatal {
    Fatal::Io(format!("cannot write the output: {e}"))
}

fn run_check(args: &CheckArgs) -> Result<u8, Fatal> {
    let options = Options {
        lang: args.lang.into(),
    };
    let (mut input, name) = open_input(args.file.as_ref())?;
    if args.jsonl {
        if args.format == Some(Format::Text) {
            return Err(Fatal::Usage(
                "--jsonl writes one JSON report per line; --format text cannot be used with it"
                    .into(),
            ));
        }
        let jobs = args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        );
        let progress = io::stderr()
            .is_terminal()
            .then(|| Progress::new(input_size(args.file.as_ref())));
        // `Stdout`, not its lock: the writing thread owns it.
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
        check_lines(&mut input, &mut out, &options, &name, jobs, progress)?;
        return Ok(EXIT_ACCEPT);
    }
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
    let result = text_of(&bytes).and_then(|text| check_json(text, &options));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let format = args.format.unwrap_or(Format::Text);
    match result {
        Ok(report) => {
            match format {
                Format::Json => writeln!(out, "{}", report_json(&report)?),
                Format::Text => out.write_all(render_report(&report, options.lang).as_bytes()),
            }
            .and_then(|()| out.flush())
            .map_err(|e| write_err(&e))?;
            Ok(match report.verdict {
                Verdict::Accept => EXIT_ACCEPT,
                Verdict::Reject => EXIT_REJECT,
                Verdict::Incomplete => EXIT_INCOMPLETE,
            })
        }
        Err(err) => {
            if format == Format::Json {
                // Programs get the same line a --jsonl run gives.
                writeln!(out, "{}", error_json(&err)?)
                    .and_then(|()| out.flush())
                    .map_err(|e| write_err(&e))?;
            }
            Err(Fatal::Input(err))
        }
    }
}

/// A chunk of a `--jsonl` run ends at the first line end after this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;

/// Chunks read but not yet written, per checking thread: bounds the memory of
/// a run whatever the length of the input.
const IN_FLIGHT_PER_JOB: usize = 2;

/// The answers to one chunk of lines.
struct Answers {
    /// One line per input line, each with its newline.
    text: Vec<u8>,
    /// How many documents (lines) the chunk held.
    documents: u64,
    /// How many input bytes the chunk held.
    bytes: u64,
}

/// A chunk of input lines and where its answers go.
type Job = (Vec<u8>, SyncSender<Result<Answers, Fatal>>);

/// Reads `input` in chunks of whole lines, checks them on `jobs` threads and
/// writes one line per input line to `out`, in input order, then flushes it.
///
/// The reader (this thread) hands each chunk to the checking threads and, in
/// the same order, the receiver of its answers to the writing thread, through
/// bounded channels. Every chunk in memory is queued for the writer, being
/// written or being read, so at most `IN_FLIGHT_PER_JOB * jobs + 2` are.
fn check_lines(
    input: &mut dyn BufRead,
    out: &mut (dyn Write + Send),
    options: &Options,
    name: &str,
    jobs: usize,
    progress: Option<Progress>,
) -> Result<(), Fatal> {
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = sync_channel::<Job>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (order_tx, order_rx) =
        sync_channel::<Receiver<Result<Answers, Fatal>>>(IN_FLIGHT_PER_JOB * jobs);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| check_chunks(&work_rx, options));
        }
        let writer = scope.spawn(move || write_in_order(&order_rx, out, progress));
        let read = read_chunks(input, name, |chunk| {
            let (answer_tx, answer_rx) = sync_channel(1);
            // A send fails only when the writer stopped (its error is below).
            order_tx.send(answer_rx).is_ok() && work_tx.send((chunk, answer_tx)).is_ok()
        });
        drop(order_tx);
        drop(work_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Fatal::Io("the writing thread stopped".into())));
        read.and(written)
    })
}

/// Reads whole lines into chunks of about [`CHUNK_BYTES`] and hands each to
/// `send`, until the input ends or `send` answers `false`. On a read error,
/// the lines read whole before it are still handed on.
fn read_chunks(
    input: &mut dyn BufRead,
    name: &str,
    mut send: impl FnMut(Vec<u8>) -> bool,
) -> Result<(), Fatal> {
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_BYTES + 16 * 1024);
        let mut result = Ok(true);
        while chunk.len() < CHUNK_BYTES {
            let before = chunk.len();
            match input.read_until(b'\n', &mut chunk) {
                Ok(0) => {
                    result = Ok(false);
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    chunk.truncate(before);
                    result = Err(Fatal::Io(format!("cannot read {name}: {e}")));
                    break;
                }
            }
        }
        if !chunk.is_empty() && !send(chunk) {
            return Ok(());
        }
        match result {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(fatal) => return Err(fatal),
        }
    }
}

/// A checking thread: answers chunks from `queue` until it is closed.
fn check_chunks(queue: &Mutex<Receiver<Job>>, options: &Options) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((chunk, answer)) = job else {
            return;
        };
        // The writer may have stopped on an error: nobody is waiting then.
        let _ = answer.send(check_chunk(&chunk, options));
    }
}

/// The answers to every line of `chunk` (each line with its newline, the
/// last one possibly without).
fn check_chunk(chunk: &[u8], options: &Options) -> Result<Answers, Fatal> {
    let mut text = Vec::with_capacity(chunk.len() / 2);
    let mut documents = 0;
    for line in chunk.split_inclusive(|b| *b == b'\n') {
        text.extend_from_slice(check_line(line, options)?.as_bytes());
        text.push(b'\n');
        documents += 1;
    }
    Ok(Answers {
        text,
        documents,
        bytes: chunk.len() as u64,
    })
}

/// The writing thread: writes the answers of each chunk in the order the
/// chunks were read, then flushes `out`.
fn write_in_order(
    order: &Receiver<Receiver<Result<Answers, Fatal>>>,
    out: &mut (dyn Write + Send),
    mut progress: Option<Progress>,
) -> Result<(), Fatal> {
    for answers in order {
        let answers = answers
            .recv()
            .map_err(|_| Fatal::Io("a checking thread stopped".into()))??;
        out.write_all(&answers.text).map_err(|e| write_err(&e))?;
        if let Some(progress) = progress.as_mut() {
            progress.advance(answers.documents, answers.bytes);
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(())
}

/// The size of the input when it is a regular file (for the progress bar's
/// percentage); standard input redirected from a file counts too.
fn input_size(file: Option<&PathBuf>) -> Option<u64> {
    let path = match file {
        Some(path) if path.as_os_str() != "-" => path.clone(),
        _ => PathBuf::from("/dev/stdin"),
    };
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// The progress of a `--jsonl` run on a terminal's stderr: a bar redrawn at
/// most ten times a second, then one line with the documents per second.
struct Progress {
    start: Instant,
    drawn_at: Option<Instant>,
    total_bytes: Option<u64>,
    bytes: u64,
    documents: u64,
}

impl Progress {
    const EVERY: Duration = Duration::from_millis(100);

    fn new(total_bytes: Option<u64>) -> Self {
        Progress {
            start: Instant::now(),
            drawn_at: None,
            total_bytes,
            bytes: 0,
            documents: 0,
        }
    }

    fn advance(&mut self, documents: u64, bytes: u64) {
        self.documents += documents;
        self.bytes += bytes;
        let now = Instant::now();
        if self
            .drawn_at
            .is_none_or(|at| now.duration_since(at) >= Self::EVERY)
        {
            self.drawn_at = Some(now);
            let line = progress_line(
                self.documents,
                self.bytes,
                self.total_bytes,
                now.duration_since(self.start),
            );
            // A progress bar is not worth failing the run for.
            let _ = write!(io::stderr().lock(), "\r\x1b[2K{line}");
        }
    }

    fn finish(mut self) {
        let line = final_line(self.documents, self.start.elapsed());
        self.drawn_at = None;
        let _ = writeln!(io::stderr().lock(), "\r\x1b[2K{line}");
    }
}

impl Drop for Progress {
    /// A run that stops on an error leaves no half-drawn bar behind.
    fn drop(&mut self) {
        if self.drawn_at.is_some() {
            let _ = write!(io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// `[#######.............]  35 %  350,000 documents  301,200 documents/s`
/// (without the bar and percentage when the input's size is unknown).
fn progress_line(documents: u64, bytes: u64, total: Option<u64>, elapsed: Duration) -> String {
    const WIDTH: u64 = 30;
    let mut line = String::new();
    if let Some(total) = total.filter(|t| *t > 0) {
        let done = bytes.min(total);
        let filled = usize::try_from(done * WIDTH / total).unwrap_or(0);
        let empty = usize::try_from(WIDTH).unwrap_or(0).saturating_sub(filled);
        let _ = write!(
            line,
            "[{}{}] {:>3} %  ",
            "#".repeat(filled),
            ".".repeat(empty),
            done * 100 / total
        );
    }
    let _ = write!(
        line,
        "{} documents  {} documents/s",
        grouped(documents),
        grouped(per_second(documents, elapsed))
    );
    line
}

/// `badge-rules: 1,000,000 documents in 3.21 s, 311,526 documents/s`
fn final_line(documents: u64, elapsed: Duration) -> String {
    format!(
        "badge-rules: {} documents in {:.2} s, {} documents/s",
        grouped(documents),
        elapsed.as_secs_f64(),
        grouped(per_second(documents, elapsed))
    )
}

fn per_second(documents: u64, elapsed: Duration) -> u64 {
    let micros = elapsed.as_micros().max(1);
    u64::try_from(u128::from(documents) * 1_000_000 / micros).unwrap_or(u64::MAX)
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The answer to one line of a `--jsonl` run, without its newline: the report
/// as one line of JSON, or `{"error": ...}`. Pure, so lines can be checked in
/// parallel.
fn check_line(line: &[u8], options: &Options) -> Result<String, Fatal> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match text_of(line).and_then(|text| check_json(text, options)) {
        Ok(report) => report_json(&report),
        Err(err) => error_json(&err),
    }
}

/// The bytes as text; bytes that are not UTF-8 are a syntax error.
fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::Syntax(SyntaxError {
            path: String::new(),
            message: "the text is not valid UTF-8".into(),
            line,
            column,
        })
    })
}

/// The report exactly as `serde_json::to_string` writes it.
fn report_json(report: &Report) -> Result<String, Fatal> {
    serde_json::to_string(report).map_err(|e| Fatal::Io(format!("cannot write a report: {e}")))
}

/// `{"error": {...}}` on one line, the error's fields in its own order
/// (`kind`, `path`, `message`, ...), as `serde_json::to_string` writes it.
fn error_json(err: &InputError) -> Result<String, Fatal> {
    let inner =
        serde_json::to_string(err).map_err(|e| Fatal::Io(format!("cannot write an error: {e}")))?;
    Ok(format!("{{\"error\":{inner}}}"))
}

/// The words of the text format, per language.
struct Words {
    accept: &'static str,
    reject: &'static str,
    incomplete: &'static str,
    no_field: &'static str,
    skipped: &'static str,
    needs: &'static str,
    warnings: &'static str,
    hint: &'static str,
    no_hint: &'static str,
    level: &'static str,
    benefits: &'static str,
    top_level: &'static str,
    next_level: &'static str,
}

const EN: Words = Words {
    accept: "every rule passes",
    reject: "Allegro would refuse this request",
    incomplete: "no rule fails, but some could not be checked",
    no_field: "(no field: the account or the request as a whole)",
    skipped: "Not checked (context missing):",
    needs: "needs",
    warnings: "Warnings:",
    hint: "Bargain prices that pass:",
    no_hint: "No bargain price passes.",
    level: "Allegro Ads Partner level:",
    benefits: "What it brings:",
    top_level: "the highest level is reached",
    next_level: "the next level needs more",
};

const PL: Words = Words {
    accept: "wszystkie reguły spełnione",
    reject: "Allegro odrzuci to zgłoszenie",
    incomplete: "żadna reguła nie zawodzi, ale niektórych nie sprawdzono",
    no_field: "(bez pola: konto lub zgłoszenie jako całość)",
    skipped: "Nie sprawdzono (brak kontekstu):",
    needs: "potrzebuje",
    warnings: "Ostrzeżenia:",
    hint: "Ceny zniżkowe, które przejdą:",
    no_hint: "Żadna cena zniżkowa nie przejdzie.",
    level: "Poziom Allegro Ads Partner:",
    benefits: "Co daje:",
    top_level: "osiągnięto najwyższy poziom",
    next_level: "do następnego poziomu brakuje wymagań",
};

const fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Pl => &PL,
    }
}

/// The report for people.
fn render_report(report: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut s = String::new();
    let gloss = match (report.verdict, report.level.is_some()) {
        (Verdict::Accept, false) => w.accept,
        (Verdict::Reject, false) => w.reject,
        (Verdict::Incomplete, false) => w.incomplete,
        (Verdict::Accept, true) => w.top_level,
        (Verdict::Reject, true) => w.next_level,
        (Verdict::Incomplete, true) => w.incomplete,
    };
    // Writing to a String cannot fail.
    let _ = writeln!(s, "{}: {gloss}", report.verdict.as_str());
    if let Some(level) = report.level {
        let name = serde_json::to_value(level)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(s, "{} {name}", w.level);
    }
    for v in &report.violations {
        let field = if v.path.is_empty() {
            w.no_field
        } else {
            &*v.path
        };
        let _ = writeln!(s, "  {} {field}", v.code);
        let _ = writeln!(s, "      {}", v.message);
        if !v.params.is_empty() {
            let params: Vec<String> = v.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(s, "      {}", params.join(", "));
        }
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(s, "{}", w.skipped);
        for k in &report.skipped {
            let _ = writeln!(s, "  {} {} {}", k.code, w.needs, k.missing);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(s, "{}", w.warnings);
        for warning in &report.warnings {
            let _ = writeln!(s, "  {}: {}", warning.code.as_str(), warning.message);
        }
    }
    match &report.hints.bargain {
        Some(range) => {
            let _ = writeln!(
                s,
                "{} {}\u{2013}{} {}",
                w.hint, range.min, range.max, range.currency
            );
        }
        None if report
            .warnings
            .iter()
            .any(|x| x.code == badge_rules::report::WarningCode::NoBargainPricePasses) =>
        {
            let _ = writeln!(s, "{}", w.no_hint);
        }
        None => {}
    }
    if let Some(benefits) = report.benefits.as_ref().filter(|b| !b.is_empty()) {
        let _ = writeln!(s, "{}", w.benefits);
        for b in benefits {
            let _ = writeln!(s, "  - {}", b.text);
        }
    }
    s
}

fn run_codes(args: &CodesArgs) -> Result<u8, Fatal> {
    let lang: Lang = args.lang.into();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let rows: Vec<Value> = catalogue::ALL
                .iter()
                .map(|info| match info.check {
                    Check::Offline => json!({
                        "code": info.code.as_str(),
                        "check": "offline",
                        "text": info.text(lang),
                    }),
                    Check::ServerOnly { reason } => json!({
                        "code": info.code.as_str(),
                        "check": "server-only",
                        "reason": reason,
                        "text": info.text(lang),
                    }),
                })
                .collect();
            let text = serde_json::to_string_pretty(&rows)
                .map_err(|e| Fatal::Io(format!("cannot write the catalogue: {e}")))?;
            writeln!(out, "{text}").map_err(|e| write_err(&e))?;
        }
        Format::Text => {
            let width = catalogue::ALL
                .iter()
                .map(|info| info.code.as_str().len())
                .max()
                .unwrap_or(0);
            for info in catalogue::ALL {
                let code = info.code.as_str();
                match info.check {
                    Check::Offline => writeln!(out, "{code:<width$}  offline      {}", info.text(lang)),
                    Check::ServerOnly { reason } => writeln!(
                        out,
                        "{code:<width$}  server-only  {}\n{:<width$}               (server-only: {reason})",
                        info.text(lang),
                        ""
                    ),
                }
                .map_err(|e| write_err(&e))?;
            }
            let offline = catalogue::ALL
                .iter()
                .filter(|info| info.check.is_offline())
                .count();
            writeln!(
                out,
                "{} codes: {offline} checked offline, {} server-only.",
                catalogue::ALL.len(),
                catalogue::ALL.len() - offline
            )
            .map_err(|e| write_err(&e))?;
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}

fn run_terms(args: &TermsArgs) -> Result<u8, Fatal> {
    let terms = badge_rules::terms::built_in(&args.id);
    let value = serde_json::to_value(&terms)
        .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&value)
                .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))?;
            writeln!(out, "{text}").map_err(|e| write_err(&e))?;
        }
        Format::Text => {
            let own = badge_rules::terms::BUILT_IN_IDS.contains(&args.id.as_str());
            let mut s = String::new();
            let _ = writeln!(
                s,
                "Built-in terms of {}{}:",
                args.id,
                if own {
                    ""
                } else {
                    " (no terms of its own: the defaults of any campaign)"
                }
            );
            flatten(&value, "", &mut s);
            out.write_all(s.as_bytes()).map_err(|e| write_err(&e))?;
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}

/// One `path: value` line per leaf of `value`.
fn flatten(value: &Value, prefix: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(inner, &path, out);
            }
        }
        Value::String(text) => {
            let _ = writeln!(out, "  {prefix}: {text}");
        }
        other => {
            let _ = writeln!(out, "  {prefix}: {other}");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    /// Yields `data`, then fails.
    struct FailingRead {
        data: io::Cursor<Vec<u8>>,
    }

    impl Read for FailingRead {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.data.read(buf)? {
                0 => Err(io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }

    /// Accepts `room` bytes, then fails.
    struct FailingWrite {
        room: usize,
    }

    impl Write for FailingWrite {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.room {
                return Err(io::Error::other("pipe closed"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn lines(count: usize) -> Vec<u8> {
        let doc = r#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-pl", "limit": 5000}}"#;
        format!("{doc}\n").repeat(count).into_bytes()
    }

    #[test]
    fn a_read_error_keeps_the_whole_lines_read_before_it() {
        let mut data = lines(5000);
        data.extend_from_slice(b"{\"kind\": \"badgesQu"); // cut by the error
        let mut input = BufReader::new(FailingRead {
            data: io::Cursor::new(data),
        });
        let mut out = Vec::new();
        let result = check_lines(&mut input, &mut out, &Options::default(), "x", 3, None);
        match result {
            Err(Fatal::Io(message)) => assert!(message.contains("cannot read x"), "{message}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 5000);
    }

    #[test]
    fn a_write_error_stops_the_run_without_hanging() {
        let mut input = io::Cursor::new(lines(50_000));
        let mut out = FailingWrite { room: 100_000 };
        let result = check_lines(&mut input, &mut out, &Options::default(), "x", 2, None);
        assert!(
            matches!(&result, Err(Fatal::Io(m)) if m.contains("cannot write")),
            "{result:?}"
        );
    }

    #[test]
    fn chunks_answer_each_line_once_in_order() {
        let input = b"{}\n\n{\"kind\": \"accountConsent\"}\r\nnot json";
        let answers = check_chunk(input, &Options::default()).unwrap();
        assert_eq!(answers.documents, 4);
        assert_eq!(answers.bytes, input.len() as u64);
        let text = String::from_utf8(answers.text).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got.len(), 4);
        for (line, answer) in input.split(|b| *b == b'\n').zip(&got) {
            assert_eq!(&check_line(line, &Options::default()).unwrap(), answer);
        }
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn the_progress_line_shows_the_share_read_and_the_rate() {
        let second = Duration::from_secs(1);
        assert_eq!(
            progress_line(350_000, 35, Some(100), second),
            "[##########....................]  35 %  350,000 documents  350,000 documents/s"
        );
        assert_eq!(
            progress_line(10, 100, Some(100), second * 2),
            "[##############################] 100 %  10 documents  5 documents/s"
        );
        // Unknown size (a pipe): no bar.
        assert_eq!(
            progress_line(7, 100, None, second),
            "7 documents  7 documents/s"
        );
        assert_eq!(
            final_line(1_000_000, Duration::from_millis(3210)),
            "badge-rules: 1,000,000 documents in 3.21 s, 311,526 documents/s"
        );
        assert_eq!(per_second(5, Duration::ZERO), 5_000_000);
    }
}
