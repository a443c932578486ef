//! Security headers on every response: a content security policy without inline script,
//! no framing, no MIME sniffing, a conservative referrer policy; behind HTTPS, HSTS; and
//! `Cache-Control: no-store` on what a signed-in visitor is shown, so a shared computer's
//! cache keeps no private page.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::CACHE_CONTROL;

use super::AppState;
use axum::middleware::Next;
use axum::response::Response;

/// The content security policy: everything from this origin, no script at all.
pub const CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// HSTS for a site served over HTTPS: a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Adds the security headers.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let signed_in = super::cookies::get(request.headers(), super::cookies::SESSION).is_some();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if state.secure_cookies() {
        h.insert("strict-transport-security", HeaderValue::from_static(HSTS));
    }
    let shared_asset = h
        .get(CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("immutable"));
    if signed_in && !shared_asset {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert("content-security-policy", HeaderValue::from_static(CSP));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}
