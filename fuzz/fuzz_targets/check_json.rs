//! Arbitrary bytes into `check_json`: an input error whose path is in the
//! input, or a report whose verdict is its lists', never a panic.
//! The body is `badge_rules_testkit::fuzz_targets::check_json::run`, which
//! `make test` replays on stable over fuzz/seeds/check_json/ and
//! fuzz/regressions/check_json/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::check_json::run(data);
});
