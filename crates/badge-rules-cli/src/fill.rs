//! `check --ledger`: a document's `metrics.priceHistory` filled from the
//! price ledger before the engine reads it ([`badge_rules_ledger::Ledger::fill`]).
//!
//! A document the ledger does not fill (it has metrics of its own, names no
//! offer the ledger knows, is not JSON) reaches the engine as its own bytes,
//! so its answer is the one a check without the ledger gives.

use std::path::Path;

use badge_rules::Options;
use badge_rules_ledger::Ledger;

use crate::exit::Fatal;
use crate::jsonl::Answer;

/// The ledger at `path`, which must exist (a check never creates one).
pub(crate) fn open(path: &Path) -> Result<Ledger, Fatal> {
    if !path.is_file() {
        return Err(Fatal::Io(format!("no ledger at {}", path.display())));
    }
    Ledger::open(path).map_err(|e| Fatal::Io(e.to_string()))
}

/// [`open`] for a checking thread: the failure as the message its lines
/// answer with.
pub(crate) fn open_here(path: &Path) -> Result<Ledger, String> {
    open(path).map_err(|e| match e {
        Fatal::Io(message) | Fatal::Usage(message) => message,
        other => format!("{other:?}"),
    })
}

/// `f` in one read transaction of `ledger`: a chunk of lines reads one
/// snapshot of the ledger, locked once.
pub(crate) fn in_one_read<T>(ledger: &Result<Ledger, String>, f: impl FnOnce() -> T) -> T {
    match ledger {
        Ok(l) => l.reading(|_| f()),
        // Its lines answer with the error.
        Err(_) => f(),
    }
}

/// `bytes` with `metrics.priceHistory` filled, or `None` when the ledger
/// leaves the document as it is.
pub(crate) fn fill(bytes: &[u8], ledger: &Ledger) -> Result<Option<Vec<u8>>, String> {
    ledger.fill_bytes(bytes).map_err(|e| e.to_string())
}

/// The answer to one `--jsonl` line (without its newline) with the ledger:
/// `answer`'s line for the filled document, or an `{"error"}` line of kind
/// `ledger` when the ledger fails.
pub(crate) fn answer_line(
    line: &[u8],
    options: &Options,
    answer: Answer,
    ledger: &Result<Ledger, String>,
) -> String {
    let filled = match ledger {
        Ok(ledger) => fill(line, ledger),
        Err(message) => Err(message.clone()),
    };
    match filled {
        Ok(Some(doc)) => answer(&doc, options),
        Ok(None) => answer(line, options),
        Err(message) => {
            serde_json::json!({"error": {"kind": "ledger", "path": "", "message": message}})
                .to_string()
        }
    }
}
