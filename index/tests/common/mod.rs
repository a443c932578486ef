//! Shared builders for the integration tests.
#![allow(dead_code)]

use passerelle_index::{Engine, ExpertDoc, OpportunityDoc, OpportunityKind, Region};
use time::macros::date;

pub fn expert(r: &str, skills: &[&str]) -> ExpertDoc {
    ExpertDoc {
        r#ref: r.into(),
        name: format!("Expert {r}"),
        headline: "Chercheur".into(),
        bio: None,
        skills: skills.iter().map(|s| s.to_string()).collect(),
        disciplines: vec![],
        languages: vec!["fr".into()],
        residence_country: "FR".into(),
        residence_city: None,
        home_region: None,
        home_commune: None,
        degree: None,
        availability: vec![],
        modes: vec![],
        offers: vec![],
    }
}

pub fn mission(skills: &[&str]) -> OpportunityDoc {
    OpportunityDoc {
        r#ref: "M1".into(),
        kind: OpportunityKind::Mission,
        organisation: "USTTB".into(),
        title: "Cours".into(),
        description: "Un cours de master.".into(),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        discipline: None,
        level: Some("master".into()),
        language: Some("fr".into()),
        region: Some(Region::Bamako),
        commune: None,
        start: Some(date!(2027 - 03 - 03)),
        end: Some(date!(2027 - 03 - 21)),
        mode: Some("onsite".into()),
        funding_sought_eur: None,
    }
}

pub fn project() -> OpportunityDoc {
    OpportunityDoc {
        r#ref: "P1".into(),
        kind: OpportunityKind::Project,
        organisation: "Association des ressortissants de Diéma".into(),
        title: "Forage solaire".into(),
        description: "Un forage équipé d'une pompe solaire.".into(),
        skills: vec!["forage".into()],
        discipline: Some("water".into()),
        level: None,
        language: Some("fr".into()),
        region: Some(Region::Kayes),
        commune: Some("Diéma".into()),
        start: None,
        end: None,
        mode: None,
        funding_sought_eur: Some(20000.0),
    }
}

pub fn engine_with(experts: &[ExpertDoc]) -> Engine {
    let engine = Engine::open_in_ram().expect("engine");
    for e in experts {
        engine.upsert_expert(e).expect("upsert");
    }
    engine.commit(7).expect("commit");
    engine
}
