//! What one run of `sync` fetches, in order: the event feed first (Allegro
//! keeps it only 24 hours), then the seller's offers, the badges of each
//! marketplace (`marketplace.id` is required since 2025-08-27), and for
//! the audit, when responses are saved, the badge applications and the
//! badge operations named.

use badge_rules::money::Marketplace;

/// One listing a run pages through (or one resource it reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// GET /sale/offers, every page.
    Offers,
    /// GET /sale/badges of one marketplace, every page.
    Badges(Marketplace),
    /// GET /sale/badge-applications, every page.
    Applications,
    /// GET /sale/badge-operations/{operationId}.
    Operation(String),
}

impl Step {
    /// Its name among the run's marks in the ledger.
    pub(crate) fn key(&self) -> String {
        match self {
            Step::Offers => "offers".into(),
            Step::Badges(m) => format!("badges.{}", m.id()),
            Step::Applications => "applications".into(),
            Step::Operation(id) => format!("operation.{id}"),
        }
    }

    /// The resource's path.
    pub(crate) fn path(&self) -> String {
        match self {
            Step::Offers => "/sale/offers".into(),
            Step::Badges(_) => "/sale/badges".into(),
            Step::Applications => "/sale/badge-applications".into(),
            Step::Operation(id) => format!("/sale/badge-operations/{id}"),
        }
    }

    /// The list a page of it holds (`None`: one resource, no pages).
    pub(crate) fn list(&self) -> Option<&'static str> {
        match self {
            Step::Offers => Some("offers"),
            Step::Badges(_) => Some("badges"),
            Step::Applications => Some("badgeApplications"),
            Step::Operation(_) => None,
        }
    }

    /// Whether the ledger reads its responses (the others are only saved,
    /// for the audit).
    pub(crate) fn recorded(&self) -> bool {
        matches!(self, Step::Offers | Step::Badges(_))
    }

    /// The query of the page at `offset`, `limit` long.
    pub(crate) fn query(&self, offset: u64, limit: u64) -> Vec<(String, String)> {
        let mut q = Vec::new();
        if let Step::Badges(m) = self {
            q.push(("marketplace.id".to_owned(), m.id().to_owned()));
        }
        if self.list().is_some() {
            q.push(("offset".to_owned(), offset.to_string()));
            q.push(("limit".to_owned(), limit.to_string()));
        }
        q
    }
}

/// The steps of a run after the event feed: offers, the badges of each of
/// `marketplaces`, and with `audit` the applications and `operations`.
pub(crate) fn steps(marketplaces: &[Marketplace], audit: bool, operations: &[String]) -> Vec<Step> {
    let mut steps = vec![Step::Offers];
    steps.extend(marketplaces.iter().copied().map(Step::Badges));
    if audit {
        steps.push(Step::Applications);
        steps.extend(operations.iter().cloned().map(Step::Operation));
    }
    steps
}

/// The path of the event feed.
pub(crate) const EVENTS: &str = "/sale/offer-events";

/// The query of an event page after `from`: every type (the first event of
/// any type anchors where the watch begins, and each moves the cursor), so
/// that the stretch the feed vouches for is as long as it can be.
pub(crate) fn events_query(from: Option<&str>, limit: u64) -> Vec<(String, String)> {
    let mut q = Vec::new();
    if let Some(from) = from {
        q.push(("from".to_owned(), from.to_owned()));
    }
    q.push(("limit".to_owned(), limit.to_string()));
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_are_asked_per_marketplace_and_audit_steps_only_when_saved() {
        let s = steps(&[Marketplace::Pl, Marketplace::Cz], false, &["x".into()]);
        assert_eq!(s.len(), 3);
        assert_eq!(
            s.get(1).map(|s| s.query(0, 1000)),
            Some(vec![
                ("marketplace.id".to_owned(), "allegro-pl".to_owned()),
                ("offset".to_owned(), "0".to_owned()),
                ("limit".to_owned(), "1000".to_owned())
            ])
        );
        let s = steps(&[], true, &["op1".into()]);
        assert_eq!(
            s.last().map(Step::path).as_deref(),
            Some("/sale/badge-operations/op1")
        );
        assert!(s.last().is_some_and(|s| s.query(0, 10).is_empty()));
        assert_eq!(events_query(Some("E1"), 5).len(), 2);
    }
}
