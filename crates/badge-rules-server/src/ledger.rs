//! The price ledger's endpoints, when the server was started with
//! `--ledger`: `POST /v1/ledger/record` (what `badge-rules ledger record`
//! records), `GET /v1/ledger/lowest` (`ledger lowest`, for one offer or
//! many) and `GET /v1/ledger/history/{offerId}` (`ledger history`). Each
//! answer is the CLI's line; the work runs off the connection's thread,
//! through the ledger crate's public API ([`crate::ledger_access`]).

use std::sync::Arc;

use axum::extract::{Path, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::Response;
use badge_rules::money::Marketplace;
use badge_rules::period::Instant;
use badge_rules_ledger::recording::{self, Outcome};
use badge_rules_ledger::{instant_of, millis_of, LedgerError, Question};
use serde_json::json;

use crate::body;
use crate::check::NDJSON;
use crate::envelope;
use crate::ledger_access::LedgerAccess;
use crate::query::{self, Query};
use crate::state::State;

/// The ledger, or the 404 that says the server has none.
fn ledger_of(state: &State) -> Result<Arc<LedgerAccess>, Response> {
    state.ledger.clone().ok_or_else(|| {
        envelope::http_error(
            StatusCode::NOT_FOUND,
            "NO_LEDGER",
            "this server was started without a ledger (badge-rules serve --ledger PATH)",
        )
    })
}

/// A ledger failure: 500 (503 when the database is busy or gone).
fn failed(e: &LedgerError) -> Response {
    envelope::error(
        StatusCode::SERVICE_UNAVAILABLE,
        "ledger",
        "LEDGER_FAILED",
        "",
        &e.to_string(),
    )
}

/// `f` on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(f).await.map_err(|_| {
        envelope::http_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            "the ledger's work failed",
        )
    })
}

/// `at`, or the clock's now.
fn at_or_now(query: &Query) -> Result<Instant, Response> {
    if let Some(at) = query::instant(query, "at")? {
        return Ok(at);
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .and_then(instant_of)
        .ok_or_else(|| {
            envelope::usage(
                "at",
                "INVALID_VALUE",
                "the clock gives no usable time: pass at",
            )
        })
}

/// The question about `offer` the query asks (`at`, `marketplace`,
/// `campaign`, `starts`).
fn question(offer: &str, at: Instant, query: &Query) -> Result<Question, Response> {
    let mut q = Question::new(offer, at);
    q.marketplace = match query.get("marketplace") {
        None => None,
        Some(id) => Some(Marketplace::from_id(id).ok_or_else(|| {
            envelope::usage(
                "marketplace",
                "UNKNOWN_VALUE",
                &format!("marketplace {id}: not a marketplace the engine knows (allegro-pl, allegro-cz, allegro-sk, allegro-hu)"),
            )
        })?),
    };
    q.campaign = query.get("campaign").map(str::to_owned);
    q.starts = query::instant(query, "starts")?;
    Ok(q)
}

/// `POST /v1/ledger/record?at=`: the body's responses recorded, each whole
/// or not at all; the answer is `ledger record`'s summary line with the
/// refusals (`file` is `request`).
pub(crate) async fn record(Extract(state): Extract<State>, request: Request) -> Response {
    let ledger = match ledger_of(&state) {
        Ok(ledger) => ledger,
        Err(response) => return response,
    };
    let (parts, body) = request.into_parts();
    let at = match query::instant(&Query::of(&parts.uri), "at") {
        Ok(at) => at.map(millis_of),
        Err(response) => return response,
    };
    let config = &state.config;
    let bytes = match body::whole(body, config.body_limit, config.read_timeout).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let done = blocking(move || {
        let mut refusals = Vec::new();
        let summary = ledger.write(|l| {
            recording::record(l, &mut bytes.as_ref(), "request", at, |outcome| {
                if let Outcome::Refused(fault) = outcome {
                    refusals.push(
                        json!({"line": fault.line, "path": fault.path, "message": fault.message}),
                    );
                }
            })
        });
        (summary, refusals)
    })
    .await;
    let (summary, refusals) = match done {
        Ok(done) => done,
        Err(response) => return response,
    };
    let total = match summary.and_then(|s| s) {
        Ok(total) => total,
        Err(e) => return failed(&e),
    };
    let line = json!({
        "committed": total.committed,
        "refused": total.refused,
        "prices": total.snapshots,
        "newPrices": total.new_snapshots,
        "knownPrices": total.snapshots.saturating_sub(total.new_snapshots),
        "events": total.events,
        "newEvents": total.new_events,
        "knownEvents": total.events.saturating_sub(total.new_events),
        "refusals": refusals,
    });
    envelope::json_response(StatusCode::OK, line.to_string())
}

/// `GET /v1/ledger/lowest?offer=ID&offer=ID&at=`: one `ledger lowest` line
/// per offer, in the order asked.
pub(crate) async fn lowest(Extract(state): Extract<State>, request: Request) -> Response {
    let ledger = match ledger_of(&state) {
        Ok(ledger) => ledger,
        Err(response) => return response,
    };
    let query = Query::of(request.uri());
    let offers = query.all("offer");
    if offers.is_empty() {
        return envelope::usage(
            "offer",
            "MISSING",
            "name at least one offer: ?offer=ID (repeated, or ids separated by commas)",
        );
    }
    let at = match at_or_now(&query) {
        Ok(at) => at,
        Err(response) => return response,
    };
    let mut questions = Vec::with_capacity(offers.len());
    for offer in &offers {
        match question(offer, at, &query) {
            Ok(q) => questions.push(q),
            Err(response) => return response,
        }
    }
    let done = blocking(move || {
        ledger.read(|l| {
            let mut text = String::new();
            for q in &questions {
                let answer = l.ask(q)?;
                text.push_str(
                    &serde_json::to_string(&answer).map_err(|e| LedgerError::Io(e.to_string()))?,
                );
                text.push('\n');
            }
            Ok::<String, LedgerError>(text)
        })
    })
    .await;
    match done.map(|r| r.and_then(|r| r)) {
        Ok(Ok(text)) => {
            let mut response = envelope::json_response(StatusCode::OK, String::new());
            *response.body_mut() = axum::body::Body::from(text);
            response.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static(NDJSON),
            );
            response
        }
        Ok(Err(e)) => failed(&e),
        Err(response) => response,
    }
}

/// `GET /v1/ledger/history/{offerId}?at=`: `ledger history`'s line; 404
/// when the ledger has nothing on the offer.
pub(crate) async fn history(
    Extract(state): Extract<State>,
    Path(offer): Path<String>,
    request: Request,
) -> Response {
    let ledger = match ledger_of(&state) {
        Ok(ledger) => ledger,
        Err(response) => return response,
    };
    let query = Query::of(request.uri());
    let q = match at_or_now(&query).and_then(|at| question(&offer, at, &query)) {
        Ok(q) => q,
        Err(response) => return response,
    };
    let done = blocking(move || ledger.read(|l| l.history_for(&q)).and_then(|r| r)).await;
    match done {
        Ok(Ok(Some(history))) => match serde_json::to_string(&history) {
            Ok(line) => envelope::json_response(StatusCode::OK, line),
            Err(e) => failed(&LedgerError::Io(e.to_string())),
        },
        Ok(Ok(None)) => envelope::error(
            StatusCode::NOT_FOUND,
            "ledger",
            "UNKNOWN_OFFER",
            "offerId",
            &format!("the ledger has nothing on offer {offer}"),
        ),
        Ok(Err(e)) => failed(&e),
        Err(response) => response,
    }
}
