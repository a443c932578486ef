//! The email outbox: messages waiting to be sent, claimed by workers under a lease.
//!
//! A row is `pending` until a worker claims it (`sending`, with `lease_until` and
//! `claimed_by`), then `sent`, or back to `pending` with a later `next_attempt_at` after a
//! failure, or `failed` once its attempts are used up. A claim whose lease ran out (its
//! worker died) can be claimed again. Every update of a claimed row checks `claimed_by`, so
//! a worker that lost its lease cannot overwrite the outcome of the one that took over.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::rows::{int, opt_int, opt_text, text};
use super::{Backend, StoreError};
use crate::mail::OutgoingMessage;

/// A message of the outbox, as a worker sends it.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    /// Row id (also the basis of the Message-ID).
    pub id: i64,
    /// Recipient address.
    pub to_addr: String,
    /// Recipient language ("fr" or "en").
    pub lang: String,
    /// What the message is about (see `mail::Kind`).
    pub kind: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub body_text: String,
    /// HTML part.
    pub body_html: String,
    /// One-click unsubscribe URL, for the List-Unsubscribe header.
    pub unsubscribe_url: Option<String>,
    /// "pending", "sending", "sent" or "failed".
    pub status: String,
    /// Claims so far.
    pub attempts: i64,
    /// Not sent before this time.
    pub next_attempt_at: i64,
    /// End of the current claim's lease.
    pub lease_until: Option<i64>,
    /// Error of the last failed attempt.
    pub last_error: Option<String>,
    /// When it was enqueued.
    pub created_at: i64,
    /// When the SMTP server accepted it.
    pub sent_at: Option<i64>,
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting to be sent (including retries).
    pub pending: i64,
    /// Claimed by a worker right now.
    pub sending: i64,
    /// Delivered to the SMTP server.
    pub sent: i64,
    /// Given up after the last attempt.
    pub failed: i64,
}

const COLUMNS: &str = "id, to_addr, lang, kind, subject, body_text, body_html, unsubscribe_url, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at";

fn from_row(row: &AnyRow) -> Result<OutboxRow, StoreError> {
    Ok(OutboxRow {
        id: int(row, "id")?,
        to_addr: text(row, "to_addr")?,
        lang: text(row, "lang")?,
        kind: text(row, "kind")?,
        subject: text(row, "subject")?,
        body_text: text(row, "body_text")?,
        body_html: text(row, "body_html")?,
        unsubscribe_url: opt_text(row, "unsubscribe_url")?,
        status: text(row, "status")?,
        attempts: int(row, "attempts")?,
        next_attempt_at: int(row, "next_attempt_at")?,
        lease_until: opt_int(row, "lease_until")?,
        last_error: opt_text(row, "last_error")?,
        created_at: int(row, "created_at")?,
        sent_at: opt_int(row, "sent_at")?,
    })
}

/// Inserts a message; returns its id, or `None` when its dedup key was already enqueued.
pub async fn insert(
    conn: &mut AnyConnection,
    msg: &OutgoingMessage,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO mail_outbox (dedup_key, to_addr, lang, kind, subject, body_text, body_html, unsubscribe_url, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
    )
    .bind(msg.dedup_key.clone())
    .bind(msg.to.clone())
    .bind(msg.lang.as_str())
    .bind(msg.kind.as_str())
    .bind(msg.subject.clone())
    .bind(msg.text.clone())
    .bind(msg.html.clone())
    .bind(msg.unsubscribe_url.clone())
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

const CLAIM_POSTGRES: &str = "WITH due AS (SELECT id FROM mail_outbox WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) UPDATE mail_outbox o SET status = 'sending', attempts = o.attempts + 1, lease_until = $3, claimed_by = $4 FROM due WHERE o.id = due.id RETURNING o.id, o.to_addr, o.lang, o.kind, o.subject, o.body_text, o.body_html, o.unsubscribe_url, o.status, o.attempts, o.next_attempt_at, o.lease_until, o.last_error, o.created_at, o.sent_at";

const CLAIM_SQLITE: &str = "UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, lease_until = $3, claimed_by = $4 WHERE id IN (SELECT id FROM mail_outbox WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1) ORDER BY id LIMIT $2) RETURNING id, to_addr, lang, kind, subject, body_text, body_html, unsubscribe_url, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at";

/// Claims up to `limit` due messages (pending and due, or with an expired lease) for
/// `worker` until `now + lease_secs`, counting an attempt. On PostgreSQL concurrent workers
/// skip each other's rows (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a time.
pub async fn claim(
    pool: &AnyPool,
    backend: Backend,
    worker: &str,
    limit: i64,
    lease_secs: i64,
    now: i64,
) -> Result<Vec<OutboxRow>, StoreError> {
    let sql = match backend {
        Backend::Postgres => CLAIM_POSTGRES,
        Backend::Sqlite => CLAIM_SQLITE,
    };
    let rows = sqlx::query(sql)
        .bind(now)
        .bind(limit)
        .bind(now + lease_secs)
        .bind(worker.to_string())
        .fetch_all(pool)
        .await?;
    let mut claimed = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    claimed.sort_by_key(|r| r.id);
    Ok(claimed)
}

/// Marks a claimed message sent and forgets its bodies (they may hold one-time links);
/// `false` when `worker` no longer holds the claim.
pub async fn mark_sent(
    pool: &AnyPool,
    id: i64,
    worker: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $1, lease_until = NULL, claimed_by = NULL, last_error = NULL, body_text = '', body_html = '' WHERE id = $2 AND claimed_by = $3 AND status = 'sending'",
    )
    .bind(now)
    .bind(id)
    .bind(worker.to_string())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt: back to pending until `retry_at`, or failed when `None`;
/// `false` when `worker` no longer holds the claim.
pub async fn mark_attempt_failed(
    pool: &AnyPool,
    id: i64,
    worker: &str,
    error: &str,
    retry_at: Option<i64>,
) -> Result<bool, StoreError> {
    let (status, next) = match retry_at {
        Some(at) => ("pending", Some(at)),
        None => ("failed", None),
    };
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), lease_until = NULL, claimed_by = NULL, last_error = $3 WHERE id = $4 AND claimed_by = $5 AND status = 'sending'",
    )
    .bind(status)
    .bind(next)
    .bind(error.chars().take(500).collect::<String>())
    .bind(id)
    .bind(worker.to_string())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The messages that were given up, oldest first, for moderators and operators.
pub async fn failed(pool: &AnyPool) -> Result<Vec<OutboxRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM mail_outbox WHERE status = 'failed' ORDER BY id"
    )))
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One message by id.
pub async fn get(pool: &AnyPool, id: i64) -> Result<OutboxRow, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM mail_outbox WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Puts a failed message back in the queue with a fresh set of attempts; `false` when it
/// is not a failed message.
pub async fn retry(conn: &mut AnyConnection, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE id = $2 AND status = 'failed'",
    )
    .bind(super::now())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts every failed message back in the queue; returns how many.
pub async fn retry_all_failed(conn: &mut AnyConnection) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE status = 'failed'",
    )
    .bind(super::now())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// How many messages are in each state.
pub async fn counts(pool: &AnyPool) -> Result<OutboxCounts, StoreError> {
    let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status")
        .fetch_all(pool)
        .await?;
    let mut counts = OutboxCounts::default();
    for row in &rows {
        let n: i64 = row.try_get("n")?;
        match text(row, "status")?.as_str() {
            "pending" => counts.pending = n,
            "sending" => counts.sending = n,
            "sent" => counts.sent = n,
            "failed" => counts.failed = n,
            other => return Err(StoreError::Corrupt(format!("outbox status {other}"))),
        }
    }
    Ok(counts)
}

/// How many messages of `kind` were enqueued for `to_addr` at or after `since`.
pub async fn count_recent(
    conn: &mut AnyConnection,
    to_addr: &str,
    kind: &str,
    since: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND kind = $2 AND created_at >= $3",
    )
    .bind(to_addr.to_string())
    .bind(kind.to_string())
    .bind(since)
    .fetch_one(&mut *conn)
    .await?)
}
