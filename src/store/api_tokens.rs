//! Organisations' API tokens: stored as hashes, shown once, scoped read or write, revocable.

use sqlx::{AnyConnection, AnyPool, Row};

use super::sessions::{hash_secret, new_secret};
use super::{StoreError, now};

/// A token as listed (never its secret).
#[derive(Debug, Clone)]
pub struct ApiToken {
    /// Row id.
    pub id: i64,
    /// Name given by the organisation.
    pub name: String,
    /// "read" or "write".
    pub scope: String,
    /// When it was created (unix seconds).
    pub created_at: i64,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
}

/// Creates a token; returns its secret (the only time it exists in clear).
pub async fn create(
    conn: &mut AnyConnection,
    organisation_id: i64,
    name: &str,
    write: bool,
    created_by: Option<i64>,
) -> Result<String, StoreError> {
    let secret = format!("psl_{}", new_secret());
    sqlx::query("INSERT INTO api_tokens (organisation_id, name, token_hash, scope, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(organisation_id)
        .bind(name.to_string())
        .bind(hash_secret(&secret))
        .bind(if write { "write" } else { "read" })
        .bind(created_by)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(secret)
}

/// An organisation's tokens, newest first.
pub async fn of_organisation(
    pool: &AnyPool,
    organisation_id: i64,
) -> Result<Vec<ApiToken>, StoreError> {
    let rows = sqlx::query("SELECT id, name, scope, created_at, revoked_at FROM api_tokens WHERE organisation_id = $1 ORDER BY id DESC")
        .bind(organisation_id)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ApiToken {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                scope: r.try_get("scope")?,
                created_at: r.try_get("created_at")?,
                revoked_at: r.try_get("revoked_at")?,
            })
        })
        .collect()
}

/// Revokes one of the organisation's tokens; false when it is not theirs or already revoked.
pub async fn revoke(
    conn: &mut AnyConnection,
    organisation_id: i64,
    id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND organisation_id = $3 AND revoked_at IS NULL")
        .bind(now())
        .bind(id)
        .bind(organisation_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
