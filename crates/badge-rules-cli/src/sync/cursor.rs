//! Where a run of `sync` starts: the event feed from the ledger's cursor
//! (the last event it holds from a watching page), unless the feed was last
//! read more than the 24 hours Allegro keeps events ago; each listing from
//! where an interrupted run stopped (its marks in the ledger, one per
//! listing, set after each page is committed), or from its start.

use badge_rules_ledger::{EventCursor, Ledger, LedgerError};

use crate::sync::plan::Step;

/// How long Allegro keeps offer events, in ms.
pub(crate) const EVENTS_KEPT_MS: i64 = 24 * 3_600_000;

/// How long an interrupted run is resumed; after that a run starts afresh
/// (a listing's offsets would no longer mean the same offers).
pub(crate) const RESUME_WITHIN_MS: i64 = 6 * 3_600_000;

/// The mark of a listing read to its end.
const DONE: &str = "done";

/// The mark saying when the run (perhaps interrupted) began.
const RUN: &str = "run";

/// Begins a run at `now_ms` (this machine's clock): resumes an interrupted
/// one that began less than [`RESUME_WITHIN_MS`] ago (`true`), else forgets
/// its marks.
pub(crate) fn begin(ledger: &mut Ledger, now_ms: i64) -> Result<bool, LedgerError> {
    let began = ledger.sync_mark(RUN)?.and_then(|t| t.parse::<i64>().ok());
    if began.is_some_and(|t| (0..RESUME_WITHIN_MS).contains(&(now_ms - t))) {
        return Ok(true);
    }
    ledger.clear_sync_marks()?;
    ledger.set_sync_mark(RUN, Some(&now_ms.to_string()))?;
    Ok(false)
}

/// The offset `step` goes on from (`None`: this run read it already).
pub(crate) fn next(ledger: &Ledger, step: &Step) -> Result<Option<u64>, LedgerError> {
    Ok(match ledger.sync_mark(&step.key())?.as_deref() {
        Some(DONE) => None,
        Some(n) => Some(n.parse().unwrap_or(0)),
        None => Some(0),
    })
}

/// After a page of `step` was committed: go on from `offset`.
pub(crate) fn advance(ledger: &mut Ledger, step: &Step, offset: u64) -> Result<(), LedgerError> {
    ledger.set_sync_mark(&step.key(), Some(&offset.to_string()))
}

/// `step` was read to its end.
pub(crate) fn done(ledger: &mut Ledger, step: &Step) -> Result<(), LedgerError> {
    ledger.set_sync_mark(&step.key(), Some(DONE))
}

/// The run is over: the next one starts afresh.
pub(crate) fn end(ledger: &mut Ledger) -> Result<(), LedgerError> {
    ledger.clear_sync_marks()
}

/// Where the event feed goes on from, with the ledger's cursor; and when
/// the feed was last read longer ago than Allegro keeps events (judged
/// with `now_ms`, Allegro's clock), how long ago: the run then reads the
/// feed from its oldest event, without `from`, so that no page claims to
/// vouch for the stretch whose events are lost.
pub(crate) fn events_from(
    cursor: Option<&EventCursor>,
    now_ms: i64,
) -> (Option<String>, Option<i64>) {
    match cursor {
        None => (None, None),
        Some(c) => {
            let gap = now_ms - c.watched_to;
            if gap > EVENTS_KEPT_MS {
                (None, Some(gap))
            } else {
                (Some(c.last_id.clone()), None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_older_than_a_day_is_not_followed() {
        let c = EventCursor {
            last_id: "E9".into(),
            last_at: 0,
            watched_to: 1_000,
        };
        assert_eq!(
            events_from(Some(&c), 1_000 + EVENTS_KEPT_MS),
            (Some("E9".into()), None)
        );
        assert_eq!(
            events_from(Some(&c), 1_001 + EVENTS_KEPT_MS),
            (None, Some(EVENTS_KEPT_MS + 1))
        );
        assert_eq!(events_from(None, 5), (None, None));
    }
}
