//! The engine names the JSON path of a shape error from where serde_json
//! stopped in the text (`src/locate.rs`), not by tracking the path while it
//! deserializes. This test holds it to the answers of path tracking
//! (`serde_path_to_error`, as the engine used before) over the fuzz seeds and
//! regressions, the conformance documents, and generated documents with one
//! value replaced by one of another type or one key removed.

use std::path::Path;

use badge_rules::document::Document;
use badge_rules::partner::AgencySnapshot;
use badge_rules::{check_json, parse_document, InputError, Options};
use badge_rules_testkit::{corpus, gen};
use serde_json::{json, Value};

/// The path and message path tracking gives, by the rules the engine applies
/// to them (no path is `""`; a missing key is named by its own path).
fn tracked(text: &str) -> Option<(String, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        let message = "the check document must be a JSON object, not an array";
        return Some((String::new(), message.into()));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let err = match serde_path_to_error::deserialize::<_, Document>(&mut de) {
        Ok(doc) => {
            de.end().ok()?;
            if doc.kind != badge_rules::document::Kind::PartnerLevel {
                return None;
            }
            let request = doc.request?;
            let err = serde_path_to_error::deserialize::<_, AgencySnapshot>(&request).err()?;
            let (path, message) = shape(err);
            // An index is joined without a dot: request[0], request.level.
            let path = if path.is_empty() {
                "request".to_owned()
            } else if path.starts_with('[') {
                format!("request{path}")
            } else {
                format!("request.{path}")
            };
            return Some((path, message));
        }
        Err(err) => err,
    };
    if err.inner().is_syntax() || err.inner().is_eof() {
        serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    }
    Some(shape(err))
}

#[expect(clippy::unwrap_used, reason = "split always yields a first piece")]
fn shape(err: serde_path_to_error::Error<serde_json::Error>) -> (String, String) {
    let mut path = err.path().to_string();
    if path == "." {
        path.clear();
    }
    let message = err.into_inner().to_string();
    let mut message = message.split(" at line ").next().unwrap().to_owned();
    if message == "expected value" {
        message = "invalid type: expected a string naming one of the allowed values".into();
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        path = if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
    }
    (path, message)
}

/// The engine's answer for a shape error, `None` for anything else: its
/// path, and the values of its params (read from serde's message).
fn located(text: &str) -> Option<(String, Vec<String>)> {
    let err = match parse_document(text) {
        Err(err) => err,
        Ok(_) => check_json(text, &Options::default()).err()?,
    };
    match &err {
        InputError::Shape(e) => Some((
            e.path().to_owned(),
            err.params().values().cloned().collect(),
        )),
        _ => None,
    }
}

/// The engine and path tracking name the same path, and every figure of the
/// engine's error (its params) is in serde's own message.
fn agree(text: &str, seen: &mut usize, differ: &mut Vec<String>) {
    let engine = located(text);
    let tracking = tracked(text);
    // Path tracking does not see context errors (only shape ones).
    if engine.is_some() || tracking.is_some() {
        let same = match (&engine, &tracking) {
            (Some((path, params)), Some((tracked_path, message))) => {
                path == tracked_path
                    && params.iter().all(|p| {
                        message.contains(p.as_str())
                            || p.starts_with("a value of another type")
                            || p.starts_with("a string naming")
                    })
            }
            _ => false,
        };
        if !same {
            differ.push(format!("{engine:?} != {tracking:?} for {text}"));
        }
        *seen += 1;
    }
}

#[expect(
    clippy::unwrap_used,
    reason = "an unreadable directory entry must fail the test"
)]
fn texts_in(dir: &Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|f| String::from_utf8(std::fs::read(f).ok()?).ok())
        .collect()
}

/// Every place of `value`, as a list of keys and indexes.
fn places(value: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = here.clone();
                p.push(json!(k));
                places(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut p = here.clone();
                p.push(json!(i));
                places(v, p, out);
            }
        }
        _ => {}
    }
    out.push(here);
}

#[expect(
    clippy::unwrap_used,
    reason = "a place holds only keys and indexes, as places() writes them"
)]
fn at<'a>(value: &'a mut Value, place: &[Value]) -> &'a mut Value {
    place.iter().fold(value, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        _ => &mut v[step.as_u64().unwrap() as usize],
    })
}

const WRONG: &[&str] = &[
    "7",
    "-1",
    "1.5",
    "1e400",
    "\"x\"",
    "\"\"",
    "true",
    "null",
    "[]",
    "[1]",
    "{}",
    r#"{"a": 1}"#,
    r#"{"ACTIVE": null}"#,
    "\"2026-13-01\"",
    "\"ACTIVE\"",
    "\"12.345\"",
];

/// The fuzz seeds and regressions, the conformance documents (compact and
/// pretty), and 4,000 generated documents with one value replaced by one of
/// another type or one key removed.
#[expect(
    clippy::unwrap_used,
    reason = "the documents are JSON values and their places are their own"
)]
fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts = Vec::new();
    for dir in ["fuzz/seeds/check_json", "fuzz/regressions/check_json"] {
        texts.extend(texts_in(&root.join(dir)));
    }
    for vector in corpus::load() {
        texts.push(vector.document.to_string());
        texts.push(serde_json::to_string_pretty(&vector.document).unwrap());
    }
    let mut r = gen::Rng::new(0x10CA7E);
    for i in 0..4_000 {
        let mut doc = match i % 4 {
            0 => gen::application(&mut r),
            1 => gen::badge_update(&mut r),
            2 => gen::partner_level(&mut r),
            _ => gen::other(&mut r),
        };
        let mut all = Vec::new();
        places(&doc, Vec::new(), &mut all);
        let place = r.pick(&all).clone();
        if r.chance(20) && !place.is_empty() {
            let (last, parent) = place.split_last().unwrap();
            match (at(&mut doc, parent), last) {
                (Value::Object(map), Value::String(k)) => {
                    map.remove(k);
                }
                (Value::Array(items), i) => {
                    items.remove(i.as_u64().unwrap() as usize);
                }
                _ => {}
            }
        } else {
            let wrong: &&str = r.pick(WRONG);
            *at(&mut doc, &place) = serde_json::from_str(wrong).unwrap_or(Value::Null);
        }
        let text = if r.chance(50) {
            doc.to_string()
        } else {
            serde_json::to_string_pretty(&doc).unwrap()
        };
        texts.push(text);
    }
    texts
}

#[test]
fn locate_agrees_with_path_tracking() {
    let mut seen = 0;
    let mut differ = Vec::new();
    for text in &texts() {
        agree(text, &mut seen, &mut differ);
    }
    assert!(
        differ.is_empty(),
        "{} of {seen} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    assert!(seen > 1_000, "only {seen} shape errors compared");
}

/// `message` without what it quotes (values, field names, examples).
fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in message.chars() {
        match (quote, c) {
            (None, '"' | '`') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every input error these documents give, and each of them cut short (for
/// the JSON reader's own faults), reads in Polish without serde's English
/// words: the Polish locale knows every phrase serde and serde_json write
/// here.
#[test]
fn polish_input_errors_hold_no_english_words() {
    const ENGLISH: &[&str] = &[
        "expected", "invalid", "string", "integer", "floating", "boolean", "sequence", "map",
        "struct", "EOF", "trailing", "such as", "found", "value", "number", " or ",
    ];
    let mut seen = 0;
    let mut english = Vec::new();
    for text in texts() {
        let cut = text.get(..text.len() / 2).unwrap_or_default().to_owned();
        for text in [text, cut] {
            let Err(err) = check_json(&text, &Options::default()) else {
                continue;
            };
            seen += 1;
            let message = err.localized(badge_rules::Lang::Pl).message().to_owned();
            let words = unquoted(&message);
            if let Some(word) = ENGLISH.iter().find(|w| words.contains(**w)) {
                english.push(format!("{word:?} in {message:?} ({:?})", err.code()));
            }
        }
    }
    english.sort();
    english.dedup();
    assert!(seen > 1_000, "only {seen} input errors");
    assert!(
        english.is_empty(),
        "{} of {seen}:\n{}",
        english.len(),
        english.join("\n")
    );
}

/// Issue 22: a wrong path when a value nested deeper than 160 levels came
/// before the fault (an unknown key serde skips whole, at any depth).
#[test]
fn a_deep_value_before_the_fault_leaves_its_path_right() {
    for depth in [159, 160, 161, 500] {
        for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
            let doc = format!(
                r#"{{"kind": "application", "junk": {}1{}, "now": 5}}"#,
                open.repeat(depth),
                close.repeat(depth)
            );
            let err = badge_rules::check_json(&doc, &badge_rules::Options::default()).unwrap_err();
            assert_eq!(
                (err.kind(), err.path()),
                ("shape", "now"),
                "depth {depth} {open}"
            );
        }
    }
}
