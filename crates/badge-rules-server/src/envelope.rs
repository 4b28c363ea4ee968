//! The answers that are no report: the `{"error": {...}}` envelope the CLI
//! prints, for what goes wrong at the HTTP level (a wrong route, a missing
//! token, too large a body, too much work at once).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON body with its status and a newline, as the CLI ends its lines.
pub(crate) fn json_response(status: StatusCode, line: String) -> Response {
    let mut text = line;
    text.push('\n');
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
    )
        .into_response()
}

/// `{"error": {"kind": "http", "code", "path": "", "message"}}` with `status`.
pub(crate) fn http_error(status: StatusCode, code: &str, message: &str) -> Response {
    error(status, "http", code, "", message)
}

/// The envelope of an error of `kind` at `path`.
pub(crate) fn error(
    status: StatusCode,
    kind: &str,
    code: &str,
    path: &str,
    message: &str,
) -> Response {
    /// The fields in the order the core writes an input error's.
    #[derive(Serialize)]
    struct Inner<'a> {
        kind: &'a str,
        code: &'a str,
        path: &'a str,
        message: &'a str,
    }
    #[derive(Serialize)]
    struct Line<'a> {
        error: Inner<'a>,
    }
    let line = Line {
        error: Inner {
            kind,
            code,
            path,
            message,
        },
    };
    json_response(status, serde_json::to_string(&line).unwrap_or_default())
}

/// A bad query parameter or header: 400, kind `usage`.
pub(crate) fn usage(path: &str, code: &str, message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "usage", code, path, message)
}

/// Too much work at once, or a handler too slow: 503 with `Retry-After`.
pub(crate) fn unavailable(code: &str, message: &str) -> Response {
    let mut response = http_error(StatusCode::SERVICE_UNAVAILABLE, code, message);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}
