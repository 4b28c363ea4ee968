//! Replays every fuzz target's seeds (`fuzz/seeds/<target>/`), local corpus
//! (`fuzz/corpus/<target>/`, when `make fuzz` left one) and regressions
//! (`fuzz/regressions/<target>/`, every input a fuzzer ever found) through
//! the target's own body (`badge_rules_testkit::fuzz_targets`), on stable and
//! without fuzzing time, so that a found crash stays fixed. `make fuzz` does
//! the fuzzing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use badge_rules_testkit::fuzz_targets::{self, TARGETS};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `dir` (none when it is absent), sorted; dotfiles left out.
#[expect(
    clippy::unwrap_used,
    reason = "an unreadable directory entry must fail the test"
)]
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    out.retain(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'));
    out.sort();
    out
}

/// Runs `run` on every file of `dirs`; returns the count and every input
/// that failed, with its panic message.
#[expect(clippy::unwrap_used, reason = "an unreadable input must fail the test")]
fn replay(run: fn(&[u8]), dirs: &[PathBuf]) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut failed = Vec::new();
    for dir in dirs {
        for file in files(dir) {
            let bytes = std::fs::read(&file).unwrap();
            count += 1;
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&bytes))) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failed.push(format!("{}: {message}", file.display()));
            }
        }
    }
    (count, failed)
}

/// Reproducers of defects found and not fixed yet, in
/// `fuzz/known-open/<target>/` (out of libFuzzer's way: `make fuzz` reads
/// `fuzz/regressions/`), each with why: the replay checks that they still
/// fail; when one passes, move it to `fuzz/regressions/<target>/` and off
/// this list, and the replay holds it fixed.
///
/// None now: the last two (a badge's market currency named without the
/// badge's index; an offer event without `offer` named at `offer.id`) are
/// fixed and replayed from `fuzz/regressions/allegro/` and
/// `fuzz/regressions/ledger/`.
const KNOWN_OPEN: &[(&str, &str, &str)] = &[];

#[test]
fn every_target_keeps_its_invariants_on_its_seeds_corpus_and_regressions() {
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (name, run) in TARGETS {
        let dirs = ["seeds", "corpus", "regressions"].map(|d| fuzz_dir().join(d).join(name));
        assert!(dirs[2].is_dir(), "fuzz/regressions/{name}/ is missing");
        let seeds = files(&dirs[0]).len();
        assert!(seeds >= 5, "fuzz/seeds/{name}/ has {seeds} seeds");
        let (count, mut bad) = replay(*run, &dirs);
        report.push(format!("{name}: {count}"));
        failed.append(&mut bad);
        let open = fuzz_dir().join("known-open").join(name);
        let (_, still) = replay(*run, std::slice::from_ref(&open));
        for file in files(&open) {
            let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
            let why = KNOWN_OPEN
                .iter()
                .find(|(t, f, _)| t == name && *f == file_name)
                .map(|(_, _, why)| *why)
                .unwrap_or_else(|| {
                    panic!("fuzz/known-open/{name}/{file_name} is not in KNOWN_OPEN")
                });
            assert!(
                still.iter().any(|b| b.contains(&format!("{file_name}:"))),
                "fuzz/known-open/{name}/{file_name} passes now ({why}): move it to fuzz/regressions/{name}/"
            );
        }
    }
    eprintln!("replayed {}", report.join(", "));
    assert!(
        failed.is_empty(),
        "{} inputs broke an invariant:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn every_target_is_a_libfuzzer_target_with_a_folder() {
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    let makefile = std::fs::read_to_string(fuzz_dir().join("../Makefile")).unwrap();
    for (name, _) in TARGETS {
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "fuzz/Cargo.toml has no {name}"
        );
        let source =
            std::fs::read_to_string(fuzz_dir().join(format!("fuzz_targets/{name}.rs"))).unwrap();
        assert!(
            source.contains(&format!("fuzz_targets::{name}::run")),
            "fuzz/fuzz_targets/{name}.rs does not call fuzz_targets::{name}::run"
        );
        assert!(
            makefile.contains(name),
            "the Makefile's fuzz target does not run {name}"
        );
    }
}

/// The replay fails on an input that breaks an invariant: two planted
/// inputs, each replayed from a folder by [`replay`] through a target that
/// lies on it (an input error's path moved off the input; a verdict that is
/// not its lists'), next to an input the same targets answer truthfully.
#[test]
fn a_planted_bad_input_fails_the_replay() {
    use badge_rules::{check_json, Options, Verdict};
    use badge_rules_testkit::invariants;
    let dir = std::env::temp_dir().join(format!("fuzz-replay-planted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A number where a kind belongs: an input error at `kind`.
    std::fs::write(dir.join("a-error"), br#"{"kind": 1}"#).unwrap();
    // A report: REJECT with BB8.
    std::fs::write(
        dir.join("b-report"),
        br#"{"kind": "applicationLookup", "applicationId": "x"}"#,
    )
    .unwrap();

    fn moved_path(data: &[u8]) {
        let text = std::str::from_utf8(data).unwrap();
        if let Err(err) = check_json(text, &Options::default()) {
            invariants::error_path_exists(text, &err);
            let moved = format!("request.{}", err.path());
            invariants::path_exists(text, &moved, true, "planted");
        }
    }
    fn flipped_verdict(data: &[u8]) {
        let text = std::str::from_utf8(data).unwrap();
        if let Ok(mut report) = check_json(text, &Options::default()) {
            invariants::verdict_agrees(&report);
            report.verdict = Verdict::Accept;
            invariants::verdict_agrees(&report);
        }
    }
    fn truthful(data: &[u8]) {
        fuzz_targets::target("check_json").unwrap()(data);
    }
    let (count, failed) = replay(truthful, std::slice::from_ref(&dir));
    assert_eq!((count, failed.len()), (2, 0), "{failed:?}");
    let (_, failed) = replay(moved_path, std::slice::from_ref(&dir));
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(
        failed[0].contains(
            "a-error: the path \"request.kind\" of an input error is not in the input (Nowhere)"
        ),
        "{failed:?}"
    );
    let (_, failed) = replay(flipped_verdict, std::slice::from_ref(&dir));
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].contains("b-report: assertion"), "{failed:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The structured target over 2,000 byte strings counted out
/// deterministically (what the core's replay of it did before every target
/// had seeds).
#[test]
fn structured_keeps_its_invariants_over_counted_bytes() {
    let run = fuzz_targets::target("structured").unwrap();
    for seed in 0..2_000u32 {
        let bytes: Vec<u8> = (0..512u32)
            .map(|i| (seed.wrapping_mul(2_654_435_761).wrapping_add(i * 40_503) >> 7) as u8)
            .collect();
        run(&bytes);
    }
}
