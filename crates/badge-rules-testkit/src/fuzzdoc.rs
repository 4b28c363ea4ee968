//! Valid-shaped check documents built from arbitrary bytes, with extreme
//! values where values go: the structure-aware fuzz target's input.

use arbitrary::Arbitrary;
use serde_json::{json, Value};

const AMOUNTS: &[&str] = &[
    "0.01",
    "1",
    "100.00",
    "120.00",
    "120.01",
    "79.99",
    "80.00",
    "200.00",
    "0",
    "-0.00",
    "-1",
    "0.001",
    "1e3",
    "NaN",
    "",
    "79228162514264337593543950.33",
    "79228162514264337593543950.34",
    "792281625142643375935439503.35",
    "7922816251426433759354395033.5",
    "1234567890123456789012345678901234567890",
    "99999999999999999999999999.99",
];
const TIMES: &[&str] = &[
    "2026-11-23T12:00:00Z",
    "2016-12-31T23:59:60Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2024-02-29T00:00:00Z",
    "2026-11-23T12:00:00-00:00",
    "2026-11-23T13:00:00+01:00",
    "2026-05-23T12:00:00Z",
    "2026-11-22T12:00:00Z",
    "2026-11-22T12:00:00.000000001Z",
];
const KINDS: &[&str] = &[
    "application",
    "badgeUpdate",
    "campaignsQuery",
    "applicationsQuery",
    "badgesQuery",
    "applicationLookup",
    "operationLookup",
    "offerConsent",
    "accountConsent",
    "allegroPricesParticipation",
    "allegroPricesOfferCommand",
    "partnerLevel",
];
const PERIODS: &[&str] = &["ALWAYS", "NEVER", "SINCE", "UNTIL", "WITHIN"];
const IDS: &[&str] = &[
    "SANDBOX_TEST_CAMPAIGN",
    "BARGAIN",
    "HIT",
    "",
    " ",
    "\u{0}",
    "🎉",
];
const OFFERS: &[&str] = &[
    "12345678",
    "1",
    "99999999999999999999",
    "0123",
    "",
    "12a",
    "\u{202e}1",
];

/// The choices that make one document, read from the fuzzer's bytes by
/// [`Arbitrary`]; [`document`] turns them into JSON.
#[derive(Debug, Arbitrary)]
pub struct Spec {
    kind: u8,
    now: Option<u8>,
    campaign: u8,
    offer: u8,
    bargain: Option<(u8, bool)>,
    market: Option<u8>,
    max_items: Option<i64>,
    declared: Option<i64>,
    campaign_type: u8,
    periods: [(u8, u8, u8); 3],
    eligible: bool,
    reserve: bool,
    price: Option<u8>,
    lowest: Option<u8>,
    history: Vec<(u8, u8)>,
    average: Option<Option<u8>>,
    stock: Option<i64>,
    status: u8,
    started: Option<u8>,
    account: Option<(bool, bool, u8)>,
    terms: Option<(u8, u8, u8, u32, u32)>,
    badges: Vec<(u8, u8, u8)>,
    applications: Vec<(u8, u8, u8)>,
    limit: Option<i64>,
    offset: Option<u64>,
    figures: (i64, u8, u8),
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

fn money(i: u8) -> Value {
    json!({"amount": pick(AMOUNTS, i), "currency": "PLN"})
}

fn period(p: (u8, u8, u8)) -> Value {
    json!({"type": pick(PERIODS, p.0), "from": pick(TIMES, p.1), "to": pick(TIMES, p.2)})
}

/// The document a spec describes.
pub fn document(s: &Spec) -> Value {
    let kind = pick(KINDS, s.kind);
    let campaign = pick(IDS, s.campaign);
    let offer = pick(OFFERS, s.offer);
    let mut request = json!({"campaign": {"id": campaign}, "offer": {"id": offer}});
    if let Some((b, market_too)) = s.bargain {
        request["prices"] = json!({"bargain": money(b)});
        if market_too {
            request["prices"]["market"] = money(s.market.unwrap_or(0));
        }
    }
    if let Some(n) = s.max_items {
        request["purchaseConstraints"] = json!({"limit": {"perUser": {"maxItems": n}}});
    }
    if let Some(n) = s.declared {
        request["declaredStock"] = json!({"quantity": n});
    }
    match kind {
        "badgeUpdate" => {
            request = match s.campaign_type % 3 {
                0 => json!({"prices": {"bargain": {"value": money(s.bargain.map_or(0, |b| b.0))}}}),
                1 => json!({"process": {"status": "FINISHED"}}),
                _ => json!({}),
            }
        }
        "campaignsQuery" | "applicationsQuery" | "badgesQuery" => {
            request = json!({"marketplace.id": "allegro-pl"});
            if let Some(l) = s.limit {
                request["limit"] = json!(l);
            }
            if let Some(o) = s.offset {
                request["offset"] = json!(o);
            }
        }
        "partnerLevel" => {
            request = json!({
                "businessAccount": true, "websiteActive": true, "adsCertificate": true,
                "gainingCustomers": true, "investingInCampaigns": s.eligible,
                "activeCustomers": s.figures.0, "quarterlySpendGross": money(s.figures.1),
                "adsTools": vec!["GRAPHIC_ADS"; usize::from(s.figures.2 % 4)],
                "partnerLogo": s.reserve, "partnerPlusLogo": true,
            })
        }
        _ => {}
    }
    let [a, p, v] = s.periods;
    let mut doc = json!({
        "kind": kind,
        "request": request,
        "offerId": offer,
        "campaignId": campaign,
        "applicationId": "8a457b8f-627d-43cf-8806-f06f8d13c306",
        "operationId": offer,
        "campaigns": [{
            "id": campaign, "type": pick(&["DISCOUNT", "STANDARD", "SOURCING"], s.campaign_type),
            "marketplace": {"id": "allegro-pl"},
            "eligibility": {"eligible": s.eligible, "refusalReasons": [{"code": pick(&["BB1", "BA44", "XX9"], s.status)}]},
            "application": period(a), "publication": period(p), "visibility": period(v),
            "stockReservationIsRequired": s.reserve,
        }],
        "badges": s.badges.iter().map(|b| json!({
            "offer": {"id": pick(OFFERS, b.0)}, "campaign": {"id": pick(IDS, b.1)},
            "publication": period((b.2, b.0, b.1)),
            "prices": {"market": money(b.2)},
            "process": {"status": pick(&["IN_VERIFICATION", "WAITING_FOR_PUBLICATION", "ACTIVE", "FINISHED", "DECLINED"], b.2)},
        })).collect::<Vec<_>>(),
        "applications": s.applications.iter().map(|x| json!({
            "createdAt": pick(TIMES, x.2), "campaign": {"id": pick(IDS, x.1)}, "offer": {"id": pick(OFFERS, x.0)},
            "process": {"status": pick(&["REQUESTED", "PROCESSED", "DECLINED"], x.2)},
        })).collect::<Vec<_>>(),
    });
    if let Some(t) = s.now {
        doc["now"] = json!(pick(TIMES, t));
    }
    let mut offer_doc = json!({
        "id": offer,
        "sellingMode": {"format": pick(&["BUY_NOW", "AUCTION"], s.status)},
        "publication": {"status": pick(&["ACTIVE", "INACTIVE", "ACTIVATING", "ENDED", "ARCHIVED"], s.status)},
    });
    if let Some(price) = s.price {
        offer_doc["sellingMode"]["price"] = money(price);
    }
    if let Some(stock) = s.stock {
        offer_doc["stock"] = json!({"available": stock});
    }
    if let Some(t) = s.started {
        offer_doc["publication"]["startedAt"] = json!(pick(TIMES, t));
    }
    doc["offer"] = offer_doc;
    let mut metrics = json!({
        "priceHistory": s.history.iter().map(|(t, m)| json!({"at": pick(TIMES, *t), "price": money(*m)})).collect::<Vec<_>>(),
    });
    if let Some(l) = s.lowest {
        metrics["lowestPrice30Days"] = money(l);
    }
    match s.average {
        Some(Some(a)) => metrics["averageSellingPrice"] = money(a),
        Some(None) => metrics["averageSellingPrice"] = Value::Null,
        None => {}
    }
    doc["metrics"] = metrics;
    if let Some((company, quality, rating)) = s.account {
        doc["account"] = json!({"id": "42", "company": company, "meetsQualityCriteria": quality,
                                "positiveRatingsPercent": pick(&["100", "98", "97.99", "0"], rating)});
    }
    if let Some((base, min, max, months, limit)) = s.terms {
        doc["terms"] = json!({
            "discount": {"base": pick(&["MARKET", "BASE_PRICE", "AVERAGE_SELLING_PRICE"], base),
                         "minPercent": format!("{}", min % 101), "maxPercent": format!("{}.{}", max % 100, max % 10)},
            "maxOfferAgeMonths": months, "maxApplicationsPer24h": limit,
            "minPositiveRatingsPercent": "98", "requireNewCondition": true,
        });
    }
    doc
}
