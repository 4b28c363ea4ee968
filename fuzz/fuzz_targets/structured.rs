//! Valid-shaped documents with extreme values (arbitrary): amounts at and
//! beyond what Decimal holds, odd times, every period and status.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/runner/fuzzdoc.rs"]
mod fuzzdoc;
#[path = "../../tests/runner/invariants.rs"]
mod invariants;

fuzz_target!(|spec: fuzzdoc::Spec| {
    invariants::check_text(&fuzzdoc::document(&spec).to_string());
});
