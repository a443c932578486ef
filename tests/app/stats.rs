//! Statistics checked against the development set imported through the CLI: the figures,
//! the small-count suppression, the downloads, and the map (one shape per region).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::cli_import::import_dev;
use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb, dev_data, texts};
use crate::on_both_engines;
use crate::web::WebClient;

/// The publication rule: 1–4 are hidden.
fn published(n: u64) -> Value {
    if (1..5).contains(&n) {
        Value::from("<5")
    } else {
        Value::from(n)
    }
}

fn lines(file: &str) -> Vec<Value> {
    std::fs::read_to_string(dev_data().join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn region_id(name: &str) -> String {
    passerelle_index::Region::parse(name)
        .unwrap()
        .id()
        .to_string()
}

/// Reads a table's JSON rows as (first column, second column).
fn pairs(table: &Value) -> BTreeMap<String, Value> {
    let cols: Vec<String> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[&cols[0]].as_str().unwrap_or_default().to_string(),
                r[&cols[1]].clone(),
            )
        })
        .collect()
}

async fn aggregates_match_the_dev_set(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    assert!(import_dev(&db).status.success());
    let experts = lines("experts.jsonl");
    let missions = lines("missions.jsonl");
    let projects = lines("projects.jsonl");

    let out_dir = db.dir.path().join("report");
    let out = db.run(&["report", "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "report: {}", texts(&out).1);
    let read = |id: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(out_dir.join(format!("{id}.json"))).unwrap())
            .unwrap()
    };
    for spec in passerelle_templates::stats::page::SECTIONS {
        for id in spec.tables {
            assert!(
                out_dir.join(format!("{id}.csv")).exists(),
                "{id}.csv written"
            );
            assert!(
                out_dir.join(format!("{id}.json")).exists(),
                "{id}.json written"
            );
        }
    }

    // Experts by region of origin, computed here from the file.
    let mut by_region: BTreeMap<String, u64> = BTreeMap::new();
    for e in &experts {
        if let Some(r) = e["home_region"].as_str() {
            *by_region.entry(region_id(r)).or_default() += 1;
        }
    }
    let expected: BTreeMap<String, Value> = by_region
        .iter()
        .map(|(k, n)| (k.clone(), published(*n)))
        .collect();
    assert_eq!(pairs(&read("experts_by_region")), expected);
    assert!(
        expected.values().any(|v| v == "<5") && expected.values().any(|v| v.is_u64()),
        "the set exercises both rules"
    );

    // Experts by language (each expert once per language).
    let mut by_lang: BTreeMap<String, u64> = BTreeMap::new();
    for e in &experts {
        let mut langs: Vec<String> = e["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                let code = l.as_str().unwrap();
                passerelle::domain::codes::language(code)
                    .map(|c| c.code.to_string())
                    .unwrap_or(code.to_string())
            })
            .collect();
        langs.sort();
        langs.dedup();
        for l in langs {
            *by_lang.entry(l).or_default() += 1;
        }
    }
    let table = read("experts_by_language");
    let published_counts: Vec<Value> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["experts"].clone())
        .collect();
    let mut expected_counts: Vec<Value> = by_lang.values().map(|n| published(*n)).collect();
    let key = |v: &Value| v.as_u64().map(|n| n as i64).unwrap_or(-1);
    expected_counts.sort_by_key(|v| std::cmp::Reverse(key(v)));
    let mut got = published_counts.clone();
    got.sort_by_key(|v| std::cmp::Reverse(key(v)));
    assert_eq!(got, expected_counts, "experts by language");

    // Projects by sector and funding sought by region: postings and amounts are exact.
    let mut sought: BTreeMap<String, f64> = BTreeMap::new();
    for p in &projects {
        *sought
            .entry(region_id(p["region"].as_str().unwrap()))
            .or_default() += p["funding_sought_eur"].as_f64().unwrap_or(0.0);
    }
    let funding = read("funding_by_region");
    for row in funding["rows"].as_array().unwrap() {
        let r = row["region"].as_str().unwrap();
        assert_eq!(
            row["sought"].as_f64().unwrap(),
            sought[r].floor(),
            "funding sought in {r}"
        );
    }
    let total_missions: u64 = read("missions_by_status")["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["missions"].as_u64().unwrap_or(0))
        .sum();
    assert!(total_missions <= missions.len() as u64);

    // No person table anywhere publishes a count from 1 to 4.
    for id in [
        "experts_by_country",
        "experts_by_region",
        "experts_by_commune",
        "experts_by_language",
        "experts_by_skill",
        "experts_by_degree",
        "experts_by_discipline",
    ] {
        let csv = std::fs::read_to_string(out_dir.join(format!("{id}.csv"))).unwrap();
        for line in csv.lines().skip(1) {
            let last = line.rsplit(',').next().unwrap();
            assert!(!matches!(last, "1" | "2" | "3" | "4"), "{id}: {line}");
        }
    }

    // The page: one shape per region on the map of experts, carrying the published figures.
    let server = start(&db, &[]);
    let client = WebClient::new(&server.base);
    let page = client.get("/statistics").await;
    assert_eq!(page.status, 200);
    let map_start = page
        .body
        .find("id=\"map-experts_by_region\"")
        .expect("the map of experts");
    let map = &page.body[map_start..map_start + page.body[map_start..].find("</svg>").unwrap()];
    let shapes: Vec<(&str, &str)> = map
        .split("data-region=\"")
        .skip(1)
        .map(|rest| {
            let id = &rest[..rest.find('"').unwrap()];
            let value = rest
                .split("data-value=\"")
                .nth(1)
                .map(|v| &v[..v.find('"').unwrap()])
                .unwrap_or("");
            (id, value)
        })
        .collect();
    let ids: std::collections::BTreeSet<&str> = shapes.iter().map(|s| s.0).collect();
    assert_eq!(ids.len(), shapes.len(), "one shape per region");
    assert_eq!(
        shapes.len(),
        10,
        "Mali's regions, Taoudénit drawn inside Tombouctou"
    );
    assert!(shapes.contains(&("kayes", "6")), "{shapes:?}");
    assert!(
        page.body.contains("Taoudénit"),
        "the map says where Taoudénit is"
    );
    let csv = client.get("/statistics/experts_by_region.csv").await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(csv.body.contains("kayes,6"));
    let json = client.get("/statistics/experts_by_region.json").await;
    assert_eq!(
        serde_json::from_str::<Value>(&json.body).unwrap()["id"],
        "experts_by_region"
    );
    assert_eq!(
        client
            .get("/statistics/experts_by_commune.csv")
            .await
            .status,
        404,
        "communes: moderators only"
    );
    assert_eq!(client.get("/statistics/nope.csv").await.status, 404);
    drop(server);
    db.drop_db().await;
}
on_both_engines!(aggregates_on, aggregates_match_the_dev_set);
