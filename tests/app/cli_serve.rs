//! `passerelle serve --demo` through the real binary: a newcomer's first command.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::helpers::{Engine, TestDb};
use crate::on_both_engines;

/// A running server process, killed when dropped.
pub struct Server {
    child: std::process::Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `passerelle serve` on a free port with `extra` flags and waits until it listens.
pub fn start(db: &TestDb, extra: &[&str]) -> Server {
    start_in(db, db.dir.path(), extra)
}

/// Like [`start`], with its own data folder (a second process sharing the database).
pub fn start_in(db: &TestDb, data_dir: &std::path::Path, extra: &[&str]) -> Server {
    let mut args = vec!["serve", "--addr", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    let mut cmd = db.command(&args);
    cmd.env("PASSERELLE_DATA_DIR", data_dir);
    start_command(cmd)
}

impl Server {
    /// A server already started (and its address read) by a test of its own.
    pub fn from_child(child: std::process::Child, base: String) -> Server {
        Server { child, base }
    }
}

/// Starts `serve` from a prepared command and waits for the address it prints.
pub fn start_command(mut cmd: std::process::Command) -> Server {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("serve printed its address")
            .expect("stdout");
        if let Some(rest) = line.strip_prefix("Passerelle listens on ") {
            break rest.trim_end_matches('/').to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, base }
}

async fn demo_home_page_shows_live_counts(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let page = reqwest::get(format!("{}/", server.base)).await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"fr\""), "French first");
    let demo = passerelle::demo::parsed().unwrap();
    assert!(!demo.experts.is_empty() && !demo.missions.is_empty() && !demo.projects.is_empty());
    for (count, word) in [
        (demo.experts.len(), "experts"),
        (demo.missions.len(), "missions"),
        (demo.projects.len(), "projets"),
    ] {
        assert!(
            html.contains(&format!("{count} {word}")) || html.contains(&format!("{count}</")),
            "home shows {count} {word}: {html}"
        );
    }
    drop(server);
    db.drop_db().await;
}
on_both_engines!(demo_home_page_on, demo_home_page_shows_live_counts);
