//! `badge-rules plan`: campaigns planned over a catalogue
//! ([`badge_rules::plan`]), one line (or CSV row) per (offer, campaign).
//!
//! The context is read whole first: when it cannot be read or checked the
//! run stops before any output. The offers are streamed through the
//! [`crate::pipeline`], as `check --jsonl` streams documents: the inputs are
//! cut into items ([`badge_rules_cli::items`]), each planning thread has its own
//! [`Planner`] (and ledger connection, [`crate::offer_fill`]), the answers
//! come in input order, and [`crate::plan_summary`] counts them for stderr.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use badge_rules::api::{self, PlanOptions};
use badge_rules::plan::{Outcome, PlanContext, Planner};
use badge_rules::Lang;
use badge_rules_ledger::Ledger;

use crate::args::{PlanArgs, PlanFormat};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT};
use crate::ledger_open::{self, Unopened};
use crate::offer_fill::Filler;
use crate::pipeline::{Answers, Cut, Pipeline};
use crate::plan_summary::{Segment, Summary};
use crate::progress::Ending;
use crate::{misplaced, source};
use badge_rules_cli::items::Items;

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

/// The items of input number `input`, cut into [`Chunk`]s.
struct ItemCut<R> {
    input: usize,
    items: Items<R>,
}

impl<R: io::BufRead> Cut for ItemCut<R> {
    type Chunk = Chunk;

    fn chunk(&self, capacity: usize) -> Chunk {
        Chunk {
            input: self.input,
            data: Vec::with_capacity(capacity),
            items: Vec::new(),
            bytes: 0,
        }
    }

    fn next_into(&mut self, chunk: &mut Chunk) -> io::Result<bool> {
        let start = chunk.data.len();
        match self.items.next_into(&mut chunk.data, &mut chunk.bytes) {
            Ok(Some(line)) => {
                chunk.items.push((start, chunk.data.len(), line));
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => {
                chunk.data.truncate(start);
                Err(e)
            }
        }
    }

    fn size(chunk: &Chunk) -> usize {
        chunk.data.len()
    }

    fn is_empty(chunk: &Chunk) -> bool {
        chunk.items.is_empty() && chunk.bytes == 0
    }
}

pub(crate) fn run(args: &PlanArgs) -> Result<u8, Fatal> {
    let options = args.lang;
    let lang = options.lang;
    let context_name = args.context.display().to_string();
    let bytes = std::fs::read(&args.context)
        .map_err(|e| Fatal::Io(format!("cannot read {context_name}: {e}")))?;
    if misplaced::offers_page_as_context(&bytes) {
        return Err(Fatal::Usage(misplaced::context_is_an_offers_page(
            &context_name,
        )));
    }
    let context = PlanContext::from_bytes(&bytes)
        .map_err(|e| Fatal::Usage(format!("{context_name}: {}", e.localized(lang))))?;
    drop(bytes);
    let unknown = misplaced::unknown_campaigns(&args.campaigns, context.campaigns());
    if !unknown.is_empty() {
        return Err(Fatal::Usage(misplaced::campaigns_not_in_context(
            &context_name,
            &unknown,
            context.campaigns(),
        )));
    }
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
    let inputs: Vec<Option<&Path>> = if args.offers.is_empty() {
        vec![None]
    } else {
        args.offers.iter().map(|p| Some(p.as_path())).collect()
    };
    let names: Vec<String> = inputs.iter().map(|p| source::name(*p)).collect();
    let pipeline = Pipeline::new(args.jobs, "planning").progress(
        || inputs.iter().map(|p| source::size(*p)).sum(),
        Ending::Cleared,
    );
    let dialect = args
        .csv_dialect
        .unwrap_or_else(|| api::CsvDialect::for_lang(lang));
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    if args.format == PlanFormat::Csv {
        out.write_all(api::plan_csv_header_in(lang, dialect).as_bytes())
            .map_err(|e| write_err(&e))?;
    }
    let planning = Planning {
        planner: &planner,
        context: &context,
        ledger: args.ledger.as_deref(),
        names: &names,
        format: args.format,
        lang,
        campaigns,
        dialect,
    };
    let summary: Summary = pipeline.run(
        &mut out,
        |feed| {
            for (index, path) in inputs.iter().enumerate() {
                let (input, name) = source::open(*path)?;
                let mut cut = ItemCut {
                    input: index,
                    items: Items::new(input),
                };
                if !feed.cut(&mut cut, &name)? {
                    break;
                }
            }
            Ok(())
        },
        || planning.worker(),
    )?;
    let seconds = started.elapsed().as_secs_f64();
    // Nothing more can be done if stderr is gone.
    let _ = io::stderr()
        .lock()
        .write_all(summary.render(campaigns, seconds, &names).as_bytes());
    if let Some(error) = summary.ledger_error {
        return Err(Fatal::Io(format!("the ledger could not be read: {error}")));
    }
    Ok(EXIT_ACCEPT)
}

/// The marketplace every campaign of the context is on, when they share
/// one: the ledger reads the offers' prices there.
fn one_marketplace(
    campaigns: &[badge_rules::document::Campaign],
) -> Option<badge_rules::money::Marketplace> {
    let mut ids = campaigns
        .iter()
        .map(|c| c.marketplace.as_ref().and_then(|m| m.id.as_deref()));
    let first = ids.next()??;
    ids.all(|id| id == Some(first))
        .then(|| badge_rules::money::Marketplace::from_id(first))
        .flatten()
}

/// Opens the ledger once, to fail before any output.
fn open_ledger(path: &Path) -> Result<Ledger, Fatal> {
    ledger_open::open(path).map_err(|e| {
        Fatal::Io(match e {
            Unopened::Missing => format!("cannot read the ledger {}: no such file", path.display()),
            Unopened::Refused(e) => format!("cannot read the ledger {}: {e}", path.display()),
        })
    })
}

/// How the items of a run are planned and answered.
#[derive(Clone, Copy)]
struct Planning<'a, 'c> {
    planner: &'a Planner<'c>,
    context: &'a PlanContext,
    /// The price ledger (`--ledger`).
    ledger: Option<&'a Path>,
    /// The inputs' names, for the answers.
    names: &'a [String],
    format: PlanFormat,
    lang: Lang,
    /// The campaigns planned: each offer has this many lines.
    campaigns: usize,
    /// The CSV's dialect (`--csv-dialect`, by default --lang's).
    dialect: api::CsvDialect,
}

impl<'a, 'c> Planning<'a, 'c> {
    /// A planning thread's answerer of a chunk of items: its own planner and
    /// its own connection to the ledger.
    fn worker(self) -> impl FnMut(Chunk) -> Answers<Summary> + use<'a, 'c> {
        let mut planner = self.planner.clone();
        let (marketplace, campaign, starts) = self.ledger_question();
        let filler = Filler {
            ledger: self.ledger.map(ledger_open::connect),
            now: self.context.now(),
            empty: serde_json::from_str("{}").ok(),
            marketplace,
            campaign,
            starts,
        };
        move |chunk| match &filler.ledger {
            // A chunk's offers read in one read transaction: the ledger's
            // lock taken once, not once a query.
            Some(ledger) => {
                ledger_open::in_one_read(ledger, || self.plan_chunk(&chunk, &mut planner, &filler))
            }
            None => self.plan_chunk(&chunk, &mut planner, &filler),
        }
    }

    /// What the ledger is asked about each offer: with one campaign
    /// planned, its marketplace, id and publication start (as `check
    /// --ledger` asks about a document's campaign); with several, the
    /// marketplace they share (else the base one) and no campaign.
    fn ledger_question(
        self,
    ) -> (
        Option<badge_rules::money::Marketplace>,
        Option<String>,
        Option<badge_rules::period::Instant>,
    ) {
        let planned: Vec<&str> = self.planner.campaign_ids().collect();
        let campaigns = self.context.campaigns();
        if let [only] = planned.as_slice() {
            if let Some(c) = campaigns.iter().find(|c| c.id == *only) {
                let marketplace = c
                    .marketplace
                    .as_ref()
                    .and_then(|m| m.id.as_deref())
                    .and_then(badge_rules::money::Marketplace::from_id);
                let starts = c.publication.as_ref().and_then(|p| p.from);
                return (marketplace, Some(c.id.clone()), starts);
            }
        }
        (one_marketplace(campaigns), None, None)
    }

    /// The answers to every item of `chunk`.
    fn plan_chunk(
        self,
        chunk: &Chunk,
        planner: &mut Planner<'_>,
        filler: &Filler,
    ) -> Answers<Summary> {
        let name = self.names.get(chunk.input).map_or("", String::as_str);
        let mut answers = Answers {
            text: Vec::with_capacity(chunk.data.len()),
            bytes: chunk.bytes,
            tally: Summary::default(),
        };
        let mut ledger_error = None;
        for (start, end, line) in &chunk.items {
            let item = chunk.data.get(*start..*end).unwrap_or_default();
            let outcomes = planner.item_with(item, *line, |offer, given| {
                filler.fill(offer, given, &mut ledger_error)
            });
            // Each offer's lines (one per campaign) are a segment of their
            // own, an item error one alone: the writer drops an offer
            // listed again (plan_summary).
            let mut segment: Option<Segment> = None;
            for outcome in &outcomes {
                let offer_id = match outcome {
                    Outcome::Pair(pair) => Some(pair.offer_id.as_str()),
                    Outcome::PairError { offer_id, .. } => Some(offer_id.as_str()),
                    _ => None,
                };
                let continues = segment.as_ref().is_some_and(|s| {
                    offer_id.is_some()
                        && s.offer_id.as_deref() == offer_id
                        && s.counts.pairs() < self.campaigns as u64
                });
                if !continues {
                    answers.tally.segments.extend(segment.take());
                }
                let current = segment.get_or_insert_with(|| Segment {
                    offer_id: offer_id.map(str::to_owned),
                    input: chunk.input,
                    line: outcome_line(outcome),
                    ..Segment::default()
                });
                let text = match self.format {
                    PlanFormat::Jsonl => {
                        let mut line = api::plan_line(outcome, name, self.lang);
                        line.push('\n');
                        line
                    }
                    PlanFormat::Csv => api::plan_csv_row_in(outcome, name, self.lang, self.dialect),
                };
                answers.text.extend_from_slice(text.as_bytes());
                current.counts.add(outcome);
                current.end = answers.text.len();
            }
            answers.tally.segments.extend(segment);
        }
        answers.tally.ledger_error = ledger_error;
        answers
    }
}

/// The line of the input an outcome names.
fn outcome_line(outcome: &Outcome) -> usize {
    match outcome {
        Outcome::Pair(pair) => pair.line,
        Outcome::PairError { line, .. } | Outcome::ItemError { line, .. } => *line,
        _ => 0,
    }
}
