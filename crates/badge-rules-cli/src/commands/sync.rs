//! `badge-rules sync`: one run of the polling job that feeds the price
//! ledger from Allegro (docs/SYNC.md): the event feed from the ledger's
//! cursor, then every listing of the plan, each page recorded as it arrives
//! through the same code as `ledger record`, then one summary line.

use std::io::{self, IsTerminal as _, Write as _};
use std::path::Path;
use std::time::{Duration, SystemTime};

use badge_rules::money::Marketplace;
use badge_rules_ledger::recording::{self, Outcome};
use badge_rules_ledger::{instant_of, Ledger, LedgerError, SyncLock};
use serde_json::Value;

use crate::args::{Format, SyncArgs};
use crate::exit::{print, Fatal, EXIT_INPUT};
use crate::progress::{Ending, Progress};
use crate::sync::client::{millis_since_epoch, Client, Endpoints, Failed, Fetched, Settings};
use crate::sync::cursor;
use crate::sync::line::recording_line;
use crate::sync::plan::{self, Step};
use crate::sync::save::Saver;
use crate::sync::summary::Summary;
use crate::sync::token::{Credentials, Token};

pub(crate) fn run(args: &SyncArgs) -> Result<u8, Fatal> {
    let marketplaces = marketplaces(&args.marketplaces)?;
    let operations = match &args.operations {
        Some(file) => operation_ids(file)?,
        None => Vec::new(),
    };
    let token = Token::load(args.token_file.as_deref()).map_err(Fatal::Io)?;
    let _lock = SyncLock::acquire(&args.ledger, Duration::from_secs(args.wait)).map_err(fatal)?;
    let mut ledger = Ledger::open(&args.ledger).map_err(fatal)?;
    let saver = match &args.save {
        Some(dir) => Some(Saver::new(dir.clone()).map_err(Fatal::Io)?),
        None => None,
    };
    let client = Client::new(
        Settings {
            endpoints: Endpoints::new(args.sandbox, args.base_url.as_deref()),
            lang: args.lang.clone(),
            timeout: Duration::from_secs(args.timeout),
            retries: args.retries,
            backoff: Duration::from_millis(args.retry_base_ms),
        },
        token,
        Credentials::from_env(),
    );
    let resumed =
        cursor::begin(&mut ledger, millis_since_epoch(SystemTime::now())).map_err(fatal)?;
    let mut job = Job {
        ledger,
        client,
        saver,
        limit: args.limit,
        progress: io::stderr()
            .is_terminal()
            .then(|| Progress::new(None, Ending::Cleared)),
        summary: Summary {
            resumed,
            ..Summary::default()
        },
    };
    job.events()?;
    for step in plan::steps(&marketplaces, args.save.is_some(), &operations) {
        job.listing(&step)?;
    }
    cursor::end(&mut job.ledger).map_err(fatal)?;
    if let Some(p) = job.progress.take() {
        p.finish();
    }
    let summary = &job.summary;
    if let Some(warning) = summary.warning() {
        // stderr is for people (cron mails it); nothing to do if it is gone.
        let _ = writeln!(io::stderr().lock(), "badge-rules: warning: {warning}");
    }
    let line = match args.format {
        Format::Json => summary.json().to_string(),
        Format::Text => summary.text(),
    };
    let status = print(&format!("{line}\n"))?;
    Ok(if summary.refused > 0 {
        EXIT_INPUT
    } else {
        status
    })
}

fn fatal(e: LedgerError) -> Fatal {
    Fatal::Io(e.to_string())
}

/// `--marketplace`, or every marketplace the engine knows.
fn marketplaces(ids: &[String]) -> Result<Vec<Marketplace>, Fatal> {
    if ids.is_empty() {
        return Ok(Marketplace::ALL.to_vec());
    }
    ids.iter()
        .map(|id| {
            Marketplace::from_id(id).ok_or_else(|| {
                Fatal::Usage(format!(
                    "--marketplace {id}: not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"
                ))
            })
        })
        .collect()
}

/// The operation ids of `file`, one per line.
fn operation_ids(file: &Path) -> Result<Vec<String>, Fatal> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Fatal::Io(format!("cannot read --operations {}: {e}", file.display())))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// RFC 3339 of `ms`.
fn time(ms: i64) -> String {
    instant_of(ms).map(|i| i.to_string()).unwrap_or_default()
}

/// One run under way.
struct Job {
    ledger: Ledger,
    client: Client,
    saver: Option<Saver>,
    limit: u64,
    progress: Option<Progress>,
    summary: Summary,
}

impl Job {
    fn get(&mut self, path: &str, query: &[(String, String)]) -> Result<Fetched, Fatal> {
        let fetched = self.client.get(path, query);
        self.summary.retries = self.client.retried;
        self.summary.refreshed = self.client.refreshed;
        let fetched = fetched.map_err(|e| match e {
            Failed::Expired(m) => Fatal::Io(format!("token expired: {m}")),
            Failed::Other(m) => Fatal::Io(m),
        })?;
        if let Some(p) = &mut self.progress {
            p.advance(1, fetched.body.len() as u64);
        }
        Ok(fetched)
    }

    /// Saves `line` and, when the ledger reads it, records it in its own
    /// transaction through `ledger record`'s code.
    fn keep(&mut self, what: &str, at: i64, line: &str, record: bool) -> Result<(), Fatal> {
        if let Some(saver) = &mut self.saver {
            saver.save(at, what, line).map_err(Fatal::Io)?;
            self.summary.saved += 1;
        }
        self.summary.pages += 1;
        if !record {
            return Ok(());
        }
        let mut refused = None;
        recording::record(&mut self.ledger, &mut line.as_bytes(), what, None, |o| {
            if let Outcome::Refused(fault) = o {
                refused = Some(fault.to_string());
            }
        })
        .map_err(fatal)?;
        if let Some(fault) = refused {
            self.summary.refused += 1;
            let _ = writeln!(io::stderr().lock(), "badge-rules: refused {fault}");
        }
        Ok(())
    }

    /// The event feed, from the ledger's cursor to now.
    fn events(&mut self) -> Result<(), Fatal> {
        let known = self.ledger.event_cursor().map_err(fatal)?;
        let mut from = known.as_ref().map(|c| c.last_id.clone());
        let mut first = true;
        let mut start: Option<i64> = None;
        loop {
            let query = plan::events_query(from.as_deref(), self.limit);
            let fetched = self.get(plan::EVENTS, &query)?;
            if first {
                first = false;
                let (_, missed) = cursor::events_from(known.as_ref(), fetched.at);
                if missed.is_some() {
                    // Read again from the oldest event Allegro keeps.
                    self.summary.missed = missed;
                    from = None;
                    continue;
                }
                start = known.as_ref().filter(|_| from.is_some()).map(|c| c.last_at);
            }
            let events = fetched
                .value
                .get("offerEvents")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let times: Vec<i64> = events
                .iter()
                .filter_map(|e| e.get("occurredAt").and_then(Value::as_str))
                .filter_map(badge_rules_ledger::pages::millis)
                .collect();
            let last = events
                .last()
                .and_then(|e| e.get("id"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let last_at = times.last().copied();
            // The page was made after every event it lists.
            let at = times.iter().copied().fold(fetched.at, i64::max);
            let n = events.len() as u64;
            start = start.or_else(|| times.first().copied());
            let line = recording_line(&time(at), &query, &fetched.body);
            self.keep("offer-events", at, &line, true)?;
            self.summary.events += n;
            let full = n >= self.limit;
            let end = if full { last_at } else { Some(at) };
            if let (Some(s), Some(e)) = (start, end) {
                self.summary.watched = Some((s, e));
            }
            match last {
                Some(id) if full => from = Some(id),
                _ => return Ok(()),
            }
        }
    }

    /// Every page of `step`, from where this run (or the interrupted one
    /// it resumes) stopped.
    fn listing(&mut self, step: &Step) -> Result<(), Fatal> {
        let Some(mut offset) = cursor::next(&self.ledger, step).map_err(fatal)? else {
            return Ok(());
        };
        let what = match step {
            Step::Badges(m) => format!("badges-{}", m.id()),
            other => other.path().trim_start_matches("/sale/").replace('/', "-"),
        };
        loop {
            let query = step.query(offset, self.limit);
            let fetched = self.get(&step.path(), &query)?;
            let line = recording_line(&time(fetched.at), &query, &fetched.body);
            self.keep(&what, fetched.at, &line, step.recorded())?;
            let Some(list) = step.list() else {
                self.summary.operations += 1;
                break;
            };
            let n = fetched
                .value
                .get(list)
                .and_then(Value::as_array)
                .map_or(0, |a| a.len() as u64);
            match step {
                Step::Offers => self.summary.offers += n,
                Step::Badges(_) => self.summary.badges += n,
                _ => self.summary.applications += n,
            }
            offset += n;
            cursor::advance(&mut self.ledger, step, offset).map_err(fatal)?;
            let total = fetched.value.get("totalCount").and_then(Value::as_u64);
            let over = match total {
                Some(total) => offset >= total,
                None => n < self.limit,
            };
            if n == 0 || over {
                break;
            }
        }
        cursor::done(&mut self.ledger, step).map_err(fatal)
    }
}
