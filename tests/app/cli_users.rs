//! `passerelle user`: a real install without demo data gets its first moderator from the
//! command line, who signs in through the login page and verifies an organisation.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::cli_serve::Server;
use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;
use crate::web::WebClient;

const MODERATOR_PASSWORD: &str = "la carte des cercles du Mali";

/// Runs `passerelle user …` with `stdin` on standard input; returns (success, stdout+stderr).
fn user(db: &TestDb, args: &[&str], stdin: Option<&str>) -> (bool, String) {
    let mut all = vec!["user"];
    all.extend_from_slice(args);
    let mut child = db
        .command(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run passerelle user");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Starts `serve` without demo data and returns what it printed before its address.
fn serve_reading_hints(db: &TestDb) -> (Server, Vec<String>) {
    let mut cmd = db.command(&["serve", "--addr", "127.0.0.1:0"]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = cmd.spawn().expect("serve");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut before = Vec::new();
    let base = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Passerelle listens on ") {
            break rest.trim_end_matches('/').to_string();
        }
        before.push(line);
    };
    std::thread::spawn(move || for _ in lines {});
    (Server::from_child(child, base), before)
}

async fn first_moderator_from_the_command_line(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let (server, hints) = serve_reading_hints(&db);
    assert!(
        hints
            .iter()
            .any(|l| l.contains("passerelle user add") && l.contains("moderator")),
        "serve says how to make the first moderator: {hints:?}"
    );
    drop(server);

    // Bad input is refused with the flag named; nothing is written.
    let (ok, text) = user(
        &db,
        &[
            "add", "--email", "a@b.org", "--name", "A", "--role", "admin",
        ],
        None,
    );
    assert!(!ok && text.contains("--role"), "{text}");
    let (ok, text) = user(
        &db,
        &[
            "add",
            "--email",
            "modo@cigem.ml",
            "--name",
            "Modo",
            "--role",
            "moderator",
            "--password-stdin",
        ],
        Some("court\n"),
    );
    assert!(!ok && text.contains("password refused"), "{text}");

    let (ok, text) = user(
        &db,
        &[
            "add",
            "--email",
            "Awa.Modo@cigem.ml",
            "--name",
            "Awa Diarra",
            "--role",
            "moderator",
            "--password-stdin",
        ],
        Some(&format!("{MODERATOR_PASSWORD}\n")),
    );
    assert!(ok, "{text}");
    let (ok, text) = user(
        &db,
        &[
            "add",
            "--email",
            "awa.modo@cigem.ml",
            "--name",
            "Encore",
            "--role",
            "moderator",
            "--password-stdin",
        ],
        Some(&format!("{MODERATOR_PASSWORD}\n")),
    );
    assert!(!ok && text.contains("already uses"), "{text}");
    let (ok, text) = user(
        &db,
        &[
            "add",
            "--email",
            "scolarite@usseg.ml",
            "--name",
            "Service scolarité",
            "--role",
            "institution",
            "--organisation",
            "Université de Ségou",
        ],
        None,
    );
    assert!(ok, "{text}");
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/password/reset?token="))
        .expect("a set-password link")
        .to_string();
    let (ok, listed) = user(&db, &["list"], None);
    assert!(
        ok && listed.contains("awa.modo@cigem.ml\tmoderator"),
        "{listed}"
    );
    assert!(listed.contains("scolarite@usseg.ml\tinstitution_member\tUniversité de Ségou"));
    assert!(!listed.contains("no moderator yet"));

    let (server, hints) = serve_reading_hints(&db);
    assert!(
        hints.iter().all(|l| !l.contains("no moderator yet")),
        "{hints:?}"
    );

    // The member sets a password through the printed link.
    let member = WebClient::new(&server.base);
    let path = link.trim_start_matches("http://127.0.0.1:8080");
    let page = member.get(path).await;
    assert_eq!(page.status, 200);
    let mut form = page.form_with(&["password", "password_confirm"]);
    form.fill(&[
        ("password", "les rives du Niger 2027"),
        ("password_confirm", "les rives du Niger 2027"),
    ]);
    assert_eq!(
        member.submit(&form).await.location.as_deref(),
        Some("/login")
    );

    // An association signs up through the pages and waits for verification.
    let association = WebClient::new(&server.base);
    let signup = association
        .submit_on(
            "/signup",
            &[
                ("role", "association"),
                ("name", "Fatou Sylla"),
                ("email", "fatou@example.org"),
                ("password", "les jardins de Kita 2027"),
            ],
        )
        .await;
    assert_eq!(signup.status, 303);
    let eml = crate::web_experts::wait_for_mail(&db, "fatou@example.org")
        .await
        .replace("=\r\n", "")
        .replace("=3D", "=");
    let at = eml.find("/verify-email?token=").unwrap();
    let verify: String = eml[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.".contains(*c))
        .collect();
    assert_eq!(association.get(&verify).await.status, 303);
    let created = association
        .submit_on(
            "/organisation/edit",
            &[
                ("name", "Ressortissants de Kita à Lyon"),
                ("city", "Lyon"),
                ("country", "FR"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);

    // The moderator made by the command line signs in through the login page and verifies it.
    let moderator = WebClient::new(&server.base);
    let login = moderator.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "awa.modo@cigem.ml"),
        ("password", MODERATOR_PASSWORD),
    ]);
    let signed_in = moderator.submit(&form).await;
    assert_eq!(signed_in.status, 303);
    let queue = moderator.get("/moderation").await;
    assert!(queue.body.contains("Ressortissants de Kita à Lyon"));
    assert_eq!(
        moderator
            .press("/moderation", "Vérifier", None)
            .await
            .status,
        303
    );
    let store = db.connect().await;
    let verified: i64 = sqlx::query_scalar(
        "SELECT verified FROM organisations WHERE name = 'Ressortissants de Kita à Lyon'",
    )
    .fetch_one(&store.pool)
    .await
    .unwrap();
    assert_eq!(verified, 1);
    let logged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'add_user:%'")
            .fetch_one(&store.pool)
            .await
            .unwrap();
    assert_eq!(
        logged, 2,
        "each account made by the command line is in the audit log"
    );
    store.close().await;

    // Disabling: never the last active moderator; then no sign-in, no session.
    let (ok, text) = user(&db, &["disable", "--email", "awa.modo@cigem.ml"], None);
    assert!(!ok && text.contains("last active moderator"), "{text}");
    let (ok, text) = user(
        &db,
        &[
            "add",
            "--email",
            "second@cigem.ml",
            "--name",
            "Second",
            "--role",
            "moderator",
            "--password-stdin",
        ],
        Some("une autre phrase assez longue\n"),
    );
    assert!(ok, "{text}");
    let (ok, text) = user(&db, &["disable", "--email", "awa.modo@cigem.ml"], None);
    assert!(ok, "{text}");
    assert_eq!(
        moderator.get("/moderation").await.status,
        303,
        "her session ended"
    );
    let again = WebClient::new(&server.base);
    let login = again.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "awa.modo@cigem.ml"),
        ("password", MODERATOR_PASSWORD),
    ]);
    assert_eq!(
        again.submit(&form).await.status,
        422,
        "a disabled account cannot sign in"
    );
    let (ok, text) = user(
        &db,
        &["role", "--email", "second@cigem.ml", "--role", "expert"],
        None,
    );
    assert!(!ok && text.contains("last active moderator"), "{text}");
    let (ok, text) = user(
        &db,
        &[
            "role",
            "--email",
            "scolarite@usseg.ml",
            "--role",
            "association",
        ],
        None,
    );
    assert!(!ok && text.contains("--organisation"), "{text}");
    let (ok, text) = user(
        &db,
        &[
            "role",
            "--email",
            "scolarite@usseg.ml",
            "--role",
            "moderator",
        ],
        None,
    );
    assert!(ok, "{text}");
    let (_, listed) = user(&db, &["list"], None);
    assert!(
        listed.contains("awa.modo@cigem.ml\tmoderator\t-\tdisabled"),
        "{listed}"
    );
    assert!(listed.contains("scolarite@usseg.ml\tmoderator"), "{listed}");
    drop(server);
    db.drop_db().await;
}
on_both_engines!(first_moderator_on, first_moderator_from_the_command_line);
