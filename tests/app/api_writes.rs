//! Writing postings through the JSON API, on the real server: missions and projects and
//! their life cycle. Each endpoint's success, 401, 403/404 for another organisation, 422
//! naming the fields and 409 outside the life cycle. The expert's profile and bulk import
//! are in `api_profile`, connections and pledges in `api_connections`.

use reqwest::Method;
use serde_json::{Value, json};

use crate::api::{USTTB, YELIMANE, token};
use crate::api_client::{Body, Who, call, fields, status_of};
use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

fn mission() -> Value {
    json!({"title": "Cours de SIG", "description": "Deux semaines.", "skills": ["SIG"], "language": "fr",
           "region": "Kayes", "start": "2027-05-02", "end": "2027-05-14", "mode": "onsite"})
}

fn project() -> Value {
    json!({"title": "Forage à Diafounou", "description": "Un forage pour le village.", "sector": "water",
           "skills": ["hydrogéologie"], "region": "Kayes", "commune": "Diafounou",
           "budget_eur": 20000, "funding_sought_eur": 8000})
}

async fn postings(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let base = server.base.as_str();
    let owner = token(&db, USTTB, "write");
    let reader = token(&db, USTTB, "read");
    let assoc = token(&db, YELIMANE, "write");
    use Method as M;

    // PUT a mission: its institution only; the whole form is checked as on the page.
    let (s, m) = call(
        base,
        M::PUT,
        "/api/v1/missions/D-M001",
        Who::Bearer(&owner),
        Body::Json(mission()),
    )
    .await;
    assert_eq!((s, m["title"].as_str()), (200, Some("Cours de SIG")), "{m}");
    assert_eq!(m["status"], "published", "an edit keeps the status");
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/missions/D-M001",
            Who::Anon,
            Body::Json(mission())
        )
        .await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/missions/D-M001",
            Who::Bearer(&reader),
            Body::Json(mission())
        )
        .await,
        403
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/missions/D-M001",
            Who::Bearer(&assoc),
            Body::Json(mission())
        )
        .await,
        403
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/missions/D-M002",
            Who::Bearer(&owner),
            Body::Json(mission())
        )
        .await,
        403,
        "another institution's"
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/missions/NOPE",
            Who::Bearer(&owner),
            Body::Json(mission())
        )
        .await,
        404
    );
    let mut bad = mission();
    bad["title"] = json!(" ");
    bad["language"] = json!("xx");
    bad["end"] = json!("2027-05-01");
    let (s, p) = call(
        base,
        M::PUT,
        "/api/v1/missions/D-M001",
        Who::Bearer(&owner),
        Body::Json(bad),
    )
    .await;
    assert_eq!(s, 422);
    for f in ["title", "language", "end"] {
        assert!(fields(&p).contains(&f.to_string()), "{f} named: {p}");
    }

    // POST a project: associations only; a draft, private until published.
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects",
            Who::Anon,
            Body::Json(project())
        )
        .await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects",
            Who::Bearer(&owner),
            Body::Json(project())
        )
        .await,
        403
    );
    let mut over = project();
    over["funding_sought_eur"] = json!(30000);
    over["sector"] = json!("mining");
    let (s, p) = call(
        base,
        M::POST,
        "/api/v1/projects",
        Who::Bearer(&assoc),
        Body::Json(over),
    )
    .await;
    assert_eq!(s, 422);
    assert!(
        fields(&p).contains(&"funding_sought_eur".into()) && fields(&p).contains(&"sector".into()),
        "{p}"
    );
    let (s, created) = call(
        base,
        M::POST,
        "/api/v1/projects",
        Who::Bearer(&assoc),
        Body::Json(project()),
    )
    .await;
    assert_eq!(
        (s, created["status"].as_str()),
        (201, Some("draft")),
        "{created}"
    );
    let r = created["ref"].as_str().unwrap().to_string();
    let path = format!("/api/v1/projects/{r}");
    assert_eq!(
        status_of(base, M::GET, &path, Who::Anon, Body::Empty).await,
        404,
        "a draft is private"
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            &path,
            Who::Bearer(&owner),
            Body::Json(project())
        )
        .await,
        404,
        "others' drafts do not exist"
    );
    let mut edited = project();
    edited["title"] = json!("Deux forages à Diafounou");
    let (s, p) = call(base, M::PUT, &path, Who::Bearer(&assoc), Body::Json(edited)).await;
    assert_eq!(
        (s, p["title"].as_str()),
        (200, Some("Deux forages à Diafounou"))
    );

    // Life cycle: publish, then filled; read tokens and other organisations are refused.
    let status = format!("{path}/status");
    let publish = json!({"status": "published"});
    assert_eq!(
        status_of(
            base,
            M::POST,
            &status,
            Who::Anon,
            Body::Json(publish.clone())
        )
        .await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            &status,
            Who::Bearer(&owner),
            Body::Json(publish.clone())
        )
        .await,
        404
    );
    let (s, p) = call(
        base,
        M::POST,
        &status,
        Who::Bearer(&assoc),
        Body::Json(json!({"status": "draft"})),
    )
    .await;
    assert_eq!((s, fields(&p)), (422, vec!["status".to_string()]));
    let (s, p) = call(
        base,
        M::POST,
        &status,
        Who::Bearer(&assoc),
        Body::Json(publish.clone()),
    )
    .await;
    assert_eq!((s, p["status"].as_str()), (200, Some("published")));
    assert_eq!(
        status_of(base, M::GET, &path, Who::Anon, Body::Empty).await,
        200,
        "public once published"
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            &status,
            Who::Bearer(&owner),
            Body::Json(publish)
        )
        .await,
        403
    );
    let (s, p) = call(
        base,
        M::POST,
        "/api/v1/missions/D-M008/status",
        Who::Bearer(&owner),
        Body::Json(json!({"status": "filled"})),
    )
    .await;
    assert_eq!((s, p["status"].as_str()), (200, Some("filled")));
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/missions/D-M008/status",
            Who::Bearer(&reader),
            Body::Json(json!({"status": "closed"}))
        )
        .await,
        403
    );

    // The pages' life cycle: nothing goes back, a filled mission can still be closed.
    let step = |to: &'static str| Body::Json(json!({ "status": to }));
    let d_m008 = "/api/v1/missions/D-M008/status";
    assert_eq!(
        status_of(
            base,
            M::POST,
            d_m008,
            Who::Bearer(&owner),
            step("published")
        )
        .await,
        409
    );
    assert_eq!(
        status_of(base, M::POST, d_m008, Who::Bearer(&owner), step("closed")).await,
        200
    );
    let (s, p) = call(base, M::POST, d_m008, Who::Bearer(&owner), step("filled")).await;
    assert_eq!((s, p["status"].as_u64()), (409, Some(409)), "{p}");

    // The same write through a member's session (with the CSRF header).
    let member = WebClient::new(base);
    login_as(&member, &db, "yelimane@demo.passerelle.ml").await;
    let (s, _) = call(
        base,
        M::POST,
        "/api/v1/projects",
        Who::Session(&member),
        Body::Json(project()),
    )
    .await;
    assert_eq!(s, 201);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(postings_on, postings);
