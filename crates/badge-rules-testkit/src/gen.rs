//! A seeded generator of check documents: realistic, varied, and often wrong
//! in the ways sellers' requests are wrong. Shared by the property tests and
//! the differential tests (the same seed gives the same document everywhere).

use serde_json::{json, Map, Value};

/// SplitMix64: small, seedable, good enough for test data.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    /// The generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    #[expect(
        clippy::should_implement_trait,
        reason = "an endless generator, not an iterator; renaming it would touch every caller"
    )]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// `true` `percent` times in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The `now` of most generated documents.
pub const NOW: &str = "2026-11-23T12:00:00Z";
const TIMES: &[&str] = &[
    "2026-05-23T12:00:00Z",
    "2026-05-23T12:00:01Z",
    "2026-10-24T12:00:00Z",
    "2026-11-22T12:00:00Z",
    "2026-11-22T12:00:01Z",
    "2026-11-23T11:59:59Z",
    "2026-11-23T12:00:00Z",
    "2026-11-23T13:00:00+01:00",
    "2026-11-23T12:00:01Z",
    "2026-12-01T00:00:00Z",
];
const CAMPAIGNS: &[(&str, &str)] = &[
    ("SANDBOX_TEST_CAMPAIGN", "DISCOUNT"),
    ("BARGAIN", "DISCOUNT"),
    ("HIT", "STANDARD"),
    ("PROWIZJA", "SOURCING"),
];
const OFFER: &str = "12345678";

/// `g` grosze as an amount string (`12345` is `"123.45"`).
pub fn grosze(g: u64) -> String {
    format!("{}.{:02}", g / 100, g % 100)
}

fn money(amount: String) -> Value {
    json!({"amount": amount, "currency": "PLN"})
}

/// A price in grosze around 200.00 PLN, sometimes anywhere.
fn price(r: &mut Rng) -> u64 {
    match r.below(4) {
        0 => 1 + r.below(100_000_000),
        _ => 5_000 + r.below(30_000),
    }
}

fn request_amount(r: &mut Rng, g: u64) -> Value {
    if r.chance(88) {
        return Value::String(grosze(g));
    }
    match r.below(10) {
        0 => json!("abc"),
        1 => json!("9,99"),
        2 => json!("1e3"),
        3 => json!(199.99),
        4 => json!("-5.00"),
        5 => json!("0.00"),
        6 => json!("1.234"),
        7 => json!(""),
        8 => json!("1234567890123456789012345678901234567890"),
        _ => json!("-0.00"),
    }
}

fn request_money(r: &mut Rng, g: u64) -> Value {
    let currency = if r.chance(92) {
        json!("PLN")
    } else {
        r.pick(&[json!("EUR"), json!("pln"), json!(null), json!(5)])
            .clone()
    };
    let mut m = Map::new();
    m.insert("amount".into(), request_amount(r, g));
    if !currency.is_null() {
        m.insert("currency".into(), currency);
    }
    Value::Object(m)
}

fn period(r: &mut Rng) -> Value {
    match r.below(8) {
        0..=2 => json!({"type": "ALWAYS"}),
        3 => json!({"type": "NEVER", "from": null, "to": null}),
        4 => json!({"type": "SINCE", "from": r.pick(TIMES)}),
        5 => json!({"type": "UNTIL", "to": r.pick(TIMES)}),
        _ => json!({"type": "WITHIN", "from": r.pick(TIMES), "to": r.pick(TIMES)}),
    }
}

fn campaign(r: &mut Rng, id: &str, kind: &str) -> Value {
    let mut c = json!({
        "id": id,
        "name": id,
        "type": kind,
        "marketplace": {"id": "allegro-pl"},
        "eligibility": {"eligible": true, "refusalReasons": []},
        "application": if r.chance(70) { json!({"type": "ALWAYS"}) } else { period(r) },
        "publication": if r.chance(70) { json!({"type": "ALWAYS"}) } else { period(r) },
        "visibility": if r.chance(80) { json!({"type": "ALWAYS"}) } else { period(r) },
        "stockReservationIsRequired": r.chance(15),
    });
    if r.chance(10) {
        let reasons = match r.below(3) {
            0 => json!([]),
            1 => json!([{"code": "BB1", "messages": [{"text": "quality", "link": null}]}]),
            _ => json!([{"code": "BB2", "messages": []}, {"code": "BA22", "messages": []}]),
        };
        c["eligibility"] = json!({"eligible": false, "refusalReasons": reasons});
    }
    if r.chance(5) {
        c.as_object_mut().unwrap().remove("type");
    }
    c
}

fn terms(r: &mut Rng) -> Value {
    let mut t = Map::new();
    if r.chance(30) {
        let min = r.below(50);
        let max = min + r.below(50);
        t.insert(
            "discount".into(),
            json!({"base": r.pick(&["MARKET", "MARKET", "BASE_PRICE", "AVERAGE_SELLING_PRICE"]),
                   "minPercent": min.to_string(), "maxPercent": max.to_string()}),
        );
    }
    if r.chance(20) {
        t.insert("minStock".into(), json!(r.below(5)));
    }
    if r.chance(15) {
        t.insert("requireNewCondition".into(), json!(true));
    }
    if r.chance(15) {
        t.insert("requireSmart".into(), json!(true));
    }
    if r.chance(15) {
        t.insert("maxOfferAgeMonths".into(), json!(6));
    }
    if r.chance(10) {
        t.insert("categoryIds".into(), json!(["257931", "4"]));
    }
    if r.chance(10) {
        t.insert("minSoldLast30Days".into(), json!(r.below(10)));
    }
    if r.chance(10) {
        t.insert("requireProductLink".into(), json!(true));
    }
    if r.chance(10) {
        t.insert(
            "audience".into(),
            json!(r.pick(&["ALL", "BUSINESS_ONLY", "CONSUMERS"])),
        );
    }
    if r.chance(10) {
        t.insert(
            "products".into(),
            json!([{"ean": "5901234123457", "maxPrice": money(grosze(price(r))), "minQuantity": r.below(8), "categoryId": "257931"}]),
        );
    }
    if r.chance(10) {
        t.insert(
            "subsidy".into(),
            json!({"maxPrice": money(grosze(price(r))), "targetPrice": money(grosze(price(r) / 2))}),
        );
    }
    if r.chance(10) {
        t.insert("requireCompanyAccount".into(), json!(r.chance(50)));
    }
    if r.chance(15) {
        t.insert(
            "minPositiveRatingsPercent".into(),
            json!(r.pick(&["98", "99.5", "90"])),
        );
    }
    if r.chance(15) {
        t.insert("maxApplicationsPer24h".into(), json!(r.below(4)));
    }
    if r.chance(10) {
        t.insert("bargainEditable".into(), json!(r.chance(50)));
    }
    if r.chance(10) {
        t.insert("finishAllowed".into(), json!(r.chance(50)));
    }
    Value::Object(t)
}

fn offer(r: &mut Rng, p: u64) -> Value {
    let mut o = json!({
        "id": OFFER,
        "sellingMode": {"format": r.pick(&["BUY_NOW", "BUY_NOW", "BUY_NOW", "AUCTION", "ADVERTISEMENT"]), "price": money(grosze(p))},
        "stock": {"available": r.below(12) as i64 - 1},
        "publication": {"status": r.pick(&["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "INACTIVE", "ACTIVATING", "ENDED", "ARCHIVED"]), "startedAt": r.pick(TIMES)},
        "category": {"id": r.pick(&["257931", "4", "99"])},
        "parameters": [
            {"id": "11323", "name": "Stan", "values": ["Nowy"], "valuesIds": [r.pick(&["11323_1", "11323_1", "11323_2"])]},
            {"id": "225693", "name": "EAN (GTIN)", "values": [r.pick(&["5901234123457", "4006381333931"])], "valuesIds": []}
        ],
        "productSet": if r.chance(70) { json!([{"product": {"id": "a1b2c3"}}]) } else { json!([]) },
        "b2b": {"buyableOnlyByBusiness": r.chance(20)},
        "seller": {"id": r.pick(&["42", "42", "42", "7"])},
        "smart": r.chance(70),
    });
    let obj = o.as_object_mut().unwrap();
    for key in [
        "sellingMode",
        "stock",
        "publication",
        "category",
        "parameters",
        "productSet",
        "b2b",
        "seller",
        "smart",
    ] {
        if r.chance(5) {
            obj.remove(key);
        }
    }
    o
}

fn badges(r: &mut Rng) -> Value {
    let n = r.below(4);
    let list: Vec<Value> = (0..n)
        .map(|_| {
            let (id, _) = *r.pick(CAMPAIGNS);
            json!({
                "offer": {"id": if r.chance(70) { OFFER } else { "87654321" }},
                "campaign": {"id": id, "name": id},
                "publication": if r.chance(50) { Value::Null } else { period(r) },
                "prices": if r.chance(50) { json!({"market": money(grosze(price(r)))}) } else { Value::Null },
                "process": {"status": r.pick(&["IN_VERIFICATION", "WAITING_FOR_PUBLICATION", "ACTIVE", "FINISHED", "DECLINED"]), "rejectionReasons": []},
            })
        })
        .collect();
    Value::Array(list)
}

fn applications(r: &mut Rng, offer_id: &str) -> Value {
    let n = r.below(5);
    let list: Vec<Value> = (0..n)
        .map(|i| {
            let (id, _) = *r.pick(CAMPAIGNS);
            json!({
                "id": format!("8a457b8f-627d-43cf-8806-f06f8d13c3{i:02}"),
                "createdAt": r.pick(TIMES),
                "campaign": {"id": id},
                "offer": {"id": if r.chance(80) { offer_id } else { "87654321" }},
                "process": {"status": r.pick(&["REQUESTED", "PROCESSED", "DECLINED"]), "rejectionReasons": []},
            })
        })
        .collect();
    Value::Array(list)
}

fn metrics(r: &mut Rng, m: u64) -> Value {
    let mut out = Map::new();
    match r.below(5) {
        0 => {
            out.insert(
                "priceHistory".into(),
                json!([
                    {"at": "2026-09-01T00:00:00Z", "price": money(grosze(m + 1000))},
                    {"at": r.pick(TIMES), "price": money(grosze(m))},
                ]),
            );
        }
        1 => {}
        _ => {
            out.insert("lowestPrice30Days".into(), money(grosze(m)));
        }
    }
    if r.chance(30) {
        let a = if r.chance(20) {
            Value::Null
        } else {
            money(grosze(price(r)))
        };
        out.insert("averageSellingPrice".into(), a);
    }
    if r.chance(30) {
        out.insert("soldLast30Days".into(), json!(r.below(20)));
    }
    Value::Object(out)
}

fn account(r: &mut Rng) -> Value {
    let mut a = json!({
        "id": "42",
        "company": r.chance(90),
        "positiveRatingsPercent": r.pick(&["100", "99.5", "98", "97.99"]),
        "meetsQualityCriteria": r.chance(90),
    });
    for key in [
        "id",
        "company",
        "positiveRatingsPercent",
        "meetsQualityCriteria",
    ] {
        if r.chance(5) {
            a.as_object_mut().unwrap().remove(key);
        }
    }
    a
}

/// An application document (POST /sale/badges).
pub fn application(r: &mut Rng) -> Value {
    let (cid, kind) = *r.pick(CAMPAIGNS);
    let m = price(r);
    let p = if r.chance(80) { m } else { price(r) };
    let b = match r.below(6) {
        0 => 1 + r.below(m.max(1) * 2),
        1 => m * 40 / 100 + r.below(3),
        2 => m * 60 / 100 + r.below(3),
        _ => m * (35 + r.below(30)) / 100,
    };
    let mut request = Map::new();
    request.insert(
        "campaign".into(),
        match r.below(30) {
            0 => json!({"id": ""}),
            1 => json!({}),
            2 => json!({"id": 7}),
            _ => json!({"id": cid}),
        },
    );
    let offer_id = match r.below(40) {
        0 => json!(""),
        1 => json!("0123"),
        2 => json!(12345678),
        3 => json!("123456789012345678901"),
        _ => json!(OFFER),
    };
    if !(offer_id == json!("") && r.chance(50)) {
        request.insert("offer".into(), json!({"id": offer_id}));
    }
    if kind != "STANDARD" && r.chance(92) || r.chance(5) {
        let mut prices = Map::new();
        if r.chance(95) {
            prices.insert("bargain".into(), request_money(r, b));
        }
        if r.chance(10) {
            prices.insert("market".into(), request_money(r, m));
        }
        request.insert("prices".into(), Value::Object(prices));
    }
    if r.chance(20) {
        let max_items = r
            .pick(&[
                json!(1),
                json!(5),
                json!("3"),
                json!(0),
                json!(-1),
                json!("x"),
                json!(1.5),
            ])
            .clone();
        request.insert(
            "purchaseConstraints".into(),
            json!({"limit": {"perUser": {"maxItems": max_items}}}),
        );
    }
    if r.chance(15) {
        let q = r
            .pick(&[json!(10), json!(1), json!(0), json!("abc")])
            .clone();
        request.insert("declaredStock".into(), json!({"quantity": q}));
    }
    let mut doc = Map::new();
    doc.insert("kind".into(), json!("application"));
    if r.chance(95) {
        doc.insert("now".into(), json!(NOW));
    }
    doc.insert("request".into(), Value::Object(request));
    if r.chance(90) {
        let mut list = vec![campaign(r, cid, kind)];
        for (id, k) in CAMPAIGNS {
            if *id != cid && r.chance(40) {
                list.push(campaign(r, id, k));
            }
        }
        if r.chance(5) {
            list.remove(0);
        }
        doc.insert("campaigns".into(), Value::Array(list));
    }
    if r.chance(40) {
        doc.insert("terms".into(), terms(r));
    }
    if r.chance(90) {
        doc.insert("offer".into(), offer(r, p));
    }
    if r.chance(90) {
        doc.insert("metrics".into(), metrics(r, m));
    }
    if r.chance(90) {
        doc.insert("account".into(), account(r));
    }
    if r.chance(85) {
        doc.insert("badges".into(), badges(r));
    }
    if r.chance(85) {
        doc.insert("applications".into(), applications(r, OFFER));
    }
    Value::Object(doc)
}

/// A badge update document.
pub fn badge_update(r: &mut Rng) -> Value {
    let (cid, kind) = *r.pick(CAMPAIGNS);
    let m = price(r);
    let body = match r.below(8) {
        0 => json!({}),
        1 => {
            json!({"prices": {"bargain": {"value": request_money(r, m / 2)}}, "process": {"status": "FINISHED"}})
        }
        2 => json!({"process": {"status": r.pick(&["ACTIVE", "finished", "FINISHED"])}}),
        3 => json!({"process": {"status": "FINISHED"}}),
        _ => {
            let b = m * (30 + r.below(40)) / 100;
            json!({"prices": {"bargain": {"value": request_money(r, b)}}})
        }
    };
    let mut badge_list = badges(r);
    if r.chance(60) {
        badge_list.as_array_mut().unwrap().push(json!({
            "offer": {"id": OFFER}, "campaign": {"id": cid},
            "publication": if r.chance(60) { Value::Null } else { period(r) },
            "prices": {"market": money(grosze(m))},
            "process": {"status": r.pick(&["ACTIVE", "ACTIVE", "FINISHED", "DECLINED"])},
        }));
    }
    let mut doc = json!({
        "kind": "badgeUpdate",
        "now": NOW,
        "offerId": if r.chance(95) { OFFER } else { "01" },
        "campaignId": if r.chance(95) { cid } else { " " },
        "request": body,
    });
    let d = doc.as_object_mut().unwrap();
    if r.chance(80) {
        d.insert("campaigns".into(), json!([campaign(r, cid, kind)]));
    }
    if r.chance(80) {
        d.insert("badges".into(), badge_list);
    }
    if r.chance(70) {
        d.insert("offer".into(), offer(r, m));
    }
    if r.chance(30) {
        d.insert("terms".into(), terms(r));
    }
    if r.chance(60) {
        d.insert(
            "operations".into(),
            json!([{"id": "154179f0-ed4c-4b84-9260-302d2dec3801", "createdAt": NOW, "campaign": {"id": cid}, "offer": {"id": OFFER}, "process": {"status": r.pick(&["REQUESTED", "PROCESSED"])}}]),
        );
    }
    doc
}

fn query_value(r: &mut Rng) -> Value {
    r.pick(&[
        json!(1),
        json!(50),
        json!(1000),
        json!(1001),
        json!(0),
        json!(-1),
        json!("50"),
        json!("abc"),
        json!(1.5),
        json!(null),
    ])
    .clone()
}

/// A query, lookup or consent document.
pub fn other(r: &mut Rng) -> Value {
    match r.below(8) {
        0..=2 => {
            let kind = *r.pick(&["campaignsQuery", "applicationsQuery", "badgesQuery"]);
            let mut req = Map::new();
            for key in ["limit", "offset"] {
                if r.chance(60) {
                    req.insert(key.into(), query_value(r));
                }
            }
            if r.chance(70) {
                req.insert(
                    "marketplace.id".into(),
                    json!(r.pick(&["allegro-pl", "allegro-cz", "allegro-de", ""])),
                );
            }
            json!({"kind": kind, "request": req})
        }
        3 => {
            json!({"kind": "applicationLookup", "applicationId": r.pick(&["8a457b8f-627d-43cf-8806-f06f8d13c306", "8a457b8f", ""])})
        }
        4 => {
            json!({"kind": "operationLookup", "operationId": r.pick(&["154179f0-ed4c-4b84-9260-302d2dec3801", "154179f0-ed4c-4b84-9260-302d2dec380Z"])})
        }
        5 => {
            let body = r
                .pick(&[
                    json!({"status": "ALLOWED"}),
                    json!({"status": "MAYBE"}),
                    json!({}),
                    json!({"additionalMarketplaces": {"allegro-cz": {"status": "DENIED"}}}),
                    json!({"additionalMarketplaces": {"allegro-de": {"status": "DENIED"}}}),
                    json!({"additionalMarketplaces": {}}),
                ])
                .clone();
            json!({"kind": r.pick(&["offerConsent", "accountConsent"]), "request": body})
        }
        6 => {
            json!({"kind": "allegroPricesParticipation", "request": {"marketplaces": r.pick(&[json!([{"id": "allegro-cz", "status": "ALLOWED"}]), json!([{"id": "allegro-sk", "status": "DENIED"}, {"id": "allegro-pl", "status": "ALLOWED"}]), json!([]), json!([{"id": "allegro-xx", "status": "ALLOWED"}]), json!([{"id": "allegro-pl", "status": "NO"}]), json!(["allegro-cz"])]), "status": r.pick(&["ALLOWED", "DENIED", "NO"])}})
        }
        _ => json!({"kind": "allegroPricesOfferCommand", "request": {"offers": [
            {"id": "123", "marketplace": {"id": "allegro-cz"}, "sellerDiscountDeclaration": {"maxContributionPercentage": r.pick(&["10", "100", "100.01", "-1", "x"])}},
            {"id": r.pick(&["123", "456", ""]), "marketplace": {"id": r.pick(&["allegro-hu", "allegro-xx"])}}
        ]}}),
    }
}

/// An agency snapshot (`partnerLevel`), figures around the thresholds.
pub fn partner_level(r: &mut Rng) -> Value {
    let mut snapshot = Map::new();
    for key in [
        "businessAccount",
        "websiteActive",
        "adsCertificate",
        "gainingCustomers",
        "investingInCampaigns",
        "partnerLogo",
        "partnerPlusLogo",
    ] {
        if r.chance(95) {
            snapshot.insert(key.into(), json!(r.chance(85)));
        }
    }
    if r.chance(95) {
        snapshot.insert("activeCustomers".into(), json!(r.below(9)));
    }
    if r.chance(95) {
        let spend = *r.pick(&[
            9_999_999u64,
            10_000_000,
            39_999_999,
            40_000_000,
            25_000_000,
            100,
        ]);
        snapshot.insert("quarterlySpendGross".into(), money(grosze(spend)));
    }
    if r.chance(95) {
        let tools: Vec<&str> = (0..r.below(4))
            .map(|_| *r.pick(&["SPONSORED_OFFERS", "GRAPHIC_ADS", "ADS_API"]))
            .collect();
        snapshot.insert("adsTools".into(), json!(tools));
    }
    json!({"kind": "partnerLevel", "request": snapshot})
}

/// Any document, mostly applications.
pub fn document(seed: u64) -> Value {
    let mut r = Rng::new(seed);
    match r.below(20) {
        0..=11 => application(&mut r),
        12..=15 => badge_update(&mut r),
        16 => partner_level(&mut r),
        _ => other(&mut r),
    }
}
