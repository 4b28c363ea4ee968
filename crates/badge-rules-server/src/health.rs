//! `GET /healthz` (the process answers), `GET /readyz` (and its ledger can
//! be reached), `GET /metrics` (the counters) and `GET /v1/openapi.json`
//! (the API's description, committed beside the crate).

use axum::extract::State as Extract;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::envelope;
use crate::state::State;

/// The OpenAPI 3.1 description of this API.
///
/// ```
/// let doc: serde_json::Value = serde_json::from_str(badge_rules_server::OPENAPI).unwrap();
/// assert_eq!(doc["openapi"], "3.1.0");
/// assert!(doc["paths"]["/v1/check"]["post"].is_object());
/// ```
pub const OPENAPI: &str = include_str!("../openapi.json");

/// `GET /healthz`.
pub(crate) async fn healthz() -> Response {
    envelope::json_response(StatusCode::OK, r#"{"status":"ok"}"#.to_owned())
}

/// `GET /readyz`: 200 when the ledger (if any) opens and reads, else 503.
pub(crate) async fn readyz(Extract(state): Extract<State>) -> Response {
    let Some(ledger) = state.ledger.clone() else {
        return envelope::json_response(
            StatusCode::OK,
            r#"{"status":"ready","ledger":null}"#.to_owned(),
        );
    };
    match tokio::task::spawn_blocking(move || ledger.reachable()).await {
        Ok(Ok(())) => envelope::json_response(
            StatusCode::OK,
            r#"{"status":"ready","ledger":"reachable"}"#.to_owned(),
        ),
        Ok(Err(e)) => envelope::unavailable(
            "LEDGER_UNREACHABLE",
            &format!("the ledger cannot be read: {e}"),
        ),
        Err(_) => envelope::unavailable("LEDGER_UNREACHABLE", "the ledger's check failed"),
    }
}

/// `GET /metrics`.
pub(crate) async fn metrics(Extract(state): Extract<State>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// `GET /v1/openapi.json`.
pub(crate) async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}
