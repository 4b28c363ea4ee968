//! What every request goes through before its handler, outermost first:
//! a JSON log line on stderr and the counters (route, status, time; never
//! a body or a header's value), the bearer token, the bound on requests in
//! flight (503 with `Retry-After` beyond it), the handler's deadline, and
//! a panic caught (500; the server lives on).

use std::io::Write as _;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Request, State as Extract};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt as _;
use http_body::Body as _;
use serde_json::json;

use crate::envelope;
use crate::state::State;

/// The routes, as the counters and log lines name them.
const ROUTES: [&str; 11] = [
    "/v1/check",
    "/v1/plan",
    "/v1/codes",
    "/v1/rules",
    "/v1/terms",
    "/v1/openapi.json",
    "/v1/ledger/record",
    "/v1/ledger/lowest",
    "/healthz",
    "/readyz",
    "/metrics",
];

/// The route of `path`: itself for a fixed route, its template for one
/// with a parameter, `other` for no route.
pub(crate) fn route_of(path: &str) -> &'static str {
    if let Some(route) = ROUTES.iter().find(|r| **r == path) {
        return route;
    }
    if path.starts_with("/v1/terms/") {
        "/v1/terms/{campaignId}"
    } else if path.starts_with("/v1/ledger/history/") {
        "/v1/ledger/history/{offerId}"
    } else {
        "other"
    }
}

/// Routes that answer without a token and outside the in-flight bound: a
/// load balancer's probes.
fn is_probe(route: &str) -> bool {
    route == "/healthz" || route == "/readyz"
}

/// Decrements the in-flight gauge and frees the slot when the answer has
/// been written.
struct InFlight {
    state: State,
    _permit: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.state.metrics.in_flight(-1);
    }
}

/// The middleware: see the module's documentation.
pub(crate) async fn manners(
    Extract(state): Extract<State>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let route = route_of(request.uri().path());
    let method = request.method().as_str().to_owned();
    let response = guarded(&state, route, request, next).await;
    let status = response.status().as_u16();
    let took = started.elapsed();
    state.metrics.request(route, &method, status, took);
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let line = json!({
        "ts": ms,
        "method": method,
        "route": route,
        "status": status,
        "ms": took.as_secs_f64() * 1000.0,
    });
    // One write per line, so that lines of concurrent requests never mix;
    // nothing to do when stderr is gone.
    let _ = std::io::stderr()
        .lock()
        .write_all(format!("{line}\n").as_bytes());
    response
}

/// The token, the bound and the deadline, then the handler.
async fn guarded(state: &State, route: &'static str, request: Request, next: Next) -> Response {
    if is_probe(route) {
        return next.run(request).await;
    }
    if let Some(token) = &state.config.token {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .map(HeaderValue::as_bytes)
            .unwrap_or_default();
        if !token.matches(given) {
            let mut response = envelope::http_error(
                StatusCode::UNAUTHORIZED,
                "UNAUTHORIZED",
                "this server wants a bearer token: Authorization: Bearer <token>",
            );
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return response;
        }
    }
    let permit = if route == "/metrics" {
        None
    } else {
        match state.slots.clone().try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => {
                state.metrics.rejected();
                return envelope::unavailable(
                    "OVERLOADED",
                    "too many requests in flight: retry after the time Retry-After gives",
                );
            }
        }
    };
    state.metrics.in_flight(1);
    let guard = InFlight {
        state: State::clone(state),
        _permit: permit,
    };
    let response = match tokio::time::timeout(state.config.handler_timeout, next.run(request)).await
    {
        Ok(response) => response,
        Err(_) => envelope::unavailable(
            "HANDLER_TIMEOUT",
            "the answer took longer than the server allows",
        ),
    };
    hold(response, guard)
}

/// `response`, keeping `guard` until its body has been written (a
/// streamed answer is in flight until its last byte).
fn hold(response: Response, guard: InFlight) -> Response {
    if response.body().size_hint().exact().is_some() {
        return response;
    }
    let (parts, body) = response.into_parts();
    let stream = body.into_data_stream().map(move |chunk| {
        let _held = &guard;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

/// The answer to a handler that panicked: 500, the envelope.
pub(crate) fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    envelope::http_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "INTERNAL",
        "the server failed to answer this request (a fault of the server, not of the request)",
    )
}

/// `404`: no such route.
pub(crate) async fn not_found() -> Response {
    envelope::http_error(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        "no such route: see /v1/openapi.json",
    )
}

/// `405`: the route takes another method.
pub(crate) async fn wrong_method() -> Response {
    envelope::http_error(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "this route takes another method: see /v1/openapi.json",
    )
}
