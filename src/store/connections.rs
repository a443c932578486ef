//! Connections between an expert and an organisation about one posting: an expert's
//! interest or an organisation's invitation, then accepted or declined by the other side.
//! Contact details are shown only on an accepted connection.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::rows::{boolean, int, opt_int, opt_text, text};
use super::{StoreError, now};

/// Who started a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Initiator {
    /// The expert expressed interest.
    Expert,
    /// The organisation invited the expert.
    Organisation,
}

impl Initiator {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Initiator::Expert => "expert",
            Initiator::Organisation => "organisation",
        }
    }
}

/// Where a connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionStatus {
    /// Waiting for the other side.
    Pending,
    /// Both sides agreed: contact details are visible.
    Accepted,
    /// The other side declined.
    Declined,
}

impl ConnectionStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionStatus::Pending => "pending",
            ConnectionStatus::Accepted => "accepted",
            ConnectionStatus::Declined => "declined",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            ConnectionStatus::Pending,
            ConnectionStatus::Accepted,
            ConnectionStatus::Declined,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// A connection with the names needed to show it.
#[derive(Debug, Clone)]
pub struct Connection {
    /// Row id.
    pub id: i64,
    /// The expert's row id.
    pub expert_id: i64,
    /// The expert's ref.
    pub expert_ref: String,
    /// The expert's name.
    pub expert_name: String,
    /// The organisation.
    pub organisation_id: i64,
    /// The organisation's name.
    pub organisation_name: String,
    /// "mission" or "project".
    pub opportunity_kind: String,
    /// The posting's ref.
    pub opportunity_ref: String,
    /// Who started it.
    pub initiated_by: Initiator,
    /// The opening message.
    pub message: Option<String>,
    /// Where it stands.
    pub status: ConnectionStatus,
    /// Whether the mission was carried out.
    pub completed: bool,
    /// When it was opened (unix seconds).
    pub created_at: i64,
    /// When the other side answered.
    pub answered_at: Option<i64>,
}

const SELECT: &str = "SELECT c.id, c.expert_id, e.ref AS expert_ref, e.name AS expert_name, c.organisation_id, o.name AS organisation_name, c.opportunity_kind, c.opportunity_ref, c.initiated_by, c.message, c.status, c.completed, c.created_at, c.answered_at FROM connections c JOIN experts e ON e.id = c.expert_id JOIN organisations o ON o.id = c.organisation_id";

fn from_row(row: &AnyRow) -> Result<Connection, StoreError> {
    let status = text(row, "status")?;
    Ok(Connection {
        id: int(row, "id")?,
        expert_id: int(row, "expert_id")?,
        expert_ref: text(row, "expert_ref")?,
        expert_name: text(row, "expert_name")?,
        organisation_id: int(row, "organisation_id")?,
        organisation_name: text(row, "organisation_name")?,
        opportunity_kind: text(row, "opportunity_kind")?,
        opportunity_ref: text(row, "opportunity_ref")?,
        initiated_by: if text(row, "initiated_by")? == "expert" {
            Initiator::Expert
        } else {
            Initiator::Organisation
        },
        message: opt_text(row, "message")?,
        status: ConnectionStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("connection status {status}")))?,
        completed: boolean(row, "completed")?,
        created_at: int(row, "created_at")?,
        answered_at: opt_int(row, "answered_at")?,
    })
}

/// The fields of a new connection.
#[derive(Debug, Clone)]
pub struct NewConnection {
    /// The expert's row id.
    pub expert_id: i64,
    /// The organisation.
    pub organisation_id: i64,
    /// "mission" or "project".
    pub opportunity_kind: &'static str,
    /// The posting's ref.
    pub opportunity_ref: String,
    /// Who starts it.
    pub initiated_by: Initiator,
    /// The opening message.
    pub message: Option<String>,
}

/// Opens a connection; the same side asking twice about the same posting is a `Conflict`.
pub async fn create(conn: &mut AnyConnection, new: &NewConnection) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO connections (expert_id, organisation_id, opportunity_kind, opportunity_ref, initiated_by, message, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.expert_id)
    .bind(new.organisation_id)
    .bind(new.opportunity_kind)
    .bind(new.opportunity_ref.clone())
    .bind(new.initiated_by.as_str())
    .bind(new.message.clone())
    .bind(now())
    .fetch_one(&mut *conn)
    .await
    .map_err(StoreError::from_unique)
}

/// Reads one connection.
pub async fn get(pool: &AnyPool, id: i64) -> Result<Connection, StoreError> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// The connections of an expert, newest first.
pub async fn of_expert(pool: &AnyPool, expert_id: i64) -> Result<Vec<Connection>, StoreError> {
    let sql = format!("{SELECT} WHERE c.expert_id = $1 ORDER BY c.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(expert_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// The connections of an organisation, newest first.
pub async fn of_organisation(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<Vec<Connection>, StoreError> {
    let sql = format!("{SELECT} WHERE c.organisation_id = $1 ORDER BY c.id DESC");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// The connections about one posting.
pub async fn of_posting(
    pool: &AnyPool,
    kind: &str,
    r#ref: &str,
) -> Result<Vec<Connection>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE c.opportunity_kind = $1 AND c.opportunity_ref = $2 ORDER BY c.id DESC"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(kind.to_string())
        .bind(r#ref.to_string())
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Records the other side's answer to a pending connection; false when it was not pending.
pub async fn answer(conn: &mut AnyConnection, id: i64, accept: bool) -> Result<bool, StoreError> {
    let status = if accept {
        ConnectionStatus::Accepted
    } else {
        ConnectionStatus::Declined
    };
    let done = sqlx::query(
        "UPDATE connections SET status = $1, answered_at = $2 WHERE id = $3 AND status = 'pending'",
    )
    .bind(status.as_str())
    .bind(now())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether an expert and an organisation have an accepted connection (contacts visible).
pub async fn are_connected(
    pool: &AnyPool,
    expert_id: i64,
    organisation_id: i64,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM connections WHERE expert_id = $1 AND organisation_id = $2 AND status = 'accepted'")
        .bind(expert_id)
        .bind(organisation_id)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// How many invitations an organisation sent an expert since `since` (unix seconds),
/// and whether one exists already for this posting: the anti-solicitation limits.
pub async fn invitations(
    pool: &AnyPool,
    organisation_id: i64,
    expert_id: i64,
    since: i64,
    posting: (&str, &str),
) -> Result<(i64, bool), StoreError> {
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM connections WHERE organisation_id = $1 AND expert_id = $2 AND initiated_by = 'organisation' AND created_at >= $3",
    )
    .bind(organisation_id)
    .bind(expert_id)
    .bind(since)
    .fetch_one(pool)
    .await?;
    let same: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM connections WHERE organisation_id = $1 AND expert_id = $2 AND initiated_by = 'organisation' AND opportunity_kind = $3 AND opportunity_ref = $4",
    )
    .bind(organisation_id)
    .bind(expert_id)
    .bind(posting.0.to_string())
    .bind(posting.1.to_string())
    .fetch_one(pool)
    .await?;
    Ok((recent, same > 0))
}

/// An organisation's responsiveness: share of expert interests answered, and the median
/// time to answer in seconds (None when nothing was answered).
pub async fn responsiveness(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<(i64, i64, Option<i64>), StoreError> {
    let rows = sqlx::query("SELECT status, created_at, answered_at FROM connections WHERE organisation_id = $1 AND initiated_by = 'expert'")
        .bind(organisation_id)
        .fetch_all(pool)
        .await?;
    let total = rows.len() as i64;
    let mut delays: Vec<i64> = Vec::new();
    for r in &rows {
        let answered: Option<i64> = r.try_get("answered_at")?;
        let created: i64 = r.try_get("created_at")?;
        if let Some(a) = answered {
            delays.push(a - created);
        }
    }
    delays.sort_unstable();
    let median = (!delays.is_empty()).then(|| delays[delays.len() / 2]);
    Ok((delays.len() as i64, total, median))
}

/// Marks the mission of an accepted connection as carried out.
pub async fn mark_completed(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE connections SET completed = 1 WHERE id = $1 AND status = 'accepted'")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many missions an expert completed.
pub async fn completed_count(pool: &AnyPool, expert_id: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM connections WHERE expert_id = $1 AND completed = 1",
    )
    .bind(expert_id)
    .fetch_one(pool)
    .await?)
}

/// Counts accepted connections on the whole platform.
pub async fn count_accepted(pool: &AnyPool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM connections WHERE status = 'accepted'")
            .fetch_one(pool)
            .await?,
    )
}
