//! What must hold for any input, checked by the fuzz targets and their replay
//! in `make test`: an input error or a report, never a panic; a report's
//! verdict agrees with its lists; every code it emits is an offline catalogue
//! code; the same text gives the same bytes twice.

use badge_rules::{catalogue, check_json, Lang, Options, Verdict};

/// Checks `text` twice (and in Polish) and panics when an invariant fails.
pub fn check_text(text: &str) {
    let first = check_json(text, &Options::default());
    let again = check_json(text, &Options::default());
    assert_eq!(first, again, "not deterministic");
    let Ok(report) = first else { return };
    let expected = if !report.violations.is_empty() {
        Verdict::Reject
    } else if !report.skipped.is_empty() {
        Verdict::Incomplete
    } else {
        Verdict::Accept
    };
    assert_eq!(report.verdict, expected);
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
