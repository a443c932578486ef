//! Records as stored → documents as indexed.

use passerelle_index::{DateWindow, ExpertDoc, OpportunityDoc, OpportunityKind};

use crate::domain::values::cents_to_euros;
use crate::domain::{Expert, Mission, Project};

/// An expert as the engine sees it (no contact details: the index never holds them).
pub fn expert_doc(e: &Expert) -> ExpertDoc {
    ExpertDoc {
        r#ref: e.r#ref.clone(),
        name: e.name.clone(),
        headline: e.headline.clone(),
        bio: e.bio.clone(),
        skills: e.skills.clone(),
        disciplines: e.disciplines.clone(),
        languages: e.languages.clone(),
        residence_country: e.residence_country.clone(),
        residence_city: e.residence_city.clone(),
        home_region: e.home_region,
        home_commune: e.home_commune.clone(),
        degree: e.degree.clone(),
        availability: e
            .availability
            .iter()
            .map(|w| DateWindow {
                from: w.from,
                to: w.to,
            })
            .collect(),
        modes: e.modes.iter().map(|m| m.as_str().to_string()).collect(),
        offers: e.offers.iter().map(|o| o.as_str().to_string()).collect(),
    }
}

/// A mission as the engine sees it.
pub fn mission_doc(m: &Mission) -> OpportunityDoc {
    OpportunityDoc {
        r#ref: m.r#ref.clone(),
        kind: OpportunityKind::Mission,
        organisation: m.institution.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        skills: m.skills.clone(),
        discipline: m.discipline.clone(),
        level: m.level.clone(),
        language: Some(m.language.clone()),
        region: m.place.region(),
        commune: None,
        start: Some(m.start),
        end: Some(m.end),
        mode: Some(m.mode.as_str().to_string()),
        funding_sought_eur: None,
    }
}

/// A village project as the engine sees it.
pub fn project_doc(p: &Project) -> OpportunityDoc {
    OpportunityDoc {
        r#ref: p.r#ref.clone(),
        kind: OpportunityKind::Project,
        organisation: p.association.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        skills: p.skills.clone(),
        discipline: Some(p.sector.as_str().to_string()),
        level: None,
        language: p.language.clone(),
        region: Some(p.region),
        commune: p.commune.clone(),
        start: p.start,
        end: p.end,
        mode: None,
        funding_sought_eur: p.funding_sought_cents.map(cents_to_euros),
    }
}
