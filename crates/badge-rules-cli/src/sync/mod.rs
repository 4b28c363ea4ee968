//! The pieces of `badge-rules sync` (the command itself is
//! `commands/sync.rs`), from the bottom up: [`secret`] keeps a token out of
//! every text, [`token`] reads and refreshes it, [`retry`] says how long to
//! wait before trying again, [`client`] talks to Allegro, [`plan`] lists
//! what a run fetches, [`line`](mod@line) wraps a response as a recording line,
//! [`save`] keeps it in `--save DIR`, [`cursor`] is where a run resumes,
//! [`summary`] what it says at the end.

pub(crate) mod client;
pub(crate) mod cursor;
pub(crate) mod line;
pub(crate) mod plan;
pub(crate) mod retry;
pub(crate) mod save;
pub(crate) mod secret;
pub(crate) mod summary;
pub(crate) mod token;
