//! The demo data set shipped with Passerelle (see src/demo/README.md), loaded by
//! `serve --demo` into an empty database.

use crate::interchange::{FileKind, ParsedFile, read_str};
use crate::store::{Db, experts};

const EXPERTS: &str = include_str!("demo/experts.jsonl");
const MISSIONS: &str = include_str!("demo/missions.jsonl");
const PROJECTS: &str = include_str!("demo/projects.jsonl");

/// Parses the shipped demo files.
pub fn parsed() -> anyhow::Result<ParsedFile> {
    let parse = |name: &str, text: &str, kind| {
        read_str(name, text, kind).map_err(|e| anyhow::anyhow!("demo data is invalid: {e:?}"))
    };
    let e = parse("demo/experts.jsonl", EXPERTS, FileKind::Experts)?;
    let m = parse("demo/missions.jsonl", MISSIONS, FileKind::Missions)?;
    let p = parse("demo/projects.jsonl", PROJECTS, FileKind::Projects)?;
    Ok(ParsedFile {
        experts: e.experts,
        missions: m.missions,
        projects: p.projects,
    })
}

/// Loads the demo data when the database holds no expert yet.
pub async fn load_if_empty(db: &Db) -> anyhow::Result<bool> {
    if experts::count(&db.pool).await? > 0 {
        tracing::info!("the database already has data: demo data not loaded");
        return Ok(false);
    }
    let data = parsed()?;
    crate::commands::import::write(db, &data, &indicatif::ProgressBar::hidden()).await?;
    tracing::info!(
        experts = data.experts.len(),
        missions = data.missions.len(),
        projects = data.projects.len(),
        "demo data loaded"
    );
    Ok(true)
}
