//! One-shot messages carried across a redirect in a cookie, and the middleware that
//! clears them once a page has shown them.

use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passerelle_templates::FlashKind;

use super::{AppState, cookies};

/// A `303 See Other` to `to` that leaves a message for the next page.
pub fn redirect(state: &AppState, to: &str, kind: FlashKind, text: &str) -> Response {
    let tag = match kind {
        FlashKind::Success => "s",
        FlashKind::Error => "e",
    };
    let cookie = cookies::set(
        cookies::FLASH,
        &cookies::encode(&format!("{tag}:{text}")),
        Some(60),
        state.secure_cookies(),
    );
    let mut response = see_other(to);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

/// A plain `303 See Other` to a local path (anything else goes home).
pub fn see_other(to: &str) -> Response {
    let target = safe_next(to);
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&target) {
        response.headers_mut().insert(LOCATION, v);
    }
    response
}

/// Keeps only local paths as redirect targets: one leading `/`, then no second `/` or `\\`,
/// and no whitespace or control character anywhere (browsers drop tabs and line breaks from a
/// `Location`, so `/\t/evil.example` would become `//evil.example`, another host). Anything
/// else goes home. Non-ASCII characters are percent-encoded so the header stays valid.
pub fn safe_next(next: &str) -> String {
    let local = next.starts_with('/')
        && !next[1..].starts_with(['/', '\\'])
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if !local {
        return "/".to_string();
    }
    let mut out = String::with_capacity(next.len());
    for c in next.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Middleware: once an HTML page was rendered, the flash it showed is deleted.
pub async fn clear_shown(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let had_flash = cookies::get(request.headers(), cookies::FLASH).is_some();
    let mut response = next.run(request).await;
    let is_page = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    let sets_flash = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.as_bytes().starts_with(cookies::FLASH.as_bytes()));
    if had_flash
        && is_page
        && !sets_flash
        && let Ok(v) = HeaderValue::from_str(&cookies::set(
            cookies::FLASH,
            "",
            Some(0),
            state.secure_cookies(),
        ))
    {
        response.headers_mut().append(SET_COOKIE, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_redirect_targets() {
        assert_eq!(safe_next("/missions?q=x"), "/missions?q=x");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil"), "/");
        assert_eq!(safe_next("/\t/evil.example/phish"), "/");
        assert_eq!(safe_next("/\n/evil.example"), "/");
        assert_eq!(safe_next("/ /evil.example"), "/");
        assert_eq!(safe_next("/\u{2028}/evil.example"), "/");
        assert_eq!(safe_next("missions"), "/");
        assert_eq!(safe_next("/missions?q=géo"), "/missions?q=g%C3%A9o");
        assert_eq!(safe_next("/"), "/");
    }
}
