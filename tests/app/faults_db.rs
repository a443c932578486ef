//! The database going away: unreachable at start (a clear error after retries, never a
//! panic), arriving late (serve waits for it), and lost under load then restored (pages
//! answer 503 meanwhile, and the server recovers without a restart of its own).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cli_serve::start_command;
use crate::helpers::{Engine, TestDb, texts};
use crate::proxy::{Proxy, target_of};

const USTTB: &str = "Université des Sciences, des Techniques et des Technologies de Bamako (USTTB)";

/// A loopback port with nothing listening on it.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn unreachable_database_at_start_is_a_clear_error_after_retries() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "postgres://app:s3cret-pw@127.0.0.1:{}/passerelle",
        closed_port()
    );
    for command in [&["migrate"][..], &["serve", "--addr", "127.0.0.1:0"][..]] {
        let started = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args(["--db-wait", "2"])
            .args(command)
            .env("DATABASE_URL", &url)
            .env("PASSERELLE_DATA_DIR", dir.path())
            .env("RUST_LOG", "warn")
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let (_, err) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{command:?}: {err}");
        assert!(
            err.contains("error: cannot open the database postgres://app:***@127.0.0.1:"),
            "{command:?} names the database: {err}"
        );
        assert!(
            err.contains("retrying in 1 s"),
            "{command:?} retried: {err}"
        );
        assert!(!err.contains("s3cret-pw"), "password hidden: {err}");
        assert!(!err.contains("panicked"), "no panic: {err}");
        assert!(
            elapsed >= Duration::from_secs(2) && elapsed < Duration::from_secs(30),
            "{command:?} retried for --db-wait, took {elapsed:?}"
        );
    }
}

/// `serve` through `proxy`, with the demo data, quiet logs.
fn serve_through(db: &TestDb, proxy: &Proxy, wait: &str) -> crate::cli_serve::Server {
    let mut cmd = db.command(&[
        "--db-wait",
        wait,
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--demo",
    ]);
    cmd.env("DATABASE_URL", proxy.url_through(&db.url))
        .env("RUST_LOG", "error");
    start_command(cmd)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_waits_for_a_database_that_comes_later() {
    let Some(db) = TestDb::create(Engine::Postgres, "faults_db::waits_for_database").await else {
        return;
    };
    let proxy = Arc::new(Proxy::start(target_of(&db.url), false));
    let opener = proxy.clone();
    let started = Instant::now();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(3));
        opener.restore();
    });
    let server = serve_through(&db, &proxy, "60");
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "serve listened only once the database answered"
    );
    let health = reqwest::get(format!("{}/healthz", server.base))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    drop(server);
    db.drop_db().await;
}

/// One answer seen by the load: when the request started, and its status (0: no answer).
type Seen = (Duration, u16, String);

/// How many answers of each (path, status), for short failure messages.
fn summary(seen: &[&Seen]) -> std::collections::BTreeMap<(String, u16), usize> {
    let mut counts = std::collections::BTreeMap::new();
    for s in seen {
        *counts.entry((s.2.clone(), s.1)).or_default() += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_going_away_under_load_then_back() {
    let Some(db) = TestDb::create(Engine::Postgres, "faults_db::outage_under_load").await else {
        return;
    };
    let proxy = Proxy::start(target_of(&db.url), true);
    let server = serve_through(&db, &proxy, "10");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let list: serde_json::Value = http
        .get(format!("{}/api/v1/missions", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mission = list["items"][0]["ref"].as_str().unwrap().to_string();
    let paths = [
        "/healthz".to_string(),
        format!("/api/v1/missions/{mission}"),
        format!("/missions/{mission}"),
        "/missions?q=sant%C3%A9".to_string(),
        "/".to_string(),
    ];

    let t0 = Instant::now();
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..8 {
        let (http, seen, stop, base) = (
            http.clone(),
            seen.clone(),
            stop.clone(),
            server.base.clone(),
        );
        let paths = paths.clone();
        clients.push(tokio::spawn(async move {
            let mut i = c;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let path = &paths[i % paths.len()];
                i += 1;
                let at = t0.elapsed();
                let status = match http.get(format!("{base}{path}")).send().await {
                    Ok(r) => r.status().as_u16(),
                    Err(_) => 0,
                };
                seen.lock().unwrap().push((at, status, path.clone()));
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let cut_at = t0.elapsed();
    proxy.cut();
    // Connections are refused as by a stopped server: the pool keeps trying for its
    // acquire timeout (5 s), then the request is answered 503 with Retry-After.
    let health = http
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 503, "the health check sees the outage");
    assert_eq!(
        health
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        Some("5")
    );
    let problem = http
        .get(format!("{}/api/v1/missions/{mission}", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(problem.status(), 503);
    assert_eq!(
        problem.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let restored_at = t0.elapsed();
    proxy.restore();
    tokio::time::sleep(Duration::from_secs(9)).await;
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for c in clients {
        c.await.unwrap();
    }
    let seen = seen.lock().unwrap().clone();

    let before: Vec<&Seen> = seen.iter().filter(|s| s.0 < cut_at).collect();
    let during: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.0 >= cut_at && s.0 < restored_at)
        .collect();
    let settled = restored_at + Duration::from_secs(5);
    let after: Vec<&Seen> = seen.iter().filter(|s| s.0 >= settled).collect();
    assert!(
        before.len() > 5 && !during.is_empty() && after.len() > 5,
        "load in each phase: {} {} {}",
        before.len(),
        during.len(),
        after.len()
    );
    assert!(
        before.iter().all(|s| s.1 == 200),
        "before the cut: {:?}",
        summary(&before)
    );
    // While the database is gone the server keeps answering: 200 from what it holds
    // (the search index), 503 for what needs the database; never a 500 or a dropped socket.
    assert!(
        during.iter().all(|s| s.1 == 200 || s.1 == 503),
        "only 200 or 503 during the outage: {:?}",
        summary(&during)
    );
    assert!(
        after.iter().all(|s| s.1 == 200),
        "all 200 from 5 s after the database came back: {:?}",
        summary(&after)
    );
    eprintln!(
        "outage of {:.1} s under load: during {:?}",
        (restored_at - cut_at).as_secs_f64(),
        summary(&during)
    );

    // The change-log follower survived too: a mission written by another process shows up.
    let file = db.dir.path().join("late.jsonl");
    std::fs::write(
        &file,
        format!(
            "{}\n",
            serde_json::json!({"ref": "LATE-1", "institution": USTTB, "title": "Xylologie appliquée",
                "description": "Identification des bois du Sahel.", "skills": ["xylologie"],
                "discipline": "foresterie", "level": "master", "language": "fr", "region": "Ségou",
                "start": "2027-09-01", "end": "2027-09-20", "mode": "onsite"})
        ),
    )
    .unwrap();
    let out = db.run(&["import", "--missions", file.to_str().unwrap()]);
    assert!(out.status.success(), "import: {}", texts(&out).1);
    let since = Instant::now();
    loop {
        let found: serde_json::Value = http
            .get(format!("{}/api/v1/missions?q=xylologie", server.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if found["items"]
            .as_array()
            .is_some_and(|a| a.iter().any(|m| m["ref"] == "LATE-1"))
        {
            break;
        }
        assert!(
            since.elapsed() < Duration::from_secs(15),
            "the index follows the change log again after the outage"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(server);
    drop(proxy);
    db.drop_db().await;
}
