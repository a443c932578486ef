//! Writing postings: creating and editing an organisation's missions and projects, and
//! moving them through their life cycle (publish, close, filled). Validation, storage and
//! notifications are the pages' own functions (`http::postings`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use passerelle_templates::Lang;
use serde::Deserialize;
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath};
use super::postings::{MissionOut, ProjectOut, mission_out, project_out};
use super::problem::{ApiResult, Problem};
use crate::domain::MissionStatus;
use crate::http::postings::actions::{Kind, StatusError, apply_status};
use crate::http::postings::forms::{
    MissionFormData, ProjectFormData, new_ref, posting_organisation, write_mission, write_project,
};
use crate::http::postings::{mission_visibility, project_visibility, require_owner_of};
use crate::http::{AppError, AppState};
use crate::store::organisations::OrgKind;
use crate::store::users::Role;
use crate::store::{missions, pledges, projects};

/// How a mission is carried out (documentation of the `mode` field).
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(dead_code, reason = "a schema for the OpenAPI document only")]
enum ModeName {
    /// In Mali.
    Onsite,
    /// From abroad.
    Remote,
}

/// A project's sector (documentation of the `sector` field).
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(dead_code, reason = "a schema for the OpenAPI document only")]
enum SectorName {
    /// Water and sanitation.
    Water,
    /// Health.
    Health,
    /// Education.
    Education,
    /// Agriculture.
    Agriculture,
    /// Energy.
    Energy,
    /// Enterprise.
    Enterprise,
    /// Infrastructure.
    Infrastructure,
    /// Culture.
    Culture,
}

/// A mission as an institution sends it (new missions are saved as drafts).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MissionIn {
    /// Title.
    #[schema(min_length = 1, max_length = 300)]
    pub title: String,
    /// Description.
    #[schema(min_length = 1, max_length = 20000)]
    pub description: String,
    /// Skills wanted (at least one).
    #[schema(min_items = 1)]
    pub skills: Vec<String>,
    /// Discipline.
    pub discipline: Option<String>,
    /// Level (licence, master, doctorat, professional).
    pub level: Option<String>,
    /// Language of instruction (ISO 639).
    #[schema(pattern = "^[a-z]{2,3}$")]
    pub language: String,
    /// Region of Mali, or "remote".
    pub region: String,
    /// First day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub start: String,
    /// Last day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub end: String,
    /// onsite or remote.
    #[schema(value_type = ModeName)]
    pub mode: String,
}

impl MissionIn {
    /// The page's form with these values, so both are checked by the same code.
    fn into_form(self) -> MissionFormData {
        MissionFormData {
            title: self.title,
            description: self.description,
            skills: self.skills.join("\n"),
            skill_add: String::new(),
            discipline: self.discipline.unwrap_or_default(),
            level: self.level.unwrap_or_default(),
            language: self.language,
            region: self.region,
            start: self.start,
            end: self.end,
            mode: self.mode,
        }
    }
}

/// A village project as an association sends it (new projects are saved as drafts).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectIn {
    /// Title.
    #[schema(min_length = 1, max_length = 300)]
    pub title: String,
    /// Description.
    #[schema(min_length = 1, max_length = 20000)]
    pub description: String,
    /// Sector: water, health, education, agriculture, energy, enterprise, infrastructure or culture.
    #[schema(value_type = SectorName)]
    pub sector: String,
    /// Skills sought.
    #[schema(min_items = 1)]
    pub skills: Vec<String>,
    /// Region of Mali.
    pub region: String,
    /// Commune or village.
    pub commune: Option<String>,
    /// Working language (ISO 639).
    pub language: Option<String>,
    /// Total budget in whole euros.
    pub budget_eur: Option<u64>,
    /// Part still to raise, in whole euros (at most the budget).
    pub funding_sought_eur: Option<u64>,
    /// First day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub start: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub end: Option<String>,
}

impl ProjectIn {
    /// The page's form with these values.
    fn into_form(self) -> ProjectFormData {
        ProjectFormData {
            title: self.title,
            description: self.description,
            sector: self.sector,
            skills: self.skills.join("\n"),
            skill_add: String::new(),
            region: self.region,
            commune: self.commune.unwrap_or_default(),
            language: self.language.unwrap_or_default(),
            budget_eur: self.budget_eur.map(|n| n.to_string()).unwrap_or_default(),
            funding_sought_eur: self
                .funding_sought_eur
                .map(|n| n.to_string())
                .unwrap_or_default(),
            start: self.start.unwrap_or_default(),
            end: self.end.unwrap_or_default(),
        }
    }
}

/// A life-cycle step asked for.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusStep {
    /// Make it public (a draft's publication tells the best-matching experts).
    Published,
    /// Experts were found, or the project is funded and staffed.
    Filled,
    /// Withdrawn.
    Closed,
}

/// The body of a status change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusIn {
    /// The new status.
    pub status: StatusStep,
}

impl StatusStep {
    fn status(self) -> MissionStatus {
        match self {
            StatusStep::Published => MissionStatus::Published,
            StatusStep::Filled => MissionStatus::Filled,
            StatusStep::Closed => MissionStatus::Closed,
        }
    }
}

/// A refused status change: 409 when the life cycle does not allow it.
fn status_problem(e: StatusError) -> Problem {
    match e {
        StatusError::NotAllowed { .. } => Problem::conflict(e.to_string()),
        StatusError::App(e) => e.into(),
    }
}

/// The organisation of the caller that posts this kind (403 for others).
async fn posting_org(
    state: &AppState,
    caller: &Caller,
    kind: OrgKind,
) -> ApiResult<crate::store::organisations::Organisation> {
    let actor = caller.writer()?;
    crate::http::postings::require_verified_address(actor.address_verified)?;
    let wanted = match kind {
        OrgKind::Institution => Role::InstitutionMember,
        OrgKind::Association => Role::AssociationMember,
    };
    let id = match caller {
        Caller::Session(u) => u.organisation_id.filter(|_| u.role == wanted),
        Caller::Token {
            organisation_id, ..
        } => Some(*organisation_id),
        Caller::Anonymous => None,
    };
    posting_organisation(state, id, kind)
        .await
        .map_err(|e| match (e, kind) {
            (AppError::Forbidden, OrgKind::Institution) => {
                Problem::forbidden("only institutions post missions")
            }
            (AppError::Forbidden, OrgKind::Association) => {
                Problem::forbidden("only associations post projects")
            }
            (e, _) => Problem::from(e),
        })
}

/// Creates a mission for the caller's institution, as a draft (write scope).
#[utoipa::path(post, path = "/api/v1/missions", tag = "missions", request_body = MissionIn,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = MissionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn create_mission(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<MissionIn>,
) -> ApiResult<(StatusCode, Json<MissionOut>)> {
    let org = posting_org(&state, &caller, OrgKind::Institution).await?;
    let r = new_ref('M');
    let mission = body
        .into_form()
        .validate(&r, &org.name, Lang::En)
        .map_err(|e| Problem::fields(e.0))?;
    write_mission(&state, None, &mission).await?;
    let saved = missions::get(&state.db().pool, &r).await?;
    Ok((StatusCode::CREATED, Json(mission_out(&saved))))
}

/// Replaces a mission of the caller's institution; it keeps its status (write scope).
#[utoipa::path(put, path = "/api/v1/missions/{ref}", tag = "missions", request_body = MissionIn,
    params(("ref" = String, Path, description = "The mission's ref", example = "D-M001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = MissionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn update_mission(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<MissionIn>,
) -> ApiResult<Json<MissionOut>> {
    let actor = caller.writer()?;
    let record = missions::get(&state.db().pool, &r).await?;
    require_owner_of(actor, mission_visibility(&record))?;
    let mission = body
        .into_form()
        .validate(&r, &record.mission.institution, Lang::En)
        .map_err(|e| Problem::fields(e.0))?;
    write_mission(&state, Some(record.status), &mission).await?;
    let saved = missions::get(&state.db().pool, &r).await?;
    Ok(Json(mission_out(&saved)))
}

/// Creates a project for the caller's association, as a draft (write scope).
#[utoipa::path(post, path = "/api/v1/projects", tag = "projects", request_body = ProjectIn,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ProjectOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn create_project(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ProjectIn>,
) -> ApiResult<(StatusCode, Json<ProjectOut>)> {
    let org = posting_org(&state, &caller, OrgKind::Association).await?;
    let r = new_ref('P');
    let project = body
        .into_form()
        .validate(&r, &org.name, Lang::En)
        .map_err(|e| Problem::fields(e.0))?;
    write_project(&state, None, &project).await?;
    let saved = projects::get(&state.db().pool, &r).await?;
    Ok((StatusCode::CREATED, Json(project_out(&saved, 0))))
}

/// Replaces a project of the caller's association; it keeps its status (write scope).
#[utoipa::path(put, path = "/api/v1/projects/{ref}", tag = "projects", request_body = ProjectIn,
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ProjectOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn update_project(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<ProjectIn>,
) -> ApiResult<Json<ProjectOut>> {
    let actor = caller.writer()?;
    let record = projects::get(&state.db().pool, &r).await?;
    require_owner_of(actor, project_visibility(&record))?;
    let project = body
        .into_form()
        .validate(&r, &record.project.association, Lang::En)
        .map_err(|e| Problem::fields(e.0))?;
    write_project(&state, Some(record.status), &project).await?;
    let saved = projects::get(&state.db().pool, &r).await?;
    let (confirmed, _) = pledges::totals(&state.db().pool, saved.id).await?;
    Ok(Json(project_out(&saved, confirmed)))
}

/// Publishes, fills or closes a mission of the caller's institution (write scope), along the
/// pages' life cycle: draft → published → filled, and closed from any other; 409 otherwise.
#[utoipa::path(post, path = "/api/v1/missions/{ref}/status", tag = "missions", request_body = StatusIn,
    params(("ref" = String, Path, description = "The mission's ref", example = "D-M001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = MissionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn mission_status(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<StatusIn>,
) -> ApiResult<Json<MissionOut>> {
    let actor = caller.writer()?;
    apply_status(&state, actor, Kind::Mission, &r, body.status.status())
        .await
        .map_err(status_problem)?;
    Ok(Json(mission_out(
        &missions::get(&state.db().pool, &r).await?,
    )))
}

/// Publishes, fills or closes a project of the caller's association (write scope), along the
/// pages' life cycle: draft → published → filled, and closed from any other; 409 otherwise.
#[utoipa::path(post, path = "/api/v1/projects/{ref}/status", tag = "projects", request_body = StatusIn,
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ProjectOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn project_status(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<StatusIn>,
) -> ApiResult<Json<ProjectOut>> {
    let actor = caller.writer()?;
    apply_status(&state, actor, Kind::Project, &r, body.status.status())
        .await
        .map_err(status_problem)?;
    let saved = projects::get(&state.db().pool, &r).await?;
    let (confirmed, _) = pledges::totals(&state.db().pool, saved.id).await?;
    Ok(Json(project_out(&saved, confirmed)))
}
