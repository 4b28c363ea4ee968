//! `POST /v1/plan`: campaigns planned over a catalogue, as `badge-rules
//! plan` plans them. The body is JSON Lines: its first line is the context
//! (what `--context` holds), each next line an item of the offers (a GET
//! /sale/offers page, an offer, or `{"offer", "metrics"}`). The answer is
//! streamed: one JSON line (or CSV row, after the header) per pair, in
//! input order, each line the CLI's for the same item (its `line` counts
//! the offers' lines from 1, as in an offers file given to the CLI).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State as Extract};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use badge_rules::api::{self, PlanOptions};
use badge_rules::plan::PlanContext;
use badge_rules::Lang;
use bytes::Bytes;
use futures_util::{stream, StreamExt as _};
use http_body_util::BodyExt as _;

use crate::body::{self, Piece};
use crate::check::NDJSON;
use crate::envelope;
use crate::query::{self, Query};
use crate::state::State;

/// The output's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Csv,
}

/// How the items of a request are planned.
#[derive(Debug)]
struct Planning {
    context: PlanContext,
    options: PlanOptions,
    format: Format,
    lang: Lang,
    /// The name `file` the error lines give.
    file: String,
}

/// `POST /v1/plan`.
pub(crate) async fn plan(Extract(state): Extract<State>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let query = Query::of(&parts.uri);
    let messages = match query::options(&query, &parts.headers) {
        Ok(options) => options,
        Err(response) => return response,
    };
    let lang = messages.lang;
    let format = match query.get("format") {
        None | Some("jsonl") => Format::Jsonl,
        Some("csv") => Format::Csv,
        Some(other) => {
            return envelope::usage(
                "format",
                "UNKNOWN_VALUE",
                &format!("format must be \"jsonl\" (the default) or \"csv\", not {other:?}"),
            )
        }
    };
    let price = match query.get("price").map(str::parse).transpose() {
        Ok(price) => price.unwrap_or_default(),
        Err(e) => return envelope::usage("price", "UNKNOWN_VALUE", &format!("price: {e}")),
    };
    let options = PlanOptions {
        messages,
        campaigns: query.all("campaign"),
        price,
    };
    let config = &state.config;
    let (context_line, rest) = match first_line(body, config.body_limit, config.read_timeout).await
    {
        Ok(split) => split,
        Err(response) => return response,
    };
    let context = match PlanContext::from_bytes(body::strip_newline(&context_line)) {
        Ok(context) => context,
        Err(e) => {
            return envelope::json_response(StatusCode::BAD_REQUEST, api::error_line_in(&e, lang))
        }
    };
    if let Err(e) = options.planner(&context) {
        return envelope::error(
            StatusCode::BAD_REQUEST,
            "plan",
            e.code(),
            "context",
            &e.message(lang),
        );
    }
    let planning = Arc::new(Planning {
        context,
        options,
        format,
        lang,
        file: query.get("file").unwrap_or("offers").to_owned(),
    });
    let header = match format {
        Format::Csv => Some(api::plan_csv_header(lang)),
        Format::Jsonl => None,
    };
    let limit = config.body_limit;
    let pieces = body::lines(rest, 1, limit, config.read_timeout);
    let answers = pieces
        .map(move |piece| {
            let planning = Arc::clone(&planning);
            tokio::task::spawn_blocking(move || planning.answer(&piece, limit))
        })
        .buffered(config.workers.max(1))
        .map(|done| {
            done.map(Bytes::from)
                .map_err(|_| std::io::Error::other("a chunk's plan failed"))
        });
    let head = stream::iter(header.map(|h| Ok(Bytes::from(h))));
    let mut response = Body::from_stream(head.chain(answers)).into_response();
    let media = match format {
        Format::Jsonl => NDJSON,
        Format::Csv => "text/csv; charset=utf-8",
    };
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    response
}

impl Planning {
    /// The line of an item longer than the limit, with its file and line.
    fn too_long(&self, line: usize, limit: usize) -> String {
        serde_json::json!({"error": {"kind": "http", "code": "LINE_TOO_LONG", "path": "",
            "message": format!("line {line} is longer than {limit} bytes")},
            "file": self.file, "line": line})
        .to_string()
    }

    /// The lines (or rows) of every item of `piece`.
    fn answer(&self, piece: &Piece, limit: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let Piece::Lines { first, bytes } = piece else {
            let (line, message) = match piece {
                Piece::TooLong { line } => {
                    (*line, format!("line {line} is longer than {limit} bytes"))
                }
                Piece::Failed(message) => (0, message.clone()),
                Piece::Lines { .. } => (0, String::new()),
            };
            let error = serde_json::json!({"error": {"kind": "http", "code": "LINE_TOO_LONG", "path": "",
                "message": message}, "file": self.file, "line": line});
            out.extend_from_slice(error.to_string().as_bytes());
            out.push(b'\n');
            return out;
        };
        let Ok(mut planner) = self.options.planner(&self.context) else {
            return out;
        };
        for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if line.len() > limit {
                out.extend_from_slice(self.too_long(first + i, limit).as_bytes());
                out.push(b'\n');
                continue;
            }
            for outcome in planner.item(line, first + i) {
                match self.format {
                    Format::Jsonl => {
                        out.extend_from_slice(
                            api::plan_line(&outcome, &self.file, self.lang).as_bytes(),
                        );
                        out.push(b'\n');
                    }
                    Format::Csv => out.extend_from_slice(
                        api::plan_csv_row(&outcome, &self.file, self.lang).as_bytes(),
                    ),
                }
            }
        }
        out
    }
}

/// The body's first line (the context), at most `limit` bytes, and the
/// rest of the body, not read yet.
async fn first_line(
    body: Body,
    limit: usize,
    timeout: std::time::Duration,
) -> Result<(Vec<u8>, Body), Response> {
    let mut body = body;
    let mut line = Vec::new();
    loop {
        let frame = match tokio::time::timeout(timeout, body.frame()).await {
            Err(_) => {
                return Err(envelope::http_error(
                    StatusCode::REQUEST_TIMEOUT,
                    "READ_TIMEOUT",
                    "the request's body stopped arriving",
                ))
            }
            Ok(None) => return Ok((line, Body::empty())),
            Ok(Some(Err(e))) => {
                return Err(envelope::http_error(
                    StatusCode::BAD_REQUEST,
                    "BODY_UNREADABLE",
                    &format!("the request's body cannot be read: {e}"),
                ))
            }
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        match data.iter().position(|b| *b == b'\n') {
            Some(at) => {
                line.extend_from_slice(data.get(..=at).unwrap_or_default());
                if line.len() > limit {
                    return Err(body::too_large(limit));
                }
                let after = data.slice(at + 1..);
                let first = stream::iter([Ok::<Bytes, axum::Error>(after)]);
                let rest = Body::from_stream(first.chain(body.into_data_stream()));
                return Ok((line, rest));
            }
            None => {
                line.extend_from_slice(&data);
                if line.len() > limit {
                    return Err(body::too_large(limit));
                }
            }
        }
    }
}
