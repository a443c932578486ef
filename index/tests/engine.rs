//! Matching behaviour: hard constraints, soft evidence for village projects, and the
//! reasons in both languages.

mod common;

use common::{engine_with, expert, mission, project};
use passerelle_index::{DateWindow, DocKind, Engine, Lang, Match, Reason, Region};
use time::macros::date;

fn find<'a>(matches: &'a [Match], r: &str) -> &'a Match {
    matches
        .iter()
        .find(|m| m.r#ref == r)
        .unwrap_or_else(|| panic!("{r} not matched"))
}

fn texts(m: &Match, lang: Lang) -> Vec<String> {
    m.reasons.iter().map(|r| r.text(lang)).collect()
}

#[test]
fn unavailable_expert_comes_after_available_one() {
    let mut busy = expert("E1", &["hydrogéologie", "cartographie des aquifères"]);
    busy.availability = vec![DateWindow {
        from: date!(2027 - 06 - 01),
        to: date!(2027 - 06 - 30),
    }];
    let mut free = expert("E2", &["hydrogéologie"]);
    free.availability = vec![DateWindow {
        from: date!(2027 - 03 - 01),
        to: date!(2027 - 03 - 31),
    }];
    let engine = engine_with(&[busy, free]);
    let found = engine.match_experts(
        &mission(&["hydrogéologie", "cartographie des aquifères"]),
        10,
    );
    assert_eq!(found[0].r#ref, "E2");
    let busy = find(&found, "E1");
    assert!(!busy.eligible);
    assert!(texts(busy, Lang::Fr).contains(&"pas disponible du 3 au 21 mars 2027".to_string()));
    assert!(texts(busy, Lang::En).contains(&"not available 3–21 March 2027".to_string()));
    assert!(texts(&found[0], Lang::Fr).contains(&"disponible du 1er au 31 mars 2027".to_string()));
    assert!(texts(&found[0], Lang::En).contains(&"available 1–31 March 2027".to_string()));
}

#[test]
fn unknown_availability_and_modes_do_not_fail() {
    let engine = engine_with(&[expert("E1", &["hydrogéologie"])]);
    let found = engine.match_experts(&mission(&["hydrogéologie"]), 10);
    assert!(found[0].eligible, "{:?}", found[0].reasons);
}

#[test]
fn language_of_instruction_is_hard_for_missions() {
    let mut english = expert("E1", &["obstetrics"]);
    english.languages = vec!["en".into()];
    let french = expert("E2", &["gynécologie"]);
    let engine = engine_with(&[english, french]);
    let found = engine.match_experts(&mission(&["obstetrics"]), 10);
    assert_eq!(found[0].r#ref, "E2");
    let e1 = find(&found, "E1");
    assert!(!e1.eligible);
    assert!(
        e1.reasons
            .contains(&Reason::LacksLanguage { code: "fr".into() })
    );
    assert!(texts(e1, Lang::Fr).contains(&"ne parle pas français".to_string()));
    assert!(texts(e1, Lang::En).contains(&"does not speak French".to_string()));
}

#[test]
fn mode_is_hard_for_missions() {
    let mut remote_only = expert("E1", &["hydrogéologie"]);
    remote_only.modes = vec!["remote".into()];
    let mut onsite = expert("E2", &["hydrologie"]);
    onsite.modes = vec!["onsite".into()];
    let engine = engine_with(&[remote_only, onsite]);
    let found = engine.match_experts(&mission(&["hydrogéologie"]), 10);
    assert_eq!(found[0].r#ref, "E2");
    let e1 = find(&found, "E1");
    assert!(!e1.eligible);
    assert!(texts(e1, Lang::En).contains(&"does not work on site".to_string()));
    let mut remote = mission(&["hydrogéologie"]);
    remote.mode = Some("remote".into());
    remote.region = None;
    let found = engine.match_experts(&remote, 10);
    assert_eq!(found[0].r#ref, "E1");
    assert!(!find(&found, "E2").eligible);
    assert!(texts(&found[0], Lang::Fr).contains(&"accepte le travail à distance".to_string()));
}

#[test]
fn skill_reasons_name_both_wordings() {
    let engine = engine_with(&[expert("E1", &["GIS"]), expert("E2", &["comptabilité"])]);
    let found = engine.match_experts(&mission(&["SIG"]), 10);
    assert_eq!(found[0].r#ref, "E1");
    let fr = texts(&found[0], Lang::Fr);
    let en = texts(&found[0], Lang::En);
    assert!(fr.contains(&"compétence : SIG ≈ GIS".to_string()), "{fr:?}");
    assert!(en.contains(&"skill: GIS ≈ SIG".to_string()), "{en:?}");
    assert!(fr.contains(&"parle français".to_string()));
    assert!(en.contains(&"speaks French".to_string()));
}

#[test]
fn exact_skill_and_doctorate_reasons() {
    let mut doc = expert("E1", &["hydrogéologie"]);
    doc.degree = Some("PhD".into());
    let engine = engine_with(&[doc]);
    let mut m = mission(&["hydrogéologie"]);
    m.level = Some("doctorat".into());
    let found = engine.match_experts(&m, 5);
    let fr = texts(&found[0], Lang::Fr);
    assert!(
        fr.contains(&"compétence : hydrogéologie".to_string()),
        "{fr:?}"
    );
    assert!(found[0].reasons.contains(&Reason::Doctorate {
        degree: "PhD".into()
    }));
    assert!(
        texts(&found[0], Lang::En)
            .iter()
            .any(|t| t.starts_with("holds a doctorate (PhD)"))
    );
}

#[test]
fn village_projects_reward_origin_and_funding() {
    let mut local = expert("E1", &["forage"]);
    local.home_commune = Some("Diema".into());
    let mut funder = expert("E2", &["forage"]);
    funder.home_region = Some(Region::Kayes);
    funder.offers = vec!["funding".into()];
    let stranger = expert("E3", &["forage"]);
    let unrelated = {
        let mut e = expert("E4", &["restauration"]);
        e.home_commune = Some("Diéma".into());
        e
    };
    let engine = engine_with(&[local, funder, stranger, unrelated]);
    let found = engine.match_experts(&project(), 10);
    let order: Vec<&str> = found.iter().map(|m| m.r#ref.as_str()).collect();
    assert_eq!(&order[..3], &["E1", "E2", "E3"], "{order:?}");
    assert!(texts(&found[0], Lang::Fr).contains(&"originaire de Diema".to_string()));
    assert!(texts(&found[0], Lang::En).contains(&"from Diema".to_string()));
    let e2 = texts(&found[1], Lang::Fr);
    assert!(
        e2.contains(&"originaire de la région de Kayes".to_string()),
        "{e2:?}"
    );
    assert!(
        e2.contains(&"propose un financement (20 000 € recherchés)".to_string()),
        "{e2:?}"
    );
    assert!(texts(&found[1], Lang::En).contains(&"from the Kayes region".to_string()));
    assert!(texts(&found[1], Lang::En).contains(&"offers funding (€20,000 sought)".to_string()));
    assert!(
        found.iter().all(|m| m.eligible),
        "project constraints are soft"
    );
}

#[test]
fn experts_find_their_opportunities() {
    let engine = Engine::open_in_ram().expect("engine");
    engine
        .upsert_opportunity(&mission(&["hydrogéologie"]))
        .expect("upsert");
    engine.upsert_opportunity(&project()).expect("upsert");
    engine.commit(1).expect("commit");
    let mut e = expert("E1", &["forage", "hydrogéologie"]);
    e.home_commune = Some("Diéma".into());
    let found = engine.match_opportunities(&e, 10);
    assert_eq!(found.len(), 2);
    assert!(
        found
            .iter()
            .any(|m| m.kind == DocKind::Project && m.r#ref == "P1")
    );
    assert!(
        found
            .iter()
            .any(|m| m.kind == DocKind::Mission && m.r#ref == "M1")
    );
}

#[test]
fn eligible_experts_are_found_beyond_a_crowd_of_unavailable_ones() {
    let mut experts = Vec::new();
    for i in 0..400 {
        let mut e = expert(
            &format!("B{i:03}"),
            &["hydrogéologie", "cartographie des aquifères"],
        );
        e.availability = vec![DateWindow {
            from: date!(2027 - 06 - 01),
            to: date!(2027 - 06 - 30),
        }];
        experts.push(e);
    }
    for i in 0..3 {
        let mut e = expert(
            &format!("A{i}"),
            &[
                "hydrogéologie",
                "géologie minière",
                "topographie",
                "pédologie",
                "géotechnique",
            ],
        );
        e.availability = vec![DateWindow {
            from: date!(2027 - 03 - 01),
            to: date!(2027 - 03 - 31),
        }];
        experts.push(e);
    }
    let engine = engine_with(&experts);
    let found = engine.match_experts(
        &mission(&["hydrogéologie", "cartographie des aquifères"]),
        10,
    );
    let eligible: Vec<&str> = found
        .iter()
        .filter(|m| m.eligible)
        .map(|m| m.r#ref.as_str())
        .collect();
    assert_eq!(eligible.len(), 3, "{eligible:?}");
    assert!(
        found[..3]
            .iter()
            .all(|m| m.eligible && m.r#ref.starts_with('A'))
    );
    assert!(found[3..].iter().all(|m| !m.eligible));
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "",
        " ",
        "İSTANBUL ǅ ß ﬁ",
        "🙂🙂🙂",
        "a/b/c//",
        "x̧̨̛̀́̂ combining",
        "((((((((((",
        "SELECT * FROM experts; --",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "l'l'l'l'l' d'd'd'",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    ];
    let engine = Engine::open_in_ram().expect("engine");
    for (i, text) in odd.iter().enumerate() {
        let mut e = expert(&format!("E{i}"), &[text, text]);
        e.headline = text.to_string();
        e.bio = Some(text.repeat(50));
        e.languages = vec![text.to_string()];
        e.home_commune = Some(text.to_string());
        e.degree = Some(text.to_string());
        e.modes = vec![text.to_string()];
        e.residence_country = text.to_string();
        e.disciplines = vec![text.to_string()];
        e.availability = vec![DateWindow {
            from: date!(2027 - 12 - 31),
            to: date!(2027 - 01 - 01),
        }];
        engine.upsert_expert(&e).expect("upsert");
        let mut m = mission(&[text]);
        m.r#ref = format!("M{i}");
        m.title = text.to_string();
        m.description = text.to_string();
        m.language = Some(text.to_string());
        m.mode = Some(text.to_string());
        m.discipline = Some(text.to_string());
        m.level = Some(text.to_string());
        m.start = Some(date!(2027 - 05 - 01));
        m.end = Some(date!(2027 - 04 - 01));
        engine.upsert_opportunity(&m).expect("upsert");
    }
    engine.commit(1).expect("commit");
    for text in odd {
        let m = mission(&[text, text]);
        let _ = engine.match_experts(&m, 5);
        let _ = engine.match_opportunities(&expert("Z", &[text]), 5);
        let q = passerelle_index::SearchQuery {
            kind: DocKind::Expert,
            text: text.to_string(),
            region: None,
            language: Some(text.to_string()),
            discipline: Some(text.to_string()),
            country: Some(text.to_string()),
            limit: usize::MAX,
            offset: usize::MAX,
        };
        let _ = engine.search(&q);
        let _ = passerelle_index::Vocabulary::bundled().suggestions(text, Lang::Fr, 5);
        let _ = passerelle_index::Gazetteer::bundled().region_of(text);
    }
}

#[test]
fn remembered_rankings_follow_every_write() {
    let engine = Engine::open_in_ram().expect("engine");
    engine
        .upsert_expert(&expert("E1", &["hydrogéologie"]))
        .expect("upsert");
    engine.commit(1).expect("commit");
    let wanted = mission(&["hydrogéologie"]);
    let first = engine.match_experts_memo(&wanted, 10);
    assert_eq!(*first, engine.match_experts(&wanted, 10));
    assert!(std::sync::Arc::ptr_eq(
        &first,
        &engine.match_experts_memo(&wanted, 10)
    ));
    // A new expert: the remembered ranking is not served any more.
    engine
        .upsert_expert(&expert("E2", &["hydrogéologie", "forage"]))
        .expect("upsert");
    engine.commit(2).expect("commit");
    let second = engine.match_experts_memo(&wanted, 10);
    assert_eq!(second.len(), 2);
    assert_eq!(*second, engine.match_experts(&wanted, 10));
    // A deletion too, and the other direction.
    engine.delete(DocKind::Expert, "E2").expect("delete");
    engine.commit(3).expect("commit");
    assert_eq!(engine.match_experts_memo(&wanted, 10).len(), 1);
    engine.upsert_opportunity(&wanted).expect("upsert");
    engine.commit(4).expect("commit");
    let e = expert("E1", &["hydrogéologie"]);
    assert_eq!(engine.match_opportunities_memo(&e, 5).len(), 1);
    engine
        .delete(DocKind::Mission, &wanted.r#ref)
        .expect("delete");
    engine.commit(5).expect("commit");
    assert!(engine.match_opportunities_memo(&e, 5).is_empty());
}
