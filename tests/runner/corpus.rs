//! The conformance corpus reader, shared by every Rust runner (core and CLI
//! tests include this file with `#[path]`). The format is in docs/DESIGN.md.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// One vector, its document already expanded.
#[derive(Debug, Clone)]
pub struct Vector {
    /// `file.json#name`.
    pub id: String,
    pub document: Value,
    pub expect: Value,
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

/// Every vector of every file, in file then vector order.
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
        let root: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let base = root.get("base").cloned();
        let vectors = root["vectors"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: no vectors"));
        let mut seen = std::collections::HashSet::new();
        for v in vectors {
            let vname = v["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: a vector has no name"));
            assert!(
                seen.insert(vname.to_owned()),
                "{name}: duplicate vector name {vname}"
            );
            let document = match (v.get("document"), v.get("patch")) {
                (Some(doc), _) => doc.clone(),
                (None, patch) => {
                    let mut doc = base
                        .clone()
                        .unwrap_or_else(|| panic!("{name}#{vname}: no base"));
                    if let Some(patch) = patch {
                        merge_patch(&mut doc, patch);
                    }
                    doc
                }
            };
            out.push(Vector {
                id: format!("{name}#{vname}"),
                document,
                expect: v["expect"].clone(),
            });
        }
    }
    out
}

fn sorted_strings(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
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

/// Compares an outcome (a report as JSON, or `{"error": {...}}`) with a
/// vector's expectation; `Err` says how they differ.
pub fn compare(expect: &Value, outcome: &Value) -> Result<(), String> {
    if let Some(want) = expect.get("error") {
        let Some(got) = outcome.get("error") else {
            return Err(format!(
                "expected an input error {want}, got a report {outcome}"
            ));
        };
        for key in ["path", "kind"] {
            if let Some(w) = want.get(key) {
                if got.get(key) != Some(w) {
                    return Err(format!("input error {key}: expected {w}, got {got}"));
                }
            }
        }
        return Ok(());
    }
    if outcome.get("error").is_some() {
        return Err(format!("expected a report, got {outcome}"));
    }
    let mut problems = Vec::new();
    if expect.get("verdict") != outcome.get("verdict") {
        problems.push(format!(
            "verdict: expected {}, got {}",
            expect["verdict"], outcome["verdict"]
        ));
    }
    let want_codes = sorted_strings(&expect["codes"]);
    let got_codes = codes_of(&outcome["violations"]);
    if want_codes != got_codes {
        problems.push(format!("codes: expected {want_codes:?}, got {got_codes:?}"));
    }
    if let Some(list) = expect.get("violations").and_then(Value::as_array) {
        for want in list {
            let found = outcome["violations"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|got| {
                    got["code"] == want["code"]
                        && want.get("path").is_none_or(|p| got["path"] == *p)
                        && want
                            .get("params")
                            .and_then(Value::as_object)
                            .is_none_or(|ps| {
                                ps.iter().all(|(k, v)| got["params"].get(k) == Some(v))
                            })
                });
            if !found {
                problems.push(format!("violation {want} not in {}", outcome["violations"]));
            }
        }
    }
    if let Some(skipped) = expect.get("skipped") {
        let want = sorted_strings(skipped);
        let got = codes_of(&outcome["skipped"]);
        if want != got {
            problems.push(format!(
                "skipped: expected {want:?}, got {:?}",
                outcome["skipped"]
            ));
        }
    }
    if let Some(warnings) = expect.get("warnings") {
        let want = sorted_strings(warnings);
        let got = codes_of(&outcome["warnings"]);
        if want != got {
            problems.push(format!("warnings: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(level) = expect.get("level") {
        if outcome.get("level") != Some(level) {
            problems.push(format!("level: expected {level}, got {}", outcome["level"]));
        }
    }
    if let Some(hints) = expect.get("hints") {
        let got = &outcome["hints"]["bargain"];
        let want = hints.get("bargain").unwrap_or(hints);
        if got != want {
            problems.push(format!("hints.bargain: expected {want}, got {got}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
