//! `badge-rules audit` through the binary: a generated history with hidden
//! terms (the counts it planted, the terms learnt), the M check against a
//! ledger recorded from the history's prices (it finds the reading the
//! generator used), the HTML page with no outside reference, and input
//! errors named by file, line and JSON path, an outcome file of the wrong
//! kind named as such.

mod common;
use common::{arg, fresh_dir, lossy, run};

use badge_rules_testkit::audit_history::{generate, history, Options, Reading};
use serde_json::Value;

#[test]
fn a_generated_history_is_counted_as_planted() {
    let dir = fresh_dir("audit-history");
    let h = history(1_500, 20, 3);
    let checks = dir.join("checks.jsonl");
    let outcomes = dir.join("outcomes.jsonl");
    std::fs::write(&checks, h.predictions.join("\n")).unwrap();
    std::fs::write(&outcomes, h.outcomes.join("\n")).unwrap();
    let out = run(
        &[
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&outcomes),
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &json["agreement"];
    assert_eq!(a["decided"], h.planted.decided);
    assert_eq!(a["agreed"], h.planted.agreed);
    assert_eq!(a["incomplete"], h.planted.incomplete);
    assert_eq!(a["serverOnly"]["pairs"], h.planted.server_only);
    assert_eq!(
        json["disagreements"].as_array().unwrap().len(),
        h.planted.disagreeing.len()
    );
    for (campaign, (min, _)) in &h.hidden {
        let learnt = json["learnt"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["campaign"] == campaign.as_str())
            .unwrap();
        let low = learnt["minPercent"]["low"].as_i64().unwrap_or(0);
        let high = learnt["minPercent"]["high"].as_i64().unwrap();
        assert!(low <= *min && *min <= high, "{campaign}");
        assert!(json["terms"][campaign]["discount"]["minPercent"].is_string());
    }
    let html = run(
        &[
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&outcomes),
            "--format",
            "html",
        ],
        b"",
    );
    let page = lossy(&html.stdout);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    for outside in ["http:", "https:", "src=", "href=", "url(", "@import"] {
        assert!(
            !page.contains(outside),
            "the page refers outside itself: {outside}"
        );
    }
    let text = run(
        &[
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&outcomes),
        ],
        b"",
    );
    assert!(lossy(&text.stdout).contains("Agreement: "));
}

#[test]
fn input_errors_name_file_line_and_path_and_a_wrong_kind_is_named() {
    let dir = fresh_dir("audit-errors");
    let checks = dir.join("checks.jsonl");
    std::fs::write(
        &checks,
        "{\"kind\": \"application\", \"request\": {}}\n{\"kind\": \"application\", \"now\": 5}\n",
    )
    .unwrap();
    let offers = dir.join("offers.jsonl");
    std::fs::write(
        &offers,
        "{\"fetchedAt\": \"2026-11-01T00:00:00Z\", \"response\": {\"offers\": [], \"count\": 0}}\n",
    )
    .unwrap();
    let apps = dir.join("apps.jsonl");
    std::fs::write(
        &apps,
        "\n{\"fetchedAt\": \"2026-11-01T00:00:00Z\", \"response\": {\"badgeApplications\": [{\"id\": \"a\", \"createdAt\": \"yesterday\", \"campaign\": {\"id\": \"C\"}, \"offer\": {\"id\": \"1\"}, \"process\": {\"status\": \"PROCESSED\"}}]}}\n",
    )
    .unwrap();
    let out = run(
        &[
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&offers),
            "--outcomes",
            arg(&apps),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2: now:", arg(&checks))), "{err}");
    assert!(
        err.contains(&format!(
            "{}:1: response: a GET /sale/offers page",
            arg(&offers)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:2: response.badgeApplications[0].createdAt: \"yesterday\" is not an RFC 3339 time",
            arg(&apps)
        )),
        "{err}"
    );
}

/// A generated history whose `prices.market` follows `reading`, its price
/// recordings and badges pages recorded with `ledger record`, then audited
/// with `--ledger`: the report's M check.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test's helper: a failure here fails the test"
)]
fn market_check(
    reading: Reading,
    name: &str,
) -> (Value, badge_rules_testkit::audit_history::History) {
    let dir = fresh_dir(name);
    let h = generate(&Options {
        first: 0,
        applications: 600,
        campaigns: 4,
        seed: 13,
        reading,
        prices: true,
    });
    let checks = dir.join("checks.jsonl");
    let outcomes = dir.join("outcomes.jsonl");
    let prices = dir.join("prices.jsonl");
    let db = dir.join("prices.db");
    std::fs::write(&checks, h.predictions.join("\n")).unwrap();
    std::fs::write(&outcomes, h.outcomes.join("\n")).unwrap();
    // The ledger takes the price recordings and the badges pages of the
    // outcomes (the applications pages are not its kind).
    let mut recorded = h.prices.clone();
    recorded.extend(
        h.outcomes
            .iter()
            .filter(|l| serde_json::from_str::<Value>(l).unwrap()["response"]["badges"].is_array())
            .cloned(),
    );
    std::fs::write(&prices, recorded.join("\n")).unwrap();
    let out = run(&["ledger", "record", "--db", arg(&db), arg(&prices)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", lossy(&out.stderr));
    let out = run(
        &[
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&outcomes),
            "--ledger",
            arg(&db),
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), h)
}

#[test]
fn the_m_check_finds_the_reading_the_generator_used() {
    for (reading, dir) in [
        (Reading::default(), "audit-market-with-start"),
        (
            Reading {
                campaign_prices: false,
                at_reduction_start: false,
            },
            "audit-market-without-application",
        ),
    ] {
        let (json, h) = market_check(reading, dir);
        // The prices change nothing else.
        assert_eq!(json["agreement"]["decided"], h.planted.decided);
        assert_eq!(json["agreement"]["agreed"], h.planted.agreed);
        let market = &json["market"];
        let badges = market["badges"].as_u64().unwrap();
        assert!(badges > 500, "{badges}");
        assert_eq!(market["best"], reading.name().as_str());
        let readings = market["readings"].as_array().unwrap();
        assert_eq!(readings.len(), 4);
        for r in readings {
            // The history is watched throughout: every answer is exact.
            assert_eq!(r["compared"], badges, "{r}");
            assert_eq!(r["exact"], badges, "{r}");
            if r["name"] == reading.name().as_str() {
                assert_eq!(r["equal"], badges, "{r}");
                assert_eq!(r["exactEqual"], badges, "{r}");
                assert_eq!(r["differences"]["equal"], badges, "{r}");
            } else {
                // Each other reading differs from it somewhere in the history.
                let equal = r["equal"].as_u64().unwrap();
                assert!(equal < badges, "{r}");
                assert!(equal * 10 > badges * 7, "{r}");
            }
        }
        let listed = market["disagreements"].as_array().unwrap();
        assert_eq!(Some(listed.len() as u64), market["disagreeing"].as_u64());
        for d in listed {
            let chosen = d["readings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["name"] == reading.name().as_str())
                .unwrap();
            assert_eq!(chosen["value"], d["allegro"], "{d}");
        }
    }
}

#[test]
fn spilled_runs_give_the_same_report_as_memory() {
    let dir = fresh_dir("audit-spill");
    let h = history(700, 6, 5);
    let checks = dir.join("checks.jsonl");
    let outcomes = dir.join("outcomes.jsonl");
    std::fs::write(&checks, h.predictions.join("\n")).unwrap();
    std::fs::write(&outcomes, h.outcomes.join("\n")).unwrap();
    let audit = |extra: &[&str], format: &str| {
        let mut args = vec![
            "audit",
            "--predictions",
            arg(&checks),
            "--outcomes",
            arg(&outcomes),
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(0), "{}", lossy(&out.stderr));
        out.stdout
    };
    for format in ["json", "text", "html"] {
        let memory = audit(&[], format);
        // Runs of 37 records: every side spills many runs, merged back.
        let spilled = audit(&["--spill-run", "37"], format);
        assert!(h.predictions.len() > 10 * 37);
        assert_eq!(lossy(&memory), lossy(&spilled), "{format}");
    }
    // The runs' files are gone once the report is written.
    let left = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("badge-rules-audit-")
        })
        .count();
    assert_eq!(left, 0);
}
