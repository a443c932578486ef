//! The post-mission report: each side of an accepted connection writes one; the first
//! marks the connection completed, which counts on the expert's profile.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::{fill, t};
use passerelle_templates::model::Kind;
use passerelle_templates::pages::{self, report_form::ReportFormView};
use passerelle_templates::{FieldErrors, FlashKind, routes};

use super::{side_of, title_of};
use crate::http::context::Page;
use crate::http::experts::FormFields;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::store::StoreError;
use crate::store::connections::{self, Connection, ConnectionStatus, Initiator};
use crate::store::reports::{self, NewReport};

/// Longest text accepted in a report field.
const MAX_TEXT: usize = 5000;

/// Who may report on this connection, or the response to send instead.
async fn reporter(
    state: &AppState,
    page: &Page,
    user: &crate::store::users::User,
    id: i64,
) -> Result<Result<(Connection, Initiator), Response>, AppError> {
    let pool = &state.db().pool;
    let c = connections::get(pool, id).await?;
    let Some(side) = side_of(pool, user, &c).await? else {
        return Err(AppError::Forbidden);
    };
    let home = match side {
        Initiator::Expert => routes::ME,
        Initiator::Organisation => routes::ORGANISATION,
    };
    let lang = page.ctx.lang;
    if c.status != ConnectionStatus::Accepted {
        return Ok(Err(flash::redirect(
            state,
            home,
            FlashKind::Error,
            lang.t(Note::ReportNotDue),
        )));
    }
    if reports::exists(pool, c.id, side).await? {
        return Ok(Err(flash::redirect(
            state,
            home,
            FlashKind::Error,
            lang.t(Note::ReportAlreadySent),
        )));
    }
    Ok(Ok((c, side)))
}

async fn empty_view(
    state: &AppState,
    c: &Connection,
    side: Initiator,
) -> Result<ReportFormView, AppError> {
    Ok(ReportFormView {
        connection_ref: c.id.to_string(),
        kind: if c.opportunity_kind == "project" {
            Kind::Project
        } else {
            Kind::Mission
        },
        opportunity_title: title_of(&state.db().pool, c).await?,
        counterpart: match side {
            Initiator::Expert => c.organisation_name.clone(),
            Initiator::Organisation => c.expert_name.clone(),
        },
        what_done: String::new(),
        how_it_went: String::new(),
        people_trained: String::new(),
        courses_delivered: String::new(),
        theses_supervised: String::new(),
        milestones_reached: String::new(),
        errors: FieldErrors::default(),
    })
}

/// GET: the report form.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (c, side) = match reporter(&state, &page, &user, id).await? {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let view = empty_view(&state, &c, side).await?;
    Ok(pages::report_form(&page.ctx, &view).into_response())
}

/// POST: saves the report and marks the connection completed, or shows the errors (422).
pub async fn save(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(id): Path<i64>,
    body: String,
) -> Result<Response, AppError> {
    let (c, side) = match reporter(&state, &page, &user, id).await? {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let lang = page.ctx.lang;
    let form = FormFields::parse(&body);
    let mut view = empty_view(&state, &c, side).await?;
    view.what_done = form.get("what_done").to_string();
    view.how_it_went = form.get("how_it_went").to_string();
    view.people_trained = form.get("people_trained").to_string();
    view.courses_delivered = form.get("courses_delivered").to_string();
    view.theses_supervised = form.get("theses_supervised").to_string();
    view.milestones_reached = form.get("milestones_reached").to_string();

    let mut errors = Vec::new();
    let summary = view.what_done.trim().to_string();
    if summary.is_empty() {
        errors.push(("what_done".to_string(), t(lang, V::Required).to_string()));
    }
    for (field, value) in [
        ("what_done", &view.what_done),
        ("how_it_went", &view.how_it_went),
    ] {
        if value.chars().count() > MAX_TEXT {
            errors.push((
                field.to_string(),
                fill(t(lang, V::TooLong), &[("max", &MAX_TEXT.to_string())]),
            ));
        }
    }
    let mut number = |field: &str, value: &str| -> i64 {
        let v = value.trim();
        if v.is_empty() {
            return 0;
        }
        match v.parse::<u32>() {
            Ok(n) => i64::from(n),
            Err(_) => {
                errors.push((field.to_string(), t(lang, V::NotANumber).to_string()));
                0
            }
        }
    };
    let report = NewReport {
        summary,
        how_it_went: Some(view.how_it_went.trim().to_string()).filter(|s| !s.is_empty()),
        people_trained: number("people_trained", &view.people_trained),
        courses_delivered: number("courses_delivered", &view.courses_delivered),
        theses_supervised: number("theses_supervised", &view.theses_supervised),
        milestones_reached: number("milestones_reached", &view.milestones_reached),
    };
    if !errors.is_empty() {
        view.errors = FieldErrors(errors);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::report_form(&page.ctx, &view),
        )
            .into_response());
    }
    let home = match side {
        Initiator::Expert => routes::ME,
        Initiator::Organisation => routes::ORGANISATION,
    };
    let mut tx = state.db().pool.begin().await?;
    match reports::create(&mut tx, c.id, side, &report).await {
        Ok(_) => {}
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            return Ok(flash::redirect(
                &state,
                home,
                FlashKind::Error,
                lang.t(Note::ReportAlreadySent),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    connections::mark_completed(&mut tx, c.id).await?;
    tx.commit().await?;
    tracing::info!(
        connection.id = c.id,
        side = side.as_str(),
        "mission report saved"
    );
    Ok(flash::redirect(
        &state,
        home,
        FlashKind::Success,
        lang.t(Note::ReportSent),
    ))
}
