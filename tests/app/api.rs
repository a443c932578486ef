//! The JSON API through the real server: each endpoint's success, authentication and
//! authorisation failures, problem documents, pagination, tokens and their rate limit.

use serde_json::{Value, json};

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb, texts};
use crate::on_both_engines;
use crate::web::WebClient;
use crate::web_session::login_as;

pub const USTTB: &str =
    "Université des Sciences, des Techniques et des Technologies de Bamako (USTTB)";
pub const YELIMANE: &str = "Union des ressortissants de Yélimané en France";

/// A new API token of `organisation` with `scope`, made by the CLI.
pub fn token(db: &TestDb, organisation: &str, scope: &str) -> String {
    let out = db.run(&["token", "--organisation", organisation, "--scope", scope]);
    assert!(out.status.success(), "token: {}", texts(&out).1);
    texts(&out).0.trim().to_string()
}

struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    async fn get(&self, path: &str, bearer: Option<&str>) -> (u16, String, Value) {
        let mut req = self.http.get(format!("{}{path}", self.base));
        if let Some(t) = bearer {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let ct = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = res.json::<Value>().await.unwrap_or(Value::Null);
        (status, ct, body)
    }

    async fn post(&self, path: &str, bearer: Option<&str>, body: &Value) -> (u16, Value) {
        let mut req = self.http.post(format!("{}{path}", self.base)).json(body);
        if let Some(t) = bearer {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json::<Value>().await.unwrap_or(Value::Null))
    }
}

fn mission_body() -> Value {
    json!({"title": "Cours de SIG", "description": "Deux semaines.", "skills": ["SIG"], "language": "fr",
           "region": "Kayes", "start": "2027-05-02", "end": "2027-05-14", "mode": "onsite"})
}

async fn endpoints(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let api = Api {
        base: server.base.clone(),
        http: reqwest::Client::new(),
    };
    let owner = token(&db, USTTB, "write");
    let reader = token(&db, USTTB, "read");
    let other = token(&db, YELIMANE, "write");
    let unverified = token(
        &db,
        "Association des ressortissants de Diéma à Montreuil",
        "write",
    );

    // The document is OpenAPI 3.1, generated from the code.
    let (s, _, doc) = api.get("/api/v1/openapi.json", None).await;
    assert_eq!(s, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/api/v1/missions/{ref}/matches"]["get"].is_object());

    // Lists: public, paginated by cursor, with facets; bad parameters are problems naming the field.
    let (s, _, page) = api.get("/api/v1/missions?limit=5", None).await;
    assert_eq!(s, 200);
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let (_, _, next) = api
        .get(&format!("/api/v1/missions?limit=5&cursor={cursor}"), None)
        .await;
    assert_ne!(
        page["items"][0]["ref"], next["items"][0]["ref"],
        "the next page"
    );
    assert!(
        page["facets"]["region"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["value"] == "kayes")
    );
    let (s, ct, problem) = api.get("/api/v1/missions?limit=1000", None).await;
    assert_eq!((s, ct.as_str()), (422, "application/problem+json"));
    assert_eq!(problem["errors"][0]["field"], "limit");
    let (s, _, problem) = api.get("/api/v1/missions?limit=abc", None).await;
    assert_eq!(s, 400, "{problem}");
    let (s, _, projects) = api.get("/api/v1/projects?region=kayes", None).await;
    assert_eq!(s, 200);
    assert!(
        projects["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["ref"] == "D-P001")
    );

    // One record.
    let (s, _, m) = api.get("/api/v1/missions/D-M001", None).await;
    assert_eq!((s, m["ref"].as_str()), (200, Some("D-M001")));
    let (s, ct, _) = api.get("/api/v1/missions/NOPE", None).await;
    assert_eq!((s, ct.as_str()), (404, "application/problem+json"));
    let (s, _, p) = api.get("/api/v1/projects/D-P001", None).await;
    assert_eq!((s, p["region"].as_str()), (200, Some("kayes")));

    // Matches: only the posting organisation (or a moderator).
    assert_eq!(
        api.get("/api/v1/missions/D-M001/matches", None).await.0,
        401
    );
    assert_eq!(
        api.get("/api/v1/missions/D-M001/matches", Some(&other))
            .await
            .0,
        403
    );
    assert_eq!(
        api.get("/api/v1/missions/D-M001/matches", Some("psl_not-a-token"))
            .await
            .0,
        401
    );
    let (s, _, ranked) = api
        .get(
            "/api/v1/missions/D-M001/matches?limit=3&lang=en",
            Some(&reader),
        )
        .await;
    assert_eq!(s, 200);
    assert!(!ranked[0]["reasons"].as_array().unwrap().is_empty());
    let (s, _, ranked) = api
        .get("/api/v1/projects/D-P001/matches", Some(&other))
        .await;
    assert_eq!(s, 200, "{ranked}");

    // Experts: verified organisations only, contact hidden until connected.
    assert_eq!(api.get("/api/v1/experts/D-E001", None).await.0, 401);
    assert_eq!(
        api.get("/api/v1/experts/D-E001", Some(&unverified)).await.0,
        403
    );
    let (s, _, e) = api.get("/api/v1/experts/D-E001", Some(&reader)).await;
    assert_eq!(s, 200);
    assert!(e["email"].is_null() && e["phone"].is_null(), "{e}");

    // The expert's own matches need their session.
    assert_eq!(api.get("/api/v1/me/matches", Some(&owner)).await.0, 403);
    let expert = WebClient::new(&server.base);
    login_as(&expert, &db, "expert@demo.passerelle.ml").await;
    let mine = expert.get("/api/v1/me/matches?limit=3").await;
    assert_eq!(mine.status, 200);
    let mine: Value = serde_json::from_str(&mine.body).unwrap();
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|m| m["kind"] == "mission" || m["kind"] == "project")
    );

    // Writing: a write token of an institution; read tokens, associations and strangers are refused.
    assert_eq!(
        api.post("/api/v1/missions", None, &mission_body()).await.0,
        401
    );
    assert_eq!(
        api.post("/api/v1/missions", Some(&reader), &mission_body())
            .await
            .0,
        403
    );
    assert_eq!(
        api.post("/api/v1/missions", Some(&other), &mission_body())
            .await
            .0,
        403
    );
    let mut bad = mission_body();
    bad["start"] = json!("2027-13-45");
    let (s, problem) = api.post("/api/v1/missions", Some(&owner), &bad).await;
    assert_eq!(s, 422);
    assert_eq!(problem["errors"][0]["field"], "start");
    let mut unknown = mission_body();
    unknown["salary"] = json!(1);
    assert_eq!(
        api.post("/api/v1/missions", Some(&owner), &unknown).await.0,
        422,
        "unknown fields are refused"
    );
    let (s, created) = api
        .post("/api/v1/missions", Some(&owner), &mission_body())
        .await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(created["status"], "draft");
    let r = created["ref"].as_str().unwrap();
    assert_eq!(
        api.get(&format!("/api/v1/missions/{r}"), None).await.0,
        404,
        "a draft is private"
    );
    assert_eq!(
        api.get(&format!("/api/v1/missions/{r}"), Some(&reader))
            .await
            .0,
        200
    );

    // A browser session writes only with the CSRF header.
    let member = WebClient::new(&server.base);
    login_as(&member, &db, "usttb@demo.passerelle.ml").await;
    let csrf = member.csrf().await;
    let refused = member
        .http()
        .post(format!("{}/api/v1/missions", server.base))
        .json(&mission_body())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let ok = member
        .http()
        .post(format!("{}/api/v1/missions", server.base))
        .header("x-csrf-token", csrf)
        .json(&mission_body())
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 201);

    // Statistics.
    let (s, _, t) = api.get("/api/v1/statistics/experts_by_region", None).await;
    assert_eq!((s, t["id"].as_str()), (200, Some("experts_by_region")));
    assert_eq!(api.get("/api/v1/statistics/nope", None).await.0, 404);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(endpoints_on, endpoints);

async fn tokens_and_rate_limit(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo", "--api-rate", "5"]);
    let member = WebClient::new(&server.base);
    login_as(&member, &db, "usttb@demo.passerelle.ml").await;
    assert_eq!(member.get("/organisation/tokens").await.status, 200);
    let created = member
        .submit_on(
            "/organisation/tokens",
            &[("name", "SI scolarité"), ("scope", "read")],
        )
        .await;
    assert_eq!(created.status, 200);
    let secret = created
        .body
        .split("<code class=\"token\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    assert!(secret.starts_with("psl_"));
    let listed = member.get("/organisation/tokens").await;
    assert!(
        listed.body.contains("SI scolarité") && !listed.body.contains(&secret),
        "shown once"
    );
    let store = db.connect().await;
    let stored: String =
        sqlx::query_scalar("SELECT token_hash FROM api_tokens WHERE name = 'SI scolarité'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
    assert_ne!(stored, secret, "stored hashed");

    let api = Api {
        base: server.base.clone(),
        http: reqwest::Client::new(),
    };
    for _ in 0..5 {
        assert_eq!(
            api.get("/api/v1/missions/D-M001/matches", Some(&secret))
                .await
                .0,
            200
        );
    }
    let res = api
        .http
        .get(format!("{}/api/v1/missions/D-M001", server.base))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());

    let id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE name = 'SI scolarité'")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    let other = WebClient::new(&server.base);
    login_as(&other, &db, "yelimane@demo.passerelle.ml").await;
    assert_eq!(
        other
            .forge(&format!("/organisation/tokens/{id}/revoke"), &[])
            .await
            .status,
        404,
        "not theirs"
    );
    assert_eq!(
        member
            .press(
                "/organisation/tokens",
                "Révoquer",
                Some(&format!("/organisation/tokens/{id}/revoke")),
            )
            .await
            .status,
        303
    );
    assert_eq!(
        api.get("/api/v1/missions/D-M001", Some(&secret)).await.0,
        401,
        "revoked"
    );
    let unverified = WebClient::new(&server.base);
    login_as(&unverified, &db, "diema@demo.passerelle.ml").await;
    assert_eq!(unverified.get("/organisation/tokens").await.status, 403);
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(tokens_on, tokens_and_rate_limit);
