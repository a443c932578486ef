//! `passerelle export`: writes the three interchange files from the database.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::interchange::{ExpertLine, MissionLine, ProjectLine};
use crate::store::{Db, experts, missions, projects};

/// Runs the subcommand: experts.jsonl, missions.jsonl and projects.jsonl into `dir`.
pub async fn run(db: &Db, dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let e: Vec<ExpertLine> = experts::all(&db.pool)
        .await?
        .iter()
        .map(|r| ExpertLine::from(&r.expert))
        .collect();
    let m: Vec<MissionLine> = missions::all(&db.pool)
        .await?
        .iter()
        .map(|r| MissionLine::from(&r.mission))
        .collect();
    let p: Vec<ProjectLine> = projects::all(&db.pool)
        .await?
        .iter()
        .map(|r| ProjectLine::from(&r.project))
        .collect();
    write_lines(&dir.join("experts.jsonl"), &e)?;
    write_lines(&dir.join("missions.jsonl"), &m)?;
    write_lines(&dir.join("projects.jsonl"), &p)?;
    println!(
        "exported {} experts, {} missions, {} projects to {}",
        e.len(),
        m.len(),
        p.len(),
        dir.display()
    );
    Ok(())
}

/// Writes one JSON object per line, through a temporary file renamed into place.
fn write_lines<T: Serialize>(path: &Path, lines: &[T]) -> anyhow::Result<()> {
    let tmp = path.with_extension("jsonl.tmp");
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    let mut out = BufWriter::new(file);
    for line in lines {
        serde_json::to_writer(&mut out, line)?;
        out.write_all(b"\n")?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}
