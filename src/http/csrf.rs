//! Cross-site request forgery protection for every state-changing request.
//!
//! Every visitor gets a random token in an HttpOnly cookie, and every form repeats it in a
//! hidden `csrf` field (double submit); JSON requests authenticated by the session cookie
//! repeat it in an `X-CSRF-Token` header. Requests a browser marks as cross-site are refused
//! outright. Bearer-token API calls carry no cookie and need no token; one-click
//! unsubscribe links carry their own secret.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::cookies;
use super::{AppError, AppState};

/// The visitor's CSRF token, put in request extensions for the page context.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Largest form body read to find the token.
const MAX_FORM: usize = 1024 * 1024;

/// Header carrying the token on JSON requests.
pub const HEADER: &str = "x-csrf-token";

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    std::str::from_utf8(body)
        .ok()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| cookies::decode(v))
}

fn refuse(api: bool) -> Response {
    if api {
        return super::api::problem::Problem::new(
            StatusCode::FORBIDDEN,
            "missing or invalid X-CSRF-Token header (requests authenticated by the session cookie)",
        )
        .into_response();
    }
    AppError::CsrfRejected.into_response()
}

/// The middleware: issues the token cookie and checks unsafe requests.
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let existing = cookies::get(request.headers(), cookies::CSRF).filter(|t| t.len() >= 32);
    let token = existing
        .clone()
        .unwrap_or_else(crate::store::sessions::new_secret);
    let (mut parts, body) = request.into_parts();
    parts.extensions.insert(CsrfToken(token.clone()));
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let api = parts.uri.path().starts_with("/api/");
    let mut request = Request::from_parts(parts, body);
    if unsafe_method && !exempt(&request) {
        if request
            .headers()
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            == Some("cross-site")
        {
            return refuse(api);
        }
        let Some(expected) = existing.as_deref() else {
            return refuse(api);
        };
        let is_form = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        let header = request
            .headers()
            .get(HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let given = if let Some(h) = header {
            Some(h)
        } else if is_form {
            let (parts, body) = request.into_parts();
            let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
                return AppError::PayloadTooLarge.into_response();
            };
            let found = form_field(&bytes, "csrf");
            request = Request::from_parts(parts, Body::from(bytes));
            found
        } else {
            None
        };
        match given {
            Some(g) if constant_time_eq(g.as_bytes(), expected.as_bytes()) => {}
            _ => return refuse(api),
        }
    }
    let mut response = next.run(request).await;
    if existing.is_none()
        && let Ok(v) = HeaderValue::from_str(&cookies::set(
            cookies::CSRF,
            &token,
            None,
            state.secure_cookies(),
        ))
    {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

/// Requests that carry their own authority: bearer-token or anonymous API calls, and
/// one-click unsubscribe.
fn exempt(request: &Request) -> bool {
    let bearer = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer ") && !v.contains(cookies::SESSION));
    let has_session = cookies::get(request.headers(), cookies::SESSION).is_some();
    let path = request.uri().path();
    // Without a session cookie an API call carries no ambient authority to forge.
    (!has_session && (bearer || path.starts_with("/api/"))) || path.starts_with("/unsubscribe/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_among_form_fields() {
        assert_eq!(
            form_field(b"a=1&csrf=abc%2Bd&b=2", "csrf").as_deref(),
            Some("abc+d")
        );
        assert_eq!(form_field(b"a=1", "csrf"), None);
    }

    #[test]
    fn compares_in_constant_time() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
