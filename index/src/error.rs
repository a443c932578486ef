//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong in the index crate.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The tantivy index failed (I/O, corrupt segment, lock, schema).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be opened or created.
    #[error("index directory {path}: {message}")]
    Directory {
        /// The directory that was asked for.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("reading {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A data line did not parse.
    #[error("{file}, line {line}: {message}")]
    Parse {
        /// The file (or a label for in-memory data).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A stored document or commit payload could not be (de)serialised.
    #[error("stored data: {0}")]
    Json(#[from] serde_json::Error),
    /// A document was refused before indexing.
    #[error("invalid document {reference}: {message}")]
    Invalid {
        /// The document's ref.
        reference: String,
        /// Why it was refused.
        message: String,
    },
    /// The writer lock was poisoned by a panic in another thread.
    #[error("index writer unavailable: a previous write panicked")]
    Poisoned,
}
