//! `GET /v1/codes`, `GET /v1/terms`, `GET /v1/terms/{campaignId}` and
//! `GET /v1/rules`: what `badge-rules codes`, `terms` and `rules` print with
//! `--format json`, byte for byte.

use axum::extract::{Path, Request, State as Extract};
use axum::http::StatusCode;
use axum::response::Response;
use badge_rules::locale::{interpolate, Label};
use badge_rules::{api, campaigns, registry};

use crate::envelope;
use crate::query::{self, Query};
use crate::state::State;

/// Pretty JSON with a newline, as the CLI prints it.
fn pretty<T: serde::Serialize + ?Sized>(value: &T) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(text) => envelope::json_response(StatusCode::OK, text),
        Err(e) => envelope::http_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            &format!("cannot write the answer: {e}"),
        ),
    }
}

/// `GET /v1/codes?lang=`: `badge-rules codes --format json`.
pub(crate) async fn codes(request: Request) -> Response {
    match query::lang(&Query::of(request.uri()), request.headers()) {
        Ok(lang) => pretty(&api::catalogue(lang)),
        Err(response) => response,
    }
}

/// `GET /v1/rules`: `badge-rules rules --format json`.
pub(crate) async fn rules() -> Response {
    pretty(&registry::rules())
}

/// `GET /v1/terms?lang=`: `badge-rules terms --list --format json`.
pub(crate) async fn terms_list(request: Request) -> Response {
    match query::lang(&Query::of(request.uri()), request.headers()) {
        Ok(lang) => pretty(&api::built_in_campaigns(lang)),
        Err(response) => response,
    }
}

/// `GET /v1/terms/{campaignId}`: `badge-rules terms ID --format json`; an
/// id that is not built in is 404 with the CLI's message.
pub(crate) async fn terms_of(
    Extract(_state): Extract<State>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let lang = match query::lang(&Query::of(request.uri()), request.headers()) {
        Ok(lang) => lang,
        Err(response) => return response,
    };
    let Some(built_in) = campaigns::find(&id) else {
        let ids: Vec<&str> = campaigns::BUILT_IN.iter().map(|c| c.id).collect();
        let message = interpolate(
            lang.label(Label::NotBuiltIn),
            &[("id", &id), ("ids", &ids.join(", "))],
        );
        return envelope::error(
            StatusCode::NOT_FOUND,
            "usage",
            "NOT_BUILT_IN",
            "campaignId",
            &message,
        );
    };
    // Through a `Value`, as the CLI writes them: keys sorted.
    match serde_json::to_value(built_in.terms()) {
        Ok(value) => pretty(&value),
        Err(e) => envelope::http_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            &format!("cannot write the terms: {e}"),
        ),
    }
}
