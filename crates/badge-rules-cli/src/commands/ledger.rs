//! `badge-rules ledger`: the price ledger ([`badge_rules_ledger`]): record
//! Allegro's responses, answer M, the price history, prune.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::Path;

use badge_rules::money::Marketplace;
use badge_rules::period::Instant;
use badge_rules_ledger::input::{self as ledger_input, Outcome};
use badge_rules_ledger::{instant_of, millis_of, Ledger, LedgerError, Question};
use serde_json::json;

use crate::args::{
    LedgerArgs, LedgerCommand, LedgerHistoryArgs, LedgerLowestArgs, LedgerPruneArgs,
    LedgerRecordArgs,
};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT, EXIT_INPUT};
use crate::source;
use badge_rules_cli::items::Items;

pub(crate) fn run(args: &LedgerArgs) -> Result<u8, Fatal> {
    match &args.command {
        LedgerCommand::Record(args) => record(args),
        LedgerCommand::Lowest(args) => lowest(args),
        LedgerCommand::History(args) => history(args),
        LedgerCommand::Prune(args) => prune(args),
    }
}

/// The ledger at `path`, opened to record (and created when absent).
fn open(path: &Path) -> Result<Ledger, Fatal> {
    Ledger::open(path).map_err(fatal)
}

/// The ledger at `path`, which must exist, opened read-only.
fn open_to_read(path: &Path) -> Result<Ledger, Fatal> {
    Ledger::open_read_only(path).map_err(fatal)
}

fn fatal(e: LedgerError) -> Fatal {
    Fatal::Io(e.to_string())
}

/// `--at`, or the clock's now.
fn at_or_now(at: Option<Instant>) -> Result<Instant, Fatal> {
    if let Some(at) = at {
        return Ok(at);
    }
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok());
    ms.and_then(instant_of)
        .ok_or_else(|| Fatal::Io("the clock gives no usable time: pass --at".into()))
}

/// The question of `offer` at `at`, with the options of `lowest`/`history`.
fn question(
    offer: &str,
    at: Instant,
    marketplace: Option<&str>,
    campaign: Option<&str>,
    starts: Option<Instant>,
) -> Result<Question, Fatal> {
    let mut q = Question::new(offer, at);
    q.marketplace = match marketplace {
        None => None,
        Some(id) => Some(Marketplace::from_id(id).ok_or_else(|| {
            Fatal::Io(format!(
                "--marketplace {id}: not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"
            ))
        })?),
    };
    q.campaign = campaign.map(str::to_owned);
    q.starts = starts;
    Ok(q)
}

/// Writes `lines` (each with its newline) to standard output.
fn print(text: &str) -> Result<(), Fatal> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_err(&e))
}

fn record(args: &LedgerRecordArgs) -> Result<u8, Fatal> {
    let mut ledger = open(&args.db)?;
    let at = args.at.map(millis_of);
    let mut total = ledger_input::Summary::default();
    let stderr = io::stderr();
    for file in &args.files {
        let (reader, name) = source::open(Some(file))?;
        // Responses one after another, with or without whitespace between
        // them (`cat page-*.json`), cut by the reader `plan` uses.
        let mut items = Items::new(reader).damaged_first_line_is_jsonl();
        let mut bytes = 0;
        let values = std::iter::from_fn(|| {
            let mut buf = Vec::new();
            match items.next_into(&mut buf, &mut bytes) {
                Ok(Some(line)) => Some(Ok((line, buf))),
                Ok(None) => None,
                Err(e) => Some(Err(LedgerError::Io(format!("cannot read {name}: {e}")))),
            }
        });
        let summary = ledger_input::record_items(&mut ledger, values, &name, at, |outcome| {
            // stderr is for people; nothing to do if it is gone.
            let _ = match outcome {
                Outcome::Refused(fault) => writeln!(stderr.lock(), "badge-rules: refused {fault}"),
                Outcome::Committed { line, recorded } if args.progress => writeln!(
                    stderr.lock(),
                    "committed {name}:{line} ({} prices, {} events)",
                    recorded.snapshots,
                    recorded.events
                ),
                Outcome::Committed { .. } => Ok(()),
            };
        })
        .map_err(fatal)?;
        total.committed += summary.committed;
        total.refused += summary.refused;
        total.snapshots += summary.snapshots;
        total.events += summary.events;
        total.new_snapshots += summary.new_snapshots;
        total.new_events += summary.new_events;
    }
    let line = json!({
        "committed": total.committed,
        "refused": total.refused,
        "prices": total.snapshots,
        "newPrices": total.new_snapshots,
        "knownPrices": total.snapshots.saturating_sub(total.new_snapshots),
        "events": total.events,
        "newEvents": total.new_events,
        "knownEvents": total.events.saturating_sub(total.new_events),
    });
    print(&format!("{line}\n"))?;
    if total.committed + total.refused == 0 {
        // An empty input, or only blank lines: a job that recorded nothing
        // should know.
        let _ = writeln!(
            stderr.lock(),
            "badge-rules: no response could be read from {}",
            args.files
                .iter()
                .map(|f| source::name(Some(f.as_path())))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Ok(EXIT_INPUT);
    }
    Ok(if total.refused > 0 {
        EXIT_INPUT
    } else {
        EXIT_ACCEPT
    })
}

fn lowest(args: &LedgerLowestArgs) -> Result<u8, Fatal> {
    let ledger = open_to_read(&args.db)?;
    let at = at_or_now(args.at)?;
    let ask = |id: &str| -> Result<badge_rules_ledger::Lowest, Fatal> {
        let q = question(
            id,
            at,
            args.marketplace.as_deref(),
            args.campaign.as_deref(),
            args.starts,
        )?;
        ledger.ask(&q).map_err(fatal)
    };
    // `Stdout`, not its lock: with --all, another thread writes.
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut write = |answer: &badge_rules_ledger::Lowest| -> Result<(), Fatal> {
        // Serialized first, so that a closed pipe is told from a fault.
        let mut line = serde_json::to_vec(answer)
            .map_err(|e| Fatal::Io(format!("cannot write the output: {e}")))?;
        line.push(b'\n');
        out.write_all(&line).map_err(|e| write_err(&e))
    };
    if args.all {
        let mut failed = None;
        ledger
            .each_lowest(at, |answer| {
                write(&answer).map_err(|e| {
                    failed = Some(e);
                    LedgerError::Io("stopped".into())
                })
            })
            .map_err(|e| failed.take().unwrap_or_else(|| fatal(e)))?;
    } else {
        for offer in &args.offers {
            if offer == "-" {
                for line in io::stdin().lock().lines() {
                    let line =
                        line.map_err(|e| Fatal::Io(format!("cannot read standard input: {e}")))?;
                    let id = line.trim();
                    if !id.is_empty() {
                        write(&ask(id)?)?;
                    }
                }
            } else {
                write(&ask(offer)?)?;
            }
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}

fn history(args: &LedgerHistoryArgs) -> Result<u8, Fatal> {
    let ledger = open_to_read(&args.db)?;
    let at = at_or_now(args.at)?;
    let q = question(
        &args.offer,
        at,
        args.marketplace.as_deref(),
        args.campaign.as_deref(),
        args.starts,
    )?;
    let history = ledger
        .history_for(&q)
        .map_err(fatal)?
        .ok_or_else(|| Fatal::Io(format!("the ledger has nothing on offer {}", args.offer)))?;
    let line = serde_json::to_string(&history)
        .map_err(|e| Fatal::Io(format!("cannot write the history: {e}")))?;
    print(&format!("{line}\n"))?;
    Ok(EXIT_ACCEPT)
}

fn prune(args: &LedgerPruneArgs) -> Result<u8, Fatal> {
    let mut ledger = Ledger::open_existing(&args.db).map_err(fatal)?;
    let before = ledger.size().map_err(fatal)?;
    let (snapshots, events, pages) = ledger.prune(args.before).map_err(fatal)?;
    ledger.vacuum().map_err(fatal)?;
    let after = ledger.size().map_err(fatal)?;
    let line = json!({
        "snapshots": snapshots,
        "events": events,
        "pages": pages,
        "bytesBefore": before,
        "bytesAfter": after,
        "bytesFreed": before.saturating_sub(after),
    });
    print(&format!("{line}\n"))?;
    Ok(EXIT_ACCEPT)
}
