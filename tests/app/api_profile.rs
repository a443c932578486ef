//! The expert's own profile and bulk import through the JSON API, on the real server:
//! the profile page's validation naming every field, the expert's session only; import by
//! moderators only, all or nothing, with the line and field of the first refusal.

use reqwest::Method;
use serde_json::json;

use crate::api::{USTTB, token};
use crate::api_client::{Body, Who, call, fields, status_of};
use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

async fn profile_and_import(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let base = server.base.as_str();
    let owner = token(&db, USTTB, "write");
    use Method as M;
    let expert = WebClient::new(base);
    login_as(&expert, &db, "expert@demo.passerelle.ml").await;

    // GET: the expert's own session only.
    assert_eq!(
        status_of(base, M::GET, "/api/v1/me/profile", Who::Anon, Body::Empty).await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::GET,
            "/api/v1/me/profile",
            Who::Bearer(&owner),
            Body::Empty
        )
        .await,
        403
    );
    let (s, mut me) = call(
        base,
        M::GET,
        "/api/v1/me/profile",
        Who::Session(&expert),
        Body::Empty,
    )
    .await;
    assert_eq!((s, me["ref"].as_str()), (200, Some("D-E001")), "{me}");

    // PUT: what GET gave can be sent back; every bad field is named.
    let mut bad = me.clone();
    bad["languages"] = json!(["xx"]);
    bad["residence_country"] = json!("ZZ");
    bad["availability"] = json!([{"from": "2027-06-10", "to": "2027-06-01"}]);
    bad["email"] = json!("other@example.org");
    let (s, p) = call(
        base,
        M::PUT,
        "/api/v1/me/profile",
        Who::Session(&expert),
        Body::Json(bad.clone()),
    )
    .await;
    assert_eq!(
        (s, fields(&p)),
        (422, vec!["email".to_string()]),
        "read-only first"
    );
    bad["email"] = me["email"].clone();
    let (s, p) = call(
        base,
        M::PUT,
        "/api/v1/me/profile",
        Who::Session(&expert),
        Body::Json(bad),
    )
    .await;
    assert_eq!(s, 422);
    for f in ["languages", "residence_country", "availability[0].to"] {
        assert!(fields(&p).contains(&f.to_string()), "{f} named: {p}");
    }
    me["headline"] = json!("Professeur d'hydrogéologie");
    me["phone"] = json!("+33 6 12 34 56 78");
    me["modes"] = json!(["remote"]);
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/me/profile",
            Who::Anon,
            Body::Json(me.clone())
        )
        .await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::PUT,
            "/api/v1/me/profile",
            Who::Bearer(&owner),
            Body::Json(me.clone())
        )
        .await,
        403
    );
    let (s, saved) = call(
        base,
        M::PUT,
        "/api/v1/me/profile",
        Who::Session(&expert),
        Body::Json(me),
    )
    .await;
    assert_eq!(s, 200, "{saved}");
    assert_eq!(saved["headline"], "Professeur d'hydrogéologie");
    assert_eq!(saved["modes"], json!(["remote"]));
    let (_, again) = call(
        base,
        M::GET,
        "/api/v1/me/profile",
        Who::Session(&expert),
        Body::Empty,
    )
    .await;
    assert_eq!(again["phone"], "+33 6 12 34 56 78");

    // Bulk import: moderators only; one bad line refuses the whole body.
    let moderator = WebClient::new(base);
    login_as(&moderator, &db, "moderation@demo.passerelle.ml").await;
    let good = r#"{"ref": "API-E1", "name": "Awa Diallo", "email": "awa@example.org", "headline": "Pédiatre", "skills": ["pédiatrie"], "languages": ["fr"], "residence_country": "FR"}"#;
    let wrong = r#"{"ref": "API-E2", "name": "Sékou Keita", "email": "sekou@example.org", "headline": "Agronome", "skills": ["agronomie"], "languages": ["fr"], "residence_country": "XX"}"#;
    let body = format!("{good}\n{wrong}\n");
    let path = "/api/v1/import/experts";
    assert_eq!(
        status_of(base, M::POST, path, Who::Anon, Body::Lines(&body)).await,
        401
    );
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&owner), Body::Lines(&body)).await,
        403
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            path,
            Who::Session(&expert),
            Body::Lines(&body)
        )
        .await,
        403
    );
    let (s, p) = call(
        base,
        M::POST,
        path,
        Who::Session(&moderator),
        Body::Lines(&body),
    )
    .await;
    assert_eq!(s, 422, "{p}");
    assert_eq!(
        (
            p["errors"][0]["line"].as_u64(),
            p["errors"][0]["field"].as_str()
        ),
        (Some(2), Some("residence_country"))
    );
    let (s, _) = call(
        base,
        M::GET,
        "/api/v1/experts/API-E1",
        Who::Session(&moderator),
        Body::Empty,
    )
    .await;
    assert_eq!(s, 404, "nothing written");
    let (s, p) = call(
        base,
        M::POST,
        path,
        Who::Session(&moderator),
        Body::Lines(&format!("{good}\n{}", wrong.replace("XX", "SN"))),
    )
    .await;
    assert_eq!((s, p["created"].as_u64()), (200, Some(2)), "{p}");
    let (s, _) = call(
        base,
        M::GET,
        "/api/v1/experts/API-E2",
        Who::Session(&moderator),
        Body::Empty,
    )
    .await;
    assert_eq!(s, 200);
    let line = json!({"ref": "API-M1", "institution": USTTB, "title": "Statistique", "description": "Un module.",
        "skills": ["statistique"], "language": "fr", "region": "Bamako", "start": "2027-01-10", "end": "2027-01-20", "mode": "onsite"});
    let (s, p) = call(
        base,
        M::POST,
        "/api/v1/import/missions",
        Who::Session(&moderator),
        Body::Lines(&line.to_string()),
    )
    .await;
    assert_eq!((s, p["created"].as_u64()), (200, Some(1)), "{p}");
    let (s, _) = call(
        base,
        M::POST,
        "/api/v1/import/people",
        Who::Session(&moderator),
        Body::Lines(""),
    )
    .await;
    assert_eq!(s, 400);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(profile_and_import_on, profile_and_import);
