//! Keeps the search index in step with the database by following the change log: on
//! start it catches up from the cursor stored in the index's last commit, then polls.
//! Several processes sharing one PostgreSQL database each follow the same log.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use passerelle_index::{DocKind, Engine};

use super::convert::{expert_doc, mission_doc, project_doc};
use crate::domain::MissionStatus;
use crate::store::changelog::{self, Entity};
use crate::store::{Db, StoreError, experts, missions, projects};

/// Changes read per round.
const BATCH: i64 = 5_000;

/// Why following the log failed.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error("search index: {0}")]
    Index(#[from] passerelle_index::IndexError),
}

/// Whether a stored posting should be found by searches and matching: published, not
/// hidden by a moderator, and posted by a verified organisation.
pub fn is_public(status: MissionStatus, hidden: bool, organisation_verified: bool) -> bool {
    status == MissionStatus::Published && !hidden && organisation_verified
}

/// Applies every change after the index's cursor; returns how many changes were applied.
pub async fn catch_up(db: &Db, engine: &Engine) -> Result<usize, FollowError> {
    let mut applied = 0;
    loop {
        let cursor = engine.cursor().unwrap_or(0);
        let changes = changelog::since(&db.pool, cursor, BATCH).await?;
        let Some(last) = changes.last().map(|c| c.id) else {
            return Ok(applied);
        };
        // The newest state of each record is what counts, whatever happened in between.
        let mut touched: BTreeMap<(Entity, String), ()> = BTreeMap::new();
        for c in &changes {
            touched.insert((c.entity, c.r#ref.clone()), ());
        }
        let refs = |entity: Entity| -> Vec<String> {
            touched
                .keys()
                .filter(|(e, _)| *e == entity)
                .map(|(_, r)| r.clone())
                .collect()
        };
        apply_experts(db, engine, refs(Entity::Expert)).await?;
        apply_missions(db, engine, refs(Entity::Mission)).await?;
        apply_projects(db, engine, refs(Entity::Project)).await?;
        engine.commit(last)?;
        applied += changes.len();
        if (changes.len() as i64) < BATCH {
            return Ok(applied);
        }
    }
}

async fn apply_experts(db: &Db, engine: &Engine, refs: Vec<String>) -> Result<(), FollowError> {
    if refs.is_empty() {
        return Ok(());
    }
    let found = experts::by_refs(&db.pool, &refs).await?;
    for r in &refs {
        match found.iter().find(|x| &x.expert.r#ref == r) {
            Some(record) if !record.hidden => engine.upsert_expert(&expert_doc(&record.expert))?,
            _ => engine.delete(DocKind::Expert, r)?,
        }
    }
    Ok(())
}

async fn apply_missions(db: &Db, engine: &Engine, refs: Vec<String>) -> Result<(), FollowError> {
    for r in refs {
        match missions::get(&db.pool, &r).await {
            Ok(m) if is_public(m.status, m.hidden, m.organisation_verified) => {
                engine.upsert_opportunity(&mission_doc(&m.mission))?
            }
            Ok(_) | Err(StoreError::NotFound) => engine.delete(DocKind::Mission, &r)?,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

async fn apply_projects(db: &Db, engine: &Engine, refs: Vec<String>) -> Result<(), FollowError> {
    for r in refs {
        match projects::get(&db.pool, &r).await {
            Ok(p) if is_public(p.status, p.hidden, p.organisation_verified) => {
                engine.upsert_opportunity(&project_doc(&p.project))?
            }
            Ok(_) | Err(StoreError::NotFound) => engine.delete(DocKind::Project, &r)?,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// A background task that polls the change log and applies it to the index.
pub struct Follower {
    task: tokio::task::JoinHandle<()>,
}

impl Follower {
    /// How often the log is polled.
    pub const PERIOD: Duration = Duration::from_millis(500);

    /// Starts following in the background.
    pub fn spawn(db: Db, engine: Arc<Engine>) -> Follower {
        let task = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Self::PERIOD);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = catch_up(&db, &engine).await {
                    tracing::warn!(error = %e, "search index could not follow the change log; retrying");
                }
            }
        });
        Follower { task }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.task.abort();
    }
}
