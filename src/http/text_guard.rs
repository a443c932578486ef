//! Refuses control characters in submitted text, for every page form and API body at once:
//! a field may hold line breaks and tabs (multi-line fields), nothing else below U+0020 nor
//! DEL and the C1 controls. The answer names the field and changes nothing.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppError;

/// Largest body this guard reads (the router's own limit is the same).
const MAX_READ: usize = 2 * 1024 * 1024;

/// Whether a character is refused in submitted text: control characters (line breaks and
/// tabs excepted), and the invisible ones that can disguise a text — bidirectional
/// overrides and isolates, zero-width spaces and joiners, the byte-order mark.
pub fn is_refused(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// The first form field (name) whose decoded value or name holds a refused character.
fn bad_form_field(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .map(|(k, v)| (super::cookies::decode(k), super::cookies::decode(v)))
        .find(|(k, v)| k.chars().any(is_refused) || v.chars().any(is_refused))
        .map(|(k, _)| k.chars().filter(|c| !is_refused(*c)).collect())
}

/// The JSON path of the first string (or key) holding a refused character.
fn bad_json_field(value: &serde_json::Value, path: &str) -> Option<String> {
    match value {
        serde_json::Value::String(s) => s.chars().any(is_refused).then(|| path.to_string()),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| bad_json_field(v, &format!("{path}/{i}"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.chars().any(is_refused) {
                Some(path.to_string())
            } else {
                bad_json_field(v, &format!("{path}/{k}"))
            }
        }),
        _ => None,
    }
}

/// The middleware.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    if !matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH
    ) {
        return next.run(request).await;
    }
    let kind = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let form = kind.starts_with("application/x-www-form-urlencoded");
    let json = kind.starts_with("application/json");
    if !form && !json {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_READ).await else {
        return AppError::PayloadTooLarge.into_response();
    };
    let bad = if form {
        bad_form_field(&bytes)
    } else {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|v| bad_json_field(&v, ""))
    };
    if let Some(field) = bad {
        return AppError::ControlCharacters(field).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_control_characters_in_forms_and_json() {
        assert_eq!(bad_form_field(b"title=ok&description=a%0D%0Ab"), None);
        assert_eq!(
            bad_form_field(b"title=bell%07&x=1").as_deref(),
            Some("title")
        );
        assert_eq!(
            bad_form_field("title=Titre%E2%80%AEcach%C3%A9".as_bytes()).as_deref(),
            Some("title"),
            "a right-to-left override"
        );
        assert_eq!(
            bad_form_field("q=h%C3%A9t%C3%A9rog%C3%A8ne".as_bytes()),
            None
        );
        let v: serde_json::Value =
            serde_json::from_str(r#"{"skills": ["a", "b\u0000"], "t": "x\ny"}"#).unwrap();
        assert_eq!(bad_json_field(&v, "").as_deref(), Some("/skills/1"));
    }
}
