//! The change log: one row per insert, update or delete of an expert, mission or project,
//! written in the same transaction as the change. The search index and the notifications
//! follow it by id, so every process sharing the database can catch up.

use sqlx::{AnyConnection, AnyPool, Executor, Row};

use super::batch::{Value, insert_rows};
use super::{Backend, StoreError, now};

/// What kind of record changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// An expert.
    Expert,
    /// A mission.
    Mission,
    /// A village project.
    Project,
}

impl Entity {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Expert => "expert",
            Entity::Mission => "mission",
            Entity::Project => "project",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "expert" => Some(Entity::Expert),
            "mission" => Some(Entity::Mission),
            "project" => Some(Entity::Project),
            _ => None,
        }
    }
}

/// What happened to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Created.
    Insert,
    /// Modified.
    Update,
    /// Removed.
    Delete,
}

impl ChangeKind {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Insert => "insert",
            ChangeKind::Update => "update",
            ChangeKind::Delete => "delete",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "insert" => Some(ChangeKind::Insert),
            "update" => Some(ChangeKind::Update),
            "delete" => Some(ChangeKind::Delete),
            _ => None,
        }
    }
}

/// One row of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Monotonic id: followers remember the last one they applied.
    pub id: i64,
    /// The kind of record.
    pub entity: Entity,
    /// The record's ref.
    pub r#ref: String,
    /// What happened.
    pub kind: ChangeKind,
}

/// Serialises writers of the change log on PostgreSQL until the transaction ends, so
/// ids become visible in id order and a follower reading `id > cursor` skips nothing.
/// (SQLite has a single writer already.) Call it first in every writing transaction.
pub async fn lock(conn: &mut AnyConnection, backend: Backend) -> Result<(), StoreError> {
    if backend == Backend::Postgres {
        conn.execute("LOCK TABLE change_log IN SHARE ROW EXCLUSIVE MODE")
            .await?;
    }
    Ok(())
}

/// Appends changes (in the caller's transaction).
pub async fn append(
    conn: &mut AnyConnection,
    changes: &[(Entity, &str, ChangeKind)],
) -> Result<(), StoreError> {
    let at = now();
    let rows = changes
        .iter()
        .map(|(e, r, k)| {
            vec![
                Value::from(e.as_str()),
                Value::from(*r),
                Value::from(k.as_str()),
                Value::from(at),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "change_log",
        &["entity", "ref", "kind", "at"],
        rows,
        "",
    )
    .await?;
    Ok(())
}

/// Reads up to `limit` changes after `cursor`, in id order.
pub async fn since(pool: &AnyPool, cursor: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, entity, ref, kind FROM change_log WHERE id > $1 ORDER BY id LIMIT $2",
    )
    .bind(cursor)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let entity: String = row.try_get("entity")?;
            let kind: String = row.try_get("kind")?;
            Ok(Change {
                id: row.try_get("id")?,
                entity: Entity::parse(&entity)
                    .ok_or_else(|| StoreError::Corrupt(format!("change entity {entity}")))?,
                r#ref: row.try_get("ref")?,
                kind: ChangeKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("change kind {kind}")))?,
            })
        })
        .collect()
}

/// The id of the newest change, 0 when the log is empty.
pub async fn last_id(pool: &AnyPool) -> Result<i64, StoreError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM change_log")
        .fetch_one(pool)
        .await?;
    Ok(id.unwrap_or(0))
}
