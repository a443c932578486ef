//! `POST /api/v1/import/{kind}`: moderators load a JSON Lines body of the interchange format
//! with the command line's own reader and writer (`commands::import`): every line is
//! checked first, one bad line refuses the whole body (422 naming line and field), and the
//! rest is written in one transaction.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::ApiPath;
use super::problem::{ApiResult, FieldProblem, Problem};
use crate::commands::import::{ImportError, import_text};
use crate::http::AppState;
use crate::interchange::FileKind;

/// Which records a body holds.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ImportKind {
    /// Lines of experts.jsonl.
    Experts,
    /// Lines of missions.jsonl.
    Missions,
    /// Lines of projects.jsonl.
    Projects,
}

/// What an import wrote.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportOut {
    /// Records created.
    pub created: u64,
    /// Records updated (their ref existed).
    pub updated: u64,
}

/// Imports experts, missions or projects as JSON Lines; all or nothing (moderators).
#[utoipa::path(post, path = "/api/v1/import/{kind}", tag = "import", operation_id = "import_records",
    params(("kind" = ImportKind, Path, description = "experts, missions or projects")),
    request_body(content((String = "application/x-ndjson"), (String = "text/plain")), description = "One JSON object per line, as in FORMAT.md"),
    security(("session" = [])),
    responses((status = 200, body = ImportOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(kind): ApiPath<ImportKind>,
    body: Bytes,
) -> ApiResult<Json<ImportOut>> {
    caller.require_write()?;
    if !caller.is_moderator() {
        return Err(Problem::forbidden("bulk import is for moderators"));
    }
    let (file, name) = match kind {
        ImportKind::Experts => (FileKind::Experts, "experts"),
        ImportKind::Missions => (FileKind::Missions, "missions"),
        ImportKind::Projects => (FileKind::Projects, "projects"),
    };
    let text = std::str::from_utf8(&body).map_err(|e| {
        let line = body[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let mut p = Problem::field("body", format!("line {line} is not valid UTF-8"));
        p.errors[0].line = Some(line as u64);
        p
    })?;
    match import_text(state.db(), file, name, text).await {
        Ok(summary) => {
            let (created, updated) = match kind {
                ImportKind::Experts => summary.experts,
                ImportKind::Missions => summary.missions,
                ImportKind::Projects => summary.projects,
            };
            tracing::info!(kind = name, created, updated, "bulk import through the API");
            Ok(Json(ImportOut {
                created: created as u64,
                updated: updated as u64,
            }))
        }
        Err(ImportError::Invalid(errors)) => {
            let detail = format!(
                "{} invalid line(s); nothing was imported: {}",
                errors.len(),
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            let mut p = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail);
            p.errors = errors
                .into_iter()
                .map(|e| FieldProblem {
                    field: e.field.unwrap_or_else(|| "line".into()),
                    message: e.message,
                    line: Some(e.line as u64),
                })
                .collect();
            Err(p)
        }
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}
