//! Connections and pledges through the JSON API, on the real server: invitations within
//! their limits (409 for the same posting, 429 past two a month), interests, answers with
//! contact details shared once accepted, and pledges confirmed by the association only.

use reqwest::Method;
use serde_json::{Value, json};

use crate::api::{USTTB, YELIMANE, token};
use crate::api_client::{Body, Who, call, status_of};
use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

fn invite(expert: &str) -> Body<'static> {
    Body::Json(json!({"expert": expert, "message": "Seriez-vous disponible ?"}))
}

async fn connections(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let base = server.base.as_str();
    let owner = token(&db, USTTB, "write");
    let reader = token(&db, USTTB, "read");
    let assoc = token(&db, YELIMANE, "write");
    use Method as M;

    // Invitations: the posting's organisation, once per expert and posting, twice a month.
    let path = "/api/v1/missions/D-M001/invite";
    assert_eq!(
        status_of(base, M::POST, path, Who::Anon, invite("D-E002")).await,
        401
    );
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&reader), invite("D-E002")).await,
        403
    );
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&assoc), invite("D-E002")).await,
        403
    );
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&owner), invite("NOPE")).await,
        404
    );
    let (s, c) = call(base, M::POST, path, Who::Bearer(&owner), invite("D-E002")).await;
    assert_eq!((s, c["status"].as_str()), (201, Some("pending")), "{c}");
    assert!(c["contact"].is_null(), "no contact before acceptance");
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&owner), invite("D-E002")).await,
        409
    );
    let (s, _) = call(
        base,
        M::POST,
        "/api/v1/missions/D-M008/invite",
        Who::Bearer(&owner),
        invite("D-E002"),
    )
    .await;
    assert_eq!(s, 201);
    let (s, p) = call(
        base,
        M::POST,
        "/api/v1/missions/D-M016/invite",
        Who::Bearer(&owner),
        invite("D-E002"),
    )
    .await;
    assert_eq!(s, 429, "{p}");

    // The invited expert (the demo account owns D-E001) declines; the inviter cannot answer.
    let (s, inv) = call(base, M::POST, path, Who::Bearer(&owner), invite("D-E001")).await;
    assert_eq!(s, 201);
    let id = inv["id"].as_i64().unwrap();
    assert_eq!(
        status_of(
            base,
            M::POST,
            &format!("/api/v1/connections/{id}/accept"),
            Who::Bearer(&owner),
            Body::Empty
        )
        .await,
        403
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            &format!("/api/v1/connections/{id}/accept"),
            Who::Bearer(&assoc),
            Body::Empty
        )
        .await,
        404
    );
    let expert = WebClient::new(base);
    login_as(&expert, &db, "expert@demo.passerelle.ml").await;
    let (s, d) = call(
        base,
        M::POST,
        &format!("/api/v1/connections/{id}/decline"),
        Who::Session(&expert),
        Body::Empty,
    )
    .await;
    assert_eq!((s, d["status"].as_str()), (200, Some("declined")), "{d}");
    assert_eq!(
        status_of(
            base,
            M::POST,
            &format!("/api/v1/connections/{id}/accept"),
            Who::Session(&expert),
            Body::Empty
        )
        .await,
        409
    );

    // Interest: the expert's own session; the association accepts and contacts are shared.
    let interest = Body::Json(json!({"message": "Je connais bien Yélimané."}));
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects/D-P001/interest",
            Who::Anon,
            Body::Json(json!({}))
        )
        .await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects/D-P001/interest",
            Who::Bearer(&owner),
            Body::Json(json!({}))
        )
        .await,
        403
    );
    let (s, c) = call(
        base,
        M::POST,
        "/api/v1/projects/D-P001/interest",
        Who::Session(&expert),
        interest,
    )
    .await;
    assert_eq!(
        (s, c["initiated_by"].as_str()),
        (201, Some("expert")),
        "{c}"
    );
    let id = c["id"].as_i64().unwrap();
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects/D-P001/interest",
            Who::Session(&expert),
            Body::Json(json!({}))
        )
        .await,
        409
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            "/api/v1/projects/NOPE/interest",
            Who::Session(&expert),
            Body::Json(json!({}))
        )
        .await,
        404
    );
    let (s, list) = call(
        base,
        M::GET,
        "/api/v1/connections",
        Who::Bearer(&assoc),
        Body::Empty,
    )
    .await;
    assert_eq!(s, 200);
    let mine: &Value = list
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .expect("listed");
    assert_eq!(
        (
            mine["awaiting_me"].as_bool(),
            mine["counterpart_ref"].as_str()
        ),
        (Some(true), Some("D-E001"))
    );
    assert!(mine["contact"].is_null());
    assert_eq!(
        status_of(
            base,
            M::POST,
            &format!("/api/v1/connections/{id}/accept"),
            Who::Session(&expert),
            Body::Empty
        )
        .await,
        403,
        "not the starter"
    );
    let (s, a) = call(
        base,
        M::POST,
        &format!("/api/v1/connections/{id}/accept"),
        Who::Bearer(&assoc),
        Body::Empty,
    )
    .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("accepted")), "{a}");
    assert!(
        a["contact"]["email"].is_string(),
        "contact once accepted: {a}"
    );
    let (s, list) = call(
        base,
        M::GET,
        "/api/v1/connections",
        Who::Session(&expert),
        Body::Empty,
    )
    .await;
    assert_eq!(s, 200);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == id && x["status"] == "accepted")
    );
    assert_eq!(
        status_of(base, M::GET, "/api/v1/connections", Who::Anon, Body::Empty).await,
        401
    );
    let moderator = WebClient::new(base);
    login_as(&moderator, &db, "moderation@demo.passerelle.ml").await;
    assert_eq!(
        status_of(
            base,
            M::GET,
            "/api/v1/connections",
            Who::Session(&moderator),
            Body::Empty
        )
        .await,
        403
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(connections_on, connections);

async fn pledges(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let base = server.base.as_str();
    let owner = token(&db, USTTB, "write");
    let assoc = token(&db, YELIMANE, "write");
    let assoc_reader = token(&db, YELIMANE, "read");
    use Method as M;
    let expert = WebClient::new(base);
    login_as(&expert, &db, "expert@demo.passerelle.ml").await;
    let path = "/api/v1/projects/D-P001/pledges";

    let pledge = || {
        Body::Json(json!({"amount_eur": 500, "skills": "hydrogéologie", "message": "Bon courage"}))
    };
    assert_eq!(
        status_of(base, M::POST, path, Who::Anon, pledge()).await,
        401
    );
    assert_eq!(
        status_of(base, M::POST, path, Who::Bearer(&owner), pledge()).await,
        403,
        "people pledge, not tokens"
    );
    let (s, p) = call(
        base,
        M::POST,
        path,
        Who::Session(&expert),
        Body::Json(json!({"message": "rien"})),
    )
    .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("amount_eur"))
    );
    let (s, _) = call(
        base,
        M::POST,
        path,
        Who::Session(&expert),
        Body::Json(json!({"amount_eur": 20_000_000})),
    )
    .await;
    assert_eq!(s, 422);
    let (s, made) = call(base, M::POST, path, Who::Session(&expert), pledge()).await;
    assert_eq!(
        (s, made["status"].as_str(), made["amount_eur"].as_i64()),
        (201, Some("pending"), Some(500)),
        "{made}"
    );
    let id = made["id"].as_i64().unwrap();

    // The association lists and confirms; others are refused.
    assert_eq!(
        status_of(base, M::GET, path, Who::Anon, Body::Empty).await,
        401
    );
    assert_eq!(
        status_of(base, M::GET, path, Who::Bearer(&owner), Body::Empty).await,
        403
    );
    let (s, list) = call(base, M::GET, path, Who::Bearer(&assoc_reader), Body::Empty).await;
    assert_eq!(s, 200);
    assert_eq!(list[0]["id"].as_i64(), Some(id));
    let confirm = format!("{path}/{id}/confirm");
    assert_eq!(
        status_of(base, M::POST, &confirm, Who::Anon, Body::Empty).await,
        401
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            &confirm,
            Who::Bearer(&assoc_reader),
            Body::Empty
        )
        .await,
        403
    );
    assert_eq!(
        status_of(base, M::POST, &confirm, Who::Bearer(&owner), Body::Empty).await,
        403
    );
    assert_eq!(
        status_of(
            base,
            M::POST,
            &format!("{path}/999999/confirm"),
            Who::Bearer(&assoc),
            Body::Empty
        )
        .await,
        404
    );
    let (s, c) = call(base, M::POST, &confirm, Who::Bearer(&assoc), Body::Empty).await;
    assert_eq!((s, c["status"].as_str()), (200, Some("confirmed")), "{c}");
    let (_, project) = call(
        base,
        M::GET,
        "/api/v1/projects/D-P001",
        Who::Anon,
        Body::Empty,
    )
    .await;
    assert!(project["pledged_confirmed_eur"].as_i64().unwrap() >= 500);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(pledges_on, pledges);
