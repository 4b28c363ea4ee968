//! The routes and the layers around them.

use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

use crate::state::State;
use crate::{catalogue, check, health, ledger, manners, plan};

/// Every route of the API, without the layers.
///
/// ```
/// let state = badge_rules_server::Shared::new(badge_rules_server::Config::default()).unwrap();
/// let _app = badge_rules_server::with_manners(badge_rules_server::routes(), state);
/// ```
pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/check", post(check::check))
        .route("/v1/plan", post(plan::plan))
        .route("/v1/codes", get(catalogue::codes))
        .route("/v1/rules", get(catalogue::rules))
        .route("/v1/terms", get(catalogue::terms_list))
        .route("/v1/terms/{campaignId}", get(catalogue::terms_of))
        .route("/v1/ledger/record", post(ledger::record))
        .route("/v1/ledger/lowest", get(ledger::lowest))
        .route("/v1/ledger/history/{offerId}", get(ledger::history))
        .route("/v1/openapi.json", get(health::openapi))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
}

/// `routes` with 404 and 405 answered with the envelope, a panic caught
/// (500), and the manners (logs, token, in-flight bound, deadline) around all.
pub fn with_manners(routes: Router<State>, state: State) -> Router {
    routes
        .fallback(manners::not_found)
        .method_not_allowed_fallback(manners::wrong_method)
        .layer(CatchPanicLayer::custom(manners::panicked))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            manners::manners,
        ))
        .with_state(state)
}
