//! Moderation: content reports, hiding and restoring records, and the audit log of every
//! moderator action.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::changelog::{self, ChangeKind, Entity};
use super::rows::{int, opt_int, opt_text, text};
use super::{Backend, StoreError, now};

/// An entry of the audit log.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// Row id.
    pub id: i64,
    /// The moderator's display name.
    pub moderator: Option<String>,
    /// What was done ("verify_organisation", "hide", "restore"…).
    pub action: String,
    /// On what ("organisation:12", "mission:M0001").
    pub target: String,
    /// Free detail.
    pub detail: Option<String>,
    /// When (unix seconds).
    pub at: i64,
}

/// A report of inappropriate content.
#[derive(Debug, Clone)]
pub struct ContentReport {
    /// Row id.
    pub id: i64,
    /// "expert", "mission", "project" or "organisation".
    pub entity: String,
    /// The record's ref (or id for organisations).
    pub r#ref: String,
    /// Why it was reported.
    pub reason: String,
    /// Who reported it.
    pub reporter_id: Option<i64>,
    /// "open" or "resolved".
    pub status: String,
    /// When.
    pub created_at: i64,
}

/// Appends to the audit log (in the caller's transaction, with the action itself).
pub async fn audit(
    conn: &mut AnyConnection,
    moderator_id: i64,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (moderator_id, action, target, detail, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(moderator_id)
        .bind(action.to_string())
        .bind(target.to_string())
        .bind(detail.map(str::to_string))
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records an operator's action from the command line (no moderator account behind it).
pub async fn audit_operator(
    conn: &mut AnyConnection,
    action: &str,
    target: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (moderator_id, action, target, detail, at) VALUES (NULL, $1, $2, $3, $4)")
        .bind(action.to_string())
        .bind(target.to_string())
        .bind("command line")
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The newest audit entries.
pub async fn audit_log(pool: &AnyPool, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let rows = sqlx::query("SELECT a.id, u.display_name AS moderator, a.action, a.target, a.detail, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.moderator_id ORDER BY a.id DESC LIMIT $1")
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r: &AnyRow| {
            Ok(AuditEntry {
                id: int(r, "id")?,
                moderator: opt_text(r, "moderator")?,
                action: text(r, "action")?,
                target: text(r, "target")?,
                detail: opt_text(r, "detail")?,
                at: int(r, "at")?,
            })
        })
        .collect()
}

/// Files a content report.
pub async fn report(
    conn: &mut AnyConnection,
    entity: &str,
    r#ref: &str,
    reason: &str,
    reporter_id: Option<i64>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("INSERT INTO content_reports (entity, ref, reason, reporter_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(entity.to_string())
        .bind(r#ref.to_string())
        .bind(reason.to_string())
        .bind(reporter_id)
        .bind(now())
        .fetch_one(&mut *conn)
        .await?)
}

/// Open content reports, oldest first.
pub async fn open_reports(pool: &AnyPool) -> Result<Vec<ContentReport>, StoreError> {
    let rows = sqlx::query("SELECT id, entity, ref, reason, reporter_id, status, created_at FROM content_reports WHERE status = 'open' ORDER BY id")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r: &AnyRow| {
            Ok(ContentReport {
                id: int(r, "id")?,
                entity: text(r, "entity")?,
                r#ref: text(r, "ref")?,
                reason: text(r, "reason")?,
                reporter_id: opt_int(r, "reporter_id")?,
                status: text(r, "status")?,
                created_at: int(r, "created_at")?,
            })
        })
        .collect()
}

/// Closes a content report.
pub async fn resolve_report(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE content_reports SET status = 'resolved' WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Hides or restores an expert, mission or project, logging the change so the index follows.
pub async fn set_hidden(
    conn: &mut AnyConnection,
    backend: Backend,
    entity: Entity,
    r#ref: &str,
    hidden: bool,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let table = match entity {
        Entity::Expert => "experts",
        Entity::Mission => "missions",
        Entity::Project => "projects",
    };
    let sql = format!("UPDATE {table} SET hidden = $1 WHERE ref = $2");
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(i64::from(hidden))
        .bind(r#ref.to_string())
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(entity, r#ref, ChangeKind::Update)]).await
}
