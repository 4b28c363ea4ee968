//! How a run ends: the exit statuses, the [`Fatal`] failures that end a run
//! early, and the one line on stderr that tells of them.

use std::io::{self, Write};
use std::process::ExitCode;

use badge_rules::InputError;

/// Exit status: the document is accepted (or the command did its job).
pub(crate) const EXIT_ACCEPT: u8 = 0;
/// Exit status: at least one rule fails.
pub(crate) const EXIT_REJECT: u8 = 1;
/// Exit status: the input cannot be checked (bad JSON, impossible context,
/// unreadable file, bad usage).
pub(crate) const EXIT_INPUT: u8 = 2;
/// Exit status: no rule fails but some could not be checked.
pub(crate) const EXIT_INCOMPLETE: u8 = 3;

/// A failure that ends the run.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// A file or stream could not be read or written.
    Io(String),
    /// The single document cannot be checked (already printed).
    Input(InputError),
    /// Bad usage clap cannot see.
    Usage(String),
    /// Standard output was closed by its reader (`| head -1`): nobody reads
    /// what is left, so the run ends there, quietly.
    Closed,
}

/// The failure of a write to the output: [`Fatal::Closed`] when the reader
/// has gone (Rust ignores SIGPIPE, so a write answers `BrokenPipe`).
pub(crate) fn write_err(e: &io::Error) -> Fatal {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Fatal::Closed
    } else {
        Fatal::Io(format!("cannot write the output: {e}"))
    }
}

/// The exit status of a run: its own, or for a failure status 2 after one
/// line on stderr. A closed standard output ends the run as ripgrep does:
/// status 0 and nothing on stderr.
/// How a run ends when its arguments were not taken, or asked for help or
/// the version: clap's text on stdout (help, version) or stderr (an
/// error), with clap's status (0 or 2); a closed stdout ends it quietly like
/// any other output, and any other failed write (a full disk) is an error,
/// never a silent 0.
pub(crate) fn parse_failed(e: &clap::Error) -> ExitCode {
    match e.print() {
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_INPUT)),
        Err(err) => finish(Err(write_err(&err))),
    }
}

pub(crate) fn finish(result: Result<u8, Fatal>) -> ExitCode {
    let message = match result {
        Ok(code) => return ExitCode::from(code),
        Err(Fatal::Closed) => return ExitCode::from(EXIT_ACCEPT),
        Err(Fatal::Io(message) | Fatal::Usage(message)) => message,
        Err(Fatal::Input(err)) => err.to_string(),
    };
    // Nothing more can be done if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "badge-rules: {message}");
    ExitCode::from(EXIT_INPUT)
}

/// Writes a command's whole output to standard output and ends it with
/// ACCEPT's status (a closed pipe ends it quietly, through [`write_err`]).
pub(crate) fn print(text: &str) -> Result<u8, Fatal> {
    use std::io::Write as _;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}
