//! `badge-rules audit` through the binary: a generated history with hidden
//! terms (the counts it planted, the terms learnt), the HTML page with no
//! outside reference, and input errors named by file, line and JSON path,
//! an outcome file of the wrong kind named as such.

mod common;
use common::{arg, fresh_dir, lossy, run};

use badge_rules_testkit::audit_history::history;
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
