//! Missions and village projects: search pages, detail pages, and the owner's actions
//! (publish, close, invite) and pledges. Who may see or touch what is decided here, once.

pub mod actions;
pub mod detail;
pub mod forms;
pub mod list;
pub mod pledge;

use axum::Router;
use axum::routing::{get, post};
use passerelle_templates::components::opportunity::Responsiveness;
use passerelle_templates::routes;

use super::{AppError, AppState};
use crate::domain::MissionStatus;
use crate::store::users::{Role, User};
use crate::store::{StoreError, connections};

/// The postings routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::MISSIONS, get(list::missions))
        .route(routes::PROJECTS, get(list::projects))
        .route(
            routes::MISSION_NEW,
            get(forms::new_mission).post(forms::create_mission),
        )
        .route(
            routes::PROJECT_NEW,
            get(forms::new_project).post(forms::create_project),
        )
        .route(
            routes::MISSION_EDIT,
            get(forms::edit_mission).post(forms::update_mission),
        )
        .route(
            routes::PROJECT_EDIT,
            get(forms::edit_project).post(forms::update_project),
        )
        .route(routes::MISSION, get(detail::mission))
        .route(routes::PROJECT, get(detail::project))
        .route(routes::MISSION_PUBLISH, post(actions::publish_mission))
        .route(routes::MISSION_CLOSE, post(actions::close_mission))
        .route(routes::MISSION_FILL, post(actions::fill_mission))
        .route(routes::PROJECT_FILL, post(actions::fill_project))
        .route(routes::PROJECT_PUBLISH, post(actions::publish_project))
        .route(routes::PROJECT_CLOSE, post(actions::close_project))
        .route(routes::MISSION_INVITE, post(actions::invite_to_mission))
        .route(routes::PROJECT_INVITE, post(actions::invite_to_project))
        .route(routes::PROJECT_PLEDGES, post(pledge::pledge))
        .route(routes::PLEDGE_CONFIRM, post(pledge::confirm))
}

/// What the viewer may do with one posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A member of the owning organisation.
    Owner,
    /// A moderator.
    Moderator,
    /// Anyone else, when the posting is public.
    Public,
}

/// The facts about a posting that decide who sees it.
#[derive(Debug, Clone, Copy)]
pub struct Visibility {
    /// Life-cycle status.
    pub status: MissionStatus,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// The owning organisation.
    pub organisation_id: i64,
    /// Whether a moderator verified it.
    pub organisation_verified: bool,
}

impl Visibility {
    /// Public: published (or filled/closed, kept for the record), not hidden, and posted by
    /// a verified organisation.
    pub fn is_public(self) -> bool {
        self.status != MissionStatus::Draft && !self.hidden && self.organisation_verified
    }
}

/// Whether the organisation that owns a posting may reach experts through it — see ranked
/// experts, invite them, and read an accepted expert's contact details: only once a moderator
/// has verified it. Pages, the API and the mails all ask this.
pub fn may_reach_experts(organisation_verified: bool) -> bool {
    organisation_verified
}

/// An account may post, invite, express interest or pledge only once its e-mail address is
/// verified (API tokens act for a verified member's organisation and count as verified).
pub fn require_verified_address(verified: bool) -> Result<(), AppError> {
    if verified {
        Ok(())
    } else {
        Err(AppError::EmailUnverified)
    }
}

/// The life cycle the owner's page offers: publish a draft, mark a published posting
/// filled, close one that is not closed yet. Nothing goes back to draft.
pub fn may_move(from: MissionStatus, to: MissionStatus) -> bool {
    match to {
        MissionStatus::Published => from == MissionStatus::Draft,
        MissionStatus::Filled => from == MissionStatus::Published,
        MissionStatus::Closed => from != MissionStatus::Closed,
        MissionStatus::Draft => false,
    }
}

/// Who acts on a posting: an organisation (a member's session or an API token), or a moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The organisation acting, if any.
    pub organisation_id: Option<i64>,
    /// Whether the actor moderates.
    pub moderator: bool,
    /// Whether the acting account's address is verified (always for API tokens).
    pub address_verified: bool,
}

impl Actor {
    /// The actor a signed-in user is: their organisation when they are a member.
    pub fn of_user(user: &User) -> Actor {
        Actor {
            organisation_id: user.organisation_id.filter(|_| user.role != Role::Expert),
            moderator: user.role == Role::Moderator,
            address_verified: user.email_verified,
        }
    }
}

/// Decides the viewer's access to a posting; drafts and hidden postings of others are
/// reported as missing (404), not forbidden, so their existence does not leak.
pub fn access(user: Option<&User>, v: Visibility) -> Result<Access, AppError> {
    access_of(user.map(Actor::of_user), v)
}

/// [`access`] for any actor (a session's user or an API token's organisation).
pub fn access_of(actor: Option<Actor>, v: Visibility) -> Result<Access, AppError> {
    if let Some(a) = actor {
        if a.organisation_id == Some(v.organisation_id) {
            return Ok(Access::Owner);
        }
        if a.moderator {
            return Ok(Access::Moderator);
        }
    }
    if v.is_public() {
        Ok(Access::Public)
    } else {
        Err(AppError::NotFound)
    }
}

/// Only the owning organisation's members may act on a posting: others get 403 when the
/// posting is public and 404 when it is not.
pub fn require_owner(user: &User, v: Visibility) -> Result<(), AppError> {
    require_owner_of(Actor::of_user(user), v)
}

/// [`require_owner`] for any actor.
pub fn require_owner_of(actor: Actor, v: Visibility) -> Result<(), AppError> {
    match access_of(Some(actor), v)? {
        Access::Owner => Ok(()),
        Access::Moderator | Access::Public => Err(AppError::Forbidden),
    }
}

/// The organisation's responsiveness to experts' interests, once it has received some.
pub async fn responsiveness(
    state: &AppState,
    organisation_id: i64,
) -> Result<Option<Responsiveness>, StoreError> {
    let (answered, total, median) =
        connections::responsiveness(&state.db().pool, organisation_id).await?;
    if total == 0 {
        return Ok(None);
    }
    Ok(Some(Responsiveness {
        answered_pct: u32::try_from(answered * 100 / total).unwrap_or(0),
        median_days: median
            .map(|s| u32::try_from((s + 86_399) / 86_400).unwrap_or(0))
            .unwrap_or(0),
    }))
}

/// Who may see a mission.
pub fn mission_visibility(r: &crate::store::missions::MissionRecord) -> Visibility {
    Visibility {
        status: r.status,
        hidden: r.hidden,
        organisation_id: r.organisation_id,
        organisation_verified: r.organisation_verified,
    }
}

/// Who may see a project.
pub fn project_visibility(r: &crate::store::projects::ProjectRecord) -> Visibility {
    Visibility {
        status: r.status,
        hidden: r.hidden,
        organisation_id: r.organisation_id,
        organisation_verified: r.organisation_verified,
    }
}
