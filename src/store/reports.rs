//! Reports left by each side of a connection after the mission: what was done, how it went,
//! and outcome figures. One report per side; the first one marks the connection completed.

use sqlx::{AnyConnection, AnyPool};

use super::connections::Initiator;
use super::{StoreError, now};

/// A report as written by one side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewReport {
    /// What was taught or done.
    pub summary: String,
    /// How it went, if said.
    pub how_it_went: Option<String>,
    /// People trained.
    pub people_trained: i64,
    /// Courses or modules delivered.
    pub courses_delivered: i64,
    /// Theses supervised.
    pub theses_supervised: i64,
    /// Project milestones reached.
    pub milestones_reached: i64,
}

/// Saves `side`'s report on a connection; a second report from the same side is a `Conflict`.
pub async fn create(
    conn: &mut AnyConnection,
    connection_id: i64,
    side: Initiator,
    report: &NewReport,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO mission_reports (connection_id, author_side, summary, how_it_went, people_trained, courses_delivered, theses_supervised, milestones_reached, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(connection_id)
    .bind(side.as_str())
    .bind(report.summary.clone())
    .bind(report.how_it_went.clone())
    .bind(report.people_trained)
    .bind(report.courses_delivered)
    .bind(report.theses_supervised)
    .bind(report.milestones_reached)
    .bind(now())
    .fetch_one(&mut *conn)
    .await
    .map_err(StoreError::from_unique)
}

/// Whether `side` already reported on a connection.
pub async fn exists(
    pool: &AnyPool,
    connection_id: i64,
    side: Initiator,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mission_reports WHERE connection_id = $1 AND author_side = $2",
    )
    .bind(connection_id)
    .bind(side.as_str())
    .fetch_one(pool)
    .await?;
    Ok(n > 0)
}
