//! What must hold for any input, checked by the fuzz targets and their replay
//! in `make test`: an input error or a report, never a panic; a report's
//! verdict agrees with its lists; every code it emits is an offline catalogue
//! code; the same text gives the same bytes twice; an input error's path
//! exists in the input ([`error_path_exists`]).

use badge_rules::error::ErrorCode;
use badge_rules::{catalogue, check_json, InputError, Lang, Options, Report, Verdict};

use crate::json_path::{self, Found};

/// Checks `text` twice (and in Polish) and panics when an invariant fails.
pub fn check_text(text: &str) {
    let first = check_json(text, &Options::default());
    let again = check_json(text, &Options::default());
    assert_eq!(first, again, "not deterministic");
    let report = match first {
        Ok(report) => report,
        Err(err) => {
            error_path_exists(text, &err);
            return;
        }
    };
    verdict_agrees(&report);
    for v in &report.violations {
        assert!(
            catalogue::info(v.code).check.is_offline() || relayed(text, v.code.as_str()),
            "{}",
            v.code
        );
    }
    let pl = check_json(text, &Options::new(Lang::Pl)).unwrap();
    assert_eq!(pl.violations.len(), report.violations.len());
    serde_json::to_string(&report).unwrap();
}

/// A server-only code may appear only when Allegro named it in the input
/// (a campaign's refusal reasons).
fn relayed(text: &str, code: &str) -> bool {
    text.contains(&format!("\"{code}\""))
}

/// A report's verdict is the one its lists give: REJECT with a violation,
/// else INCOMPLETE with a skipped rule, else ACCEPT.
pub fn verdict_agrees(report: &Report) {
    let expected = if !report.violations.is_empty() {
        Verdict::Reject
    } else if !report.skipped.is_empty() {
        Verdict::Incomplete
    } else {
        Verdict::Accept
    };
    assert_eq!(report.verdict, expected, "the verdict is not its lists'");
}

/// The path of `err`, an input error for `input`, exists in `input` when
/// `input` is JSON ([`json_path`] says what "exists" means): it names a
/// value, or, for an error about a key that is absent (`MISSING_FIELD`, a
/// period without its bound, `PERIOD_BOUND`), that key of an object that
/// exists. Panics when it does not.
pub fn error_path_exists(input: &str, err: &InputError) {
    let missing_key = matches!(err.code(), ErrorCode::MissingField | ErrorCode::PeriodBound);
    path_exists(input, err.path(), missing_key, &err.to_string());
}

/// `path` exists in `input` (when `input` is JSON): it names a value, or,
/// with `missing_key`, a key an object of `input` lacks. Panics naming
/// `what` when it does not.
pub fn path_exists(input: &str, path: &str, missing_key: bool, what: &str) {
    let Some(found) = json_path::find(input, path) else {
        return;
    };
    let ok = found == Found::Value || (missing_key && found == Found::MissingKey);
    assert!(
        ok,
        "the path {path:?} of an input error is not in the input ({found:?}): {what}"
    );
}
