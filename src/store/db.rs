//! Connecting to the database named by a URL, and applying migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};

use super::StoreError;
use super::error::unreachable;

/// Which database engine a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, the embedded default.
    Sqlite,
    /// PostgreSQL, for deployments that outgrow one machine.
    Postgres,
}

/// The database: a pool and the engine behind it.
#[derive(Debug, Clone)]
pub struct Db {
    /// The connection pool.
    pub pool: AnyPool,
    /// The engine, for the few statements that differ.
    pub backend: Backend,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`); a SQLite file and its folder
    /// are created when missing. Connection failures are retried for `wait`.
    pub async fn connect(url: &str, wait: Duration) -> Result<Db, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let url = match backend {
            Backend::Sqlite => prepare_sqlite(url)?,
            Backend::Postgres => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool_options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;").await?;
                    }
                    Ok(())
                })
            });
        // One plain connection first: unlike the pool, it fails at once when nothing
        // listens, so the retries below are the only ones and each is logged.
        let deadline = std::time::Instant::now() + wait;
        loop {
            match options.connect().await {
                Ok(conn) => {
                    let _ = conn.close().await;
                    break;
                }
                Err(e) if std::time::Instant::now() < deadline && unreachable(&e) => {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    tracing::warn!(error = %e, "database unreachable, retrying in 1 s ({} s left)", left.as_secs());
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        let pool = pool_options.connect_with(options).await?;
        Ok(Db { pool, backend })
    }

    /// Applies the migrations of this engine that are not applied yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Makes sure a SQLite file's folder exists and that the URL asks to create the file.
fn prepare_sqlite(url: &str) -> Result<String, StoreError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:"
        && !path.is_empty()
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
            path: parent.display().to_string(),
            source,
        })?;
    }
    let query = if query.contains("mode=") {
        query.to_string()
    } else if query.is_empty() {
        "mode=rwc".into()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_engines_have_the_same_migration_versions() {
        let names = |dir: &str| {
            let mut v: Vec<String> =
                std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect();
            v.sort();
            v
        };
        assert_eq!(names("sqlite"), names("postgres"));
    }
}
