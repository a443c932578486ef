//! The experts' pages and the connections, through the real server with the demo data:
//! profile form, dashboard recommendations, directory access, contact privacy, interest,
//! answers, mails and post-mission reports.

mod flow;

use std::time::Duration;

use passerelle::store::connections::{ConnectionStatus, Initiator, NewConnection};
use passerelle::store::users::{self, NewUser, Role};
use passerelle::store::{connections, experts, missions};

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

pub(crate) const EXPERT: &str = "expert@demo.passerelle.ml";
pub(crate) const USTTB: &str = "usttb@demo.passerelle.ml";
pub(crate) const YELIMANE: &str = "yelimane@demo.passerelle.ml";
const DIEMA: &str = "diema@demo.passerelle.ml";
const MODERATOR: &str = "moderation@demo.passerelle.ml";

/// The demo expert D-E001's profile, edited.
fn profile_form<'a>(headline: &'a str, country: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Oumar Kanouté"),
        ("headline", headline),
        ("bio", "Hydrogéologue des milieux fissurés."),
        (
            "skills",
            "hydrogéologie des aquifères de socle\nprospection géophysique électrique",
        ),
        ("skill_add", "essais de pompage"),
        ("disciplines", "sciences de la terre"),
        ("languages", "fr"),
        ("languages", "bm"),
        ("other_languages", "snk"),
        ("residence_country", country),
        ("residence_city", "Poitiers"),
        ("home_region", "kayes"),
        ("home_commune", "Yélimané"),
        ("degree", "PhD"),
        ("avail_from_0", "2027-01-15"),
        ("avail_to_0", "2027-03-31"),
        ("modes", "onsite"),
        ("modes", "remote"),
        ("offers", "teaching"),
        ("phone", "+33 6 12 34 56 78"),
    ]
}

/// Waits until an `.eml` file under the data folder's `mail/` is addressed to `to`.
pub(crate) async fn wait_for_mail(db: &TestDb, to: &str) -> String {
    let dir = db.dir.path().join("mail");
    for _ in 0..100 {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.filter_map(Result::ok) {
                let path = e.path();
                if path.extension().is_some_and(|x| x == "eml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                    && text.contains(&format!("To: {to}"))
                {
                    return text;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no mail to {to} under {}", dir.display());
}

async fn profile_edit_round_trip(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let expert = WebClient::new(&server.base);
    login_as(&expert, &db, EXPERT).await;

    let form = expert.get("/me/profile").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Maître de conférences en hydrogéologie"));
    assert!(
        form.body
            .contains("<datalist id=\"skill-suggestions\"><option")
    );

    let saved = expert
        .submit_on(
            "/me/profile",
            &profile_form("Professeur en hydrogéologie", "FR"),
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.location.as_deref(), Some("/me"));
    let again = expert.get("/me/profile").await;
    assert!(again.body.contains("Professeur en hydrogéologie"));
    assert!(again.body.contains("essais de pompage"));
    assert!(again.body.contains("+33 6 12 34 56 78"));

    // A bad country and a window ending before it starts: 422, each field named, nothing written.
    let mut bad = profile_form("Titre qui ne doit pas être enregistré", "ZZ");
    bad.retain(|(k, _)| *k != "avail_to_0");
    bad.push(("avail_to_0", "2027-01-01"));
    let refused = expert.submit_on("/me/profile", &bad).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"f-residence-country-err\""));
    assert!(refused.body.contains("Code de pays inconnu"));
    assert!(refused.body.contains("id=\"f-avail-to-0-err\""));
    assert!(
        refused.body.contains("Titre qui ne doit pas"),
        "the typed values stay"
    );
    let store = db.connect().await;
    let stored = experts::get(&store.pool, "D-E001").await.unwrap();
    assert_eq!(stored.expert.headline, "Professeur en hydrogéologie");
    assert_eq!(stored.expert.residence_country, "FR");
    assert_eq!(stored.phone.as_deref(), Some("+33 6 12 34 56 78"));
    assert_eq!(stored.expert.skills.len(), 3);

    // A new expert account without a profile is sent to the form, then creates one.
    let mut conn = store.pool.acquire().await.unwrap();
    users::create(
        &mut conn,
        &NewUser {
            email: "awa@example.org".into(),
            password_hash: "x".into(),
            display_name: "Awa Traoré".into(),
            role: Role::Expert,
            organisation_id: None,
            lang: "fr".into(),
            email_verified: true,
        },
    )
    .await
    .unwrap();
    drop(conn);
    let awa = WebClient::new(&server.base);
    login_as(&awa, &db, "awa@example.org").await;
    let sent = awa.get("/me").await;
    assert_eq!(sent.status, 303);
    assert_eq!(sent.location.as_deref(), Some("/me/profile"));
    let created = awa
        .submit_on(
            "/me/profile",
            &[
                ("name", "Awa Traoré"),
                ("headline", "Pédiatre, CHU de Bordeaux"),
                ("skills", "pédiatrie\nnéonatologie"),
                ("languages", "fr"),
                ("residence_country", "fr"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let user = users::by_email(&store.pool, "awa@example.org")
        .await
        .unwrap();
    let mine = experts::of_user(&store.pool, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mine.expert.email, "awa@example.org");
    assert_eq!(mine.expert.residence_country, "FR");
    assert_eq!(awa.get("/me").await.status, 200);

    // The search index follows the change log: the new profile shows in the directory.
    let moderator = WebClient::new(&server.base);
    login_as(&moderator, &db, MODERATOR).await;
    let mut found = false;
    for _ in 0..50 {
        let list = moderator.get("/experts?q=n%C3%A9onatologie").await;
        if list.body.contains("Awa Traoré") {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(found, "the new expert is searchable");
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(profile_edit_round_trip_on, profile_edit_round_trip);

async fn dashboard_recommends_missions_with_reasons(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let expert = WebClient::new(&server.base);
    login_as(&expert, &db, EXPERT).await;
    let me = expert.get("/me").await;
    assert_eq!(me.status, 200);
    assert!(me.body.contains("Recommandé pour vous"));
    assert!(
        me.body.contains("href=\"/missions/D-M001\""),
        "D-M001 (groundwater geophysics) is recommended: {}",
        me.body
    );
    assert!(me.body.contains("Pourquoi") && me.body.contains("class=\"reasons\""));
    assert!(me.body.contains("Missions accomplies"));
    let english = expert
        .http()
        .get(format!("{}/me", server.base))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("Recommended for you") && english.contains("Why:"));

    // An invitation from USTTB waits on the dashboard; only the expert answers it.
    let store = db.connect().await;
    let e001 = experts::get(&store.pool, "D-E001").await.unwrap();
    let m001 = missions::get(&store.pool, "D-M001").await.unwrap();
    let mut conn = store.pool.acquire().await.unwrap();
    let id = connections::create(
        &mut conn,
        &NewConnection {
            expert_id: e001.id,
            organisation_id: m001.organisation_id,
            opportunity_kind: "mission",
            opportunity_ref: "D-M001".into(),
            initiated_by: Initiator::Organisation,
            message: Some("Venez enseigner chez nous.".into()),
        },
    )
    .await
    .unwrap();
    drop(conn);
    let me = expert.get("/me").await;
    assert!(
        me.body
            .contains(&format!("action=\"/connections/{id}/accept\""))
    );
    assert!(
        me.body
            .contains(&format!("action=\"/connections/{id}/decline\""))
    );
    let usttb = WebClient::new(&server.base);
    login_as(&usttb, &db, USTTB).await;
    let decline = format!("/connections/{id}/decline");
    assert_eq!(usttb.forge(&decline, &[]).await.status, 403);
    let declined = expert
        .press("/me", "Refuser", Some(&format!("/connections/{id}/")))
        .await;
    assert_eq!(declined.status, 303);
    assert_eq!(declined.location.as_deref(), Some("/me"));
    assert_eq!(
        connections::get(&store.pool, id).await.unwrap().status,
        ConnectionStatus::Declined
    );
    wait_for_mail(&db, USTTB).await;
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(
    dashboard_recommendations_on,
    dashboard_recommends_missions_with_reasons
);

async fn directory_is_for_verified_organisations(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let anonymous = WebClient::new(&server.base);
    for path in ["/experts", "/experts/D-E001"] {
        let r = anonymous.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        assert!(r.location.unwrap_or_default().starts_with("/login"));
    }
    for email in [EXPERT, DIEMA] {
        let c = WebClient::new(&server.base);
        login_as(&c, &db, email).await;
        assert_eq!(c.get("/experts").await.status, 403, "{email}");
        assert_eq!(c.get("/experts/D-E002").await.status, 403, "{email}");
    }
    for email in [USTTB, MODERATOR] {
        let c = WebClient::new(&server.base);
        login_as(&c, &db, email).await;
        let list = c.get("/experts").await;
        assert_eq!(list.status, 200, "{email}");
        assert!(list.body.contains("Oumar Kanouté"));
        let kayes = c.get("/experts?q=hydrog%C3%A9ologie&region=kayes").await;
        assert!(
            kayes.body.contains("href=\"/experts/D-E001\""),
            "{}",
            kayes.body
        );
        let profile = c.get("/experts/D-E001").await;
        assert_eq!(profile.status, 200);
        assert!(
            profile
                .body
                .contains("Maître de conférences en hydrogéologie")
        );
        assert!(
            profile
                .body
                .contains("hydrogéologie des aquifères de socle")
        );
        assert!(
            !profile.body.contains("o.kanoute@example.org"),
            "no contact"
        );
        assert!(
            profile
                .body
                .contains("<dt>Missions accomplies</dt><dd>0</dd>")
        );
    }
    drop(server);
    db.drop_db().await;
}
on_both_engines!(directory_access_on, directory_is_for_verified_organisations);
