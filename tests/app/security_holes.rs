//! The holes of the security review, each played as the attacker did (issue 18): an
//! unverified organisation reaching experts, an open redirect through control characters, a
//! rejected organisation staying listed.

use std::time::Duration;

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::{DEMO_PASSWORD, Reply, WebClient};

const DIEMA: &str = "diema@demo.passerelle.ml";
const MODERATOR: &str = "moderation@demo.passerelle.ml";

/// The unverified association posts and publishes a project through its forms.
async fn unverified_project(member: &WebClient) -> String {
    let created = member
        .submit_on(
            "/projects/new",
            &[
                ("title", "Forage de Diéma"),
                ("description", "Un forage profond."),
                ("sector", "water"),
                (
                    "skills",
                    "hydrogéologie\nprospection géophysique électrique",
                ),
                ("region", "kayes"),
                ("commune", "Diéma"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let path = created.location.clone().unwrap();
    assert_eq!(member.press(&path, "Publier", None).await.status, 303);
    path
}

async fn unverified_organisation_reaches_nobody(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    member.sign_in(DIEMA).await;
    let path = unverified_project(&member).await;
    let r = path.trim_start_matches("/projects/").to_string();

    // Its own page: no ranked experts, no invite button, and it says why.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let page = member.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(!page.has_button("Inviter", None), "no invite buttons");
    assert!(
        page.body.contains("attend la vérification d’un modérateur"),
        "it awaits verification: {}",
        page.body
    );
    // The API answers no ranked experts, and an invitation is refused.
    let csrf = member.csrf().await;
    let matches = member
        .http()
        .get(format!("{}/api/v1/projects/{r}/matches", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(matches.status(), 403, "the API ranks no experts for it");
    let invite = member
        .http()
        .post(format!("{}/api/v1/projects/{r}/invite", server.base))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"expert": "D-E001"}))
        .send()
        .await
        .unwrap();
    assert_eq!(invite.status(), 403, "the API invites nobody");
    assert_eq!(
        member
            .forge(&format!("{path}/invite"), &[("expert", "D-E001")])
            .await
            .status,
        403,
        "a forged page invitation is refused"
    );
    let store = db.connect().await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM connections")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0, "no connection, so no mail and no contact details");
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(
    unverified_organisation_on,
    unverified_organisation_reaches_nobody
);

async fn no_redirect_to_another_host(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let victim = WebClient::new(&server.base);
    for crafted in [
        "/lang/en?next=/%09/evil.example/phish",
        "/lang/en?next=/%0A/evil.example/phish",
        "/lang/en?next=/%0D%0A/evil.example",
        "/lang/fr?next=%2F%5C%2Fevil.example",
    ] {
        let answer = victim.get(crafted).await;
        assert_eq!(answer.status, 303, "{crafted}");
        assert_eq!(
            answer.location.as_deref(),
            Some("/"),
            "{crafted} stays home"
        );
    }
    // The same target through the login form a crafted link opens.
    let login = victim.get("/login?next=/%09/evil.example/phish").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "expert@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    let signed_in = victim.submit(&form).await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(signed_in.location.as_deref(), Some("/"));
    drop(server);
    db.drop_db().await;
}
on_both_engines!(open_redirect_on, no_redirect_to_another_host);

async fn rejected_organisation_is_delisted(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    member.sign_in(DIEMA).await;
    let path = unverified_project(&member).await;
    let r = path.trim_start_matches("/projects/").to_string();
    let moderator = WebClient::new(&server.base);
    moderator.sign_in(MODERATOR).await;
    let queue = moderator.get("/moderation").await;
    let verify = queue.form_by_button("Vérifier", None);
    let reject_path = verify.action.replace("/verify", "/reject");
    assert_eq!(moderator.submit(&verify).await.status, 303);
    let public = WebClient::new(&server.base);
    public
        .until("/projects?q=diema", |p| p.body.contains(&r))
        .await;
    assert!(
        public.get("/").await.body.contains(&r),
        "on the home page once verified"
    );

    // Rejected later (no page offers rejecting a verified organisation yet, so the moderator's
    // request is sent as the reviewer sent it): gone at once from search, the API and the
    // home page.
    assert_eq!(moderator.forge(&reject_path, &[]).await.status, 303);
    public
        .until("/projects?q=diema", |p| !p.body.contains(&r))
        .await;
    let home = public.get("/").await;
    assert!(!home.body.contains(&r), "not on the home page");
    let listed = public
        .http()
        .get(format!("{}/api/v1/projects?q=diema", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&r), "not in the API: {listed}");
    assert_eq!(
        public.get(&path).await.status,
        404,
        "its page is closed to the public"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(rejected_organisation_on, rejected_organisation_is_delisted);

/// Every password-reset link mailed to `to` so far.
fn reset_links(db: &TestDb, to: &str) -> Vec<String> {
    let mut links = Vec::new();
    for entry in std::fs::read_dir(db.dir.path().join("mail"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let text = text.replace("=\r\n", "").replace("=3D", "=");
        if !text.contains(&format!("To: {to}")) {
            continue;
        }
        if let Some(at) = text.find("/password/reset?token=") {
            let link: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.".contains(*c))
                .collect();
            if !links.contains(&link) {
                links.push(link);
            }
        }
    }
    links
}

/// Asks for a reset link through the forgotten-password form; returns the new link.
async fn new_reset_link(db: &TestDb, client: &WebClient, email: &str) -> String {
    let before = reset_links(db, email);
    let asked = client
        .submit_on("/password/forgot", &[("email", email)])
        .await;
    assert_eq!(asked.status, 200);
    for _ in 0..100 {
        if let Some(link) = reset_links(db, email)
            .into_iter()
            .find(|l| !before.contains(l))
        {
            return link;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no new reset link for {email}");
}

/// Opens a reset link and submits its form; the answer says whether the link still works.
async fn reset_with(client: &WebClient, link: &str, password: &str) -> Reply {
    let page = client.get(link).await;
    assert_eq!(
        page.status, 200,
        "the link's page opens (it checks the token on submit)"
    );
    let mut form = page.form_with(&["password", "password_confirm"]);
    form.fill(&[("password", password), ("password_confirm", password)]);
    client.submit(&form).await
}

async fn email_links_die_with_their_purpose(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let email = "expert@demo.passerelle.ml";
    let anon = WebClient::new(&server.base);
    let store = db.connect().await;
    let user_id = passerelle::store::users::by_email(&store.pool, email)
        .await
        .unwrap()
        .id;

    // A newer link used: the older one dies.
    let older = new_reset_link(&db, &anon, email).await;
    let newer = new_reset_link(&db, &anon, email).await;
    // The password rules of sign-up: not the address, not a common password.
    let own = reset_with(&anon, &newer, email).await;
    assert_eq!(own.status, 422, "the address as password");
    let common = reset_with(&anon, &newer, "Password 1234").await;
    assert_eq!(common.status, 422, "a common password");
    assert!(common.body.contains("trop courant"), "{}", common.body);
    let done = reset_with(&anon, &newer, "kora et balafon 2029").await;
    assert_eq!(
        done.location.as_deref(),
        Some("/login"),
        "the refused tries kept the link usable"
    );
    let stale = reset_with(&anon, &older, "une autre phrase encore").await;
    assert_eq!(
        stale.location.as_deref(),
        Some("/password/forgot"),
        "the older link died"
    );

    // A link asked for before a password change dies with the change.
    let before_change = new_reset_link(&db, &anon, email).await;
    let me = WebClient::new(&server.base);
    let login = me.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[("email", email), ("password", "kora et balafon 2029")]);
    assert_eq!(me.submit(&form).await.status, 303);
    let changed = me
        .submit_on(
            "/account",
            &[
                ("current_password", "kora et balafon 2029"),
                ("new_password", "djembé et ngoni 2030"),
                ("password_confirm", "djembé et ngoni 2030"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303);
    let after_change = reset_with(&anon, &before_change, "encore une phrase à moi").await;
    assert_eq!(after_change.location.as_deref(), Some("/password/forgot"));

    // A link asked for before the account's deletion sets no password on it.
    let before_deletion = new_reset_link(&db, &anon, email).await;
    let deleted = me.submit_on("/account", &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, 303);
    let after_deletion = reset_with(&anon, &before_deletion, "revenir par la fenêtre").await;
    assert_eq!(after_deletion.location.as_deref(), Some("/password/forgot"));
    let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM email_tokens WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(live, 0, "no link of the deleted account is left");
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(email_links_on, email_links_die_with_their_purpose);

async fn unverified_address_acts_on_nothing(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let newcomer = WebClient::new(&server.base);
    let signed_up = newcomer
        .submit_on(
            "/signup",
            &[
                ("role", "expert"),
                ("name", "Seydou Coulibaly"),
                ("email", "seydou.c@example.org"),
                ("password", "tamani et kamalen 2027"),
            ],
        )
        .await;
    assert_eq!(signed_up.status, 303);
    // Signed in with the password, the address not verified yet.
    let login = newcomer.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "seydou.c@example.org"),
        ("password", "tamani et kamalen 2027"),
    ]);
    assert_eq!(newcomer.submit(&form).await.status, 303);
    let profile = newcomer
        .submit_on(
            "/me/profile",
            &[
                ("headline", "Hydrogéologue"),
                ("skills", "hydrogéologie"),
                ("languages", "fr"),
                ("residence_country", "FR"),
            ],
        )
        .await;
    assert_eq!(
        profile.status, 303,
        "the profile may be written before verification"
    );
    let interest = newcomer
        .submit_on("/missions/D-M001", &[("message", "Disponible en juin.")])
        .await;
    assert_eq!(interest.status, 403);
    assert!(
        interest
            .body
            .contains("Confirmez d’abord votre adresse e-mail"),
        "{}",
        interest.body
    );
    let pledge = newcomer
        .submit_on("/projects/D-P001", &[("amount_eur", "100")])
        .await;
    assert_eq!(pledge.status, 403, "no pledge");
    let csrf = newcomer.csrf().await;
    let api = newcomer
        .http()
        .post(format!("{}/api/v1/missions/D-M001/interest", server.base))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"message": "par l'API"}))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 403, "nor through the API");
    let store = db.connect().await;
    let rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM connections) + (SELECT COUNT(*) FROM pledges p JOIN users u ON u.id = p.user_id WHERE u.email = 'seydou.c@example.org')",
    )
    .fetch_one(&store.pool)
    .await
    .unwrap();
    assert_eq!(rows, 0, "nothing written");
    store.close().await;
    drop(server);
    db.drop_db().await;
}
on_both_engines!(unverified_address_on, unverified_address_acts_on_nothing);

async fn no_request_costs_seconds(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let member = WebClient::new(&server.base);
    member.sign_in("usttb@demo.passerelle.ml").await;
    let csrf = member.csrf().await;
    let skills: Vec<String> = (0..38_000).map(|i| format!("c{i}")).collect();
    let body = serde_json::json!({
        "title": "Trop de compétences", "description": "x", "skills": skills,
        "language": "fr", "region": "bamako", "start": "2027-03-01", "end": "2027-03-10",
        "mode": "onsite"
    });
    let post = |body: serde_json::Value| {
        let http = member.http().clone();
        let url = format!("{}/api/v1/missions", server.base);
        let csrf = csrf.clone();
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            let res = http
                .post(url)
                .header("X-CSRF-Token", csrf)
                .json(&body)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), started.elapsed())
        })
    };
    let first = post(body.clone());
    let second = post(body);
    let health_started = std::time::Instant::now();
    let health = WebClient::new(&server.base).get("/healthz").await;
    assert_eq!(health.status, 200, "/healthz answers while they run");
    let (a, b) = (first.await.unwrap(), second.await.unwrap());
    eprintln!(
        "38,000 skills: {:?} and {:?}; /healthz in {:?}",
        a.1,
        b.1,
        health_started.elapsed()
    );
    assert_eq!((a.0, b.0), (422, 422), "refused");

    // The expert's profile form with 36,000 skills pasted in.
    let expert = WebClient::new(&server.base);
    expert.sign_in("expert@demo.passerelle.ml").await;
    let pasted = (0..36_000)
        .map(|i| format!("savoir-faire {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let started = std::time::Instant::now();
    let refused = expert
        .submit_on("/me/profile", &[("skills", &pasted)])
        .await;
    eprintln!("36,000 profile skills: {:?}", started.elapsed());
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("id=\"f-skills-err\""),
        "the skills field is named"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(no_request_costs_seconds_on, no_request_costs_seconds);

async fn silent_clients_are_let_go(engine: Engine, test: &str) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let addr = server.base.trim_start_matches("http://").to_string();
    let started = std::time::Instant::now();
    let mut silent = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut kept = tokio::net::TcpStream::connect(&addr).await.unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 64];
    let n = kept.read(&mut first).await.unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).starts_with("HTTP/1.1 200"));
    let mut buf = Vec::new();
    let slow_end = tokio::time::timeout(Duration::from_secs(20), slow.read_to_end(&mut buf)).await;
    assert!(
        slow_end.is_ok(),
        "a client that never finishes its headers is let go"
    );
    let silent_end =
        tokio::time::timeout(Duration::from_secs(20), silent.read_to_end(&mut buf)).await;
    assert!(
        silent_end.is_ok(),
        "a connection that sends nothing is closed"
    );
    let idle_end = tokio::time::timeout(Duration::from_secs(20), kept.read_to_end(&mut buf)).await;
    assert!(idle_end.is_ok(), "an idle kept-alive connection is closed");
    eprintln!(
        "slow, silent and idle clients closed after {:?}",
        started.elapsed()
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(silent_clients_on, silent_clients_are_let_go);

async fn login_limits_count_failures_only(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo", "--trusted-proxy", "127.0.0.1"]);
    // Twenty-five good sign-ins from one address (an office behind one proxy): none refused.
    for _ in 0..25 {
        let office = WebClient::new(&server.base);
        assert_eq!(
            office
                .try_login("usttb@demo.passerelle.ml", DEMO_PASSWORD)
                .await
                .status,
            303
        );
    }

    // Five wrong passwords from someone: the owner waits a short, growing delay, not a lock.
    let attacker = WebClient::new(&server.base);
    for _ in 0..5 {
        assert_eq!(
            attacker
                .try_login("yelimane@demo.passerelle.ml", "devine devine 1")
                .await
                .status,
            422
        );
    }
    let owner = WebClient::new(&server.base);
    let wait = owner.get("/login").await;
    let mut form = wait.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "yelimane@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    let delayed = owner.submit(&form).await;
    assert_eq!(delayed.status, 429);
    let retry: i64 = delayed.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=30).contains(&retry),
        "a delay of at most 30 s, not a lock: {retry}"
    );
    assert!(
        delayed.body.contains("Réessayez dans"),
        "the page says how long: {}",
        delayed.body
    );
    // Another node on the same database knows the failures.
    let other_dir = tempfile::tempdir().unwrap();
    let second = crate::cli_serve::start_in(&db, other_dir.path(), &[]);
    assert_eq!(
        WebClient::new(&second.base)
            .try_login("yelimane@demo.passerelle.ml", DEMO_PASSWORD)
            .await
            .status,
        429,
        "failures are shared through the database"
    );
    drop(second);
    // A password reset starts the account afresh.
    let anon = WebClient::new(&server.base);
    let link = new_reset_link(&db, &anon, "yelimane@demo.passerelle.ml").await;
    let reset = reset_with(&anon, &link, "sahel et fleuve 2031").await;
    assert_eq!(reset.location.as_deref(), Some("/login"));
    assert_eq!(
        owner
            .try_login("yelimane@demo.passerelle.ml", "sahel et fleuve 2031")
            .await
            .status,
        303
    );

    // Behind the trusted proxy, the forwarded address is the one counted.
    let forwarded = |ip: &'static str, n: usize| {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let base = server.base.clone();
        async move {
            let csrf = "c".repeat(40);
            http.post(format!("{base}/login"))
                .header("X-Forwarded-For", ip)
                .header("Cookie", format!("passerelle_csrf={csrf}"))
                .form(&[
                    ("email", format!("personne{n}@example.org").as_str()),
                    ("password", "pas le bon 123"),
                    ("csrf", &csrf),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    for n in 0..30 {
        assert_eq!(forwarded("203.0.113.5", n).await, 422);
    }
    assert_eq!(
        forwarded("203.0.113.5", 99).await,
        429,
        "that client is capped"
    );
    assert_eq!(
        forwarded("198.51.100.8", 100).await,
        422,
        "another client behind the proxy is not"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(login_limits_on, login_limits_count_failures_only);

async fn deletion_leaves_nobody_behind(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let phone = "+33 6 98 76 54 32";
    let expert = WebClient::new(&server.base);
    expert.sign_in("expert@demo.passerelle.ml").await;
    let interest = expert
        .submit_on(
            "/missions/D-M001",
            &[("message", &format!("Appelez-moi au {phone}"))],
        )
        .await;
    assert_eq!(interest.status, 303);
    let pledge = expert
        .submit_on(
            "/projects/D-P001",
            &[
                ("amount_eur", "250"),
                ("pledge_message", &format!("Mon numéro : {phone}")),
            ],
        )
        .await;
    assert_eq!(pledge.status, 303);
    let report = expert
        .submit_on(
            "/missions/D-M002",
            &[("reason", &format!("Signalé par Oumar, {phone}"))],
        )
        .await;
    assert_eq!(report.status, 303);
    let moderator = WebClient::new(&server.base);
    moderator.sign_in(MODERATOR).await;
    assert_eq!(
        moderator.press("/moderation", "Masquer", None).await.status,
        303
    );
    // The organisations were told, by mail, naming him.
    crate::web_experts::wait_for_mail(&db, "usttb@demo.passerelle.ml").await;

    let deleted = expert.submit_on("/account", &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, 303);

    let store = db.connect().await;
    let leftovers: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM connections WHERE message LIKE '%98 76%')
              + (SELECT COUNT(*) FROM pledges WHERE message LIKE '%98 76%')
              + (SELECT COUNT(*) FROM content_reports WHERE reason LIKE '%98 76%')
              + (SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%98 76%')
              + (SELECT COUNT(*) FROM mail_outbox WHERE to_addr IN ('expert@demo.passerelle.ml', 'o.kanoute@example.org'))
              + (SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%Kanout%' OR body_text LIKE '%Kanout%' OR body_html LIKE '%Kanout%')",
    )
    .fetch_one(&store.pool)
    .await
    .unwrap();
    assert_eq!(
        leftovers, 0,
        "nothing of the person is left in the database"
    );
    store.close().await;
    for entry in std::fs::read_dir(db.dir.path().join("mail"))
        .unwrap()
        .flatten()
    {
        let raw = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let text = raw.replace("=\r\n", "");
        assert!(
            !text.contains("expert@demo.passerelle.ml") && !text.contains("Kanout"),
            "a mail file still names the person: {}",
            entry.path().display()
        );
    }
    // The other side sees a deleted account.
    let usttb = WebClient::new(&server.base);
    usttb.sign_in("usttb@demo.passerelle.ml").await;
    // (The ranked list follows the search index, which drops the profile within a moment.)
    let page = usttb
        .until("/missions/D-M001", |p| !p.body.contains("Kanout"))
        .await;
    assert!(
        page.body.contains("compte supprimé"),
        "the interest reads « compte supprimé »"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(deletion_on, deletion_leaves_nobody_behind);

async fn smaller_holes(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    // Control characters in a text field: refused, the field named, nothing written.
    let member = WebClient::new(&server.base);
    member.sign_in("usttb@demo.passerelle.ml").await;
    let bell = member
        .submit_on(
            "/missions/new",
            &[
                ("title", "Cours\u{7} de SIG"),
                ("skills", "SIG"),
                ("language", "fr"),
                ("region", "bamako"),
                ("start", "2027-03-01"),
                ("end", "2027-03-10"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(bell.status, 422);
    let spoof = member
        .submit_on(
            "/missions/new",
            &[
                ("title", "Cours \u{202E}GIS\u{202C} avancé"),
                ("skills", "SIG"),
            ],
        )
        .await;
    assert_eq!(spoof.status, 422, "a right-to-left override is refused");
    assert!(spoof.body.contains("invisibles"), "{}", spoof.body);
    assert!(bell.body.contains("« title »"), "{}", bell.body);
    let csrf = member.csrf().await;
    let api = member
        .http()
        .post(format!("{}/api/v1/missions", server.base))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"title": "x\u{0}", "description": "x", "skills": ["a"],
            "language": "fr", "region": "bamako", "start": "2027-03-01", "end": "2027-03-10", "mode": "onsite"}))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 422);
    assert!(api.text().await.unwrap().contains("/title"));
    let store = db.connect().await;
    let written: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM missions WHERE title LIKE 'Cours%de SIG' OR title LIKE 'x%'",
    )
    .fetch_one(&store.pool)
    .await
    .unwrap();
    assert_eq!(written, 0);
    store.close().await;

    // Two addresses in one field are not one address.
    let newcomer = WebClient::new(&server.base);
    let two = newcomer
        .submit_on(
            "/signup",
            &[
                ("role", "expert"),
                ("name", "Deux Adresses"),
                ("email", "a@example.org,b@example.org"),
                ("password", "une phrase assez longue"),
            ],
        )
        .await;
    assert_eq!(two.status, 422);
    assert!(two.body.contains("id=\"f-email-err\""));

    // The CSRF token changes at sign-in: one known before is refused after.
    let visitor = WebClient::new(&server.base);
    let login = visitor.get("/login").await;
    let before = visitor
        .cookie("passerelle_csrf")
        .expect("a token before signing in");
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "expert@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    assert_eq!(visitor.submit(&form).await.status, 303);
    let after = visitor.cookie("passerelle_csrf").expect("a token after");
    assert_ne!(before, after, "rotated at sign-in");
    // The login form from before, carrying the old token (as a planted one would be).
    assert_eq!(form.value("csrf"), Some(before.as_str()));
    assert_eq!(
        visitor.submit(&form).await.status,
        403,
        "the old token is refused"
    );

    // Private pages are not cached; HSTS behind HTTPS.
    let me = WebClient::new(&server.base);
    me.sign_in("expert@demo.passerelle.ml").await;
    let page = me.get("/me").await;
    assert_eq!(page.headers.get("cache-control").unwrap(), "no-store");
    assert!(
        page.headers.get("strict-transport-security").is_none(),
        "plain http here"
    );
    drop(server);
    let https = start(&db, &["--public-url", "https://passerelle.example.org"]);
    let home = WebClient::new(&https.base).get("/").await;
    assert!(
        home.headers
            .get("strict-transport-security")
            .is_some_and(|v| v.to_str().unwrap().contains("max-age=31536000")),
        "HSTS when the public URL is https"
    );
    drop(https);
    db.drop_db().await;
}
on_both_engines!(smaller_holes_on, smaller_holes);

async fn statistics_count_only_what_is_public(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    // Before anyone reads the statistics: an unverified association publishes a project,
    // a university keeps a draft, and an expert writes a discipline nobody else has.
    let diema = WebClient::new(&server.base);
    diema.sign_in(DIEMA).await;
    unverified_project(&diema).await;
    let usttb = WebClient::new(&server.base);
    usttb.sign_in("usttb@demo.passerelle.ml").await;
    let draft = usttb
        .submit_on(
            "/missions/new",
            &[
                ("title", "Brouillon jamais publié"),
                ("description", "Pas encore prêt."),
                ("skills", "SIG"),
                ("language", "fr"),
                ("region", "bamako"),
                ("start", "2027-03-01"),
                ("end", "2027-03-10"),
                ("mode", "onsite"),
            ],
        )
        .await;
    assert_eq!(draft.status, 303);
    let expert = WebClient::new(&server.base);
    expert.sign_in("expert@demo.passerelle.ml").await;
    let rare = expert
        .submit_on(
            "/me/profile",
            &[("disciplines", "Zythologie expérimentale")],
        )
        .await;
    assert_eq!(rare.status, 303, "{}", rare.body);

    let public = WebClient::new(&server.base);
    let trends: serde_json::Value =
        serde_json::from_str(&public.get("/statistics/monthly_trends.json").await.body).unwrap();
    let month = time::OffsetDateTime::now_utc();
    let this_month = format!("{}-{:02}", month.year(), u8::from(month.month()));
    let row = trends["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["month"] == this_month.as_str())
        .cloned()
        .expect("this month's row");
    let store = db.connect().await;
    let count = |sql: &'static str| {
        let pool = store.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let on_record_missions = count("SELECT COUNT(*) FROM missions m JOIN organisations o ON o.id = m.organisation_id WHERE m.status <> 'draft' AND m.hidden = 0 AND o.verified = 1").await;
    let all_missions = count("SELECT COUNT(*) FROM missions").await;
    let on_record_projects = count("SELECT COUNT(*) FROM projects m JOIN organisations o ON o.id = m.organisation_id WHERE m.status <> 'draft' AND m.hidden = 0 AND o.verified = 1").await;
    let all_projects = count("SELECT COUNT(*) FROM projects").await;
    assert!(all_missions > on_record_missions && all_projects > on_record_projects);
    // The demo's postings were all created this month.
    assert_eq!(row["missions"], on_record_missions, "no draft counted");
    assert_eq!(
        row["projects"], on_record_projects,
        "no unverified association's project"
    );
    store.close().await;
    let disciplines = public
        .get("/statistics/experts_by_discipline.json")
        .await
        .body;
    assert!(
        !disciplines.contains("Zythologie"),
        "a label one person typed stays private"
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(statistics_public_on, statistics_count_only_what_is_public);

async fn signup_tells_nobody_who_has_an_account(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let signup = |email: &'static str| {
        let client = WebClient::new(&server.base);
        async move {
            client
                .submit_on(
                    "/signup",
                    &[
                        ("role", "expert"),
                        ("name", "Quelqu'un"),
                        ("email", email),
                        ("password", "une phrase de passe à moi"),
                    ],
                )
                .await
        }
    };
    let known = signup("expert@demo.passerelle.ml").await;
    let unknown = signup("nouvelle.personne@example.org").await;
    assert_eq!(
        (known.status, unknown.status),
        (unknown.status, known.status)
    );
    assert_eq!(known.location, unknown.location, "the same answer");
    let names = |r: &Reply| {
        let mut v: Vec<String> = r
            .set_cookies
            .iter()
            .map(|c| c.split('=').next().unwrap_or_default().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&known), names(&unknown), "the same cookies");
    let told = crate::web_experts::wait_for_mail(&db, "expert@demo.passerelle.ml").await;
    assert!(
        told.contains("compte") || told.contains("account"),
        "the owner is told"
    );
    // Throttled per client address.
    let mut last = 0;
    for i in 0..6 {
        let client = WebClient::new(&server.base);
        let email = format!("rafale{i}@example.org");
        last = client
            .submit_on(
                "/signup",
                &[
                    ("role", "expert"),
                    ("name", "Rafale"),
                    ("email", &email),
                    ("password", "une phrase de passe à moi"),
                ],
            )
            .await
            .status
            .as_u16();
    }
    assert_eq!(last, 429, "sign-ups from one address are throttled");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(
    signup_enumeration_on,
    signup_tells_nobody_who_has_an_account
);
