//! `/experts` and `/experts/{ref}`: the directory of experts with free text and facets, and
//! each expert's profile, for members of verified organisations and moderators only. Contact
//! details show only when the viewer's organisation has an accepted connection with the expert.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use passerelle_index::{DocKind, Region, SearchQuery};
use passerelle_templates::components::cards::ExpertCard;
use passerelle_templates::components::search::{Facet, FacetKind, Pagination};
use passerelle_templates::model::{ContactView, DateWindow, Mode as ViewMode, Offer as ViewOffer};
use passerelle_templates::pages::{self, expert_profile::ExpertProfileView, lists::ExpertListView};
use serde::Deserialize;

use super::may_see_experts;
use crate::domain::{Mode, Offer};
use crate::http::context::Page;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState};
use crate::store::users::Role;
use crate::store::{connections, experts};

/// Results per page.
const PER_PAGE: u32 = 20;

/// The directory's query string.
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    /// Free text.
    #[serde(default)]
    q: String,
    /// Home region id.
    #[serde(default)]
    region: String,
    /// Language code.
    #[serde(default)]
    language: String,
    /// Discipline (folded).
    #[serde(default)]
    discipline: String,
    /// Country of residence.
    #[serde(default)]
    country: String,
    /// Page, from 1.
    page: Option<u32>,
}

fn some(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn facet(kind: FacetKind, counts: &[(String, usize)], selected: &str) -> Facet {
    Facet::from_counts(kind, counts, selected)
}

/// GET `/experts`: search with facets.
pub async fn list(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Query(q): Query<DirectoryQuery>,
) -> Result<Response, AppError> {
    if !may_see_experts(&state, &user).await? {
        return Err(AppError::Forbidden);
    }
    let current = q.page.unwrap_or(1).clamp(1, 10_000);
    let results = state.engine().search_memo(&SearchQuery {
        kind: DocKind::Expert,
        text: q.q.trim().chars().take(500).collect(),
        region: Region::parse(&q.region),
        language: some(&q.language),
        discipline: some(&q.discipline),
        country: some(&q.country),
        limit: PER_PAGE as usize,
        offset: ((current - 1) * PER_PAGE) as usize,
    });
    let items = results
        .hits
        .iter()
        .filter_map(|h| state.engine().expert(&h.r#ref))
        .map(|e| ExpertCard {
            reference: e.r#ref,
            name: e.name,
            headline: e.headline,
            residence_country: e.residence_country,
            home_region: e.home_region.map(|r| r.id().to_string()),
            skills: e.skills.into_iter().take(5).collect(),
            languages: e.languages,
        })
        .collect();
    let f = &results.facets;
    let view = ExpertListView {
        q: q.q.clone(),
        facets: vec![
            facet(FacetKind::Region, &f.region, &q.region),
            facet(FacetKind::Language, &f.language, &q.language),
            facet(FacetKind::Discipline, &f.discipline, &q.discipline),
            facet(FacetKind::Country, &f.country, &q.country),
        ],
        items,
        pagination: Pagination {
            page: current,
            per_page: PER_PAGE,
            total: results.total as u64,
        },
    };
    Ok(pages::experts_list(&page.ctx, &view).into_response())
}

/// GET `/experts/{ref}`: one expert's profile.
pub async fn profile(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r#ref): Path<String>,
) -> Result<Response, AppError> {
    let pool = &state.db().pool;
    let record = experts::get(pool, &r#ref).await?;
    let own = record.user_id == Some(user.id);
    if !own && !may_see_experts(&state, &user).await? {
        return Err(AppError::Forbidden);
    }
    if record.hidden && !own && user.role != Role::Moderator {
        return Err(AppError::NotFound);
    }
    let connected = match user.organisation_id {
        Some(org) if user.role != Role::Expert => {
            connections::are_connected(pool, record.id, org).await?
        }
        _ => false,
    };
    let e = &record.expert;
    let view = ExpertProfileView {
        reference: e.r#ref.clone(),
        name: e.name.clone(),
        headline: e.headline.clone(),
        bio: e.bio.clone(),
        skills: e.skills.clone(),
        disciplines: e.disciplines.clone(),
        languages: e.languages.clone(),
        residence_country: e.residence_country.clone(),
        residence_city: e.residence_city.clone(),
        home_region: e.home_region.map(|r| r.id().to_string()),
        home_commune: e.home_commune.clone(),
        degree: e.degree.clone(),
        availability: e
            .availability
            .iter()
            .map(|w| DateWindow {
                from: w.from,
                to: w.to,
            })
            .collect(),
        modes: e
            .modes
            .iter()
            .map(|m| match m {
                Mode::Onsite => ViewMode::Onsite,
                Mode::Remote => ViewMode::Remote,
            })
            .collect(),
        offers: e.offers.iter().map(|o| view_offer(*o)).collect(),
        completed_missions: connections::completed_count(pool, record.id).await?.max(0) as u64,
        contact: (connected || own).then(|| ContactView {
            email: e.email.clone(),
            phone: record.phone.clone(),
        }),
    };
    Ok(pages::expert_profile(&page.ctx, &view).into_response())
}

/// An offer as the views know it.
fn view_offer(o: Offer) -> ViewOffer {
    ViewOffer::ALL
        .into_iter()
        .find(|v| v.code() == o.as_str())
        .unwrap_or(ViewOffer::ALL[0])
}
