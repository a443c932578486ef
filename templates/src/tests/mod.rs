//! Crate tests: formatting, catalogue, every page rendering, escaping, accessibility checks, size.

mod checks;
mod facets;
mod i18n;
mod pages;
mod pages_org;
mod sample;
mod size;
