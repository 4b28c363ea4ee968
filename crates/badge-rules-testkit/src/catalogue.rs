//! A seeded generator of seller catalogues for `badge-rules plan`: the
//! plan's context (GET /sale/badge-campaigns, /sale/badges and
//! /sale/badge-applications responses, the account, the terms) and offers as
//! GET /sale/offers returns them, with the figures an integrator holds per
//! offer (`lowestPrice30Days`, `priceHistory`, `averageSellingPrice`,
//! `soldLast30Days`). The same seed gives the same catalogue everywhere: the
//! committed `examples/plan/` files, the byte-for-byte test against `check`,
//! the npm package's test and the benchmark.
//!
//! It also builds a pair's application document exactly as docs/PLAN.md
//! defines it ([`pair_document`]), from the raw JSON, independently of the
//! engine's own construction.

use serde_json::{json, Map, Value};

use crate::gen::{grosze, Rng};

/// The `now` of every generated catalogue.
pub const NOW: &str = "2026-11-23T12:00:00Z";

/// The seed and size of the committed `examples/plan/` files.
pub const EXAMPLE_SEED: u64 = 14;
/// The offers of `examples/plan/offers-page.json`.
pub const EXAMPLE_OFFERS: usize = 300;

/// A generated catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// The plan's context (`--context`).
    pub context: Value,
    /// The offers, as GET /sale/offers lists them.
    pub offers: Vec<Value>,
    /// Each offer's metrics (`None`: the integrator holds none).
    pub metrics: Vec<Option<Value>>,
}

/// What the generator may also put in: offers the engine cannot check
/// (an allegro-pl offer priced in a foreign currency), for the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Faults {
    /// Only offers as Allegro returns them.
    None,
    /// About one offer in a hundred priced in EUR, its base marketplace
    /// allegro-pl (an input error: an offer of another marketplace would be
    /// judged on its `additionalMarketplaces` price instead).
    Some,
}

fn money(g: u64) -> Value {
    json!({"amount": grosze(g), "currency": "PLN"})
}

/// The campaigns response: BARGAIN (DISCOUNT, stock declared), HIT
/// (STANDARD), ALLEGRO_OKAZJE (SOURCING), all open; BLACK_WEEK closed for
/// applications.
fn campaigns() -> Value {
    json!({"badgeCampaigns": [
        {"id": "BARGAIN", "name": "Strefa okazji", "marketplace": {"id": "allegro-pl"}, "type": "DISCOUNT",
         "eligibility": {"eligible": true, "refusalReasons": []},
         "application": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"},
         "publication": {"type": "ALWAYS"},
         "regulationsLink": "https://na.allegro.pl/regulamin-kampania-BARGAIN",
         "stockReservationIsRequired": true},
        {"id": "HIT", "name": "Hit", "marketplace": {"id": "allegro-pl"}, "type": "STANDARD",
         "eligibility": {"eligible": true, "refusalReasons": []},
         "application": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"},
         "publication": {"type": "SINCE", "from": "2018-11-04T23:00:00Z"},
         "regulationsLink": "https://na.allegro.pl/regulamin-kampania-HIT",
         "stockReservationIsRequired": false},
        {"id": "ALLEGRO_OKAZJE", "name": "Okazje Allegro", "marketplace": {"id": "allegro-pl"}, "type": "SOURCING",
         "eligibility": {"eligible": true, "refusalReasons": []},
         "application": {"type": "WITHIN", "from": "2026-11-01T00:00:00Z", "to": "2026-12-15T00:00:00Z"},
         "visibility": {"type": "ALWAYS"},
         "publication": {"type": "WITHIN", "from": "2026-12-01T00:00:00Z", "to": "2026-12-31T23:00:00Z"},
         "regulationsLink": "https://na.allegro.pl/regulamin-kampania-ALLEGRO_OKAZJE",
         "stockReservationIsRequired": false},
        {"id": "BLACK_WEEK", "name": "Black Week", "marketplace": {"id": "allegro-pl"}, "type": "DISCOUNT",
         "eligibility": {"eligible": true, "refusalReasons": []},
         "application": {"type": "WITHIN", "from": "2026-10-01T00:00:00Z", "to": "2026-11-15T00:00:00Z"},
         "visibility": {"type": "ALWAYS"},
         "publication": {"type": "WITHIN", "from": "2026-11-24T00:00:00Z", "to": "2026-12-01T00:00:00Z"},
         "regulationsLink": "https://na.allegro.pl/regulamin-kampania-BLACK_WEEK",
         "stockReservationIsRequired": true}
    ]})
}

/// The offer ids: ten digits, increasing, unique.
fn offer_ids(r: &mut Rng, count: usize) -> Vec<String> {
    let mut id = 7_000_000_000u64 + r.below(1_000_000_000);
    (0..count)
        .map(|_| {
            id += 1 + r.below(9_000);
            id.to_string()
        })
        .collect()
}

const NAMES: &[&str] = &[
    "Czajnik elektryczny 1,7 l stal",
    "Słuchawki bezprzewodowe ANC",
    "Kubek termiczny 450 ml",
    "Plecak miejski 25 l wodoodporny",
    "Lampka biurkowa LED z ładowarką",
    "Zestaw noży kuchennych 6 szt.",
    "Klocki konstrukcyjne 500 el.",
    "Buty trekkingowe \"Tatry\" 42",
    "Ładowarka USB-C 65 W GaN",
    "Poduszka ortopedyczna z pianki",
];

/// One offer as GET /sale/offers lists it.
fn offer(r: &mut Rng, id: &str, price: u64, faults: Faults) -> Value {
    let format = match r.below(100) {
        0..=91 => "BUY_NOW",
        92..=97 => "AUCTION",
        _ => "ADVERTISEMENT",
    };
    let status = match r.below(100) {
        0..=91 => "ACTIVE",
        92..=95 => "INACTIVE",
        96..=97 => "ACTIVATING",
        _ => "ENDED",
    };
    let available = match r.below(100) {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2 + r.below(300),
    };
    let currency = if faults == Faults::Some && r.chance(1) {
        "EUR"
    } else {
        "PLN"
    };
    let mut offer = json!({
        "id": id,
        "name": r.pick(NAMES),
        "category": {"id": r.pick(&["257931", "4", "258832", "110154"])},
        "primaryImage": {"url": format!("https://a.allegroimg.com/original/{id}")},
        "sellingMode": {"format": format, "price": {"amount": grosze(price), "currency": currency},
                        "minimalPrice": null, "startingPrice": null},
        "saleInfo": {"currentPrice": null, "biddersCount": 0},
        "stats": {"watchersCount": r.below(40), "visitsCount": r.below(2_000)},
        "stock": {"available": available, "sold": r.below(500)},
        "publication": {"status": status, "startingAt": null,
                        "startedAt": r.pick(&["2025-03-14T09:12:00.000Z", "2026-06-01T08:00:00.000Z", "2026-11-02T17:45:10.000Z"]),
                        "endingAt": null, "endedAt": null},
        "afterSalesServices": {"impliedWarranty": {"id": "a1b2"}, "returnPolicy": {"id": "c3d4"}, "warranty": null},
        "additionalServices": null,
        "external": {"id": format!("SKU-{}", r.below(100_000))},
        "delivery": {"shippingRates": {"id": "e5f6"}},
        "b2b": {"buyableOnlyByBusiness": r.chance(3)},
        "fundraisingCampaign": null,
        "additionalMarketplaces": {}
    });
    if currency == "EUR" {
        offer["publication"]["marketplaces"] = json!({"base": {"id": "allegro-pl"}});
    }
    offer
}

/// The figures an integrator holds for an offer priced `price`.
fn metrics(r: &mut Rng, price: u64) -> Option<Value> {
    let mut m = Map::new();
    match r.below(100) {
        // No figures at all.
        0..=4 => return None,
        // The price was lowered within 30 days: M is the old, higher one.
        5..=24 => {
            m.insert(
                "lowestPrice30Days".into(),
                money(price + price * r.below(30) / 100 + 1),
            );
        }
        // The price was raised: M is below it.
        25..=34 => {
            m.insert(
                "lowestPrice30Days".into(),
                money(price - price * (1 + r.below(20)) / 100),
            );
        }
        // A price history instead of M.
        35..=44 => {
            m.insert(
                "priceHistory".into(),
                json!([
                    {"at": "2026-09-01T00:00:00Z", "price": money(price + price / 10)},
                    {"at": "2026-11-10T08:00:00Z", "price": money(price)}
                ]),
            );
        }
        _ => {
            m.insert("lowestPrice30Days".into(), money(price));
        }
    }
    if r.chance(60) {
        m.insert(
            "averageSellingPrice".into(),
            money(price - price * r.below(10) / 100),
        );
    }
    m.insert("soldLast30Days".into(), json!(r.below(80)));
    Some(Value::Object(m))
}

/// A catalogue of `count` offers from `seed`.
pub fn generate(seed: u64, count: usize) -> Catalogue {
    generate_with(seed, count, Faults::None)
}

/// [`generate`], with `faults`.
pub fn generate_with(seed: u64, count: usize, faults: Faults) -> Catalogue {
    let mut offers = Vec::with_capacity(count);
    let mut all_metrics = Vec::with_capacity(count);
    let context = stream(seed, count, faults, |offer, metrics| {
        offers.push(offer);
        all_metrics.push(metrics);
    });
    Catalogue {
        context,
        offers,
        metrics: all_metrics,
    }
}

/// The catalogue of [`generate_with`], each offer handed to `each` with its
/// metrics as it is made (a million offers never all in memory); returns
/// the context.
pub fn stream(
    seed: u64,
    count: usize,
    faults: Faults,
    mut each: impl FnMut(Value, Option<Value>),
) -> Value {
    let mut r = Rng::new(seed);
    let ids = offer_ids(&mut r, count);
    let mut badges = Vec::new();
    let mut applications = Vec::new();
    // Allegro Prices from a generator of its own, so that the offers, badges
    // and applications are those of the seed as before.
    let mut prices_rng = Rng::new(seed ^ 0x000a_11e6_e09e_1ce5);
    let mut allegro_prices = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if prices_rng.chance(10) {
            let marketplace = *prices_rng.pick(&["allegro-pl", "allegro-pl", "allegro-cz"]);
            let reduction = if prices_rng.chance(60) {
                json!({"sellerMaxDeclaredPercentage": "15.0"})
            } else {
                Value::Null
            };
            allegro_prices.push(json!({
                "id": id, "marketplace": {"id": marketplace},
                "discount": {"opportunity": true}, "actualPriceReduction": reduction
            }));
        }
        let price = match r.below(10) {
            0..=5 => 999 + r.below(20_000),
            6..=8 => 20_000 + r.below(80_000),
            _ => 100_000 + r.below(500_000),
        };
        let offer = offer(&mut r, id, price, faults);
        let metrics = metrics(&mut r, price);
        each(offer, metrics);
        if r.chance(8) {
            let (campaign, status) = *r.pick(&[
                ("BARGAIN", "ACTIVE"),
                ("BARGAIN", "FINISHED"),
                ("BARGAIN", "IN_VERIFICATION"),
                ("HIT", "ACTIVE"),
                ("ALLEGRO_OKAZJE", "WAITING_FOR_PUBLICATION"),
            ]);
            badges.push(json!({
                "offer": {"id": id}, "campaign": {"id": campaign, "name": campaign},
                "publication": if status == "FINISHED" { json!({"type": "WITHIN", "from": "2026-09-01T00:00:00Z", "to": "2026-10-01T00:00:00Z"}) } else { Value::Null },
                "prices": if campaign == "HIT" { Value::Null } else { json!({"market": money(price)}) },
                "process": {"status": status, "rejectionReasons": []}
            }));
        }
        if r.chance(5) {
            let (status, created) = *r.pick(&[
                ("REQUESTED", "2026-11-23T09:30:00.000Z"),
                ("DECLINED", "2026-11-20T14:00:00.000Z"),
                ("PROCESSED", "2026-11-01T10:00:00.000Z"),
            ]);
            applications.push(json!({
                "id": format!("8a457b8f-627d-43cf-8806-{:012x}", i),
                "createdAt": created, "updatedAt": created,
                "campaign": {"id": r.pick(&["BARGAIN", "HIT"])}, "offer": {"id": id},
                "prices": null, "campaignStock": null,
                "process": {"status": status, "rejectionReasons": []}
            }));
        }
    }
    json!({
        "now": NOW,
        "campaigns": campaigns(),
        "account": {"id": "43771234", "company": true, "positiveRatingsPercent": "99.5", "meetsQualityCriteria": true},
        "campaignTerms": {
            "BARGAIN": {"discount": {"base": "MARKET", "minPercent": "10", "maxPercent": "70"}, "minStock": 2},
            "ALLEGRO_OKAZJE": {"discount": {"base": "BASE_PRICE", "minPercent": "5"}, "minSoldLast30Days": 5}
        },
        "badges": {"badges": badges},
        "applications": {"badgeApplications": applications},
        "allegroPrices": {"offers": allegro_prices, "count": allegro_prices.len(), "totalCount": allegro_prices.len()}
    })
}

impl Catalogue {
    /// The offers as one GET /sale/offers page.
    pub fn page(&self) -> Value {
        json!({"offers": self.offers, "count": self.offers.len(), "totalCount": self.offers.len()})
    }

    /// The offers as JSONL lines `{"offer", "metrics"}` (no `metrics` key
    /// where the integrator holds none), each with its newline.
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for (offer, metrics) in self.offers.iter().zip(&self.metrics) {
            out.push_str(&line(offer, metrics.as_ref()).to_string());
            out.push('\n');
        }
        out
    }
}

/// One `{"offer", "metrics"}` line.
pub fn line(offer: &Value, metrics: Option<&Value>) -> Value {
    let mut l = Map::new();
    l.insert("offer".into(), offer.clone());
    if let Some(m) = metrics {
        l.insert("metrics".into(), m.clone());
    }
    Value::Object(l)
}

/// The `offer.id` of a badge or an application.
fn offer_of(item: &Value) -> String {
    item["offer"]["id"].as_str().unwrap_or_default().to_owned()
}

/// Builds pairs' application documents, as docs/PLAN.md defines them,
/// from the raw JSON of the context and the offers (the context's badges
/// and applications indexed by offer once).
#[derive(Debug)]
pub struct PairBuilder<'c> {
    context: &'c Value,
    campaigns: Option<Vec<Value>>,
    badges: Option<std::collections::HashMap<String, Vec<Value>>>,
    applications: Option<std::collections::HashMap<String, Vec<Value>>>,
    allegro_prices: Option<std::collections::HashMap<String, Vec<Value>>>,
}

impl<'c> PairBuilder<'c> {
    /// The builder for `context`.
    pub fn new(context: &'c Value) -> Self {
        let campaigns = match &context["campaigns"] {
            Value::Array(list) => Some(list.clone()),
            Value::Object(page) => Some(
                page["badgeCampaigns"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default(),
            ),
            _ => None,
        };
        let index = |key: &str, page_key: &str, id: &dyn Fn(&Value) -> String| {
            let pages: Vec<&Value> = match &context[key] {
                Value::Object(_) => vec![&context[key]],
                Value::Array(pages) => pages.iter().collect(),
                _ => return None,
            };
            let mut by_offer: std::collections::HashMap<String, Vec<Value>> = Default::default();
            for item in pages
                .iter()
                .flat_map(|p| p[page_key].as_array().cloned().unwrap_or_default())
            {
                by_offer.entry(id(&item)).or_default().push(item);
            }
            Some(by_offer)
        };
        PairBuilder {
            context,
            campaigns,
            badges: index("badges", "badges", &offer_of),
            applications: index("applications", "badgeApplications", &offer_of),
            allegro_prices: index("allegroPrices", "offers", &|e| {
                e["id"].as_str().unwrap_or_default().to_owned()
            }),
        }
    }

    /// The application document of a pair: `campaigns` the context's list,
    /// `terms` the campaign's `campaignTerms` or else `terms`, `offer` as
    /// given, `metrics` the offer's, `account` and `now` the context's,
    /// `badges` and `applications` those of the context whose `offer.id` is
    /// the offer's, `allegroPrices` `{offers}` with the context's entries
    /// whose `id` is the offer's, and the request `{campaign: {id}, offer: {id}, prices:
    /// {bargain}}`, `prices` only with a proposed price, and `declaredStock:
    /// {quantity: offer.stock.available}` for a campaign the context shows
    /// with `stockReservationIsRequired: true` and an offer with at least
    /// one item.
    pub fn document(
        &self,
        offer: &Value,
        metrics: Option<&Value>,
        campaign: &str,
        bargain: Option<&Value>,
    ) -> Value {
        let context = self.context;
        let offer_id = offer["id"].as_str().unwrap_or_default();
        let mut request = Map::new();
        request.insert("campaign".into(), json!({"id": campaign}));
        request.insert("offer".into(), json!({"id": offer_id}));
        if let Some(b) = bargain {
            request.insert("prices".into(), json!({"bargain": b}));
        }
        let required = self
            .campaigns
            .iter()
            .flatten()
            .any(|c| c["id"] == campaign && c["stockReservationIsRequired"] == true);
        if let Some(q) = offer["stock"]["available"]
            .as_i64()
            .filter(|q| required && *q >= 1)
        {
            request.insert("declaredStock".into(), json!({"quantity": q}));
        }
        let mut doc = Map::new();
        doc.insert("kind".into(), json!("application"));
        if let Some(now) = context.get("now").filter(|v| !v.is_null()) {
            doc.insert("now".into(), now.clone());
        }
        doc.insert("request".into(), Value::Object(request));
        if let Some(list) = &self.campaigns {
            doc.insert("campaigns".into(), Value::Array(list.clone()));
        }
        let terms = context["campaignTerms"]
            .get(campaign)
            .or_else(|| context.get("terms"))
            .filter(|v| !v.is_null());
        if let Some(t) = terms {
            doc.insert("terms".into(), t.clone());
        }
        doc.insert("offer".into(), offer.clone());
        if let Some(m) = metrics {
            doc.insert("metrics".into(), m.clone());
        }
        if let Some(a) = context.get("account").filter(|v| !v.is_null()) {
            doc.insert("account".into(), a.clone());
        }
        for (key, index) in [
            ("badges", &self.badges),
            ("applications", &self.applications),
        ] {
            if let Some(index) = index {
                let own = index.get(offer_id).cloned().unwrap_or_default();
                doc.insert(key.into(), Value::Array(own));
            }
        }
        if let Some(index) = &self.allegro_prices {
            let own = index.get(offer_id).cloned().unwrap_or_default();
            doc.insert("allegroPrices".into(), json!({"offers": own}));
        }
        Value::Object(doc)
    }
}
