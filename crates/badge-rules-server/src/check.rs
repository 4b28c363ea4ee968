//! `POST /v1/check`: one document answered with the CLI's line (`check
//! --format json` or `--format allegro`), or, with `Content-Type:
//! application/x-ndjson`, a batch answered line by line as `check --jsonl`
//! answers it, streamed in both directions.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State as Extract};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use badge_rules::api::CheckOptions;
use bytes::Bytes;
use futures_util::StreamExt as _;

use crate::body::{self, Piece};
use crate::envelope;
use crate::ledger_access::LedgerAccess;
use crate::query::{self, Query};
use crate::state::State;

/// The media type of a batch.
pub(crate) const NDJSON: &str = "application/x-ndjson";

/// `POST /v1/check`.
pub(crate) async fn check(Extract(state): Extract<State>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let query = Query::of(&parts.uri);
    let options = match query::check_options(&query, &parts.headers) {
        Ok(options) => options,
        Err(response) => return response,
    };
    let batch = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim() == NDJSON));
    if batch {
        return check_batch(state, options, body);
    }
    let config = &state.config;
    let bytes = match body::whole(body, config.body_limit, config.read_timeout).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let ledger = state.ledger.clone();
    let line = match ledger {
        None => answer(&bytes, options, None),
        // The ledger's file is read: off the connection's thread.
        Some(ledger) => {
            let filled =
                tokio::task::spawn_blocking(move || answer(&bytes, options, Some(&ledger))).await;
            match filled {
                Ok(line) => line,
                Err(_) => {
                    return envelope::http_error(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "INTERNAL",
                        "the check failed",
                    )
                }
            }
        }
    };
    state.metrics.answered(&line);
    let status = if line.starts_with("{\"error\"") {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    envelope::json_response(status, line)
}

/// The line answering one document (without its newline), its
/// `metrics.priceHistory` filled from the ledger first when there is one,
/// as `check --ledger` fills it.
pub(crate) fn answer(doc: &[u8], options: CheckOptions, ledger: Option<&LedgerAccess>) -> String {
    let Some(ledger) = ledger else {
        return options.format.line(doc, &options.messages);
    };
    match ledger.read(|l| l.fill_bytes(doc)).and_then(|filled| filled) {
        Ok(Some(filled)) => options.format.line(&filled, &options.messages),
        Ok(None) => options.format.line(doc, &options.messages),
        Err(e) => {
            serde_json::json!({"error": {"kind": "ledger", "path": "", "message": e.to_string()}})
                .to_string()
        }
    }
}

/// A batch: the body's lines cut into chunks, each chunk answered on a
/// blocking thread, `workers` chunks at once, the answers written in input
/// order as they come.
fn check_batch(state: State, options: CheckOptions, body: Body) -> Response {
    let config = &state.config;
    let limit = config.body_limit;
    let pieces = body::lines(body, 1, limit, config.read_timeout);
    let ledger = state.ledger.clone();
    let metrics_state = Arc::clone(&state);
    let answers = pieces
        .map(move |piece| {
            let ledger = ledger.clone();
            tokio::task::spawn_blocking(move || {
                answer_piece(&piece, options, ledger.as_deref(), limit)
            })
        })
        .buffered(config.workers.max(1))
        .map(move |done| {
            // A chunk whose thread failed ends the answer there, cut short
            // (no line of it is made up): the client sees the batch broken.
            let (text, lines) =
                done.map_err(|_| std::io::Error::other("a chunk's check failed"))?;
            for line in &lines {
                metrics_state.metrics.answered(line);
            }
            Ok::<Bytes, std::io::Error>(Bytes::from(text))
        });
    let mut response = Body::from_stream(answers).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(NDJSON));
    response
}

/// The answers to a piece of a batch, as text, and each answer's first
/// bytes (enough for its verdict) for the counters.
fn answer_piece(
    piece: &Piece,
    options: CheckOptions,
    ledger: Option<&LedgerAccess>,
    limit: usize,
) -> (Vec<u8>, Vec<String>) {
    let mut text = Vec::new();
    let mut heads = Vec::new();
    let mut push = |line: String| {
        text.extend_from_slice(line.as_bytes());
        text.push(b'\n');
        heads.push(line.chars().take(32).collect());
    };
    match piece {
        Piece::Lines { first, bytes } => {
            for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
                let line = body::strip_newline(line);
                if line.len() > limit {
                    push(body::too_long_line(first + i, limit));
                } else {
                    push(answer(line, options, ledger));
                }
            }
        }
        Piece::TooLong { line } => push(body::too_long_line(*line, limit)),
        Piece::Failed(message) => push(
            serde_json::json!({"error": {"kind": "http", "code": "BODY_UNREADABLE", "path": "", "message": message}})
                .to_string(),
        ),
    }
    (text, heads)
}
