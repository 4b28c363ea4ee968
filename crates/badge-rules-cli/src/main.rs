//! `badge-rules`: checks Allegro badge-campaign requests offline, from the
//! command line, and answers with Allegro's BA/BB codes.
//!
//! A thin adapter over the `badge-rules` library: it reads check documents,
//! prints reports for people (`--format text`) or programs (`--format json`,
//! `--jsonl`), and turns the verdict into an exit status. This file only
//! dispatches: [`args`] is the grammar, [`commands`] the work of each
//! command, [`exit`] how a run ends.

mod args;
mod commands;
mod document_fill;
mod exit;
mod items;
mod jsonl;
mod ledger_open;
mod pipeline;
mod progress;
mod render;
mod source;

use std::process::ExitCode;

use clap::Parser as _;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    exit::finish(match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Codes(args) => commands::codes::run(&args),
        Command::Terms(args) => commands::terms::run(&args),
        Command::Rules(args) => commands::rules::run(&args),
        Command::Plan(args) => commands::plan::run(&args),
        Command::Ledger(args) => commands::ledger::run(&args),
    })
}
