//! Accounts through the real server: log in and out, wrong passwords, rate limits, cookie
//! flags, CSRF, sign-up with address verification by mail.

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::{DEMO_PASSWORD, WebClient};
use crate::web_experts::wait_for_mail;

/// Undoes quoted-printable soft line breaks and `=3D`, enough to read a link.
fn unfold(eml: &str) -> String {
    eml.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

async fn login_logout_and_limits(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let client = WebClient::new(&server.base);

    let page = client.get("/login?next=%2Fexperts").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("name=\"csrf\"") && page.body.contains("value=\"/experts\""));

    let mut login = page.form_with(&["email", "password"]);
    login.fill(&[
        ("email", "usttb@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    let refused = client.submit(&login.tampered("csrf", None)).await;
    assert_eq!(refused.status, 403, "login form without CSRF token");

    let wrong = client
        .submit_on(
            "/login",
            &[
                ("email", "usttb@demo.passerelle.ml"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let unknown = client
        .submit_on(
            "/login",
            &[
                ("email", "nobody@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(unknown.status, 422);
    // The same message whether the address exists or not.
    let message = |body: &str| {
        body.split("Adresse e-mail ou mot de passe incorrect")
            .count()
    };
    assert_eq!(message(&wrong.body), message(&unknown.body));
    assert!(message(&wrong.body) > 1, "{}", wrong.body);
    assert!(client.cookie("passerelle_session").is_none());

    let ok = client
        .submit_on(
            "/login?next=%2Fexperts",
            &[
                ("email", "USTTB@demo.passerelle.ml "),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(ok.location.as_deref(), Some("/experts"));
    let session = ok
        .set_cookies
        .iter()
        .find(|c| c.starts_with("passerelle_session="))
        .expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(
        !session.contains("Secure"),
        "plain http on loopback: no Secure flag"
    );
    let directory = client.get("/experts").await;
    assert_eq!(
        directory.status, 200,
        "a verified member sees the directory"
    );

    // A link crafted by someone else carries an offsite target in the login form's hidden
    // field; the victim's browser also holds a session id the attacker planted.
    let victim = WebClient::new(&client.base);
    let planted = "planted-by-someone-else-0123456789abcdef";
    victim.set_cookie("passerelle_session", planted);
    let offsite = victim
        .submit_on(
            "/login?next=%2F%2Fevil.example%2F",
            &[
                ("email", "usttb@demo.passerelle.ml"),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        offsite.location.as_deref(),
        Some("/"),
        "no open redirect after login"
    );
    assert_ne!(
        victim.cookie("passerelle_session").unwrap(),
        planted,
        "a new session on every login"
    );

    let current = client.cookie("passerelle_session").unwrap();
    let out = client.press("/experts", "Se déconnecter", None).await;
    assert_eq!(out.status, 303);
    assert_eq!(
        client.get("/experts").await.status,
        303,
        "signed out: sent to the login page"
    );
    let replay = WebClient::new(&server.base);
    replay.set_cookie("passerelle_session", &current);
    assert_eq!(
        replay.get("/experts").await.status,
        303,
        "the session ended in the database, not only in the browser"
    );

    // Five wrong tries per account in 15 minutes, then 429 with Retry-After, even with the right password.
    let attacker = WebClient::new(&server.base);
    for _ in 0..5 {
        let r = attacker
            .submit_on(
                "/login",
                &[
                    ("email", "yelimane@demo.passerelle.ml"),
                    ("password", "guess guess guess"),
                ],
            )
            .await;
        assert_eq!(r.status, 422);
    }
    let limited = attacker
        .submit_on(
            "/login",
            &[
                ("email", "yelimane@demo.passerelle.ml"),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(limited.status, 429);
    let retry: u64 = limited
        .headers
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 900);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(login_logout_on, login_logout_and_limits);

async fn signup_and_verify(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let client = WebClient::new(&server.base);
    let form = client.get("/signup?role=expert").await;
    assert_eq!(form.status, 200);

    let bad = client
        .submit_on(
            "/signup",
            &[
                ("role", "expert"),
                ("name", ""),
                ("email", "not-an-address"),
                ("password", "short"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for field in ["name", "email", "password"] {
        assert!(
            bad.body.contains(&format!("id=\"f-{field}-err\"")),
            "error on {field}: {}",
            bad.body
        );
    }
    let taken = client
        .submit_on(
            "/signup",
            &[
                ("role", "expert"),
                ("name", "Someone"),
                ("email", "expert@demo.passerelle.ml"),
                ("password", "a long enough password"),
                ("language", "fr"),
            ],
        )
        .await;
    // An address already registered: the same answer as a new one (nobody learns who has
    // an account), and its owner is told by mail.
    assert_eq!(taken.status, 303, "{}", taken.body);
    assert_eq!(taken.location.as_deref(), Some("/login"));
    assert!(
        !taken
            .set_cookies
            .iter()
            .any(|c| c.starts_with("passerelle_session="))
    );
    let told = unfold(&wait_for_mail(&db, "expert@demo.passerelle.ml").await);
    assert!(
        told.contains("compte existe d") || told.contains("account already exists"),
        "{told}"
    );
    let store = db.connect().await;
    assert!(
        passerelle::store::users::by_email(&store.pool, "awa.traore@example.org")
            .await
            .is_err()
    );

    let created = client
        .submit_on(
            "/signup",
            &[
                ("role", "expert"),
                ("name", "Awa Traoré"),
                ("email", "Awa.Traore@example.org"),
                ("password", "balafon et kora 2027"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.location.as_deref(),
        Some("/login"),
        "the same answer as a taken address"
    );
    assert_eq!(
        created
            .set_cookies
            .iter()
            .filter(|c| c.starts_with("passerelle_session="))
            .count(),
        taken
            .set_cookies
            .iter()
            .filter(|c| c.starts_with("passerelle_session="))
            .count(),
    );
    let user = passerelle::store::users::by_email(&store.pool, "awa.traore@example.org")
        .await
        .unwrap();
    assert!(!user.email_verified);
    assert!(user.password_hash.starts_with("$argon2id$"), "argon2id");
    assert_eq!(user.lang, "en");

    let eml = unfold(&wait_for_mail(&db, "awa.traore@example.org").await);
    assert!(
        eml.contains("Confirm your email address"),
        "in the chosen language: {eml}"
    );
    let start_at = eml
        .find("/verify-email?token=")
        .expect("a verification link");
    let link: String = eml[start_at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.".contains(*c))
        .collect();
    let other = WebClient::new(&server.base);
    let verified = other.get(&link).await;
    assert_eq!(verified.status, 303);
    assert_eq!(
        verified.location.as_deref(),
        Some("/me"),
        "signed in, on to the profile"
    );
    assert_eq!(
        other.get("/me").await.location.as_deref(),
        Some("/me/profile")
    );
    let user = passerelle::store::users::by_email(&store.pool, "awa.traore@example.org")
        .await
        .unwrap();
    assert!(user.email_verified, "the link verified the address");
    let again = other.get(&link).await;
    assert_eq!(again.status, 303);
    let after = other.get("/").await;
    assert!(
        after.body.contains("plus valable") || after.body.contains("no longer valid"),
        "a used link is refused"
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(signup_on, signup_and_verify);
