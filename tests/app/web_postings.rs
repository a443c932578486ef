//! Missions and projects through the real server: search with facets, detail pages by
//! viewer, ownership checks, publish/close, invitations and their limits, pledges.

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_experts::wait_for_mail;
use crate::web_session::login_as;

const USTTB: &str = "usttb@demo.passerelle.ml";
const YELIMANE: &str = "yelimane@demo.passerelle.ml";
const EXPERT: &str = "expert@demo.passerelle.ml";

/// Waits until an `.eml` file addressed to `to` contains `needle`.
async fn wait_for_mail_containing(db: &TestDb, to: &str, needle: &str) -> String {
    let dir = db.dir.path().join("mail");
    for _ in 0..100 {
        for e in std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            if let Ok(text) = std::fs::read_to_string(e.path())
                && text.contains(&format!("To: {to}"))
                && text.replace("=\r\n", "").contains(needle)
            {
                return text;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no mail to {to} containing {needle}");
}

async fn wait_until_absent(client: &WebClient, path: &str, needle: &str) {
    for _ in 0..100 {
        if !client.get(path).await.body.contains(needle) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{needle} still on {path}");
}

async fn search_detail_and_ownership(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let public = WebClient::new(&server.base);

    let all = public.get("/missions").await;
    assert_eq!(all.status, 200);
    assert!(
        all.body.contains("/missions/D-M001"),
        "published demo missions are listed"
    );
    let found = public.get("/missions?q=g%C3%A9ophysique").await;
    assert!(
        found.body.contains("/missions/D-M001"),
        "free text finds the geophysics mission"
    );
    let found_en = public.get("/missions?q=hydrogeology").await;
    assert!(
        found_en.body.contains("/missions/D-M001"),
        "English wording finds the French mission"
    );
    let remote = public.get("/missions?q=&language=en").await;
    assert!(
        remote.body.contains("/missions/D-M016") && !remote.body.contains("/missions/D-M001\""),
        "language facet"
    );
    let kayes = public.get("/projects?region=kayes").await;
    assert_eq!(kayes.status, 200);
    assert!(
        kayes.body.contains("/projects/D-P001"),
        "Yélimané is in Kayes"
    );
    assert!(
        !kayes.body.contains("/projects/D-P013"),
        "Bougouni (Sikasso) is not"
    );

    let detail = public.get("/missions/D-M001").await;
    assert_eq!(detail.status, 200);
    assert!(detail.body.contains("Géophysique"));
    assert!(
        !detail.body.contains("name=\"expert\""),
        "no ranked experts for the public"
    );
    assert_eq!(public.get("/missions/NOPE").await.status, 404);

    let owner = WebClient::new(&server.base);
    login_as(&owner, &db, USTTB).await;
    let mine = owner.get("/missions/D-M001").await;
    assert_eq!(mine.status, 200);
    assert!(
        mine.body.contains("name=\"expert\" value=\"D-E001\""),
        "the owner sees ranked experts with invite buttons"
    );
    assert!(mine.body.contains("hydrog"), "with their reasons");

    let other = WebClient::new(&server.base);
    login_as(&other, &db, YELIMANE).await;
    assert_eq!(
        other.forge("/missions/D-M001/close", &[]).await.status,
        403,
        "another organisation may not close it"
    );
    assert_eq!(
        other
            .forge("/missions/D-M001/invite", &[("expert", "D-E001")])
            .await
            .status,
        403
    );
    assert_eq!(
        public.forge("/missions/D-M001/close", &[]).await.status,
        303,
        "anonymous: sent to log in"
    );
    let still = public.get("/missions/D-M001").await;
    assert!(!still.body.contains("badge closed"), "nothing changed");

    // Drafts are invisible to everyone but their organisation.
    let store = db.connect().await;
    let mut tx = store.pool.begin().await.unwrap();
    passerelle::store::missions::set_status(
        &mut tx,
        store.backend,
        "D-M008",
        passerelle::domain::MissionStatus::Draft,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(public.get("/missions/D-M008").await.status, 404);
    assert_eq!(other.get("/missions/D-M008").await.status, 404);
    assert_eq!(
        other.forge("/missions/D-M008/publish", &[]).await.status,
        404,
        "not even its existence leaks"
    );
    assert_eq!(owner.get("/missions/D-M008").await.status, 200);
    wait_until_absent(&public, "/missions?q=satellite", "/missions/D-M008").await;

    // Publishing tells the best-matching experts (D-E001's account wants mail at once).
    let published = owner.press("/missions/D-M008", "Publier", None).await;
    assert_eq!(published.status, 303);
    let page = public.get("/missions/D-M008").await;
    assert_eq!(page.status, 200, "public again once published");

    assert_eq!(
        other.forge("/missions/D-M016/fill", &[]).await.status,
        403,
        "only the owner marks it filled"
    );
    assert_eq!(
        owner
            .press("/missions/D-M016", "Marquer comme pourvu", None)
            .await
            .status,
        303
    );
    assert!(
        owner
            .get("/missions/D-M016")
            .await
            .body
            .contains("badge filled"),
        "filled"
    );
    let closed = owner.press("/missions/D-M001", "Clore", None).await;
    assert_eq!(closed.status, 303);
    wait_until_absent(&public, "/missions?q=g%C3%A9ophysique", "/missions/D-M001").await;
    assert_eq!(
        public.get("/missions/D-M001").await.status,
        200,
        "a closed mission keeps its page"
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(search_and_ownership_on, search_detail_and_ownership);

async fn invitations_and_pledges(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let owner = WebClient::new(&server.base);
    login_as(&owner, &db, USTTB).await;

    // The page before the invitation, kept as a stale tab would keep it.
    let stale = owner.get("/missions/D-M001").await;
    let first = owner
        .press("/missions/D-M001", "Inviter", Some("D-E001"))
        .await;
    assert_eq!(first.status, 303);
    let eml = wait_for_mail(&db, EXPERT).await;
    assert!(
        eml.contains("vous invite") || eml.contains("invites you"),
        "{eml}"
    );
    let page = owner.get("/missions/D-M001").await;
    assert!(
        page.body.contains("Invitation envoyée"),
        "a flash, and D-E001 marked invited"
    );
    assert!(
        !page.body.contains("name=\"expert\" value=\"D-E001\""),
        "no second invite button for D-E001"
    );

    let again = owner
        .submit(&stale.form_by_button("Inviter", Some("D-E001")))
        .await;
    assert_eq!(again.status, 303);
    let shown = owner.get("/missions/D-M001").await;
    assert!(shown.body.contains("déjà été invité"), "once per posting");
    // Two more of its missions that suggest D-E001, found from the dashboard's links.
    let dashboard = owner.get("/organisation").await;
    let mut suggesting = Vec::new();
    for (_, href) in dashboard.links() {
        if !href.starts_with("/missions/D-M")
            || href == "/missions/D-M001"
            || suggesting.contains(&href)
        {
            continue;
        }
        if owner.get(&href).await.has_button("Inviter", Some("D-E001")) {
            suggesting.push(href);
        }
        if !suggesting.is_empty() {
            break;
        }
    }
    assert_eq!(suggesting.len(), 1, "another mission suggests D-E001");
    // And a new one, posted and published through its forms.
    let created = owner
        .submit_on(
            "/missions/new",
            &[
                ("title", "Hydrogéologie des aquifères de socle"),
                ("description", "Cours et terrain."),
                ("skills", "hydrogéologie\nprospection géophysique"),
                ("language", "fr"),
                ("region", "koulikoro"),
                ("start", "2027-05-03"),
                ("end", "2027-05-21"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let new_mission = created.location.clone().expect("the new mission's page");
    assert_eq!(owner.press(&new_mission, "Publier", None).await.status, 303);
    suggesting.push(new_mission);
    let second = owner.press(&suggesting[0], "Inviter", Some("D-E001")).await;
    assert_eq!(second.status, 303);
    assert!(
        owner
            .get(&suggesting[0])
            .await
            .body
            .contains("Invitation envoyée")
    );
    let third = owner.press(&suggesting[1], "Inviter", Some("D-E001")).await;
    assert_eq!(third.status, 303);
    assert!(
        owner
            .get(&suggesting[1])
            .await
            .body
            .contains("deux fois ce mois-ci"),
        "twice a month per organisation"
    );
    let store = db.connect().await;
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM connections WHERE initiated_by = 'organisation'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
    assert_eq!(rows, 2, "the refused invitations wrote nothing");

    // Pledges: an expert pledges, the association confirms, the totals move.
    let expert = WebClient::new(&server.base);
    login_as(&expert, &db, EXPERT).await;
    let bad = expert
        .submit_on(
            "/projects/D-P001",
            &[("amount_eur", "beaucoup"), ("skill_offer", "")],
        )
        .await;
    assert_eq!(bad.status, 303);
    assert!(
        expert
            .get("/projects/D-P001")
            .await
            .body
            .contains("nombre entier"),
        "the error is shown"
    );
    let ok = expert
        .submit_on(
            "/projects/D-P001",
            &[
                ("amount_eur", "1 500"),
                ("skill_offer", "hydrogéologie"),
                ("pledge_message", "Pour les bornes-fontaines"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
    let pledge_id: i64 = sqlx::query_scalar("SELECT id FROM pledges WHERE amount_cents = 150000")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    let association = WebClient::new(&server.base);
    login_as(&association, &db, YELIMANE).await;
    let before = association.get("/projects/D-P001").await;
    assert!(
        before.body.contains("Pour les bornes-fontaines"),
        "the association sees the pledge"
    );
    assert_eq!(
        owner
            .forge(
                &format!("/projects/D-P001/pledges/{pledge_id}/confirm"),
                &[]
            )
            .await
            .status,
        403,
        "only the association confirms"
    );
    let confirmed = association
        .press(
            "/projects/D-P001",
            "Confirmer",
            Some(&format!("/pledges/{pledge_id}/")),
        )
        .await;
    assert_eq!(confirmed.status, 303);
    let (done, pending) = passerelle::store::pledges::totals(&store.pool, {
        passerelle::store::projects::get(&store.pool, "D-P001")
            .await
            .unwrap()
            .id
    })
    .await
    .unwrap();
    assert_eq!((done, pending), (150_000, 0));
    let eml = wait_for_mail_containing(&db, EXPERT, "est confirm").await;
    assert!(
        eml.contains("Yélimané") || eml.contains("Y=C3=A9liman=C3=A9"),
        "pledger told which project: {eml}"
    );
    let public = WebClient::new(&server.base);
    assert!(
        public.get("/projects").await.body.contains("1\u{202f}500"),
        "the card shows the confirmed amount"
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(invitations_and_pledges_on, invitations_and_pledges);
