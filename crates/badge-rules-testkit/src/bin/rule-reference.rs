//! Writes the rule reference, docs/RULES-REFERENCE.md
//! ([`badge_rules_testkit::reference`]): to standard output, or with
//! `--write` into the file.
//!
//! ```sh
//! cargo run -p badge-rules-testkit --bin rule-reference -- --write
//! cargo run -p badge-rules-testkit --bin rule-reference > /tmp/reference.md
//! ```

use std::io::Write as _;
use std::process::ExitCode;

use badge_rules_testkit::reference;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = match args.as_slice() {
        [] => false,
        [flag] if flag == "--write" => true,
        _ => {
            eprintln!("usage: rule-reference [--write]");
            return ExitCode::from(2);
        }
    };
    let text = reference::render();
    let result = if write {
        std::fs::write(reference::path(), &text)
    } else {
        std::io::stdout().lock().write_all(text.as_bytes())
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rule-reference: {e}");
            ExitCode::from(2)
        }
    }
}
