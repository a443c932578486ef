//! The one place where errors become HTTP responses. Details of server errors are
//! logged once and never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::store::StoreError;

/// An error a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist (or may not be seen).
    #[error("not found")]
    NotFound,
    /// The user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Something failed inside.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        (status, status.canonical_reason().unwrap_or("error")).into_response()
    }
}
