//! RFC 9457 problem documents: every API error, with the offending fields when a body or a
//! query was refused.

use axum::Json;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::AppError;

/// One refused field.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field's name as sent.
    pub field: String,
    /// Why it was refused.
    pub message: String,
    /// The 1-based line of a JSON Lines body (bulk import only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// An error, as `application/problem+json` (RFC 9457).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`about:blank` for plain HTTP statuses).
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong this time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The offending fields, when a body or query was refused.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// Seconds to wait before retrying (429 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem with a status and an explanation.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: Some(detail.into()),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// A 422 naming the offending field.
    pub fn field(field: &str, message: impl Into<String>) -> Problem {
        let message = message.into();
        let mut p = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{field}: {message}"),
        );
        p.errors.push(FieldProblem {
            field: field.into(),
            message,
            line: None,
        });
        p
    }

    /// A 422 naming every offending field, as the page forms list them.
    pub fn fields(list: Vec<(String, String)>) -> Problem {
        let detail = list
            .iter()
            .map(|(f, m)| format!("{f}: {m}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut p = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail);
        p.errors = list
            .into_iter()
            .map(|(field, message)| FieldProblem {
                field,
                message,
                line: None,
            })
            .collect();
        p
    }

    /// A 409: the request conflicts with what is already recorded.
    pub fn conflict(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::CONFLICT, detail)
    }

    /// A 403 with an explanation.
    pub fn forbidden(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::FORBIDDEN, detail)
    }

    /// A 400 for a query string or path that could not be read.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry = self.retry_after;
        let mut response = (status, Json(self)).into_response();
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(secs) = retry
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(RETRY_AFTER, v);
        }
        response
    }
}

impl From<AppError> for Problem {
    fn from(e: AppError) -> Problem {
        match e {
            AppError::NotFound => Problem::new(StatusCode::NOT_FOUND, "no such record"),
            AppError::Forbidden => {
                Problem::new(StatusCode::FORBIDDEN, "not allowed for this caller")
            }
            AppError::CsrfRejected => Problem::new(
                StatusCode::FORBIDDEN,
                "missing or invalid X-CSRF-Token header (requests authenticated by the session cookie)",
            ),
            AppError::ControlCharacters(field) => Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("the field {field} contains control or invisible characters"),
            ),
            AppError::EmailUnverified => Problem::new(
                StatusCode::FORBIDDEN,
                "confirm the account's e-mail address first (the link sent by mail)",
            ),
            AppError::PayloadTooLarge => {
                Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
            }
            AppError::Unprocessable(d) => Problem::new(StatusCode::UNPROCESSABLE_ENTITY, d),
            AppError::TooManyRequests(s) => {
                let mut p = Problem::new(StatusCode::TOO_MANY_REQUESTS, "rate limit reached");
                p.retry_after = Some(s.max(1));
                p
            }
            AppError::Internal(d) => {
                tracing::error!(error = %d, "api request failed");
                Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
            }
            AppError::Unavailable(d) => {
                tracing::warn!(error = %d, "database unreachable, api answered 503");
                let mut p = Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the database is briefly unreachable; retry later",
                );
                p.retry_after = Some(crate::http::error::UNAVAILABLE_RETRY_SECS);
                p
            }
        }
    }
}

impl From<crate::store::StoreError> for Problem {
    fn from(e: crate::store::StoreError) -> Problem {
        Problem::from(AppError::from(e))
    }
}

impl From<sqlx::Error> for Problem {
    fn from(e: sqlx::Error) -> Problem {
        Problem::from(AppError::from(e))
    }
}

/// What API handlers return.
pub type ApiResult<T> = Result<T, Problem>;
