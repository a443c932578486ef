//! `/missions` and `/projects`: free-text search with facets over the public postings.

use std::sync::Arc;

use axum::extract::{Query, State};
use maud::Markup;
use passerelle_index::{DocKind, Region, SearchQuery, SearchResults};
use passerelle_templates::components::search::{Facet, FacetKind, ListView, Pagination};
use passerelle_templates::pages;
use serde::Deserialize;

use crate::http::context::Page;
use crate::http::views::{mission_card, project_card};
use crate::http::{AppError, AppState};
use crate::store::{missions, projects};

/// Results per page.
const PER_PAGE: u32 = 20;

/// The search pages' query string.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    discipline: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    country: String,
    page: Option<u32>,
}

fn some(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn facet(kind: FacetKind, counts: &[(String, usize)], selected: &str) -> Facet {
    Facet::from_counts(kind, counts, selected)
}

fn search(state: &AppState, kind: DocKind, q: &ListQuery) -> (u32, Arc<SearchResults>) {
    let current = q.page.unwrap_or(1).clamp(1, 10_000);
    let discipline = some(&q.discipline).or_else(|| some(&q.sector));
    let results = state.engine().search_memo(&SearchQuery {
        kind,
        text: q.q.trim().chars().take(500).collect(),
        region: Region::parse(&q.region),
        language: some(&q.language),
        discipline,
        country: some(&q.country),
        limit: PER_PAGE as usize,
        offset: ((current - 1) * PER_PAGE) as usize,
    });
    (current, results)
}

/// The refs of a page of hits, in rank order.
fn refs(results: &SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| h.r#ref.clone()).collect()
}

fn pagination(current: u32, total: usize) -> Pagination {
    Pagination {
        page: current,
        per_page: PER_PAGE,
        total: total as u64,
    }
}

/// GET `/missions`.
pub async fn missions(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> Result<Markup, AppError> {
    let (current, results) = search(&state, DocKind::Mission, &q);
    // The index is derived; a posting that just left the database is simply skipped.
    let items = missions::by_refs(&state.db().pool, &refs(&results))
        .await?
        .iter()
        .map(mission_card)
        .collect();
    let f = &results.facets;
    let view = ListView {
        q: q.q.clone(),
        facets: vec![
            facet(FacetKind::Region, &f.region, &q.region),
            facet(FacetKind::Language, &f.language, &q.language),
            facet(FacetKind::Discipline, &f.discipline, &q.discipline),
        ],
        items,
        pagination: pagination(current, results.total),
    };
    Ok(pages::missions_list(&page.ctx, &view))
}

/// GET `/projects`.
pub async fn projects(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> Result<Markup, AppError> {
    let (current, results) = search(&state, DocKind::Project, &q);
    let items = projects::by_refs_with_pledged(&state.db().pool, &refs(&results))
        .await?
        .iter()
        .map(|(p, pledged)| project_card(p, *pledged))
        .collect();
    let f = &results.facets;
    let sector = if q.sector.is_empty() {
        &q.discipline
    } else {
        &q.sector
    };
    let view = ListView {
        q: q.q.clone(),
        facets: vec![
            facet(FacetKind::Region, &f.region, &q.region),
            facet(FacetKind::Sector, &f.discipline, sector),
            facet(FacetKind::Language, &f.language, &q.language),
        ],
        items,
        pagination: pagination(current, results.total),
    };
    Ok(pages::projects_list(&page.ctx, &view))
}
