//! `check --ledger`: a check document's `metrics.priceHistory` filled from
//! the price ledger before the engine reads it
//! ([`badge_rules_ledger::Ledger::fill_bytes`]).
//!
//! A document the ledger does not fill (it has metrics of its own, names no
//! offer the ledger knows, is not JSON) reaches the engine as its own bytes,
//! so its answer is the one a check without the ledger gives.

use std::io::Write;

use badge_rules_ledger::Ledger;

use crate::ledger_open::Connection;

/// `bytes` with `metrics.priceHistory` filled, or `None` when the ledger
/// leaves the document as it is. A filled history of an offer recorded with
/// several base marketplaces, for a campaign naming none, comes with the
/// ledger's `conflict` note, written to stderr (docs/LEDGER.md): the report
/// is the engine's, the note is the ledger's.
pub(crate) fn fill(bytes: &[u8], ledger: &Ledger) -> Result<Option<Vec<u8>>, String> {
    let filled = ledger.fill_bytes(bytes).map_err(|e| e.to_string())?;
    if filled.is_some() {
        if let Some(conflict) = ledger.fill_conflict(bytes).map_err(|e| e.to_string())? {
            let _ = writeln!(
                std::io::stderr().lock(),
                "badge-rules: warning: the ledger's history: {conflict}"
            );
        }
    }
    Ok(filled)
}

/// The answer to one `--jsonl` line (without its newline) with the ledger,
/// appended to `out`: `answer`'s line for the filled document, or an
/// `{"error"}` line of kind `ledger` when the ledger fails.
pub(crate) fn answer_line(
    line: &[u8],
    ledger: &Connection,
    out: &mut Vec<u8>,
    answer: impl FnOnce(&[u8], &mut Vec<u8>),
) {
    let filled = match ledger {
        Ok(ledger) => fill(line, ledger),
        Err(message) => Err(message.clone()),
    };
    match filled {
        Ok(Some(doc)) => answer(&doc, out),
        Ok(None) => answer(line, out),
        Err(message) => out.extend_from_slice(
            serde_json::json!({"error": {"kind": "ledger", "path": "", "message": message}})
                .to_string()
                .as_bytes(),
        ),
    }
}
