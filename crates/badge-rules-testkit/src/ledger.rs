//! The price ledger's scenario (docs/LEDGER.md): fourteen offers,
//! snapshots, events and badges over October and November 2026, one per gap
//! rule and its other side, a campaign's price, a declined badge, an offer
//! on two marketplaces, as the recording lines a polling job writes, with
//! the answers computed by hand. Read by the ledger's tests and the CLI's.

use serde_json::{json, Value};

/// `2026-MM-DDTHH:00:00Z`.
pub fn t(month: u32, day: u32, hour: u32) -> String {
    format!("2026-{month:02}-{day:02}T{hour:02}:00:00Z")
}

/// One GET /sale/offers item.
pub fn offer(id: &str, amount: &str, currency: &str, market: &str, status: &str) -> Value {
    json!({
        "id": id,
        "name": format!("Offer {id}"),
        "sellingMode": {"format": "BUY_NOW", "price": {"amount": amount, "currency": currency}},
        "stock": {"available": 5, "sold": 0},
        "publication": {"status": status, "startedAt": "2026-01-01T00:00:00Z",
                        "marketplaces": {"base": {"id": market}, "additional": []}}
    })
}

/// One GET /sale/badges item: `status` with `bargain` (PLN) and a
/// publication `[from, to]` when given.
pub fn badge(
    offer: &str,
    campaign: &str,
    status: &str,
    bargain: Option<&str>,
    publication: Option<(&str, &str)>,
) -> Value {
    let prices = bargain.map(|b| {
        json!({"bargain": {"amount": b, "currency": "PLN"}, "market": {"amount": "102.98", "currency": "PLN"}})
    });
    let publication =
        publication.map(|(from, to)| json!({"type": "WITHIN", "from": from, "to": to}));
    json!({"offer": {"id": offer}, "campaign": {"id": campaign, "name": "Strefa okazji"},
           "publication": publication, "prices": prices,
           "process": {"status": status, "rejectionReasons": []}})
}

/// A recording line of a GET /sale/badges page of allegro-pl fetched at `at`.
pub fn badges_line(at: &str, badges: Vec<Value>) -> String {
    json!({"fetchedAt": at, "query": {"marketplace.id": "allegro-pl", "limit": 1000}, "response": {"badges": badges}})
        .to_string()
}

/// Offer 1014, on allegro-pl at `pl` PLN and on allegro-cz at `cz` CZK.
pub fn two_markets(pl: &str, cz: &str) -> Value {
    let mut o = offer("1014", pl, "PLN", "allegro-pl", "ACTIVE");
    o["publication"]["marketplaces"]["additional"] = json!([{"id": "allegro-cz"}]);
    o["additionalMarketplaces"] = json!({"allegro-cz": {"publication": {"state": "APPROVED"},
        "sellingMode": {"price": {"amount": cz, "currency": "CZK"}}}});
    o
}

/// A recording line of a GET /sale/offers page fetched at `at`.
pub fn offers_line(at: &str, offers: Vec<Value>) -> String {
    let count = offers.len();
    json!({"fetchedAt": at, "response": {"offers": offers, "count": count, "totalCount": count}})
        .to_string()
}

/// One GET /sale/offer-events item.
pub fn event(id: &str, at: &str, kind: &str, offer: &str) -> Value {
    json!({"id": id, "occurredAt": at, "type": kind, "offer": {"id": offer, "external": {"id": "x"}}})
}

/// The event feed polled once a day at midnight from 20 October to 30
/// November, each poll asking for the events after the last one seen:
/// `events` (sorted by time) go to the first poll after them.
pub fn event_lines(events: &[Value]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut from: Option<String> = None;
    let mut rest = events.iter().peekable();
    let polls = (20..=31).map(|d| (10, d)).chain((1..=30).map(|d| (11, d)));
    for (i, (month, day)) in polls.enumerate() {
        let at = t(month, day, 0);
        let mut page = Vec::new();
        if i == 0 {
            // Something happened in the hour before the first poll.
            page.push(event("E0", &t(10, 19, 23), "OFFER_STOCK_CHANGED", "9999"));
        }
        while let Some(e) =
            rest.next_if(|e| e["occurredAt"].as_str().is_some_and(|o| o <= at.as_str()))
        {
            page.push(e.clone());
        }
        let mut query = json!({"limit": 1000, "type": ["OFFER_PRICE_CHANGED", "OFFER_ENDED", "OFFER_ARCHIVED", "OFFER_ACTIVATED", "OFFER_STOCK_CHANGED"]});
        if let Some(f) = &from {
            query["from"] = json!(f);
        }
        if let Some(last) = page.last() {
            from = last["id"].as_str().map(str::to_owned);
        }
        lines.push(
            json!({"fetchedAt": at, "query": query, "response": {"offerEvents": page}}).to_string(),
        );
    }
    lines
}

/// Every recording line of the scenario.
pub fn scenario() -> Vec<String> {
    let pl = |id: &str, amount: &str| offer(id, amount, "PLN", "allegro-pl", "ACTIVE");
    let mut lines = vec![
        offers_line(&t(10, 10, 12), vec![pl("1004", "80.00")]),
        offers_line(
            &t(10, 20, 12),
            vec![
                pl("1001", "200.00"),
                pl("1011", "102.98"),
                pl("1012", "102.98"),
                pl("1013", "90.00"),
                two_markets("50.00", "300.00"),
            ],
        ),
        offers_line(&t(10, 21, 12), vec![pl("1006", "70.00")]),
        offers_line(
            &t(10, 22, 12),
            vec![
                pl("1005", "120.00"),
                pl("1007", "60.00"),
                pl("1008", "60.00"),
            ],
        ),
        offers_line(
            &t(10, 25, 12),
            vec![
                pl("1002", "300.00"),
                pl("1003", "150.00"),
                offer("1010", "1000.00", "CZK", "allegro-cz", "ACTIVE"),
            ],
        ),
        offers_line(&t(11, 2, 12), vec![pl("1004", "95.00")]),
        offers_line(
            &t(11, 6, 12),
            vec![pl("1001", "180.00"), pl("1013", "110.00")],
        ),
        offers_line(&t(11, 8, 12), vec![pl("1005", "100.00")]),
        offers_line(
            &t(11, 9, 12),
            vec![pl("1007", "40.00"), pl("1008", "45.00")],
        ),
        offers_line(
            &t(11, 10, 12),
            vec![
                pl("1006", "70.00"),
                pl("1009", "500.00"),
                two_markets("50.00", "280.00"),
            ],
        ),
        // The campaign: 86.61 for buyers from 14 to 18 November while
        // /sale/offers shows 102.98 throughout; the badge of 1012 declined.
        badges_line(
            &t(11, 10, 12),
            vec![
                badge(
                    "1011",
                    "BARGAIN",
                    "WAITING_FOR_PUBLICATION",
                    Some("86.61"),
                    Some((&t(11, 14, 0), &t(11, 18, 0))),
                ),
                badge("1012", "BARGAIN", "IN_VERIFICATION", Some("86.61"), None),
            ],
        ),
        badges_line(
            &t(11, 15, 12),
            vec![
                badge(
                    "1011",
                    "BARGAIN",
                    "ACTIVE",
                    Some("86.61"),
                    Some((&t(11, 14, 0), &t(11, 18, 0))),
                ),
                badge("1012", "BARGAIN", "DECLINED", Some("86.61"), None),
            ],
        ),
        badges_line(
            &t(11, 20, 12),
            vec![badge(
                "1011",
                "BARGAIN",
                "FINISHED",
                Some("86.61"),
                Some((&t(11, 14, 0), &t(11, 18, 0))),
            )],
        ),
        offers_line(
            &t(11, 26, 12),
            vec![
                pl("1011", "102.98"),
                pl("1012", "102.98"),
                two_markets("50.00", "280.00"),
            ],
        ),
        offers_line(&t(11, 12, 12), vec![pl("1002", "290.00")]),
        offers_line(&t(11, 16, 12), vec![pl("1001", "210.00")]),
        // GET /sale/product-offers/{offerId}: one offer, as the resource.
        json!({"fetchedAt": t(11, 25, 12), "response": pl("1006", "70.00")}).to_string(),
    ];
    let changed = |id: &str, at: String, offer: &str| event(id, &at, "OFFER_PRICE_CHANGED", offer);
    let mut on_pl_only = changed("E12", t(11, 12, 9), "1010");
    on_pl_only["offer"]["marketplaces"] = json!([{"id": "allegro-pl", "changeType": "MANUAL"}]);
    let mut on_cz_only = changed("E11", t(11, 9, 11), "1014");
    on_cz_only["offer"]["marketplaces"] = json!([{"id": "allegro-cz", "changeType": "MANUAL"}]);
    let events = vec![
        event("E1", &t(11, 3, 8), "OFFER_ENDED", "1007"),
        event("E2", &t(11, 3, 9), "OFFER_ENDED", "1008"),
        changed("E3", t(11, 5, 10), "1001"),
        changed("E10", t(11, 5, 11), "1013"),
        event("E4", &t(11, 7, 9), "OFFER_ACTIVATED", "1008"),
        changed("E5", t(11, 9, 10), "1009"),
        on_cz_only,
        changed("E6", t(11, 10, 10), "1002"),
        changed("E7", t(11, 11, 10), "1002"),
        on_pl_only,
        changed("E8", t(11, 15, 10), "1001"),
        changed("E9", t(11, 28, 10), "1003"),
    ];
    lines.extend(event_lines(&events));
    lines
}

/// One offer's expected answer: id, M (amount, currency), exact, gaps.
pub type Expected = (
    &'static str,
    Option<(&'static str, &'static str)>,
    bool,
    Vec<(String, String, &'static str)>,
);

/// What `ledger lowest` must answer at 2026-11-30T00:00:00Z (the window
/// opens on 31 October at midnight), computed by hand (docs/LEDGER.md):
/// offer, M, exact, the gaps `(from, to, kind)`.
pub fn expected() -> Vec<Expected> {
    let w0 = t(10, 31, 0);
    let at = t(11, 30, 0);
    vec![
        // Watched throughout, one change before each snapshot: exact.
        ("1001", Some(("180.00", "PLN")), true, vec![]),
        // Two changes before the snapshot of 12 November: 300.00 until the
        // first, 290.00 from the second, unknown in between.
        (
            "1002",
            Some(("290.00", "PLN")),
            false,
            vec![(t(11, 10, 10), t(11, 11, 10), "severalChanges")],
        ),
        // A change on 28 November and no snapshot since.
        (
            "1003",
            Some(("150.00", "PLN")),
            false,
            vec![(t(11, 28, 10), at.clone(), "awaitingSnapshot")],
        ),
        // 80.00 seen on 10 October, nobody watching until the 20th: unknown
        // from then until the snapshot of 2 November; 80.00 does not count.
        (
            "1004",
            Some(("95.00", "PLN")),
            false,
            vec![(w0.clone(), t(11, 2, 12), "unwatched")],
        ),
        // 100.00 on 8 November with no change event since 120.00.
        (
            "1005",
            Some(("100.00", "PLN")),
            false,
            vec![(w0.clone(), t(11, 8, 12), "unseenChange")],
        ),
        // The same price at every snapshot, watched, no event: exact.
        ("1006", Some(("70.00", "PLN")), true, vec![]),
        // Ended on 3 November, seen for sale again on the 9th without an
        // activation event.
        (
            "1007",
            Some(("40.00", "PLN")),
            false,
            vec![(t(11, 3, 8), t(11, 9, 12), "unseenReactivation")],
        ),
        // Ended, then activated (event) and seen: 45.00 from the activation.
        ("1008", Some(("45.00", "PLN")), true, vec![]),
        // The first thing recorded is a change: the price before it unknown.
        (
            "1009",
            Some(("500.00", "PLN")),
            false,
            vec![(w0, t(11, 9, 10), "beforeHistory")],
        ),
        // allegro-cz, in CZK; the change of 12 November was on allegro-pl only.
        ("1010", Some(("1000.00", "CZK")), true, vec![]),
        // 102.98 in /sale/offers throughout, 86.61 for buyers from 14 to 18
        // November (its badge seen waiting, active, finished).
        ("1011", Some(("86.61", "PLN")), true, vec![]),
        // The same with the badge declined: no campaign price was in force.
        ("1012", Some(("102.98", "PLN")), true, vec![]),
        // 90.00 until 5 November 11:00, then 110.00.
        ("1013", Some(("90.00", "PLN")), true, vec![]),
        // On allegro-pl 50.00 throughout (the change of 9 November named
        // allegro-cz only).
        ("1014", Some(("50.00", "PLN")), true, vec![]),
    ]
}

/// A question with a campaign or a marketplace, and its answer: offer,
/// marketplace, campaign, publication start, M, the reference M, exact.
pub type Asked = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<String>,
    (&'static str, &'static str),
    (&'static str, &'static str),
    bool,
);

/// What `ledger lowest` must answer at 2026-11-30T00:00:00Z when asked for a
/// campaign or a marketplace, computed by hand (docs/LEDGER.md).
pub fn asked() -> Vec<Asked> {
    vec![
        // M with the campaign's own earlier price; the reference without it.
        (
            "1011",
            None,
            Some("BARGAIN"),
            None,
            ("86.61", "PLN"),
            ("102.98", "PLN"),
            true,
        ),
        // Declined: never in force, both 102.98.
        (
            "1012",
            None,
            Some("BARGAIN"),
            None,
            ("102.98", "PLN"),
            ("102.98", "PLN"),
            true,
        ),
        // A campaign starting in a week: the 30 days before 7 December, from
        // 7 November; 90.00 (until 5 November) is out of them.
        (
            "1013",
            None,
            Some("BARGAIN"),
            Some(t(12, 7, 0)),
            ("110.00", "PLN"),
            ("110.00", "PLN"),
            true,
        ),
        // Another campaign starting on 20 December: its window (from 20
        // November) leaves out the campaign of 14-18 November.
        (
            "1011",
            None,
            Some("OTHER"),
            Some(t(12, 20, 0)),
            ("102.98", "PLN"),
            ("102.98", "PLN"),
            true,
        ),
        // Another campaign now: BARGAIN's price counts in both minima.
        (
            "1011",
            None,
            Some("OTHER"),
            None,
            ("86.61", "PLN"),
            ("86.61", "PLN"),
            true,
        ),
        // One offer, two marketplaces, each in its currency.
        (
            "1014",
            Some("allegro-pl"),
            None,
            None,
            ("50.00", "PLN"),
            ("50.00", "PLN"),
            true,
        ),
        (
            "1014",
            Some("allegro-cz"),
            None,
            None,
            ("280.00", "CZK"),
            ("280.00", "CZK"),
            true,
        ),
    ]
}
