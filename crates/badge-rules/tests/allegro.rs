//! Allegro's own documents, vendored under `tests/allegro/` (sources and
//! dates in its README), held against the engine's catalogue and corpus:
//!
//! - `openapi-examples.json`: the badge examples of Allegro's OpenAPI
//!   description. The corpus file `tests/conformance/openapi-examples.json`
//!   must use them unchanged (only offer, account, metrics and terms are
//!   ours), so that the corpus checks real documents as Allegro publishes
//!   them.
//! - `allegro-badges-openapi.yaml`: the excerpt of Allegro's OpenAPI
//!   description. Every BA/BB code of its error examples must be in the
//!   catalogue, and the codes whose texts the catalogue takes from it (BA107,
//!   BB35, BB39; the others come from Allegro's guide) must have its English
//!   text.

use std::path::{Path, PathBuf};

use badge_rules::catalogue::{self, Code};
use badge_rules::Lang;
use badge_rules_testkit::corpus;
use serde_json::Value;

fn allegro(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/allegro")
        .join(file)
}

/// An error example of the OpenAPI description: its code, its message (the
/// folded lines joined), and the line the code is on.
struct ErrorExample {
    line: usize,
    code: String,
    message: Option<String>,
}

/// The indentation of `line`.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Every `- code: X` item of the description with the `message` beside it.
/// YAML is read by lines: the description's error items are always
/// `- code:` followed by their sibling keys, a long plain scalar folded onto
/// lines indented further.
fn error_examples(yaml: &str) -> Vec<ErrorExample> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(code) = line.trim_start().strip_prefix("- code: ") else {
            continue;
        };
        let keys = indent(line) + 2;
        // The item's own keys, up to the next item or the end of the list.
        let item: Vec<&str> = lines
            .iter()
            .skip(i + 1)
            .take_while(|l| {
                indent(l) > keys || indent(l) == keys && !l.trim_start().starts_with('-')
            })
            .copied()
            .collect();
        let message = item.iter().enumerate().find_map(|(j, l)| {
            let first = l
                .strip_prefix(&" ".repeat(keys))?
                .strip_prefix("message: ")?;
            let folded = item.iter().skip(j + 1).take_while(|l| indent(l) > keys);
            Some(folded.fold(first.to_owned(), |text, more| text + " " + more.trim()))
        });
        out.push(ErrorExample {
            line: i + 1,
            code: code.trim_matches('\'').to_owned(),
            message,
        });
    }
    out
}

#[test]
fn every_allegro_code_in_the_openapi_error_examples_is_in_the_catalogue() {
    let yaml = std::fs::read_to_string(allegro("allegro-badges-openapi.yaml")).unwrap();
    let examples = error_examples(&yaml);
    let ours: Vec<&ErrorExample> = examples
        .iter()
        .filter(|e| {
            e.code == "VALIDATION_ERROR"
                || (e.code.starts_with("BA") || e.code.starts_with("BB"))
                    && e.code
                        .get(2..)
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    assert!(ours.len() >= 30, "only {} BA/BB examples found", ours.len());
    for e in &ours {
        assert!(
            e.code.parse::<Code>().is_ok(),
            "allegro-badges-openapi.yaml line {}: {} is not in the catalogue",
            e.line,
            e.code
        );
    }
    // The codes Allegro's guide does not list: the catalogue has their
    // English text from this description, word for word.
    for code in [Code::BA107, Code::BB35, Code::BB39] {
        let texts: Vec<&str> = ours
            .iter()
            .filter(|e| e.code == code.as_str())
            .filter_map(|e| e.message.as_deref())
            .collect();
        assert!(!texts.is_empty(), "{} has no example", code.as_str());
        for text in texts {
            assert_eq!(
                text,
                catalogue::info(code).text(Lang::En),
                "{}",
                code.as_str()
            );
        }
    }
}

#[test]
fn the_openapi_corpus_uses_allegros_examples_unchanged() {
    let text = std::fs::read_to_string(allegro("openapi-examples.json")).unwrap();
    let examples: Value = serde_json::from_str(&text).unwrap();
    let vectors: Vec<corpus::Vector> = corpus::load()
        .into_iter()
        .filter(|v| v.id.starts_with("openapi-examples.json#"))
        .collect();
    assert!(vectors.len() >= 20, "{} vectors", vectors.len());
    // Allegro's lists, wherever the corpus gives them, exactly as published.
    for v in &vectors {
        for list in ["campaigns", "badges", "applications"] {
            if let Some(given) = v.document.get(list) {
                assert_eq!(given, &examples[list], "{}: {list}", v.id);
            }
        }
    }
    // Every example request body and PATCH body is checked as it is.
    for (group, kind) in [("requests", "application"), ("patches", "badgeUpdate")] {
        let bodies = examples[group].as_object().unwrap();
        assert!(!bodies.is_empty(), "{group}");
        for (name, body) in bodies {
            assert!(
                vectors
                    .iter()
                    .any(|v| v.document["kind"] == kind && v.document.get("request") == Some(body)),
                "Allegro's {group}.{name} is the request of no openapi-examples.json vector"
            );
        }
    }
}

#[test]
fn the_yaml_reader_joins_folded_messages() {
    let yaml = "
                    - code: BA107
                      details: null
                      message: This Campaign requires you to declare quantity. Declaration of quantity required for the campaign
                        has not been provided.
                      path: declaredStock.quantity
                    - code: '001'
                    - code: BB39
                      message: The declared stock quantity is defined for a Campaign that does not require it.
";
    let examples = error_examples(yaml);
    let got: Vec<(usize, &str, Option<&str>)> = examples
        .iter()
        .map(|e| (e.line, e.code.as_str(), e.message.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                2,
                "BA107",
                Some(catalogue::info(Code::BA107).text(Lang::En))
            ),
            (7, "001", None),
            (8, "BB39", Some(catalogue::info(Code::BB39).text(Lang::En))),
        ]
    );
}
