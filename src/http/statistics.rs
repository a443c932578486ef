//! `/statistics`: the aggregate figures, maps and charts, and each table as CSV or JSON.
//! Moderators see the fuller view (finer tables) on the same addresses.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use passerelle_templates::stats::table::{UTF8_BOM, to_csv_lang, to_json};
use passerelle_templates::{pages, routes};

use super::context::Page;
use super::{AppError, AppState};
use crate::stats::Scope;
use crate::store::users::Role;

/// The statistics routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::STATISTICS, get(page))
        .route(routes::STATISTICS_FILE, get(download))
}

fn scope_of(page: &Page) -> Scope {
    match &page.user {
        Some(u) if u.role == Role::Moderator => Scope::Full,
        _ => Scope::Public,
    }
}

/// GET `/statistics`.
pub async fn page(State(state): State<AppState>, page: Page) -> Result<Markup, AppError> {
    let view = state
        .stats()
        .get(state.db(), state.engine(), scope_of(&page))
        .await?;
    Ok(pages::statistics(&page.ctx, &view))
}

/// GET `/statistics/{table}.csv` and `.json`.
pub async fn download(
    State(state): State<AppState>,
    page: Page,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let (id, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let view = state
        .stats()
        .get(state.db(), state.engine(), scope_of(&page))
        .await?;
    let table = view.table(id).ok_or(AppError::NotFound)?;
    let (mime, body) = match ext {
        "csv" => (
            "text/csv; charset=utf-8",
            format!("{UTF8_BOM}{}", to_csv_lang(table, page.ctx.lang.code())),
        ),
        "json" => ("application/json; charset=utf-8", to_json(table)),
        _ => return Err(AppError::NotFound),
    };
    let disposition = format!("attachment; filename=\"passerelle-{id}.{ext}\"");
    Ok((
        [
            (CONTENT_TYPE, mime.to_string()),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, "no-cache".to_string()),
        ],
        body,
    )
        .into_response())
}
