//! `/api/v1/experts/{ref}` (verified organisations; contact only once connected),
//! `/api/v1/me/matches` (an expert's recommended postings) and `/api/v1/statistics/{table}`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::{ApiPath, ApiQuery};
use super::postings::MatchParams;
use super::problem::{ApiResult, Problem};
use crate::http::AppState;
use crate::search::convert::expert_doc;
use crate::store::users::Role;
use crate::store::{connections, experts};

/// An expert as an organisation sees them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertOut {
    /// Public ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Name.
    pub name: String,
    /// Headline.
    pub headline: String,
    /// Skills.
    pub skills: Vec<String>,
    /// Disciplines.
    pub disciplines: Vec<String>,
    /// Languages (ISO 639).
    pub languages: Vec<String>,
    /// Country of residence (ISO 3166).
    pub residence_country: String,
    /// Home region id.
    pub home_region: Option<String>,
    /// Missions carried out through Passerelle.
    pub completed_missions: i64,
    /// Email: only when the caller's organisation and the expert are connected.
    pub email: Option<String>,
    /// Phone: only when connected.
    pub phone: Option<String>,
}

/// An expert's profile (verified organisations and moderators).
#[utoipa::path(get, path = "/api/v1/experts/{ref}", tag = "experts", params(("ref" = String, Path, description = "The expert's ref", example = "D-E001")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ExpertOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn get_expert(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(r): ApiPath<String>,
) -> ApiResult<Json<ExpertOut>> {
    caller.require_any()?;
    let pool = &state.db().pool;
    let own = matches!(&caller, Caller::Session(u) if u.role == Role::Expert);
    let record = experts::get(pool, &r).await?;
    let is_self = matches!(&caller, Caller::Session(u) if record.user_id == Some(u.id));
    if !is_self && !caller.may_see_experts(&state).await? {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "only verified organisations see experts",
        ));
    }
    if record.hidden && !is_self && !caller.is_moderator() {
        return Err(Problem::new(StatusCode::NOT_FOUND, "no such record"));
    }
    let connected = match caller.organisation_id() {
        Some(org) if !own => connections::are_connected(pool, record.id, org).await?,
        _ => false,
    };
    let show_contact = connected || is_self;
    let e = &record.expert;
    Ok(Json(ExpertOut {
        reference: e.r#ref.clone(),
        name: e.name.clone(),
        headline: e.headline.clone(),
        skills: e.skills.clone(),
        disciplines: e.disciplines.clone(),
        languages: e.languages.clone(),
        residence_country: e.residence_country.clone(),
        home_region: e.home_region.map(|r| r.id().to_string()),
        completed_missions: connections::completed_count(pool, record.id).await?,
        email: show_contact.then(|| e.email.clone()),
        phone: if show_contact {
            record.phone.clone()
        } else {
            None
        },
    }))
}

/// A posting recommended to an expert, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostingMatch {
    /// The mission's or project's ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// mission or project.
    pub kind: String,
    /// Relative score (ordering only).
    pub score: f32,
    /// False when a hard requirement fails.
    pub eligible: bool,
    /// Reasons in words.
    pub reasons: Vec<String>,
}

/// The missions and projects best matching the signed-in expert.
#[utoipa::path(get, path = "/api/v1/me/matches", tag = "matching", params(MatchParams),
    security(("session" = [])),
    responses((status = 200, body = [PostingMatch]), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn my_matches(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(p): ApiQuery<MatchParams>,
) -> ApiResult<Json<Vec<PostingMatch>>> {
    caller.require_any()?;
    let Caller::Session(user) = &caller else {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "an expert's own session is needed",
        ));
    };
    let profile = experts::of_user(&state.db().pool, user.id)
        .await?
        .ok_or_else(|| Problem::new(StatusCode::NOT_FOUND, "no expert profile for this account"))?;
    let limit = p.limit_or_default()?;
    let lang = p.reasons_lang()?;
    Ok(Json(
        state
            .engine()
            .match_opportunities_memo(&expert_doc(&profile.expert), limit)
            .iter()
            .map(|m| PostingMatch {
                reference: m.r#ref.clone(),
                kind: match m.kind {
                    passerelle_index::DocKind::Project => "project".into(),
                    _ => "mission".into(),
                },
                score: m.score,
                eligible: m.eligible,
                reasons: m.reasons.iter().map(|r| r.text(lang)).collect(),
            })
            .collect(),
    ))
}

/// One statistics table (aggregates only; counts of people under 5 read "<5").
#[utoipa::path(get, path = "/api/v1/statistics/{table}", tag = "statistics", params(("table" = String, Path, description = "Table id, e.g. experts_by_region", example = "experts_by_region")),
    responses((status = 200, description = "The table: columns and rows", content_type = "application/json", body = Object), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn statistics_table(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<axum::response::Response> {
    let scope = if caller.is_moderator() {
        crate::stats::Scope::Full
    } else {
        crate::stats::Scope::Public
    };
    let view = state.stats().get(state.db(), state.engine(), scope).await?;
    let table = view
        .table(&id)
        .ok_or_else(|| Problem::new(StatusCode::NOT_FOUND, "no such table"))?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        passerelle_templates::stats::table::to_json(table),
    )
        .into_response())
}
