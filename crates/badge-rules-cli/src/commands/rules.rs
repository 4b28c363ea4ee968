//! `badge-rules rules`: every rule of the registry ([`registry::rules`]), by
//! kind of check, for people or programs.

use std::fmt::Write as _;

use badge_rules::locale::{interpolate, Label};
use badge_rules::registry::{self, RuleInfo};
use badge_rules::Lang;

use crate::args::{Format, RulesArgs};
use crate::exit::{print, Fatal};

pub(crate) fn run(args: &RulesArgs) -> Result<u8, Fatal> {
    let rules = registry::rules();
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&rules)
            .map(|text| text + "\n")
            .map_err(|e| Fatal::Io(format!("cannot write the rules: {e}")))?,
        Format::Text => render(&rules, args.lang),
    };
    print(&text)
}

/// For each kind, in registry order, a heading and one line per rule
/// (`§section  name  codes`), then a line counting them.
fn render(rules: &[RuleInfo], lang: Lang) -> String {
    let mut kinds = Vec::new();
    for rule in rules {
        if !kinds.contains(&rule.kind) {
            kinds.push(rule.kind);
        }
    }
    let section_width = rules
        .iter()
        .map(|r| r.section.chars().count() + 1)
        .max()
        .unwrap_or(0);
    let name_width = rules
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    // Writing to a String cannot fail.
    for (i, kind) in kinds.iter().enumerate() {
        let of_kind: Vec<&RuleInfo> = rules.iter().filter(|r| r.kind == *kind).collect();
        if i > 0 {
            s.push('\n');
        }
        let count = of_kind.len().to_string();
        let heading = interpolate(
            lang.label(Label::RulesOfKind),
            &[("kind", kind.as_str()), ("count", &count)],
        );
        let _ = writeln!(s, "{heading}");
        for rule in of_kind {
            let section = format!("§{}", rule.section);
            let mut codes = rule
                .codes
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            if rule.relays {
                codes.push(' ');
                codes.push_str(lang.label(Label::RelaysRefusals));
            }
            if rule.bounds_bargain {
                codes.push(' ');
                codes.push_str(lang.label(Label::BoundsBargain));
            }
            let _ = writeln!(
                s,
                "  {section:<section_width$}  {:<name_width$}  {codes}",
                rule.name
            );
        }
    }
    let (total, kinds) = (rules.len().to_string(), kinds.len().to_string());
    s.push('\n');
    s.push_str(&interpolate(
        lang.label(Label::RulesSummary),
        &[("rules", &total), ("kinds", &kinds)],
    ));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_rule_under_its_kind() {
        let rules = registry::rules();
        let text = render(&rules, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        let headings = lines.iter().filter(|l| l.ends_with("rules):")).count();
        let rows = lines.iter().filter(|l| l.starts_with("  §")).count();
        assert_eq!(rows, rules.len());
        assert!(headings >= 12, "{headings}");
        assert!(lines[0].starts_with("application ("), "{}", lines[0]);
        let ba12 = lines.iter().find(|l| l.contains(" prices::ba12 ")).unwrap();
        assert!(ba12.starts_with("  §4.3") && ba12.ends_with("BA12 (bounds the bargain price)"));
        let refusal = lines
            .iter()
            .find(|l| l.contains("campaign::refusal"))
            .unwrap();
        assert!(refusal.ends_with("BB1 and the codes Allegro names in eligibility.refusalReasons"));
    }

    #[test]
    fn polish_words_in_polish() {
        let text = render(&registry::rules(), Lang::Pl);
        assert!(text.starts_with("application (reguł: "), "{text}");
        assert!(text.contains("BA12 (ogranicza cenę zniżkową)"));
        assert!(text
            .trim_end()
            .ends_with("każdą opisuje docs/RULES-REFERENCE.md."));
    }
}
