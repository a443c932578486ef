//! Storage: one `AnyPool` for SQLite or PostgreSQL, chosen by the URL, with the same
//! migrations and portable SQL on both. One module per aggregate; each operation takes
//! a transaction or the pool, so several compose in one transaction.

pub mod api_tokens;
pub mod batch;
pub mod changelog;
pub mod connections;
pub mod db;
pub mod erasure;
pub mod error;
pub mod experts;
pub mod login_failures;
pub mod missions;
pub mod moderation;
pub mod organisations;
pub mod outbox;
pub mod pledges;
pub mod projects;
pub mod reports;
pub mod rows;
pub mod sessions;
pub mod users;

/// The SQL condition of a *listed* posting (alias `m` for the posting, `o` for its
/// organisation): published, not hidden by a moderator, and posted by a verified
/// organisation. Home page lists and counters use it; the search index keeps the same rule
/// (`search::follower::is_public`).
pub const LISTED: &str = "m.status = 'published' AND m.hidden = 0 AND o.verified = 1";

pub use db::{Backend, Db};
pub use error::StoreError;

/// The current time as unix seconds, the storage form of every timestamp.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
