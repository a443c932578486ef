//! The owner's actions on a posting: publish (which tells the best-matching experts), close,
//! and invite an expert, within the limits that protect experts from solicitation.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use passerelle_index::OpportunityDoc;
use passerelle_templates::FlashKind;
use passerelle_templates::i18n::catalog::{Note, Op};
use passerelle_templates::i18n::t;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::{
    Actor, Visibility, may_move, mission_visibility, project_visibility, require_owner_of,
};
use crate::domain::MissionStatus;
use crate::http::context::Page;
use crate::http::experts::engine_lang;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::mail::{self, MatchNotice, Recipient};
use crate::search::convert::{mission_doc, project_doc};
use crate::store::connections::{self, Initiator, NewConnection};
use crate::store::users;
use crate::store::{StoreError, experts, missions, organisations, projects};

/// Experts told about a newly published posting: the best eligible ones above this score.
pub const MATCH_NOTIFY_THRESHOLD: f32 = 0.15;
/// At most this many experts are told about one posting.
const MATCH_NOTIFY_MAX: usize = 10;
/// An organisation may invite one expert at most this many times in [`INVITE_WINDOW_SECS`].
const INVITES_PER_WINDOW: i64 = 2;
/// The invitation window: about a month.
const INVITE_WINDOW_SECS: i64 = 30 * 24 * 3600;

/// Which kind of posting an action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A university's mission.
    Mission,
    /// An association's village project.
    Project,
}

impl Kind {
    /// "mission" or "project".
    pub fn code(self) -> &'static str {
        match self {
            Kind::Mission => "mission",
            Kind::Project => "project",
        }
    }

    /// The posting's page.
    pub fn path(self, r: &str) -> String {
        match self {
            Kind::Mission => passerelle_templates::routes::mission(r),
            Kind::Project => passerelle_templates::routes::project(r),
        }
    }
}

/// A posting loaded for an action: who may see it, its title and its engine document.
struct Loaded {
    visibility: Visibility,
    title: String,
    organisation: String,
    doc: OpportunityDoc,
}

async fn load(state: &AppState, kind: Kind, r: &str) -> Result<Loaded, AppError> {
    let pool = &state.db().pool;
    Ok(match kind {
        Kind::Mission => {
            let m = missions::get(pool, r).await?;
            Loaded {
                visibility: mission_visibility(&m),
                title: m.mission.title.clone(),
                organisation: m.mission.institution.clone(),
                doc: mission_doc(&m.mission),
            }
        }
        Kind::Project => {
            let p = projects::get(pool, r).await?;
            Loaded {
                visibility: project_visibility(&p),
                title: p.project.title.clone(),
                organisation: p.project.association.clone(),
                doc: project_doc(&p.project),
            }
        }
    })
}

async fn set_status(
    conn: &mut AnyConnection,
    state: &AppState,
    kind: Kind,
    r: &str,
    status: MissionStatus,
) -> Result<(), StoreError> {
    match kind {
        Kind::Mission => missions::set_status(conn, state.db().backend, r, status).await,
        Kind::Project => projects::set_status(conn, state.db().backend, r, status).await,
    }
}

async fn change_status(
    state: AppState,
    user: users::User,
    page: Page,
    kind: Kind,
    r: String,
    status: MissionStatus,
) -> Result<Response, AppError> {
    match apply_status(&state, Actor::of_user(&user), kind, &r, status).await {
        Ok(()) => {}
        Err(StatusError::NotAllowed { .. }) => {
            return Err(AppError::Unprocessable(
                t(page.ctx.lang, Note::FormErrors).into(),
            ));
        }
        Err(StatusError::App(e)) => return Err(e),
    }
    let note = match status {
        MissionStatus::Published => Note::Published,
        MissionStatus::Closed => Note::Closed,
        _ => Note::Saved,
    };
    Ok(flash::redirect(
        &state,
        &kind.path(&r),
        FlashKind::Success,
        t(page.ctx.lang, note),
    ))
}

/// Why a status change was refused.
#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    /// The life cycle does not go from `from` to `to` (see [`may_move`]).
    #[error("a {} posting cannot become {}", from.as_str(), to.as_str())]
    NotAllowed {
        /// The posting's status.
        from: MissionStatus,
        /// The status asked for.
        to: MissionStatus,
    },
    /// Not allowed for this actor, not found, or an inner failure.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<StoreError> for StatusError {
    fn from(e: StoreError) -> Self {
        StatusError::App(e.into())
    }
}

impl From<sqlx::Error> for StatusError {
    fn from(e: sqlx::Error) -> Self {
        StatusError::App(e.into())
    }
}

/// Moves a posting of the actor's organisation to `status` along its life cycle;
/// publishing a draft of a verified organisation tells the best-matching experts, in the
/// same transaction. Shared by the pages and the API.
pub async fn apply_status(
    state: &AppState,
    actor: Actor,
    kind: Kind,
    r: &str,
    status: MissionStatus,
) -> Result<(), StatusError> {
    let posting = load(state, kind, r).await?;
    require_owner_of(actor, posting.visibility)?;
    let from = posting.visibility.status;
    if !may_move(from, status) {
        return Err(StatusError::NotAllowed { from, to: status });
    }
    let mut tx = state.db().pool.begin().await?;
    set_status(&mut tx, state, kind, r, status).await?;
    let mut told = 0;
    if status == MissionStatus::Published
        && posting.visibility.status == MissionStatus::Draft
        && posting.visibility.organisation_verified
    {
        told = notify_matching_experts(&mut tx, state, kind, r, &posting).await?;
    }
    tx.commit().await?;
    if told > 0 {
        state.mail().notify();
    }
    Ok(())
}

/// Tells the best eligible experts about a newly published posting, each by their own
/// preference (at once, weekly digest, never), in the publishing transaction.
async fn notify_matching_experts(
    conn: &mut AnyConnection,
    state: &AppState,
    kind: Kind,
    r: &str,
    posting: &Loaded,
) -> Result<usize, AppError> {
    let matches = state.engine().match_experts(&posting.doc, MATCH_NOTIFY_MAX);
    let site = state.site();
    let url = format!("{}{}", site.base_url, kind.path(r));
    let now = crate::store::now();
    let mut told = 0;
    for m in matches
        .iter()
        .filter(|m| m.eligible && m.score >= MATCH_NOTIFY_THRESHOLD)
    {
        let record = match experts::get(&state.db().pool, &m.r#ref).await {
            Ok(e) => e,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        let Some(user_id) = record.user_id else {
            continue;
        };
        let user = users::get(&state.db().pool, user_id).await?;
        let lang = passerelle_templates::Lang::from_code(&user.lang)
            .unwrap_or(passerelle_templates::Lang::Fr);
        let notice = MatchNotice {
            opportunity_ref: r.to_string(),
            title: posting.title.clone(),
            organisation: posting.organisation.clone(),
            reasons: m
                .reasons
                .iter()
                .map(|x| x.text(engine_lang(lang)))
                .collect(),
            url: url.clone(),
        };
        let to = Recipient::new(&user.email, &user.lang, Some(&user.display_name));
        mail::notify_match(conn, &site, &to, user.notify, &notice, now).await?;
        told += 1;
    }
    Ok(told)
}

/// POST `/missions/{ref}/publish`.
pub async fn publish_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(
        state,
        user,
        page,
        Kind::Mission,
        r,
        MissionStatus::Published,
    )
    .await
}

/// POST `/missions/{ref}/close`.
pub async fn close_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(state, user, page, Kind::Mission, r, MissionStatus::Closed).await
}

/// POST `/missions/{ref}/fill`: experts were found.
pub async fn fill_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(state, user, page, Kind::Mission, r, MissionStatus::Filled).await
}

/// POST `/projects/{ref}/fill`: the project is funded and staffed.
pub async fn fill_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(state, user, page, Kind::Project, r, MissionStatus::Filled).await
}

/// POST `/projects/{ref}/publish`.
pub async fn publish_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(
        state,
        user,
        page,
        Kind::Project,
        r,
        MissionStatus::Published,
    )
    .await
}

/// POST `/projects/{ref}/close`.
pub async fn close_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    change_status(state, user, page, Kind::Project, r, MissionStatus::Closed).await
}

/// The invitation form: which expert, and an optional message.
#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    expert: String,
    #[serde(default)]
    message: String,
}

async fn invite(
    state: AppState,
    user: users::User,
    page: Page,
    kind: Kind,
    r: String,
    form: InviteForm,
) -> Result<Response, AppError> {
    // An expert is never the owner (see [`Actor::of_user`]), so they are refused here too.
    let lang = page.ctx.lang;
    let back = kind.path(&r);
    let sent = invite_expert(
        &state,
        Actor::of_user(&user),
        kind,
        &r,
        &form.expert,
        &form.message,
    )
    .await
    .map_err(|e| match e {
        AppError::Unprocessable(_) => AppError::Unprocessable(t(lang, Note::FormErrors).into()),
        e => e,
    })?;
    let (kind_of_flash, note) = match sent {
        Invitation::Sent(_) => (FlashKind::Success, t(lang, Note::InvitationSent)),
        Invitation::AlreadyInvited => (FlashKind::Error, t(lang, Op::InviteLimitPosting)),
        Invitation::MonthlyLimit => (FlashKind::Error, t(lang, Op::InviteLimitMonth)),
    };
    Ok(flash::redirect(&state, &back, kind_of_flash, note))
}

/// What became of an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invitation {
    /// Sent: the new connection's id.
    Sent(i64),
    /// The organisation already invited this expert to this posting.
    AlreadyInvited,
    /// The organisation invited this expert [`INVITES_PER_WINDOW`] times this month.
    MonthlyLimit,
}

/// Invites an expert (by ref) to a published posting of the actor's organisation, within
/// the limits (once per posting, twice a month per expert), and mails the expert in the
/// same transaction. Shared by the pages and the API; an unpublished posting is
/// `Unprocessable`, an unknown or hidden expert `NotFound`.
pub async fn invite_expert(
    state: &AppState,
    actor: Actor,
    kind: Kind,
    r: &str,
    expert_ref: &str,
    message: &str,
) -> Result<Invitation, AppError> {
    let posting = load(state, kind, r).await?;
    require_owner_of(actor, posting.visibility)?;
    super::require_verified_address(actor.address_verified)?;
    if !super::may_reach_experts(posting.visibility.organisation_verified) {
        return Err(AppError::Forbidden);
    }
    if posting.visibility.status != MissionStatus::Published {
        return Err(AppError::Unprocessable(
            "only a published posting takes invitations".into(),
        ));
    }
    let pool = &state.db().pool;
    let expert = match experts::get(pool, expert_ref.trim()).await {
        Ok(e) if !e.hidden => e,
        Ok(_) | Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let organisation_id = posting.visibility.organisation_id;
    let since = crate::store::now() - INVITE_WINDOW_SECS;
    let (recent, same) =
        connections::invitations(pool, organisation_id, expert.id, since, (kind.code(), r)).await?;
    if same {
        return Ok(Invitation::AlreadyInvited);
    }
    if recent >= INVITES_PER_WINDOW {
        return Ok(Invitation::MonthlyLimit);
    }
    let message: String = message.trim().chars().take(2000).collect();
    let organisation = organisations::get(pool, organisation_id).await?;
    let mut tx = pool.begin().await?;
    let created = connections::create(
        &mut tx,
        &NewConnection {
            expert_id: expert.id,
            organisation_id,
            opportunity_kind: kind.code(),
            opportunity_ref: r.to_string(),
            initiated_by: Initiator::Organisation,
            message: (!message.is_empty()).then_some(message.clone()),
        },
    )
    .await;
    let connection_id = match created {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => return Ok(Invitation::AlreadyInvited),
        Err(e) => return Err(e.into()),
    };
    if let Some(uid) = expert.user_id {
        let owner = users::get(pool, uid).await?;
        let to = Recipient::new(&owner.email, &owner.lang, Some(&owner.display_name));
        let notice = mail::notices::ConnectionNotice {
            connection_id,
            other_party: organisation.name.clone(),
            opportunity_title: posting.title.clone(),
            message: (!message.is_empty()).then_some(message),
            url: format!(
                "{}{}",
                state.site().base_url,
                passerelle_templates::routes::ME
            ),
        };
        mail::enqueue(&mut tx, &mail::notices::invitation_received(&to, &notice)).await?;
    }
    tx.commit().await?;
    state.mail().notify();
    Ok(Invitation::Sent(connection_id))
}

/// POST `/missions/{ref}/invite`.
pub async fn invite_to_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    invite(state, user, page, Kind::Mission, r, form).await
}

/// POST `/projects/{ref}/invite`.
pub async fn invite_to_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    invite(state, user, page, Kind::Project, r, form).await
}
