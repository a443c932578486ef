//! What every page shares: language choice, security headers, CSRF refusal, error pages.

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;

async fn language_follows_browser_then_choice(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let client = WebClient::new(&server.base);
    let english = client
        .http()
        .get(format!("{}/", server.base))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("lang=\"en\""),
        "Accept-Language: en gives English"
    );
    let french = client.get("/").await;
    assert!(
        french.body.contains("lang=\"fr\""),
        "French without a choice"
    );

    let switched = client.get("/lang/en?next=%2Fabout").await;
    assert_eq!(switched.status, 303);
    assert_eq!(switched.location.as_deref(), Some("/about"));
    assert!(
        switched
            .set_cookies
            .iter()
            .any(|c| c.starts_with("passerelle_lang=en")
                && c.contains("HttpOnly")
                && c.contains("SameSite=Lax"))
    );
    let about = client.get("/about").await;
    assert!(about.body.contains("lang=\"en\""), "the choice persists");
    let away = client.get("/lang/fr?next=https%3A%2F%2Fevil.example").await;
    assert_eq!(away.location.as_deref(), Some("/"), "no open redirect");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(language_choice_on, language_follows_browser_then_choice);

async fn headers_csrf_and_errors(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &[]);
    let client = WebClient::new(&server.base);
    let home = client.get("/").await;
    assert_eq!(home.status, 200);
    let csp = home
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(home.headers.get("x-frame-options").unwrap(), "DENY");
    assert_eq!(
        home.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
    assert!(
        home.set_cookies
            .iter()
            .any(|c| c.starts_with("passerelle_csrf=") && c.contains("HttpOnly"))
    );

    let login = client.get("/login").await.form_with(&["email", "password"]);
    let refused = client.submit(&login.tampered("csrf", None)).await;
    assert_eq!(
        refused.status, 403,
        "a form without the CSRF token is refused"
    );
    let forged = client
        .submit(&login.tampered("csrf", Some("not-the-token")))
        .await;
    assert_eq!(forged.status, 403);
    assert!(
        forged.body.contains("<h1>Formulaire expiré</h1>") && forged.body.contains("lang=\"fr\""),
        "the CSRF refusal is a page in the visitor's language: {}",
        forged.body
    );

    // A method the path does not take, and a body too large: pages, not blank answers.
    let wrong_method = client.forge("/missions", &[("q", "eau")]).await;
    assert_eq!(wrong_method.status, 405);
    assert!(
        wrong_method
            .body
            .contains("<h1>Action non disponible ici</h1>"),
        "{}",
        wrong_method.body
    );
    assert!(
        wrong_method.headers.get("allow").is_some(),
        "405 keeps Allow"
    );
    // The server answers from the announced length, before any body is sent (a client still
    // writing megabytes would see the connection close under it): headers only, by hand.
    let too_large = raw_request(
        &client.base,
        "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3145728\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(too_large.starts_with("HTTP/1.1 413"), "{too_large}");
    assert!(
        too_large.contains("<h1>Envoi trop volumineux</h1>"),
        "{too_large}"
    );
    let english = WebClient::new(&client.base);
    english.set_cookie("passerelle_lang", "en");
    let en_405 = english.forge("/missions", &[]).await;
    assert!(
        en_405.body.contains("<h1>Action not available here</h1>"),
        "{}",
        en_405.body
    );
    let api_405 = client
        .http()
        .delete(format!("{}/api/v1/missions", client.base))
        .send()
        .await
        .unwrap();
    assert_eq!(api_405.status(), 405);
    assert_eq!(
        api_405.headers().get("content-type").unwrap(),
        "application/problem+json"
    );

    let missing = client.get("/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1>") && missing.body.contains("lang=\"fr\""));
    let problem = client.get("/api/v1/no-such-thing").await;
    assert_eq!(problem.status, 404);
    assert_eq!(
        problem.headers.get("content-type").unwrap(),
        "application/problem+json"
    );

    let css = client
        .get(&passerelle_templates::assets::style_css_href())
        .await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers
            .get("cache-control")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(headers_csrf_errors_on, headers_csrf_and_errors);

/// Sends raw bytes to the server and reads the answer until the server closes.
async fn raw_request(base: &str, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await;
    String::from_utf8_lossy(&answer).into_owned()
}
