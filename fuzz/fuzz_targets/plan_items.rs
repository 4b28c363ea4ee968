//! Arbitrary bytes as one item of a plan, against two contexts and every
//! price rule.
//! The body is `badge_rules_testkit::fuzz_targets::plan_items::run`, which
//! `make test` replays on stable over fuzz/seeds/plan_items/ and
//! fuzz/regressions/plan_items/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::plan_items::run(data);
});
