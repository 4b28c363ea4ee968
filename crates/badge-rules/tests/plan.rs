//! `plan` against `check`: for seeded generated catalogues, every plan line
//! is the report `check` gives for the pair's application document as
//! docs/PLAN.md defines it (built here from the raw JSON by the testkit,
//! not by the engine), byte for byte; the proposed price is the one the
//! strategy says; the committed examples/plan/ files are what the
//! generator writes.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail loudly"
)]

use badge_rules::plan::{Outcome, PlanContext, Planner, PriceRule};
use badge_rules::{api, Lang, Options, Verdict};
use badge_rules_testkit::catalogue::{self, Catalogue, Faults, PairBuilder};
use serde_json::{json, Value};

/// The offers of `c` as the items a plan reads: pages of up to `per_page`
/// offers (metrics are then lost) or, with `per_page` 0, `{offer, metrics}`
/// lines.
/// An item's bytes and the offers it holds, each with its metrics.
type Item = (Vec<u8>, Vec<(Value, Option<Value>)>);

fn items(c: &Catalogue, per_page: usize) -> Vec<Item> {
    if per_page == 0 {
        return c
            .offers
            .iter()
            .zip(&c.metrics)
            .map(|(o, m)| {
                let line = catalogue::line(o, m.as_ref());
                (line.to_string().into_bytes(), vec![(o.clone(), m.clone())])
            })
            .collect();
    }
    c.offers
        .chunks(per_page)
        .map(|offers| {
            let page = json!({"offers": offers, "count": offers.len()});
            let text = serde_json::to_string_pretty(&page).unwrap().into_bytes();
            (text, offers.iter().map(|o| (o.clone(), None)).collect())
        })
        .collect()
}

/// The report part of a plan line: its text between the ids and
/// `,"proposedBargain"`, as a JSON object's text.
fn report_part(line: &str) -> String {
    let after_ids = line
        .find(",\"verdict\":")
        .map(|i| &line[i + 1..])
        .unwrap_or_else(|| panic!("no verdict in {line}"));
    let end = after_ids.rfind(",\"proposedBargain\":").unwrap();
    format!("{{{}}}", &after_ids[..end])
}

/// The inputs a plan may lack to choose a price (docs/PLAN.md).
const PENDING_INPUTS: [&str; 5] = [
    "metrics.lowestPrice30Days",
    "now",
    "campaigns[].type",
    "terms.discount.minPercent",
    "terms.discount.maxPercent",
];

/// `plan`'s report of a pair and `check`'s report of its document, as JSON
/// texts, made comparable: when the plan proposed no price for want of an
/// input (docs/PLAN.md), it lists BA2 / BA34 as skipped for that input where
/// `check` of the price-less document reports them; both are taken out, and
/// the check's verdict is the plan's reading of what is left.
fn comparable(plan: &str, check: &str) -> (Value, Value, bool) {
    let mut plan: Value = serde_json::from_str(plan).unwrap();
    let mut check: Value = serde_json::from_str(check).unwrap();
    let skipped = plan["skipped"].as_array_mut().unwrap();
    let Some(at) = skipped
        .iter()
        .position(|s| matches!(s["code"].as_str(), Some("BA2" | "BA34")))
    else {
        return (plan, check, false);
    };
    let pending = skipped.remove(at);
    let missing = pending["missing"].as_str().unwrap();
    assert!(PENDING_INPUTS.contains(&missing), "{pending}");
    let violations = check["violations"].as_array_mut().unwrap();
    let before = violations.len();
    violations.retain(|v| v["code"] != pending["code"]);
    assert_eq!(violations.len() + 1, before, "{check} for {pending}");
    let verdict = if violations.is_empty() {
        "INCOMPLETE"
    } else {
        "REJECT"
    };
    check["verdict"] = json!(verdict);
    (plan, check, true)
}

/// Did the plan lack an input to choose a price (BA2 / BA34 skipped)?
fn pending(line: &Value) -> bool {
    line["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|s| matches!(s["code"].as_str(), Some("BA2" | "BA34")))
}

/// Pairs compared: accepted, rejected or incomplete, and input errors.
#[derive(Debug, Default)]
struct Compared {
    accept: usize,
    other: usize,
    /// Pairs for which the plan lacked an input to choose a price.
    pending: usize,
    errors: usize,
}

/// Checks every outcome of `c` planned with `rule` against `check`.
fn compare(
    c: &Catalogue,
    campaigns: &[String],
    rule: PriceRule,
    per_page: usize,
    lang: Lang,
) -> Compared {
    let options = Options::new(lang);
    let context = PlanContext::from_json(&c.context.to_string()).unwrap();
    let mut planner = Planner::new(&context, campaigns, rule, options).unwrap();
    let ids: Vec<String> = planner.campaign_ids().map(str::to_owned).collect();
    let builder = PairBuilder::new(&c.context);
    let mut pairs = Compared::default();
    for (bytes, offers) in items(c, per_page) {
        let outcomes = planner.item(&bytes, 1);
        assert_eq!(outcomes.len(), offers.len() * ids.len());
        for (i, outcome) in outcomes.iter().enumerate() {
            let (offer, metrics) = &offers[i / ids.len()];
            let campaign = &ids[i % ids.len()];
            let line = api::plan_line(outcome, "x", lang);
            let parsed: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(parsed["offerId"], offer["id"], "{line}");
            assert_eq!(parsed["campaignId"], campaign.as_str(), "{line}");
            let bargain = Some(&parsed["proposedBargain"]).filter(|b| !b.is_null());
            let doc = builder.document(offer, metrics.as_ref(), campaign, bargain);
            let answer = api::answer_line(doc.to_string().as_bytes(), &options);
            match outcome {
                Outcome::Pair(pair) => {
                    let (plan, check, pending) = comparable(&report_part(&line), &answer);
                    assert_eq!(plan, check, "{doc}");
                    if !pending {
                        // Nothing pending: byte for byte.
                        assert_eq!(report_part(&line), answer, "{doc}");
                    } else {
                        assert!(parsed["proposedBargain"].is_null(), "{line}");
                        pairs.pending += 1;
                    }
                    // The body is the document's request, exactly, when accepted.
                    let accepted = parsed["verdict"] == "ACCEPT";
                    if accepted {
                        pairs.accept += 1;
                    } else {
                        pairs.other += 1;
                    }
                    // And when only BA24 is unchecked for want of
                    // `allegroPrices` (docs/PLAN.md): the body, INCOMPLETE.
                    let unseen = parsed["verdict"] == "INCOMPLETE"
                        && parsed["skipped"]
                            .as_array()
                            .is_some_and(|s| s.iter().all(|s| s["missing"] == "allegroPrices"));
                    assert_eq!(parsed["body"].is_null(), !(accepted || unseen), "{line}");
                    if accepted || unseen {
                        assert_eq!(parsed["body"], doc["request"], "{line}");
                        // In Allegro's field order, as the line writes it.
                        let body = serde_json::to_string(&pair.body).unwrap();
                        assert!(line.ends_with(&format!(",\"body\":{body}}}")), "{line}");
                    }
                    check_price(
                        rule,
                        &parsed,
                        offer,
                        metrics.as_ref(),
                        campaign,
                        &builder,
                        &options,
                    );
                }
                Outcome::PairError { error, .. } => {
                    assert_eq!(api::error_line_in(error, lang), answer, "{doc}");
                    assert!(
                        parsed["error"].is_object() && parsed["file"] == "x",
                        "{line}"
                    );
                    pairs.errors += 1;
                }
                other => panic!("{other:?}"),
            }
        }
    }
    pairs
}

/// The price proposed is the strategy's: for `highest` the hint's top (and a
/// grosz more does not pass), for `lowest` its bottom, for `discount=N` N %
/// below M rounded down.
fn check_price(
    rule: PriceRule,
    line: &Value,
    offer: &Value,
    metrics: Option<&Value>,
    campaign: &str,
    builder: &PairBuilder<'_>,
    options: &Options,
) {
    let proposed = &line["proposedBargain"];
    let hint = &line["hints"]["bargain"];
    let cents = |v: &Value| -> i64 {
        let (w, f) = v.as_str().unwrap().split_once('.').unwrap();
        w.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap()
    };
    match rule {
        PriceRule::Highest | PriceRule::Lowest => {
            if hint.is_null() || pending(line) {
                assert!(proposed.is_null(), "{line}");
                return;
            }
            let end = if rule == PriceRule::Highest {
                "max"
            } else {
                "min"
            };
            assert_eq!(proposed["amount"], hint[end], "{line}");
            if line["verdict"] == "ACCEPT" {
                let step = if rule == PriceRule::Highest { 1 } else { -1 };
                let beyond = cents(&hint[end]) + step;
                if beyond >= 1 {
                    let price = json!({"amount": format!("{}.{:02}", beyond / 100, beyond % 100), "currency": proposed["currency"]});
                    let doc = builder.document(offer, metrics, campaign, Some(&price));
                    let report: Value = serde_json::from_str(&api::answer_line(
                        doc.to_string().as_bytes(),
                        options,
                    ))
                    .unwrap();
                    assert_eq!(report["verdict"], "REJECT", "{beyond} beyond {line}");
                }
            }
        }
        PriceRule::Discount(bp) => {
            let m = metrics
                .and_then(|m| m.get("lowestPrice30Days"))
                .map(|m| cents(&m["amount"]));
            if let (Some(m), false) = (m, proposed.is_null()) {
                assert_eq!(
                    cents(&proposed["amount"]) as i128,
                    m as i128 * (10_000 - bp) / 10_000,
                    "{line}"
                );
            }
        }
        _ => unreachable!(),
    }
}

#[test]
fn every_plan_line_is_the_report_check_gives_for_the_pair_document() {
    let mut total = Compared::default();
    let mut add = |c: Compared| {
        total.accept += c.accept;
        total.other += c.other;
        total.errors += c.errors;
        total.pending += c.pending;
    };
    for (seed, count, rules) in [
        (
            1,
            300,
            &[
                PriceRule::Highest,
                PriceRule::Lowest,
                PriceRule::Discount(1500),
            ][..],
        ),
        (2, 150, &[PriceRule::Highest, PriceRule::Discount(4250)][..]),
    ] {
        let c = catalogue::generate_with(seed, count, Faults::Some);
        for rule in rules {
            add(compare(&c, &[], *rule, 0, Lang::En));
        }
        // Pages (no metrics), every campaign named, one closed, in Polish.
        let all: Vec<String> = ["BARGAIN", "HIT", "ALLEGRO_OKAZJE", "BLACK_WEEK"]
            .map(String::from)
            .to_vec();
        add(compare(&c, &all, PriceRule::Highest, 100, Lang::Pl));
    }
    assert!(
        total.accept > 1_000 && total.other > 1_000 && total.errors > 10 && total.pending > 100,
        "{total:?}"
    );
}

#[test]
fn a_context_without_badges_or_applications_plans_the_same_way() {
    let mut c = catalogue::generate_with(9, 200, Faults::Some);
    let context = c.context.as_object_mut().unwrap();
    context.remove("badges");
    context.remove("applications");
    context.remove("campaignTerms");
    context.insert("terms".into(), json!({"minStock": 3}));
    // The response's list alone.
    let list = context["campaigns"]["badgeCampaigns"].clone();
    context.insert("campaigns".into(), list);
    let compared = compare(&c, &[], PriceRule::Highest, 0, Lang::En);
    // No history: never ACCEPT (BB12, BA1, BA15, BA24 skipped).
    assert!(compared.accept == 0 && compared.other > 500, "{compared:?}");
}

#[test]
fn the_pair_document_with_every_badge_and_application_answers_the_same() {
    // docs/PLAN.md: the history rules read only the offer's own badges and
    // applications, so the document with the context's whole lists answers
    // as the one with the offer's.
    let c = catalogue::generate(5, 300);
    let context = PlanContext::from_json(&c.context.to_string()).unwrap();
    let mut planner = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
    let builder = PairBuilder::new(&c.context);
    let mut with_history = 0;
    for (offer, metrics) in c.offers.iter().zip(&c.metrics) {
        let line = catalogue::line(offer, metrics.as_ref()).to_string();
        for outcome in planner.item(line.as_bytes(), 1) {
            let Outcome::Pair(pair) = outcome else {
                panic!()
            };
            let bargain = pair
                .proposed_bargain
                .as_ref()
                .map(|p| serde_json::to_value(p).unwrap());
            let mut doc =
                builder.document(offer, metrics.as_ref(), &pair.campaign_id, bargain.as_ref());
            if doc["badges"].as_array().unwrap().len()
                + doc["applications"].as_array().unwrap().len()
                > 0
            {
                with_history += 1;
            }
            doc["badges"] = c.context["badges"]["badges"].clone();
            doc["applications"] = c.context["applications"]["badgeApplications"].clone();
            let whole = api::answer_line(doc.to_string().as_bytes(), &Options::default());
            let (plan, check, _) = comparable(&api::report_line(&pair.report), &whole);
            assert_eq!(plan, check, "{doc}");
        }
    }
    assert!(with_history > 20, "{with_history}");
}

#[test]
fn a_context_that_cannot_be_checked_is_named_in_the_context() {
    let c = catalogue::generate(1, 3);
    let mut context = c.context.clone();
    context["badges"] = json!([{"badges": []}, {"badges": [
        {"offer": {"id": "1"}, "campaign": {"id": "BARGAIN"}, "process": {"status": "ACTIVE"}},
        {"offer": {"id": "1"}, "campaign": {"id": "HIT"}, "publication": {"type": "UNTIL"}, "process": {"status": "ACTIVE"}}
    ]}]);
    let plan = PlanContext::from_json(&context.to_string()).unwrap();
    let err = Planner::new(&plan, &[], PriceRule::Highest, Options::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "badges[1].badges[1].publication.to: a UNTIL period needs `to`"
    );
    context["campaignTerms"]["BARGAIN"]["discount"]["minPercent"] = json!("140");
    context["badges"] = json!({"badges": []});
    let plan = PlanContext::from_json(&context.to_string()).unwrap();
    let err = Planner::new(
        &plan,
        &["BARGAIN".into()],
        PriceRule::Highest,
        Options::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("campaignTerms.BARGAIN.discount.minPercent: "),
        "{err}"
    );
    // A shape error, with its path in the file.
    let err = PlanContext::from_json(
        r#"{"campaigns": {"badgeCampaigns": [{"id": "X", "type": "BIG"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path(), "campaigns.badgeCampaigns[0].type");
    let err =
        PlanContext::from_json(r#"{"applications": [{"badgeApplications": [{}]}]}"#).unwrap_err();
    assert_eq!(err.path(), "applications[0].badgeApplications[0].campaign");
}

#[test]
fn items_that_are_not_offers_are_errors_with_their_path_and_line() {
    let c = catalogue::generate(1, 3);
    let context = PlanContext::from_json(&c.context.to_string()).unwrap();
    let planner = Planner::new(
        &context,
        &["HIT".into()],
        PriceRule::Highest,
        Options::default(),
    )
    .unwrap();
    let errors = |bytes: &[u8], line: usize| -> Vec<(String, usize)> {
        planner
            .clone()
            .item(bytes, line)
            .into_iter()
            .filter_map(|o| match o {
                Outcome::ItemError { line, error } => {
                    Some((format!("{}|{}", error.kind(), error.path()), line))
                }
                _ => None,
            })
            .collect()
    };
    // A page with a bad offer on its fourth line: the others are planned.
    let page = b"{\"offers\": [\n  {\"id\": \"1\"},\n  {\"id\": \"2\",\n   \"stock\": {\"available\": \"many\"}},\n  {\"id\": \"3\"}\n]}";
    assert_eq!(
        errors(page, 10),
        [("shape|offers[1].stock.available".into(), 13)]
    );
    assert_eq!(planner.clone().item(page, 10).len(), 3);
    // Not JSON: the line and column of the input, the offer's path; the
    // page's other offers are planned (issue 22).
    let out = planner
        .clone()
        .item(b"{\"offers\": [\n  {\"id\": \"1\"},\n  {\"id\" \"2\"}]}", 7);
    assert!(
        matches!(&out[0], Outcome::Pair(pair) if pair.offer_id == "1"),
        "{out:?}"
    );
    let Outcome::ItemError { line, error } = &out[1] else {
        panic!("{out:?}")
    };
    assert_eq!(
        (*line, error.kind(), error.path()),
        (9, "syntax", "offers[1]")
    );
    assert_eq!(
        error.to_string(),
        "not valid JSON at line 9, column 9: expected `:`"
    );
    assert_eq!(errors(b"{\"offers\": {}}", 4), [("shape|offers".into(), 4)]);
    assert_eq!(errors(b"[1, 2]", 4), [("shape|".into(), 4)]);
    assert_eq!(
        errors(b"{\"offer\": {\"stock\": {}}, \"metrics\": {}}", 2),
        [("shape|offer.id".into(), 2)]
    );
    assert_eq!(
        errors(
            b"{\"offer\": {\"id\": \"1\"}, \"metrics\": {\"soldLast30Days\": \"3\"}}",
            2
        ),
        [("shape|metrics.soldLast30Days".into(), 2)]
    );
    assert_eq!(
        errors(b"{\"name\": \"no id\"}", 5),
        [("shape|id".into(), 5)]
    );
    assert_eq!(errors(b"\xff{}", 6), [("syntax|".into(), 6)]);
    // Not an error: an offer resource, an empty page.
    assert!(errors(b"{\"id\": \"1\", \"seller\": {\"id\": \"43771234\"}}", 1).is_empty());
    assert!(planner
        .clone()
        .item(b"{\"offers\": [], \"count\": 0}", 1)
        .is_empty());
}

#[test]
fn the_committed_examples_are_what_the_generator_writes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/plan");
    let c = catalogue::generate(catalogue::EXAMPLE_SEED, catalogue::EXAMPLE_OFFERS);
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap() + "\n";
    let read = |name: &str| std::fs::read_to_string(root.join(name)).expect(name);
    let fix = "cargo run -p badge-rules-testkit --bin gen-catalogue -- 14 300 examples/plan";
    assert!(
        read("context.json") == pretty(&c.context),
        "examples/plan/context.json is stale: {fix}"
    );
    assert!(
        read("offers-page.json") == pretty(&c.page()),
        "examples/plan/offers-page.json is stale: {fix}"
    );
    assert!(
        read("offers-metrics.jsonl") == c.lines(),
        "examples/plan/offers-metrics.jsonl is stale: {fix}"
    );
}

#[test]
fn a_plan_that_lacks_an_input_to_choose_a_price_proposes_none_and_says_why() {
    // docs/PLAN.md: M unknown (any rule), or the campaign's depth unknown
    // (`highest`, `lowest`): no price, no body, INCOMPLETE with BA2 skipped
    // for the input; `discount=N` with M known proposes its price anyway.
    let campaigns = r#"[{"id": "BARGAIN", "type": "DISCOUNT", "application": {"type": "ALWAYS"}}]"#;
    let stated = r#""terms": {"discount": {"minPercent": "0", "maxPercent": "100"}}"#;
    let with_m = br#"{"offer": {"id": "1", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}}},
        "metrics": {"lowestPrice30Days": {"amount": "200.00", "currency": "PLN"}}}"#;
    let without_m =
        br#"{"offer": {"id": "1", "sellingMode": {"format": "BUY_NOW", "price": {"amount": "200.00", "currency": "PLN"}}}}"#;
    let pair = |terms: &str, rule: &str, item: &[u8]| {
        let text = format!(r#"{{"campaigns": {campaigns}{terms}}}"#);
        let context = PlanContext::from_json(&text).unwrap();
        let mut planner =
            Planner::new(&context, &[], rule.parse().unwrap(), Options::default()).unwrap();
        let Outcome::Pair(pair) = planner.item(item, 1).remove(0) else {
            panic!()
        };
        let ba2 = pair
            .report
            .skipped
            .iter()
            .find(|s| s.code.as_str() == "BA2")
            .map(|s| s.missing.to_string());
        let codes: Vec<&str> = pair
            .report
            .violations
            .iter()
            .map(|v| v.code.as_str())
            .collect();
        assert!(!codes.contains(&"BA2"), "{codes:?}");
        (
            pair.report.verdict,
            pair.proposed_bargain.map(|p| p.amount),
            pair.body.is_some(),
            ba2,
        )
    };
    let with = format!(", {stated}");
    for rule in ["highest", "lowest", "discount=10"] {
        // M unknown: nothing proposed, whatever the rule and the terms.
        for terms in ["", with.as_str()] {
            assert_eq!(
                pair(terms, rule, without_m),
                (
                    Verdict::Incomplete,
                    None,
                    false,
                    Some("metrics.lowestPrice30Days".to_owned())
                ),
                "{rule} {terms}"
            );
        }
    }
    // The depth unknown: `highest` and `lowest` propose nothing...
    for rule in ["highest", "lowest"] {
        assert_eq!(
            pair("", rule, with_m),
            (
                Verdict::Incomplete,
                None,
                false,
                Some("terms.discount.minPercent".to_owned())
            ),
            "{rule}"
        );
    }
    // ... `discount=N` proposes the price asked, INCOMPLETE (BA49 and BA50
    // skipped), without a body.
    assert_eq!(
        pair("", "discount=10", with_m),
        (Verdict::Incomplete, Some("180.00".to_owned()), false, None)
    );
    // The depth stated: every rule proposes, and the plan writes the body.
    assert_eq!(
        pair(&with, "highest", with_m),
        (Verdict::Incomplete, Some("198.00".to_owned()), false, None)
    );
}

/// Issue 20: a catalogue with offers on allegro-pl, -cz, -sk and -hu, as
/// GET /sale/offers returns them (each priced in its base marketplace's
/// currency, other marketplaces under `additionalMarketplaces`), planned
/// against a campaign on each marketplace: no input error comes from
/// Allegro's own data. An offer not on a campaign's marketplace is a pair
/// with the price rules skipped and OFFER_NOT_ON_MARKETPLACE, never an
/// error.
#[test]
fn a_catalogue_on_four_marketplaces_plans_without_input_errors() {
    let money = |amount: &str, currency: &str| json!({"amount": amount, "currency": currency});
    let on = |amount: &str, currency: &str| json!({"sellingMode": {"price": money(amount, currency)}, "publication": {"state": "APPROVED"}});
    let offer = |id: &str, base: &str, amount: &str, currency: &str, more: Value| {
        json!({
            "id": id,
            "sellingMode": {"format": "BUY_NOW", "price": money(amount, currency)},
            "stock": {"available": 10},
            "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": base}}},
            "additionalMarketplaces": more,
        })
    };
    let page = json!({"offers": [
        offer("1", "allegro-pl", "100.00", "PLN", json!({
            "allegro-cz": on("600.00", "CZK"), "allegro-sk": on("25.00", "EUR"), "allegro-hu": on("9995", "HUF")})),
        offer("2", "allegro-cz", "600.00", "CZK", json!({"allegro-pl": on("100.00", "PLN")})),
        offer("3", "allegro-hu", "9990", "HUF", json!({})),
        offer("4", "allegro-sk", "25.00", "EUR", json!({"allegro-hu": on("9985", "HUF")})),
    ]});
    let campaign = |id: &str, marketplace: &str| {
        json!({
            "id": id, "type": "DISCOUNT", "marketplace": {"id": marketplace},
            "application": {"type": "WITHIN", "from": "2026-11-01T00:00:00Z", "to": "2026-12-31T00:00:00Z"},
        })
    };
    let context = json!({
        "now": "2026-12-07T12:00:00Z",
        "campaigns": [
            campaign("DEALS_PL", "allegro-pl"),
            campaign("DEALS_CZ", "allegro-cz"),
            campaign("DEALS_SK", "allegro-sk"),
            campaign("DEALS_HU", "allegro-hu"),
        ],
    });
    let context = PlanContext::from_json(&context.to_string()).unwrap();
    let mut planner = Planner::new(&context, &[], PriceRule::Highest, Options::default()).unwrap();
    let outcomes = planner.item(page.to_string().as_bytes(), 1);
    let mut not_on = 0;
    for outcome in &outcomes {
        let Outcome::Pair(pair) = outcome else {
            panic!("an input error from Allegro's own data: {outcome:?}");
        };
        if pair
            .report
            .warnings
            .iter()
            .any(|w| w.code.as_str() == "OFFER_NOT_ON_MARKETPLACE")
        {
            not_on += 1;
        }
    }
    assert_eq!(outcomes.len(), 4 * 4);
    // Offer 2 is not on allegro-sk or -hu, offer 3 on none but -hu, offer 4
    // not on -pl or -cz.
    assert_eq!(not_on, 2 + 3 + 2, "{outcomes:?}");
}
