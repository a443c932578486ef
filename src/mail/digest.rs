//! Match emails by preference: at once (at most one a day), in a weekly digest, or never.
//!
//! Matches for the digest wait as lines in `mail_digest_items`. An address's digest is
//! due once its oldest waiting line is a period old; it then takes every waiting line, so
//! each address gets at most one digest per period. `send_due` runs in the worker and can
//! be called with any `now` (tests).

use sqlx::{AnyConnection, Row};

use super::layout::Item;
use super::messages::{MatchNotice, Recipient, Site, match_found, weekly_digest};
use super::{Lang, enqueue, may_send_match_now, unsubscribe_token};
use crate::store::users::{Notify, normalise_email};
use crate::store::{Db, StoreError};

/// How long lines wait before their digest is sent: a week.
pub const DIGEST_PERIOD_SECS: i64 = 7 * 24 * 3600;

/// What `notify_match` did with a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchDelivery {
    /// An immediate email was enqueued (its outbox id).
    Immediate(i64),
    /// The match waits for the weekly digest.
    Digest,
    /// Nothing: the expert wants no match email, opted out, or was already told.
    Skipped,
}

/// Adds a line to an address's next digest.
pub async fn add_item(
    conn: &mut AnyConnection,
    email: &str,
    lang: Lang,
    line: &str,
    url: Option<&str>,
    now: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO mail_digest_items (email, lang, line, url, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(normalise_email(email))
    .bind(lang.as_str())
    .bind(line.to_string())
    .bind(url.map(str::to_string))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?)
}

/// Routes a new match by the expert's preference (`users.notify`): an immediate email
/// when allowed (none in the last 24 hours), otherwise a line for the weekly digest.
pub async fn notify_match(
    conn: &mut AnyConnection,
    site: &Site,
    to: &Recipient,
    notify: Notify,
    notice: &MatchNotice,
    now: i64,
) -> Result<MatchDelivery, StoreError> {
    if notify == Notify::Never || super::is_opted_out(conn, &to.email).await? {
        return Ok(MatchDelivery::Skipped);
    }
    if notify == Notify::Immediately && may_send_match_now(conn, &to.email, now).await? {
        let token = unsubscribe_token(conn, &to.email).await?;
        let msg = match_found(to, notice, &site.unsubscribe_url(&token));
        return Ok(match enqueue(conn, &msg).await? {
            Some(id) => MatchDelivery::Immediate(id),
            None => MatchDelivery::Skipped,
        });
    }
    let line = format!("{} — {}", notice.title, notice.organisation);
    add_item(conn, &to.email, to.lang, &line, Some(&notice.url), now).await?;
    Ok(MatchDelivery::Digest)
}

/// Enqueues the digest of every address whose oldest waiting line is a period old at
/// `now`; returns how many digests were enqueued.
pub async fn send_due(db: &Db, site: &Site, now: i64) -> Result<usize, StoreError> {
    let due: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM mail_digest_items GROUP BY email HAVING MIN(created_at) <= $1 ORDER BY email",
    )
    .bind(now - DIGEST_PERIOD_SECS)
    .fetch_all(&db.pool)
    .await?;
    let mut sent = 0;
    for email in due {
        let mut tx = db.pool.begin().await?;
        if send_one(&mut tx, site, &email).await? {
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Takes an address's waiting lines (deleting first, so concurrent workers cannot both
/// take them) and enqueues their digest.
async fn send_one(conn: &mut AnyConnection, site: &Site, email: &str) -> Result<bool, StoreError> {
    let rows =
        sqlx::query("DELETE FROM mail_digest_items WHERE email = $1 RETURNING id, lang, line, url")
            .bind(email.to_string())
            .fetch_all(&mut *conn)
            .await?;
    if rows.is_empty() {
        return Ok(false);
    }
    let mut lines: Vec<(i64, String, Item)> = rows
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<i64, _>("id")?,
                r.try_get::<String, _>("lang")?,
                Item {
                    text: r.try_get("line")?,
                    url: r.try_get("url")?,
                },
            ))
        })
        .collect::<Result<_, sqlx::Error>>()?;
    lines.sort_by_key(|l| l.0);
    let user = sqlx::query("SELECT display_name, lang, notify FROM users WHERE email = $1")
        .bind(email.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let (name, lang) = match &user {
        Some(u) => {
            if u.try_get::<String, _>("notify")? == Notify::Never.as_str() {
                return Ok(false);
            }
            (
                Some(u.try_get::<String, _>("display_name")?),
                u.try_get("lang")?,
            )
        }
        None => (None, lines.last().map(|l| l.1.clone()).unwrap_or_default()),
    };
    let to = Recipient::new(email, &lang, name.as_deref());
    let token = unsubscribe_token(conn, email).await?;
    let key = format!("digest:{email}:{}-{}", lines[0].0, lines[lines.len() - 1].0);
    let items: Vec<Item> = lines.into_iter().map(|l| l.2).collect();
    let msg = weekly_digest(&to, &items, &key, &site.unsubscribe_url(&token));
    Ok(enqueue(conn, &msg).await?.is_some())
}
