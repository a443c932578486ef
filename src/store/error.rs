//! Storage errors.

/// What can go wrong in the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist.
    #[error("not found")]
    NotFound,
    /// A unique constraint refused the write (e.g. an email already taken).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A stored value could not be read back into the domain type.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The database could not be reached or refused the query.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The data directory could not be prepared.
    #[error("cannot prepare {path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl StoreError {
    /// Whether the database could not be reached (connection refused or lost, pool
    /// exhausted, server shutting down): a passing condition, answered with 503.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, StoreError::Database(e) if unreachable(e))
    }

    /// Turns a unique-constraint violation into `Conflict`, leaving other errors as they are.
    pub fn from_unique(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e
            && db.is_unique_violation()
        {
            return StoreError::Conflict(db.message().to_string());
        }
        StoreError::Database(e)
    }
}

/// Whether a database error means the server could not be reached or went away, rather
/// than a refused query: I/O and TLS failures, pool timeouts, and PostgreSQL's
/// connection-exception (08xxx) and operator-intervention (57Pxx) codes.
pub fn unreachable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
        _ => false,
    }
}
