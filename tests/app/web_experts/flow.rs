//! An expert's interest in a mission, through acceptance, shared contacts, mails and the
//! post-mission reports that count on the expert's profile.

use passerelle::store::connections::{self, ConnectionStatus};
use passerelle::store::experts;

use super::{EXPERT, USTTB, YELIMANE, wait_for_mail};
use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

async fn interest_accept_contacts_and_report(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let store = db.connect().await;
    let expert = WebClient::new(&server.base);
    let usttb = WebClient::new(&server.base);
    let yelimane = WebClient::new(&server.base);
    login_as(&expert, &db, EXPERT).await;
    login_as(&usttb, &db, USTTB).await;
    login_as(&yelimane, &db, YELIMANE).await;

    // Interest, then the same again: a friendly error.
    let message = [("message", "Je peux venir trois semaines en février.")];
    let before = expert.get("/missions/D-M001").await;
    let mut stale = before.form_with(&["message"]);
    stale.fill(&message);
    let sent = expert.submit(&stale).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.location.as_deref(), Some("/missions/D-M001"));
    // The same form again, from a tab left open.
    let twice = expert.submit(&stale).await;
    assert_eq!(twice.status, 303);
    assert!(
        twice
            .set_cookies
            .iter()
            .any(|c| c.starts_with("passerelle_flash=e%3A")),
        "{:?}",
        twice.set_cookies
    );
    assert_eq!(
        usttb
            .forge("/missions/D-M001/interest", &message)
            .await
            .status,
        403,
        "only experts express interest"
    );
    let mail = wait_for_mail(&db, USTTB).await;
    assert!(mail.contains("Oumar Kanout"), "{mail}");
    let e001 = experts::get(&store.pool, "D-E001").await.unwrap();
    let conns = connections::of_expert(&store.pool, e001.id).await.unwrap();
    assert_eq!(conns.len(), 1);
    let id = conns[0].id;

    // Before acceptance neither side sees the other's contact.
    assert!(
        !usttb
            .get("/experts/D-E001")
            .await
            .body
            .contains("o.kanoute@example.org")
    );
    assert!(!expert.get("/me").await.body.contains(USTTB));

    // A third party, and the side that asked, may not answer.
    let accept = format!("/connections/{id}/accept");
    assert_eq!(yelimane.forge(&accept, &[]).await.status, 403);
    assert_eq!(expert.forge(&accept, &[]).await.status, 403);
    let owner_page = usttb.get("/missions/D-M001").await;
    let this_one = format!("/connections/{id}/");
    let accepted = usttb
        .submit(&owner_page.form_by_button("Accepter", Some(&this_one)))
        .await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    let answered = wait_for_mail(&db, EXPERT).await;
    assert!(
        answered.contains("Kanout") || answered.contains("USTTB"),
        "{answered}"
    );
    // The decline button of the same page, pressed after accepting (a stale tab).
    let declined_late = usttb
        .submit(&owner_page.form_by_button("Refuser", Some(&this_one)))
        .await;
    assert_eq!(
        declined_late.status, 303,
        "already answered: a message, no change"
    );
    assert_eq!(
        connections::get(&store.pool, id).await.unwrap().status,
        ConnectionStatus::Accepted
    );

    // Now both see each other's contact.
    let profile = usttb.get("/experts/D-E001").await;
    assert!(profile.body.contains("mailto:o.kanoute@example.org"));
    let me = expert.get("/me").await;
    assert!(me.body.contains(&format!("mailto:{USTTB}")), "{}", me.body);
    assert!(me.body.contains(&format!("/connections/{id}/report")));

    // Reports: a third party cannot, a bad form is refused, a good one completes the mission.
    let report = me.link_to(|h| h == format!("/connections/{id}/report"));
    assert_eq!(yelimane.get(&report).await.status, 403);
    assert_eq!(expert.get(&report).await.status, 200);
    let bad = expert
        .submit_on(
            &report,
            &[("what_done", ""), ("people_trained", "beaucoup")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"f-what-done-err\""));
    assert!(bad.body.contains("id=\"f-people-trained-err\""));
    assert_eq!(
        connections::completed_count(&store.pool, e001.id)
            .await
            .unwrap(),
        0
    );
    let done = expert
        .submit_on(
            &report,
            &[
                (
                    "what_done",
                    "Module de géophysique, 3 semaines, terrain à Kati.",
                ),
                ("how_it_went", "Très bien."),
                ("people_trained", "24"),
                ("courses_delivered", "1"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        connections::completed_count(&store.pool, e001.id)
            .await
            .unwrap(),
        1
    );
    let org_report = usttb
        .submit_on(
            &report,
            &[("what_done", "Cours dispensé, étudiants ravis.")],
        )
        .await;
    assert_eq!(org_report.status, 303);
    let again = expert.get(&report).await;
    assert_eq!(again.status, 303, "one report per side");
    assert!(
        usttb
            .get("/experts/D-E001")
            .await
            .body
            .contains("<dt>Missions accomplies</dt><dd>1</dd>")
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(interest_to_report_on, interest_accept_contacts_and_report);
