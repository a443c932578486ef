//! Connections between an expert and an organisation about one posting: the expert's
//! interest (`/missions/{ref}/interest`, `/projects/{ref}/interest`), the other side's
//! answer (`/connections/{id}/accept|decline`) and the post-mission report
//! (`/connections/{id}/report`). Contact details are shared once a connection is accepted.

pub mod answer;
pub mod interest;
mod report;

use axum::Router;
use axum::routing::{get, post};
use passerelle_templates::components::connection::{ConnectionView, ReportState};
use passerelle_templates::model::{ConnectionState, ContactView, Kind};
use passerelle_templates::routes;
use sqlx::AnyPool;

use super::experts::day_of;
use super::{AppError, AppState};
use crate::mail::Recipient;
use crate::store::connections::{Connection, ConnectionStatus, Initiator};
use crate::store::users::{self, Role, User};
use crate::store::{StoreError, experts, missions, projects, reports};

/// The routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::MISSION_INTEREST, post(interest::on_mission))
        .route(routes::PROJECT_INTEREST, post(interest::on_project))
        .route(routes::CONNECTION_ACCEPT, post(answer::accept))
        .route(routes::CONNECTION_DECLINE, post(answer::decline))
        .route(
            routes::CONNECTION_REPORT,
            get(report::show).post(report::save),
        )
}

/// A posting as a connection needs it.
pub struct Posting {
    /// "mission" or "project".
    pub kind: &'static str,
    /// Its title.
    pub title: String,
    /// The organisation that owns it.
    pub organisation_id: i64,
    /// Published and not hidden.
    pub public: bool,
}

/// Reads the mission or project a connection is about.
pub async fn posting(pool: &AnyPool, kind: &str, r#ref: &str) -> Result<Posting, StoreError> {
    use crate::search::follower::is_public;
    if kind == "project" {
        let p = projects::get(pool, r#ref).await?;
        Ok(Posting {
            kind: "project",
            title: p.project.title.clone(),
            organisation_id: p.organisation_id,
            public: is_public(p.status, p.hidden, p.organisation_verified),
        })
    } else {
        let m = missions::get(pool, r#ref).await?;
        Ok(Posting {
            kind: "mission",
            title: m.mission.title.clone(),
            organisation_id: m.organisation_id,
            public: is_public(m.status, m.hidden, m.organisation_verified),
        })
    }
}

/// The side of a connection a user stands on, if any.
pub async fn side_of(
    pool: &AnyPool,
    user: &User,
    c: &Connection,
) -> Result<Option<Initiator>, StoreError> {
    match user.role {
        Role::Expert => {
            let mine = experts::of_user(pool, user.id).await?;
            Ok(mine
                .filter(|e| e.id == c.expert_id)
                .map(|_| Initiator::Expert))
        }
        Role::InstitutionMember | Role::AssociationMember => Ok((user.organisation_id
            == Some(c.organisation_id))
        .then_some(Initiator::Organisation)),
        Role::Moderator => Ok(None),
    }
}

/// Who receives mail for the expert of a connection: the owning account, else the profile address.
pub async fn expert_recipients(
    pool: &AnyPool,
    c: &Connection,
) -> Result<Vec<Recipient>, StoreError> {
    let record = experts::get(pool, &c.expert_ref).await?;
    if let Some(id) = record.user_id {
        let u = users::get(pool, id).await?;
        return Ok(vec![Recipient::new(
            &u.email,
            &u.lang,
            Some(&u.display_name),
        )]);
    }
    Ok(vec![Recipient::new(
        &record.expert.email,
        "fr",
        Some(&record.expert.name),
    )])
}

/// Who receives mail for an organisation: its members.
pub async fn organisation_recipients(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<Vec<Recipient>, StoreError> {
    Ok(users::members(pool, organisation_id)
        .await?
        .iter()
        .map(|u| Recipient::new(&u.email, &u.lang, Some(&u.display_name)))
        .collect())
}

fn kind_of(c: &Connection) -> Kind {
    if c.opportunity_kind == "project" {
        Kind::Project
    } else {
        Kind::Mission
    }
}

fn state_of(c: &Connection) -> ConnectionState {
    match c.status {
        ConnectionStatus::Pending => ConnectionState::Pending,
        ConnectionStatus::Accepted => ConnectionState::Accepted,
        ConnectionStatus::Declined => ConnectionState::Declined,
    }
}

async fn report_state(
    pool: &AnyPool,
    c: &Connection,
    side: Initiator,
) -> Result<ReportState, StoreError> {
    if c.status != ConnectionStatus::Accepted {
        return Ok(ReportState::NotDue);
    }
    Ok(if reports::exists(pool, c.id, side).await? {
        ReportState::Submitted
    } else {
        ReportState::Due
    })
}

async fn title_of(pool: &AnyPool, c: &Connection) -> Result<String, StoreError> {
    match posting(pool, &c.opportunity_kind, &c.opportunity_ref).await {
        Ok(p) => Ok(p.title),
        Err(StoreError::NotFound) => Ok(c.opportunity_ref.clone()),
        Err(e) => Err(e),
    }
}

/// A connection as the expert sees it: the organisation, and its members' address once accepted.
pub async fn view_for_expert(state: &AppState, c: &Connection) -> Result<ConnectionView, AppError> {
    let pool = &state.db().pool;
    let contact = if c.status == ConnectionStatus::Accepted {
        users::members(pool, c.organisation_id)
            .await?
            .into_iter()
            .next()
            .map(|u| ContactView {
                email: u.email,
                phone: None,
            })
    } else {
        None
    };
    Ok(ConnectionView {
        reference: c.id.to_string(),
        kind: kind_of(c),
        opportunity_ref: c.opportunity_ref.clone(),
        opportunity_title: title_of(pool, c).await?,
        counterpart: c.organisation_name.clone(),
        counterpart_ref: None,
        state: state_of(c),
        awaiting_me: c.status == ConnectionStatus::Pending
            && c.initiated_by == Initiator::Organisation,
        contact,
        report: report_state(pool, c, Initiator::Expert).await?,
        updated_on: day_of(c.answered_at.unwrap_or(c.created_at)),
    })
}

/// A connection as the organisation sees it: the expert, and their contact once accepted.
pub async fn view_for_organisation(
    state: &AppState,
    c: &Connection,
) -> Result<ConnectionView, AppError> {
    let pool = &state.db().pool;
    let verified = crate::store::organisations::get(pool, c.organisation_id)
        .await?
        .verified;
    let contact =
        if c.status == ConnectionStatus::Accepted && super::postings::may_reach_experts(verified) {
            let e = experts::get(pool, &c.expert_ref).await?;
            Some(ContactView {
                email: e.expert.email,
                phone: e.phone,
            })
        } else {
            None
        };
    Ok(ConnectionView {
        reference: c.id.to_string(),
        kind: kind_of(c),
        opportunity_ref: c.opportunity_ref.clone(),
        opportunity_title: title_of(pool, c).await?,
        counterpart: c.expert_name.clone(),
        counterpart_ref: Some(c.expert_ref.clone()),
        state: state_of(c),
        awaiting_me: c.status == ConnectionStatus::Pending && c.initiated_by == Initiator::Expert,
        contact,
        report: report_state(pool, c, Initiator::Organisation).await?,
        updated_on: day_of(c.answered_at.unwrap_or(c.created_at)),
    })
}
