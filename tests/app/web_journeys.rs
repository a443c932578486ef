//! The five journeys of `browser_journeys`, walked through the form-following HTTP client on
//! both engines: every step GETs a page, follows the links it shows and submits the forms it
//! renders to their own action with their own hidden fields.

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_experts::wait_for_mail;

async fn visitor(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let visitor = WebClient::new(&server.base);
    let home = visitor.get("/").await;
    let missions = visitor.follow(&home, "Missions").await;
    let mut search = missions.form_with(&["q"]);
    search.set("q", "hydrogéologie");
    let found = visitor.submit(&search).await;
    assert_eq!(found.status, 200);
    let mission = found.link_to(|h| h.starts_with("/missions/D-M"));
    let detail = visitor.get(&mission).await;
    assert_eq!(detail.status, 200);
    let projects = visitor.follow(&detail, "Projets").await;
    let project = visitor
        .get(&projects.link_to(|h| h.starts_with("/projects/D-P")))
        .await;
    assert!(project.body.contains("<progress"), "a funding bar");
    let stats = visitor.follow(&project, "Statistiques").await;
    assert_eq!(stats.status, 200);
    assert!(stats.body.contains("<svg"), "maps and charts");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(visitor_on, visitor);

async fn expert(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let expert = WebClient::new(&server.base);
    let email = "mariam.sissoko@example.org";
    let home = expert.get("/").await;
    let signup = expert.follow(&home, "Créer un compte").await;
    let mut form = signup.form_with(&["role", "name", "email", "password"]);
    form.fill(&[
        ("role", "expert"),
        ("name", "Mariam Sissoko"),
        ("email", email),
        ("password", "karité et baobab 2027"),
    ]);
    let created = expert.submit(&form).await;
    assert_eq!(
        created.location.as_deref(),
        Some("/login"),
        "check the mailbox"
    );

    let eml = wait_for_mail(&db, email)
        .await
        .replace("=\r\n", "")
        .replace("=3D", "=");
    let at = eml
        .find("/verify-email?token=")
        .expect("a verification link");
    let link: String = eml[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.".contains(*c))
        .collect();
    let verified = expert.get(&link).await;
    assert_eq!(
        verified.location.as_deref(),
        Some("/me"),
        "address verified, signed in"
    );

    let saved = expert
        .submit_on(
            "/me/profile",
            &[
                ("headline", "Hydrogéologue, BRGM Orléans"),
                (
                    "skills",
                    "hydrogéologie\nprospection géophysique électrique\nessais de pompage",
                ),
                ("languages", "fr"),
                ("residence_country", "FR"),
                ("home_region", "kayes"),
            ],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some("/me"), "{}", saved.body);
    let me = expert
        .until("/me", |p| p.body.contains("class=\"reasons\""))
        .await;
    let mission = me.link_to(|h| h.starts_with("/missions/D-M"));
    let interested = expert
        .submit_on(
            &mission,
            &[("message", "Disponible trois semaines en juin.")],
        )
        .await;
    assert_eq!(interested.status, 303);

    // The university invites her from one of its missions' pages.
    let usttb = WebClient::new(&server.base);
    usttb.sign_in("usttb@demo.passerelle.ml").await;
    let dashboard = usttb.get("/organisation").await;
    let mut invited = false;
    // Her profile reaches the search index within a moment.
    'search: for _ in 0..40 {
        for (_, href) in dashboard.links() {
            if href.starts_with("/missions/D-M")
                && usttb
                    .get(&href)
                    .await
                    .has_button("Inviter Mariam Sissoko", None)
            {
                let sent = usttb.press(&href, "Inviter Mariam Sissoko", None).await;
                assert_eq!(sent.status, 303);
                invited = true;
                break 'search;
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        invited,
        "a mission of the university suggests her (interest sent on {mission})"
    );
    let accepted = expert.press("/me", "Accepter", None).await;
    assert_eq!(accepted.status, 303);
    let me = expert.get("/me").await;
    assert!(
        me.body.contains("mailto:usttb@demo.passerelle.ml"),
        "contact after acceptance"
    );
    let report = expert.follow(&me, "compte rendu").await;
    let mut form = report.form_with(&["what_done", "people_trained"]);
    form.fill(&[
        ("what_done", "Cours de géophysique, terrain à Kati."),
        ("people_trained", "18"),
    ]);
    assert_eq!(expert.submit(&form).await.status, 303);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(expert_on, expert);

async fn university(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    member.sign_in("usttb@demo.passerelle.ml").await;
    let dashboard = member.get("/organisation").await;
    let new = member.follow(&dashboard, "Publier une mission").await;
    let mut form = new.form_with(&["title", "start", "end"]);
    form.fill(&[
        ("title", "Télédétection des zones humides"),
        (
            "description",
            "Deux semaines de cours et de travaux pratiques.",
        ),
        ("skills", "télédétection\nhydrogéologie"),
        ("language", "fr"),
        ("region", "mopti"),
        ("start", "2027-03-20"),
        ("end", "2027-03-01"),
        ("mode", "onsite"),
    ]);
    let refused = member.submit(&form).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("id=\"f-end-err\""),
        "the end date is named"
    );
    let mut again = refused.form_with(&["title", "end"]);
    assert_eq!(
        again.value("title"),
        Some("Télédétection des zones humides"),
        "typed values stay"
    );
    again.set("end", "2027-04-02");
    let created = member.submit(&again).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let path = created.location.clone().unwrap();
    let draft = member.get(&path).await;
    let edit = member.follow(&draft, "Modifier").await;
    let mut form = edit.form_with(&["title"]);
    form.set("title", "Télédétection des zones humides du delta");
    assert_eq!(member.submit(&form).await.status, 303);
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);
    let ranked = member.until(&path, |p| p.has_button("Inviter", None)).await;
    assert!(ranked.body.contains("class=\"reasons\""), "with reasons");
    let invite = ranked.form_by_button("Inviter", None);
    let sent = member.submit(&invite).await;
    assert_eq!(sent.status, 303);
    assert!(member.get(&path).await.body.contains("Invitation envoyée"));
    drop(server);
    db.drop_db().await;
}
on_both_engines!(university_on, university);

async fn association(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    member.sign_in("yelimane@demo.passerelle.ml").await;
    let dashboard = member.get("/organisation").await;
    let new = member.follow(&dashboard, "Proposer un projet").await;
    let mut form = new.form_with(&["title", "funding_sought_eur"]);
    form.fill(&[
        ("title", "Moulin à céréales de Kremis"),
        (
            "description",
            "Un moulin pour soulager les femmes du village.",
        ),
        ("sector", "agriculture"),
        ("skills", "mécanique agricole"),
        ("region", "kayes"),
        ("commune", "Kremis"),
        ("budget_eur", "8000"),
        ("funding_sought_eur", "6000"),
    ]);
    let created = member.submit(&form).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let path = created.location.clone().unwrap();
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);

    let expert = WebClient::new(&server.base);
    expert.sign_in("expert@demo.passerelle.ml").await;
    let pledged = expert
        .submit_on(
            &path,
            &[("amount_eur", "1500"), ("pledge_message", "Pour la meule.")],
        )
        .await;
    assert_eq!(pledged.status, 303);
    let before = member.get(&path).await;
    assert!(before.body.contains("Pour la meule."));
    assert_eq!(member.press(&path, "Confirmer", None).await.status, 303);
    let after = member.get(&path).await;
    assert!(
        after.body.contains("value=\"150000\"") || after.body.contains("1\u{202f}500"),
        "the bar moved"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(association_on, association);

async fn moderator(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let reporter = WebClient::new(&server.base);
    reporter.sign_in("usttb@demo.passerelle.ml").await;
    let flagged = reporter
        .submit_on("/missions/D-M002", &[("reason", "Annonce en double")])
        .await;
    assert_eq!(flagged.status, 303);

    let moderator = WebClient::new(&server.base);
    moderator.sign_in("moderation@demo.passerelle.ml").await;
    let queue = moderator.get("/moderation").await;
    let org_id = {
        let store = db.connect().await;
        let id: i64 = sqlx::query_scalar("SELECT id FROM organisations WHERE name LIKE '%Diéma%'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        store.close().await;
        id
    };
    let verify = queue.form_by_button("Vérifier", Some(&format!("/organisations/{org_id}/")));
    assert_eq!(moderator.submit(&verify).await.status, 303);
    assert_eq!(
        moderator.press("/moderation", "Masquer", None).await.status,
        303
    );
    let log = moderator.get("/moderation").await;
    assert!(
        log.body.contains("mission:D-M002"),
        "the audit log names the target"
    );
    assert_eq!(
        WebClient::new(&server.base)
            .get("/missions/D-M002")
            .await
            .status,
        404
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(moderator_on, moderator);
