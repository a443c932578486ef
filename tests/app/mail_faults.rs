//! Delivery under faults, counted by Message-ID on the receiving server: an SMTP outage,
//! two workers on one database, and a worker killed in the middle of a batch.

use std::net::TcpListener;
use std::time::Duration;

use passerelle::mail::{Delivery, Mailer, OutboxWorker, WorkerConfig};
use passerelle::store::outbox;

use crate::helpers::{Engine, TestDb};
use crate::mail_server::{
    SmtpServer, assert_each_once, count_where, enqueue_many, fast_config, free_port, smtp_url,
    wait_until,
};
use crate::on_both_engines;

const FROM: &str = "Passerelle <no-reply@passerelle.example.org>";

fn worker(
    db: &passerelle::store::Db,
    url: &str,
    dir: &std::path::Path,
    config: WorkerConfig,
) -> OutboxWorker {
    let mailer = Mailer::from_settings(Some(url), dir).unwrap();
    OutboxWorker::spawn(
        Delivery::new(db.clone(), mailer, FROM, config).unwrap(),
        None,
    )
}

async fn an_outage_delays_but_does_not_lose_or_repeat(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let port = free_port(); // nothing listens there yet
    let w = worker(&db, &smtp_url(port), tdb.dir.path(), fast_config());
    let ids = enqueue_many(&db, 200, "outage").await;
    w.notify();
    wait_until(
        "every message tried and failed",
        Duration::from_secs(30),
        async || {
            count_where(
                &db,
                "attempts >= 1 AND status = 'pending' AND last_error IS NOT NULL",
            )
            .await
                == 200
        },
    )
    .await;
    assert_eq!(outbox::counts(&db.pool).await.unwrap().sent, 0);

    let smtp = SmtpServer::start_on(port); // the server comes back on the same port
    let received = smtp.wait_for(200, Duration::from_secs(60)).await;
    wait_until(
        "all rows marked sent",
        Duration::from_secs(20),
        async || outbox::counts(&db.pool).await.unwrap().sent == 200,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await; // room for any duplicate
    assert_each_once(&smtp.received(), &ids);
    assert_eq!(received.len(), 200);
    w.shutdown(Duration::from_secs(5)).await;
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(outage_on, an_outage_delays_but_does_not_lose_or_repeat);

async fn two_workers_deliver_each_message_once(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let other = tdb.connect().await; // a second process would have its own pool
    let smtp = SmtpServer::start();
    let ids = enqueue_many(&db, 200, "two").await;
    let mut config = fast_config();
    config.batch_size = 5;
    let a = worker(&db, &smtp.url(), tdb.dir.path(), config.clone());
    let b = worker(&other, &smtp.url(), tdb.dir.path(), config);
    a.notify();
    b.notify();
    smtp.wait_for(200, Duration::from_secs(60)).await;
    wait_until(
        "all rows marked sent",
        Duration::from_secs(20),
        async || outbox::counts(&db.pool).await.unwrap().sent == 200,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_each_once(&smtp.received(), &ids);
    a.shutdown(Duration::from_secs(5)).await;
    b.shutdown(Duration::from_secs(5)).await;
    other.close().await;
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(two_workers_on, two_workers_deliver_each_message_once);

/// An SMTP server that accepts connections and never answers: a worker sending through it
/// hangs with its batch claimed.
fn black_hole() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    port
}

async fn a_killed_workers_claims_are_delivered_after_the_lease(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let ids = enqueue_many(&db, 200, "killed").await;

    // Worker A claims a batch under a 3 s lease, hangs on the black hole, and is killed.
    let mut short = fast_config();
    short.batch_size = 10;
    short.lease_secs = 3;
    let a = worker(&db, &smtp_url(black_hole()), tdb.dir.path(), short);
    a.notify();
    wait_until(
        "worker A claimed its batch",
        Duration::from_secs(10),
        async || count_where(&db, "status = 'sending'").await == 10,
    )
    .await;
    a.abort();
    let claimed_by_a: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM mail_outbox WHERE status = 'sending' ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();

    // Worker B delivers the rest at once, and A's batch once its lease has expired.
    let smtp = SmtpServer::start();
    let b = worker(&db, &smtp.url(), tdb.dir.path(), fast_config());
    b.notify();
    smtp.wait_for(190, Duration::from_secs(30)).await;
    smtp.wait_for(200, Duration::from_secs(30)).await;
    wait_until(
        "all rows marked sent",
        Duration::from_secs(20),
        async || outbox::counts(&db.pool).await.unwrap().sent == 200,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_each_once(&smtp.received(), &ids);
    for id in claimed_by_a {
        let row = outbox::get(&db.pool, id).await.unwrap();
        assert_eq!(row.attempts, 2, "claimed by A, then by B after the lease");
    }
    b.shutdown(Duration::from_secs(5)).await;
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(
    killed_worker_on,
    a_killed_workers_claims_are_delivered_after_the_lease
);
