//! The committed OpenAPI description holds: it is what `/v1/openapi.json`
//! serves; every example request (an example name pairs a request body,
//! parameters and the answer) sent to a running server gets the documented
//! status and answer; and every answer, of the examples and of a call to
//! each operation, is valid against its response's schema (JSON Lines line
//! by line against `x-line-schema`).

mod common;

use std::collections::BTreeSet;

use badge_rules_server::{Config, OPENAPI};
use common::{request, Server};
use serde_json::{json, Value};

/// A validator of `schema`, its `$ref`s resolved in the whole document.
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    if let Some(object) = root.as_object_mut() {
        object.insert("components".into(), doc["components"].clone());
    } else {
        root = json!({"allOf": [schema], "components": doc["components"]});
    }
    jsonschema::draft202012::new(&root).unwrap()
}

/// Checks `body` against the schema of `content` (its media type's).
#[expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test helper: a failure is the test failing"
)]
fn check_schema(doc: &Value, content: &Value, media: &str, body: &[u8], what: &str) {
    let Some(entry) = content.get(media) else {
        panic!("{what}: media type {media} is not documented");
    };
    if let Some(line_schema) = entry.get("x-line-schema") {
        let v = validator(doc, line_schema);
        for line in std::str::from_utf8(body).unwrap().lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{what}: {line}: {errors:?}");
        }
    } else if media == "application/json" {
        let value: Value = serde_json::from_slice(body).unwrap();
        let v = validator(doc, &entry["schema"]);
        let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{what}: {errors:?}");
    }
}

#[test]
fn the_served_description_is_the_committed_one() {
    let server = Server::start(Config::default());
    let served = server.get("/v1/openapi.json");
    assert_eq!(served.body, OPENAPI.as_bytes());
    let doc: Value = serde_json::from_str(OPENAPI).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
}

#[test]
fn every_example_holds_and_every_answer_fits_its_schema() {
    let dir =
        std::env::temp_dir().join(format!("badge-rules-server-openapi-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let server = Server::start(Config {
        ledger: Some(dir.join("prices.db")),
        ..Config::default()
    });
    let doc: Value = serde_json::from_str(OPENAPI).unwrap();
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations.push((path.clone(), method.to_uppercase(), op.clone()));
        }
    }
    // Recording first: the ledger's other examples read what it recorded.
    operations.sort_by_key(|(path, _, _)| !path.ends_with("/record"));
    let mut sent = 0;
    for (path, method, op) in &operations {
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        let mut names = BTreeSet::new();
        for p in &params {
            names.extend(
                p["examples"]
                    .as_object()
                    .into_iter()
                    .flat_map(|e| e.keys().cloned()),
            );
        }
        let bodies = op["requestBody"]["content"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for content in bodies.values() {
            names.extend(
                content["examples"]
                    .as_object()
                    .into_iter()
                    .flat_map(|e| e.keys().cloned()),
            );
        }
        let required_path = params.iter().any(|p| p["in"] == "path");
        if names.is_empty() && !required_path && bodies.is_empty() {
            // No example: called as it is, its answer checked against the schema.
            names.insert(String::new());
        }
        for name in &names {
            let mut target = path.clone();
            let mut query = Vec::new();
            let mut headers: Vec<(String, String)> = Vec::new();
            for p in &params {
                let Some(value) = p["examples"][name.as_str()]["value"].as_str() else {
                    continue;
                };
                let key = p["name"].as_str().unwrap();
                match p["in"].as_str().unwrap() {
                    "path" => target = target.replace(&format!("{{{key}}}"), value),
                    "query" => query.push(format!("{key}={value}")),
                    _ => headers.push((key.to_owned(), value.to_owned())),
                }
            }
            if !query.is_empty() {
                target = format!("{target}?{}", query.join("&"));
            }
            let mut body = Vec::new();
            for (media, content) in &bodies {
                if let Some(example) = content["examples"].get(name.as_str()) {
                    body = match &example["value"] {
                        Value::String(text) => text.clone().into_bytes(),
                        other => other.to_string().into_bytes(),
                    };
                    headers.push(("Content-Type".into(), media.clone()));
                }
            }
            let header_refs: Vec<(&str, &str)> = headers
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let answer = request(server.addr, method, &target, &header_refs, &body);
            sent += 1;
            let what = format!("{method} {target} ({name})");
            // The documented answer of this example, if any: its status and value.
            let mut documented = None;
            for (status, response) in op["responses"].as_object().unwrap() {
                for (media, content) in response["content"].as_object().into_iter().flatten() {
                    if let Some(example) = content["examples"].get(name.as_str()) {
                        documented =
                            Some((status.clone(), media.clone(), example["value"].clone()));
                    }
                }
            }
            let status = answer.status.to_string();
            match &documented {
                Some((expected, media, value)) => {
                    assert_eq!(&status, expected, "{what}: {}", answer.text());
                    match value {
                        Value::String(text) => assert_eq!(&answer.text(), text, "{what}"),
                        other => assert_eq!(&answer.json(), other, "{what}"),
                    }
                    assert!(
                        answer
                            .header("content-type")
                            .unwrap()
                            .starts_with(media.as_str()),
                        "{what}"
                    );
                }
                None => assert!(
                    status.starts_with('2'),
                    "{what}: {status} {}",
                    answer.text()
                ),
            }
            let response = &op["responses"][status.as_str()];
            assert!(
                response.is_object(),
                "{what}: status {status} is not documented"
            );
            let media = answer
                .header("content-type")
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .trim()
                .to_owned();
            check_schema(&doc, &response["content"], &media, &answer.body, &what);
        }
    }
    assert!(sent >= 20, "{sent}");
}

/// The error answers the API gives on any route are documented too.
#[test]
fn errors_fit_the_error_schema() {
    let server = Server::start(Config::default());
    let doc: Value = serde_json::from_str(OPENAPI).unwrap();
    let v = validator(&doc, &json!({"$ref": "#/components/schemas/Error"}));
    for answer in [
        server.get("/nope"),
        server.get("/v1/check"),
        server.post("/v1/check", b"["),
        server.post("/v1/plan?format=xml", b""),
    ] {
        assert!(v.is_valid(&answer.json()), "{}", answer.text());
    }
}
