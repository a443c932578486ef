//! Reading and writing cookies: the session, the CSRF token, the language and flash messages.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

/// Name of the session cookie.
pub const SESSION: &str = "passerelle_session";
/// Name of the CSRF cookie (double-submit: forms repeat its value).
pub const CSRF: &str = "passerelle_csrf";
/// Name of the language cookie.
pub const LANG: &str = "passerelle_lang";
/// Name of the one-shot flash message cookie.
pub const FLASH: &str = "passerelle_flash";

/// The value of cookie `name` in the request, if any.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path /, Secure when `secure`;
/// `max_age` in seconds (None = a browser-session cookie, Some(0) = delete).
pub fn set(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// Percent-encodes a short text for a cookie value or a URL query.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded text (invalid sequences are kept as they are).
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_round_trips() {
        for text in ["Profil enregistré ✓", "a=b; c", ""] {
            assert_eq!(decode(&encode(text)), text);
        }
    }

    #[test]
    fn finds_a_cookie_among_several() {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, "a=1; passerelle_lang=en; b=2".parse().unwrap());
        assert_eq!(get(&h, LANG).as_deref(), Some("en"));
        assert_eq!(get(&h, "c"), None);
    }
}
