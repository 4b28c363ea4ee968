//! The conformance corpus reader, shared by every Rust runner (the core's and
//! the CLI's tests). The format is in docs/DESIGN.md; `tests/runner/corpus.mjs`
//! is the same reader for JavaScript runners.
//!
//! Every key of a corpus file is typed and unknown keys are refused, so a
//! typo (`"verdcit"`, `"pth"`) fails the load naming the file, the vector and
//! the key's place instead of silently checking nothing.
//!
//! ```
//! let vectors = badge_rules_testkit::corpus::load();
//! assert!(vectors.iter().any(|v| v.id.starts_with("accept.json#")));
//! ```

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Map, Value};

/// One vector, its document already expanded.
#[derive(Debug, Clone)]
pub struct Vector {
    /// `file.json#name`.
    pub id: String,
    /// The check document: the vector's `document`, or the file's `base`
    /// with the vector's `patch` applied.
    pub document: Value,
    /// What the vector expects.
    pub expect: Expect,
}

/// One corpus file as written: `{about, base, vectors}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// What the file covers (a comment).
    #[serde(default)]
    pub about: Option<String>,
    /// The document each `patch` applies to.
    #[serde(default, deserialize_with = "present")]
    pub base: Option<Value>,
    /// The vectors, read one by one (see [`RawVector`]) so that a fault is
    /// named with its vector.
    pub vectors: Vec<Value>,
}

/// One vector as written: `{name, about, document | patch, expect}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVector {
    /// Unique within its file.
    pub name: String,
    /// What the vector pins (a comment).
    #[serde(default)]
    pub about: Option<String>,
    /// The whole document, when the vector does not patch `base`.
    #[serde(default, deserialize_with = "present")]
    pub document: Option<Value>,
    /// An RFC 7396 JSON Merge Patch applied to the file's `base`.
    #[serde(default, deserialize_with = "present")]
    pub patch: Option<Value>,
    /// What the vector expects.
    pub expect: Expect,
}

/// A vector's expectation. Every key but `codes` is checked only when
/// present; `null` is refused where it would mean nothing (only `hints` may
/// be `null`: no bargain price passes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The verdict, exact (`ACCEPT`, `REJECT`, `INCOMPLETE`).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub verdict: Option<String>,
    /// The violation codes, compared as a sorted multiset (absent: none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// Violations that must appear among the report's.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub violations: Option<Vec<ExpectedViolation>>,
    /// The skipped codes, sorted, exact.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub skipped: Option<Vec<String>>,
    /// The warning codes, sorted, exact.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub warnings: Option<Vec<String>>,
    /// The Ads Partner level, exact.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub level: Option<String>,
    /// `hints.bargain`, exact: `Some(None)` expects `null`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub hints: Option<Option<BargainHint>>,
    /// An input error instead of a report.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub error: Option<ExpectedError>,
}

/// A violation that must appear in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedViolation {
    /// The code, exact.
    pub code: String,
    /// The path, exact, when given.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub path: Option<String>,
    /// Params that must be among the violation's, when given (a subset).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub params: Option<BTreeMap<String, String>>,
}

/// The expected `hints.bargain` range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BargainHint {
    /// The lowest bargain price that passes.
    pub min: String,
    /// The highest bargain price that passes.
    pub max: String,
    /// Their currency.
    pub currency: String,
}

/// An expected input error; each key is compared only when given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    /// The JSON path the error names.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub path: Option<String>,
    /// `syntax`, `shape` or `context`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
}

/// A key that is present: `Some` of its value (`null` included, when `T`
/// accepts it), so that `Option<T>` tells an absent key from a null one.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The corpus folder.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// RFC 7396 JSON Merge Patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Map::new());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// The vectors of one corpus file, `name` being its file name; `Err` names
/// the file, the vector and the place of the first fault.
pub fn parse_file(name: &str, text: &str) -> Result<Vec<Vector>, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let root: File = serde_path_to_error::deserialize(de)
        .map_err(|e| format!("{name}: {}: {}", e.path(), e.inner()))?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, raw) in root.vectors.into_iter().enumerate() {
        let label = raw
            .get("name")
            .and_then(Value::as_str)
            .map_or_else(|| format!("vectors[{i}]"), str::to_owned);
        let v: RawVector = serde_path_to_error::deserialize(raw)
            .map_err(|e| format!("{name}#{label}: {}: {}", e.path(), e.inner()))?;
        let vname = v.name;
        if !seen.insert(vname.clone()) {
            return Err(format!("{name}: duplicate vector name {vname}"));
        }
        let document = match (v.document, v.patch) {
            (Some(_), Some(_)) => {
                return Err(format!("{name}#{vname}: both `document` and `patch`"));
            }
            (Some(doc), None) => doc,
            (None, patch) => {
                let Some(mut doc) = root.base.clone() else {
                    return Err(format!("{name}#{vname}: no base"));
                };
                if let Some(patch) = patch {
                    merge_patch(&mut doc, &patch);
                }
                doc
            }
        };
        out.push(Vector {
            id: format!("{name}#{vname}"),
            document,
            expect: v.expect,
        });
    }
    Ok(out)
}

/// Every vector of every file, in file then vector order; panics on a file
/// that does not load, naming it.
pub fn load() -> Vec<Vector> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/conformance exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        out.extend(parse_file(&name, &text).unwrap_or_else(|e| panic!("{e}")));
    }
    out
}

fn sorted(list: &[String]) -> Vec<String> {
    let mut out = list.to_vec();
    out.sort();
    out
}

fn codes_of(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = list
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// `value` as JSON text, for messages.
fn show<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Compares an outcome (a report as JSON, or `{"error": {...}}`) with a
/// vector's expectation; `Err` says how they differ.
pub fn compare(expect: &Expect, outcome: &Value) -> Result<(), String> {
    if let Some(want) = &expect.error {
        let Some(got) = outcome.get("error") else {
            return Err(format!(
                "expected an input error {}, got a report {outcome}",
                show(want)
            ));
        };
        for (key, w) in [("path", &want.path), ("kind", &want.kind)] {
            if let Some(w) = w {
                if got.get(key).and_then(Value::as_str) != Some(w.as_str()) {
                    return Err(format!(
                        "input error {key}: expected {}, got {got}",
                        show(w)
                    ));
                }
            }
        }
        return Ok(());
    }
    if outcome.get("error").is_some() {
        return Err(format!("expected a report, got {outcome}"));
    }
    let mut problems = Vec::new();
    if expect.verdict.as_deref().map(|v| json!(v)).as_ref() != outcome.get("verdict") {
        problems.push(format!(
            "verdict: expected {}, got {}",
            show(&expect.verdict),
            outcome["verdict"]
        ));
    }
    let want_codes = sorted(&expect.codes);
    let got_codes = codes_of(&outcome["violations"]);
    if want_codes != got_codes {
        problems.push(format!("codes: expected {want_codes:?}, got {got_codes:?}"));
    }
    if let Some(list) = &expect.violations {
        for want in list {
            let found = outcome["violations"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|got| {
                    got["code"].as_str() == Some(want.code.as_str())
                        && want
                            .path
                            .as_ref()
                            .is_none_or(|p| got["path"].as_str() == Some(p.as_str()))
                        && want.params.as_ref().is_none_or(|ps| {
                            ps.iter().all(|(k, v)| {
                                got["params"].get(k).and_then(Value::as_str) == Some(v.as_str())
                            })
                        })
                });
            if !found {
                problems.push(format!(
                    "violation {} not in {}",
                    show(want),
                    outcome["violations"]
                ));
            }
        }
    }
    if let Some(skipped) = &expect.skipped {
        let want = sorted(skipped);
        let got = codes_of(&outcome["skipped"]);
        if want != got {
            problems.push(format!(
                "skipped: expected {want:?}, got {:?}",
                outcome["skipped"]
            ));
        }
    }
    if let Some(warnings) = &expect.warnings {
        let want = sorted(warnings);
        let got = codes_of(&outcome["warnings"]);
        if want != got {
            problems.push(format!("warnings: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(level) = &expect.level {
        if outcome.get("level").and_then(Value::as_str) != Some(level.as_str()) {
            problems.push(format!(
                "level: expected {}, got {}",
                show(level),
                outcome["level"]
            ));
        }
    }
    if let Some(hints) = &expect.hints {
        let got = &outcome["hints"]["bargain"];
        let want = serde_json::to_value(hints).unwrap_or_default();
        if *got != want {
            problems.push(format!("hints.bargain: expected {want}, got {got}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
      "about": "test",
      "base": {"kind": "application", "request": {"offer": {"id": "1"}}},
      "vectors": [
        {"name": "patched", "about": "a patch", "patch": {"request": {"offer": null}},
         "expect": {"verdict": "REJECT", "codes": ["BB4"],
                    "violations": [{"code": "BB4", "path": "offer.id", "params": {}}],
                    "skipped": [], "warnings": [], "hints": null}},
        {"name": "whole", "document": {"kind": "partnerLevel"},
         "expect": {"error": {"path": "request", "kind": "shape"}}},
        {"name": "level", "patch": {}, "expect": {"verdict": "ACCEPT", "level": "PARTNER",
         "hints": {"min": "1.00", "max": "2.00", "currency": "PLN"}}}
      ]
    }"#;

    #[test]
    fn reads_every_key_of_the_format() {
        let vectors = parse_file("t.json", FILE).unwrap();
        assert_eq!(vectors.len(), 3);
        assert_eq!(vectors[0].id, "t.json#patched");
        assert_eq!(
            vectors[0].document,
            json!({"kind": "application", "request": {}})
        );
        assert_eq!(vectors[0].expect.hints, Some(None));
        assert_eq!(vectors[1].document, json!({"kind": "partnerLevel"}));
        assert_eq!(
            vectors[1].expect.error,
            Some(ExpectedError {
                path: Some("request".into()),
                kind: Some("shape".into())
            })
        );
        assert_eq!(vectors[2].expect.level.as_deref(), Some("PARTNER"));
    }

    /// A typo anywhere in a vector fails the load with the file, the vector
    /// and the place of the unknown key.
    #[test]
    fn a_typo_names_the_file_the_vector_and_the_key() {
        for (typo, place) in [
            (r#""verdict": "REJECT""#, r#""verdcit": "REJECT""#),
            (r#""path": "offer.id""#, r#""pth": "offer.id""#),
            (r#""kind": "shape""#, r#""knid": "shape""#),
            (r#""currency": "PLN""#, r#""currncy": "PLN""#),
            (r#""about": "a patch""#, r#""abuot": "a patch""#),
        ]
        .map(|(good, bad)| (FILE.replacen(good, bad, 1), bad))
        {
            let err = parse_file("t.json", &typo).unwrap_err();
            let key = place.split('"').nth(1).unwrap();
            assert!(err.starts_with("t.json#"), "{err}");
            assert!(err.contains(&format!("unknown field `{key}`")), "{err}");
        }
        let err = parse_file(
            "t.json",
            &FILE.replacen("\"about\": \"test\"", "\"abuot\": 1", 1),
        )
        .unwrap_err();
        assert!(
            err.starts_with("t.json: ") && err.contains("`abuot`"),
            "{err}"
        );
        let err = parse_file(
            "t.json",
            &FILE.replacen("\"patch\": {}", "\"patch\": {}, \"document\": {}", 1),
        )
        .unwrap_err();
        assert_eq!(err, "t.json#level: both `document` and `patch`");
        let err = parse_file(
            "t.json",
            &FILE.replacen("\"skipped\": []", "\"skipped\": null", 1),
        )
        .unwrap_err();
        assert!(err.starts_with("t.json#patched: expect.skipped: "), "{err}");
        let err = parse_file(
            "t.json",
            &FILE.replacen("\"path\": \"offer.id\"", "\"path\": 1", 1),
        )
        .unwrap_err();
        assert!(
            err.starts_with("t.json#patched: expect.violations[0].path: "),
            "{err}"
        );
    }

    #[test]
    fn compares_as_the_format_says() {
        let expect = parse_file("t.json", FILE).unwrap().remove(0).expect;
        let report = json!({
            "verdict": "REJECT",
            "violations": [{"code": "BB4", "path": "offer.id", "message": "m", "params": {"x": "1"}}],
            "skipped": [], "warnings": [], "hints": {"bargain": null}
        });
        assert_eq!(compare(&expect, &report), Ok(()));
        let mut other = report.clone();
        other["violations"][0]["path"] = json!("");
        other["hints"]["bargain"] = json!({"min": "1.00", "max": "2.00", "currency": "PLN"});
        let err = compare(&expect, &other).unwrap_err();
        assert!(
            err.contains("violation {\"code\":\"BB4\",\"path\":\"offer.id\",\"params\":{}} not in"),
            "{err}"
        );
        assert!(err.contains("hints.bargain: expected null"), "{err}");
        assert!(compare(&expect, &json!({"error": {"path": ""}})).is_err());
        let error = Expect {
            error: Some(ExpectedError {
                path: Some("now".into()),
                kind: None,
            }),
            ..Expect::default()
        };
        assert_eq!(
            compare(&error, &json!({"error": {"path": "now", "kind": "shape"}})),
            Ok(())
        );
        assert!(compare(&error, &json!({"error": {"path": "kind", "kind": "shape"}})).is_err());
        assert!(compare(&error, &report).is_err());
    }
}
