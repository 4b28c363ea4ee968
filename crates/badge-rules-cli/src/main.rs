//! `badge-rules`: checks Allegro badge-campaign requests offline, from the
//! command line, and answers with Allegro's BA/BB codes.
//!
//! A thin adapter over the `badge-rules` library: it reads check documents,
//! prints reports for people (`--format text`) or programs (`--format json`,
//! `--jsonl`), and turns the verdict into an exit status. This file only
//! dispatches: [`args`] is the grammar, [`commands`] the work of each
//! command, [`exit`] how a run ends.
//!
//! Below the commands: [`source`] opens an input; [`pipeline`] is the
//! ordered parallel pipeline that `check --jsonl` ([`check_lines`]) and
//! `plan` (its items cut by the library's [`badge_rules_cli::items`]) feed, and [`progress`] its bar on
//! stderr; [`ledger_open`] opens the price ledger for `check` and `plan`,
//! [`document_fill`] fills a check document from it and [`offer_fill`] a
//! planned offer; [`plan_summary`] counts what `plan` planned; [`render`]
//! writes a report for people; [`misplaced`] says what an input given in
//! the wrong place is; [`spill`] sorts `audit`'s records in bounded
//! memory; [`sync`] holds the pieces of `sync`.

mod args;
mod check_lines;
mod commands;
mod document_fill;
mod exit;
mod ledger_open;
mod misplaced;
mod offer_fill;
mod pipeline;
mod plan_summary;
mod progress;
mod render;
mod source;
mod spill;
mod sync;

use std::process::ExitCode;

use clap::Parser as _;

use crate::args::{Cli, Command};

/// mimalloc, for this binary only: per `--jsonl` line the engine allocates
/// and frees a document's strings and maps and a report, and with glibc's
/// allocator that was about a quarter of the CPU (BENCHMARKS.md, issue 24).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return exit::parse_failed(&e),
    };
    exit::finish(match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Codes(args) => commands::codes::run(&args),
        Command::Terms(args) => commands::terms::run(&args),
        Command::Rules(args) => commands::rules::run(&args),
        Command::Plan(args) => commands::plan::run(&args),
        Command::Ledger(args) => commands::ledger::run(&args),
        Command::Audit(args) => commands::audit::run(&args),
        Command::Sync(args) => commands::sync::run(&args),
        Command::Serve(args) => commands::serve::run(&args),
    })
}
