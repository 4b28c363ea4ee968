//! # badge-rules-server
//!
//! `badge-rules serve`: the engine as a long-lived sidecar speaking JSON
//! over HTTP/1.1, for backends that cannot spawn the CLI per document (PHP,
//! Java, ...). An I/O adapter over the core's `api` module: every body is
//! byte for byte the CLI's line for the same document. docs/SERVE.md
//! describes running it; `openapi.json` (served at `/v1/openapi.json`)
//! describes each endpoint.
//!
//! ```no_run
//! let config = badge_rules_server::Config::default(); // 127.0.0.1:8787
//! badge_rules_server::run(config).unwrap(); // until SIGTERM
//! ```
//!
//! The files, from the bottom up: [`token`] (the bearer token),
//! [`config`], [`metrics`], `envelope` (the error answers), `query` (a
//! request's options), `body` (reading bodies and batches), the price
//! ledger's access (`ledger_access`), [`state`]; the handlers (`check`,
//! `plan`, `catalogue`, `ledger`, `health`); `manners` (logs, token,
//! in-flight bound, deadline, panics), [`router`], [`mod@run`].

pub mod config;
pub mod metrics;
pub mod router;
pub mod run;
pub mod state;
pub mod token;

mod body;
mod catalogue;
mod check;
mod envelope;
mod health;
mod ledger;
mod ledger_access;
mod manners;
mod plan;
mod query;

pub use config::Config;
pub use health::OPENAPI;
pub use metrics::Metrics;
pub use router::{routes, with_manners};
pub use run::{run, serve, serve_app, start, start_with, Running};
pub use state::{Shared, State};
pub use token::Token;
