//! Test helpers of badge-rules, shared by the core's integration tests,
//! benchmarks and examples, the CLI's tests and the fuzz targets (a
//! dev-dependency of each; never published).
//!
//! - [`audit_history`]: a seeded history of checks and Allegro's outcomes
//!   drawn from campaigns with hidden terms, and what it planted (the
//!   audit's tests).
//! - [`catalogue`]: the seeded generator of seller catalogues for
//!   `badge-rules plan` (`examples/plan/`, the `gen-catalogue` binary), and
//!   a pair's application document as docs/PLAN.md defines it.
//! - [`corpus`]: the conformance corpus reader (`tests/conformance/*.json`,
//!   format in docs/DESIGN.md), with typed expectations that reject unknown
//!   keys, and the comparison of an outcome with an expectation.
//! - [`gen`]: the seeded generator of check documents (the same seed gives
//!   the same document everywhere: the baseline recording and the WASM
//!   differential test depend on it).
//! - [`fuzzdoc`]: valid-shaped documents with extreme values, built from
//!   arbitrary bytes (the structure-aware fuzz target's input).
//! - [`invariants`]: what must hold for any input (checked by the fuzz
//!   targets and their replay).
//! - [`json_path`]: whether an input error's JSON path exists in its input.
//! - [`fuzz_targets`]: the body of every fuzz target (`fuzz/`), one function
//!   each, that libFuzzer calls on nightly and `tests/fuzz_replay.rs` calls
//!   on stable over the seeds and regressions.
//! - [`ledger`]: the price ledger's scenario, recording lines with the
//!   answers computed by hand (the ledger's and the CLI's tests).
//! - [`reference`]: the rule reference, docs/RULES-REFERENCE.md, generated
//!   from the registry, the catalogue and the corpus (the `rule-reference`
//!   binary writes it).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers: a broken corpus file or a broken invariant must stop the test run loudly, and generated data indexes its own tables"
)]

pub mod audit_history;
pub mod catalogue;
pub mod corpus;
pub mod fuzz_targets;
pub mod fuzzdoc;
pub mod gen;
pub mod imports;
pub mod invariants;
pub mod json_path;
pub mod ledger;
pub mod reference;
