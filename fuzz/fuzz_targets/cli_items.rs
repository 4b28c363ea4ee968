//! Arbitrary bytes as an input of `badge-rules plan`, cut into items by
//! the CLI's reader.
//! The body is `badge_rules_testkit::fuzz_targets::cli_items::run`, which
//! `make test` replays on stable over fuzz/seeds/cli_items/ and
//! fuzz/regressions/cli_items/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::cli_items::run(data);
});
