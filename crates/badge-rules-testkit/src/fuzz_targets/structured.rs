//! Valid-shaped documents with extreme values ([`fuzzdoc`]): the bytes
//! choose a [`fuzzdoc::Spec`] (its first byte the document's kind), and the
//! document it describes keeps [`invariants::check_text`]'s invariants.

use arbitrary::{Arbitrary, Unstructured};

use crate::{fuzzdoc, invariants};

/// The target's body.
pub fn run(data: &[u8]) {
    if let Ok(spec) = fuzzdoc::Spec::arbitrary_take_rest(Unstructured::new(data)) {
        invariants::check_text(&fuzzdoc::document(&spec).to_string());
    }
}
