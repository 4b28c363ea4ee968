//! The report as text for people (`check --format text`).

use std::fmt::Write as _;

use badge_rules::report::Report;
use badge_rules::{Lang, Verdict};

/// The words of the text format, per language.
#[derive(Debug)]
struct Words {
    accept: &'static str,
    reject: &'static str,
    incomplete: &'static str,
    no_field: &'static str,
    skipped: &'static str,
    needs: &'static str,
    warnings: &'static str,
    hint: &'static str,
    no_hint: &'static str,
    level: &'static str,
    benefits: &'static str,
    top_level: &'static str,
    next_level: &'static str,
}

const EN: Words = Words {
    accept: "every rule passes",
    reject: "Allegro would refuse this request",
    incomplete: "no rule fails, but some could not be checked",
    no_field: "(no field: the account or the request as a whole)",
    skipped: "Not checked (context missing):",
    needs: "needs",
    warnings: "Warnings:",
    hint: "Bargain prices that pass:",
    no_hint: "No bargain price passes.",
    level: "Allegro Ads Partner level:",
    benefits: "What it brings:",
    top_level: "the highest level is reached",
    next_level: "the next level needs more",
};

const PL: Words = Words {
    accept: "wszystkie reguły spełnione",
    reject: "Allegro odrzuci to zgłoszenie",
    incomplete: "żadna reguła nie zawodzi, ale niektórych nie sprawdzono",
    no_field: "(bez pola: konto lub zgłoszenie jako całość)",
    skipped: "Nie sprawdzono (brak kontekstu):",
    needs: "potrzebuje",
    warnings: "Ostrzeżenia:",
    hint: "Ceny zniżkowe, które przejdą:",
    no_hint: "Żadna cena zniżkowa nie przejdzie.",
    level: "Poziom Allegro Ads Partner:",
    benefits: "Co daje:",
    top_level: "osiągnięto najwyższy poziom",
    next_level: "do następnego poziomu brakuje wymagań",
};

const fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Pl => &PL,
    }
}

/// The report for people.
pub(crate) fn render_report(report: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut s = String::new();
    let gloss = match (report.verdict, report.level.is_some()) {
        (Verdict::Accept, false) => w.accept,
        (Verdict::Reject, false) => w.reject,
        (Verdict::Incomplete, false) => w.incomplete,
        (Verdict::Accept, true) => w.top_level,
        (Verdict::Reject, true) => w.next_level,
        (Verdict::Incomplete, true) => w.incomplete,
    };
    // Writing to a String cannot fail.
    let _ = writeln!(s, "{}: {gloss}", report.verdict.as_str());
    if let Some(level) = report.level {
        let name = serde_json::to_value(level)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(s, "{} {name}", w.level);
    }
    for v in &report.violations {
        let field = if v.path.is_empty() {
            w.no_field
        } else {
            &*v.path
        };
        let _ = writeln!(s, "  {} {field}", v.code);
        let _ = writeln!(s, "      {}", v.message);
        if !v.params.is_empty() {
            let params: Vec<String> = v.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(s, "      {}", params.join(", "));
        }
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(s, "{}", w.skipped);
        for k in &report.skipped {
            let _ = writeln!(s, "  {} {} {}", k.code, w.needs, k.missing);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(s, "{}", w.warnings);
        for warning in &report.warnings {
            let _ = writeln!(s, "  {}: {}", warning.code.as_str(), warning.message);
        }
    }
    match &report.hints.bargain {
        Some(range) => {
            let _ = writeln!(
                s,
                "{} {}\u{2013}{} {}",
                w.hint, range.min, range.max, range.currency
            );
        }
        None if report
            .warnings
            .iter()
            .any(|x| x.code == badge_rules::report::WarningCode::NoBargainPricePasses) =>
        {
            let _ = writeln!(s, "{}", w.no_hint);
        }
        None => {}
    }
    if let Some(benefits) = report.benefits.as_ref().filter(|b| !b.is_empty()) {
        let _ = writeln!(s, "{}", w.benefits);
        for b in benefits {
            let _ = writeln!(s, "  - {}", b.text);
        }
    }
    s
}
