//! Replays the fuzz targets' seeds and every input a fuzzer ever found
//! (fuzz/regressions/) through the same invariants, without fuzzing time, so
//! that a found crash stays fixed. `make fuzz` does the fuzzing.

use std::path::Path;

use badge_rules_testkit::{fuzzdoc, invariants};

#[expect(
    clippy::unwrap_used,
    reason = "an unreadable directory entry must fail the test"
)]
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn fuzz_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

#[test]
fn check_json_inputs_keep_their_invariants() {
    let mut n = 0;
    for dir in ["seeds/check_json", "regressions/check_json"] {
        for file in files(&fuzz_dir().join(dir)) {
            let bytes = std::fs::read(&file).unwrap();
            if let Ok(text) = std::str::from_utf8(&bytes) {
                invariants::check_text(text);
                n += 1;
            }
        }
    }
    assert!(n > 100, "only {n} inputs");
}

#[test]
fn structured_inputs_keep_their_invariants() {
    use arbitrary::{Arbitrary, Unstructured};
    for file in files(&fuzz_dir().join("regressions/structured")) {
        let bytes = std::fs::read(&file).unwrap();
        if let Ok(spec) = fuzzdoc::Spec::arbitrary(&mut Unstructured::new(&bytes)) {
            invariants::check_text(&fuzzdoc::document(&spec).to_string());
        }
    }
    // And a deterministic sweep of specs from counting bytes.
    for seed in 0..2_000u32 {
        let bytes: Vec<u8> = (0..512u32)
            .map(|i| (seed.wrapping_mul(2_654_435_761).wrapping_add(i * 40_503) >> 7) as u8)
            .collect();
        if let Ok(spec) = fuzzdoc::Spec::arbitrary(&mut Unstructured::new(&bytes)) {
            invariants::check_text(&fuzzdoc::document(&spec).to_string());
        }
    }
}
