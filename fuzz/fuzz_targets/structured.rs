//! Valid-shaped documents with extreme values (fuzzdoc): amounts at and
//! beyond what Decimal holds, odd times, every period and status.
//! The body is `badge_rules_testkit::fuzz_targets::structured::run`, which
//! `make test` replays on stable over fuzz/seeds/structured/ and
//! fuzz/regressions/structured/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::structured::run(data);
});
