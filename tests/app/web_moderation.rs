//! Moderation through the real server: verifying an organisation (its member is told and its
//! postings become public), reports with hide/restore, the audit log, and who may do it.

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_experts::wait_for_mail;
use crate::web_session::login_as;

const MODERATOR: &str = "moderation@demo.passerelle.ml";
const DIEMA: &str = "diema@demo.passerelle.ml";

async fn wait_for(client: &WebClient, path: &str, needle: &str, present: bool) {
    for _ in 0..100 {
        if client.get(path).await.body.contains(needle) == present {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{needle} present={present} never held on {path}");
}

async fn moderation_flow(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let public = WebClient::new(&server.base);
    let member = WebClient::new(&server.base);
    login_as(&member, &db, DIEMA).await;
    let moderator = WebClient::new(&server.base);
    login_as(&moderator, &db, MODERATOR).await;

    // The unverified association posts a project: private until verification.
    let created = member
        .submit_on(
            "/projects/new",
            &[
                ("title", "Château d'eau de Diéma"),
                ("description", "Réservoir et réseau."),
                ("sector", "water"),
                ("skills", "hydraulique villageoise"),
                ("region", "kayes"),
                ("commune", "Diéma"),
            ],
        )
        .await;
    assert_eq!(created.status, 303);
    let path = created.location.unwrap();
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);
    assert_eq!(public.get(&path).await.status, 404);

    assert_eq!(
        member.get("/moderation").await.status,
        403,
        "members are not moderators"
    );
    let queue = moderator.get("/moderation").await;
    assert_eq!(queue.status, 200);
    assert!(
        queue
            .body
            .contains("Association des ressortissants de Diéma à Montreuil")
    );
    let org_id: i64 = {
        let store = db.connect().await;
        let id = sqlx::query_scalar("SELECT id FROM organisations WHERE name LIKE '%Diéma%'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        store.close().await;
        id
    };
    let verify = format!("/moderation/organisations/{org_id}/verify");
    assert_eq!(member.forge(&verify, &[]).await.status, 403);
    assert_eq!(
        moderator
            .submit(
                &queue
                    .form_by_button("Vérifier", Some(&verify))
                    .tampered("csrf", None)
            )
            .await
            .status,
        403,
        "CSRF"
    );
    assert_eq!(
        moderator
            .press("/moderation", "Vérifier", Some(&verify))
            .await
            .status,
        303
    );
    let eml = wait_for_mail(&db, DIEMA).await;
    assert!(
        eml.contains("Diéma") || eml.contains("Di=C3=A9ma"),
        "the member is told: {eml}"
    );
    assert_eq!(
        public.get(&path).await.status,
        200,
        "its postings are public now"
    );
    wait_for(
        &public,
        "/projects?q=diema",
        path.trim_start_matches("/projects/"),
        true,
    )
    .await;
    assert!(
        !moderator.get("/moderation").await.body.contains(&verify),
        "out of the queue"
    );

    // A report, hidden by a moderator, then restored; every action is in the audit log.
    let reported = public
        .forge(
            "/reports",
            &[
                ("content_kind", "mission"),
                ("content_ref", "D-M002"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(
        reported.status, 303,
        "anonymous visitors are sent to log in"
    );
    let reporter = WebClient::new(&server.base);
    login_as(&reporter, &db, "usttb@demo.passerelle.ml").await;
    let sent = reporter
        .submit_on("/missions/D-M002", &[("reason", "Annonce en double")])
        .await;
    assert_eq!(sent.status, 303);
    let queue = moderator.get("/moderation").await;
    assert!(queue.body.contains("Annonce en double"));
    let report_id: i64 = {
        let store = db.connect().await;
        let id = sqlx::query_scalar("SELECT id FROM content_reports WHERE ref = 'D-M002'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        store.close().await;
        id
    };
    assert_eq!(
        reporter
            .forge(&format!("/moderation/reports/{report_id}/hide"), &[])
            .await
            .status,
        403
    );
    assert_eq!(
        moderator
            .press(
                "/moderation",
                "Masquer",
                Some(&format!("/moderation/reports/{report_id}/")),
            )
            .await
            .status,
        303
    );
    assert_eq!(
        public.get("/missions/D-M002").await.status,
        404,
        "hidden from the public"
    );
    assert_eq!(
        moderator.get("/missions/D-M002").await.status,
        200,
        "moderators still see it"
    );
    wait_for(&public, "/missions", "/missions/D-M002\"", false).await;
    assert_eq!(
        moderator
            .press(
                "/moderation",
                "Rétablir",
                Some(&format!("/moderation/reports/{report_id}/")),
            )
            .await
            .status,
        303
    );
    assert_eq!(public.get("/missions/D-M002").await.status, 200, "restored");
    let audit = moderator.get("/moderation").await;
    assert!(
        audit.body.contains("mission:D-M002"),
        "the audit log names the target"
    );
    let entries: i64 = {
        let store = db.connect().await;
        let n = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        store.close().await;
        n
    };
    assert_eq!(entries, 3, "verify, hide, restore");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(moderation_on, moderation_flow);
