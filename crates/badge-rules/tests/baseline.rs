//! The recorded answers: every report and error line the engine gives to
//! the conformance corpus, the examples, the fuzz seeds and 10,000 generated
//! documents, in English and Polish (`tests/baseline/answers.jsonl.gz`, one
//! line per input and language: `{"input", "lang", "line"}`).
//!
//! A refactoring must leave every answer byte-identical. The file was first
//! recorded before the 2026-12 restructuring (which only added the `message`
//! of `skipped` entries, and was checked against it with that field
//! removed), and re-recorded for the corrections of 2026-12-01 (the
//! participation body per marketplace, the badge update's ladder only on a
//! DISCOUNT campaign, BB39 at `declaredStock.quantity`). A change that is meant
//! to change an answer re-records the file (`BADGE_RULES_RECORD=1 cargo test
//! -p badge-rules --test baseline`) and says why in its commit.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use badge_rules::{Lang, Options};
use badge_rules_testkit::{corpus, gen};
use serde_json::Value;

const GENERATED: u64 = 10_000;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn recording() -> PathBuf {
    root().join("tests/baseline/answers.jsonl.gz")
}

#[expect(
    clippy::unwrap_used,
    reason = "an unreadable directory entry must fail the test"
)]
fn sorted_files(dir: &Path, ext: Option<&str>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every input, named: corpus vectors, examples, fuzz seeds (UTF-8 ones),
/// generated documents.
#[expect(clippy::unwrap_used, reason = "an unreadable input must fail the test")]
fn inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for v in corpus::load() {
        out.push((format!("corpus:{}", v.id), v.document.to_string()));
    }
    for file in sorted_files(&root().join("examples"), Some("json")) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        out.push((
            format!("examples:{name}"),
            std::fs::read_to_string(&file).unwrap(),
        ));
    }
    for dir in ["seeds/check_json", "regressions/check_json"] {
        for file in sorted_files(&root().join("fuzz").join(dir), None) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if let Ok(text) = String::from_utf8(std::fs::read(&file).unwrap()) {
                out.push((format!("fuzz:{dir}/{name}"), text));
            }
        }
    }
    for seed in 0..GENERATED {
        out.push((format!("gen:{seed}"), gen::document(seed).to_string()));
    }
    out
}

/// The line `check --jsonl` writes for `text`.
fn answer(text: &str, lang: Lang) -> String {
    badge_rules::api::answer_line(text.as_bytes(), &Options::new(lang))
}

fn langs() -> [(Lang, &'static str); 2] {
    [(Lang::En, "en"), (Lang::Pl, "pl")]
}

#[test]
fn every_answer_is_the_recorded_one() {
    let inputs = inputs();
    if std::env::var_os("BADGE_RULES_RECORD").is_some() {
        let file = std::fs::File::create(recording()).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        for (name, text) in &inputs {
            for (lang, tag) in langs() {
                let record =
                    serde_json::json!({"input": name, "lang": tag, "line": answer(text, lang)});
                writeln!(gz, "{record}").unwrap();
            }
        }
        gz.finish().unwrap();
        return;
    }
    let file = std::fs::File::open(recording()).unwrap();
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut recorded = std::collections::HashMap::new();
    for line in reader.lines() {
        let record: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let key = (
            record["input"].as_str().unwrap().to_owned(),
            record["lang"].as_str().unwrap().to_owned(),
        );
        recorded.insert(key, record["line"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        recorded.len(),
        inputs.len() * 2,
        "the recording and the inputs differ in number"
    );
    let mut differences = Vec::new();
    for (name, text) in &inputs {
        for (lang, tag) in langs() {
            let want = recorded
                .get(&(name.clone(), tag.to_owned()))
                .unwrap_or_else(|| panic!("{name} ({tag}) is not in the recording"));
            let got = answer(text, lang);
            if &got != want {
                differences.push(format!("{name} ({tag}):\n  was {want}\n  now {got}"));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} answers differ from the recording; the first:\n{}",
        differences.len(),
        inputs.len() * 2,
        differences
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
