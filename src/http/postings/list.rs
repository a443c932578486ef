//! `/missions` and `/projects`: free-text search with facets over the public postings.

use axum::extract::{Query, State};
use maud::Markup;
use passerelle_index::{DocKind, Region, SearchQuery, SearchResults};
use passerelle_templates::components::search::{
    Facet, FacetKind, FacetOption, ListView, Pagination,
};
use passerelle_templates::pages;
use serde::Deserialize;

use crate::http::context::Page;
use crate::http::views::{mission_card, project_card};
use crate::http::{AppError, AppState};
use crate::store::{missions, pledges, projects};

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
    Facet {
        kind,
        options: counts
            .iter()
            .map(|(value, count)| FacetOption {
                value: value.clone(),
                count: *count as u64,
                selected: value.eq_ignore_ascii_case(selected.trim()),
            })
            .collect(),
    }
}

fn search(state: &AppState, kind: DocKind, q: &ListQuery) -> (u32, SearchResults) {
    let current = q.page.unwrap_or(1).clamp(1, 10_000);
    let discipline = some(&q.discipline).or_else(|| some(&q.sector));
    let results = state.engine().search(&SearchQuery {
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
    let pool = &state.db().pool;
    let mut items = Vec::with_capacity(results.hits.len());
    for hit in &results.hits {
        // The index is derived; a posting that just left the database is simply skipped.
        if let Ok(m) = missions::get(pool, &hit.r#ref).await {
            items.push(mission_card(&m));
        }
    }
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
    let pool = &state.db().pool;
    let mut items = Vec::with_capacity(results.hits.len());
    for hit in &results.hits {
        if let Ok(p) = projects::get(pool, &hit.r#ref).await {
            let (confirmed, _) = pledges::totals(pool, p.id).await?;
            items.push(project_card(&p, confirmed));
        }
    }
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
