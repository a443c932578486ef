//! Conversions from stored records to the plain view structs of the templates crate.

use passerelle_templates::components::cards::{MissionCard, ProjectCard};
use passerelle_templates::model::{Mode as ViewMode, Status};

use crate::domain::{MissionStatus, Mode, Place};
use crate::store::missions::MissionRecord;
use crate::store::projects::ProjectRecord;

/// A life-cycle status as the views know it.
pub fn view_status(status: MissionStatus) -> Status {
    match status {
        MissionStatus::Draft => Status::Draft,
        MissionStatus::Published => Status::Published,
        MissionStatus::Filled => Status::Filled,
        MissionStatus::Closed => Status::Closed,
    }
}

/// A mode as the views know it.
pub fn view_mode(mode: Mode) -> ViewMode {
    match mode {
        Mode::Onsite => ViewMode::Onsite,
        Mode::Remote => ViewMode::Remote,
    }
}

/// Whole euros from cents, never negative.
pub fn euros(cents: i64) -> u64 {
    u64::try_from(cents.max(0) / 100).unwrap_or(0)
}

/// A mission as a list card.
pub fn mission_card(r: &MissionRecord) -> MissionCard {
    let m = &r.mission;
    MissionCard {
        reference: m.r#ref.clone(),
        title: m.title.clone(),
        institution: m.institution.clone(),
        discipline: m.discipline.clone(),
        region: match m.place {
            Place::Region(region) => region.id().to_string(),
            Place::Remote => "remote".to_string(),
        },
        language: m.language.clone(),
        start: m.start,
        end: m.end,
        mode: view_mode(m.mode),
        status: view_status(r.status),
    }
}

/// A project as a list card, with its confirmed pledges in cents.
pub fn project_card(r: &ProjectRecord, confirmed_cents: i64) -> ProjectCard {
    let p = &r.project;
    ProjectCard {
        reference: p.r#ref.clone(),
        title: p.title.clone(),
        association: p.association.clone(),
        sector: p.sector.as_str().to_string(),
        region: p.region.id().to_string(),
        commune: p.commune.clone(),
        funding_sought_eur: p.funding_sought_cents.map(euros),
        pledged_eur: euros(confirmed_cents),
        status: view_status(r.status),
    }
}
