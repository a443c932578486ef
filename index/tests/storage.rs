//! Storage and search: cursor persistence, deletes, clears, schema changes, threads,
//! free-text search with facet filters and counts.

mod common;

use common::{engine_with, expert, mission, project};
use passerelle_index::{DocKind, Engine, Region, SearchQuery};

#[test]
fn home_commune_gives_the_region() {
    let mut e = expert("E1", &["forage"]);
    e.home_commune = Some("Diéma".into());
    let engine = engine_with(&[e]);
    let q = SearchQuery {
        kind: DocKind::Expert,
        text: String::new(),
        region: Some(Region::Kayes),
        language: None,
        discipline: None,
        country: None,
        limit: 10,
        offset: 0,
    };
    assert_eq!(engine.search(&q).total, 1);
}

#[test]
fn search_filters_and_counts_facets() {
    let mut a = expert("E1", &["hydrologie appliquée"]);
    a.home_region = Some(Region::Kayes);
    a.disciplines = vec!["Sciences de la Terre".into()];
    let mut b = expert("E2", &["hydrologie des eaux souterraines"]);
    b.home_region = Some(Region::Segou);
    b.languages = vec!["fr".into(), "en".into()];
    b.residence_country = "CA".into();
    let c = expert("E3", &["comptabilité"]);
    let engine = engine_with(&[a, b, c]);
    let mut q = SearchQuery {
        kind: DocKind::Expert,
        text: "hydrologie".into(),
        region: None,
        language: None,
        discipline: None,
        country: None,
        limit: 10,
        offset: 0,
    };
    let all = engine.search(&q);
    assert_eq!(all.total, 2, "{all:?}");
    assert!(all.facets.region.contains(&("kayes".to_string(), 1)));
    assert!(all.facets.region.contains(&("segou".to_string(), 1)));
    assert!(all.facets.language.contains(&("fr".to_string(), 2)));
    assert!(all.facets.country.contains(&("CA".to_string(), 1)));
    q.language = Some("en".into());
    let english = engine.search(&q);
    assert_eq!(
        english
            .hits
            .iter()
            .map(|h| h.r#ref.as_str())
            .collect::<Vec<_>>(),
        vec!["E2"]
    );
    q.language = None;
    q.discipline = Some("sciences de la terre".into());
    assert_eq!(engine.search(&q).total, 1);
    q.discipline = None;
    q.text = String::new();
    q.limit = 1;
    q.offset = 1;
    let page = engine.search(&q);
    assert_eq!((page.total, page.hits.len()), (3, 1));
    assert!(
        engine
            .search(&SearchQuery {
                kind: DocKind::Mission,
                ..q.clone()
            })
            .hits
            .is_empty()
    );
}

#[test]
fn cursor_survives_reopening_and_deletes_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let engine = Engine::open(dir.path()).expect("open");
        assert_eq!(engine.cursor(), None);
        engine
            .upsert_expert(&expert("E1", &["hydrogéologie"]))
            .expect("upsert");
        engine
            .upsert_expert(&expert("E2", &["comptabilité"]))
            .expect("upsert");
        engine
            .upsert_opportunity(&mission(&["hydrogéologie"]))
            .expect("upsert");
        engine.upsert_opportunity(&project()).expect("upsert");
        engine.commit(42).expect("commit");
        engine.delete(DocKind::Expert, "E2").expect("delete");
        engine.commit(43).expect("commit");
    }
    let engine = Engine::open(dir.path()).expect("reopen");
    assert_eq!(engine.cursor(), Some(43));
    let counts = engine.counts();
    assert_eq!(
        (counts.experts, counts.missions, counts.projects),
        (1, 1, 1)
    );
    assert_eq!(
        engine.expert("E1").map(|e| e.skills),
        Some(vec!["hydrogéologie".to_string()])
    );
    assert!(engine.expert("E2").is_none());
    assert_eq!(
        engine.opportunity("P1").map(|p| p.commune),
        Some(Some("Diéma".to_string()))
    );
    let found = engine.match_experts(&mission(&["hydrogéologie"]), 5);
    assert_eq!(found.len(), 1);
    engine.clear().expect("clear");
    engine.commit(44).expect("commit");
    assert_eq!(engine.counts().experts, 0);
    assert!(
        engine
            .match_experts(&mission(&["hydrogéologie"]), 5)
            .is_empty()
    );
}

#[test]
fn upsert_replaces_and_bad_refs_are_refused() {
    let engine = engine_with(&[expert("E1", &["comptabilité"])]);
    engine
        .upsert_expert(&expert("E1", &["hydrogéologie"]))
        .expect("upsert");
    engine.commit(8).expect("commit");
    assert_eq!(engine.counts().experts, 1);
    assert_eq!(
        engine.match_experts(&mission(&["hydrogéologie"]), 5)[0].r#ref,
        "E1"
    );
    assert!(engine.upsert_expert(&expert("  ", &[])).is_err());
    assert!(engine.match_experts(&mission(&[]), 0).is_empty());
}

#[test]
fn an_index_with_another_schema_is_replaced() {
    use tantivy::schema::{STORED, Schema};
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut b = Schema::builder();
        b.add_text_field("something_else", STORED);
        let index = tantivy::Index::create_in_dir(dir.path(), b.build()).expect("old index");
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).expect("writer");
        writer.commit().expect("commit");
    }
    let engine = Engine::open(dir.path()).expect("replaced");
    assert_eq!(engine.cursor(), None);
    assert_eq!(engine.counts().experts, 0);
}

#[test]
fn engine_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
    let engine = std::sync::Arc::new(engine_with(&[expert("E1", &["hydrogéologie"])]));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let engine = std::sync::Arc::clone(&engine);
            std::thread::spawn(move || engine.match_experts(&mission(&["hydrogéologie"]), 3).len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), 1);
    }
}

#[test]
fn reopening_rebuilds_the_same_features_on_every_core() {
    // Enough documents for the reopening to share them among threads; the rankings, scores,
    // reasons and facet counts must come back exactly as they were before closing.
    const SKILLS: &[&str] = &[
        "hydrogéologie",
        "forage de puits",
        "santé publique",
        "épidémiologie",
        "comptabilité",
        "irrigation goutte à goutte",
        "énergie solaire",
        "génie civil",
        "enseignement des mathématiques",
        "GIS",
    ];
    let experts: Vec<_> = (0..400)
        .map(|i| {
            let mut e = expert(
                &format!("E{i:03}"),
                &[SKILLS[i % SKILLS.len()], SKILLS[(i * 7 + 3) % SKILLS.len()]],
            );
            e.home_region = [Some(Region::Kayes), Some(Region::Mopti), None][i % 3];
            e
        })
        .collect();
    let wanted = mission(&["hydrogéologie", "forage", "SIG"]);
    let search = SearchQuery {
        kind: DocKind::Expert,
        text: "santé".into(),
        region: None,
        language: None,
        discipline: None,
        country: None,
        limit: 10,
        offset: 0,
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (before, found) = {
        let engine = Engine::open(dir.path()).expect("open");
        for e in &experts {
            engine.upsert_expert(e).expect("upsert");
        }
        engine.upsert_opportunity(&wanted).expect("upsert");
        engine.commit(1).expect("commit");
        (engine.match_experts(&wanted, 20), engine.search(&search))
    };
    assert_eq!(before.len(), 20);
    let engine = Engine::open(dir.path()).expect("reopen");
    assert_eq!(engine.counts().experts, 400);
    assert_eq!(engine.match_experts(&wanted, 20), before);
    assert_eq!(engine.search(&search), found);
    assert!(found.total > 0);
}
