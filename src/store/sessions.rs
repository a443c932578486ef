//! Login sessions and one-time email tokens, stored as SHA-256 hashes of the secrets the
//! browser or the email holds, so a database leak does not hand out live sessions.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, AnyPool, Row};

use super::{StoreError, now};

/// A fresh random secret: 32 bytes, URL-safe base64.
pub fn new_secret() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a secret.
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

/// Opens a session for `user_id` lasting `ttl_seconds`; returns the secret for the cookie.
pub async fn create(
    conn: &mut AnyConnection,
    user_id: i64,
    ttl_seconds: i64,
) -> Result<String, StoreError> {
    let secret = new_secret();
    let at = now();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash_secret(&secret))
        .bind(user_id)
        .bind(at)
        .bind(at + ttl_seconds)
        .execute(&mut *conn)
        .await?;
    Ok(secret)
}

/// The user of a live session.
pub async fn user_of(pool: &AnyPool, secret: &str) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query("SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2")
        .bind(hash_secret(secret))
        .bind(now())
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| r.try_get::<i64, _>("user_id")).transpose()?)
}

/// Ends a session.
pub async fn delete(conn: &mut AnyConnection, secret: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash_secret(secret))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of a user (after a password change or reset).
pub async fn delete_all(conn: &mut AnyConnection, user_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes expired sessions and tokens.
pub async fn purge_expired(pool: &AnyPool) -> Result<(), StoreError> {
    let t = now();
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(t)
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM email_tokens WHERE expires_at <= $1")
        .bind(t)
        .execute(pool)
        .await?;
    Ok(())
}

/// What an email token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Verifying the address given at sign-up.
    Verify,
    /// Resetting a forgotten password.
    Reset,
    /// Confirming a new address.
    ChangeEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
            Purpose::ChangeEmail => "change_email",
        }
    }
}

/// Issues a one-time token; returns the secret for the email link.
pub async fn issue_token(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: Purpose,
    new_email: Option<&str>,
    ttl_seconds: i64,
) -> Result<String, StoreError> {
    let secret = new_secret();
    sqlx::query("INSERT INTO email_tokens (token_hash, user_id, purpose, new_email, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(hash_secret(&secret))
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(new_email.map(str::to_string))
        .bind(now() + ttl_seconds)
        .execute(&mut *conn)
        .await?;
    Ok(secret)
}

/// Uses a token once: returns its user and new address when it is live and unused.
pub async fn use_token(
    conn: &mut AnyConnection,
    secret: &str,
    purpose: Purpose,
) -> Result<Option<(i64, Option<String>)>, StoreError> {
    let t = now();
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id, new_email",
    )
    .bind(t)
    .bind(hash_secret(secret))
    .bind(purpose.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(Some((
            r.try_get::<i64, _>("user_id")?,
            r.try_get::<Option<String>, _>("new_email")?,
        ))),
        None => Ok(None),
    }
}
