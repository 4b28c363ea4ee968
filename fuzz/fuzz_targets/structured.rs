//! Valid-shaped documents with extreme values (arbitrary): amounts at and
//! beyond what Decimal holds, odd times, every period and status.
#![no_main]

use badge_rules_testkit::{fuzzdoc, invariants};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|spec: fuzzdoc::Spec| {
    invariants::check_text(&fuzzdoc::document(&spec).to_string());
});
