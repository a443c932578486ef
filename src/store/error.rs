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
