//! Missions: bulk upsert by ref (resolving the institution by name), reads, status, deletion.

use std::collections::HashSet;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::batch::{Value, insert_rows};
use super::changelog::{self, ChangeKind, Entity};
use super::experts::Upserted;
use super::organisations::{self, OrgKind};
use super::rows::{boolean, date, int, json, list, opt_text, text};
use super::{Backend, StoreError, now};
use crate::domain::values::{Mode, Place, format_date};
use crate::domain::{Mission, MissionStatus};

/// A mission as stored, with its organisation and status.
#[derive(Debug, Clone)]
pub struct MissionRecord {
    /// Row id.
    pub id: i64,
    /// The posting institution.
    pub organisation_id: i64,
    /// Draft, published, filled or closed.
    pub status: MissionStatus,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// Whether a moderator verified the posting organisation (only then is it public).
    pub organisation_verified: bool,
    /// The mission.
    pub mission: Mission,
}

const COLUMNS: &[&str] = &[
    "ref",
    "organisation_id",
    "title",
    "description",
    "skills",
    "discipline",
    "level",
    "language",
    "region",
    "start_date",
    "end_date",
    "mode",
    "created_at",
    "updated_at",
];

const SELECT: &str = "SELECT m.id, m.organisation_id, o.verified AS organisation_verified, m.status, m.hidden, m.ref, o.name AS institution, m.title, m.description, m.skills, m.discipline, m.level, m.language, m.region, m.start_date, m.end_date, m.mode FROM missions m JOIN organisations o ON o.id = m.organisation_id";

fn on_conflict() -> String {
    let sets: Vec<String> = COLUMNS
        .iter()
        .filter(|c| !matches!(**c, "ref" | "created_at"))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!("ON CONFLICT (ref) DO UPDATE SET {}", sets.join(", "))
}

/// Inserts or updates missions by ref in the caller's transaction, creating missing
/// institutions, logging each change.
pub async fn upsert_many(
    conn: &mut AnyConnection,
    backend: Backend,
    missions: &[Mission],
) -> Result<Upserted, StoreError> {
    changelog::lock(conn, backend).await?;
    let names: Vec<&str> = missions.iter().map(|m| m.institution.as_str()).collect();
    let org_ids = organisations::ensure_named(conn, OrgKind::Institution, &names).await?;
    let existing: HashSet<String> = sqlx::query_scalar("SELECT ref FROM missions")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let at = now();
    let rows = missions
        .iter()
        .map(|m| {
            vec![
                Value::from(m.r#ref.clone()),
                Value::from(org_ids[&m.institution]),
                m.title.clone().into(),
                m.description.clone().into(),
                json(&m.skills).into(),
                m.discipline.clone().into(),
                m.level.clone().into(),
                m.language.clone().into(),
                m.place.id().into(),
                format_date(m.start).into(),
                format_date(m.end).into(),
                m.mode.as_str().into(),
                at.into(),
                at.into(),
            ]
        })
        .collect();
    insert_rows(conn, "missions", COLUMNS, rows, &on_conflict()).await?;
    let changes: Vec<(Entity, &str, ChangeKind)> = missions
        .iter()
        .map(|m| {
            (
                Entity::Mission,
                m.r#ref.as_str(),
                if existing.contains(&m.r#ref) {
                    ChangeKind::Update
                } else {
                    ChangeKind::Insert
                },
            )
        })
        .collect();
    changelog::append(conn, &changes).await?;
    let updated = changes.iter().filter(|c| c.2 == ChangeKind::Update).count();
    Ok(Upserted {
        inserted: missions.len() - updated,
        updated,
    })
}

fn from_row(row: &AnyRow) -> Result<MissionRecord, StoreError> {
    let corrupt = |e: crate::domain::FieldError| StoreError::Corrupt(e.to_string());
    let status = text(row, "status")?;
    Ok(MissionRecord {
        id: int(row, "id")?,
        organisation_id: int(row, "organisation_id")?,
        status: MissionStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("status {status}")))?,
        hidden: boolean(row, "hidden")?,
        organisation_verified: boolean(row, "organisation_verified")?,
        mission: Mission {
            r#ref: text(row, "ref")?,
            institution: text(row, "institution")?,
            title: text(row, "title")?,
            description: text(row, "description")?,
            skills: list(row, "skills")?,
            discipline: opt_text(row, "discipline")?,
            level: opt_text(row, "level")?,
            language: text(row, "language")?,
            place: Place::parse("region", &text(row, "region")?).map_err(corrupt)?,
            start: date(row, "start_date")?,
            end: date(row, "end_date")?,
            mode: Mode::parse("mode", &text(row, "mode")?).map_err(corrupt)?,
        },
    })
}

/// Reads one mission by ref.
pub async fn get(pool: &AnyPool, r#ref: &str) -> Result<MissionRecord, StoreError> {
    let sql = format!("{SELECT} WHERE m.ref = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(r#ref)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Reads the missions with the given refs, in the order of `refs` (missing refs are skipped).
pub async fn by_refs(pool: &AnyPool, refs: &[String]) -> Result<Vec<MissionRecord>, StoreError> {
    super::rows::by_refs(pool, SELECT, "m.ref", refs, from_row, |r| &r.mission.r#ref).await
}

/// Reads every mission in ref order.
pub async fn all(pool: &AnyPool) -> Result<Vec<MissionRecord>, StoreError> {
    let sql = format!("{SELECT} ORDER BY m.ref");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Reads an organisation's missions, newest first, whatever their status.
pub async fn of_organisation(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<Vec<MissionRecord>, StoreError> {
    let sql = format!("{SELECT} WHERE m.organisation_id = $1 ORDER BY m.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Reads the newest published, visible missions (at most `limit`), newest first.
pub async fn latest_published(
    pool: &AnyPool,
    limit: i64,
) -> Result<Vec<MissionRecord>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY m.id DESC LIMIT $1",
        super::LISTED
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(limit)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Counts listed missions (see [`super::LISTED`]).
pub async fn count_published(pool: &AnyPool) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM missions m JOIN organisations o ON o.id = m.organisation_id WHERE {}",
        super::LISTED
    )))
    .fetch_one(pool)
    .await?)
}

/// Changes a mission's status, logging the change.
pub async fn set_status(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
    status: MissionStatus,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query("UPDATE missions SET status = $1, updated_at = $2 WHERE ref = $3")
        .bind(status.as_str())
        .bind(now())
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Mission, r#ref, ChangeKind::Update)]).await
}

/// Deletes a mission by ref, logging the deletion.
pub async fn delete(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query("DELETE FROM missions WHERE ref = $1")
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Mission, r#ref, ChangeKind::Delete)]).await
}
