//! The stylesheet and the favicon, with content hashes for cache-busting URLs.

/// The site stylesheet (the site rules followed by the statistics views' rules); serve at `/static/style.css`.
pub const STYLE_CSS: &str = concat!(
    include_str!("../assets/style.css"),
    include_str!("stats/stats.css")
);

/// The favicon, a tiny SVG (a bridge over a green square); serve at `/static/favicon.svg` as `image/svg+xml`.
pub const FAVICON_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0a5132"/><path d="M4 22 Q16 6 28 22" fill="none" stroke="#f2c500" stroke-width="3"/><path d="M3 23h26M10 23v-6M16 23v-9M22 23v-6" stroke="#fff" stroke-width="2"/></svg>"##;

/// FNV-1a 64-bit hash, computed at compile time.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// Content hash of [`STYLE_CSS`].
pub const STYLE_CSS_HASH: u64 = fnv1a(STYLE_CSS.as_bytes());

/// Content hash of [`FAVICON_SVG`].
pub const FAVICON_SVG_HASH: u64 = fnv1a(FAVICON_SVG.as_bytes());

/// The stylesheet URL with its hash: `/static/style.css?v=…` (cache it for a year).
pub fn style_css_href() -> String {
    format!("/static/style.css?v={STYLE_CSS_HASH:016x}")
}

/// The favicon URL with its hash: `/static/favicon.svg?v=…`.
pub fn favicon_href() -> String {
    format!("/static/favicon.svg?v={FAVICON_SVG_HASH:016x}")
}
