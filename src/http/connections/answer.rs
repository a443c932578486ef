//! Accepting or declining a connection: only the side that did not start it may answer;
//! the side that did gets a `connection_answered` mail.

use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_templates::i18n::catalog::Note;
use passerelle_templates::{FlashKind, routes};

use super::{expert_recipients, organisation_recipients, side_of};
use crate::http::context::lang_of;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::mail::notices::{ConnectionNotice, connection_answered};
use crate::store::connections::{self, Connection, Initiator};

/// POST `/connections/{id}/accept`.
pub async fn accept(
    state: State<AppState>,
    user: SignedIn,
    headers: axum::http::HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    answer(state, user, headers, id, true).await
}

/// POST `/connections/{id}/decline`.
pub async fn decline(
    state: State<AppState>,
    user: SignedIn,
    headers: axum::http::HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    answer(state, user, headers, id, false).await
}

async fn answer(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    headers: axum::http::HeaderMap,
    id: i64,
    accept: bool,
) -> Result<Response, AppError> {
    let lang = lang_of(&headers);
    let pool = &state.db().pool;
    let c = connections::get(pool, id).await?;
    let side = side_of(pool, &user, &c).await?;
    let home = match side {
        Some(Initiator::Expert) => routes::ME,
        _ => routes::ORGANISATION,
    };
    if answer_connection(&state, &c, side, accept).await? == Answered::Already {
        return Ok(flash::redirect(
            &state,
            home,
            FlashKind::Error,
            lang.t(Note::AlreadyAnswered),
        ));
    }
    let note = if accept {
        Note::ConnectionAccepted
    } else {
        Note::ConnectionDeclined
    };
    Ok(flash::redirect(
        &state,
        home,
        FlashKind::Success,
        lang.t(note),
    ))
}

/// What became of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// Recorded, and the side that started the connection was told.
    Done,
    /// The connection was answered before.
    Already,
}

/// Accepts or declines `c` for `side`, which must be the side that did not start it
/// (403 otherwise), and mails the other side in the same transaction. Shared by the pages
/// and the API.
pub async fn answer_connection(
    state: &AppState,
    c: &Connection,
    side: Option<Initiator>,
    accept: bool,
) -> Result<Answered, AppError> {
    let pool = &state.db().pool;
    let id = c.id;
    if side.is_none() || side == Some(c.initiated_by) {
        return Err(AppError::Forbidden);
    }
    let title = super::title_of(pool, c).await?;
    let (recipients, other_party, url) = match c.initiated_by {
        Initiator::Expert => (
            expert_recipients(pool, c).await?,
            c.organisation_name.clone(),
            routes::ME,
        ),
        Initiator::Organisation => (
            organisation_recipients(pool, c.organisation_id).await?,
            c.expert_name.clone(),
            routes::ORGANISATION,
        ),
    };
    let mut tx = pool.begin().await?;
    if !connections::answer(&mut tx, id, accept).await? {
        return Ok(Answered::Already);
    }
    let notice = ConnectionNotice {
        connection_id: id,
        other_party,
        opportunity_title: title,
        message: None,
        url: format!("{}{url}", state.site().base_url),
    };
    for to in &recipients {
        crate::mail::enqueue(&mut tx, &connection_answered(to, &notice, accept)).await?;
    }
    tx.commit().await?;
    state.mail().notify();
    tracing::info!(connection.id = id, accepted = accept, "connection answered");
    Ok(Answered::Done)
}
