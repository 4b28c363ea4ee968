//! Properties of the rule spec (proptest). Each runs at least 256 cases.

use std::collections::BTreeSet;

use badge_rules::{catalogue, check_json, parse_document, Code, Options, Report, Verdict};
use badge_rules_testkit::gen;
use proptest::prelude::*;
use serde_json::{json, Value};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        ..ProptestConfig::default()
    }
}

fn report(doc: &Value) -> Option<Report> {
    check_json(&doc.to_string(), &Options::default()).ok()
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.violations.iter().map(|v| v.code.as_str()).collect()
}

/// A sandbox application with full context, M = P = `m` grosze, B = `b`.
fn sandbox(m: u64, b: u64, campaign: &str, kind: &str, terms: Value) -> Value {
    json!({
        "kind": "application",
        "now": gen::NOW,
        "request": {
            "campaign": {"id": campaign},
            "offer": {"id": "12345678"},
            "prices": {"bargain": {"amount": gen::grosze(b), "currency": "PLN"}}
        },
        "campaigns": [{
            "id": campaign, "type": kind, "marketplace": {"id": "allegro-pl"},
            "eligibility": {"eligible": true, "refusalReasons": []},
            "application": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"},
            "visibility": {"type": "ALWAYS"}, "stockReservationIsRequired": false
        }],
        "terms": terms,
        "offer": {
            "id": "12345678",
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": gen::grosze(m), "currency": "PLN"}},
            "stock": {"available": 5}, "publication": {"status": "ACTIVE"}, "seller": {"id": "42"}
        },
        "account": {"id": "42", "company": true, "meetsQualityCriteria": true},
        "metrics": {"lowestPrice30Days": {"amount": gen::grosze(m), "currency": "PLN"}},
        "badges": [], "applications": [], "allegroPrices": {"offers": []}
    })
}

/// B around the interesting places of M: anywhere, or within a few grosze of
/// the 40 % and 60 % marks.
fn bargain_for(m: u64) -> impl Strategy<Value = u64> {
    let two_m = m.saturating_mul(2).max(1);
    prop_oneof![
        1..=two_m,
        (0u64..=6).prop_map(move |d| (m * 60 / 100 + d).saturating_sub(3).max(1)),
        (0u64..=6).prop_map(move |d| (m * 40 / 100 + d).saturating_sub(3).max(1)),
    ]
}

fn m_and_b() -> impl Strategy<Value = (u64, u64)> {
    // Up to 10^12 PLN, in grosze.
    prop_oneof![1u64..=100_000, 1u64..=100_000_000_000_000]
        .prop_flat_map(|m| (Just(m), bargain_for(m)))
}

proptest! {
    #![proptest_config(config())]

    /// The sandbox accepts exactly when 40 ≤ d ≤ 60, d computed with integer grosze.
    #[test]
    fn sandbox_accepts_exactly_between_40_and_60((m, b) in m_and_b()) {
        let r = report(&sandbox(m, b, "SANDBOX_TEST_CAMPAIGN", "DISCOUNT", json!({}))).unwrap();
        let (m, b) = (i128::from(m), i128::from(b));
        let off = (m - b) * 100;
        let accept = off >= 40 * m && off <= 60 * m;
        prop_assert_eq!(r.verdict == Verdict::Accept, accept, "{:?}", r.violations);
        prop_assert!(matches!(r.verdict, Verdict::Accept | Verdict::Reject));
    }

    /// The market ladder reports at most one code, the one an independent
    /// oracle (thresholds on B rather than percentages) names.
    #[test]
    fn the_ladder_reports_one_code_as_the_oracle_says(
        (m, b) in m_and_b(),
        min in prop::option::of(0u64..=10_000),
        max in prop::option::of(0u64..=10_000),
    ) {
        let pct = |bp: u64| format!("{}.{:02}", bp / 100, bp % 100);
        let mut discount = json!({"base": "MARKET"});
        if let Some(min) = min { discount["minPercent"] = json!(pct(min)); }
        if let Some(max) = max { discount["maxPercent"] = json!(pct(max)); }
        let mut doc = sandbox(m, b, "BARGAIN", "DISCOUNT", json!({"discount": discount}));
        // P far above B: only the ladder speaks about prices.
        doc["offer"]["sellingMode"]["price"]["amount"] = json!(gen::grosze(m * 3 + b));
        let r = report(&doc).unwrap();
        let ladder: Vec<&str> = codes(&r).into_iter()
            .filter(|c| ["BA14", "BA13", "BA16", "BA49", "BA50"].contains(c)).collect();
        prop_assert!(ladder.len() <= 1, "{:?}", ladder);
        let (m, b) = (u128::from(m), u128::from(b));
        let oracle = if b > m { Some("BA14") }
            else if b == m { Some("BA13") }
            else if b * 100 > m * 99 { Some("BA16") }
            else if min.is_some_and(|min| b * 10_000 > m * (10_000 - u128::from(min))) { Some("BA49") }
            else if max.is_some_and(|max| b * 10_000 < m * (10_000 - u128::from(max))) { Some("BA50") }
            else { None };
        prop_assert_eq!(ladder.first().copied(), oracle);
    }

    /// The other discount bases decide exactly as integer grosze say:
    /// BA39 iff B × 10000 > P × (10000 − min), BA38 iff B × 10000 > A × (10000 − min).
    #[test]
    fn base_price_and_average_price_decisions_are_exact(
        (p, b) in m_and_b(),
        a in 1u64..=100_000_000_000_000,
        min in 0u64..=10_000,
        average in any::<bool>(),
    ) {
        let pct = format!("{}.{:02}", min / 100, min % 100);
        let base = if average { "AVERAGE_SELLING_PRICE" } else { "BASE_PRICE" };
        let mut doc = sandbox(p, b, "PROWIZJA", "SOURCING", json!({"discount": {"base": base, "minPercent": pct}}));
        doc["metrics"]["averageSellingPrice"] = json!({"amount": gen::grosze(a), "currency": "PLN"});
        let r = report(&doc).unwrap();
        let (p, b, a, min) = (u128::from(p), u128::from(b), u128::from(a), u128::from(min));
        let against = if average { a } else { p };
        let code = if average { "BA38" } else { "BA39" };
        prop_assert_eq!(codes(&r).contains(&code), b * 10_000 > against * (10_000 - min), "{:?}", r.violations);
    }

    /// Adding context never removes a violation that did not depend on it:
    /// taking one context field away leaves a subset of the violations.
    #[test]
    fn more_context_never_removes_a_violation(seed in any::<u64>()) {
        let mut rng = gen::Rng::new(seed);
        let full = gen::application(&mut rng);
        let Some(with) = report(&full) else { return Ok(()) };
        let all: BTreeSet<(String, String)> =
            with.violations.iter().map(|v| (v.code.to_string(), v.path.to_string())).collect();
        // M computed from `metrics.priceHistory` counts the offer's current
        // price: there the ladder depends on `offer`.
        let m_reads_offer = full["metrics"].get("priceHistory").is_some()
            && full["metrics"].get("lowestPrice30Days").is_none();
        for field in ["campaigns", "offer", "metrics", "account", "badges", "applications", "now"] {
            if field == "offer" && m_reads_offer {
                continue;
            }
            // A campaign hidden at `now` is not there (BA10): without `now`
            // it is, and its rules speak.
            let hidden = with.violations.iter().any(|v| {
                v.code == Code::BA10 && v.params.get("period").map(String::as_str) == Some("visibility")
            });
            if field == "now" && hidden {
                continue;
            }
            let mut less = full.clone();
            less.as_object_mut().unwrap().remove(field);
            let Some(without) = report(&less) else { continue };
            for v in &without.violations {
                prop_assert!(all.contains(&(v.code.to_string(), v.path.to_string())),
                    "without {field}: {} at {} appears", v.code, v.path);
            }
        }
    }

    /// Every code the engine emits is in the catalogue and checked offline.
    #[test]
    fn emitted_codes_are_offline_catalogue_codes(seed in any::<u64>()) {
        if let Some(r) = report(&gen::document(seed)) {
            for v in &r.violations {
                let info = catalogue::info(v.code);
                prop_assert_eq!(info.code, v.code);
                prop_assert!(info.check.is_offline(), "{} is server-only", v.code);
            }
            for s in &r.skipped {
                prop_assert!(catalogue::info(s.code).check.is_offline());
            }
        }
    }

    /// Reports are deterministic, and do not depend on the order of badges,
    /// applications and campaigns.
    #[test]
    fn reports_are_deterministic_and_order_free(seed in any::<u64>()) {
        let doc = gen::document(seed);
        let text = doc.to_string();
        let first = check_json(&text, &Options::default()).map(|r| serde_json::to_string(&r).unwrap());
        let again = check_json(&text, &Options::default()).map(|r| serde_json::to_string(&r).unwrap());
        prop_assert_eq!(&first, &again);
        let mut reversed = doc.clone();
        let mut rng = gen::Rng::new(seed ^ 0x5EED);
        for key in ["badges", "applications", "campaigns"] {
            if let Some(list) = reversed.get_mut(key).and_then(Value::as_array_mut) {
                // A seeded Fisher-Yates shuffle.
                for i in (1..list.len()).rev() {
                    let j = usize::try_from(rng.below(i as u64 + 1)).unwrap();
                    list.swap(i, j);
                }
            }
        }
        let turned = check_json(&reversed.to_string(), &Options::default())
            .map(|r| serde_json::to_string(&r).unwrap());
        match (&first, &turned) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            // A duplicate id is found at another index: same error, other path.
            (Err(a), Err(b)) => prop_assert_eq!(std::mem::discriminant(a), std::mem::discriminant(b)),
            (a, b) => prop_assert!(false, "{a:?} vs {b:?}"),
        }
    }

    /// Documents and reports survive a serde round trip.
    #[test]
    fn documents_and_reports_round_trip(seed in any::<u64>()) {
        let text = gen::document(seed).to_string();
        if let Ok(doc) = parse_document(&text) {
            let again = serde_json::to_string(&doc).unwrap();
            let back = parse_document(&again).unwrap();
            prop_assert_eq!(&doc, &back);
            if let Ok(r) = badge_rules::check(&doc, &Options::default()) {
                let json = serde_json::to_string(&r).unwrap();
                let back: Report = serde_json::from_str(&json).unwrap();
                prop_assert_eq!(&r, &back);
                prop_assert_eq!(badge_rules::check(&back_doc(&again), &Options::default()).unwrap(), r);
            }
        }
    }

    /// Amounts in reports are written from integer grosze exactly as
    /// `rust_decimal` writes them, over the whole range a `Decimal` holds.
    #[test]
    fn amounts_are_written_as_decimal_writes_them(
        g in -79_228_162_514_264_337_593_543_950_335i128..=79_228_162_514_264_337_593_543_950_335i128,
        small in -100_000i128..100_000,
    ) {
        for g in [g, small] {
            let decimal = badge_rules::money::from_grosze(g).map(|d| d.to_string());
            prop_assert_eq!(Some(badge_rules::money::show_grosze(g)), decimal);
        }
    }

    /// `check_json` never panics on arbitrary text.
    #[test]
    fn check_json_never_panics_on_any_string(text in any::<String>()) {
        let _ = check_json(&text, &Options::default());
    }

    /// ... nor on a document cut short or with one byte changed.
    #[test]
    fn check_json_never_panics_on_damaged_documents(seed in any::<u64>(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = gen::document(seed).to_string();
        let at = cut.index(text.len());
        let _ = check_json(text.get(..at).unwrap_or(""), &Options::default());
        let mut bytes = text.into_bytes();
        bytes[at] = byte;
        if let Ok(s) = String::from_utf8(bytes) {
            let _ = check_json(&s, &Options::default());
        }
    }

    /// The bargain hint is exact: its ends pass every price rule, and one
    /// grosz beyond either end fails one.
    #[test]
    fn the_bargain_hint_is_exact(seed in any::<u64>()) {
        let mut rng = gen::Rng::new(seed);
        hint_is_exact(&gen::application(&mut rng), badge_rules::Kind::Application, |d, amount| {
            if !d["request"]["prices"].is_object() {
                d["request"]["prices"] = json!({});
            }
            d["request"]["prices"]["bargain"] = amount;
        })?;
    }

    /// ... and so is a badge update's, for the new bargain price.
    #[test]
    fn the_update_bargain_hint_is_exact(seed in any::<u64>()) {
        let mut rng = gen::Rng::new(seed);
        hint_is_exact(&gen::badge_update(&mut rng), badge_rules::Kind::BadgeUpdate, |d, amount| {
            d["request"]["prices"]["bargain"]["value"] = amount;
        })?;
    }
}

/// `doc`'s bargain hint, when it has one, is exact: `set` puts a bargain
/// price into a copy of it; the codes are those of `kind`'s price rules, from
/// the registry.
fn hint_is_exact(
    doc: &Value,
    kind: badge_rules::Kind,
    set: impl Fn(&mut Value, Value),
) -> Result<(), TestCaseError> {
    let Some(r) = report(doc) else { return Ok(()) };
    let Some(hint) = r.hints.bargain.clone() else {
        return Ok(());
    };
    let price_codes: Vec<&str> = badge_rules::registry::price_codes(kind)
        .into_iter()
        .map(badge_rules::Code::as_str)
        .collect();
    prop_assert!(!price_codes.is_empty());
    let grosze = |s: &str| -> Result<u64, TestCaseError> {
        s.replace('.', "")
            .parse()
            .map_err(|e| TestCaseError::fail(format!("hint amount {s}: {e}")))
    };
    let with = |b: u64| {
        let mut d = doc.clone();
        set(
            &mut d,
            json!({"amount": gen::grosze(b), "currency": hint.currency}),
        );
        report(&d).map(|r| {
            codes(&r)
                .into_iter()
                .filter(|c| price_codes.contains(c))
                .collect::<Vec<_>>()
        })
    };
    let (low, high) = (grosze(&hint.min)?, grosze(&hint.max)?);
    prop_assert!(low <= high);
    for inside in [low, high, (low + high) / 2] {
        if let Some(found) = with(inside) {
            prop_assert!(
                found.is_empty(),
                "{} inside [{low}, {high}] fails {found:?}",
                inside
            );
        }
    }
    if let Some(found) = with(high + 1) {
        prop_assert!(!found.is_empty(), "{} above the hint passes", high + 1);
    }
    if low > 1 {
        if let Some(found) = with(low - 1) {
            prop_assert!(!found.is_empty(), "{} below the hint passes", low - 1);
        }
    }
    Ok(())
}

#[expect(
    clippy::unwrap_used,
    reason = "the text was written from a parsed document; failing to read it back is the failure tested"
)]
fn back_doc(text: &str) -> badge_rules::Document {
    parse_document(text).unwrap()
}

#[test]
fn the_generator_reaches_every_verdict_and_many_codes() {
    let mut verdicts = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut errors = 0;
    for seed in 0..5_000u64 {
        match report(&gen::document(seed)) {
            Some(r) => {
                verdicts.insert(r.verdict.as_str());
                seen.extend(r.violations.iter().map(|v| v.code));
            }
            None => errors += 1,
        }
    }
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
    assert!(seen.len() >= 50, "only {} codes: {seen:?}", seen.len());
    assert!(seen.contains(&Code::BA49) && seen.contains(&Code::BB5));
    assert!(errors < 500, "{errors} input errors");
}

/// An agency snapshot from figures; `None` leaves the field out.
fn agency(flags: [bool; 7], customers: i64, spend: u64, tools: usize) -> Value {
    let names = ["SPONSORED_OFFERS", "GRAPHIC_ADS", "ADS_API", "VIDEO"];
    json!({
        "kind": "partnerLevel",
        "request": {
            "businessAccount": flags[0], "websiteActive": flags[1], "adsCertificate": flags[2],
            "gainingCustomers": flags[3], "investingInCampaigns": flags[4],
            "partnerLogo": flags[5], "partnerPlusLogo": flags[6],
            "activeCustomers": customers,
            "quarterlySpendGross": {"amount": gen::grosze(spend), "currency": "PLN"},
            "adsTools": names.iter().take(tools).collect::<Vec<_>>(),
        }
    })
}

#[expect(
    clippy::unwrap_used,
    reason = "a partnerLevel report always has a level; a missing one fails the test"
)]
fn level(doc: &Value) -> badge_rules::partner::PartnerLevel {
    report(doc).and_then(|r| r.level).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// More of any figure never lowers the Ads Partner level.
    #[test]
    fn more_of_any_figure_never_lowers_the_level(
        flags in any::<[bool; 7]>(),
        customers in 0i64..10,
        spend in prop_oneof![0u64..60_000_000, 9_999_990u64..10_000_010, 39_999_990u64..40_000_010],
        tools in 0usize..4,
        which in 0usize..10,
        more in 1u64..2_000_000,
    ) {
        let before = level(&agency(flags, customers, spend, tools));
        let mut flags2 = flags;
        let (mut c2, mut s2, mut t2) = (customers, spend, tools);
        match which {
            0..=6 => flags2[which] = true,
            7 => c2 += i64::try_from(more % 5).unwrap() + 1,
            8 => s2 += more,
            _ => t2 = (t2 + 1).min(4),
        }
        let after = level(&agency(flags2, c2, s2, t2));
        prop_assert!(after >= before, "{before:?} -> {after:?}");
    }
}
