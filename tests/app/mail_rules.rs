//! The outbox's rules on both engines: one immediate match email a day, the weekly digest,
//! retries with backoff, failed messages for moderators, and `passerelle outbox`.

use std::time::Duration;

use passerelle::mail::digest::{DIGEST_PERIOD_SECS, send_due};
use passerelle::mail::{
    Delivery, Mailer, MatchDelivery, MatchNotice, Recipient, Site, WorkerConfig,
    may_send_match_now, notify_match,
};
use passerelle::store::users::Notify;
use passerelle::store::{now, outbox};

use crate::helpers::{Engine, TestDb, texts};
use crate::mail_server::{SmtpServer, enqueue_many, fast_config, free_port, smtp_url};
use crate::on_both_engines;

fn notice(r#ref: &str, title: &str) -> MatchNotice {
    MatchNotice {
        opportunity_ref: r#ref.into(),
        title: title.into(),
        organisation: "Association Kayes Solidarité".into(),
        reasons: vec!["Your skills in solar pumping match.".into()],
        url: format!("https://passerelle.example.org/projects/{}", r#ref),
    }
}

async fn match_emails_follow_preferences_and_the_digest(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let site = Site::new("https://passerelle.example.org");
    let moussa = Recipient::new("moussa@example.org", "en", Some("Moussa"));
    let awa = Recipient::new("awa@example.org", "fr", None);
    let t0 = now();
    let mut conn = db.pool.acquire().await.unwrap();

    // Immediately: the first match of the day is an email, the next one waits for the digest.
    assert!(
        may_send_match_now(&mut conn, &moussa.email, t0)
            .await
            .unwrap()
    );
    let first = notify_match(
        &mut conn,
        &site,
        &moussa,
        Notify::Immediately,
        &notice("P-1", "Solar pumps in Kayes"),
        t0,
    )
    .await
    .unwrap();
    assert!(matches!(first, MatchDelivery::Immediate(_)), "{first:?}");
    assert!(
        !may_send_match_now(&mut conn, &moussa.email, t0 + 3600)
            .await
            .unwrap()
    );
    assert!(
        may_send_match_now(&mut conn, &moussa.email, t0 + 86_400 + 1)
            .await
            .unwrap()
    );
    let second = notify_match(
        &mut conn,
        &site,
        &moussa,
        Notify::Immediately,
        &notice("P-2", "A school well in Nioro"),
        t0,
    )
    .await
    .unwrap();
    assert_eq!(second, MatchDelivery::Digest);

    // Weekly and never.
    for (r, title) in [
        ("P-3", "Irrigation in Ségou"),
        ("P-4", "Maternité de Bafoulabé"),
    ] {
        let routed = notify_match(
            &mut conn,
            &site,
            &awa,
            Notify::Weekly,
            &notice(r, title),
            t0 + 10,
        )
        .await
        .unwrap();
        assert_eq!(routed, MatchDelivery::Digest);
    }
    let never = notify_match(
        &mut conn,
        &site,
        &awa,
        Notify::Never,
        &notice("P-5", "x"),
        t0,
    )
    .await
    .unwrap();
    assert_eq!(never, MatchDelivery::Skipped);
    drop(conn);

    // The digest is due a period after the oldest waiting line, and takes every line.
    assert_eq!(
        send_due(&db, &site, t0 + DIGEST_PERIOD_SECS - 1)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        send_due(&db, &site, t0 + DIGEST_PERIOD_SECS).await.unwrap(),
        1,
        "Moussa's"
    );
    assert_eq!(
        send_due(&db, &site, t0 + DIGEST_PERIOD_SECS + 10)
            .await
            .unwrap(),
        1,
        "Awa's"
    );
    assert_eq!(
        send_due(&db, &site, t0 + 3 * DIGEST_PERIOD_SECS)
            .await
            .unwrap(),
        0,
        "nothing left"
    );
    let digests: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT to_addr, subject, body_text FROM mail_outbox WHERE kind = 'digest' ORDER BY to_addr",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(digests.len(), 2);
    let (to, subject, text) = &digests[0];
    assert_eq!(to, "awa@example.org");
    assert_eq!(
        subject,
        "Votre semaine sur Passerelle : 2 nouvelles propositions"
    );
    assert!(text.starts_with("Bonjour,"));
    assert!(text.contains("- Irrigation in Ségou — Association Kayes Solidarité"));
    assert!(text.contains("https://passerelle.example.org/unsubscribe/"));
    let (_, subject, text) = &digests[1];
    assert_eq!(subject, "Your week on Passerelle: 1 new opportunity");
    assert!(text.contains("- A school well in Nioro — Association Kayes Solidarité\n  https://passerelle.example.org/projects/P-2"));
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(
    match_preferences_on,
    match_emails_follow_preferences_and_the_digest
);

async fn failed_messages_are_listed_and_retried(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let ids = enqueue_many(&db, 3, "fail").await;

    // Two attempts at most, against a port where nothing listens.
    let config = WorkerConfig {
        max_attempts: 2,
        backoff_base_secs: 0,
        ..fast_config()
    };
    let mailer = Mailer::from_settings(Some(&smtp_url(free_port())), tdb.dir.path()).unwrap();
    let delivery = Delivery::new(
        db.clone(),
        mailer,
        "no-reply@passerelle.example.org",
        config,
    )
    .unwrap();
    let first = delivery.run_batch().await.unwrap();
    assert_eq!((first.claimed, first.sent), (3, 0));
    let row = outbox::get(&db.pool, ids[0]).await.unwrap();
    assert_eq!((row.status.as_str(), row.attempts), ("pending", 1));
    assert!(row.last_error.is_some());
    delivery.run_batch().await.unwrap();
    let failed = outbox::failed(&db.pool).await.unwrap();
    assert_eq!(failed.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
    assert!(
        failed
            .iter()
            .all(|r| r.attempts == 2 && r.status == "failed")
    );
    assert_eq!(
        delivery.run_batch().await.unwrap().claimed,
        0,
        "failed rows rest"
    );

    // The operator's view masks addresses; one row retried by a moderator, the rest by the CLI.
    let out = tdb.run(&["outbox"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("pending: 0  sending: 0  sent: 0  failed: 3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("u***@example.org") && !stdout.contains("user0@"),
        "{stdout}"
    );
    let mut conn = db.pool.acquire().await.unwrap();
    assert!(outbox::retry(&mut conn, ids[0]).await.unwrap());
    assert!(
        !outbox::retry(&mut conn, ids[0]).await.unwrap(),
        "only failed rows"
    );
    drop(conn);
    let out = tdb.run(&["outbox", "--retry-failed"]);
    assert!(texts(&out).0.contains("2 failed message(s) queued again"));

    let smtp = SmtpServer::start();
    let mailer = Mailer::from_settings(Some(&smtp.url()), tdb.dir.path()).unwrap();
    let delivery = Delivery::new(
        db.clone(),
        mailer,
        "no-reply@passerelle.example.org",
        fast_config(),
    )
    .unwrap();
    assert_eq!(delivery.drain().await.unwrap(), 3);
    assert_eq!(smtp.wait_for(3, Duration::from_secs(10)).await.len(), 3);
    assert_eq!(outbox::counts(&db.pool).await.unwrap().sent, 3);
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(failed_messages_on, failed_messages_are_listed_and_retried);

#[test]
fn backoff_doubles_up_to_the_cap() {
    let c = WorkerConfig::default();
    let waits: Vec<i64> = (1..=9).map(|a| c.backoff_secs(a)).collect();
    assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    assert_eq!(c.backoff_secs(500), 3600);
}
