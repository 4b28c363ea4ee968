//! Arbitrary bytes into `--format allegro`: check's input error, or
//! Allegro's answer with check's verdict.
//! The body is `badge_rules_testkit::fuzz_targets::allegro::run`, which
//! `make test` replays on stable over fuzz/seeds/allegro/ and
//! fuzz/regressions/allegro/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::allegro::run(data);
});
