//! Transports and the composition of an outbox row into a MIME message.
//!
//! `Mailer` is an enum rather than `dyn AsyncTransport`, whose associated `Ok`/`Error`
//! types differ per transport: SMTP when `PASSERELLE_SMTP_URL` is set, otherwise one
//! `.eml` file per message under `DATA_DIR/mail`, so the platform works offline.

use std::path::Path;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::store::outbox::OutboxRow;

/// What can go wrong when setting up or using a transport.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The SMTP URL could not be understood.
    #[error("bad SMTP URL: {0}")]
    SmtpUrl(#[source] lettre::transport::smtp::Error),
    /// The sender address could not be parsed.
    #[error("bad sender address {0:?}: {1}")]
    From(String, #[source] lettre::address::AddressError),
    /// The mail folder could not be created.
    #[error("cannot create the mail folder {0}: {1}")]
    Folder(String, #[source] std::io::Error),
    /// A row could not be turned into a message (bad address or header); not retried.
    #[error("cannot compose the message: {0}")]
    Compose(String),
    /// The SMTP server refused or could not be reached.
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    /// The `.eml` file could not be written.
    #[error("mail file: {0}")]
    File(#[from] lettre::transport::file::Error),
    /// The transport did not answer in time.
    #[error("timed out")]
    Timeout,
}

impl MailError {
    /// Whether trying again cannot help (a malformed message, or a 5xx SMTP answer).
    pub fn is_permanent(&self) -> bool {
        match self {
            MailError::Compose(_) => true,
            MailError::Smtp(e) => e.is_permanent(),
            _ => false,
        }
    }
}

/// The transport messages leave through.
#[derive(Clone)]
pub enum Mailer {
    /// An SMTP relay (pooled connections).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in a folder.
    File(AsyncFileTransport<Tokio1Executor>),
}

impl Mailer {
    /// SMTP from `smtp_url` (lettre's form, `smtp://user:pass@host:587?tls=required`) when
    /// given, otherwise `.eml` files under `mail_dir` (created when missing).
    pub fn from_settings(smtp_url: Option<&str>, mail_dir: &Path) -> Result<Mailer, MailError> {
        match smtp_url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => Ok(Mailer::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(MailError::SmtpUrl)?
                    .build(),
            )),
            None => {
                std::fs::create_dir_all(mail_dir)
                    .map_err(|e| MailError::Folder(mail_dir.display().to_string(), e))?;
                Ok(Mailer::File(AsyncFileTransport::new(mail_dir)))
            }
        }
    }

    /// A short description for the start-up log (no credentials).
    pub fn describe(&self) -> &'static str {
        match self {
            Mailer::Smtp(_) => "SMTP",
            Mailer::File(_) => ".eml files",
        }
    }

    /// Hands one message to the transport.
    pub async fn send(&self, message: Message) -> Result<(), MailError> {
        match self {
            Mailer::Smtp(t) => t.send(message).await.map(|_| ())?,
            Mailer::File(t) => t.send(message).await.map(|_| ())?,
        }
        Ok(())
    }
}

/// Parses the configured sender (`Name <address>` or a bare address).
pub fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse()
        .map_err(|e| MailError::From(from.to_string(), e))
}

/// The stable Message-ID of an outbox row: the same row always gets the same id, so a
/// message sent twice (see the module docs of `mail`) can be recognised by receivers.
pub fn message_id(row: &OutboxRow, from: &Mailbox) -> String {
    format!(
        "<outbox.{}.{}@{}>",
        row.id,
        row.created_at,
        from.email.domain()
    )
}

const LIST_UNSUBSCRIBE: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe");
const LIST_UNSUBSCRIBE_POST: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe-Post");
const CONTENT_LANGUAGE: HeaderName = HeaderName::new_from_ascii_str("Content-Language");

/// Builds the MIME message of a row: multipart/alternative (text, then HTML), a stable
/// Message-ID, Content-Language, and the one-click unsubscribe headers (RFC 8058).
pub fn compose(row: &OutboxRow, from: &Mailbox) -> Result<Message, MailError> {
    let to: Mailbox = row
        .to_addr
        .parse()
        .map_err(|e| MailError::Compose(format!("recipient: {e}")))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(message_id(row, from)))
        .date_now()
        .raw_header(HeaderValue::new(CONTENT_LANGUAGE, row.lang.clone()));
    if let Some(url) = &row.unsubscribe_url {
        builder = builder
            .raw_header(HeaderValue::new(LIST_UNSUBSCRIBE, format!("<{url}>")))
            .raw_header(HeaderValue::new(
                LIST_UNSUBSCRIBE_POST,
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(row.body_text.clone()),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(row.body_html.clone()),
                ),
        )
        .map_err(|e| MailError::Compose(e.to_string()))
}
