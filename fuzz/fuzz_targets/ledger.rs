//! Arbitrary bytes as `ledger record`'s input, recorded into a ledger in
//! memory; then `lowest`, `history`, recording again and `prune`.
//! The body is `badge_rules_testkit::fuzz_targets::ledger::run`, which
//! `make test` replays on stable over fuzz/seeds/ledger/ and
//! fuzz/regressions/ledger/.
#![no_main]

use badge_rules_testkit::fuzz_targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_targets::ledger::run(data);
});
