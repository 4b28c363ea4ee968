//! `badge-rules check`: one document checked and its report printed, or with
//! `--jsonl` every line of the input checked by [`crate::check_lines`] through the
//! [`crate::pipeline`].

use std::io::{self, BufWriter, Read, Write};

use badge_rules::api::{self, AnswerFormat, CheckOptions};
use badge_rules::{Options, Verdict};

use crate::args::{CheckArgs, CheckFormat};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT, EXIT_INCOMPLETE, EXIT_REJECT};
use crate::ledger_open::{self, Unopened};
use crate::pipeline::Pipeline;
use crate::progress::Ending;
use crate::render::render_report;
use crate::{check_lines, document_fill, misplaced, source};

/// The ledger `--ledger` names, which must exist.
fn open_ledger(path: &std::path::Path) -> Result<badge_rules_ledger::Ledger, Fatal> {
    ledger_open::open(path).map_err(|e| {
        Fatal::Io(match e {
            Unopened::Missing => format!("no ledger at {}", path.display()),
            Unopened::Refused(message) => message,
        })
    })
}

pub(crate) fn run(args: &CheckArgs) -> Result<u8, Fatal> {
    let check_options = CheckOptions {
        messages: args.lang,
        format: match args.format {
            Some(CheckFormat::Allegro) => AnswerFormat::Allegro,
            _ => AnswerFormat::Report,
        },
    };
    let options: Options = check_options.messages;
    misplaced::note_terminal_input(
        args.file.as_deref(),
        if args.jsonl {
            "check documents, one per line,"
        } else {
            "a check document"
        },
    );
    let (mut input, name) = source::open(args.file.as_deref())?;
    // The line that answers a document for programs, in --jsonl and for an
    // input error of a single document alike.
    let answer = check_options.format.line_fn();
    if args.jsonl {
        if args.format == Some(CheckFormat::Text) {
            return Err(Fatal::Usage(
                "--jsonl writes one JSON report per line; --format text cannot be used with it"
                    .into(),
            ));
        }
        let pipeline = Pipeline::new(args.jobs, "checking")
            .progress(|| source::size(args.file.as_deref()), Ending::RateLine);
        // `Stdout`, not its lock: the writing thread owns it.
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
        if let Some(path) = &args.ledger {
            // Opened once here, so that a missing ledger stops the run at once.
            open_ledger(path)?;
        }
        let checker = check_lines::Checker {
            options: &options,
            answer: check_options.format.line_into_fn(),
            ledger: args.ledger.as_deref(),
        };
        checker.check_lines(&mut input, &name, &mut out, pipeline)?;
        return Ok(EXIT_ACCEPT);
    }
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
    if let Some(path) = &args.ledger {
        if let Some(filled) = document_fill::fill(&bytes, &open_ledger(path)?).map_err(Fatal::Io)? {
            bytes = filled;
        }
    }
    let format = args.format.unwrap_or(CheckFormat::Text);
    // The verdict and the text that answers it.
    let result = match format {
        CheckFormat::Allegro => api::allegro_response(&bytes, &options).map(|response| {
            // What api::allegro_line writes, from the response at hand.
            let line = serde_json::to_string(&response).unwrap_or_default();
            (response.verdict, line + "\n")
        }),
        CheckFormat::Json => api::check_bytes(&bytes, &options)
            .map(|report| (report.verdict, api::report_line(&report) + "\n")),
        CheckFormat::Text => api::check_bytes(&bytes, &options)
            .map(|report| (report.verdict, render_report(&report, options.lang))),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match result {
        Ok((verdict, text)) => {
            let status = match verdict {
                Verdict::Accept => EXIT_ACCEPT,
                Verdict::Reject => EXIT_REJECT,
                // INCOMPLETE, and any verdict a later engine adds: not an ACCEPT.
                _ => EXIT_INCOMPLETE,
            };
            let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            match written.map_err(|e| write_err(&e)) {
                // Nobody reads the report, but the verdict stands.
                Ok(()) | Err(Fatal::Closed) => Ok(status),
                Err(fatal) => Err(fatal),
            }
        }
        Err(err) => {
            if format != CheckFormat::Text {
                // Programs get the same line a --jsonl run gives, from the
                // same function (checking the document again costs only on
                // this path).
                let written =
                    writeln!(out, "{}", answer(&bytes, &options)).and_then(|()| out.flush());
                match written.map_err(|e| write_err(&e)) {
                    Ok(()) | Err(Fatal::Closed) => {}
                    Err(fatal) => return Err(fatal),
                }
            }
            if let Some(what) = misplaced::offers_as_check_document(&bytes) {
                // The input error, then what the input is.
                return Err(Fatal::Usage(format!(
                    "{}\nbadge-rules: {}",
                    err.localized(options.lang),
                    misplaced::check_given_offers(&name, what)
                )));
            }
            Err(Fatal::Input(err.localized(options.lang)))
        }
    }
}
