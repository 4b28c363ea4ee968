//! `plan --ledger`: an offer's `priceHistory` read from the price ledger
//! when its line has no market price figures (a `check` document is filled
//! by [`crate::document_fill`]).

use badge_rules::document::{Metrics, Offer};
use badge_rules::money::Marketplace;
use badge_rules::period::Instant;
use badge_rules_ledger::Question;

use crate::ledger_open::Connection;

/// Reads each offer's `priceHistory` from a price ledger when its line has
/// no market price figures.
pub(crate) struct Filler {
    /// The ledger, when one is asked for: this thread's connection, or why
    /// it could not be opened (the run then ends with status 2).
    pub(crate) ledger: Option<Connection>,
    /// The context's now: the history is read as of it.
    pub(crate) now: Option<Instant>,
    /// Empty metrics, for an offer line that gives none.
    pub(crate) empty: Option<Metrics>,
    /// The marketplace of the context's campaigns, when they all share one
    /// (`None`: the offer's base marketplace).
    pub(crate) marketplace: Option<Marketplace>,
    /// The campaign planned, when only one is: the ledger's question names
    /// it (its own prices left out of the reference minimum) and starts the
    /// window before its publication start when that is after now.
    pub(crate) campaign: Option<String>,
    /// That campaign's publication start.
    pub(crate) starts: Option<Instant>,
}

impl Filler {
    /// The metrics to plan `offer` with: `given`, or with the ledger's
    /// price history when `given` has no market price figures; the
    /// ledger's first failure goes to `error`.
    pub(crate) fn fill(
        &self,
        offer: &Offer,
        given: Option<Metrics>,
        error: &mut Option<String>,
    ) -> Option<Metrics> {
        let (Some(ledger), Some(now), Some(id)) = (&self.ledger, self.now, offer.id.as_deref())
        else {
            return given;
        };
        let ledger = match ledger {
            Ok(ledger) => ledger,
            Err(e) => {
                error.get_or_insert_with(|| e.clone());
                return given;
            }
        };
        if given
            .as_ref()
            .is_some_and(|m| m.lowest_price_30_days.is_some() || m.price_history.is_some())
        {
            return given;
        }
        let mut q = Question::new(id, now);
        q.marketplace = self.marketplace;
        q.campaign.clone_from(&self.campaign);
        q.starts = self.starts;
        match ledger.history_for(&q) {
            Ok(Some(history)) => {
                let mut metrics = given.or_else(|| self.empty.clone())?;
                metrics.price_history = Some(history.price_history);
                metrics.price_history_exact = Some(history.price_history_exact);
                Some(metrics)
            }
            Ok(None) => given,
            Err(e) => {
                error.get_or_insert_with(|| e.to_string());
                given
            }
        }
    }
}
