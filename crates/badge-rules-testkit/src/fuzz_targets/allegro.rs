//! Arbitrary bytes into `--format allegro` ([`api::allegro_response`]):
//! the same input error as `check`, or Allegro's answer with `check`'s
//! verdict, as one line of JSON, the same twice.

use badge_rules::response::Outcome;
use badge_rules::{api, check_json, Lang, Options, Verdict};

use crate::invariants;

/// The target's body.
pub fn run(data: &[u8]) {
    let options = Options::default();
    let predicted = api::allegro_response(data, &options);
    let line = api::allegro_line(data, &options);
    assert_eq!(line, api::allegro_line(data, &options), "not deterministic");
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(predicted.is_err(), "bytes that are not UTF-8 answered");
        return;
    };
    let checked = check_json(text, &options);
    match (predicted, checked) {
        (Err(err), Err(same)) => {
            assert_eq!(err, same, "not check's input error");
            assert!(value.get("error").is_some(), "{line}");
            invariants::error_path_exists(text, &err);
        }
        (Ok(response), Ok(report)) => {
            invariants::verdict_agrees(&report);
            assert_eq!(response.verdict, report.verdict, "not check's verdict");
            assert_eq!(value["verdict"], report.verdict.as_str(), "{line}");
            if response.outcome == Outcome::Accepted {
                assert_eq!(report.verdict, Verdict::Accept, "accepted, not ACCEPT");
            }
            if let Some(status) = response.status {
                assert!((100..600).contains(&status), "status {status}");
            }
            let pl = api::allegro_line(data, &Options::new(Lang::Pl));
            serde_json::from_str::<serde_json::Value>(&pl).unwrap();
        }
        (predicted, checked) => panic!("allegro {predicted:?} but check {checked:?}"),
    }
}
