//! How long `sync` waits before trying a request again: what `Retry-After`
//! asks for when Allegro sends it, else an exponential backoff with jitter
//! (a random wait between half and all of `base × 2^attempt`, capped), so
//! that jobs started by the same cron minute do not retry in step.

use std::time::{Duration, SystemTime};

/// The backoff of one run.
#[derive(Debug)]
pub(crate) struct Backoff {
    base: Duration,
    cap: Duration,
    /// xorshift64 state for the jitter.
    state: u64,
}

impl Backoff {
    /// The longest wait: also the longest `Retry-After` honoured.
    pub(crate) const CAP: Duration = Duration::from_secs(120);

    pub(crate) fn new(base: Duration) -> Self {
        let seed = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos().into())
            ^ u64::from(std::process::id()).rotate_left(32);
        Backoff {
            base,
            cap: Self::CAP,
            state: seed | 1,
        }
    }

    fn next_random(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }

    /// The wait before try `attempt + 1` (`attempt` from 0): `retry_after`
    /// when given, else the jittered backoff.
    pub(crate) fn delay(&mut self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(self.cap);
        }
        let full = self
            .base
            .saturating_mul(1u32.checked_shl(attempt.min(20)).unwrap_or(u32::MAX))
            .min(self.cap);
        let half = full / 2;
        let spread = u64::try_from((full - half).as_millis()).unwrap_or(u64::MAX);
        let jitter = if spread == 0 {
            0
        } else {
            self.next_random() % (spread + 1)
        };
        half + Duration::from_millis(jitter)
    }
}

/// `Retry-After`: seconds, or an HTTP date (the wait from `now` to it).
pub(crate) fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_honoured_in_seconds_or_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        // A date already past: try again at once.
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:30 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
        let mut b = Backoff::new(Duration::from_millis(100));
        assert_eq!(
            b.delay(0, Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        assert_eq!(b.delay(0, Some(Duration::from_secs(9999))), Backoff::CAP);
    }

    #[test]
    fn the_backoff_doubles_with_jitter_and_is_capped() {
        let mut b = Backoff::new(Duration::from_millis(100));
        for attempt in 0..6 {
            let full = Duration::from_millis(100 << attempt);
            for _ in 0..50 {
                let d = b.delay(attempt, None);
                assert!(d >= full / 2 && d <= full, "{attempt}: {d:?}");
            }
        }
        let d = b.delay(40, None);
        assert!(d <= Backoff::CAP && d >= Backoff::CAP / 2);
        // Not all the same: jitter.
        let waits: std::collections::BTreeSet<_> = (0..20).map(|_| b.delay(3, None)).collect();
        assert!(waits.len() > 1);
    }
}
