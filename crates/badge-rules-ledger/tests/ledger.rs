//! The ledger end to end: the scenario against M computed by hand, and
//! what a database written to every hour must withstand (idempotence, order,
//! refused pages, currencies, two recorders at once, pruning).

use std::path::{Path, PathBuf};

use badge_rules::money::Marketplace;
use badge_rules::period::Instant;
use badge_rules_ledger::input::{self, Outcome};
use badge_rules_ledger::{Ledger, Lowest, Question};
use badge_rules_testkit::ledger::{
    asked, badge, badges_line, expected, offer, offers_line, scenario, t, Asked,
};

#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("badge-rules-ledger-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
fn at(text: &str) -> Instant {
    text.parse().unwrap()
}

#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
/// Records `lines` (JSONL) and returns the faults.
fn record(ledger: &mut Ledger, lines: &[String]) -> Vec<String> {
    let text = lines.join("\n") + "\n";
    let mut faults = Vec::new();
    input::record(ledger, &mut text.as_bytes(), "scenario.jsonl", None, |o| {
        if let Outcome::Refused(f) = o {
            faults.push(f.to_string());
        }
    })
    .unwrap();
    faults
}

/// The question of one of [`asked`]'s lines, at `when`.
#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
fn question(a: &Asked, when: &str) -> Question {
    let mut q = Question::new(a.0, at(when));
    q.marketplace = a.1.map(|m| Marketplace::from_id(m).unwrap());
    q.campaign = a.2.map(str::to_owned);
    q.starts = a.3.as_deref().map(at);
    q
}

/// Every answer of the scenario at `when`: each offer, then each question
/// with a campaign or a marketplace.
#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
fn answers(ledger: &Ledger, when: &str) -> Vec<Lowest> {
    expected()
        .iter()
        .map(|(id, ..)| ledger.lowest(id, at(when)).unwrap())
        .chain(
            asked()
                .iter()
                .map(|a| ledger.ask(&question(a, when)).unwrap()),
        )
        .collect()
}

#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
fn recorded(path: &Path) -> Ledger {
    let mut ledger = Ledger::open(path).unwrap();
    assert_eq!(record(&mut ledger, &scenario()), Vec::<String>::new());
    ledger
}

#[test]
fn the_scenario_gives_m_as_computed_by_hand() {
    let dir = dir("scenario");
    let ledger = recorded(&dir.join("l.db"));
    for (id, m, exact, gaps) in expected() {
        let got = ledger.lowest(id, at(&t(11, 30, 0))).unwrap();
        let money = got
            .lowest_price_30_days
            .as_ref()
            .map(|m| (m.amount.to_string(), m.currency.clone()));
        assert_eq!(money, m.map(|(a, c)| (a.to_owned(), c.to_owned())), "{id}");
        assert_eq!(got.exact, exact, "{id}: {got:?}");
        let got_gaps: Vec<(String, String, String)> = got
            .gaps
            .iter()
            .map(|g| (g.from.clone(), g.to.clone(), g.kind.as_str().to_owned()))
            .collect();
        let want: Vec<(String, String, String)> = gaps
            .into_iter()
            .map(|(a, b, k)| (a, b, k.to_owned()))
            .collect();
        assert_eq!(got_gaps, want, "{id}");
    }
    // The history a document wants: 1004's 80.00 is not in force when the
    // window opens (the window opens on a gap), so it is not given.
    let h = ledger.history("1004", at(&t(11, 30, 0))).unwrap().unwrap();
    assert_eq!(
        serde_json::to_value(&h).unwrap(),
        serde_json::json!({"priceHistory": [{"at": t(11, 2, 12), "price": {"amount": "95.00", "currency": "PLN"}}],
                           "priceHistoryExact": false,
                           "referencePriceHistory": [{"at": t(11, 2, 12), "price": {"amount": "95.00", "currency": "PLN"}}],
                           "referencePriceHistoryExact": false})
    );
    let h = ledger.history("1001", at(&t(11, 30, 0))).unwrap().unwrap();
    let instants: Vec<String> = h.price_history.iter().map(|e| e.at.to_string()).collect();
    assert_eq!(instants, [t(10, 19, 23), t(11, 5, 10), t(11, 15, 10)]);
    assert!(h.price_history_exact);
    // Every offer at once answers as one at a time.
    let mut all = Vec::new();
    ledger
        .each_lowest(at(&t(11, 30, 0)), |l| {
            all.push(l);
            Ok(())
        })
        .unwrap();
    // Each offer on each of its marketplaces, saying which: 1014 on
    // allegro-pl and on allegro-cz.
    let pairs: Vec<(String, Option<String>)> = all
        .iter()
        .map(|l| (l.offer_id.clone(), l.marketplace.clone()))
        .collect();
    let mut want_pairs: Vec<(String, Option<String>)> = expected()
        .iter()
        .map(|(id, ..)| {
            let base = if *id == "1010" {
                "allegro-cz"
            } else {
                "allegro-pl"
            };
            ((*id).to_owned(), Some(base.to_owned()))
        })
        .collect();
    want_pairs.push(("1014".into(), Some("allegro-cz".into())));
    let mut sorted = pairs.clone();
    sorted.sort();
    want_pairs.sort();
    assert_eq!(sorted, want_pairs);
    for l in &all {
        let mut q = Question::new(&l.offer_id, at(&t(11, 30, 0)));
        q.marketplace = l.marketplace.as_deref().and_then(Marketplace::from_id);
        assert_eq!(l, &ledger.ask(&q).unwrap());
    }
    // On the base marketplace, the answers of one offer at a time.
    let mut base: Vec<Lowest> = all
        .into_iter()
        .filter(|l| !(l.offer_id == "1014" && l.marketplace.as_deref() == Some("allegro-cz")))
        .map(|mut l| {
            l.marketplace = None;
            l
        })
        .collect();
    base.sort_by(|a, b| a.offer_id.cmp(&b.offer_id));
    let mut want = answers(&ledger, &t(11, 30, 0));
    want.truncate(expected().len());
    assert_eq!(base, want);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn campaign_prices_and_marketplaces_give_m_as_computed_by_hand() {
    let dir = dir("campaigns");
    let ledger = recorded(&dir.join("l.db"));
    let money = |m: &Option<badge_rules::money::Money>| {
        m.as_ref()
            .map(|m| (m.amount.to_string(), m.currency.clone()))
    };
    let owned = |(a, c): (&str, &str)| Some((a.to_owned(), c.to_owned()));
    for a in asked() {
        let got = ledger.ask(&question(&a, &t(11, 30, 0))).unwrap();
        let label = format!("{a:?}");
        assert_eq!(money(&got.lowest_price_30_days), owned(a.4), "{label}");
        assert_eq!(
            money(&got.reference_lowest_price_30_days),
            owned(a.5),
            "{label}"
        );
        assert_eq!(
            (got.exact, got.reference_exact),
            (a.6, a.6),
            "{label}: {got:?}"
        );
        // A later start is said, with what was assumed; none otherwise.
        assert_eq!(got.reduction_starts_at, a.3.clone(), "{label}");
        assert_eq!(got.assumed.is_some(), a.3.is_some(), "{label}");
    }
    // The history a document wants holds the campaign's price where it was
    // in force; the reference history does not.
    let mut q = Question::new("1011", at(&t(11, 30, 0)));
    q.campaign = Some("BARGAIN".into());
    let h = ledger.history_for(&q).unwrap().unwrap();
    let entries = |h: &[badge_rules::document::PriceChange]| -> Vec<(String, String)> {
        h.iter()
            .map(|e| (e.at.to_string(), e.price.amount.to_string()))
            .collect()
    };
    let s = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        entries(&h.price_history),
        [
            s(&t(10, 19, 23), "102.98"),
            s(&t(11, 14, 0), "86.61"),
            s(&t(11, 18, 0), "102.98")
        ]
    );
    assert_eq!(
        entries(&h.reference_price_history),
        [s(&t(10, 19, 23), "102.98")]
    );
    // An offer on allegro-cz only through its additional marketplace: the
    // CZK history, never mixed with the PLN one.
    q = Question::new("1014", at(&t(11, 30, 0)));
    q.marketplace = Some(Marketplace::Cz);
    let h = ledger.history_for(&q).unwrap().unwrap();
    assert!(h.price_history.iter().all(|e| e.price.currency == "CZK"));
    assert_eq!(
        entries(&h.price_history),
        [s(&t(10, 19, 23), "300.00"), s(&t(11, 9, 11), "280.00")]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_same_pages_twice_change_nothing_and_their_order_does_not_matter() {
    let dir = dir("order");
    let want = answers(&recorded(&dir.join("once.db")), &t(11, 30, 0));
    let mut twice = Ledger::open(&dir.join("twice.db")).unwrap();
    record(&mut twice, &scenario());
    record(&mut twice, &scenario());
    assert_eq!(answers(&twice, &t(11, 30, 0)), want);
    let mut lines = scenario();
    lines.reverse();
    let mut reversed = Ledger::open(&dir.join("reversed.db")).unwrap();
    record(&mut reversed, &lines);
    assert_eq!(answers(&reversed, &t(11, 30, 0)), want);
    // A fixed shuffle: every third line first.
    let mut lines = scenario();
    let mut shuffled: Vec<String> = lines.iter().step_by(3).cloned().collect();
    let mut i = 0;
    lines.retain(|_| {
        i += 1;
        (i - 1) % 3 != 0
    });
    shuffled.extend(lines);
    let mut other = Ledger::open(&dir.join("shuffled.db")).unwrap();
    record(&mut other, &shuffled);
    assert_eq!(answers(&other, &t(11, 30, 0)), want);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_page_names_file_line_and_path_and_writes_nothing() {
    let dir = dir("refused");
    let mut ledger = Ledger::open(&dir.join("l.db")).unwrap();
    let pl = |id: &str, amount: &str| offer(id, amount, "PLN", "allegro-pl", "ACTIVE");
    let good = offers_line(&t(11, 1, 0), vec![pl("1", "10.00")]);
    // Offer 2 is well-formed, offer 3 is not: neither may be written.
    let bad = offers_line(&t(11, 2, 0), vec![pl("2", "20.00"), pl("3", "3.333")]);
    let faults = record(&mut ledger, &[good.clone(), bad, good]);
    assert_eq!(
        faults,
        ["scenario.jsonl:2: response.offers[1].sellingMode.price.amount: \"3.333\" is not an amount of money (a decimal string with at most two fractional digits, not negative)"]
    );
    assert!(ledger.history("1", at(&t(11, 3, 0))).unwrap().is_some());
    assert_eq!(ledger.history("2", at(&t(11, 3, 0))).unwrap(), None);
    // A pretty-printed file: the line of the faulty value.
    let pretty = "{\n  \"offers\": [\n    {\"id\": \"4\",\n     \"sellingMode\": {\"price\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}},\n     \"publication\": {\"marketplaces\": {\"base\": {\"id\": \"allegro-pl\"}}}}\n  ]\n}\n";
    let mut faults = Vec::new();
    input::record(
        &mut ledger,
        &mut pretty.as_bytes(),
        "page.json",
        Some(0),
        |o| {
            if let Outcome::Refused(f) = o {
                faults.push(f.to_string());
            }
        },
    )
    .unwrap();
    assert_eq!(
        faults,
        ["page.json:4: offers[0].sellingMode.price.currency: EUR is not the currency of the offer's marketplace allegro-pl (PLN): prices in two currencies are never mixed"]
    );
    // Not JSON at all, on line 2 of a JSONL file.
    let faults = record(
        &mut ledger,
        &[offers_line(&t(11, 1, 0), vec![]), "{\"offers\": [".into()],
    );
    assert_eq!(faults.len(), 1);
    assert!(faults[0].starts_with("scenario.jsonl:2: "), "{faults:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Responses that contradict each other about offer 7's marketplaces and
/// currencies (docs/LEDGER.md, "One answer whatever the order"), with a
/// price change, a badge and two prices at one instant.
#[expect(
    clippy::indexing_slicing,
    reason = "fields set on JSON objects built here"
)]
fn contradictions() -> Vec<String> {
    let cz = offer("7", "500.00", "CZK", "allegro-cz", "ACTIVE");
    // In PLN with no marketplace named: allegro-pl's, by its currency.
    let mut pln = offer("7", "20.00", "PLN", "allegro-pl", "ACTIVE");
    pln["publication"] = serde_json::json!({"status": "ACTIVE"});
    let sk = offer("7", "20.00", "EUR", "allegro-sk", "ACTIVE");
    // A response at odds with itself: refused whatever came before.
    let eur_on_pl = offer("7", "19.00", "EUR", "allegro-pl", "ACTIVE");
    let mut usd = offer("8", "5.00", "USD", "allegro-pl", "ACTIVE");
    usd["publication"] = serde_json::json!({"status": "ACTIVE"});
    let mut pl = offer("7", "25.00", "PLN", "allegro-pl", "ACTIVE");
    pl["additionalMarketplaces"] = serde_json::json!({"allegro-cz": {"publication": {"state": "APPROVED"},
        "sellingMode": {"price": {"amount": "480.00", "currency": "CZK"}}}});
    let change = serde_json::json!({"fetchedAt": t(11, 4, 0), "query": {"from": "E0"},
        "response": {"offerEvents": [
            {"id": "E1", "occurredAt": t(11, 2, 12), "type": "OFFER_PRICE_CHANGED",
             "offer": {"id": "7", "marketplaces": [{"id": "allegro-cz"}]}}]}});
    vec![
        offers_line(&t(11, 1, 0), vec![cz]),
        offers_line(&t(11, 2, 0), vec![pln]),
        offers_line(&t(11, 2, 0), vec![sk]),
        offers_line(&t(11, 2, 6), vec![eur_on_pl]),
        offers_line(&t(11, 2, 7), vec![usd]),
        offers_line(&t(11, 3, 0), vec![pl]),
        change.to_string(),
        badges_line(
            &t(11, 3, 12),
            vec![badge(
                "7",
                "BARGAIN",
                "ACTIVE",
                Some("18.00"),
                Some((&t(11, 3, 6), &t(11, 3, 9))),
            )],
        ),
        offers_line(
            &t(11, 4, 0),
            vec![offer("7", "24.00", "PLN", "allegro-pl", "ACTIVE")],
        ),
        offers_line(
            &t(11, 4, 0),
            vec![offer("7", "26.00", "PLN", "allegro-pl", "ACTIVE")],
        ),
    ]
}

/// Every answer about offer 7 (on no marketplace named, and on each), and
/// the sorted refusals, after recording `lines` in their order.
#[expect(clippy::unwrap_used, reason = "a failure here fails the test")]
fn contradiction_answers(path: &Path, lines: &[String]) -> (Vec<Lowest>, Vec<String>) {
    let mut ledger = Ledger::open(path).unwrap();
    let mut faults: Vec<String> = lines
        .iter()
        .flat_map(|l| record(&mut ledger, std::slice::from_ref(l)))
        .map(|f| f.replace("scenario.jsonl:1: ", ""))
        .collect();
    faults.sort();
    let mut out = Vec::new();
    for when in [t(11, 2, 3), t(11, 3, 3), t(11, 5, 0), t(11, 5, 0)] {
        for m in [
            None,
            Some(Marketplace::Pl),
            Some(Marketplace::Cz),
            Some(Marketplace::Sk),
            Some(Marketplace::Hu),
        ] {
            let mut q = Question::new("7", at(&when));
            q.marketplace = m;
            q.campaign = Some("BARGAIN".into());
            out.push(ledger.ask(&q).unwrap());
        }
    }
    (out, faults)
}

#[test]
fn contradicting_currencies_and_marketplaces_give_one_answer() {
    let dir = dir("currency");
    let (answers, faults) = contradiction_answers(&dir.join("l.db"), &contradictions());
    // Only the responses at odds with themselves are refused.
    assert_eq!(
        faults,
        [
            "response.offers[0].sellingMode.price.currency: EUR is not the currency of the offer's marketplace allegro-pl (PLN): prices in two currencies are never mixed",
            "response.offers[0].sellingMode.price.currency: USD is the currency of no marketplace the engine knows, and the offer names no base marketplace",
        ]
    );
    let m = |l: &Lowest| {
        l.lowest_price_30_days
            .as_ref()
            .map(|p| format!("{} {}", p.amount, p.currency))
    };
    // At 5 November, on no marketplace named: allegro-pl (the first of the
    // three named as its base, in Allegro's order), saying so.
    let unnamed = answers.get(10).unwrap();
    assert_eq!(unnamed.marketplace.as_deref(), Some("allegro-pl"));
    // 20.00 seen on 2 November, then 25.00 (no change event for
    // allegro-pl: a gap, whichever response came first), then 24.00 and
    // 26.00 at one instant; the badge's price fell in a gap.
    assert_eq!(m(unnamed).as_deref(), Some("20.00 PLN"));
    assert_eq!(
        answers.get(11).unwrap().lowest_price_30_days,
        unnamed.lowest_price_30_days
    );
    assert!(!answers.get(11).unwrap().exact);
    let conflict = unnamed.conflict.as_deref().unwrap();
    assert!(
        conflict.contains("allegro-pl and allegro-cz and allegro-sk"),
        "{conflict}"
    );
    assert_eq!(answers.get(11).unwrap().conflict, None);
    // Each marketplace in its currency, from its base and additional prices.
    assert_eq!(m(answers.get(12).unwrap()).as_deref(), Some("480.00 CZK"));
    assert_eq!(m(answers.get(13).unwrap()).as_deref(), Some("20.00 EUR"));
    assert_eq!(m(answers.get(14).unwrap()), None);
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    /// The same responses recorded in any order (and some twice) give the
    /// same answers and the same refusals.
    #[test]
    fn contradictions_in_any_order_give_the_same_answers(
        order in proptest::strategy::Strategy::prop_shuffle(proptest::prelude::Just((0..10).collect::<Vec<usize>>())),
        twice in 0usize..10,
    ) {
        let dir = dir(&format!("any-order-{twice}-{}", order.iter().map(usize::to_string).collect::<String>()));
        let lines = contradictions();
        let want = contradiction_answers(&dir.join("in-order.db"), &lines);
        let shuffled: Vec<String> = order.iter().chain(std::iter::once(&twice)).filter_map(|i| lines.get(*i).cloned()).collect();
        let (got, mut faults) = contradiction_answers(&dir.join("shuffled.db"), &shuffled);
        // The line recorded twice, when refused, is refused twice.
        faults.dedup();
        proptest::prop_assert_eq!(&got, &want.0);
        proptest::prop_assert_eq!(&faults, &want.1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn two_recorders_at_once_both_succeed() {
    let dir = dir("concurrent");
    let path = dir.join("l.db");
    Ledger::open(&path).unwrap();
    let pages = |offset: usize| -> Vec<String> {
        (0..40)
            .map(|p| {
                let offers = (0..50)
                    .map(|o| {
                        offer(
                            &(offset + p * 50 + o).to_string(),
                            "1.00",
                            "PLN",
                            "allegro-pl",
                            "ACTIVE",
                        )
                    })
                    .collect();
                offers_line(&t(11, 1, (p % 24) as u32), offers)
            })
            .collect()
    };
    let handles: Vec<_> = [0, 1_000_000]
        .into_iter()
        .map(|offset| {
            let path = path.clone();
            let lines = pages(offset);
            std::thread::spawn(move || {
                let mut ledger = Ledger::open(&path).unwrap();
                record(&mut ledger, &lines)
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), Vec::<String>::new());
    }
    let ledger = Ledger::open(&path).unwrap();
    let mut count = 0;
    ledger
        .each_lowest(at(&t(11, 2, 0)), |_| {
            count += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(count, 4000);
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pruning_keeps_every_answer_from_the_cutoff_on() {
    let dir = dir("prune");
    let mut ledger = recorded(&dir.join("l.db"));
    let cutoff = at(&t(11, 20, 0));
    let later = [t(12, 20, 0), t(12, 21, 0), t(12, 31, 0)];
    let before: Vec<Vec<Lowest>> = later.iter().map(|w| answers(&ledger, w)).collect();
    let (snapshots, events, pages) = ledger.prune(cutoff).unwrap();
    assert!(snapshots > 0 && pages > 0, "{snapshots} {events} {pages}");
    let after: Vec<Vec<Lowest>> = later.iter().map(|w| answers(&ledger, w)).collect();
    // Windows opening on or after the cutoff (at 20 December and later)
    // read the same M, exactness and gaps.
    assert_eq!(after, before);
    assert!(before[0].iter().any(|l| l.lowest_price_30_days.is_some()));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// docs/LEDGER.md, "Contradictions": two prices of one offer seen on sale at
/// one instant. Both were in force then: the price changed then, to one of
/// them, unknown until the next snapshot. Recorded in either order, the same
/// answer.
#[test]
fn two_prices_at_one_instant_a_change_to_a_price_unknown_in_either_order() {
    use badge_rules_testkit::ledger::event_lines;
    let dir = dir("contradiction");
    let pl = |amount: &str, day: u32| {
        offers_line(
            &t(if day > 20 { 10 } else { 11 }, day, 0),
            vec![offer("5", amount, "PLN", "allegro-pl", "ACTIVE")],
        )
    };
    let summary = |l: &Lowest| {
        (
            l.lowest_price_30_days
                .as_ref()
                .map(|m| m.amount.to_string()),
            l.exact,
            l.gaps
                .iter()
                .map(|g| g.kind.as_str().to_owned())
                .collect::<Vec<_>>(),
        )
    };
    let (high, low) = (pl("100.00", 25), pl("90.00", 25));
    for (name, order) in [("hl", [&high, &low]), ("lh", [&low, &high])] {
        let mut ledger = Ledger::open(&dir.join(format!("{name}.db"))).unwrap();
        let mut lines = event_lines(&[]);
        lines.extend(order.iter().map(|l| (*l).clone()));
        assert_eq!(record(&mut ledger, &lines), Vec::<String>::new());
        // 25 October, before the window: which price held after is unknown.
        let got = ledger.lowest("5", at(&t(11, 30, 0))).unwrap();
        assert_eq!(
            summary(&got),
            (None, false, vec!["awaitingSnapshot".into()]),
            "{name}"
        );
        // Inside the window, the lower one counts: it was in force.
        let got = ledger.lowest("5", at(&t(11, 20, 0))).unwrap();
        assert_eq!(
            summary(&got),
            (Some("90.00".into()), false, vec!["awaitingSnapshot".into()]),
            "{name}"
        );
        // 90.00 seen on 5 November, no change event since: it held from
        // the change on.
        assert_eq!(record(&mut ledger, &[pl("90.00", 5)]), Vec::<String>::new());
        let got = ledger.lowest("5", at(&t(11, 30, 0))).unwrap();
        assert_eq!(
            summary(&got),
            (Some("90.00".into()), true, vec![]),
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Inside one read transaction (as `check --ledger` reads a chunk) the
/// answers are those of the queries one by one, whether the ledger holds
/// badges and other marketplaces' prices (the scenario) or none of them
/// (the scenario's `GET /sale/offers` pages of allegro-pl alone): the
/// reader skips those tables only when they are empty.
#[test]
fn one_read_transaction_answers_as_the_queries_one_by_one() {
    let dir = dir("reading");
    let when = t(11, 30, 0);
    let ledger = recorded(&dir.join("all.db"));
    let one_by_one = answers(&ledger, &when);
    assert!(
        one_by_one
            .iter()
            .any(|a| a.lowest_price_30_days != a.reference_lowest_price_30_days),
        "the scenario's badges must change an answer, or this test shows nothing"
    );
    assert_eq!(ledger.reading(|l| answers(l, &when)), one_by_one);
    // The same ledger read twice in one transaction: the second read too.
    assert_eq!(
        ledger.reading(|l| (answers(l, &when), answers(l, &when))),
        (one_by_one.clone(), one_by_one)
    );
    let mut plain = Ledger::open(&dir.join("plain.db")).unwrap();
    let offers_only: Vec<String> = scenario()
        .into_iter()
        .filter(|l| l.contains("\"offers\"") && !l.contains("additionalMarketplaces"))
        .collect();
    assert!(!offers_only.is_empty());
    record(&mut plain, &offers_only);
    let one_by_one = answers(&plain, &when);
    assert!(one_by_one.iter().any(|a| a.lowest_price_30_days.is_some()));
    assert_eq!(plain.reading(|l| answers(l, &when)), one_by_one);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Recorders creating one new ledger at once: each opens it (one creates
/// it, the others find it whole), none takes it for another application's
/// database by reading it halfway through its creation.
#[test]
fn recorders_creating_one_ledger_at_once_all_open_it() {
    let dir = dir("create-race");
    for round in 0..25 {
        let path = dir.join(format!("race-{round}.db"));
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || Ledger::open(&path).map(drop).map_err(|e| e.to_string()))
            })
            .collect();
        for opener in openers {
            let opened = opener.join().unwrap();
            assert!(opened.is_ok(), "round {round}: {opened:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
