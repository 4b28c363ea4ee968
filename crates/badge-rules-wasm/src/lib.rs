//! The WebAssembly adapter of badge-rules: the npm package's bindings.
//!
//! Every function calls the core's JSON surface ([`badge_rules::api`]) and
//! nothing else: no rule, no report shape, no text lives here. The boundary
//! is JSON text (measured faster than serde-wasm-bindgen, BENCHMARKS.md): an
//! object is written with the engine's own `JSON.stringify`, the answer read
//! back with `JSON.parse`. An input error is thrown as an `Error` whose `path`,
//! `kind`, `code` and `params` properties name it (`js.rs`; the package's
//! entry rethrows it as a `BadgeRulesError`); nothing here can panic on input.
//!
//! The package ships two modules built from this crate, so that a page that
//! only checks does not load the planner: `badge_rules_bg.wasm` (the `check`
//! feature, on by default: `check.rs`) behind `badge-rules`, and
//! `badge_rules_plan_bg.wasm` (`--no-default-features --features plan`:
//! `plan.rs`) behind `badge-rules/plan`. `make wasm` builds both.

#[cfg(feature = "check")]
mod check;
mod js;
#[cfg(feature = "plan")]
mod plan;
mod typescript;
