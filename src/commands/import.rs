//! `passerelle import`: validates every given file completely, then writes them all in
//! one transaction, so a bad line or a killed process leaves the database unchanged.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::ImportArgs;
use crate::interchange::{FileKind, LineError, ParsedFile, read_file};
use crate::store::{Db, StoreError, experts, missions, projects};

/// Records per write statement group, so the progress bar moves during large imports.
const CHUNK: usize = 10_000;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Experts created and updated.
    pub experts: (usize, usize),
    /// Missions created and updated.
    pub missions: (usize, usize),
    /// Projects created and updated.
    pub projects: (usize, usize),
}

/// Why an import was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Lines of the input were invalid; nothing was written.
    #[error("{} invalid line(s); nothing was imported:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<LineError>),
    /// The database refused the write; nothing was written.
    #[error("the database refused the import; nothing was imported: {0}")]
    Store(#[from] StoreError),
}

/// Runs the subcommand and prints its one-line summary.
pub async fn run(db: &Db, args: &ImportArgs) -> anyhow::Result<()> {
    let files: Vec<(FileKind, &Path)> = [
        (FileKind::Experts, args.experts.as_deref()),
        (FileKind::Missions, args.missions.as_deref()),
        (FileKind::Projects, args.projects.as_deref()),
    ]
    .into_iter()
    .filter_map(|(k, p)| p.map(|p| (k, p)))
    .collect();
    anyhow::ensure!(
        !files.is_empty(),
        "give at least one of --experts, --missions, --projects"
    );
    let started = Instant::now();
    let mut parsed = ParsedFile::default();
    let mut errors = Vec::new();
    for (kind, path) in &files {
        match read_file(path, *kind) {
            Ok(p) => {
                parsed.experts.extend(p.experts);
                parsed.missions.extend(p.missions);
                parsed.projects.extend(p.projects);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Invalid(errors).into());
    }
    let bar = progress_bar(parsed.len() as u64);
    let summary = write(db, &parsed, &bar).await.context("import failed")?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "imported {} experts ({} new, {} updated), {} missions ({} new, {} updated), {} projects ({} new, {} updated) in {:.1} s ({:.0} records/s)",
        summary.experts.0 + summary.experts.1,
        summary.experts.0,
        summary.experts.1,
        summary.missions.0 + summary.missions.1,
        summary.missions.0,
        summary.missions.1,
        summary.projects.0 + summary.projects.1,
        summary.projects.0,
        summary.projects.1,
        seconds,
        parsed.len() as f64 / seconds.max(1e-9),
    );
    Ok(())
}

/// Validates one interchange text completely, then writes it in one transaction: the
/// same checks as the command, for the API's bulk import. Nothing is written on error.
pub async fn import_text(
    db: &Db,
    kind: FileKind,
    name: &str,
    text: &str,
) -> Result<ImportSummary, ImportError> {
    let parsed = crate::interchange::read_str(name, text, kind).map_err(ImportError::Invalid)?;
    write(db, &parsed, &ProgressBar::hidden()).await
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} import [{bar:40}] {pos}/{len} records ({per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Writes validated records in one transaction: all of them, or none.
pub async fn write(
    db: &Db,
    parsed: &ParsedFile,
    bar: &ProgressBar,
) -> Result<ImportSummary, ImportError> {
    let mut tx = db.pool.begin().await.map_err(StoreError::from)?;
    let mut summary = ImportSummary::default();
    for chunk in parsed.experts.chunks(CHUNK) {
        let n = experts::upsert_many(&mut tx, db.backend, chunk).await?;
        summary.experts.0 += n.inserted;
        summary.experts.1 += n.updated;
        bar.inc(chunk.len() as u64);
    }
    for chunk in parsed.missions.chunks(CHUNK) {
        let n = missions::upsert_many(&mut tx, db.backend, chunk).await?;
        summary.missions.0 += n.inserted;
        summary.missions.1 += n.updated;
        bar.inc(chunk.len() as u64);
    }
    for chunk in parsed.projects.chunks(CHUNK) {
        let n = projects::upsert_many(&mut tx, db.backend, chunk).await?;
        summary.projects.0 += n.inserted;
        summary.projects.1 += n.updated;
        bar.inc(chunk.len() as u64);
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(summary)
}
