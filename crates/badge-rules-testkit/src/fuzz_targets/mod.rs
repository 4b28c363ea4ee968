//! The body of every fuzz target: one function per target, taking the
//! fuzzer's bytes, that panics when an invariant fails. The libFuzzer
//! targets in `fuzz/fuzz_targets/` (nightly, `make fuzz`) and the replay
//! test `tests/fuzz_replay.rs` (stable, `make test`, over `fuzz/seeds/`,
//! `fuzz/corpus/` and `fuzz/regressions/`) call the same functions.
//!
//! ```
//! use badge_rules_testkit::fuzz_targets;
//! let run = fuzz_targets::target("check_json").unwrap();
//! run(br#"{"kind": "applicationLookup", "applicationId": "x"}"#);
//! assert_eq!(fuzz_targets::TARGETS.len(), 7);
//! ```
//!
//! One file per target: `check_json` and `structured` (the check document),
//! `allegro` (`--format allegro`), `plan_items` (the planner's items),
//! `plan_context` (the planner's context), `ledger` (the ledger's readers,
//! recording, `lowest`, `history`, `prune`), `cli_items` (how `plan` cuts
//! its inputs into items); `plan_outcomes` holds what every outcome of a
//! plan must satisfy.

pub mod allegro;
pub mod check_json;
pub mod cli_items;
pub mod ledger;
pub mod plan_context;
pub mod plan_items;
mod plan_outcomes;
pub mod structured;

/// A target's body: the fuzzer's bytes in, a panic when an invariant fails.
pub type Body = fn(&[u8]);

/// Every target: its name (its folder in `fuzz/seeds/` and
/// `fuzz/regressions/`, its binary in `fuzz/Cargo.toml`) and its body.
pub const TARGETS: &[(&str, Body)] = &[
    ("check_json", check_json::run),
    ("structured", structured::run),
    ("allegro", allegro::run),
    ("plan_items", plan_items::run),
    ("plan_context", plan_context::run),
    ("ledger", ledger::run),
    ("cli_items", cli_items::run),
];

/// The body of the target named `name`.
pub fn target(name: &str) -> Option<Body> {
    TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, run)| *run)
}
