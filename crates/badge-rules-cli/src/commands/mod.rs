//! One module per command: each reads its arguments, does the work through
//! the library and writes its output.

pub(crate) mod audit;
pub(crate) mod check;
pub(crate) mod codes;
pub(crate) mod ledger;
pub(crate) mod plan;
pub(crate) mod rules;
pub(crate) mod serve;
pub(crate) mod sync;
pub(crate) mod terms;
