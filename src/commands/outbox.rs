//! `passerelle outbox`: the state of the email outbox for operators, and retrying the
//! messages that were given up.

use crate::cli::OutboxArgs;
use crate::mail::mask_address;
use crate::store::{Db, outbox};

/// Prints the counts and the failed messages; with `--retry-failed`, queues them again.
pub async fn run(db: &Db, args: &OutboxArgs) -> anyhow::Result<()> {
    if args.retry_failed {
        let mut conn = db.pool.acquire().await?;
        let n = outbox::retry_all_failed(&mut conn).await?;
        println!("{n} failed message(s) queued again");
        return Ok(());
    }
    let counts = outbox::counts(&db.pool).await?;
    println!(
        "pending: {}  sending: {}  sent: {}  failed: {}",
        counts.pending, counts.sending, counts.sent, counts.failed
    );
    let failed = outbox::failed(&db.pool).await?;
    if !failed.is_empty() {
        println!(
            "{:>8}  {:<32}  {:<22}  {:>8}  last error",
            "id", "to", "kind", "attempts"
        );
        for row in failed {
            println!(
                "{:>8}  {:<32}  {:<22}  {:>8}  {}",
                row.id,
                mask_address(&row.to_addr),
                row.kind,
                row.attempts,
                row.last_error
                    .unwrap_or_default()
                    .replace(&row.to_addr, &mask_address(&row.to_addr))
            );
        }
        println!("retry them with: passerelle outbox --retry-failed");
    }
    Ok(())
}
