//! The web app: state, request context, middlewares, the error-to-response map, and the routes.
//!
//! Each area of the site has its own module with a `routes()` function returning a
//! `Router<AppState>`; [`router`] merges them and adds the middlewares.

pub mod account;
pub mod accounts;
pub mod api;
pub mod connections;
pub mod context;
pub mod cookies;
pub mod csrf;
pub mod error;
pub mod experts;
pub mod flash;
pub mod login_guard;
pub mod moderation;
pub mod organisation;
pub mod pages;
pub mod postings;
pub mod ratelimit;
pub mod security;
pub mod session;
pub mod state;
pub mod statistics;
pub mod text_guard;
pub mod views;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use passerelle_templates::routes;
use tower_http::compression::CompressionLayer;

pub use error::AppError;
pub use state::{AppState, WebConfig};

/// Largest request body accepted (bulk imports go through the CLI or the API's own limit).
const MAX_BODY: usize = 2 * 1024 * 1024;

/// Builds the router with every route and middleware.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(routes::HOME, get(pages::home))
        .route(routes::ABOUT, get(pages::about))
        .route(routes::LANG, get(pages::switch_lang))
        .route(routes::STYLE, get(pages::style))
        .route(routes::FAVICON, get(pages::favicon))
        .route(routes::HEALTH, get(pages::health))
        .merge(accounts::routes())
        .merge(account::routes())
        .merge(postings::routes())
        .merge(organisation::routes())
        .merge(moderation::routes())
        .merge(statistics::routes())
        .merge(api::routes())
        .merge(experts::routes())
        .merge(connections::routes())
        .layer(from_fn_with_state(state.clone(), flash::clear_shown))
        .layer(from_fn(text_guard::refuse_control_characters))
        .layer(from_fn_with_state(state.clone(), csrf::protect))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .layer(from_fn(error::render))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}
