//! `passerelle reindex`: rebuilds the search index from the database.

use indicatif::ProgressBar;
use passerelle_index::Engine;

use super::convert::{expert_doc, mission_doc, project_doc};
use super::follower::{FollowError, is_public};
use crate::store::{Db, changelog, experts, missions, projects};

/// What a rebuild indexed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rebuilt {
    /// Experts indexed.
    pub experts: usize,
    /// Published missions indexed.
    pub missions: usize,
    /// Published projects indexed.
    pub projects: usize,
}

/// Clears the index and indexes every visible record, then records the change-log
/// position read before loading, so changes made meanwhile are applied by the follower.
pub async fn rebuild(db: &Db, engine: &Engine, bar: &ProgressBar) -> Result<Rebuilt, FollowError> {
    let cursor = changelog::last_id(&db.pool).await?;
    let all_experts = experts::all(&db.pool).await?;
    let all_missions = missions::all(&db.pool).await?;
    let all_projects = projects::all(&db.pool).await?;
    bar.set_length((all_experts.len() + all_missions.len() + all_projects.len()) as u64);
    engine.clear()?;
    let mut done = Rebuilt::default();
    for e in all_experts.iter().filter(|e| !e.hidden) {
        engine.upsert_expert(&expert_doc(&e.expert))?;
        done.experts += 1;
        bar.inc(1);
    }
    for m in all_missions
        .iter()
        .filter(|m| is_public(m.status, m.hidden, m.organisation_verified))
    {
        engine.upsert_opportunity(&mission_doc(&m.mission))?;
        done.missions += 1;
        bar.inc(1);
    }
    for p in all_projects
        .iter()
        .filter(|p| is_public(p.status, p.hidden, p.organisation_verified))
    {
        engine.upsert_opportunity(&project_doc(&p.project))?;
        done.projects += 1;
        bar.inc(1);
    }
    engine.commit(cursor)?;
    bar.finish_and_clear();
    Ok(done)
}
