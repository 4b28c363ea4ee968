//! Arbitrary bytes as a plan's context, then a few offers planned with it.
//! The body is `badge_rules_testkit::fuzz_targets::plan_context::run`, which
//! `make test` replays on stable over fuzz/seeds/plan_context/ and
//! fuzz/regressions/plan_context/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::plan_context::run(data);
});
