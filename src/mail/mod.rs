//! Email: messages are written to the outbox (`store::outbox`) in the transaction of the
//! event that causes them, and a worker inside `serve` sends them over SMTP, or writes them
//! as `.eml` files when no SMTP server is configured.
//!
//! Delivery is at least once, made as close to exactly once as SMTP allows: rows are
//! claimed under a lease and marked sent right after the server accepts each one. If a
//! process dies between the server's acceptance and that mark, the lease expires and the
//! message is sent again; it carries the same Message-ID (derived from the row), so
//! receivers can drop the duplicate.

pub mod digest;
pub mod files;
pub mod layout;
pub mod messages;
pub mod notices;
pub mod optout;
pub mod transport;
pub mod worker;

use sqlx::AnyConnection;

use crate::store::{StoreError, now, outbox};

pub use digest::{MatchDelivery, notify_match};
pub use messages::{MatchNotice, Recipient, Site};
pub use optout::{is_opted_out, may_send_match_now, unsubscribe, unsubscribe_token};
pub use transport::{MailError, Mailer};
pub use worker::{BatchOutcome, Delivery, OutboxHandle, OutboxWorker, WorkerConfig};

/// The language of a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// French, the default.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The stored code ("fr" or "en").
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a language code; anything but English is French.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Address verification link.
    Verify,
    /// Password reset link.
    Reset,
    /// A new matching opportunity for an expert.
    Match,
    /// An expert is interested in an organisation's opportunity.
    Interest,
    /// An organisation invites an expert.
    Invitation,
    /// A connection was accepted.
    ConnectionAccepted,
    /// A connection was declined.
    ConnectionDeclined,
    /// An association confirmed a pledge.
    PledgeConfirmed,
    /// Moderators verified an organisation.
    OrganisationVerified,
    /// The weekly digest of matches.
    Digest,
}

impl Kind {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Verify => "verify",
            Kind::Reset => "reset",
            Kind::Match => "match",
            Kind::Interest => "interest",
            Kind::Invitation => "invitation",
            Kind::ConnectionAccepted => "connection_accepted",
            Kind::ConnectionDeclined => "connection_declined",
            Kind::PledgeConfirmed => "pledge_confirmed",
            Kind::OrganisationVerified => "organisation_verified",
            Kind::Digest => "digest",
        }
    }

    /// Whether an opt-out stops this kind (match emails and digests); account and
    /// connection messages are always sent.
    pub fn is_optional(self) -> bool {
        matches!(self, Kind::Match | Kind::Digest)
    }
}

/// A message ready for the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingMessage {
    /// Recipient address.
    pub to: String,
    /// Recipient language.
    pub lang: Lang,
    /// What it is about.
    pub kind: Kind,
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub text: String,
    /// HTML part.
    pub html: String,
    /// One-click unsubscribe URL (`List-Unsubscribe`), for optional kinds.
    pub unsubscribe_url: Option<String>,
    /// Identifies the event: a second message with the same key is not enqueued.
    pub dedup_key: String,
}

/// Writes a message to the outbox in the caller's transaction; returns its id, or `None`
/// when it was skipped (same dedup key already enqueued, or an opted-out recipient of an
/// optional kind). Call `OutboxHandle::notify` after the commit to send it at once.
pub async fn enqueue(
    conn: &mut AnyConnection,
    msg: &OutgoingMessage,
) -> Result<Option<i64>, StoreError> {
    let mut msg = msg.clone();
    msg.to = crate::store::users::normalise_email(&msg.to);
    if msg.kind.is_optional() && is_opted_out(conn, &msg.to).await? {
        tracing::debug!(to = %mask_address(&msg.to), kind = msg.kind.as_str(), "mail skipped: opted out");
        return Ok(None);
    }
    let id = outbox::insert(conn, &msg, now()).await?;
    match id {
        Some(id) => {
            tracing::debug!(mail.id = id, to = %mask_address(&msg.to), kind = msg.kind.as_str(), "mail enqueued")
        }
        None => {
            tracing::debug!(to = %mask_address(&msg.to), kind = msg.kind.as_str(), "mail skipped: already enqueued")
        }
    }
    Ok(id)
}

/// An address fit for logs: `a***@example.org`.
pub fn mask_address(addr: &str) -> String {
    match addr.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_masked() {
        assert_eq!(mask_address("aminata@example.org"), "a***@example.org");
        assert_eq!(mask_address("@example.org"), "***@example.org");
        assert_eq!(mask_address("nobody"), "***");
    }

    #[test]
    fn only_match_emails_and_digests_are_optional() {
        assert!(Kind::Match.is_optional() && Kind::Digest.is_optional());
        assert!(!Kind::Verify.is_optional() && !Kind::Reset.is_optional());
        assert_eq!(Lang::from_code("EN"), Lang::En);
        assert_eq!(Lang::from_code("bm"), Lang::Fr);
    }
}
