//! Pledges to village projects: a signed-in member of the diaspora promises an amount or
//! skills; the association confirms, and the pledger is told.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_templates::FlashKind;
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::t;
use serde::Deserialize;

use super::{Access, Actor, access, project_visibility, require_owner_of};
use crate::domain::MissionStatus;
use crate::http::context::Page;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::mail::{self, Recipient};
use crate::store::{pledges, projects, users};

/// The largest single pledge accepted, in euros.
const MAX_PLEDGE_EUR: u64 = 10_000_000;

/// The pledge form as posted (field names of the project page's form).
#[derive(Debug, Deserialize)]
pub struct PledgeFormData {
    #[serde(default)]
    amount_eur: String,
    #[serde(default)]
    skill_offer: String,
    #[serde(default)]
    pledge_message: String,
}

/// Parses a whole number of euros ("1 500", "1500"); empty is none.
fn parse_euros(text: &str) -> Result<Option<u64>, ()> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_PLEDGE_EUR => Ok((n > 0).then_some(n)),
        _ => Err(()),
    }
}

/// Why a pledge was refused.
#[derive(Debug, thiserror::Error)]
pub enum PledgeError {
    /// The amount is not a whole number of euros within the limit.
    #[error("the amount is not a whole number of euros up to 10 000 000")]
    Amount,
    /// Neither an amount nor skills were offered.
    #[error("give an amount or skills")]
    Empty,
    /// Not allowed, not found, or an inner failure.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<crate::store::StoreError> for PledgeError {
    fn from(e: crate::store::StoreError) -> Self {
        PledgeError::App(e.into())
    }
}

impl From<sqlx::Error> for PledgeError {
    fn from(e: sqlx::Error) -> Self {
        PledgeError::App(e.into())
    }
}

/// A pledge as offered, before checks.
#[derive(Debug, Clone, Default)]
pub struct PledgeOffer {
    /// Whole euros as typed ("1 500"); empty for none.
    pub amount_eur: String,
    /// Skills offered.
    pub skills: String,
    /// Message to the association.
    pub message: String,
}

/// Records `user`'s pledge to the published project `r` (not their own association's).
/// Shared by the page and the API; returns the pledge's id.
pub async fn record_pledge(
    state: &AppState,
    user: &users::User,
    r: &str,
    offer: &PledgeOffer,
) -> Result<i64, PledgeError> {
    let pool = &state.db().pool;
    let project = projects::get(pool, r).await?;
    let seen_as = access(Some(user), project_visibility(&project))?;
    super::require_verified_address(user.email_verified)?;
    if seen_as == Access::Owner || project.status != MissionStatus::Published {
        return Err(AppError::Forbidden.into());
    }
    let amount = parse_euros(&offer.amount_eur).map_err(|()| PledgeError::Amount)?;
    let skills: String = offer.skills.trim().chars().take(500).collect();
    if amount.is_none() && skills.is_empty() {
        return Err(PledgeError::Empty);
    }
    let message: String = offer.message.trim().chars().take(2000).collect();
    let mut tx = pool.begin().await?;
    let id = pledges::create(
        &mut tx,
        project.id,
        user.id,
        i64::try_from(amount.unwrap_or(0)).unwrap_or(0) * 100,
        (!skills.is_empty()).then_some(skills),
        (!message.is_empty()).then_some(message),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// POST `/projects/{ref}/pledges`.
pub async fn pledge(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
    Form(form): Form<PledgeFormData>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let back = passerelle_templates::routes::project(&r);
    let offer = PledgeOffer {
        amount_eur: form.amount_eur,
        skills: form.skill_offer,
        message: form.pledge_message,
    };
    let (kind, note) = match record_pledge(&state, &user, &r, &offer).await {
        Ok(_) => (FlashKind::Success, t(lang, Note::PledgeSent)),
        Err(PledgeError::Amount) => (FlashKind::Error, t(lang, V::NotANumber)),
        Err(PledgeError::Empty) => (FlashKind::Error, t(lang, V::AmountOrSkills)),
        Err(PledgeError::App(e)) => return Err(e),
    };
    Ok(flash::redirect(&state, &back, kind, note))
}

/// POST `/projects/{ref}/pledges/{id}/confirm`: the association confirms a pledge.
pub async fn confirm(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path((r, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    confirm_pledge(&state, Actor::of_user(&user), &r, id).await?;
    Ok(flash::redirect(
        &state,
        &passerelle_templates::routes::project(&r),
        FlashKind::Success,
        t(page.ctx.lang, Note::PledgeConfirmed),
    ))
}

/// Confirms pledge `id` to project `r` of the actor's association and tells the pledger
/// (once, in the same transaction). Shared by the page and the API.
pub async fn confirm_pledge(
    state: &AppState,
    actor: Actor,
    r: &str,
    id: i64,
) -> Result<(), AppError> {
    let pool = &state.db().pool;
    let project = projects::get(pool, r).await?;
    require_owner_of(actor, project_visibility(&project))?;
    let pledge = pledges::get(pool, id).await?;
    if pledge.project_id != project.id {
        return Err(AppError::NotFound);
    }
    let mut tx = pool.begin().await?;
    let changed = pledges::settle(&mut tx, id, true).await?;
    if changed && let Some(uid) = pledge.user_id {
        let pledger = users::get(pool, uid).await?;
        let to = Recipient::new(&pledger.email, &pledger.lang, Some(&pledger.display_name));
        let url = format!(
            "{}{}",
            state.site().base_url,
            passerelle_templates::routes::project(r)
        );
        let msg = mail::notices::pledge_confirmed(
            &to,
            id,
            &project.project.title,
            &project.project.association,
            &url,
        );
        mail::enqueue(&mut tx, &msg).await?;
    }
    tx.commit().await?;
    state.mail().notify();
    Ok(())
}
