//! `kill -9` during `import` and `reindex`: the database keeps all of an import or none of
//! it, and the index is restored from the database on the next start.

use std::process::Stdio;
use std::time::Duration;

use crate::helpers::{Engine, TestDb, texts};
use crate::on_both_engines;

const EXPERTS: usize = 20_000;

fn count_experts(db: &TestDb) -> usize {
    let dir = db.dir.path().join("count-export");
    let out = db.run(&["export", "--dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "export: {}", texts(&out).1);
    std::fs::read_to_string(dir.join("experts.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

async fn import_killed_keeps_all_or_nothing(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let data = db.dir.path().join("gen");
    let n = EXPERTS.to_string();
    let out = db.run(&[
        "generate",
        "--experts",
        &n,
        "--missions",
        "200",
        "--projects",
        "200",
        "--seed",
        "3",
        "--dir",
        data.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "generate: {}", texts(&out).1);
    assert!(db.run(&["migrate"]).status.success());
    let experts = data.join("experts.jsonl");
    let mut killed = 0;
    // Kill at several moments: during validation, during writing, and maybe after the end.
    for delay_ms in [150_u64, 600, 1500, 3000] {
        let mut child = db
            .command(&["import", "--experts", experts.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        let status = child.wait().unwrap();
        let count = count_experts(&db);
        if finished && status.success() {
            assert_eq!(count, EXPERTS, "a finished import wrote everything");
            break;
        }
        assert_eq!(count, 0, "killed after {delay_ms} ms: nothing half-written");
    }
    assert!(
        killed > 0,
        "the import was killed at least once while running"
    );
    // After the crashes, the same import completes and the index follows the database.
    let out = db.run(&["import", "--experts", experts.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "import after crash: {}",
        texts(&out).1
    );
    assert_eq!(count_experts(&db), EXPERTS);

    // Kill a reindex midway: the next command catches up from the database.
    let mut child = db
        .command(&["reindex"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let _ = child.kill();
    let _ = child.wait();
    let first_line = std::fs::read_to_string(&experts).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(first_line.lines().next().unwrap()).unwrap();
    let first_ref = first["ref"].as_str().unwrap().to_string();
    let out = db.run(&["match", "--expert", &first_ref, "--json", "--limit", "3"]);
    let (stdout, stderr) = texts(&out);
    assert!(
        out.status.success(),
        "match after a killed reindex: {stderr}"
    );
    assert!(stdout.contains("\"matches\""), "{stdout}");
    let out = db.run(&["reindex"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "reindex: {stderr}");
    assert!(
        stdout.contains(&format!("reindexed {EXPERTS} experts")),
        "{stdout}"
    );
    db.drop_db().await;
}
on_both_engines!(import_killed_on, import_killed_keeps_all_or_nothing);
