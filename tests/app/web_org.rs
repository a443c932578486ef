//! Organisations through the real server: creating one after sign-up, its dashboard, and
//! posting missions and projects through the forms (validation, drafts, publication).

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

const USTTB: &str = "usttb@demo.passerelle.ml";
const YELIMANE: &str = "yelimane@demo.passerelle.ml";

async fn count(db: &TestDb, sql: &str) -> i64 {
    let store = db.connect().await;
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&store.pool)
        .await
        .unwrap();
    store.close().await;
    n
}

async fn mission_form_flow(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let owner = WebClient::new(&server.base);
    login_as(&owner, &db, USTTB).await;

    let dash = owner.get("/organisation").await;
    assert_eq!(dash.status, 200);
    assert!(
        dash.body.contains("/missions/D-M001"),
        "the dashboard lists the organisation's missions"
    );

    let form = owner.get("/missions/new").await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("datalist"),
        "skill suggestions without JavaScript"
    );
    let before = count(&db, "SELECT COUNT(*) FROM missions").await;
    let bad = owner
        .submit_on(
            "/missions/new",
            &[
                ("title", ""),
                ("description", "Cours"),
                ("skills", ""),
                ("language", ""),
                ("region", "kayes"),
                ("start", "2027-03-20"),
                ("end", "2027-03-01"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for field in ["title", "skills", "language", "end"] {
        assert!(
            bad.body.contains(&format!("id=\"f-{field}-err\"")),
            "error on {field}"
        );
    }
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM missions").await,
        before,
        "nothing written"
    );

    let ok = owner
        .submit_on(
            "/missions/new",
            &[
                ("title", "Atelier de télédétection des zones humides"),
                ("description", "Deux semaines de cours et de TP."),
                ("skills", "télédétection\nSIG"),
                ("skill_add", "remote sensing"),
                ("discipline", "géographie"),
                ("level", "master"),
                ("language", "fr"),
                ("region", "mopti"),
                ("start", "2027-03-01"),
                ("end", "2027-03-14"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let path = ok.location.clone().unwrap();
    assert!(path.starts_with("/missions/M-"), "{path}");
    let public = WebClient::new(&server.base);
    assert_eq!(
        public.get(&path).await.status,
        404,
        "a new mission is a draft"
    );
    let draft = owner.get(&path).await;
    assert_eq!(draft.status, 200);
    assert!(
        draft.body.contains("remote sensing"),
        "the suggested skill was added"
    );
    let other = WebClient::new(&server.base);
    login_as(&other, &db, YELIMANE).await;
    assert_eq!(other.get(&format!("{path}/edit")).await.status, 404);
    assert_eq!(
        other.get("/missions/new").await.status,
        403,
        "associations post projects, not missions"
    );
    assert_eq!(
        other.get("/missions/D-M001/edit").await.status,
        403,
        "another organisation's mission"
    );
    assert_eq!(
        other
            .forge("/missions/D-M001/edit", &[("title", "Piraté")])
            .await
            .status,
        403
    );

    // The owner reaches the edit form through the mission page's own link.
    let draft_page = owner.get(&path).await;
    let edit_link = draft_page.link("Modifier");
    let edited = owner
        .submit_on(
            &edit_link,
            &[
                (
                    "title",
                    "Atelier de télédétection des zones humides du delta",
                ),
                ("description", "Deux semaines."),
                ("skills", "télédétection\nSIG"),
                ("language", "fr"),
                ("region", "mopti"),
                ("start", "2027-03-01"),
                ("end", "2027-03-14"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(edited.status, 303);
    assert_eq!(owner.press(&path, "Publier", None).await.status, 303);
    assert_eq!(public.get(&path).await.status, 200, "published");
    let r = path.trim_start_matches("/missions/");
    let mut seen = false;
    for _ in 0..60 {
        if public.get("/missions?q=delta").await.body.contains(r) {
            seen = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(seen, "the published mission is found by search");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(mission_form_on, mission_form_flow);

async fn new_association_flow(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    let signed = member
        .submit_on(
            "/signup",
            &[
                ("role", "association"),
                ("name", "Mariam Keïta"),
                ("email", "mariam@example.org"),
                ("password", "une longue phrase de passe"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(
        signed.location.as_deref(),
        Some("/login"),
        "check the mailbox"
    );
    // She signs in with her password before opening the mail.
    let login = member.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "mariam@example.org"),
        ("password", "une longue phrase de passe"),
    ]);
    assert_eq!(member.submit(&form).await.status, 303);
    // Posting needs a verified address: the member follows the link of the mail.
    let eml = crate::web_experts::wait_for_mail(&db, "mariam@example.org")
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
    assert_eq!(
        member.get("/organisation").await.location.as_deref(),
        Some("/organisation/edit")
    );
    let taken = member
        .submit_on(
            "/organisation/edit",
            &[("name", "Union des ressortissants de Yélimané en France")],
        )
        .await;
    assert_eq!(taken.status, 422, "names are unique");
    let bad = member
        .submit_on(
            "/organisation/edit",
            &[
                ("name", "Ressortissants de Nara"),
                ("country", "ZZ"),
                ("website", "http://x"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"f-country-err\"") && bad.body.contains("id=\"f-website-err\""));
    let created = member
        .submit_on(
            "/organisation/edit",
            &[
                ("name", "Ressortissants de Nara à Paris"),
                ("city", "Paris"),
                ("country", "FR"),
                ("description", "Solidarité avec le cercle de Nara."),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(created.status, 303);
    let dash = member.get("/organisation").await;
    assert_eq!(dash.status, 200);
    assert!(
        dash.body.contains("Ressortissants de Nara à Paris") && dash.body.contains("badge pending")
    );

    let unverified = member
        .submit_on(
            "/projects/new",
            &[("title", "Forage pastoral à Nara"), ("region", "koulikoro")],
        )
        .await;
    assert_eq!(
        unverified.status, 403,
        "an unverified address posts nothing"
    );
    assert!(
        unverified
            .body
            .contains("Confirmez d’abord votre adresse e-mail")
    );
    assert_eq!(member.get(&link).await.status, 303, "address verified");
    let project = member
        .submit_on(
            "/projects/new",
            &[
                ("title", "Forage pastoral à Nara"),
                ("description", "Un forage pour les troupeaux."),
                ("sector", "water"),
                ("skills", "hydrogéologie"),
                ("region", "koulikoro"),
                ("commune", "Nara"),
                ("budget_eur", "30 000"),
                ("funding_sought_eur", "40 000"),
            ],
        )
        .await;
    assert_eq!(project.status, 422, "funding sought above the budget");
    assert!(project.body.contains("id=\"f-funding-sought-eur-err\""));
    let project = member
        .submit_on(
            "/projects/new",
            &[
                ("title", "Forage pastoral à Nara"),
                ("description", "Un forage pour les troupeaux."),
                ("sector", "water"),
                ("skills", "hydrogéologie"),
                ("region", "koulikoro"),
                ("commune", "Nara"),
                ("budget_eur", "30 000"),
                ("funding_sought_eur", "20 000"),
            ],
        )
        .await;
    assert_eq!(project.status, 303);
    let path = project.location.unwrap();
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);
    let public = WebClient::new(&server.base);
    assert_eq!(
        public.get(&path).await.status,
        404,
        "an unverified association's project stays private"
    );
    assert_eq!(member.get(&path).await.status, 200);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(new_association_on, new_association_flow);
