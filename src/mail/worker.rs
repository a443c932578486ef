//! The outbox worker: claims due messages under a lease, sends them, marks each one sent
//! right after the transport accepts it, and retries failures with exponential backoff.
//! It wakes on an in-process notify after an enqueue and polls as a fallback; it also
//! enqueues the weekly digests that are due.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{FutureExt, StreamExt};
use lettre::message::Mailbox;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::transport::{MailError, Mailer, compose, parse_from};
use super::{Site, digest, mask_address};
use crate::store::{Db, StoreError, now, outbox};

/// How the worker paces itself; the defaults suit production, tests shorten them.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Messages claimed per batch (small, so a crash leaves few messages to resend).
    pub batch_size: i64,
    /// Messages of a batch sent at the same time. Each SMTP message costs ~44 ms of
    /// Nagle/delayed-ACK stall in lettre 0.11.23 (no TCP_NODELAY; fixed upstream by
    /// lettre PR #1159, unreleased), so throughput is about `concurrency / 44 ms`; lettre's
    /// pool holds 10 connections.
    pub concurrency: usize,
    /// How long a claim lasts before another worker may take the message (seconds); it
    /// must exceed a batch's worst time, `batch_size / concurrency × send_timeout`.
    pub lease_secs: i64,
    /// Longest wait for the transport to take one message.
    pub send_timeout: Duration,
    /// Polling interval when nobody notifies.
    pub poll_interval: Duration,
    /// Wait after the first failure (seconds); doubled at each further failure.
    pub backoff_base_secs: i64,
    /// Longest wait between attempts (seconds).
    pub backoff_cap_secs: i64,
    /// Attempts before a message is marked failed.
    pub max_attempts: i64,
    /// How often to look for due weekly digests.
    pub digest_check_interval: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            batch_size: 20,
            concurrency: 10,
            lease_secs: 300,
            send_timeout: Duration::from_secs(60),
            poll_interval: Duration::from_secs(2),
            backoff_base_secs: 30,
            backoff_cap_secs: 3600,
            max_attempts: 10,
            digest_check_interval: Duration::from_secs(600),
        }
    }
}

impl WorkerConfig {
    /// The wait after `attempts` failed attempts: base × 2^(attempts − 1), capped.
    pub fn backoff_secs(&self, attempts: i64) -> i64 {
        let doublings = (attempts - 1).clamp(0, 30) as u32;
        self.backoff_base_secs
            .saturating_mul(1i64 << doublings)
            .min(self.backoff_cap_secs)
    }
}

/// What one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Messages claimed.
    pub claimed: usize,
    /// Messages the transport accepted.
    pub sent: usize,
}

/// Sends outbox messages through a transport; one per worker (its id marks its claims).
pub struct Delivery {
    db: Db,
    mailer: Mailer,
    from: Mailbox,
    config: WorkerConfig,
    id: String,
}

impl Delivery {
    /// A delivery from `from` (the configured sender) through `mailer`.
    pub fn new(
        db: Db,
        mailer: Mailer,
        from: &str,
        config: WorkerConfig,
    ) -> Result<Self, MailError> {
        Ok(Delivery {
            db,
            mailer,
            from: parse_from(from)?,
            config,
            id: format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()),
        })
    }

    /// Claims one batch of due messages and sends them.
    pub async fn run_batch(&self) -> Result<BatchOutcome, StoreError> {
        let start = now();
        let c = &self.config;
        let rows = outbox::claim(
            &self.db.pool,
            self.db.backend,
            &self.id,
            c.batch_size,
            c.lease_secs,
            start,
        )
        .await?;
        let claimed = rows.len();
        let sent = AtomicUsize::new(0);
        futures::stream::iter(rows)
            .for_each_concurrent(c.concurrency.max(1), |row| {
                let sent = &sent;
                async move {
                    if self.deliver(row, start + c.lease_secs).await {
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
            .await;
        Ok(BatchOutcome {
            claimed,
            sent: sent.into_inner(),
        })
    }

    /// Runs batches until none is claimed; returns how many messages were sent.
    pub async fn drain(&self) -> Result<usize, StoreError> {
        let mut sent = 0;
        loop {
            let outcome = self.run_batch().await?;
            sent += outcome.sent;
            if outcome.claimed == 0 {
                return Ok(sent);
            }
        }
    }

    /// Sends one claimed row and records the outcome; `true` when it was sent.
    async fn deliver(&self, row: outbox::OutboxRow, lease_until: i64) -> bool {
        let to = mask_address(&row.to_addr);
        if now() >= lease_until {
            // Another worker may have taken it over; leave it to them.
            tracing::warn!(
                mail.id = row.id,
                "mail lease ran out before sending, left to the next claim"
            );
            return false;
        }
        let result = match compose(&row, &self.from) {
            Ok(message) => {
                tokio::time::timeout(self.config.send_timeout, self.mailer.send(message))
                    .await
                    .unwrap_or(Err(MailError::Timeout))
            }
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                match outbox::mark_sent(&self.db.pool, row.id, &self.id, now()).await {
                    Ok(true) => {
                        tracing::info!(mail.id = row.id, to = %to, kind = %row.kind, "mail sent")
                    }
                    Ok(false) => {
                        tracing::warn!(mail.id = row.id, to = %to, "mail sent after its lease was taken over")
                    }
                    Err(e) => {
                        tracing::error!(mail.id = row.id, to = %to, error = %e, "mail sent but not marked; it will be sent again with the same Message-ID")
                    }
                }
                true
            }
            Err(e) => {
                let error = e.to_string().replace(&row.to_addr, &to);
                let retry_at = (!e.is_permanent() && row.attempts < self.config.max_attempts)
                    .then(|| now() + self.config.backoff_secs(row.attempts));
                if let Err(db) =
                    outbox::mark_attempt_failed(&self.db.pool, row.id, &self.id, &error, retry_at)
                        .await
                {
                    tracing::error!(mail.id = row.id, error = %db, "cannot record a failed mail attempt");
                }
                match retry_at {
                    Some(at) => {
                        tracing::warn!(mail.id = row.id, to = %to, attempt = row.attempts, retry_in = at - now(), error = %error, "mail not sent, will retry")
                    }
                    None => {
                        tracing::error!(mail.id = row.id, to = %to, attempt = row.attempts, error = %error, "mail failed for good")
                    }
                }
                false
            }
        }
    }
}

/// Wakes the worker after an enqueue; cheap to clone into the app state.
#[derive(Debug, Clone, Default)]
pub struct OutboxHandle {
    notify: Arc<Notify>,
    /// The folder of `.eml` files, when mail is written as files.
    files: Option<Arc<std::path::PathBuf>>,
}

impl OutboxHandle {
    /// Deletes the `.eml` files that mention one of `needles` (an erased person's address
    /// or names); nothing when mail goes through SMTP.
    pub fn forget_files(&self, needles: &[&str]) -> usize {
        self.files
            .as_deref()
            .map_or(0, |dir| super::files::forget(dir, needles))
    }

    /// Asks the worker to look at the outbox now (call after the enqueuing commit).
    pub fn notify(&self) {
        self.notify.notify_one();
    }
}

/// The running worker task.
pub struct OutboxWorker {
    handle: OutboxHandle,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl OutboxWorker {
    /// Starts the worker on the current runtime; with a `site`, it also sends due digests.
    pub fn spawn(delivery: Delivery, site: Option<Site>) -> OutboxWorker {
        let handle = OutboxHandle::default();
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(run(delivery, site, handle.notify.clone(), stopped));
        OutboxWorker { handle, stop, task }
    }

    /// Starts the worker of `serve`: SMTP when `smtp_url` is given, else `.eml` files
    /// in `mail_dir`; default pacing; digests with links to `site`.
    pub fn start(
        db: &Db,
        smtp_url: Option<&str>,
        mail_dir: &std::path::Path,
        from: &str,
        site: Site,
    ) -> Result<OutboxWorker, MailError> {
        let mailer = Mailer::from_settings(smtp_url, mail_dir)?;
        tracing::info!(transport = mailer.describe(), "mail outbox worker started");
        let delivery = Delivery::new(db.clone(), mailer, from, WorkerConfig::default())?;
        let mut worker = OutboxWorker::spawn(delivery, Some(site));
        if smtp_url.is_none() {
            worker.handle.files = Some(Arc::new(mail_dir.to_path_buf()));
        }
        Ok(worker)
    }

    /// A handle that wakes this worker.
    pub fn handle(&self) -> OutboxHandle {
        self.handle.clone()
    }

    /// Wakes the worker now.
    pub fn notify(&self) {
        self.handle.notify();
    }

    /// Stops after the batch in flight (waiting at most `grace`, then aborting).
    pub async fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        let abort = self.task.abort_handle();
        if tokio::time::timeout(grace, self.task).await.is_err() {
            abort.abort();
        }
    }

    /// Stops at once; messages it had claimed are sent by a worker after their lease.
    pub fn abort(&self) {
        self.task.abort();
    }
}

async fn run(
    delivery: Delivery,
    site: Option<Site>,
    notify: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    let config = delivery.config.clone();
    let mut next_digest = tokio::time::Instant::now();
    while !*stop.borrow() {
        if let Some(site) = &site
            && tokio::time::Instant::now() >= next_digest
        {
            next_digest += config.digest_check_interval;
            match digest::send_due(&delivery.db, site, now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(digests = n, "weekly digests enqueued"),
                Err(e) => tracing::error!(error = %e, "cannot enqueue weekly digests"),
            }
        }
        let full = match AssertUnwindSafe(delivery.run_batch()).catch_unwind().await {
            Ok(Ok(outcome)) => outcome.claimed as i64 >= config.batch_size,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "mail outbox unavailable");
                false
            }
            Err(_) => {
                tracing::error!("mail batch panicked; its messages are retried after their lease");
                false
            }
        };
        if full {
            continue;
        }
        tokio::select! {
            _ = notify.notified() => {}
            _ = tokio::time::sleep(config.poll_interval) => {}
            changed = stop.changed() => {
                if changed.is_err() {
                    break; // the OutboxWorker was dropped
                }
            }
        }
    }
}
