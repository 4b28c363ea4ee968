//! Arbitrary bytes into `check_json`: an input error or a report, never a panic.
#![no_main]

use badge_rules_testkit::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_text(text);
    }
});
