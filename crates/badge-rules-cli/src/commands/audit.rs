//! `badge-rules audit`: reads the checks and Allegro's outcomes, sorts each
//! side through [`crate::spill`], joins them with `badge_rules_audit`, asks
//! the ledger for M when given, and writes the report (docs/AUDIT.md).

use std::io::{BufRead, Read, Write};
use std::path::Path;

use badge_rules::money::Marketplace;
use badge_rules::period::Instant;
use badge_rules_audit::join::Join;
use badge_rules_audit::market::{MarketCheck, Question, Reading};
use badge_rules_audit::outcomes::outcomes;
use badge_rules_audit::predict::prediction;
use badge_rules_audit::report::InputFault;
use badge_rules_audit::{Audit, Fault, Outcome, Place, Prediction};
use badge_rules_ledger::{Ledger, Question as LedgerQuestion};

use crate::args::{AuditArgs, AuditFormat};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT, EXIT_INPUT};
use crate::ledger_open::{open, Unopened};
use crate::spill::Spill;

/// The lines of one input, each with its number: JSON Lines, or one
/// (pretty-printed) document when the first line that is not blank is not
/// a complete JSON value (as `ledger record` reads its input).
fn documents(path: &Path, mut f: impl FnMut(&str, u64)) -> Result<(), Fatal> {
    let (mut input, name) = crate::source::open(Some(path))?;
    let mut first = String::new();
    let mut number = 0u64;
    loop {
        first.clear();
        let n = input
            .read_line(&mut first)
            .map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
        number += 1;
        if n == 0 {
            return Ok(());
        }
        if !first.trim().is_empty() {
            break;
        }
    }
    let text = first.trim_start_matches('\u{feff}');
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        let mut rest = String::new();
        input
            .read_to_string(&mut rest)
            .map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
        f(&format!("{text}{rest}"), number);
        return Ok(());
    }
    f(text, number);
    for line in input.lines() {
        number += 1;
        let line = line.map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
        if !line.trim().is_empty() {
            f(&line, number);
        }
    }
    Ok(())
}

fn fault(faults: &mut Vec<InputFault>, file: &str, line: u64, f: Fault) {
    faults.push(InputFault {
        file: file.to_owned(),
        line: line + f.line.unwrap_or(1) - 1,
        path: f.path,
        message: f.message,
    });
}

fn millis(at: Option<Instant>) -> Option<i64> {
    at.map(|i| i.0.timestamp_millis())
}

/// The readings the ledger offers for one badge: with and without campaign
/// prices, the window anchored at the application or at the reduction's start.
fn readings(ledger: &Ledger, q: &Question) -> Result<Vec<Reading>, Fatal> {
    let instant =
        |ms: i64| chrono::DateTime::from_timestamp_millis(ms).map(|t| Instant(t.fixed_offset()));
    let Some(applied) = instant(q.applied_at) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (anchor, starts) in [
        ("application", None),
        ("reductionStart", q.starts.and_then(instant)),
    ] {
        let mut lq = LedgerQuestion::new(&q.offer, applied);
        lq.campaign = Some(q.campaign.clone());
        lq.marketplace = q.marketplace.as_deref().and_then(Marketplace::from_id);
        lq.starts = starts;
        let answer = ledger.ask(&lq).map_err(|e| Fatal::Io(e.to_string()))?;
        let gaps: Vec<String> = answer
            .gaps
            .iter()
            .map(|g| {
                format!(
                    "{} {}–{}",
                    serde_json::to_string(&g.kind)
                        .unwrap_or_default()
                        .trim_matches('"'),
                    g.from,
                    g.to
                )
            })
            .collect();
        let value = |m: &Option<badge_rules::money::Money>| {
            m.as_ref().and_then(|m| i64::try_from(m.grosze()).ok())
        };
        out.push(Reading {
            name: format!("withCampaignPrices@{anchor}"),
            value: value(&answer.lowest_price_30_days),
            exact: answer.exact,
            gaps: gaps.clone(),
        });
        out.push(Reading {
            name: format!("withoutCampaignPrices@{anchor}"),
            value: value(&answer.reference_lowest_price_30_days),
            exact: answer.reference_exact,
            gaps,
        });
    }
    Ok(out)
}

/// Runs `badge-rules audit`.
pub(crate) fn run(args: &AuditArgs) -> Result<u8, Fatal> {
    let ledger = match &args.ledger {
        None => None,
        Some(path) => Some(open(path).map_err(|e| match e {
            Unopened::Missing => Fatal::Usage(format!("no ledger at {}", path.display())),
            Unopened::Refused(m) => Fatal::Usage(m),
        })?),
    };
    let mut files: Vec<String> = Vec::new();
    let mut faults = Vec::new();
    let run = args.spill_run.unwrap_or(crate::spill::RUN).max(1);
    let mut predictions: Spill<Prediction> = Spill::new("predictions", run);
    let mut outcome_records: Spill<Outcome> = Spill::new("outcomes", run);
    let plan_at = millis(args.plan_at);
    let mut spill_error = None;
    for path in &args.predictions {
        let name = path.display().to_string();
        let index = files.len() as u32;
        files.push(name.clone());
        documents(path, |text, line| {
            match prediction(text, Place { file: index, line }, plan_at) {
                Ok(Some(p)) => {
                    if let Err(e) = predictions.push(p) {
                        spill_error = Some(e);
                    }
                }
                Ok(None) => {}
                Err(f) => fault(&mut faults, &name, line, f),
            }
        })?;
    }
    let at = millis(args.at);
    for path in &args.outcomes {
        let name = path.display().to_string();
        let index = files.len() as u32;
        files.push(name.clone());
        documents(path, |text, line| {
            match outcomes(text, Place { file: index, line }, at) {
                Ok(found) => {
                    for o in found {
                        if let Err(e) = outcome_records.push(o) {
                            spill_error = Some(e);
                        }
                    }
                }
                Err(f) => fault(&mut faults, &name, line, f),
            }
        })?;
    }
    if let Some(e) = spill_error {
        return Err(Fatal::Io(e));
    }
    let mut audit = Audit::default();
    let sorted_p = predictions.sorted().map_err(Fatal::Io)?;
    let sorted_o = outcome_records.sorted().map_err(Fatal::Io)?;
    // Each badge's M is asked as the join goes, so the questions never pile up.
    let mut market = ledger.as_ref().map(|_| MarketCheck::default());
    for group in Join::new(sorted_p, sorted_o) {
        audit.add(group);
        let questions = audit.take_market_questions();
        if let (Some(ledger), Some(check)) = (&ledger, &mut market) {
            for q in &questions {
                check.add(q, &readings(ledger, q)?);
            }
        }
    }
    if let Some(check) = &mut market {
        check.finish();
    }
    let mut report = audit.finish(market);
    let mut stderr = std::io::stderr().lock();
    for f in &faults {
        let _ = if f.path.is_empty() {
            writeln!(stderr, "{}:{}: {}", f.file, f.line, f.message)
        } else {
            writeln!(stderr, "{}:{}: {}: {}", f.file, f.line, f.path, f.message)
        };
    }
    let status = if faults.is_empty() {
        EXIT_ACCEPT
    } else {
        EXIT_INPUT
    };
    report.faults = faults;
    let text = match args.format {
        AuditFormat::Text => report.text(&files),
        AuditFormat::Json => {
            let mut json = serde_json::to_value(&report).map_err(|e| Fatal::Io(e.to_string()))?;
            if let Some(map) = json.as_object_mut() {
                map.insert("files".into(), files.clone().into());
            }
            let mut s =
                serde_json::to_string_pretty(&json).map_err(|e| Fatal::Io(e.to_string()))?;
            s.push('\n');
            s
        }
        AuditFormat::Html => report.html(&files),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(|e| write_err(&e))?;
    out.flush().map_err(|e| write_err(&e))?;
    Ok(status)
}
