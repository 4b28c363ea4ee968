//! `badge-rules plan`: campaigns planned over a catalogue
//! ([`badge_rules::plan`]), one line (or CSV row) per (offer, campaign).
//!
//! The context is read whole first: when it cannot be read or checked the
//! run stops before any output. The offers are streamed as `check --jsonl`
//! streams documents: the reader (this thread) cuts the inputs into items
//! ([`crate::items`]) and hands chunks of them to the planning threads, each
//! with its own [`Planner`]; a writing thread writes the answers in input
//! order. At most `IN_FLIGHT_PER_JOB * jobs + 2` chunks are in memory.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::time::Instant;

use badge_rules::api::{self, PlanOptions};
use badge_rules::document::{Metrics, Offer};
use badge_rules::plan::{Outcome, PlanContext, Planner};
use badge_rules::{Lang, Verdict};
use badge_rules_ledger::Ledger;

use crate::args::{PlanArgs, PlanFormat};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT};
use crate::items::Items;
use crate::progress::{grouped, Progress};

/// A chunk ends at the first item end after this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;

/// Chunks read but not yet written, per planning thread.
const IN_FLIGHT_PER_JOB: usize = 2;

/// Whole items of one input, cut from its bytes.
#[derive(Debug)]
struct Chunk {
    /// The input's index in the inputs.
    input: usize,
    data: Vec<u8>,
    /// Each item's (start, end) in `data` and first line.
    items: Vec<(usize, usize, usize)>,
    /// Input bytes the chunk took (blank lines too).
    bytes: u64,
}

/// The answers to one chunk.
#[derive(Debug, Default)]
struct Answers {
    text: Vec<u8>,
    bytes: u64,
    summary: Summary,
}

/// What a run planned, for the summary on stderr.
#[derive(Debug, Default)]
struct Summary {
    pairs: u64,
    accept: u64,
    reject: u64,
    incomplete: u64,
    pair_errors: u64,
    item_errors: u64,
    /// Pairs with each violation code.
    codes: BTreeMap<&'static str, u64>,
    /// The first failure of the ledger.
    ledger_error: Option<String>,
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Pair(pair) => {
                self.pairs += 1;
                match pair.report.verdict {
                    Verdict::Accept => self.accept += 1,
                    Verdict::Reject => self.reject += 1,
                    _ => self.incomplete += 1,
                }
                let mut seen: Vec<&'static str> = Vec::new();
                for v in &pair.report.violations {
                    let code = v.code.as_str();
                    if !seen.contains(&code) {
                        seen.push(code);
                        *self.codes.entry(code).or_default() += 1;
                    }
                }
            }
            Outcome::PairError { .. } => {
                self.pairs += 1;
                self.pair_errors += 1;
            }
            _ => self.item_errors += 1,
        }
    }

    fn merge(&mut self, other: Summary) {
        self.pairs += other.pairs;
        self.accept += other.accept;
        self.reject += other.reject;
        self.incomplete += other.incomplete;
        self.pair_errors += other.pair_errors;
        self.item_errors += other.item_errors;
        for (code, n) in other.codes {
            *self.codes.entry(code).or_default() += n;
        }
        if self.ledger_error.is_none() {
            self.ledger_error = other.ledger_error;
        }
    }

    /// The summary's lines.
    fn render(&self, campaigns: usize, seconds: f64) -> String {
        let per_second = if seconds > 0.0 {
            (self.pairs as f64 / seconds) as u64
        } else {
            self.pairs
        };
        let offers = self.pairs / campaigns.max(1) as u64;
        let mut s = format!(
            "badge-rules: {} offers x {} campaign{} = {} pairs in {seconds:.2} s, {} documents/s\n",
            grouped(offers),
            campaigns,
            if campaigns == 1 { "" } else { "s" },
            grouped(self.pairs),
            grouped(per_second),
        );
        s.push_str(&format!(
            "badge-rules: ACCEPT {}, REJECT {}, INCOMPLETE {}, input errors {} ({} pairs, {} items)\n",
            grouped(self.accept),
            grouped(self.reject),
            grouped(self.incomplete),
            grouped(self.pair_errors + self.item_errors),
            grouped(self.pair_errors),
            grouped(self.item_errors),
        ));
        if !self.codes.is_empty() {
            let mut codes: Vec<(&&str, &u64)> = self.codes.iter().collect();
            codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = codes
                .iter()
                .map(|(code, n)| format!("{code} {}", grouped(**n)))
                .collect();
            s.push_str(&format!(
                "badge-rules: pairs by code: {}\n",
                list.join(", ")
            ));
        }
        s
    }
}

/// Reads each offer's `priceHistory` from a price ledger when its line has
/// no market price figures.
struct Filler {
    /// The ledger, when one is asked for: this thread's connection, or why
    /// it could not be opened (the run then ends with status 2).
    ledger: Option<Result<Ledger, String>>,
    now: Option<badge_rules::period::Instant>,
    empty: Option<Metrics>,
}

impl Filler {
    fn fill(
        &self,
        offer: &Offer,
        given: Option<Metrics>,
        error: &mut Option<String>,
    ) -> Option<Metrics> {
        let (Some(ledger), Some(now), Some(id)) = (&self.ledger, self.now, offer.id.as_deref())
        else {
            return given;
        };
        let ledger = match ledger {
            Ok(ledger) => ledger,
            Err(e) => {
                error.get_or_insert_with(|| e.clone());
                return given;
            }
        };
        if given
            .as_ref()
            .is_some_and(|m| m.lowest_price_30_days.is_some() || m.price_history.is_some())
        {
            return given;
        }
        match ledger.history(id, now) {
            Ok(Some(history)) => {
                let mut metrics = given.or_else(|| self.empty.clone())?;
                metrics.price_history = Some(history.price_history);
                metrics.price_history_exact = Some(history.price_history_exact);
                Some(metrics)
            }
            Ok(None) => given,
            Err(e) => {
                error.get_or_insert_with(|| e.to_string());
                given
            }
        }
    }
}

pub(crate) fn run(args: &PlanArgs) -> Result<u8, Fatal> {
    let options = args.lang;
    let lang = options.lang;
    let context_name = args.context.display().to_string();
    let bytes = std::fs::read(&args.context)
        .map_err(|e| Fatal::Io(format!("cannot read {context_name}: {e}")))?;
    let context = PlanContext::from_bytes(&bytes)
        .map_err(|e| Fatal::Usage(format!("{context_name}: {}", e.localized(lang))))?;
    drop(bytes);
    let plan_options = PlanOptions {
        messages: options,
        campaigns: args.campaigns.clone(),
        price: args.price,
    };
    let planner = plan_options
        .planner(&context)
        .map_err(|e| Fatal::Usage(format!("{context_name}: {}", e.message(lang))))?;
    let campaigns = planner.campaign_ids().count();
    if let Some(path) = &args.ledger {
        open_ledger(path)?;
    }
    let inputs: Vec<Option<PathBuf>> = if args.offers.is_empty() {
        vec![None]
    } else {
        args.offers
            .iter()
            .map(|p| Some(p.clone()).filter(|p| p.as_os_str() != "-"))
            .collect()
    };
    let names: Vec<String> = inputs
        .iter()
        .map(|p| {
            p.as_ref()
                .map_or("standard input".into(), |p| p.display().to_string())
        })
        .collect();
    let jobs = args
        .jobs
        .map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        )
        .max(1);
    let progress = io::stderr().is_terminal().then(|| {
        let sizes: Option<u64> = inputs.iter().map(|p| size(p.as_deref())).sum();
        Progress::new(sizes)
    });
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let summary = pipeline(
        &inputs,
        &names,
        &mut out,
        &planner,
        &context,
        args.ledger.as_deref(),
        args.format,
        lang,
        jobs,
        progress,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    // Nothing more can be done if stderr is gone.
    let _ = io::stderr()
        .lock()
        .write_all(summary.render(campaigns, seconds).as_bytes());
    if let Some(error) = summary.ledger_error {
        return Err(Fatal::Io(format!("the ledger could not be read: {error}")));
    }
    Ok(EXIT_ACCEPT)
}

/// Opens the ledger once, to fail before any output.
fn open_ledger(path: &Path) -> Result<Ledger, Fatal> {
    if !path.is_file() {
        return Err(Fatal::Io(format!(
            "cannot read the ledger {}: no such file",
            path.display()
        )));
    }
    Ledger::open(path)
        .map_err(|e| Fatal::Io(format!("cannot read the ledger {}: {e}", path.display())))
}

/// The size of an input when it is a regular file.
fn size(path: Option<&Path>) -> Option<u64> {
    std::fs::metadata(path.unwrap_or(Path::new("/dev/stdin")))
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// A chunk and where its answers go.
type Job = (Chunk, SyncSender<Answers>);

#[expect(
    clippy::too_many_arguments,
    reason = "the run's parts, each read once by the threads it starts"
)]
fn pipeline(
    inputs: &[Option<PathBuf>],
    names: &[String],
    out: &mut (dyn Write + Send),
    planner: &Planner<'_>,
    context: &PlanContext,
    ledger: Option<&Path>,
    format: PlanFormat,
    lang: Lang,
    jobs: usize,
    progress: Option<Progress>,
) -> Result<Summary, Fatal> {
    let (work_tx, work_rx) = sync_channel::<Job>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (order_tx, order_rx) = sync_channel::<Receiver<Answers>>(IN_FLIGHT_PER_JOB * jobs);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let work_rx = &work_rx;
            let mut planner = planner.clone();
            scope.spawn(move || {
                let filler = Filler {
                    ledger: ledger.map(|p| Ledger::open(p).map_err(|e| e.to_string())),
                    now: context.now(),
                    empty: serde_json::from_str("{}").ok(),
                };
                plan_chunks(work_rx, &mut planner, &filler, names, format, lang);
            });
        }
        let writer = scope.spawn(move || write_in_order(&order_rx, out, format, lang, progress));
        let read = read_inputs(inputs, names, |chunk| {
            let (answer_tx, answer_rx) = sync_channel(1);
            // A send fails only when the writer stopped (its error is below).
            order_tx.send(answer_rx).is_ok() && work_tx.send((chunk, answer_tx)).is_ok()
        });
        drop(order_tx);
        drop(work_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Fatal::Io("the writing thread stopped".into())));
        match (read, written) {
            (Ok(()), written) => written,
            (Err(fatal), _) => Err(fatal),
        }
    })
}

/// Reads every input in turn, in chunks of whole items, handing each to
/// `send` until the inputs end or `send` answers `false`. On a read error,
/// the items read whole before it are still handed on.
fn read_inputs(
    inputs: &[Option<PathBuf>],
    names: &[String],
    mut send: impl FnMut(Chunk) -> bool,
) -> Result<(), Fatal> {
    for (index, path) in inputs.iter().enumerate() {
        let name = names.get(index).map_or("", String::as_str);
        let reader: Box<dyn BufRead> = match path {
            None => Box::new(io::stdin().lock()),
            Some(path) => Box::new(BufReader::with_capacity(
                1 << 16,
                File::open(path).map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?,
            )),
        };
        let mut items = Items::new(reader);
        loop {
            let mut chunk = Chunk {
                input: index,
                data: Vec::with_capacity(CHUNK_BYTES + 16 * 1024),
                items: Vec::new(),
                bytes: 0,
            };
            let mut result = Ok(true);
            while chunk.data.len() < CHUNK_BYTES {
                let start = chunk.data.len();
                match items.next_into(&mut chunk.data, &mut chunk.bytes) {
                    Ok(Some(line)) => chunk.items.push((start, chunk.data.len(), line)),
                    Ok(None) => {
                        result = Ok(false);
                        break;
                    }
                    Err(e) => {
                        chunk.data.truncate(start);
                        result = Err(Fatal::Io(format!("cannot read {name}: {e}")));
                        break;
                    }
                }
            }
            if (!chunk.items.is_empty() || chunk.bytes > 0) && !send(chunk) {
                return Ok(());
            }
            match result {
                Ok(true) => {}
                Ok(false) => break,
                Err(fatal) => return Err(fatal),
            }
        }
    }
    Ok(())
}

/// A planning thread: answers chunks from `queue` until it is closed.
fn plan_chunks(
    queue: &Mutex<Receiver<Job>>,
    planner: &mut Planner<'_>,
    filler: &Filler,
    names: &[String],
    format: PlanFormat,
    lang: Lang,
) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((chunk, answer)) = job else {
            return;
        };
        let name = names.get(chunk.input).map_or("", String::as_str);
        let mut answers = Answers {
            text: Vec::with_capacity(chunk.data.len()),
            bytes: chunk.bytes,
            summary: Summary::default(),
        };
        let mut ledger_error = None;
        for (start, end, line) in &chunk.items {
            let item = chunk.data.get(*start..*end).unwrap_or_default();
            let outcomes = planner.item_with(item, *line, |offer, given| {
                filler.fill(offer, given, &mut ledger_error)
            });
            for outcome in &outcomes {
                let text = match format {
                    PlanFormat::Jsonl => {
                        let mut line = api::plan_line(outcome, name, lang);
                        line.push('\n');
                        line
                    }
                    PlanFormat::Csv => api::plan_csv_row(outcome, name, lang),
                };
                answers.text.extend_from_slice(text.as_bytes());
                answers.summary.add(outcome);
            }
        }
        answers.summary.ledger_error = ledger_error;
        // The writer may have stopped on an error: nobody is waiting then.
        let _ = answer.send(answers);
    }
}

/// The writing thread: the CSV header first, then the answers of each chunk
/// in the order the chunks were read; the run's summary.
fn write_in_order(
    order: &Receiver<Receiver<Answers>>,
    out: &mut (dyn Write + Send),
    format: PlanFormat,
    lang: Lang,
    mut progress: Option<Progress>,
) -> Result<Summary, Fatal> {
    if format == PlanFormat::Csv {
        out.write_all(api::plan_csv_header(lang).as_bytes())
            .map_err(|e| write_err(&e))?;
    }
    let mut summary = Summary::default();
    for answers in order {
        let answers = answers
            .recv()
            .map_err(|_| Fatal::Io("a planning thread stopped".into()))?;
        out.write_all(&answers.text).map_err(|e| write_err(&e))?;
        if let Some(progress) = progress.as_mut() {
            progress.advance(answers.summary.pairs, answers.bytes);
        }
        summary.merge(answers.summary);
    }
    out.flush().map_err(|e| write_err(&e))?;
    // Dropping the bar clears it: the summary takes its place.
    drop(progress);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_pairs_verdicts_and_codes() {
        let mut s = Summary {
            pairs: 1_200,
            accept: 700,
            reject: 400,
            incomplete: 90,
            pair_errors: 10,
            item_errors: 2,
            ..Summary::default()
        };
        s.codes.insert("BA49", 300);
        s.codes.insert("BA17", 300);
        s.codes.insert("BB12", 5);
        assert_eq!(
            s.render(2, 0.5),
            "badge-rules: 600 offers x 2 campaigns = 1,200 pairs in 0.50 s, 2,400 documents/s\n\
             badge-rules: ACCEPT 700, REJECT 400, INCOMPLETE 90, input errors 12 (10 pairs, 2 items)\n\
             badge-rules: pairs by code: BA17 300, BA49 300, BB12 5\n"
        );
    }
}
