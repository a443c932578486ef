//! Pledges of money or skills to village projects, confirmed by the association.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::rows::{int, opt_int, opt_text, text};
use super::{StoreError, now};

/// A pledge.
#[derive(Debug, Clone)]
pub struct Pledge {
    /// Row id.
    pub id: i64,
    /// The project's row id.
    pub project_id: i64,
    /// Who pledged (None once the account is deleted).
    pub user_id: Option<i64>,
    /// The pledger's display name.
    pub pledger_name: Option<String>,
    /// Amount in euro cents (0 for a pledge of skills only).
    pub amount_cents: i64,
    /// Skills offered.
    pub skills: Option<String>,
    /// Message to the association.
    pub message: Option<String>,
    /// "pending", "confirmed" or "declined".
    pub status: String,
    /// When it was made.
    pub created_at: i64,
}

const SELECT: &str = "SELECT p.id, p.project_id, p.user_id, u.display_name AS pledger_name, p.amount_cents, p.skills, p.message, p.status, p.created_at FROM pledges p LEFT JOIN users u ON u.id = p.user_id";

fn from_row(row: &AnyRow) -> Result<Pledge, StoreError> {
    Ok(Pledge {
        id: int(row, "id")?,
        project_id: int(row, "project_id")?,
        user_id: opt_int(row, "user_id")?,
        pledger_name: opt_text(row, "pledger_name")?,
        amount_cents: int(row, "amount_cents")?,
        skills: opt_text(row, "skills")?,
        message: opt_text(row, "message")?,
        status: text(row, "status")?,
        created_at: int(row, "created_at")?,
    })
}

/// Records a pledge.
pub async fn create(
    conn: &mut AnyConnection,
    project_id: i64,
    user_id: i64,
    amount_cents: i64,
    skills: Option<String>,
    message: Option<String>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO pledges (project_id, user_id, amount_cents, skills, message, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(project_id)
    .bind(user_id)
    .bind(amount_cents)
    .bind(skills)
    .bind(message)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?)
}

/// The pledges to a project, newest first.
pub async fn of_project(pool: &AnyPool, project_id: i64) -> Result<Vec<Pledge>, StoreError> {
    let sql = format!("{SELECT} WHERE p.project_id = $1 ORDER BY p.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(project_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Reads one pledge.
pub async fn get(pool: &AnyPool, id: i64) -> Result<Pledge, StoreError> {
    let sql = format!("{SELECT} WHERE p.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Confirms (or declines) a pending pledge; false when it was not pending.
pub async fn settle(conn: &mut AnyConnection, id: i64, confirm: bool) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE pledges SET status = $1, confirmed_at = $2 WHERE id = $3 AND status = 'pending'",
    )
    .bind(if confirm { "confirmed" } else { "declined" })
    .bind(now())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sum of confirmed and of pending pledges to a project, in cents.
pub async fn totals(pool: &AnyPool, project_id: i64) -> Result<(i64, i64), StoreError> {
    let confirmed: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM pledges WHERE project_id = $1 AND status = 'confirmed'",
    )
    .bind(project_id)
    .fetch_one(pool)
    .await?;
    let pending: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM pledges WHERE project_id = $1 AND status = 'pending'",
    )
    .bind(project_id)
    .fetch_one(pool)
    .await?;
    Ok((confirmed.unwrap_or(0), pending.unwrap_or(0)))
}

/// Confirmed pledge sums (cents) of the given projects; a project without any is absent.
pub async fn confirmed_totals(
    pool: &AnyPool,
    project_ids: &[i64],
) -> Result<std::collections::HashMap<i64, i64>, StoreError> {
    let mut out = std::collections::HashMap::with_capacity(project_ids.len());
    for chunk in project_ids.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT project_id, CAST(SUM(amount_cents) AS BIGINT) AS total FROM pledges \
             WHERE status = 'confirmed' AND project_id IN ({}) GROUP BY project_id",
            marks.join(", ")
        );
        let mut q = sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        out.extend(q.fetch_all(pool).await?);
    }
    Ok(out)
}

/// The pledges a user made, newest first.
pub async fn of_user(pool: &AnyPool, user_id: i64) -> Result<Vec<Pledge>, StoreError> {
    let sql = format!("{SELECT} WHERE p.user_id = $1 ORDER BY p.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}
