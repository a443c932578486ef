//! `passerelle match`, `eval` and `reindex` through the real binary, on the development set:
//! the index is derived from the database, reopened across processes, and good enough.

use serde_json::Value;

use crate::cli_import::import_dev;
use crate::helpers::{Engine, TestDb, dev_data, texts};
use crate::on_both_engines;

/// The quality floor on the hand-judged development set.
const MIN_NDCG_AT_10: f64 = 0.80;

async fn match_and_eval_on_dev(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let out = import_dev(&db);
    assert!(out.status.success(), "import: {}", texts(&out).1);

    // First process opens (and builds) the index; the next ones reopen it from disk.
    let out = db.run(&["match", "--opportunity", "M0001", "--json", "--limit", "5"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "match: {stderr}");
    let first: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let matches = first["matches"].as_array().unwrap();
    assert!(!matches.is_empty() && matches.len() <= 5, "{stdout}");
    assert_eq!(first["opportunity"], "M0001");
    for m in matches {
        assert!(m["expert"].as_str().unwrap().starts_with('E'));
        assert!(
            !m["reasons"].as_array().unwrap().is_empty(),
            "every match explains itself: {m}"
        );
    }

    let out = db.run(&["match", "--all", "--json", "--limit", "3"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "match --all: {stderr}");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5 + 4, "one line per mission and project");
    for line in &lines {
        let matches = line["matches"].as_array().unwrap();
        let eligible: Vec<bool> = matches
            .iter()
            .map(|m| m["eligible"].as_bool().unwrap())
            .collect();
        assert!(
            eligible.windows(2).all(|w| w[0] || !w[1]),
            "an expert failing a hard constraint is never ranked above one who meets them: {line}"
        );
        for group in [true, false] {
            let scores: Vec<f64> = matches
                .iter()
                .filter(|m| m["eligible"].as_bool() == Some(group))
                .map(|m| m["score"].as_f64().unwrap())
                .collect();
            assert!(
                scores.windows(2).all(|w| w[0] >= w[1]),
                "rank order: {line}"
            );
        }
    }

    let out = db.run(&["match", "--expert", "E0001", "--json", "--lang", "fr"]);
    assert!(out.status.success(), "match --expert: {}", texts(&out).1);

    let qrels = dev_data().join("qrels.jsonl");
    let out = db.run(&["eval", "--qrels", qrels.to_str().unwrap(), "--json"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "eval: {stderr}");
    let report: Value = serde_json::from_str(stdout.trim()).unwrap();
    let ndcg = report["overall"]["ndcg_at_10"].as_f64().unwrap();
    assert!(
        ndcg >= MIN_NDCG_AT_10,
        "nDCG@10 on the development set fell to {ndcg:.3} (floor {MIN_NDCG_AT_10})"
    );
    assert!(report["missions"]["queries"].as_u64().unwrap() > 0);
    assert!(report["projects"]["queries"].as_u64().unwrap() > 0);

    let out = db.run(&["match", "--opportunity", "NOPE", "--json"]);
    assert!(!out.status.success());
    assert!(texts(&out).1.contains("NOPE"), "unknown ref is named");
    db.drop_db().await;
}
on_both_engines!(match_and_eval_on, match_and_eval_on_dev);

async fn reindex_rebuilds_the_same_results(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    assert!(import_dev(&db).status.success());
    let before = db.run(&["match", "--all", "--json"]);
    assert!(before.status.success());
    // Throw the index away: `reindex` and the catch-up on open must restore it from the database.
    std::fs::remove_dir_all(db.dir.path().join("index")).unwrap();
    let out = db.run(&["reindex"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "reindex: {stderr}");
    assert!(
        stdout.contains("reindexed 22 experts, 5 missions, 4 projects"),
        "{stdout}"
    );
    let after = db.run(&["match", "--all", "--json"]);
    assert_eq!(
        texts(&before).0,
        texts(&after).0,
        "same rankings after a rebuild"
    );
    db.drop_db().await;
}
on_both_engines!(reindex_on, reindex_rebuilds_the_same_results);
