//! What every handler can reach: the database and settings.

use std::sync::Arc;

use crate::store::Db;

/// Shared application state, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
}

impl AppState {
    /// Builds the state.
    pub fn new(db: Db) -> Self {
        AppState {
            inner: Arc::new(Inner { db }),
        }
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.inner.db
    }
}
