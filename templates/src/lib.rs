//! Passerelle views: pure functions from plain view structs to maud markup, the French/English
//! string catalogue ([`i18n`]), the stylesheet ([`assets`]) and the statistics views ([`stats`]).
//!
//! Every page is `pages::name(&PageContext, &NameView) -> Markup` and returns a whole document
//! (wrapped by [`layout::page`]); the app picks the HTTP status (see [`pages::errors::ErrorKind::status`]).
//! URLs linked and posted to are in [`routes`]; every POST form carries a hidden `csrf` field
//! holding [`PageContext::csrf_token`]. Serve [`assets::STYLE_CSS`] at `/static/style.css` and
//! [`assets::FAVICON_SVG`] at `/static/favicon.svg`; their URLs carry a content hash, so they can be
//! cached for a year. Flash texts, validation messages and match reasons come from the catalogue
//! too ([`i18n::catalog::Note`], [`i18n::catalog::V`], [`i18n::catalog::Why`]).
//!
//! ```
//! use passerelle_templates::{Lang, PageContext, pages};
//! use passerelle_templates::pages::errors::{ErrorKind, ErrorView};
//!
//! let ctx = PageContext {
//!     lang: Lang::negotiate("en-GB,en;q=0.9,fr;q=0.8"),
//!     current_path: "/nowhere".into(),
//!     ..PageContext::default()
//! };
//! let html = pages::error_page(&ctx, &ErrorView { kind: ErrorKind::NotFound, request_id: None }).into_string();
//! assert!(html.contains("<h1>Page not found</h1>"));
//! ```
#![warn(missing_docs)]

pub mod assets;
pub mod components;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod pages;
pub mod routes;
pub mod stats;
pub mod vocab;

pub use i18n::Lang;
pub use layout::{Flash, FlashKind, PageContext, UserView, page};
pub use model::{FieldErrors, Role};

#[cfg(test)]
mod tests;
