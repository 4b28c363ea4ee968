//! What every handler shares: the settings, the counters, the slots of the
//! in-flight bound and the ledger.

use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::config::Config;
use crate::ledger_access::LedgerAccess;
use crate::metrics::Metrics;

/// A running server's shared state.
#[derive(Debug)]
pub struct Shared {
    /// The settings it was started with.
    pub config: Config,
    /// Its counters.
    pub metrics: Metrics,
    /// One permit per request that may be in flight.
    pub(crate) slots: Arc<Semaphore>,
    /// The price ledger, when started with one.
    pub(crate) ledger: Option<Arc<LedgerAccess>>,
}

/// The state handlers are given.
pub type State = Arc<Shared>;

impl Shared {
    /// The state of a server with `config`: its ledger opened (created when
    /// absent).
    ///
    /// ```
    /// let state = badge_rules_server::Shared::new(badge_rules_server::Config::default()).unwrap();
    /// assert_eq!(state.config.max_in_flight, 256);
    /// ```
    ///
    /// # Errors
    ///
    /// Why the ledger cannot be opened.
    pub fn new(config: Config) -> Result<State, String> {
        let ledger = match &config.ledger {
            Some(path) => Some(Arc::new(
                LedgerAccess::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
            )),
            None => None,
        };
        Ok(Arc::new(Shared {
            slots: Arc::new(Semaphore::new(config.max_in_flight)),
            metrics: Metrics::default(),
            ledger,
            config,
        }))
    }
}
