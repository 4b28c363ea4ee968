//! The ledger's endpoints answer as the ledger crate answers the same
//! recordings (what `badge-rules ledger lowest` and `history` print), a
//! check is filled from the ledger as `check --ledger` fills it, and
//! `/readyz` says when the ledger cannot be reached.

mod common;

use badge_rules::Options;
use badge_rules_ledger::{recording, Ledger, Question};
use badge_rules_server::Config;
use common::Server;

const PAGES: &str = concat!(
    r#"{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "200.00", "currency": "PLN"}}}, {"id": "2", "sellingMode": {"price": {"amount": "50.00", "currency": "PLN"}}}]}}"#,
    "\n",
    r#"{"fetchedAt": "2026-11-10T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "180.00", "currency": "PLN"}}}]}}"#,
    "\n",
    r#"{"fetchedAt": "2026-11-11T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "9.999", "currency": "PLN"}}}]}}"#,
    "\n",
);

#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn fresh(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("badge-rules-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn record_lowest_and_history_answer_as_the_ledger_crate() {
    let dir = fresh("ledger");
    let server = Server::start(Config {
        ledger: Some(dir.join("served.db")),
        ..Config::default()
    });
    let answer = server.post("/v1/ledger/record", PAGES.as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.text());
    let summary = answer.json();
    assert_eq!(
        (summary["committed"].as_u64(), summary["refused"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(summary["refusals"][0]["line"], 3);
    assert_eq!(
        summary["refusals"][0]["path"],
        "response.offers[0].sellingMode.price.amount"
    );
    // The same input twice changes nothing.
    let again = server.post("/v1/ledger/record", PAGES.as_bytes()).json();
    assert_eq!(
        (again["newPrices"].as_u64(), again["knownPrices"].as_u64()),
        (Some(0), Some(3))
    );

    // The same recordings through the ledger crate.
    let mut direct = Ledger::open(&dir.join("direct.db")).unwrap();
    recording::record(&mut direct, &mut PAGES.as_bytes(), "x", None, |_| {}).unwrap();
    let at = "2026-11-20T00:00:00Z".parse().unwrap();
    let mut expected = String::new();
    for offer in ["1", "2", "404"] {
        expected.push_str(
            &serde_json::to_string(&direct.ask(&Question::new(offer, at)).unwrap()).unwrap(),
        );
        expected.push('\n');
    }
    let answer = server.get("/v1/ledger/lowest?offer=1&offer=2,404&at=2026-11-20T00:00:00Z");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(answer.text(), expected);
    assert!(expected.contains("\"180.00\""));

    let history = direct
        .history_for(&Question::new("1", at))
        .unwrap()
        .unwrap();
    let answer = server.get("/v1/ledger/history/1?at=2026-11-20T00:00:00Z");
    assert_eq!(
        answer.text(),
        format!("{}\n", serde_json::to_string(&history).unwrap())
    );
    let answer = server.get("/v1/ledger/history/404?at=2026-11-20T00:00:00Z");
    assert_eq!(
        (answer.status, answer.json()["error"]["code"].as_str()),
        (404, Some("UNKNOWN_OFFER"))
    );

    // Bad questions are 400, naming the parameter.
    let answer = server.get("/v1/ledger/lowest?offer=1&at=yesterday");
    assert_eq!(
        (answer.status, answer.json()["error"]["path"].as_str()),
        (400, Some("at"))
    );
    let answer = server.get("/v1/ledger/lowest?offer=1&marketplace=ebay-de");
    assert_eq!(
        (answer.status, answer.json()["error"]["path"].as_str()),
        (400, Some("marketplace"))
    );
    assert_eq!(server.get("/v1/ledger/lowest").status, 400);
}

#[test]
fn a_check_is_filled_from_the_ledger_as_check_ledger_fills_it() {
    let dir = fresh("fill");
    let path = dir.join("prices.db");
    let server = Server::start(Config {
        ledger: Some(path.clone()),
        ..Config::default()
    });
    assert_eq!(
        server.post("/v1/ledger/record", PAGES.as_bytes()).status,
        200
    );
    // The sandbox example for offer 1, without metrics: the ledger gives them.
    let text =
        std::fs::read_to_string(common::root().join("examples/sandbox-accept.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["request"]["offer"]["id"] = "1".into();
    value["offer"]["id"] = "1".into();
    value["now"] = "2026-11-20T00:00:00Z".into();
    value.as_object_mut().unwrap().remove("metrics");
    let doc = value.to_string();
    let doc = doc.as_bytes();
    let ledger = Ledger::open_read_only(&path).unwrap();
    let filled = ledger
        .fill_bytes(doc)
        .unwrap()
        .expect("the ledger knows offer 1");
    let expected = badge_rules::api::answer_line(&filled, &Options::default());
    assert_ne!(
        expected,
        badge_rules::api::answer_line(doc, &Options::default())
    );
    assert_eq!(
        server.post("/v1/check", doc).text(),
        format!("{expected}\n")
    );
    let batch = [doc, b"\n", doc, b"\n"].concat();
    assert_eq!(
        server.ndjson("/v1/check", &batch).text(),
        format!("{expected}\n{expected}\n")
    );
}

#[test]
fn readyz_says_when_the_ledger_cannot_be_reached() {
    let dir = fresh("ready");
    let path = dir.join("prices.db");
    let server = Server::start(Config {
        ledger: Some(path.clone()),
        ..Config::default()
    });
    let answer = server.get("/readyz");
    assert_eq!(
        (answer.status, answer.json()["ledger"].as_str()),
        (200, Some("reachable"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let answer = server.get("/readyz");
    assert_eq!(answer.status, 503);
    assert_eq!(answer.json()["error"]["code"], "LEDGER_UNREACHABLE");
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn without_a_ledger_its_routes_say_so() {
    let server = Server::start(Config::default());
    let answer = server.get("/v1/ledger/lowest?offer=1");
    assert_eq!(
        (answer.status, answer.json()["error"]["code"].as_str()),
        (404, Some("NO_LEDGER"))
    );
    assert_eq!(
        server.get("/readyz").json()["ledger"],
        serde_json::Value::Null
    );
}
