//! The JSON interface, owned once: what every adapter prints and hands out.
//!
//! The CLI and the npm package are thin adapters over this module (as
//! cedar-policy's `ffi` module is for its CLI and WASM build): the report line
//! and the `{"error": {...}}` line of a check, byte for byte what `check
//! --format json`, `check --jsonl` and `checkJson` print; the catalogue entry
//! both list; the built-in campaigns both hand out.
//!
//! ```
//! use badge_rules::{api, Options};
//!
//! let line = api::answer_line(br#"{"kind": "applicationLookup", "applicationId": "x"}"#, &Options::default());
//! assert!(line.starts_with(r#"{"verdict":"REJECT","violations":[{"code":"BB8""#));
//! assert_eq!(
//!     api::answer_line(b"{", &Options::default()),
//!     r#"{"error":{"kind":"syntax","code":"NOT_JSON","path":"","message":"not valid JSON at line 1, column 1: EOF while parsing an object","params":{"column":"1","detail":"EOF while parsing an object","line":"1"},"line":1,"column":1}}"#,
//! );
//! ```
//!
//! One file per entry point, as cedar-policy's `ffi` module has: `check`
//! (a document's report or input error, as a line), `allegro` (Allegro's
//! answer predicted), `codes` (the catalogue and the built-in campaigns),
//! `plan_lines` (a plan's JSON lines and CSV records), `options` (each entry
//! point's options, as both adapters read them).

mod allegro;
mod check;
mod codes;
mod options;
mod plan_lines;

pub use allegro::{allegro_line, allegro_line_into, allegro_response};
pub use check::{
    answer_line, answer_line_into, check_bytes, error_line, error_line_in, report_line,
};
pub use codes::{
    built_in_campaigns, catalogue, CatalogueEntry, CheckKind, EvidenceKind, Retry, RouteEntry,
};
pub use options::{lang_options, AnswerFormat, CheckOptions, OptionsError, PlanOptions};
pub use plan_lines::{
    plan_csv_header, plan_csv_header_in, plan_csv_row, plan_csv_row_in, plan_line, CsvDialect,
};
