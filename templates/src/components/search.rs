//! Search form with facets, result count and prev/next pagination, shared by the list pages.

use crate::i18n::catalog::C;
use crate::i18n::{Lang, int, t};
use crate::layout::PageContext;
use crate::routes::encode;
use crate::vocab;
use maud::{Markup, html};

/// Which field a facet filters on; its name is also the query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    /// Region of Mali (`region`).
    Region,
    /// Language (`language`).
    Language,
    /// Academic discipline (`discipline`).
    Discipline,
    /// Project sector (`sector`).
    Sector,
    /// Country of residence (`country`).
    Country,
    /// On site or remote (`mode`).
    Mode,
    /// Teaching level (`level`).
    Level,
}

impl FacetKind {
    /// The query parameter name.
    pub fn param(self) -> &'static str {
        match self {
            FacetKind::Region => "region",
            FacetKind::Language => "language",
            FacetKind::Discipline => "discipline",
            FacetKind::Sector => "sector",
            FacetKind::Country => "country",
            FacetKind::Mode => "mode",
            FacetKind::Level => "level",
        }
    }

    /// Localised field label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                FacetKind::Region => C::Region,
                FacetKind::Language => C::Language,
                FacetKind::Discipline => C::Discipline,
                FacetKind::Sector => C::Sector,
                FacetKind::Country => C::Country,
                FacetKind::Mode => C::Mode,
                FacetKind::Level => C::Level,
            },
        )
    }

    /// Localised label of one value (region id → name, ISO code → language or country name…).
    pub fn value_label(self, lang: Lang, value: &str) -> String {
        match self {
            FacetKind::Region => vocab::region(lang, value),
            FacetKind::Language => vocab::label(vocab::LANGUAGES, lang, value).to_owned(),
            FacetKind::Sector => vocab::label(vocab::SECTORS, lang, value).to_owned(),
            FacetKind::Country => vocab::label(vocab::COUNTRIES, lang, value).to_owned(),
            FacetKind::Level => vocab::label(vocab::LEVELS, lang, value).to_owned(),
            FacetKind::Mode => match value {
                "onsite" => t(lang, C::ModeOnsite).to_owned(),
                "remote" => t(lang, C::ModeRemote).to_owned(),
                v => v.to_owned(),
            },
            FacetKind::Discipline => value.to_owned(),
        }
    }
}

/// One value of a facet with the number of matching results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The value sent in the query (code or free text).
    pub value: String,
    /// Number of results with this value under the other current filters.
    pub count: u64,
    /// Whether this value is the current filter.
    pub selected: bool,
}

/// A facet: a field and its values with counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// Which field.
    pub kind: FacetKind,
    /// Its values, in the order to show.
    pub options: Vec<FacetOption>,
}

/// The most values a facet offers in the search form; the rest stay reachable through the
/// free-text query, and the page stays light on a slow connection.
pub const FACET_OPTIONS_SHOWN: usize = 30;

impl Facet {
    /// A facet from value counts (most frequent first): the first [`FACET_OPTIONS_SHOWN`]
    /// values, plus the selected one (case ignored) wherever it ranks.
    pub fn from_counts(kind: FacetKind, counts: &[(String, usize)], selected: &str) -> Facet {
        let selected = selected.trim();
        let is_selected =
            |value: &str| !selected.is_empty() && value.eq_ignore_ascii_case(selected);
        let options = counts
            .iter()
            .enumerate()
            .filter(|(i, (value, _))| *i < FACET_OPTIONS_SHOWN || is_selected(value))
            .map(|(_, (value, count))| FacetOption {
                value: value.clone(),
                count: *count as u64,
                selected: is_selected(value),
            })
            .collect();
        Facet { kind, options }
    }

    fn selected(&self) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.selected)
            .map(|o| o.value.as_str())
    }
}

/// Result page position (pages count from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    /// Current page, from 1.
    pub page: u32,
    /// Results per page.
    pub per_page: u32,
    /// Total number of results.
    pub total: u64,
}

impl Pagination {
    /// Number of pages (at least 1).
    pub fn pages(&self) -> u32 {
        let per = u64::from(self.per_page.max(1));
        u32::try_from(self.total.div_ceil(per).max(1)).unwrap_or(u32::MAX)
    }
}

/// A search results page: query, facets, the cards of this page and the pagination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListView<T> {
    /// Free-text query `q` as typed.
    pub q: String,
    /// Facets with counts (selected values mark the current filters).
    pub facets: Vec<Facet>,
    /// This page's results.
    pub items: Vec<T>,
    /// Position in the results.
    pub pagination: Pagination,
}

/// Query string for `page` keeping the query and the selected facets.
pub fn query_string(q: &str, facets: &[Facet], page: u32) -> String {
    let mut parts = Vec::new();
    if !q.is_empty() {
        parts.push(format!("q={}", encode(q)));
    }
    for f in facets {
        if let Some(v) = f.selected() {
            parts.push(format!("{}={}", f.kind.param(), encode(v)));
        }
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The GET search form: free text and one select per facet with counts.
pub fn search_form(ctx: &PageContext, action: &str, q: &str, facets: &[Facet]) -> Markup {
    let lang = ctx.lang;
    html! {
        form.search method="get" action=(action) role="search" {
            div.field {
                label for="q" { (t(lang, C::SearchLabel)) }
                input #q type="search" name="q" value=(q);
            }
            @for f in facets {
                @let id = format!("facet-{}", f.kind.param());
                div.field {
                    label for=(id) { (f.kind.label(lang)) }
                    select id=(id) name=(f.kind.param()) {
                        option value="" { (t(lang, C::AnyValue)) }
                        @for o in &f.options {
                            option value=(o.value) selected[o.selected] {
                                (f.kind.value_label(lang, &o.value)) " (" (int(lang, o.count)) ")"
                            }
                        }
                    }
                }
            }
            div.actions {
                button type="submit" { (t(lang, C::Search)) }
                " "
                a href=(action) { (t(lang, C::ClearFilters)) }
            }
        }
    }
}

/// "42 results" and prev/next links.
pub fn pager(ctx: &PageContext, action: &str, q: &str, facets: &[Facet], p: Pagination) -> Markup {
    let lang = ctx.lang;
    let pages = p.pages();
    html! {
        nav.pager aria-label=(t(lang, C::Pagination)) {
            @if p.page > 1 {
                a rel="prev" href={ (action) (query_string(q, facets, p.page - 1)) } { "← " (t(lang, C::Previous)) }
            }
            span { (ctx.tf(C::PageOf, &[("page", &int(lang, u64::from(p.page))), ("pages", &int(lang, u64::from(pages)))])) }
            @if p.page < pages {
                a rel="next" href={ (action) (query_string(q, facets, p.page + 1)) } { (t(lang, C::Next)) " →" }
            }
        }
    }
}

/// The number of results: "1 résultat", "42 résultats".
pub fn result_count(lang: Lang, total: u64) -> Markup {
    html! { p.count role="status" { (lang.plural(total, C::ResultOne, C::ResultMany)) } }
}
