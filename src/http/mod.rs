//! The web app: state, the error-to-response map, and the routes.

pub mod error;
pub mod pages;
pub mod state;

use axum::Router;
use axum::routing::get;

pub use error::AppError;
pub use state::AppState;

/// Builds the router with every route and middleware.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/healthz", get(pages::health))
        .with_state(state)
}
