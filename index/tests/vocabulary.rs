//! The shipped vocabulary: French/English labels meet, acronyms, accents, operator extension,
//! suggestions; and the gazetteer.

use passerelle_index::phrase::HitKind;
use passerelle_index::{Gazetteer, Lang, Region, Vocabulary};

fn concepts(v: &Vocabulary, phrase: &str) -> Vec<String> {
    v.map_phrase(phrase)
        .iter()
        .filter_map(|h| v.concept(h.concept).map(|c| c.id.clone()))
        .collect()
}

fn shares(v: &Vocabulary, a: &str, b: &str) -> bool {
    let left = concepts(v, a);
    concepts(v, b).iter().any(|c| left.contains(c))
}

#[test]
fn french_and_english_wordings_share_concepts() {
    let v = Vocabulary::bundled();
    assert!(v.len() > 15_000);
    assert!(shares(
        v,
        "systèmes d'information géographique",
        "geographic information systems"
    ));
    assert!(shares(v, "cartographie", "cartography"));
    assert!(shares(v, "comptabilité", "accounting"));
    assert!(shares(v, "néonatologie", "neonatology"));
    assert!(shares(v, "hydrogéologie", "hydrogeology"));
}

#[test]
fn accents_case_and_apostrophes_do_not_matter() {
    let v = Vocabulary::bundled();
    assert_eq!(
        concepts(v, "Systemes d’information geographique"),
        concepts(v, "systèmes d'information géographique")
    );
    assert_eq!(concepts(v, "CARTOGRAPHIE"), concepts(v, "cartographie"));
}

#[test]
fn acronyms_map_to_their_concept() {
    let v = Vocabulary::bundled();
    let gis = v
        .find("skill/377861af-f966-4c87-a2db-7e99904312b9")
        .expect("GIS concept");
    for acronym in ["GIS", "SIG"] {
        let hits = v.map_phrase(acronym);
        let hit = hits
            .iter()
            .find(|h| h.concept == gis)
            .unwrap_or_else(|| panic!("{acronym}: {hits:?}"));
        assert_eq!(hit.kind, HitKind::Acronym);
    }
    assert!(shares(v, "SIG", "GIS"));
}

#[test]
fn partial_phrases_still_find_concepts() {
    let v = Vocabulary::bundled();
    assert!(shares(v, "cartographie des aquifères", "cartographie"));
    assert!(!v.map_phrase("enseignement de la cartographie").is_empty());
}

#[test]
fn broader_links_exist() {
    let v = Vocabulary::bundled();
    let gis = v
        .find("skill/377861af-f966-4c87-a2db-7e99904312b9")
        .expect("GIS concept");
    let broader: Vec<&str> = v
        .broader(gis)
        .iter()
        .map(|b| v.label(*b, Lang::En))
        .collect();
    assert!(broader.contains(&"earth sciences"), "{broader:?}");
    assert_eq!(v.ancestors(gis)[0], (gis, 0));
}

#[test]
fn operators_extend_the_vocabulary() {
    let ext = r#"{"id": "local/orpaillage", "labels_fr": ["orpaillage", "exploitation aurifère artisanale"], "labels_en": ["artisanal gold mining"], "broader": ["skill/377861af-f966-4c87-a2db-7e99904312b9"]}
{"id": "skill/377861af-f966-4c87-a2db-7e99904312b9", "labels_fr": ["géomatique"]}"#;
    let v = Vocabulary::with_extension(ext, "ext.jsonl").expect("extension");
    let id = v.find("local/orpaillage").expect("added");
    assert!(v.map_phrase("Orpaillage").iter().any(|h| h.concept == id));
    assert!(
        v.map_phrase("artisanal gold mining")
            .iter()
            .any(|h| h.concept == id)
    );
    let gis = v
        .find("skill/377861af-f966-4c87-a2db-7e99904312b9")
        .expect("GIS");
    assert!(v.map_phrase("géomatique").iter().any(|h| h.concept == gis));
    assert_eq!(v.broader(id), &[gis]);
    let bad = Vocabulary::with_extension(r#"{"id": "x", "broader": ["nope"]}"#, "bad.jsonl");
    assert!(bad.unwrap_err().to_string().contains("bad.jsonl, line 1"));
    let unknown_field = Vocabulary::with_extension(r#"{"id": "x", "label": "y"}"#, "f.jsonl");
    assert!(unknown_field.is_err());
}

#[test]
fn suggestions_follow_the_prefix() {
    let v = Vocabulary::bundled();
    let fr = v.suggestions("hydrog", Lang::Fr, 5);
    assert!(!fr.is_empty() && fr.len() <= 5);
    assert!(
        fr.iter()
            .all(|s| s.to_lowercase().replace('é', "e").starts_with("hydrog")),
        "{fr:?}"
    );
    let en = v.suggestions("Geographic inf", Lang::En, 3);
    assert!(
        en.iter().any(|s| s == "geographic information systems"),
        "{en:?}"
    );
    assert!(v.suggestions("", Lang::En, 3).is_empty());
}

#[test]
fn gazetteer_ties_places_to_regions() {
    let g = Gazetteer::bundled();
    assert_eq!(g.region_of("Diéma"), Some(Region::Kayes));
    assert_eq!(g.region_of("NIONO"), Some(Region::Segou));
    assert_eq!(g.region_of("Ansongo"), Some(Region::Gao));
}
