//! # badge-rules-ledger
//!
//! The price ledger: keeps what Allegro's responses say about offer prices,
//! in an SQLite database, and replays it as the `metrics.priceHistory` a
//! check document wants, so that the market ladder has its M.

pub mod model;
