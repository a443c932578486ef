//! Unsubscribe tokens, opt-outs and the "one immediate match email a day" rule.
//!
//! Each address has one random token (kept in clear: it can only unsubscribe, and every
//! match email must repeat it). Following `/unsubscribe/{token}` records an opt-out, which
//! stops match emails and digests; account messages are still sent.

use sqlx::AnyConnection;

use super::Kind;
use crate::store::users::normalise_email;
use crate::store::{StoreError, now, outbox};

/// How long after an immediate match email the next one must wait (a day).
pub const MATCH_EMAIL_INTERVAL_SECS: i64 = 24 * 3600;

/// The unsubscribe token of an address, created on first use.
pub async fn unsubscribe_token(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<String, StoreError> {
    let email = normalise_email(email);
    sqlx::query(
        "INSERT INTO mail_unsubscribe (token, email, created_at) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING",
    )
    .bind(crate::store::sessions::new_secret())
    .bind(email.clone())
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT token FROM mail_unsubscribe WHERE email = $1")
            .bind(email)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Records the opt-out of the token's address; returns the address, or `None` for an
/// unknown token. Unsubscribing twice is harmless.
pub async fn unsubscribe(
    conn: &mut AnyConnection,
    token: &str,
) -> Result<Option<String>, StoreError> {
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM mail_unsubscribe WHERE token = $1")
            .bind(token.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    let Some(email) = email else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO mail_optout (email, at) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING",
    )
    .bind(email.clone())
    .bind(now())
    .execute(&mut *conn)
    .await?;
    tracing::info!(to = %super::mask_address(&email), "mail opt-out recorded");
    Ok(Some(email))
}

/// Lifts an opt-out (the user asked for match emails again in their settings).
pub async fn resubscribe(conn: &mut AnyConnection, email: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM mail_optout WHERE email = $1")
        .bind(normalise_email(email))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether the address opted out of match emails and digests.
pub async fn is_opted_out(conn: &mut AnyConnection, email: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_optout WHERE email = $1")
        .bind(normalise_email(email))
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Whether an immediate match email may go to this address at `now`: none was enqueued
/// in the 24 hours before.
pub async fn may_send_match_now(
    conn: &mut AnyConnection,
    email: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let since = now - MATCH_EMAIL_INTERVAL_SECS + 1;
    let n =
        outbox::count_recent(conn, &normalise_email(email), Kind::Match.as_str(), since).await?;
    Ok(n == 0)
}
