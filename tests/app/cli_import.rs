//! `passerelle import` and `export` through the real binary: round trip, idempotence,
//! refusal of bad files with file/line/field errors and no change to the database.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::helpers::{Engine, TestDb, dev_data, texts};
use crate::on_both_engines;

/// Reads a JSON Lines file into records keyed by ref.
fn records(path: &Path) -> BTreeMap<String, Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["ref"].as_str().unwrap().to_string(), v)
        })
        .collect()
}

/// Normalises the spellings the importer canonicalises (region accents), so that a
/// record and its export compare equal.
fn canonical(mut v: Value) -> Value {
    for key in ["home_region", "region"] {
        if let Some(Value::String(s)) = v.get(key) {
            let canon = passerelle_index::Region::parse(s)
                .map(|r| r.name().to_string())
                .unwrap_or(s.clone());
            v[key] = Value::String(canon);
        }
    }
    v
}

/// Imports the development set through the CLI.
pub fn import_dev(db: &TestDb) -> std::process::Output {
    let dev = dev_data();
    db.run(&[
        "import",
        "--experts",
        dev.join("experts.jsonl").to_str().unwrap(),
        "--missions",
        dev.join("missions.jsonl").to_str().unwrap(),
        "--projects",
        dev.join("projects.jsonl").to_str().unwrap(),
    ])
}

async fn import_then_export_round_trips(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let out = import_dev(&db);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "import failed: {stderr}");
    assert!(stdout.contains("imported 22 experts (22 new, 0 updated), 5 missions (5 new, 0 updated), 4 projects (4 new, 0 updated)"), "{stdout}");
    let export_dir = db.dir.path().join("export");
    let out = db.run(&["export", "--dir", export_dir.to_str().unwrap()]);
    assert!(out.status.success(), "export failed: {}", texts(&out).1);
    for file in ["experts.jsonl", "missions.jsonl", "projects.jsonl"] {
        let original: BTreeMap<_, _> = records(&dev_data().join(file))
            .into_iter()
            .map(|(k, v)| (k, canonical(v)))
            .collect();
        let exported = records(&export_dir.join(file));
        assert_eq!(original, exported, "{file} does not round-trip");
    }
    // Importing the export again changes nothing but the update count.
    let again = db.run(&[
        "import",
        "--experts",
        export_dir.join("experts.jsonl").to_str().unwrap(),
    ]);
    assert!(
        texts(&again)
            .0
            .contains("imported 22 experts (0 new, 22 updated)"),
        "{:?}",
        texts(&again)
    );
    let db_handle = db.connect().await;
    let experts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM experts")
        .fetch_one(&db_handle.pool)
        .await
        .unwrap();
    assert_eq!(experts, 22);
    let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM change_log")
        .fetch_one(&db_handle.pool)
        .await
        .unwrap();
    assert_eq!(
        changes,
        22 + 5 + 4 + 22,
        "one change-log row per insert and per update"
    );
    db_handle.close().await;
    db.drop_db().await;
}
on_both_engines!(
    import_then_export_round_trips_on,
    import_then_export_round_trips
);

const GOOD_EXPERT: &str = r#"{"ref":"X1","name":"Awa Traoré","email":"awa@example.org","headline":"Agronome","skills":["irrigation"],"languages":["fr","bm"],"residence_country":"FR","availability":[{"from":"2027-01-01","to":"2027-02-01"}],"modes":["onsite"],"offers":["teaching"]}"#;
const GOOD_PROJECT: &str = r#"{"ref":"P1","association":"Amicale de Kita","title":"Puits","description":"Un puits","sector":"water","skills":["forage"],"region":"Kayes","budget_eur":1000,"funding_sought_eur":500}"#;

/// One kind of bad input: the file's kind, its text, and the line and field the error must name.
struct BadCase {
    what: &'static str,
    flag: &'static str,
    text: String,
    line: usize,
    field: Option<&'static str>,
}

fn bad_cases() -> Vec<BadCase> {
    let e = |what, text: String, line, field| BadCase {
        what,
        flag: "--experts",
        text,
        line,
        field,
    };
    let p = |what, text: String, line, field| BadCase {
        what,
        flag: "--projects",
        text,
        line,
        field,
    };
    let two = |second: String| format!("{}\n{second}\n", GOOD_EXPERT.replace("X1", "X0"));
    vec![
        e(
            "malformed JSON",
            two(r#"{"ref": "X1", "name": "#.into()),
            2,
            None,
        ),
        e(
            "missing field",
            two(GOOD_EXPERT.replace(r#""headline":"Agronome","#, "")),
            2,
            Some("headline"),
        ),
        e(
            "unknown field",
            two(GOOD_EXPERT.replace(r#""name""#, r#""nom":"x","name""#)),
            2,
            Some("nom"),
        ),
        e(
            "bad date",
            two(GOOD_EXPERT.replace("2027-02-01", "01/02/2027")),
            2,
            Some("availability[0].to"),
        ),
        e(
            "impossible date",
            two(GOOD_EXPERT.replace("2027-02-01", "2027-02-30")),
            2,
            Some("availability[0].to"),
        ),
        e(
            "window ends before it starts",
            two(GOOD_EXPERT.replace("2027-02-01", "2026-12-01")),
            2,
            Some("availability[0]"),
        ),
        e(
            "unknown language code",
            two(GOOD_EXPERT.replace(r#""bm""#, r#""zz""#)),
            2,
            Some("languages[1]"),
        ),
        e(
            "duplicate ref",
            format!("{GOOD_EXPERT}\n{GOOD_EXPERT}\n"),
            2,
            Some("ref"),
        ),
        e(
            "wrong type",
            two(GOOD_EXPERT.replace(r#"["irrigation"]"#, r#""irrigation""#)),
            2,
            Some("skills"),
        ),
        e(
            "unknown country",
            two(GOOD_EXPERT.replace(r#""FR""#, r#""France""#)),
            2,
            Some("residence_country"),
        ),
        e(
            "unknown mode",
            two(GOOD_EXPERT.replace(r#"["onsite"]"#, r#"["hybrid"]"#)),
            2,
            Some("modes[0]"),
        ),
        e(
            "bad email",
            two(GOOD_EXPERT.replace("awa@example.org", "awa.example.org")),
            2,
            Some("email"),
        ),
        e(
            "empty skills",
            two(GOOD_EXPERT.replace(r#"["irrigation"]"#, "[]")),
            2,
            Some("skills"),
        ),
        e(
            "unknown region",
            two(GOOD_EXPERT.replace(
                r#""residence_country""#,
                r#""home_region":"Dakar","residence_country""#,
            )),
            2,
            Some("home_region"),
        ),
        p(
            "unknown sector",
            GOOD_PROJECT.replace("water", "plumbing"),
            1,
            Some("sector"),
        ),
        p(
            "negative budget",
            GOOD_PROJECT.replace("1000", "-5"),
            1,
            Some("budget_eur"),
        ),
        p(
            "funding above budget",
            GOOD_PROJECT.replace("500", "5000"),
            1,
            Some("funding_sought_eur"),
        ),
    ]
}

async fn bad_files_are_refused_and_change_nothing(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    assert!(import_dev(&db).status.success());
    let export_before = db.dir.path().join("before");
    assert!(
        db.run(&["export", "--dir", export_before.to_str().unwrap()])
            .status
            .success()
    );
    let cases = bad_cases();
    assert!(cases.len() >= 10);
    for case in cases {
        let file = db.dir.path().join("bad.jsonl");
        std::fs::write(&file, &case.text).unwrap();
        let out = db.run(&["import", case.flag, file.to_str().unwrap()]);
        let (stdout, stderr) = texts(&out);
        assert!(
            !out.status.success(),
            "{}: import should fail, said {stdout}",
            case.what
        );
        let location = format!("bad.jsonl:{}:", case.line);
        assert!(
            stderr.contains(&location),
            "{}: error should name {location}: {stderr}",
            case.what
        );
        if let Some(field) = case.field {
            assert!(
                stderr.contains(&format!("field `{field}`")),
                "{}: error should name field {field}: {stderr}",
                case.what
            );
        }
        assert!(
            stderr.contains("nothing was imported"),
            "{}: {stderr}",
            case.what
        );
    }
    // Invalid UTF-8 is refused too.
    let file = db.dir.path().join("latin1.jsonl");
    std::fs::write(&file, b"{\"ref\":\"X\xe9\"}\n").unwrap();
    let out = db.run(&["import", "--experts", file.to_str().unwrap()]);
    assert!(
        !out.status.success() && texts(&out).1.contains("latin1.jsonl:1:"),
        "{:?}",
        texts(&out)
    );
    // A good experts file beside a bad projects file: nothing of either is written.
    let good = db.dir.path().join("good.jsonl");
    std::fs::write(&good, GOOD_EXPERT.replace("X1", "NEW1")).unwrap();
    let bad = db.dir.path().join("badp.jsonl");
    std::fs::write(&bad, GOOD_PROJECT.replace("water", "plumbing")).unwrap();
    let out = db.run(&[
        "import",
        "--experts",
        good.to_str().unwrap(),
        "--projects",
        bad.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let export_after = db.dir.path().join("after");
    assert!(
        db.run(&["export", "--dir", export_after.to_str().unwrap()])
            .status
            .success()
    );
    for file in ["experts.jsonl", "missions.jsonl", "projects.jsonl"] {
        assert_eq!(
            std::fs::read_to_string(export_before.join(file)).unwrap(),
            std::fs::read_to_string(export_after.join(file)).unwrap(),
            "{file} changed after refused imports"
        );
    }
    let handle = db.connect().await;
    let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM change_log")
        .fetch_one(&handle.pool)
        .await
        .unwrap();
    assert_eq!(changes, 31, "refused imports must not touch the change log");
    handle.close().await;
    db.drop_db().await;
}
on_both_engines!(
    bad_files_are_refused_on,
    bad_files_are_refused_and_change_nothing
);
