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
//! first, some offers have a price history whose lowest price is below the
//! offer's price (a short price drop, an earlier badge of the same
//! campaign), so the documents' M (the offer's price) is stale, higher than
//! Allegro's: the engine's answer and Allegro's can then differ, and
//! [`Planted`] counts what the audit must find, worked out here from the
//! terms with integer arithmetic, independently of the engine.
//!
//! With [`Options::prices`], the history also holds the price recordings a
//! polling job writes for `ledger record` (GET /sale/offers pages, the
//! GET /sale/offer-events feed polled every six hours, GET /sale/badges
//! pages of earlier badges), and Allegro's `prices.market` of each badge is
//! the lowest price of that history under one [`Reading`] of M: the
//! readings differ where the history makes them (a price low only before
//! the reduction's window differs by anchor, an earlier badge of the same
//! campaign with and without campaign prices), so the audit's M check can
//! find which one the generator used.

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
    /// With [`Options::prices`]: the price recordings for `ledger record`
    /// (offers pages, the offer-events feed, earlier badges), in time order.
    /// The badges pages of `outcomes` belong to the ledger too.
    pub prices: Vec<String>,
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

/// `seconds` after 2026-01-01T00:00:00Z, in RFC 3339 (any year: the
/// civil date from the day count, after H. Hinnant's `civil_from_days`).
fn time(base: i64, seconds: i64) -> String {
    let t = base + seconds;
    let (days, rest) = (t.div_euclid(DAY), t.rem_euclid(DAY));
    // Days from 0000-03-01; 2026-01-01 is day 20,454 of the Unix epoch.
    let z = days + 20_454 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A day, in seconds.
const DAY: i64 = 86_400;

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

/// A reading of M (docs/LEDGER.md, "Two minima, one reading"): with or
/// without the campaign's own prices, the 30-day window ending at the
/// application or at the reduction's start.
///
/// ```
/// use badge_rules_testkit::audit_history::Reading;
/// assert_eq!(Reading::default().name(), "withCampaignPrices@reductionStart");
/// assert_eq!(Reading::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Earlier prices of the badge's own campaign count.
    pub campaign_prices: bool,
    /// The window ends at the reduction's start (`publication.from`), else
    /// at the application.
    pub at_reduction_start: bool,
}

impl Default for Reading {
    /// The directive's reading, the ledger's default.
    fn default() -> Self {
        Reading {
            campaign_prices: true,
            at_reduction_start: true,
        }
    }
}

impl Reading {
    /// The four readings.
    pub const ALL: [Reading; 4] = [
        Reading {
            campaign_prices: true,
            at_reduction_start: true,
        },
        Reading {
            campaign_prices: false,
            at_reduction_start: true,
        },
        Reading {
            campaign_prices: true,
            at_reduction_start: false,
        },
        Reading {
            campaign_prices: false,
            at_reduction_start: false,
        },
    ];

    /// Its name in the audit's report (`market.readings[].name`).
    pub fn name(self) -> String {
        format!(
            "{}CampaignPrices@{}",
            if self.campaign_prices {
                "with"
            } else {
                "without"
            },
            if self.at_reduction_start {
                "reductionStart"
            } else {
                "application"
            }
        )
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The index of the first application (offers and times follow from
    /// it, so batches with consecutive `first` make one history).
    pub first: usize,
    /// First submissions.
    pub applications: usize,
    /// Campaigns.
    pub campaigns: usize,
    /// The seed.
    pub seed: u64,
    /// The reading Allegro's `prices.market` follows.
    pub reading: Reading,
    /// Write the price recordings ([`History::prices`]).
    pub prices: bool,
}

/// A stretch of an offer's history with a price lower than its own:
/// `[from, to)`, the price, and whether it is a badge of the campaign
/// applied for.
#[derive(Debug, Clone, Copy)]
struct Low {
    from: i64,
    to: i64,
    price: i64,
    own_campaign: bool,
}

/// The lowest price under `reading` for an application at `applied`
/// whose reduction starts at `starts`, the offer's own price being `m`.
fn lowest(lows: &[Low], m: i64, reading: Reading, applied: i64, starts: i64) -> i64 {
    let end = if reading.at_reduction_start {
        starts
    } else {
        applied
    };
    let open = end - 30 * DAY;
    lows.iter()
        .filter(|l| reading.campaign_prices || !l.own_campaign)
        .filter(|l| l.from < end && l.to > open)
        .map(|l| l.price)
        .fold(m, i64::min)
}

/// The offer's lower stretches, drawn for an offer whose first application
/// is at `a` (none for a campaign whose terms the documents lack: there the
/// documents' M stays Allegro's under every reading).
fn lows(rng: &mut Rng, known: bool, a: i64, m: i64) -> Vec<Low> {
    if !known {
        return Vec::new();
    }
    match rng.below(10) {
        // Low only before the reduction's window: the anchor tells.
        7 => vec![Low {
            from: a - 31 * DAY,
            to: a - 30 * DAY + 1800,
            price: m * 8 / 10,
            own_campaign: false,
        }],
        // An earlier badge of the same campaign: campaign prices tell.
        8 => vec![Low {
            from: a - 10 * DAY,
            to: a - 9 * DAY,
            price: m * 9 / 10,
            own_campaign: true,
        }],
        // A short price drop: every reading sees it.
        9 => vec![Low {
            from: a - 5 * DAY,
            to: a - 4 * DAY,
            price: m * 85 / 100,
            own_campaign: false,
        }],
        _ => Vec::new(),
    }
}

fn offer_line(at: i64, offer: &str, price: i64) -> String {
    crate::ledger::offers_line(
        &time(0, at),
        vec![
            json!({"id": offer, "sellingMode": {"format": "BUY_NOW", "price": money(price)},
            "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": "allegro-pl"}, "additional": []}}}),
        ],
    )
}

/// The price recordings of one offer: a snapshot 40 days before its first
/// application, each own-price stretch as a change event and a snapshot a
/// minute later (and back), each earlier badge on a badges page.
fn recordings(
    offer: &str,
    campaign: &str,
    a: i64,
    m: i64,
    lows: &[Low],
    lines: &mut Vec<(i64, String)>,
    events: &mut Vec<(i64, String)>,
) {
    lines.push((a - 40 * DAY, offer_line(a - 40 * DAY, offer, m)));
    for l in lows {
        if l.own_campaign {
            let badge = json!({"offer": {"id": offer}, "campaign": {"id": campaign},
                "publication": {"type": "WITHIN", "from": time(0, l.from), "to": time(0, l.to)},
                "prices": {"bargain": money(l.price), "market": money(m)},
                "process": {"status": "FINISHED", "rejectionReasons": []}});
            lines.push((
                l.to + DAY,
                crate::ledger::badges_line(&time(0, l.to + DAY), vec![badge]),
            ));
        } else {
            for (at, price) in [(l.from, l.price), (l.to, m)] {
                events.push((at, offer.to_owned()));
                lines.push((at + 60, offer_line(at + 60, offer, price)));
            }
        }
    }
}

/// The offer-events feed polled every six hours from `start` to `end`,
/// each poll asking for the events after the last one seen, the first page
/// opening with an event at `start`.
fn feed(start: i64, end: i64, mut events: Vec<(i64, String)>) -> Vec<(i64, String)> {
    events.sort();
    let mut out = Vec::new();
    let mut from: Option<String> = None;
    let mut rest = events.into_iter().peekable();
    let mut n = 0u64;
    let mut poll = start;
    while poll < end + 6 * 3600 {
        let mut page = Vec::new();
        if from.is_none() {
            page.push(crate::ledger::event(
                "E0",
                &time(0, start),
                "OFFER_STOCK_CHANGED",
                "9999",
            ));
        }
        while let Some((at, offer)) = rest.next_if(|(at, _)| *at <= poll) {
            n += 1;
            page.push(crate::ledger::event(
                &format!("E{n}"),
                &time(0, at),
                "OFFER_PRICE_CHANGED",
                &offer,
            ));
        }
        let mut query = json!({"limit": 1000, "type": ["OFFER_PRICE_CHANGED", "OFFER_ENDED", "OFFER_ARCHIVED", "OFFER_ACTIVATED"]});
        if let Some(f) = &from {
            query["from"] = json!(f);
        }
        if let Some(last) = page.last() {
            from = last["id"].as_str().map(str::to_owned);
        }
        out.push((
            poll,
            json!({"fetchedAt": time(0, poll), "query": query, "response": {"offerEvents": page}})
                .to_string(),
        ));
        poll += 6 * 3600;
    }
    out
}

/// A history of `applications` first submissions over `campaigns`
/// campaigns, from `seed`, without price recordings, Allegro's M under the
/// default [`Reading`].
pub fn history(applications: usize, campaigns: usize, seed: u64) -> History {
    generate(&Options {
        first: 0,
        applications,
        campaigns,
        seed,
        reading: Reading::default(),
        prices: false,
    })
}

/// A history as `options` say.
pub fn generate(options: &Options) -> History {
    let mut rng = Rng(options.seed.max(1));
    let mut h = History::default();
    let campaigns = options.campaigns.max(1);
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
    // A later batch of a larger history draws from its own stream (the
    // terms above are the same in every batch).
    if options.first > 0 {
        rng =
            Rng((options.seed ^ (options.first as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).max(1));
    }
    let mut price_lines: Vec<(i64, String)> = Vec::new();
    let mut events: Vec<(i64, String)> = Vec::new();
    // Base: 2026-01-01; each application a minute after the last.
    let mut applications_page: Vec<(i64, Value)> = Vec::new();
    for i in options.first..options.first + options.applications {
        let Some((campaign, min, max, known)) = terms.get(i % campaigns) else {
            continue;
        };
        let offer = format!("{}", 1_000_000 + i);
        let m = 10_000 + rng.below(40_000) as i64;
        let t0 = (i as i64) * 60;
        let lows = lows(&mut rng, *known, t0 + 30, m);
        if options.prices {
            recordings(
                &offer,
                campaign,
                t0 + 30,
                m,
                &lows,
                &mut price_lines,
                &mut events,
            );
        }
        let mut rounds = vec![(rng.below(9000) as i64 + 200).clamp(200, 9500)];
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
            let starts = created + 3600;
            let allegro_m = lowest(&lows, m, options.reading, created, starts);
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
                applications_page.push((created + DAY, app(status, &reasons)));
                let badge_status = if status == "PROCESSED" {
                    "ACTIVE"
                } else {
                    "DECLINED"
                };
                h.outcomes.push(
                    json!({"fetchedAt": time(0, created + 90_000), "query": {"marketplace.id": "allegro-pl"},
                        "response": {"badges": [{"offer": {"id": offer}, "campaign": {"id": campaign},
                            "publication": {"type": "SINCE", "from": time(0, starts), "to": null},
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
    if options.prices {
        let first = (options.first as i64) * 60;
        let last = ((options.first + options.applications) as i64) * 60;
        price_lines.extend(feed(first - 41 * DAY, last + 4 * DAY, events));
        price_lines.sort_by_key(|(at, _)| *at);
        h.prices = price_lines.into_iter().map(|(_, l)| l).collect();
    }
    h.planted.disagreeing.sort();
    h
}
