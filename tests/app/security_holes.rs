//! The holes of the security review, each played as the attacker did (issue 18): an
//! unverified organisation reaching experts, an open redirect through control characters, a
//! rejected organisation staying listed.

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::{DEMO_PASSWORD, Reply, WebClient};

const DIEMA: &str = "diema@demo.passerelle.ml";
const MODERATOR: &str = "moderation@demo.passerelle.ml";

async fn sign_in(client: &WebClient, email: &str) {
    let login = client.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[("email", email), ("password", DEMO_PASSWORD)]);
    assert_eq!(client.submit(&form).await.status, 303, "{email} signs in");
}

async fn until(client: &WebClient, path: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
    for _ in 0..100 {
        let page = client.get(path).await;
        if ok(&page) {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    panic!("{path} never showed what was expected");
}

/// The unverified association posts and publishes a project through its forms.
async fn unverified_project(member: &WebClient) -> String {
    let created = member
        .submit_on(
            "/projects/new",
            &[
                ("title", "Forage de Diéma"),
                ("description", "Un forage profond."),
                ("sector", "water"),
                (
                    "skills",
                    "hydrogéologie\nprospection géophysique électrique",
                ),
                ("region", "kayes"),
                ("commune", "Diéma"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let path = created.location.clone().unwrap();
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);
    path
}

async fn unverified_organisation_reaches_nobody(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    sign_in(&member, DIEMA).await;
    let path = unverified_project(&member).await;
    let r = path.trim_start_matches("/projects/").to_string();

    // Its own page: no ranked experts, no invite button, and it says why.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let page = member.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(!page.has_button("Inviter", None), "no invite buttons");
    assert!(
        page.body.contains("attend la vérification d’un modérateur"),
        "it awaits verification: {}",
        page.body
    );
    // The API answers no ranked experts, and an invitation is refused.
    let csrf = member.csrf().await;
    let matches = member
        .http()
        .get(format!("{}/api/v1/projects/{r}/matches", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(matches.status(), 403, "the API ranks no experts for it");
    let invite = member
        .http()
        .post(format!("{}/api/v1/projects/{r}/invite", server.base))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"expert": "D-E001"}))
        .send()
        .await
        .unwrap();
    assert_eq!(invite.status(), 403, "the API invites nobody");
    assert_eq!(
        member
            .forge(&format!("{path}/invite"), &[("expert", "D-E001")])
            .await
            .status,
        403,
        "a forged page invitation is refused"
    );
    let store = db.connect().await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM connections")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0, "no connection, so no mail and no contact details");
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(
    unverified_organisation_on,
    unverified_organisation_reaches_nobody
);

async fn no_redirect_to_another_host(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let victim = WebClient::new(&server.base);
    for crafted in [
        "/lang/en?next=/%09/evil.example/phish",
        "/lang/en?next=/%0A/evil.example/phish",
        "/lang/en?next=/%0D%0A/evil.example",
        "/lang/fr?next=%2F%5C%2Fevil.example",
    ] {
        let answer = victim.get(crafted).await;
        assert_eq!(answer.status, 303, "{crafted}");
        assert_eq!(
            answer.location.as_deref(),
            Some("/"),
            "{crafted} stays home"
        );
    }
    // The same target through the login form a crafted link opens.
    let login = victim.get("/login?next=/%09/evil.example/phish").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "expert@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    let signed_in = victim.submit(&form).await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(signed_in.location.as_deref(), Some("/"));
    drop(server);
    db.drop_db().await;
}
on_both_engines!(open_redirect_on, no_redirect_to_another_host);

async fn rejected_organisation_is_delisted(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    sign_in(&member, DIEMA).await;
    let path = unverified_project(&member).await;
    let r = path.trim_start_matches("/projects/").to_string();
    let moderator = WebClient::new(&server.base);
    sign_in(&moderator, MODERATOR).await;
    let queue = moderator.get("/moderation").await;
    let verify = queue.form_by_button("Vérifier", None);
    let reject_path = verify.action.replace("/verify", "/reject");
    assert_eq!(moderator.submit(&verify).await.status, 303);
    let public = WebClient::new(&server.base);
    until(&public, "/projects?q=diema", |p| p.body.contains(&r)).await;
    assert!(
        public.get("/").await.body.contains(&r),
        "on the home page once verified"
    );

    // Rejected later (no page offers rejecting a verified organisation yet, so the moderator's
    // request is sent as the reviewer sent it): gone at once from search, the API and the
    // home page.
    assert_eq!(moderator.forge(&reject_path, &[]).await.status, 303);
    until(&public, "/projects?q=diema", |p| !p.body.contains(&r)).await;
    let home = public.get("/").await;
    assert!(!home.body.contains(&r), "not on the home page");
    let listed = public
        .http()
        .get(format!("{}/api/v1/projects?q=diema", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&r), "not in the API: {listed}");
    assert_eq!(
        public.get(&path).await.status,
        404,
        "its page is closed to the public"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(rejected_organisation_on, rejected_organisation_is_delisted);
