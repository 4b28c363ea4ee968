//! # badge-rules-ledger
//!
//! The price ledger: keeps what Allegro's responses say about offer prices,
//! in an SQLite database, and replays it as the `metrics.priceHistory` a
//! check document wants, so that the market ladder has its M. Allegro
//! computes M (the lowest price of the 30 days before a discount) but no
//! API resource returns it; the ledger keeps the history from the responses
//! an integrator already fetches.
//!
//! An I/O adapter: the engine (`badge_rules`) stays pure and owns the
//! computation of M ([`badge_rules::lowest`]); the ledger only stores and
//! replays prices, and says where its history has gaps that could hide a
//! lower price (docs/LEDGER.md defines the model).
//!
//! ```
//! use badge_rules_ledger::{pages, Ledger};
//!
//! let dir = std::env::temp_dir().join(format!("ledger-doc-lib-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut ledger = Ledger::open(&dir.join("prices.db")).unwrap();
//! let page = pages::parse(r#"{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [
//!     {"id": "123", "sellingMode": {"price": {"amount": "200.00", "currency": "PLN"}}}
//! ], "count": 1, "totalCount": 1}}"#, None).unwrap();
//! ledger.record(&page).unwrap();
//! let at = "2026-11-20T00:00:00Z".parse().unwrap();
//! let lowest = ledger.lowest("123", at).unwrap();
//! assert_eq!(lowest.lowest_price_30_days.unwrap().amount.to_string(), "200.00");
//! // Nobody watched the event feed: 200.00 is all that was seen.
//! assert!(!lowest.exact);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

mod answers;
mod document_bytes;
mod error;
mod ledger;
pub mod model;
pub mod pages;
pub mod recording;
pub mod store;
mod sync_state;
mod time;

/// The former name of [`recording`], kept for the code that calls it so.
pub use recording as input;

pub use answers::{Filled, GapOut, History, Lowest, Question};
pub use error::LedgerError;
pub use ledger::Ledger;
pub use sync_state::{EventCursor, SyncLock};
pub use time::{instant_of, millis_of};
