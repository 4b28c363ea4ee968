//! What a run of `sync` says at the end: one line, for people or (with
//! `--format json`) for programs, and a warning when the event feed was
//! last read longer ago than Allegro keeps events.

use badge_rules_ledger::instant_of;
use serde_json::{json, Value};

use crate::progress::grouped;
use crate::sync::cursor::EVENTS_KEPT_MS;

/// The counts of one run.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub(crate) pages: u64,
    pub(crate) offers: u64,
    pub(crate) events: u64,
    pub(crate) badges: u64,
    pub(crate) applications: u64,
    pub(crate) operations: u64,
    pub(crate) retries: u64,
    pub(crate) refreshed: u64,
    pub(crate) refused: u64,
    pub(crate) saved: u64,
    pub(crate) resumed: bool,
    /// The stretch of the feed this run's pages vouch for, in ms.
    pub(crate) watched: Option<(i64, i64)>,
    /// How long the feed went unread before this run, when longer than
    /// Allegro keeps events, in ms.
    pub(crate) missed: Option<i64>,
}

fn time(ms: i64) -> String {
    instant_of(ms).map(|i| i.to_string()).unwrap_or_default()
}

fn hours(ms: i64) -> f64 {
    (ms as f64 / 360_000.0).round() / 10.0
}

impl Summary {
    /// The warning of a missed stretch.
    pub(crate) fn warning(&self) -> Option<String> {
        self.missed.map(|gap| {
            format!(
                "the event feed was last read {} h ago, more than the {} h Allegro keeps events: events may be lost, and the ledger leaves that stretch unwatched",
                hours(gap),
                EVENTS_KEPT_MS / 3_600_000
            )
        })
    }

    pub(crate) fn json(&self) -> Value {
        json!({
            "pages": self.pages,
            "offers": self.offers,
            "events": self.events,
            "badges": self.badges,
            "applications": self.applications,
            "operations": self.operations,
            "retries": self.retries,
            "tokenRefreshed": self.refreshed,
            "refused": self.refused,
            "saved": self.saved,
            "resumed": self.resumed,
            "watched": self.watched.map(|(from, to)| json!({
                "from": time(from), "to": time(to), "hours": hours(to - from)
            })),
            "missedHours": self.missed.map(hours),
            "warning": self.warning(),
        })
    }

    pub(crate) fn text(&self) -> String {
        let mut line = format!(
            "badge-rules sync: {} pages, {} offers, {} events, {} badges",
            grouped(self.pages),
            grouped(self.offers),
            grouped(self.events),
            grouped(self.badges)
        );
        if self.applications + self.operations > 0 {
            line.push_str(&format!(
                ", {} applications, {} operations",
                grouped(self.applications),
                grouped(self.operations)
            ));
        }
        line.push_str(&format!(", {} retries", grouped(self.retries)));
        if self.refused > 0 {
            line.push_str(&format!(", {} refused", grouped(self.refused)));
        }
        match self.watched {
            Some((from, to)) => line.push_str(&format!(
                "; watched {} to {} ({} h)",
                time(from),
                time(to),
                hours(to - from)
            )),
            None => line.push_str("; no stretch of the event feed watched"),
        }
        if self.resumed {
            line.push_str("; resumed an interrupted run");
        }
        if let Some(w) = self.warning() {
            line.push_str("; warning: ");
            line.push_str(&w);
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_the_stretch_and_warns_of_a_missed_day() {
        let mut s = Summary {
            pages: 3,
            offers: 2500,
            watched: Some((0, 7_200_000)),
            ..Summary::default()
        };
        assert_eq!(
            s.text(),
            "badge-rules sync: 3 pages, 2,500 offers, 0 events, 0 badges, 0 retries; watched 1970-01-01T00:00:00Z to 1970-01-01T02:00:00Z (2 h)"
        );
        assert_eq!(s.json()["warning"], Value::Null);
        s.missed = Some(30 * 3_600_000);
        assert!(s.text().contains("last read 30 h ago, more than the 24 h"));
        assert_eq!(s.json()["missedHours"], json!(30.0));
    }
}
