//! Pledges through the API: a signed-in member of the diaspora pledges money or skills to a
//! published project; the project's association lists and confirms them. The checks and
//! the pledger's mail are the page's own functions (`http::postings::pledge`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath};
use super::problem::{ApiResult, Problem};
use crate::http::AppState;
use crate::http::experts::day_of;
use crate::http::postings::pledge::{PledgeError, PledgeOffer, confirm_pledge, record_pledge};
use crate::http::postings::{project_visibility, require_owner_of};
use crate::store::pledges::{self, Pledge};
use crate::store::projects;

/// A pledge of money, skills or both.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeIn {
    /// Whole euros, at most 10 000 000.
    pub amount_eur: Option<u64>,
    /// Skills offered (at most 500 characters are kept).
    pub skills: Option<String>,
    /// A message to the association (at most 2000 characters are kept).
    pub message: Option<String>,
}

/// A pledge to a project.
#[derive(Debug, Serialize, ToSchema)]
pub struct PledgeOut {
    /// Its id (for confirm).
    pub id: i64,
    /// The pledger's name (absent once their account is deleted).
    pub pledger: Option<String>,
    /// Whole euros (0 for skills only).
    pub amount_eur: i64,
    /// Skills offered.
    pub skills: Option<String>,
    /// Message to the association.
    pub message: Option<String>,
    /// pending, confirmed or declined.
    pub status: String,
    /// Day it was made (YYYY-MM-DD).
    pub created_on: String,
}

fn out(p: &Pledge) -> PledgeOut {
    PledgeOut {
        id: p.id,
        pledger: p.pledger_name.clone(),
        amount_eur: p.amount_cents / 100,
        skills: p.skills.clone(),
        message: p.message.clone(),
        status: p.status.clone(),
        created_on: crate::domain::values::format_date(day_of(p.created_at)),
    }
}

/// The pledges to a project, newest first (its association, read scope).
#[utoipa::path(get, path = "/api/v1/projects/{ref}/pledges", tag = "pledges", operation_id = "list_pledges",
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = [PledgeOut]), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
) -> ApiResult<Json<Vec<PledgeOut>>> {
    caller.require_any()?;
    let actor = caller
        .actor()
        .ok_or_else(|| Problem::new(StatusCode::UNAUTHORIZED, "credentials required"))?;
    let pool = &state.db().pool;
    let project = projects::get(pool, &r).await?;
    require_owner_of(actor, project_visibility(&project))?;
    let all = pledges::of_project(pool, project.id).await?;
    Ok(Json(all.iter().map(out).collect()))
}

/// The signed-in user pledges to a published project (not their own association's).
#[utoipa::path(post, path = "/api/v1/projects/{ref}/pledges", tag = "pledges", operation_id = "create_pledge", request_body = PledgeIn,
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("session" = [])),
    responses((status = 201, body = PledgeOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<PledgeIn>,
) -> ApiResult<(StatusCode, Json<PledgeOut>)> {
    caller.require_write()?;
    let Some(user) = caller.user() else {
        return Err(Problem::forbidden("pledges are made by people, signed in"));
    };
    let offer = PledgeOffer {
        amount_eur: body.amount_eur.map(|n| n.to_string()).unwrap_or_default(),
        skills: body.skills.unwrap_or_default(),
        message: body.message.unwrap_or_default(),
    };
    let id = record_pledge(&state, user, &r, &offer)
        .await
        .map_err(|e| match e {
            PledgeError::Amount | PledgeError::Empty => Problem::field("amount_eur", e.to_string()),
            PledgeError::App(e) => Problem::from(e),
        })?;
    let p = pledges::get(&state.db().pool, id).await?;
    Ok((StatusCode::CREATED, Json(out(&p))))
}

/// Confirms a pledge to a project of the caller's association; the pledger is told (write scope).
#[utoipa::path(post, path = "/api/v1/projects/{ref}/pledges/{id}/confirm", tag = "pledges", operation_id = "confirm_pledge",
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001"), ("id" = i64, Path, description = "The pledge's id", example = 1)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PledgeOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((r, id)): ApiPath<(String, i64)>,
) -> ApiResult<Json<PledgeOut>> {
    let actor = caller.writer()?;
    confirm_pledge(&state, actor, &r, id).await?;
    let p = pledges::get(&state.db().pool, id).await?;
    Ok(Json(out(&p)))
}
