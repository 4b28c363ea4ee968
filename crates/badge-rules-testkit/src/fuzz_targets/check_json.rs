//! Arbitrary bytes into `check_json`: an input error whose path is in the
//! input, or a report whose verdict is its lists' ([`invariants::check_text`]).

use crate::invariants;

/// The target's body.
pub fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_text(text);
    }
}
