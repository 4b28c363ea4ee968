//! The report as text for people (`check --format text`), every word of
//! it in the report's language ([`Label`]).

use std::fmt::Write as _;

use badge_rules::locale::Label;
use badge_rules::report::{Report, WarningCode};
use badge_rules::{Lang, Verdict};

/// The report for people, its figures written as `lang` writes numbers
/// (`130,00` in Polish; the JSON formats keep `130.00`); params separated
/// by `; `, as a decimal comma or a thousands comma may be in one.
pub(crate) fn render_report(report: &Report, lang: Lang) -> String {
    let w = |label| lang.label(label);
    let numbers = lang.locale().numbers();
    let mut s = String::new();
    let gloss = match (report.verdict, report.level.is_some()) {
        (Verdict::Accept, false) => w(Label::Accept),
        (Verdict::Reject, false) => w(Label::Reject),
        (Verdict::Accept, true) => w(Label::TopLevel),
        (Verdict::Reject, true) => w(Label::NextLevel),
        _ => w(Label::Incomplete),
    };
    // Writing to a String cannot fail.
    let _ = writeln!(s, "{}: {gloss}", report.verdict.as_str());
    if let Some(level) = report.level {
        let name = serde_json::to_value(level)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(s, "{} {name}", w(Label::PartnerLevel));
    }
    for v in &report.violations {
        let field = if v.path.is_empty() {
            w(Label::NoField)
        } else {
            &*v.path
        };
        let _ = writeln!(s, "  {} {field}", v.code);
        let _ = writeln!(s, "      {}", v.message);
        if !v.params.is_empty() {
            let params: Vec<String> = v
                .params
                .iter()
                .map(|(k, v)| format!("{k}={}", numbers.decimal_text(v)))
                .collect();
            let _ = writeln!(s, "      {}", params.join("; "));
        }
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(s, "{}", w(Label::SkippedHeading));
        for k in &report.skipped {
            let _ = writeln!(s, "  {} {} {}", k.code, w(Label::Needs), k.missing);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(s, "{}", w(Label::WarningsHeading));
        for warning in &report.warnings {
            let _ = writeln!(s, "  {}: {}", warning.code.as_str(), warning.message);
        }
    }
    match &report.hints.bargain {
        Some(range) => {
            let _ = writeln!(
                s,
                "{} {}\u{2013}{} {}",
                w(Label::BargainRange),
                numbers.decimal_text(&range.min),
                numbers.decimal_text(&range.max),
                range.currency
            );
        }
        None if report
            .warnings
            .iter()
            .any(|x| x.code == WarningCode::NoBargainPricePasses) =>
        {
            let _ = writeln!(s, "{}", w(Label::NoBargainPrice));
        }
        None => {}
    }
    if let Some(benefits) = report.benefits.as_ref().filter(|b| !b.is_empty()) {
        let _ = writeln!(s, "{}", w(Label::Benefits));
        for b in benefits {
            let _ = writeln!(s, "  - {}", b.text);
        }
    }
    s
}
