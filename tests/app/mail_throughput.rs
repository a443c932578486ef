//! Sending throughput against a local SMTP server (ignored by default; run with
//! `cargo test --release --test app mail_throughput -- --ignored --nocapture`, and with
//! `PASSERELLE_TEST_POSTGRES_URL` set for the PostgreSQL figure).

use std::time::{Duration, Instant};

use passerelle::mail::{Delivery, Mailer, OutboxWorker, WorkerConfig};
use passerelle::store::outbox;

use crate::helpers::{Engine, TestDb};
use crate::mail_server::{SmtpServer, assert_each_once, enqueue_many, wait_until};

const MESSAGES: usize = 2000;

async fn measure(engine: Engine, test: &str, batch_size: i64, concurrency: usize) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let smtp = SmtpServer::start();
    let ids = enqueue_many(&db, MESSAGES, "throughput").await;
    let config = WorkerConfig {
        poll_interval: Duration::from_millis(100),
        batch_size,
        concurrency,
        ..WorkerConfig::default()
    };
    let mailer = Mailer::from_settings(Some(&smtp.url()), tdb.dir.path()).unwrap();
    let start = Instant::now();
    let worker = OutboxWorker::spawn(
        Delivery::new(
            db.clone(),
            mailer,
            "no-reply@passerelle.example.org",
            config,
        )
        .unwrap(),
        None,
    );
    worker.notify();
    wait_until("the outbox drained", Duration::from_secs(600), async || {
        outbox::counts(&db.pool).await.unwrap().sent == MESSAGES as i64
    })
    .await;
    let elapsed = start.elapsed();
    assert_each_once(&smtp.received(), &ids);
    println!(
        "mail throughput ({engine:?}, batch {batch_size}, concurrency {concurrency}): {MESSAGES} messages in {:.2} s = {:.0} messages/s",
        elapsed.as_secs_f64(),
        MESSAGES as f64 / elapsed.as_secs_f64()
    );
    worker.shutdown(Duration::from_secs(5)).await;
    db.close().await;
    tdb.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run with --ignored --nocapture"]
async fn sqlite() {
    for (batch, concurrency) in [(10, 1), (10, 5), (20, 10)] {
        measure(
            Engine::Sqlite,
            "mail_throughput::sqlite",
            batch,
            concurrency,
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run with --ignored --nocapture"]
async fn postgres() {
    for (batch, concurrency) in [(10, 1), (10, 5), (20, 10)] {
        measure(
            Engine::Postgres,
            "mail_throughput::postgres",
            batch,
            concurrency,
        )
        .await;
    }
}

/// lettre alone, one connection, no outbox: the per-message cost of the transport.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run with --ignored --nocapture"]
async fn raw_transport() {
    use lettre::AsyncTransport;
    let smtp = SmtpServer::start();
    let t = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&smtp.url())
        .unwrap()
        .build();
    let start = Instant::now();
    for i in 0..200 {
        let m = lettre::Message::builder()
            .from("a@example.org".parse().unwrap())
            .to(format!("u{i}@example.org").parse().unwrap())
            .subject("x")
            .body(String::from("hello"))
            .unwrap();
        t.send(m).await.unwrap();
    }
    println!(
        "lettre alone, sequential: {:?} per message",
        start.elapsed() / 200
    );
}
