//! Failed sign-in attempts per account and per client address, shared by every node.

use sqlx::{AnyConnection, AnyPool};

use super::StoreError;

/// What a failure is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The (normalised) e-mail address that was tried.
    Account,
    /// The client's IP address.
    Address,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Account => "account",
            Scope::Address => "address",
        }
    }
}

/// Records one failure at `at` (unix seconds) and forgets this key's failures older than
/// `forget_before`.
pub async fn record(
    pool: &AnyPool,
    scope: Scope,
    key: &str,
    at: i64,
    forget_before: i64,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM login_failures WHERE scope = $1 AND key = $2 AND at < $3")
        .bind(scope.as_str())
        .bind(key.to_string())
        .bind(forget_before)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO login_failures (scope, key, at) VALUES ($1, $2, $3)")
        .bind(scope.as_str())
        .bind(key.to_string())
        .bind(at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The number of failures since `since`, with the first and the last one's time.
pub async fn since(
    pool: &AnyPool,
    scope: Scope,
    key: &str,
    since: i64,
) -> Result<(i64, Option<i64>, Option<i64>), StoreError> {
    let row: (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(at), MAX(at) FROM login_failures WHERE scope = $1 AND key = $2 AND at >= $3",
    )
    .bind(scope.as_str())
    .bind(key.to_string())
    .bind(since)
    .fetch_one(pool)
    .await?;
    Ok(row)
}

/// Forgets every failure of a key (after a successful sign-in or a password reset).
pub async fn clear(conn: &mut AnyConnection, scope: Scope, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE scope = $1 AND key = $2")
        .bind(scope.as_str())
        .bind(key.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
