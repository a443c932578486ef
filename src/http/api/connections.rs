//! Connections through the API: an organisation invites an expert to one of its postings,
//! an expert expresses interest in a posting, either side lists its connections (contact
//! details only once accepted) and the side that did not start one accepts or declines it.
//! Limits, mails and storage are the pages' own functions (`http::postings::actions`,
//! `http::connections`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use passerelle_templates::components::connection::ConnectionView;
use passerelle_templates::model::ConnectionState;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath};
use super::problem::{ApiResult, Problem};
use crate::domain::values::format_date;
use crate::http::AppState;
use crate::http::connections::answer::{Answered, answer_connection};
use crate::http::connections::interest::{Interest, express_interest};
use crate::http::connections::{side_of, view_for_expert, view_for_organisation};
use crate::http::postings::actions::{Invitation, Kind, invite_expert};
use crate::store::connections::{self, Connection, Initiator};
use crate::store::experts;
use crate::store::users::Role;

/// An invitation: which expert, and an optional message.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteIn {
    /// The expert's ref.
    pub expert: String,
    /// A message to the expert (at most 2000 characters are kept).
    pub message: Option<String>,
}

/// An expression of interest.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestIn {
    /// A message to the organisation (at most 2000 characters are kept).
    pub message: Option<String>,
}

/// Contact details, shared once a connection is accepted.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    /// Email address.
    pub email: String,
    /// Phone, if given.
    pub phone: Option<String>,
}

/// A connection as one of its sides sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConnectionOut {
    /// Its id (for accept and decline).
    pub id: i64,
    /// mission or project.
    pub kind: String,
    /// The posting's ref.
    pub opportunity_ref: String,
    /// The posting's title.
    pub opportunity_title: String,
    /// The other side: the organisation for an expert, the expert for an organisation.
    pub counterpart: String,
    /// The expert's ref, when the other side is an expert.
    pub counterpart_ref: Option<String>,
    /// Who started it: expert or organisation.
    pub initiated_by: String,
    /// pending, accepted or declined.
    pub status: String,
    /// True when the caller is to accept or decline it.
    pub awaiting_me: bool,
    /// The other side's contact details, only once accepted.
    pub contact: Option<ContactOut>,
    /// Day of the last change (YYYY-MM-DD).
    pub updated_on: String,
}

fn out(c: &Connection, v: ConnectionView) -> ConnectionOut {
    ConnectionOut {
        id: c.id,
        kind: c.opportunity_kind.clone(),
        opportunity_ref: v.opportunity_ref,
        opportunity_title: v.opportunity_title,
        counterpart: v.counterpart,
        counterpart_ref: v.counterpart_ref,
        initiated_by: c.initiated_by.as_str().into(),
        status: match v.state {
            ConnectionState::Pending => "pending",
            ConnectionState::Accepted => "accepted",
            ConnectionState::Declined => "declined",
        }
        .into(),
        awaiting_me: v.awaiting_me,
        contact: v.contact.map(|c| ContactOut {
            email: c.email,
            phone: c.phone,
        }),
        updated_on: format_date(v.updated_on),
    }
}

/// The side of `c` the caller stands on, if any.
async fn side(state: &AppState, caller: &Caller, c: &Connection) -> ApiResult<Option<Initiator>> {
    Ok(match caller {
        Caller::Session(u) => side_of(&state.db().pool, u, c).await?,
        Caller::Token {
            organisation_id, ..
        } => (*organisation_id == c.organisation_id).then_some(Initiator::Organisation),
        Caller::Anonymous => None,
    })
}

/// `c` as the caller's side sees it.
async fn view(state: &AppState, side: Initiator, c: &Connection) -> ApiResult<ConnectionOut> {
    let v = match side {
        Initiator::Expert => view_for_expert(state, c).await?,
        Initiator::Organisation => view_for_organisation(state, c).await?,
    };
    Ok(out(c, v))
}

async fn invite(
    state: AppState,
    caller: Caller,
    kind: Kind,
    r: String,
    body: InviteIn,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    let actor = caller.writer()?;
    let sent = invite_expert(
        &state,
        actor,
        kind,
        &r,
        &body.expert,
        body.message.as_deref().unwrap_or(""),
    )
    .await
    .map_err(|e| match e {
        crate::http::AppError::Unprocessable(_) => {
            Problem::field("ref", "only a published posting takes invitations")
        }
        e => Problem::from(e),
    })?;
    match sent {
        Invitation::Sent(id) => {
            let c = connections::get(&state.db().pool, id).await?;
            Ok((
                StatusCode::CREATED,
                Json(view(&state, Initiator::Organisation, &c).await?),
            ))
        }
        Invitation::AlreadyInvited => Err(Problem::conflict(
            "this expert was already invited to this posting",
        )),
        Invitation::MonthlyLimit => {
            let mut p = Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "this expert was invited twice by your organisation in the last 30 days",
            );
            p.retry_after = Some(24 * 3600);
            Err(p)
        }
    }
}

/// Invites an expert to a published mission of the caller's institution (write scope): once
/// per expert and posting (409), twice per expert in 30 days (429).
#[utoipa::path(post, path = "/api/v1/missions/{ref}/invite", tag = "connections", request_body = InviteIn,
    params(("ref" = String, Path, description = "The mission's ref", example = "D-M001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn invite_to_mission(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<InviteIn>,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    invite(state, caller, Kind::Mission, r, body).await
}

/// Invites an expert to a published project of the caller's association (write scope): once
/// per expert and posting (409), twice per expert in 30 days (429).
#[utoipa::path(post, path = "/api/v1/projects/{ref}/invite", tag = "connections", request_body = InviteIn,
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn invite_to_project(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<InviteIn>,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    invite(state, caller, Kind::Project, r, body).await
}

async fn interest(
    state: AppState,
    caller: Caller,
    kind: &'static str,
    r: String,
    body: InterestIn,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    caller.require_write()?;
    let Some(user) = caller.user().filter(|u| u.role == Role::Expert) else {
        return Err(Problem::forbidden("an expert's own session is needed"));
    };
    crate::http::postings::require_verified_address(user.email_verified)?;
    let expert = experts::of_user(&state.db().pool, user.id)
        .await?
        .ok_or_else(|| {
            Problem::conflict("write your expert profile first (PUT /api/v1/me/profile)")
        })?;
    match express_interest(
        &state,
        &expert,
        kind,
        &r,
        body.message.as_deref().unwrap_or(""),
    )
    .await?
    {
        Interest::Created(id) => {
            let c = connections::get(&state.db().pool, id).await?;
            Ok((
                StatusCode::CREATED,
                Json(view(&state, Initiator::Expert, &c).await?),
            ))
        }
        Interest::AlreadyInterested => Err(Problem::conflict(
            "you already expressed interest in this posting",
        )),
    }
}

/// The signed-in expert expresses interest in a published mission.
#[utoipa::path(post, path = "/api/v1/missions/{ref}/interest", tag = "connections", request_body = InterestIn,
    params(("ref" = String, Path, description = "The mission's ref", example = "D-M001")),
    security(("session" = [])),
    responses((status = 201, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn interest_in_mission(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<InterestIn>,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    interest(state, caller, "mission", r, body).await
}

/// The signed-in expert expresses interest in a published project.
#[utoipa::path(post, path = "/api/v1/projects/{ref}/interest", tag = "connections", request_body = InterestIn,
    params(("ref" = String, Path, description = "The project's ref", example = "D-P001")),
    security(("session" = [])),
    responses((status = 201, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn interest_in_project(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
    ApiJson(body): ApiJson<InterestIn>,
) -> ApiResult<(StatusCode, Json<ConnectionOut>)> {
    interest(state, caller, "project", r, body).await
}

/// The caller's connections, newest first: the expert's own, or the organisation's.
#[utoipa::path(get, path = "/api/v1/connections", tag = "connections", operation_id = "list_connections",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = [ConnectionOut]), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<ConnectionOut>>> {
    caller.require_any()?;
    let pool = &state.db().pool;
    let (side, all) = match (&caller, caller.organisation_id()) {
        (_, Some(org)) => (
            Initiator::Organisation,
            connections::of_organisation(pool, org).await?,
        ),
        (Caller::Session(u), None) if u.role == Role::Expert => {
            match experts::of_user(pool, u.id).await? {
                Some(e) => (Initiator::Expert, connections::of_expert(pool, e.id).await?),
                None => (Initiator::Expert, Vec::new()),
            }
        }
        _ => {
            return Err(Problem::forbidden(
                "connections belong to experts and organisations",
            ));
        }
    };
    let mut items = Vec::with_capacity(all.len());
    for c in &all {
        items.push(view(&state, side, c).await?);
    }
    Ok(Json(items))
}

async fn answer(
    state: AppState,
    caller: Caller,
    id: i64,
    accept: bool,
) -> ApiResult<Json<ConnectionOut>> {
    caller.require_write()?;
    let pool = &state.db().pool;
    let c = connections::get(pool, id).await?;
    let Some(my_side) = side(&state, &caller, &c).await? else {
        return Err(Problem::new(StatusCode::NOT_FOUND, "no such record"));
    };
    if answer_connection(&state, &c, Some(my_side), accept).await? == Answered::Already {
        return Err(Problem::conflict("this connection was already answered"));
    }
    let c = connections::get(pool, id).await?;
    Ok(Json(view(&state, my_side, &c).await?))
}

/// Accepts a connection the other side started; contact details are then shared.
#[utoipa::path(post, path = "/api/v1/connections/{id}/accept", tag = "connections", operation_id = "accept_connection",
    params(("id" = i64, Path, description = "The connection's id", example = 1)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ConnectionOut>> {
    answer(state, caller, id, true).await
}

/// Declines a connection the other side started.
#[utoipa::path(post, path = "/api/v1/connections/{id}/decline", tag = "connections", operation_id = "decline_connection",
    params(("id" = i64, Path, description = "The connection's id", example = 1)),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ConnectionOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn decline(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ConnectionOut>> {
    answer(state, caller, id, false).await
}
