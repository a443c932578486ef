//! Messages through a real SMTP server: the recipient's language, both parts, the
//! unsubscribe headers and link, the Message-ID; and `.eml` files when no SMTP is set.

use std::time::Duration;

use passerelle::mail::messages::{address_verification, match_found};
use passerelle::mail::{
    Delivery, Mailer, MatchDelivery, MatchNotice, OutboxWorker, Recipient, Site, enqueue,
    is_opted_out, notify_match, unsubscribe,
};
use passerelle::store::users::Notify;
use passerelle::store::{now, outbox};

use crate::helpers::{Engine, TestDb};
use crate::mail_server::{SmtpServer, decode_header, fast_config, wait_until};
use crate::on_both_engines;

const FROM: &str = "Passerelle <no-reply@passerelle.example.org>";

fn notice(r#ref: &str) -> MatchNotice {
    MatchNotice {
        opportunity_ref: r#ref.into(),
        title: "Cours d'hydrologie à l'université de Ségou".into(),
        organisation: "Université de Ségou".into(),
        reasons: vec![
            "Vous enseignez l'hydrologie, que la mission demande.".into(),
            "Vous êtes originaire de la région de Ségou.".into(),
        ],
        url: format!("https://passerelle.example.org/missions/{}", r#ref),
    }
}

async fn messages_arrive_in_the_recipients_language(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let smtp = SmtpServer::start();
    let site = Site::new("https://passerelle.example.org/");
    let aminata = Recipient::new("Aminata@Example.org", "fr", Some("Aminata"));
    let john = Recipient::new("john@example.org", "en", Some("John"));

    let mut tx = db.pool.begin().await.unwrap();
    let routed = notify_match(
        &mut tx,
        &site,
        &aminata,
        Notify::Immediately,
        &notice("M-1"),
        now(),
    )
    .await
    .unwrap();
    let MatchDelivery::Immediate(match_id) = routed else {
        panic!("first match of the day is immediate: {routed:?}")
    };
    let verify = address_verification(&john, "https://passerelle.example.org/verify/abc");
    let verify_id = enqueue(&mut tx, &verify).await.unwrap().unwrap();
    assert_eq!(
        enqueue(&mut tx, &verify).await.unwrap(),
        None,
        "same event twice"
    );
    tx.commit().await.unwrap();

    let mailer = Mailer::from_settings(Some(&smtp.url()), tdb.dir.path()).unwrap();
    let worker = OutboxWorker::spawn(
        Delivery::new(db.clone(), mailer, FROM, fast_config()).unwrap(),
        None,
    );
    worker.notify();
    let got = smtp.wait_for(2, Duration::from_secs(20)).await;
    let fr = got
        .iter()
        .find(|m| m.to == ["aminata@example.org"])
        .expect("French message");
    let en = got
        .iter()
        .find(|m| m.to == ["john@example.org"])
        .expect("English message");

    // French: subject, both parts, reasons as a list, headers.
    let subject = decode_header(&fr.header("subject").unwrap());
    assert_eq!(
        subject,
        "Nouvelle proposition : Cours d'hydrologie à l'université de Ségou"
    );
    assert!(
        fr.header("content-type")
            .unwrap()
            .starts_with("multipart/alternative")
    );
    let parts = fr.parts();
    let text = &parts["text/plain"];
    let html = &parts["text/html"];
    assert!(text.starts_with("Bonjour Aminata,"), "{text}");
    assert!(text.contains("Pourquoi cette proposition :"));
    assert!(text.contains("- Vous êtes originaire de la région de Ségou."));
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains("<li>Vous enseignez l'hydrologie, que la mission demande.</li>"));
    assert!(html.contains("href=\"https://passerelle.example.org/missions/M-1\""));
    assert_eq!(fr.header("content-language").as_deref(), Some("fr"));
    assert_eq!(
        fr.header("list-unsubscribe-post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let list_unsubscribe = fr.header("list-unsubscribe").unwrap();
    let url = list_unsubscribe.trim_matches(['<', '>']);
    let token = url
        .strip_prefix("https://passerelle.example.org/unsubscribe/")
        .expect("an unsubscribe URL on the site");
    assert!(
        text.contains(url) && html.contains(url),
        "the link is in both parts"
    );
    let message_id = fr.header("message-id").unwrap();
    assert!(
        message_id.starts_with(&format!("<outbox.{match_id}."))
            && message_id.ends_with("@passerelle.example.org>"),
        "{message_id}"
    );

    // English: an account message, no unsubscribe.
    let parts = en.parts();
    assert!(parts["text/plain"].starts_with("Hello John,"));
    assert!(
        parts["text/plain"]
            .contains("Confirm my address : https://passerelle.example.org/verify/abc")
    );
    assert!(parts["text/html"].contains("lang=\"en\""));
    assert_eq!(
        decode_header(&en.header("subject").unwrap()),
        "Confirm your email address"
    );
    assert_eq!(en.header("list-unsubscribe"), None);
    assert!(
        en.header("message-id")
            .unwrap()
            .starts_with(&format!("<outbox.{verify_id}."))
    );

    // Sent rows are marked and no longer hold the bodies (one-time links).
    wait_until("rows marked sent", Duration::from_secs(10), async || {
        outbox::counts(&db.pool).await.unwrap().sent == 2
    })
    .await;
    let row = outbox::get(&db.pool, verify_id).await.unwrap();
    assert!(row.sent_at.is_some() && row.body_text.is_empty() && row.body_html.is_empty());

    // The unsubscribe token works: match emails stop, account emails do not.
    let mut conn = db.pool.acquire().await.unwrap();
    assert_eq!(
        unsubscribe(&mut conn, token).await.unwrap().as_deref(),
        Some("aminata@example.org")
    );
    assert_eq!(
        unsubscribe(&mut conn, token).await.unwrap().as_deref(),
        Some("aminata@example.org")
    );
    assert_eq!(unsubscribe(&mut conn, "no-such-token").await.unwrap(), None);
    assert!(
        is_opted_out(&mut conn, "aminata@example.org")
            .await
            .unwrap()
    );
    let later = now() + 2 * 86_400;
    let routed = notify_match(
        &mut conn,
        &site,
        &aminata,
        Notify::Immediately,
        &notice("M-2"),
        later,
    )
    .await
    .unwrap();
    assert_eq!(routed, MatchDelivery::Skipped);
    let direct = match_found(&aminata, &notice("M-3"), &site.unsubscribe_url(token));
    assert_eq!(enqueue(&mut conn, &direct).await.unwrap(), None);
    let reset = passerelle::mail::messages::password_reset(
        &aminata,
        "https://passerelle.example.org/reset/x",
    );
    assert!(
        enqueue(&mut conn, &reset).await.unwrap().is_some(),
        "reset is always sent"
    );
    drop(conn);

    worker.shutdown(Duration::from_secs(5)).await;
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(
    messages_arrive_in_language_on,
    messages_arrive_in_the_recipients_language
);

async fn serve_without_smtp_writes_eml_files(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let server = crate::cli_serve::start(&tdb, &[]);
    let to = Recipient::new("fatou@example.org", "fr", Some("Fatou"));
    let mut conn = db.pool.acquire().await.unwrap();
    let msg = address_verification(&to, "https://passerelle.example.org/verify/eml");
    let id = enqueue(&mut conn, &msg).await.unwrap().unwrap();
    drop(conn);
    // The row is marked sent once its file is complete; read the file after that.
    wait_until("the row marked sent", Duration::from_secs(20), async || {
        outbox::get(&db.pool, id).await.unwrap().status == "sent"
    })
    .await;
    let dir = tdb.dir.path().join("mail");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    let eml_file = files
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "eml"))
        .unwrap_or_else(|| panic!("an .eml file under {}: {files:?}", dir.display()));
    let eml = std::fs::read_to_string(eml_file).unwrap();
    assert!(eml.contains("To: fatou@example.org"), "{eml}");
    assert!(eml.contains(&format!("Message-ID: <outbox.{id}.")), "{eml}");
    assert!(eml.contains("multipart/alternative"));
    drop(server);
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(
    serve_writes_eml_files_on,
    serve_without_smtp_writes_eml_files
);
