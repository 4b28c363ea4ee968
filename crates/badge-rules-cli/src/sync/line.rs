//! A response as a recording line, the form `badge-rules ledger record`
//! reads and `--save` keeps: `{"fetchedAt", "query", "response"}`, the
//! response's own bytes inside, on one line (its line breaks, which JSON
//! allows only between tokens, made spaces).

use serde_json::{json, Map, Value};

/// The recording line of `body` fetched at `fetched_at` (RFC 3339) with
/// `query` (numbers where the value is one: `limit`, `offset`).
pub(crate) fn recording_line(fetched_at: &str, query: &[(String, String)], body: &str) -> String {
    let mut q = Map::new();
    for (k, v) in query {
        let value = v.parse::<u64>().map_or_else(|_| json!(v), |n| json!(n));
        q.insert(k.clone(), value);
    }
    let head = json!({"fetchedAt": fetched_at, "query": Value::Object(q)}).to_string();
    let flat = body.replace(['\n', '\r'], " ");
    // `{...head...}` without its closing brace, then the response.
    let open = head.strip_suffix('}').unwrap_or(&head);
    format!("{open},\"response\":{}}}", flat.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_is_one_line_with_the_response_unchanged() {
        let line = recording_line(
            "2026-11-20T10:00:00Z",
            &[
                ("from".into(), "E1".into()),
                ("limit".into(), "1000".into()),
            ],
            "{\n  \"offerEvents\": [],\r\n  \"x\": 1.50\n}\n",
        );
        assert!(!line.contains('\n'));
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["query"]["limit"], json!(1000));
        assert_eq!(v["query"]["from"], json!("E1"));
        assert!(line.contains("\"x\": 1.50"));
        let page = badge_rules_ledger::pages::parse(&line, None).unwrap();
        assert_eq!(page.prefix, "response.");
    }
}
