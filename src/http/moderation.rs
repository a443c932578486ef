//! Moderation: the verification queue of organisations, reported content with hide/restore,
//! failed emails with retry, and the audit log of every moderator action. Also the
//! "report this content" form any signed-in user can send.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use passerelle_templates::FlashKind;
use passerelle_templates::i18n::catalog::Note;
use passerelle_templates::i18n::t;
use passerelle_templates::model::OrgKind as ViewOrgKind;
use passerelle_templates::pages::{
    self,
    moderation::{
        AuditAction, AuditEntry, ContentKind, FailedEmail, ModerationView, PendingOrg, ReportedItem,
    },
};
use passerelle_templates::routes;
use serde::Deserialize;
use time::{OffsetDateTime, PrimitiveDateTime};

use super::context::Page;
use super::experts::day_of;
use super::session::{Moderator, SignedIn};
use super::{AppError, AppState, flash};
use crate::mail::{self, Recipient};
use crate::store::changelog::{self, ChangeKind, Entity};
use crate::store::organisations::{self, OrgKind};
use crate::store::{StoreError, experts, missions, moderation, outbox, projects, users};

/// How many audit entries the page shows.
const AUDIT_SHOWN: i64 = 100;

/// The moderation routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::MODERATION, get(queue))
        .route(routes::MODERATION_ORGANISATION, post(organisation_action))
        .route(routes::MODERATION_REPORT, post(report_action))
        .route(routes::MODERATION_EMAIL_RETRY, post(retry_email))
        .route(routes::REPORT_CONTENT, post(report_content))
}

fn moment(unix: i64) -> PrimitiveDateTime {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    PrimitiveDateTime::new(t.date(), t.time())
}

fn content_kind(entity: &str) -> Option<(ContentKind, Entity)> {
    match entity {
        "mission" => Some((ContentKind::Mission, Entity::Mission)),
        "project" => Some((ContentKind::Project, Entity::Project)),
        "expert" => Some((ContentKind::Expert, Entity::Expert)),
        _ => None,
    }
}

/// The title and hidden flag of reported content (None when it no longer exists).
async fn describe(
    state: &AppState,
    entity: Entity,
    r: &str,
) -> Result<Option<(String, bool)>, StoreError> {
    let pool = &state.db().pool;
    let found = match entity {
        Entity::Mission => missions::get(pool, r)
            .await
            .map(|m| (m.mission.title, m.hidden)),
        Entity::Project => projects::get(pool, r)
            .await
            .map(|p| (p.project.title, p.hidden)),
        Entity::Expert => experts::get(pool, r)
            .await
            .map(|e| (e.expert.name, e.hidden)),
    };
    match found {
        Ok(x) => Ok(Some(x)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// GET `/moderation`.
pub async fn queue(
    State(state): State<AppState>,
    Moderator(_): Moderator,
    page: Page,
) -> Result<Response, AppError> {
    let pool = &state.db().pool;
    let mut pending_orgs = Vec::new();
    for (o, created) in organisations::pending(pool).await? {
        let member = users::members(pool, o.id).await?.into_iter().next();
        pending_orgs.push(PendingOrg {
            reference: o.id.to_string(),
            name: o.name,
            kind: match o.kind {
                OrgKind::Institution => ViewOrgKind::Institution,
                OrgKind::Association => ViewOrgKind::Association,
            },
            city: o.city.unwrap_or_default(),
            country: o.country.unwrap_or_default(),
            website: o.website,
            member_name: member
                .as_ref()
                .map(|m| m.display_name.clone())
                .unwrap_or_default(),
            member_email: member.map(|m| m.email).unwrap_or_default(),
            submitted_on: day_of(created),
        });
    }
    let mut reports = Vec::new();
    for r in moderation::open_reports(pool).await? {
        let Some((content, entity)) = content_kind(&r.entity) else {
            continue;
        };
        let Some((title, hidden)) = describe(&state, entity, &r.r#ref).await? else {
            continue;
        };
        let reported_by = match r.reporter_id {
            Some(id) => users::get(pool, id)
                .await
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        reports.push(ReportedItem {
            reference: r.id.to_string(),
            content,
            content_ref: r.r#ref,
            title,
            reason: r.reason,
            reported_by,
            reported_on: day_of(r.created_at),
            hidden,
        });
    }
    let failed_emails = outbox::failed(pool)
        .await?
        .into_iter()
        .map(|m| FailedEmail {
            reference: m.id.to_string(),
            recipient: mail::mask_address(&m.to_addr),
            subject: m.subject,
            attempts: u32::try_from(m.attempts).unwrap_or(0),
            last_error: m.last_error.unwrap_or_default(),
            last_attempt: moment(m.next_attempt_at),
        })
        .collect();
    let audit = moderation::audit_log(pool, AUDIT_SHOWN)
        .await?
        .into_iter()
        .map(|a| AuditEntry {
            who: a.moderator.unwrap_or_default(),
            action: match a.action.as_str() {
                "verify_organisation" => AuditAction::VerifiedOrg,
                "reject_organisation" => AuditAction::RejectedOrg,
                "hide" => AuditAction::HidContent,
                "restore" => AuditAction::RestoredContent,
                "retry_email" => AuditAction::RetriedEmail,
                other => AuditAction::Other(other.to_string()),
            },
            target: a.target,
            at: moment(a.at),
        })
        .collect();
    let view = ModerationView {
        pending_orgs,
        reports,
        failed_emails,
        audit,
    };
    Ok(pages::moderation(&page.ctx, &view).into_response())
}

/// Writes a change-log entry for every posting of an organisation whose verification changed,
/// so the search index lists or drops them.
async fn postings_changed(
    tx: &mut sqlx::AnyConnection,
    pool: &sqlx::AnyPool,
    organisation_id: i64,
) -> Result<(), AppError> {
    let mission_refs: Vec<String> = missions::of_organisation(pool, organisation_id)
        .await?
        .into_iter()
        .map(|m| m.mission.r#ref)
        .collect();
    let project_refs: Vec<String> = projects::of_organisation(pool, organisation_id)
        .await?
        .into_iter()
        .map(|p| p.project.r#ref)
        .collect();
    let changes: Vec<(Entity, &str, ChangeKind)> = mission_refs
        .iter()
        .map(|r| (Entity::Mission, r.as_str(), ChangeKind::Update))
        .chain(
            project_refs
                .iter()
                .map(|r| (Entity::Project, r.as_str(), ChangeKind::Update)),
        )
        .collect();
    if !changes.is_empty() {
        changelog::append(tx, &changes).await?;
    }
    Ok(())
}

/// POST `/moderation/organisations/{id}/verify|reject`.
pub async fn organisation_action(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    page: Page,
    Path((id, action)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let pool = &state.db().pool;
    let org = organisations::get(pool, id).await?;
    let lang = page.ctx.lang;
    let backend = state.db().backend;
    let mut tx = pool.begin().await?;
    let note = match action.as_str() {
        "verify" => {
            changelog::lock(&mut tx, backend).await?;
            organisations::set_verified(&mut tx, id, true).await?;
            // Its postings become public: the index must look at them again.
            postings_changed(&mut tx, pool, id).await?;
            let url = format!("{}{}", state.site().base_url, routes::ORGANISATION);
            for m in users::members(pool, id).await? {
                let to = Recipient::new(&m.email, &m.lang, Some(&m.display_name));
                mail::enqueue(
                    &mut tx,
                    &mail::notices::organisation_verified(&to, id, &org.name, &url),
                )
                .await?;
            }
            moderation::audit(
                &mut tx,
                moderator.id,
                "verify_organisation",
                &org.name,
                None,
            )
            .await?;
            Note::OrgVerified
        }
        "reject" => {
            changelog::lock(&mut tx, backend).await?;
            organisations::set_rejected(&mut tx, id).await?;
            // Its postings stop being listed at once: the index must drop them.
            postings_changed(&mut tx, pool, id).await?;
            moderation::audit(
                &mut tx,
                moderator.id,
                "reject_organisation",
                &org.name,
                None,
            )
            .await?;
            Note::OrgRejected
        }
        _ => return Err(AppError::NotFound),
    };
    tx.commit().await?;
    state.mail().notify();
    Ok(flash::redirect(
        &state,
        routes::MODERATION,
        FlashKind::Success,
        t(lang, note),
    ))
}

/// POST `/moderation/reports/{id}/hide|restore`: hides or restores the reported content;
/// restoring also closes the report.
pub async fn report_action(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    page: Page,
    Path((id, action)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let pool = &state.db().pool;
    let report = moderation::open_reports(pool)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(AppError::NotFound)?;
    let (_, entity) = content_kind(&report.entity).ok_or(AppError::NotFound)?;
    let hide = match action.as_str() {
        "hide" => true,
        "restore" => false,
        _ => return Err(AppError::NotFound),
    };
    let mut tx = pool.begin().await?;
    moderation::set_hidden(&mut tx, state.db().backend, entity, &report.r#ref, hide).await?;
    if !hide {
        moderation::resolve_report(&mut tx, id).await?;
    }
    let target = format!("{}:{}", report.entity, report.r#ref);
    moderation::audit(
        &mut tx,
        moderator.id,
        if hide { "hide" } else { "restore" },
        &target,
        Some(&report.reason),
    )
    .await?;
    tx.commit().await?;
    let note = if hide {
        Note::ContentHidden
    } else {
        Note::ContentRestored
    };
    Ok(flash::redirect(
        &state,
        routes::MODERATION,
        FlashKind::Success,
        t(page.ctx.lang, note),
    ))
}

/// POST `/moderation/emails/{id}/retry`.
pub async fn retry_email(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let mut tx = state.db().pool.begin().await?;
    if !outbox::retry(&mut tx, id).await? {
        return Err(AppError::NotFound);
    }
    moderation::audit(
        &mut tx,
        moderator.id,
        "retry_email",
        &format!("mail:{id}"),
        None,
    )
    .await?;
    tx.commit().await?;
    state.mail().notify();
    Ok(flash::redirect(
        &state,
        routes::MODERATION,
        FlashKind::Success,
        t(page.ctx.lang, Note::EmailRequeued),
    ))
}

/// The "report this content" form.
#[derive(Debug, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    content_kind: String,
    #[serde(default)]
    content_ref: String,
    #[serde(default)]
    reason: String,
}

/// POST `/reports`: any signed-in user reports a mission, project or profile.
pub async fn report_content(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<ReportForm>,
) -> Result<Response, AppError> {
    let (_, entity) = content_kind(&form.content_kind).ok_or(AppError::NotFound)?;
    let r = form.content_ref.trim();
    if describe(&state, entity, r).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let reason: String = form.reason.trim().chars().take(2000).collect();
    let back = match entity {
        Entity::Mission => routes::mission(r),
        Entity::Project => routes::project(r),
        Entity::Expert => routes::expert(r),
    };
    if reason.is_empty() {
        return Ok(flash::redirect(
            &state,
            &back,
            FlashKind::Error,
            t(
                page.ctx.lang,
                passerelle_templates::i18n::catalog::V::Required,
            ),
        ));
    }
    let mut tx = state.db().pool.begin().await?;
    moderation::report(&mut tx, &form.content_kind, r, &reason, Some(user.id)).await?;
    tx.commit().await?;
    Ok(flash::redirect(
        &state,
        &back,
        FlashKind::Success,
        t(page.ctx.lang, Note::ContentReported),
    ))
}
