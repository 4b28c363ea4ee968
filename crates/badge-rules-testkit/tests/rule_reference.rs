//! docs/RULES-REFERENCE.md is what the generator writes now: a rule, a code's
//! text, a RULES.md heading or a corpus vector changed without the reference
//! following fails here, naming the command that regenerates it.

use std::sync::OnceLock;

use badge_rules_testkit::reference;

/// The reference as the generator writes it now (rendered once: it runs the
/// corpus many times over).
fn rendered() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(reference::render)
}

#[test]
fn the_committed_reference_is_current() {
    let want = rendered();
    let got = std::fs::read_to_string(reference::path()).unwrap_or_default();
    if got != want {
        let (line, committed, generated) = got
            .lines()
            .chain(std::iter::repeat(""))
            .zip(want.lines().chain(std::iter::repeat("")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| (i + 1, a, b))
            .unwrap_or_default();
        // Around the first differing character of the line.
        let from = committed
            .chars()
            .zip(generated.chars())
            .take_while(|(a, b)| a == b)
            .count()
            .saturating_sub(40);
        let cut = |s: &str| s.chars().skip(from).take(120).collect::<String>();
        panic!(
            "docs/RULES-REFERENCE.md is not what the generator writes now; regenerate it with \
`{}` and commit it.\nFirst difference, line {line}, from character {}:\n  committed: {}\n  generated: {}",
            reference::COMMAND,
            from + 1,
            cut(committed),
            cut(generated),
        );
    }
}

#[test]
fn every_kind_rule_and_server_only_code_is_in_it() {
    let text = rendered();
    for rule in badge_rules::registry::rules() {
        assert!(
            text.contains(&format!("\n## {}\n", rule.kind.as_str())),
            "{}",
            rule.kind.as_str()
        );
        assert!(
            text.contains(&format!("[`{}`]", rule.name)),
            "{}",
            rule.name
        );
    }
    for row in badge_rules::catalogue::ALL
        .iter()
        .filter(|r| !r.check.is_offline())
    {
        assert!(
            text.contains(&format!("| **{}** |", row.code)),
            "{}",
            row.code
        );
    }
}
