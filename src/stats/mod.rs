//! Knowledge of the diaspora: aggregate statistics computed from the database (and the
//! matching engine for unmet demand), for the statistics pages, their CSV/JSON downloads and
//! `passerelle report`. Aggregates only: counts of people under 5 are never published.

pub mod data;
pub mod privacy;
pub mod tables;

use std::sync::Arc;
use std::time::{Duration, Instant};

use passerelle_index::Engine;
use passerelle_templates::stats::page::StatisticsView;
use tokio::sync::Mutex;

use crate::store::{Db, StoreError};

/// A posting counts as met when an eligible expert scores at least this (the same bar as the
/// match notifications).
pub const MATCH_THRESHOLD: f32 = crate::http::postings::actions::MATCH_NOTIFY_THRESHOLD;

/// Who reads the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everyone: the aggregate view.
    Public,
    /// Moderators and analysts of the migration centre: also the finer tables (communes).
    Full,
}

/// Computes every table.
pub async fn build(db: &Db, engine: &Engine, scope: Scope) -> Result<StatisticsView, StoreError> {
    let facts = data::load(&db.pool).await?;
    let mut view = StatisticsView {
        as_of: Some(
            time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        ),
        ..StatisticsView::default()
    };
    for t in tables::experts(&facts, scope == Scope::Full) {
        view.add("experts", t);
    }
    for t in tables::postings(&facts) {
        view.add("missions", t);
    }
    for t in tables::activity(&facts) {
        view.add("activity", t);
    }
    for t in tables::funding(&facts) {
        view.add("funding", t);
    }
    for t in tables::trends(&facts) {
        view.add("trends", t);
    }
    for t in tables::unmet(&facts, engine, MATCH_THRESHOLD) {
        view.add("unmet", t);
    }
    for t in tables::outcomes(&facts) {
        view.add("outcomes", t);
    }
    Ok(view)
}

/// How long computed statistics are served before being computed again.
pub const CACHE_FOR: Duration = Duration::from_secs(60);

/// The last computed statistics per scope, so that a busy page does not recompute them.
#[derive(Default)]
pub struct StatsCache {
    public: Mutex<Option<(Instant, Arc<StatisticsView>)>>,
    full: Mutex<Option<(Instant, Arc<StatisticsView>)>>,
}

impl StatsCache {
    /// The statistics of `scope`, computed at most once per [`CACHE_FOR`].
    pub async fn get(
        &self,
        db: &Db,
        engine: &Engine,
        scope: Scope,
    ) -> Result<Arc<StatisticsView>, StoreError> {
        let slot = match scope {
            Scope::Public => &self.public,
            Scope::Full => &self.full,
        };
        let mut guard = slot.lock().await;
        if let Some((at, view)) = guard.as_ref()
            && at.elapsed() < CACHE_FOR
        {
            return Ok(view.clone());
        }
        let view = Arc::new(build(db, engine, scope).await?);
        *guard = Some((Instant::now(), view.clone()));
        Ok(view)
    }
}
