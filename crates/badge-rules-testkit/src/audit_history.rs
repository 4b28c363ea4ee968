//! A generated history for the audit (`badge-rules audit`, docs/AUDIT.md):
//! campaigns with hidden discount terms, the check documents an integrator
//! sent to `check --jsonl`, and Allegro's outcomes drawn from the hidden
//! terms (GET /sale/badge-applications and GET /sale/badges recording lines),
//! with noise: pages fetched late and out of order (an application seen
//! REQUESTED after it was seen final), resubmissions after a decline,
//! server-only refusals (BA18), applications still pending, checks never
//! submitted and submissions never checked.
//!
//! Half the campaigns (even index) have their terms in the documents (the
//! engine decides), the others not (the engine says INCOMPLETE). In the
//! first, a few documents carry a stale M, higher than Allegro's: the
//! engine's answer and Allegro's can then differ, and [`Planted`] counts
//! what the audit must find, worked out here from the terms with integer
//! arithmetic, independently of the engine.

use std::collections::BTreeMap;

use serde_json::{json, Value};

/// What the history planted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planted {
    /// Decided pairs (ACCEPT or REJECT predicted, final outcome, not server-only).
    pub decided: u64,
    /// Of them, agreeing.
    pub agreed: u64,
    /// The offers of the disagreeing pairs, sorted.
    pub disagreeing: Vec<String>,
    /// INCOMPLETE pairs with a final outcome (not server-only).
    pub incomplete: u64,
    /// Pairs still pending.
    pub pending: u64,
    /// Pairs declined with BA18 only.
    pub server_only: u64,
    /// Checks never submitted.
    pub unsubmitted: u64,
    /// Submissions never checked.
    pub unchecked: u64,
    /// Resubmissions (second pairs of an offer).
    pub resubmissions: u64,
}

/// The generated history.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Check documents, one JSON line each.
    pub predictions: Vec<String>,
    /// Recording lines: GET /sale/badge-applications and GET /sale/badges pages.
    pub outcomes: Vec<String>,
    /// The hidden terms, per campaign: (minPercent, maxPercent) in basis points.
    pub hidden: BTreeMap<String, (i64, i64)>,
    /// What the audit must count.
    pub planted: Planted,
    /// Per INCOMPLETE pair with a final, non-server-only outcome: the
    /// document's line index in `predictions` and Allegro's decision
    /// (`None`: accepted, else the code).
    pub allegro_said: Vec<(usize, Option<&'static str>)>,
}

/// A small seeded generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The market ladder on B and M (grosze) with the terms (basis points):
/// `None` accepted, else the code.
pub fn ladder(b: i64, m: i64, min: i64, max: i64) -> Option<&'static str> {
    let off = (i128::from(m) - i128::from(b)) * 10_000;
    let m = i128::from(m);
    if b > m as i64 {
        Some("BA14")
    } else if b == m as i64 {
        Some("BA13")
    } else if off < 100 * m {
        Some("BA16")
    } else if off < i128::from(min) * m {
        Some("BA49")
    } else if off > i128::from(max) * m {
        Some("BA50")
    } else {
        None
    }
}

fn money(g: i64) -> Value {
    json!({"amount": format!("{}.{:02}", g / 100, g % 100), "currency": "PLN"})
}

fn time(base: i64, seconds: i64) -> String {
    let t = base + seconds;
    let (days, rest) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    // Days from 2026-01-01 (base 0), written through chrono-free arithmetic:
    // the history stays within 2026 for every size used.
    let mut month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].into_iter();
    let (mut month, mut day) = (1, days);
    for len in month_days.by_ref() {
        if day < len {
            break;
        }
        day -= len;
        month += 1;
    }
    format!(
        "2026-{month:02}-{:02}T{:02}:{:02}:{:02}Z",
        day + 1,
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

fn document(
    now: &str,
    campaign: &str,
    offer: &str,
    bargain: i64,
    m: i64,
    terms: Option<(i64, i64)>,
) -> String {
    let mut doc = json!({
        "kind": "application",
        "allegroPrices": {"offers": []},
        "now": now,
        "request": {"campaign": {"id": campaign}, "offer": {"id": offer},
                    "prices": {"bargain": money(bargain)}},
        "campaigns": [{"id": campaign, "name": campaign, "type": "DISCOUNT",
            "marketplace": {"id": "allegro-pl"},
            "eligibility": {"eligible": true, "refusalReasons": []},
            "application": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"},
            "visibility": {"type": "ALWAYS"}, "stockReservationIsRequired": false}],
        "offer": {"id": offer, "sellingMode": {"format": "BUY_NOW", "price": money(m)},
            "stock": {"available": 25},
            "publication": {"status": "ACTIVE", "startedAt": "2025-10-01T08:00:00Z"},
            "category": {"id": "257150"}, "seller": {"id": "1001"}},
        "account": {"id": "1001", "company": true, "meetsQualityCriteria": true},
        "metrics": {"lowestPrice30Days": money(m)},
        "badges": [],
        "applications": []
    });
    if let Some((min, max)) = terms {
        doc["terms"] = json!({"discount": {"minPercent": bp(min), "maxPercent": bp(max)}});
    }
    doc.to_string()
}

fn bp(v: i64) -> String {
    if v % 100 == 0 {
        (v / 100).to_string()
    } else {
        format!("{}.{:02}", v / 100, v % 100)
    }
}

/// A history of `applications` first submissions over `campaigns`
/// campaigns, from `seed`.
pub fn history(applications: usize, campaigns: usize, seed: u64) -> History {
    let mut rng = Rng(seed.max(1));
    let mut h = History::default();
    let campaigns = campaigns.max(1);
    let terms: Vec<(String, i64, i64, bool)> = (0..campaigns)
        .map(|k| {
            let min = 1000 + (rng.below(30) as i64) * 100;
            let max = (min + 2000 + rng.below(20) as i64 * 100).min(9000);
            (format!("CAMP{k:02}"), min, max, k % 2 == 0)
        })
        .collect();
    for (name, min, max, _) in &terms {
        h.hidden.insert(name.clone(), (*min, *max));
    }
    // Base: 2026-01-01; each application a minute after the last.
    let mut applications_page: Vec<(i64, Value)> = Vec::new();
    for i in 0..applications {
        let (campaign, min, max, known) = &terms[i % campaigns];
        let offer = format!("{}", 1_000_000 + i);
        let m = 10_000 + rng.below(40_000) as i64;
        let stale = *known && rng.chance(5);
        let allegro_m = if stale { m * 9 / 10 } else { m };
        let mut rounds = vec![(rng.below(9000) as i64 + 200).clamp(200, 9500)];
        let t0 = (i as i64) * 60;
        let mut round = 0;
        while let Some(target) = rounds.pop() {
            let now = t0 + round * 7200;
            let bargain = m * (10_000 - target) / 10_000;
            let line = h.predictions.len();
            h.predictions.push(document(
                &time(0, now),
                campaign,
                &offer,
                bargain,
                m,
                known.then_some((*min, *max)),
            ));
            let predicted = known.then(|| ladder(bargain, m, *min, *max));
            if round == 0 && rng.chance(2) {
                h.planted.unsubmitted += 1;
                break;
            }
            let created = now + 30;
            let id = format!("app-{i}-{round}");
            let pending = rng.chance(2);
            let server = !pending && rng.chance(3);
            let truth = ladder(bargain, allegro_m, *min, *max);
            let status = if pending {
                "REQUESTED"
            } else if server || truth.is_some() {
                "DECLINED"
            } else {
                "PROCESSED"
            };
            let codes: Vec<&str> = if server {
                vec!["BA18"]
            } else {
                truth.into_iter().collect()
            };
            let reasons: Vec<Value> = codes
                .iter()
                .map(|c| json!({"code": c, "messages": []}))
                .collect();
            let app = |status: &str, reasons: &[Value]| {
                json!({"id": id, "createdAt": time(0, created), "campaign": {"id": campaign},
                       "offer": {"id": offer}, "prices": {"bargain": money(bargain)},
                       "process": {"status": status, "rejectionReasons": reasons}})
            };
            // Seen REQUESTED a minute after, and final a day after; the
            // REQUESTED page is sometimes recorded after the final one.
            applications_page.push((created + 60, app("REQUESTED", &[])));
            if !pending {
                applications_page.push((created + 86_400, app(status, &reasons)));
                let badge_status = if status == "PROCESSED" {
                    "ACTIVE"
                } else {
                    "DECLINED"
                };
                h.outcomes.push(
                    json!({"fetchedAt": time(0, created + 90_000), "query": {"marketplace.id": "allegro-pl"},
                        "response": {"badges": [{"offer": {"id": offer}, "campaign": {"id": campaign},
                            "publication": {"type": "SINCE", "from": time(0, created + 3600), "to": null},
                            "prices": {"bargain": money(bargain), "market": money(allegro_m)},
                            "process": {"status": badge_status, "rejectionReasons": reasons}}]}})
                    .to_string(),
                );
            }
            if round > 0 {
                h.planted.resubmissions += 1;
            }
            if pending {
                h.planted.pending += 1;
            } else if server {
                h.planted.server_only += 1;
            } else {
                match predicted {
                    None => {
                        h.planted.incomplete += 1;
                        h.allegro_said.push((line, truth));
                    }
                    Some(p) => {
                        h.planted.decided += 1;
                        if p == truth {
                            h.planted.agreed += 1;
                        } else {
                            h.planted.disagreeing.push(offer.clone());
                        }
                    }
                }
            }
            // Declined as too shallow: sometimes sent again, deeper, after a new check.
            if round == 0 && codes == ["BA49"] && rng.chance(30) {
                rounds.push((*min + 500).min(9500));
            }
            round += 1;
        }
        if rng.chance(1) {
            // Sent without a check: a pair the audit cannot join.
            let stray = format!("{}", 9_000_000 + i);
            applications_page.push((
                t0 + 120,
                json!({"id": format!("stray-{i}"), "createdAt": time(0, t0 + 90), "campaign": {"id": campaign},
                       "offer": {"id": stray}, "process": {"status": "PROCESSED", "rejectionReasons": []}}),
            ));
            h.planted.unchecked += 1;
        }
    }
    // Pages of up to 50 applications, in fetch order, every seventh page
    // swapped with the next (recorded late).
    applications_page.sort_by_key(|(at, _)| *at);
    let mut pages: Vec<String> = applications_page
        .chunks(50)
        .map(|chunk| {
            let at = chunk.last().map_or(0, |(at, _)| *at);
            let list: Vec<&Value> = chunk.iter().map(|(_, a)| a).collect();
            json!({"fetchedAt": time(0, at), "response": {"badgeApplications": list}}).to_string()
        })
        .collect();
    for i in (0..pages.len().saturating_sub(1)).step_by(7) {
        pages.swap(i, i + 1);
    }
    h.outcomes.extend(pages);
    h.planted.disagreeing.sort();
    h
}
