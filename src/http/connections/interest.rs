//! An expert's expression of interest in a published mission or project: a connection
//! started by the expert, and an `interest_received` mail to the organisation's members,
//! written in the same transaction.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_templates::i18n::catalog::Note;
use passerelle_templates::{FlashKind, routes};

use super::{organisation_recipients, posting};
use crate::http::context::lang_of;
use crate::http::experts::FormFields;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::mail::notices::{ConnectionNotice, interest_received};
use crate::store::connections::{self, Initiator, NewConnection};
use crate::store::experts::ExpertRecord;
use crate::store::users::Role;
use crate::store::{StoreError, experts};

/// Longest message accepted with an interest.
const MAX_MESSAGE: usize = 2000;

/// POST `/missions/{ref}/interest`.
pub async fn on_mission(
    state: State<AppState>,
    user: SignedIn,
    headers: axum::http::HeaderMap,
    Path(r#ref): Path<String>,
    body: String,
) -> Result<Response, AppError> {
    express(state, user, headers, "mission", r#ref, body).await
}

/// POST `/projects/{ref}/interest`.
pub async fn on_project(
    state: State<AppState>,
    user: SignedIn,
    headers: axum::http::HeaderMap,
    Path(r#ref): Path<String>,
    body: String,
) -> Result<Response, AppError> {
    express(state, user, headers, "project", r#ref, body).await
}

async fn express(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    headers: axum::http::HeaderMap,
    kind: &'static str,
    r#ref: String,
    body: String,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    if user.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    crate::http::postings::require_verified_address(user.email_verified)?;
    let pool = &state.db().pool;
    let back = if kind == "project" {
        routes::project(&r#ref)
    } else {
        routes::mission(&r#ref)
    };
    let Some(expert) = experts::of_user(pool, user.id).await? else {
        return Ok(flash::redirect(
            &state,
            routes::ME_PROFILE,
            FlashKind::Error,
            lang.t(Note::ProfileFirst),
        ));
    };
    let form = FormFields::parse(&body);
    let note = match express_interest(&state, &expert, kind, &r#ref, form.get("message")).await? {
        Interest::Created(_) => (FlashKind::Success, lang.t(Note::InterestSent)),
        Interest::AlreadyInterested => (FlashKind::Error, lang.t(Note::AlreadyInterested)),
    };
    Ok(flash::redirect(&state, &back, note.0, note.1))
}

/// What became of an expression of interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interest {
    /// A new connection, with its id.
    Created(i64),
    /// The expert already expressed interest in this posting.
    AlreadyInterested,
}

/// Records `expert`'s interest in the public posting `kind`/`r#ref` and mails the
/// organisation's members in the same transaction. Shared by the pages and the API.
pub async fn express_interest(
    state: &AppState,
    expert: &ExpertRecord,
    kind: &'static str,
    r#ref: &str,
    message: &str,
) -> Result<Interest, AppError> {
    let pool = &state.db().pool;
    let posting = posting(pool, kind, r#ref).await?;
    if !posting.public {
        return Err(AppError::NotFound);
    }
    let message: String = message.trim().chars().take(MAX_MESSAGE).collect();
    let message = (!message.is_empty()).then_some(message);

    let mut tx = state.db().pool.begin().await?;
    let created = connections::create(
        &mut tx,
        &NewConnection {
            expert_id: expert.id,
            organisation_id: posting.organisation_id,
            opportunity_kind: posting.kind,
            opportunity_ref: r#ref.to_string(),
            initiated_by: Initiator::Expert,
            message: message.clone(),
        },
    )
    .await;
    let id = match created {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => return Ok(Interest::AlreadyInterested),
        Err(e) => return Err(e.into()),
    };
    let url = format!("{}{}", state.site().base_url, routes::ORGANISATION);
    for to in organisation_recipients(pool, posting.organisation_id).await? {
        let notice = ConnectionNotice {
            connection_id: id,
            other_party: expert.expert.name.clone(),
            opportunity_title: posting.title.clone(),
            message: message.clone(),
            url: url.clone(),
        };
        crate::mail::enqueue(&mut tx, &interest_received(&to, &notice)).await?;
    }
    tx.commit().await?;
    state.mail().notify();
    tracing::info!(connection.id = id, expert.r#ref = %expert.expert.r#ref, opportunity.r#ref = %r#ref, "interest expressed");
    Ok(Interest::Created(id))
}
