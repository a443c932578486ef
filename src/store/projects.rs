//! Village projects: bulk upsert by ref (resolving the association by name), reads, status, deletion.

use std::collections::HashSet;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::batch::{Value, insert_rows};
use super::changelog::{self, ChangeKind, Entity};
use super::experts::Upserted;
use super::organisations::{self, OrgKind};
use super::rows::{boolean, int, json, list, opt_text, text};
use super::rows::{opt_date, opt_int, region, store_date};
use super::{Backend, StoreError, now};
use crate::domain::values::parse_language;
use crate::domain::{MissionStatus, Project, Sector};

/// A village project as stored, with its association and status.
#[derive(Debug, Clone)]
pub struct ProjectRecord {
    /// Row id.
    pub id: i64,
    /// The proposing association.
    pub organisation_id: i64,
    /// Draft, published, filled or closed.
    pub status: MissionStatus,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// Whether a moderator verified the posting organisation (only then is it public).
    pub organisation_verified: bool,
    /// The project.
    pub project: Project,
}

const COLUMNS: &[&str] = &[
    "ref",
    "organisation_id",
    "title",
    "description",
    "skills",
    "sector",
    "region",
    "commune",
    "language",
    "budget_cents",
    "funding_sought_cents",
    "start_date",
    "end_date",
    "created_at",
    "updated_at",
];

const SELECT: &str = "SELECT m.id, m.organisation_id, o.verified AS organisation_verified, m.status, m.hidden, m.ref, o.name AS association, m.title, m.description, m.skills, m.sector, m.region, m.commune, m.language, m.budget_cents, m.funding_sought_cents, m.start_date, m.end_date FROM projects m JOIN organisations o ON o.id = m.organisation_id";

fn on_conflict() -> String {
    let sets: Vec<String> = COLUMNS
        .iter()
        .filter(|c| !matches!(**c, "ref" | "created_at"))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!("ON CONFLICT (ref) DO UPDATE SET {}", sets.join(", "))
}

/// Inserts or updates projects by ref in the caller's transaction, creating missing
/// associations, logging each change.
pub async fn upsert_many(
    conn: &mut AnyConnection,
    backend: Backend,
    projects: &[Project],
) -> Result<Upserted, StoreError> {
    changelog::lock(conn, backend).await?;
    let names: Vec<&str> = projects.iter().map(|m| m.association.as_str()).collect();
    let org_ids = organisations::ensure_named(conn, OrgKind::Association, &names).await?;
    let existing: HashSet<String> = sqlx::query_scalar("SELECT ref FROM projects")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let at = now();
    let rows = projects
        .iter()
        .map(|p| {
            vec![
                Value::from(p.r#ref.clone()),
                Value::from(org_ids[&p.association]),
                p.title.clone().into(),
                p.description.clone().into(),
                json(&p.skills).into(),
                p.sector.as_str().into(),
                p.region.id().into(),
                p.commune.clone().into(),
                p.language.clone().into(),
                p.budget_cents.into(),
                p.funding_sought_cents.into(),
                store_date(p.start).into(),
                store_date(p.end).into(),
                at.into(),
                at.into(),
            ]
        })
        .collect();
    insert_rows(conn, "projects", COLUMNS, rows, &on_conflict()).await?;
    let changes: Vec<(Entity, &str, ChangeKind)> = projects
        .iter()
        .map(|p| {
            (
                Entity::Project,
                p.r#ref.as_str(),
                if existing.contains(&p.r#ref) {
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
        inserted: projects.len() - updated,
        updated,
    })
}

fn from_row(row: &AnyRow) -> Result<ProjectRecord, StoreError> {
    let corrupt = |e: crate::domain::FieldError| StoreError::Corrupt(e.to_string());
    let status = text(row, "status")?;
    Ok(ProjectRecord {
        id: int(row, "id")?,
        organisation_id: int(row, "organisation_id")?,
        status: MissionStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("status {status}")))?,
        hidden: boolean(row, "hidden")?,
        organisation_verified: boolean(row, "organisation_verified")?,
        project: Project {
            r#ref: text(row, "ref")?,
            association: text(row, "association")?,
            title: text(row, "title")?,
            description: text(row, "description")?,
            sector: Sector::parse("sector", &text(row, "sector")?).map_err(corrupt)?,
            skills: list(row, "skills")?,
            region: region(row, "region")?,
            commune: opt_text(row, "commune")?,
            language: opt_text(row, "language")?
                .map(|l| parse_language("language", &l))
                .transpose()
                .map_err(corrupt)?,
            budget_cents: opt_int(row, "budget_cents")?,
            funding_sought_cents: opt_int(row, "funding_sought_cents")?,
            start: opt_date(row, "start_date")?,
            end: opt_date(row, "end_date")?,
        },
    })
}

/// Reads one project by ref.
pub async fn get(pool: &AnyPool, r#ref: &str) -> Result<ProjectRecord, StoreError> {
    let sql = format!("{SELECT} WHERE m.ref = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(r#ref)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Reads the projects with the given refs, in the order of `refs` (missing refs are skipped).
pub async fn by_refs(pool: &AnyPool, refs: &[String]) -> Result<Vec<ProjectRecord>, StoreError> {
    super::rows::by_refs(pool, SELECT, "m.ref", refs, from_row, |r| &r.project.r#ref).await
}

/// Like [`by_refs`], each project with its confirmed pledge total (cents).
pub async fn by_refs_with_pledged(
    pool: &AnyPool,
    refs: &[String],
) -> Result<Vec<(ProjectRecord, i64)>, StoreError> {
    let found = by_refs(pool, refs).await?;
    let ids: Vec<i64> = found.iter().map(|p| p.id).collect();
    let confirmed = super::pledges::confirmed_totals(pool, &ids).await?;
    Ok(found
        .into_iter()
        .map(|p| {
            let pledged = confirmed.get(&p.id).copied().unwrap_or(0);
            (p, pledged)
        })
        .collect())
}

/// Reads every project in ref order.
pub async fn all(pool: &AnyPool) -> Result<Vec<ProjectRecord>, StoreError> {
    let sql = format!("{SELECT} ORDER BY m.ref");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Reads an organisation's projects, newest first, whatever their status.
pub async fn of_organisation(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<Vec<ProjectRecord>, StoreError> {
    let sql = format!("{SELECT} WHERE m.organisation_id = $1 ORDER BY m.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Reads the newest published, visible projects (at most `limit`), newest first.
pub async fn latest_published(
    pool: &AnyPool,
    limit: i64,
) -> Result<Vec<ProjectRecord>, StoreError> {
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

/// Counts listed projects (see [`super::LISTED`]).
pub async fn count_published(pool: &AnyPool) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM projects m JOIN organisations o ON o.id = m.organisation_id WHERE {}",
        super::LISTED
    )))
    .fetch_one(pool)
    .await?)
}

/// Changes a project's status, logging the change.
pub async fn set_status(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
    status: MissionStatus,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query("UPDATE projects SET status = $1, updated_at = $2 WHERE ref = $3")
        .bind(status.as_str())
        .bind(now())
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Project, r#ref, ChangeKind::Update)]).await
}

/// Deletes a project by ref, logging the deletion.
pub async fn delete(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query("DELETE FROM projects WHERE ref = $1")
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Project, r#ref, ChangeKind::Delete)]).await
}
