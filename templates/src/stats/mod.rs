//! Statistics views: choropleth maps of Mali, bar and time-series charts,
//! data tables with CSV/JSON exports, and the statistics page body.
//!
//! Everything here is a pure function from figures to markup; the app
//! computes the figures. No JavaScript, no inline CSS (the CSP forbids it):
//! colours are SVG presentation attributes, layout classes are in [`STATS_CSS`].

#![warn(missing_docs)]

pub mod chart;
pub mod figure;
pub mod geo;
pub mod labels;
pub mod map;
pub mod page;
pub mod regions;
pub mod table;

pub use figure::Figure;
pub use labels::Lang;
pub use table::{Cell, Column, Table, Visual, to_csv, to_csv_lang, to_json};

/// Stylesheet rules for the statistics views, to append to the site's CSS file.
pub const STATS_CSS: &str = include_str!("stats.css");

/// Turns a title into an ASCII slug usable in element ids ("Experts par région" → "experts-par-region").
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "x".to_owned() } else { out }
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' | 'Ç' => 'c',
        c if c.is_ascii() => c,
        _ => ' ',
    })
}

#[cfg(test)]
mod tests;
