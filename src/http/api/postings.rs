//! `/api/v1/missions` and `/api/v1/projects`: search with facets and cursor pagination,
//! one record, and ranked experts with reasons (for the owner). Writing is in `writes`.

use axum::Json;
use axum::http::StatusCode;
use passerelle_index::{DocKind, Region, SearchQuery};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::caller::Caller;
use super::extract::{ApiPath, ApiQuery};
use super::problem::{ApiResult, Problem};
use crate::domain::Place;
use crate::domain::values::format_date;
use crate::http::AppState;
use crate::http::postings::{Access, Visibility, mission_visibility, project_visibility};
use crate::search::convert::{mission_doc, project_doc};
use crate::store::missions::MissionRecord;
use crate::store::projects::ProjectRecord;
use crate::store::{missions, pledges, projects};
use axum::extract::State;

/// Largest page.
const MAX_LIMIT: u32 = 100;

/// Search parameters shared by the list endpoints.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Free text, in French or English.
    q: Option<String>,
    /// Region of Mali (id or name, accents optional).
    region: Option<String>,
    /// Language code (ISO 639).
    language: Option<String>,
    /// Discipline (missions) or sector (projects).
    discipline: Option<String>,
    /// Opaque cursor from the previous page's `next_cursor`.
    cursor: Option<String>,
    /// Page size, 1 to 100 (default 20).
    limit: Option<u32>,
}

/// A facet value and how many results carry it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Results with it.
    pub count: u64,
}

/// The facets of a search.
#[derive(Debug, Serialize, ToSchema)]
pub struct Facets {
    /// By region id.
    pub region: Vec<FacetCount>,
    /// By language code.
    pub language: Vec<FacetCount>,
    /// By discipline or sector.
    pub discipline: Vec<FacetCount>,
}

/// A mission.
#[derive(Debug, Serialize, ToSchema)]
pub struct MissionOut {
    /// Public ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Posting institution.
    pub institution: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Skills wanted.
    pub skills: Vec<String>,
    /// Discipline.
    pub discipline: Option<String>,
    /// Level.
    pub level: Option<String>,
    /// Language of instruction (ISO 639).
    pub language: String,
    /// Region id, or "remote".
    pub region: String,
    /// First day (YYYY-MM-DD).
    pub start: String,
    /// Last day (YYYY-MM-DD).
    pub end: String,
    /// onsite or remote.
    pub mode: String,
    /// draft, published, filled or closed.
    pub status: String,
}

/// A village project.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectOut {
    /// Public ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Proposing association.
    pub association: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Sector code.
    pub sector: String,
    /// Skills sought.
    pub skills: Vec<String>,
    /// Region id.
    pub region: String,
    /// Commune or village.
    pub commune: Option<String>,
    /// Working language.
    pub language: Option<String>,
    /// Budget in euros.
    pub budget_eur: Option<i64>,
    /// Funding sought in euros.
    pub funding_sought_eur: Option<i64>,
    /// Confirmed pledges in euros.
    pub pledged_confirmed_eur: i64,
    /// draft, published, filled or closed.
    pub status: String,
}

/// A page of missions.
#[derive(Debug, Serialize, ToSchema)]
pub struct MissionPage {
    /// The missions.
    pub items: Vec<MissionOut>,
    /// Results in all pages.
    pub total: u64,
    /// Cursor of the next page, absent on the last.
    pub next_cursor: Option<String>,
    /// Facet counts over all results.
    pub facets: Facets,
}

/// A page of projects.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectPage {
    /// The projects.
    pub items: Vec<ProjectOut>,
    /// Results in all pages.
    pub total: u64,
    /// Cursor of the next page, absent on the last.
    pub next_cursor: Option<String>,
    /// Facet counts over all results.
    pub facets: Facets,
}

/// One ranked expert and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertMatch {
    /// The expert's ref.
    pub expert: String,
    /// Relative score (ordering only).
    pub score: f32,
    /// False when a hard requirement (dates, language, mode) fails; such experts come last.
    pub eligible: bool,
    /// Reasons in words.
    pub reasons: Vec<String>,
}

/// Parameters of the match endpoints.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// How many, 1 to 100 (default 20).
    limit: Option<u32>,
    /// Language of the reasons: fr (default) or en.
    #[param(pattern = "^(fr|en)$")]
    lang: Option<String>,
}

impl MatchParams {
    /// The page size asked for, checked.
    pub fn limit_or_default(&self) -> Result<usize, Problem> {
        limit_of(self.limit)
    }

    /// The language of the reasons, checked.
    pub fn reasons_lang(&self) -> Result<passerelle_index::Lang, Problem> {
        reasons_lang(self.lang.as_deref())
    }
}

/// A stored mission as the API shows it.
pub fn mission_out(r: &MissionRecord) -> MissionOut {
    let m = &r.mission;
    MissionOut {
        reference: m.r#ref.clone(),
        institution: m.institution.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        skills: m.skills.clone(),
        discipline: m.discipline.clone(),
        level: m.level.clone(),
        language: m.language.clone(),
        region: match m.place {
            Place::Region(r) => r.id().to_string(),
            Place::Remote => "remote".into(),
        },
        start: format_date(m.start),
        end: format_date(m.end),
        mode: m.mode.as_str().into(),
        status: r.status.as_str().into(),
    }
}

/// A stored project as the API shows it, with its confirmed pledges.
pub fn project_out(r: &ProjectRecord, confirmed_cents: i64) -> ProjectOut {
    let p = &r.project;
    ProjectOut {
        reference: p.r#ref.clone(),
        association: p.association.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        sector: p.sector.as_str().into(),
        skills: p.skills.clone(),
        region: p.region.id().into(),
        commune: p.commune.clone(),
        language: p.language.clone(),
        budget_eur: p.budget_cents.map(|c| c / 100),
        funding_sought_eur: p.funding_sought_cents.map(|c| c / 100),
        pledged_confirmed_eur: confirmed_cents / 100,
        status: r.status.as_str().into(),
    }
}

fn decode_cursor(cursor: Option<&str>) -> Result<usize, Problem> {
    match cursor {
        None => Ok(0),
        Some(c) => c
            .strip_prefix("o")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n <= 1_000_000)
            .ok_or_else(|| Problem::field("cursor", "not a cursor returned by this API")),
    }
}

fn limit_of(limit: Option<u32>) -> Result<usize, Problem> {
    match limit {
        None => Ok(20),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n as usize),
        Some(_) => Err(Problem::field("limit", "must be between 1 and 100")),
    }
}

fn facets(f: &passerelle_index::Facets) -> Facets {
    let conv = |v: &[(String, usize)]| {
        v.iter()
            .map(|(value, count)| FacetCount {
                value: value.clone(),
                count: *count as u64,
            })
            .collect()
    };
    Facets {
        region: conv(&f.region),
        language: conv(&f.language),
        discipline: conv(&f.discipline),
    }
}

fn search(
    state: &AppState,
    kind: DocKind,
    p: &ListParams,
) -> Result<
    (
        std::sync::Arc<passerelle_index::SearchResults>,
        usize,
        usize,
    ),
    Problem,
> {
    let offset = decode_cursor(p.cursor.as_deref())?;
    let limit = limit_of(p.limit)?;
    let text: String = p.q.as_deref().unwrap_or("").chars().take(500).collect();
    let results = state.engine().search_memo(&SearchQuery {
        kind,
        text,
        region: p.region.as_deref().and_then(Region::parse),
        language: p.language.clone().filter(|s| !s.trim().is_empty()),
        discipline: p.discipline.clone().filter(|s| !s.trim().is_empty()),
        country: None,
        limit,
        offset,
    });
    Ok((results, offset, limit))
}

fn next_cursor(offset: usize, limit: usize, total: usize) -> Option<String> {
    (offset + limit < total).then(|| format!("o{}", offset + limit))
}

/// Searches published missions.
#[utoipa::path(get, path = "/api/v1/missions", tag = "missions", params(ListParams),
    responses((status = 200, body = MissionPage), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn list_missions(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(p): ApiQuery<ListParams>,
) -> ApiResult<Json<MissionPage>> {
    let (results, offset, limit) = search(&state, DocKind::Mission, &p)?;
    let refs: Vec<String> = results.hits.iter().map(|h| h.r#ref.clone()).collect();
    let items = missions::by_refs(&state.db().pool, &refs)
        .await?
        .iter()
        .map(mission_out)
        .collect();
    Ok(Json(MissionPage {
        items,
        total: results.total as u64,
        next_cursor: next_cursor(offset, limit, results.total),
        facets: facets(&results.facets),
    }))
}

/// Searches published projects.
#[utoipa::path(get, path = "/api/v1/projects", tag = "projects", params(ListParams),
    responses((status = 200, body = ProjectPage), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn list_projects(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(p): ApiQuery<ListParams>,
) -> ApiResult<Json<ProjectPage>> {
    let (results, offset, limit) = search(&state, DocKind::Project, &p)?;
    let refs: Vec<String> = results.hits.iter().map(|h| h.r#ref.clone()).collect();
    let items = projects::by_refs_with_pledged(&state.db().pool, &refs)
        .await?
        .iter()
        .map(|(x, pledged)| project_out(x, *pledged))
        .collect();
    Ok(Json(ProjectPage {
        items,
        total: results.total as u64,
        next_cursor: next_cursor(offset, limit, results.total),
        facets: facets(&results.facets),
    }))
}

/// How the caller sees a posting: the owner, a moderator, the public, or not at all (404).
fn access_of(caller: &Caller, v: Visibility) -> Result<Access, Problem> {
    if caller.organisation_id() == Some(v.organisation_id) {
        return Ok(Access::Owner);
    }
    if caller.is_moderator() {
        return Ok(Access::Moderator);
    }
    if v.is_public() {
        Ok(Access::Public)
    } else {
        Err(Problem::new(StatusCode::NOT_FOUND, "no such record"))
    }
}

/// One mission.
#[utoipa::path(get, path = "/api/v1/missions/{ref}", tag = "missions", params(("ref" = String, Path, description = "The mission's ref", example = "D-M001")),
    responses((status = 200, body = MissionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn get_mission(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
) -> ApiResult<Json<MissionOut>> {
    let m = missions::get(&state.db().pool, &r).await?;
    access_of(&caller, mission_visibility(&m))?;
    Ok(Json(mission_out(&m)))
}

/// One project.
#[utoipa::path(get, path = "/api/v1/projects/{ref}", tag = "projects", params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    responses((status = 200, body = ProjectOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn get_project(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
) -> ApiResult<Json<ProjectOut>> {
    let p = projects::get(&state.db().pool, &r).await?;
    access_of(&caller, project_visibility(&p))?;
    let (confirmed, _) = pledges::totals(&state.db().pool, p.id).await?;
    Ok(Json(project_out(&p, confirmed)))
}

fn reasons_lang(lang: Option<&str>) -> Result<passerelle_index::Lang, Problem> {
    match lang.unwrap_or("fr") {
        "fr" => Ok(passerelle_index::Lang::Fr),
        "en" => Ok(passerelle_index::Lang::En),
        _ => Err(Problem::field("lang", "fr or en")),
    }
}

fn ranked(
    state: &AppState,
    doc: &passerelle_index::OpportunityDoc,
    p: &MatchParams,
) -> Result<Vec<ExpertMatch>, Problem> {
    let limit = limit_of(p.limit)?;
    let lang = reasons_lang(p.lang.as_deref())?;
    Ok(state
        .engine()
        .match_experts_memo(doc, limit)
        .iter()
        .map(|m| ExpertMatch {
            expert: m.r#ref.clone(),
            score: m.score,
            eligible: m.eligible,
            reasons: m.reasons.iter().map(|r| r.text(lang)).collect(),
        })
        .collect())
}

fn require_owner(caller: &Caller, v: Visibility) -> Result<(), Problem> {
    caller.require_any()?;
    match access_of(caller, v)? {
        Access::Owner if !crate::http::postings::may_reach_experts(v.organisation_verified) => {
            Err(Problem::new(
                StatusCode::FORBIDDEN,
                "the organisation awaits a moderator's verification before it sees ranked experts",
            ))
        }
        Access::Owner | Access::Moderator => Ok(()),
        Access::Public => Err(Problem::new(
            StatusCode::FORBIDDEN,
            "only the posting organisation sees its ranked experts",
        )),
    }
}

/// The experts best matching a mission, with their reasons (its organisation and moderators).
#[utoipa::path(get, path = "/api/v1/missions/{ref}/matches", tag = "matching",
    params(("ref" = String, Path, description = "The mission's ref", example = "D-M001"), MatchParams),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = [ExpertMatch]), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn mission_matches(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiQuery(p): ApiQuery<MatchParams>,
) -> ApiResult<Json<Vec<ExpertMatch>>> {
    let m = missions::get(&state.db().pool, &r).await?;
    require_owner(&caller, mission_visibility(&m))?;
    Ok(Json(ranked(&state, &mission_doc(&m.mission), &p)?))
}

/// The experts best matching a project, with their reasons (its association and moderators).
#[utoipa::path(get, path = "/api/v1/projects/{ref}/matches", tag = "matching",
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001"), MatchParams),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = [ExpertMatch]), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn project_matches(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiQuery(p): ApiQuery<MatchParams>,
) -> ApiResult<Json<Vec<ExpertMatch>>> {
    let x = projects::get(&state.db().pool, &r).await?;
    require_owner(&caller, project_visibility(&x))?;
    Ok(Json(ranked(&state, &project_doc(&x.project), &p)?))
}
