//! The user's own account through the real server: password change and reset by email,
//! email change, notification preference, data download, deletion, one-click unsubscribe.

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::{DEMO_PASSWORD, WebClient};
use crate::web_session::login_as;

const EXPERT: &str = "expert@demo.passerelle.ml";

/// Waits for a mail to `to` whose text holds `needle`, with quoted-printable undone.
async fn mail_with(db: &TestDb, to: &str, needle: &str) -> String {
    let dir = db.dir.path().join("mail");
    for _ in 0..100 {
        for e in std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                let text = text.replace("=\r\n", "").replace("=3D", "=");
                if text.contains(&format!("To: {to}")) && text.contains(needle) {
                    return text;
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("no mail to {to} with {needle}");
}

fn link_after(text: &str, marker: &str) -> String {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"));
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.".contains(*c))
        .collect()
}

async fn login(client: &WebClient, email: &str, password: &str) -> u16 {
    client
        .submit_on("/login", &[("email", email), ("password", password)])
        .await
        .status
        .as_u16()
}

async fn passwords_and_email(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let me = WebClient::new(&server.base);
    assert_eq!(login(&me, EXPERT, DEMO_PASSWORD).await, 303);
    let elsewhere = WebClient::new(&server.base);
    assert_eq!(login(&elsewhere, EXPERT, DEMO_PASSWORD).await, 303);
    assert_eq!(me.get("/account").await.status, 200);

    let wrong = me
        .submit_on(
            "/account",
            &[
                ("current_password", "nope nope nope"),
                ("new_password", "kora et balafon 2028"),
                ("password_confirm", "kora et balafon 2028"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let differ = me
        .submit_on(
            "/account",
            &[
                ("current_password", DEMO_PASSWORD),
                ("new_password", "kora et balafon 2028"),
                ("password_confirm", "autre chose encore"),
            ],
        )
        .await;
    assert_eq!(differ.status, 422);
    let changed = me
        .submit_on(
            "/account",
            &[
                ("current_password", DEMO_PASSWORD),
                ("new_password", "kora et balafon 2028"),
                ("password_confirm", "kora et balafon 2028"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303);
    assert_eq!(
        me.get("/me").await.status,
        200,
        "this browser stays signed in"
    );
    assert_eq!(elsewhere.get("/me").await.status, 303, "other sessions end");
    let fresh = WebClient::new(&server.base);
    assert_eq!(
        login(&fresh, EXPERT, DEMO_PASSWORD).await,
        422,
        "the old password no longer works"
    );
    assert_eq!(login(&fresh, EXPERT, "kora et balafon 2028").await, 303);

    // Forgotten password: the same answer for unknown addresses; a link for known ones.
    let anon = WebClient::new(&server.base);
    let unknown = anon
        .submit_on("/password/forgot", &[("email", "nobody@example.org")])
        .await;
    let known = anon
        .submit_on("/password/forgot", &[("email", EXPERT)])
        .await;
    assert_eq!((unknown.status.as_u16(), known.status.as_u16()), (200, 200));
    let strip = |b: &str| b.replace("nobody@example.org", "").replace(EXPERT, "");
    assert_eq!(
        strip(&unknown.body).len(),
        strip(&known.body).len(),
        "no account enumeration"
    );
    let eml = mail_with(&db, EXPERT, "/password/reset?token=").await;
    let link = link_after(&eml, "/password/reset?token=");
    let token = link.split("token=").nth(1).unwrap().to_string();
    let reset_page = anon.get(&link).await;
    assert_eq!(reset_page.status, 200);
    assert_eq!(
        reset_page.form_with(&["password"]).value("token"),
        Some(token.as_str()),
        "the link's token travels in the form"
    );
    let short = anon
        .submit_on(
            &link,
            &[("password", "court"), ("password_confirm", "court")],
        )
        .await;
    assert_eq!(short.status, 422);
    let reset = anon
        .submit_on(
            &link,
            &[
                ("password", "nouvelle phrase secrète"),
                ("password_confirm", "nouvelle phrase secrète"),
            ],
        )
        .await;
    assert_eq!(reset.status, 303);
    assert_eq!(reset.location.as_deref(), Some("/login"));
    assert_eq!(
        me.get("/me").await.status,
        303,
        "a reset ends every session"
    );
    // The same form again, from a tab left open on the link.
    let mut stale = reset_page.form_with(&["password"]);
    stale.fill(&[
        ("password", "encore une autre phrase"),
        ("password_confirm", "encore une autre phrase"),
    ]);
    let again = anon.submit(&stale).await;
    assert_eq!(
        again.location.as_deref(),
        Some("/password/forgot"),
        "a link works once"
    );
    assert_eq!(login(&anon, EXPERT, "nouvelle phrase secrète").await, 303);

    // Email change: confirmed from the new address before it takes effect.
    let bad = anon
        .submit_on(
            "/account",
            &[
                ("new_email", "usttb@demo.passerelle.ml"),
                ("current_password_email", "nouvelle phrase secrète"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "an address already used");
    let asked = anon
        .submit_on(
            "/account",
            &[
                ("new_email", "oumar.k@example.net"),
                ("current_password_email", "nouvelle phrase secrète"),
            ],
        )
        .await;
    assert_eq!(asked.status, 303);
    let store = db.connect().await;
    assert!(
        passerelle::store::users::by_email(&store.pool, EXPERT)
            .await
            .is_ok(),
        "not changed yet"
    );
    let eml = mail_with(&db, "oumar.k@example.net", "/account/email/confirm?token=").await;
    let link = link_after(&eml, "/account/email/confirm?token=");
    assert_eq!(WebClient::new(&server.base).get(&link).await.status, 303);
    assert!(
        passerelle::store::users::by_email(&store.pool, "oumar.k@example.net")
            .await
            .is_ok()
    );
    assert!(
        passerelle::store::users::by_email(&store.pool, EXPERT)
            .await
            .is_err()
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(passwords_and_email_on, passwords_and_email);

async fn data_preferences_and_deletion(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let me = WebClient::new(&server.base);
    login_as(&me, &db, EXPERT).await;
    let store = db.connect().await;

    assert_eq!(
        me.submit_on("/account", &[("notifications", "weekly")])
            .await
            .status,
        303
    );
    let user = passerelle::store::users::by_email(&store.pool, EXPERT)
        .await
        .unwrap();
    assert_eq!(user.notify, passerelle::store::users::Notify::Weekly);

    let export = me.get("/account/export.json").await;
    assert_eq!(export.status, 200);
    assert!(
        export
            .headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(data["account"]["email"], EXPERT);
    assert_eq!(data["expert_profile"]["ref"], "D-E001");
    assert!(!export.body.contains("usttb@demo"), "nobody else's data");
    assert_eq!(
        WebClient::new(&server.base)
            .get("/account/export.json")
            .await
            .status,
        303,
        "signed in only"
    );

    // One-click unsubscribe: GET changes nothing, POST (RFC 8058) opts out.
    let mut conn = store.pool.acquire().await.unwrap();
    let token = passerelle::mail::unsubscribe_token(&mut conn, EXPERT)
        .await
        .unwrap();
    drop(conn);
    let outsider = WebClient::new(&server.base);
    assert_eq!(
        outsider.get(&format!("/unsubscribe/{token}")).await.status,
        200
    );
    let mut conn = store.pool.acquire().await.unwrap();
    assert!(
        !passerelle::mail::is_opted_out(&mut conn, EXPERT)
            .await
            .unwrap()
    );
    drop(conn);
    let posted = outsider
        .http()
        .post(format!("{}/unsubscribe/{token}", server.base))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 303, "one click, no CSRF token needed");
    let mut conn = store.pool.acquire().await.unwrap();
    assert!(
        passerelle::mail::is_opted_out(&mut conn, EXPERT)
            .await
            .unwrap()
    );
    drop(conn);
    assert_eq!(
        outsider
            .http()
            .post(format!("{}/unsubscribe/not-a-token", server.base))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );

    let unconfirmed = me.submit_on("/account", &[("confirm", "")]).await;
    assert_eq!(unconfirmed.status, 303);
    assert!(
        passerelle::store::users::by_email(&store.pool, EXPERT)
            .await
            .is_ok(),
        "not without the box ticked"
    );
    let deleted = me.submit_on("/account", &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, 303);
    assert!(
        passerelle::store::users::by_email(&store.pool, EXPERT)
            .await
            .is_err(),
        "the address is gone"
    );
    let record = passerelle::store::experts::get(&store.pool, "D-E001")
        .await
        .unwrap();
    assert!(record.hidden && record.user_id.is_none());
    assert_eq!(record.expert.name, "—");
    assert!(record.expert.email.is_empty() && record.phone.is_none());
    assert_eq!(me.get("/me").await.status, 303, "signed out");
    let org = WebClient::new(&server.base);
    login_as(&org, &db, "usttb@demo.passerelle.ml").await;
    assert_eq!(
        org.get("/experts/D-E001").await.status,
        404,
        "no longer in the directory"
    );
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(data_and_deletion_on, data_preferences_and_deletion);
