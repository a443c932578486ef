//! Page handlers.

use axum::extract::State;
use maud::{DOCTYPE, Markup, html};

use super::{AppError, AppState};
use crate::store::{experts, missions, projects};

/// The home page: what Passerelle is, with live counts.
pub async fn home(State(state): State<AppState>) -> Result<Markup, AppError> {
    let pool = &state.db().pool;
    let (e, m, p) = (
        experts::count(pool).await?,
        missions::count_published(pool).await?,
        projects::count_published(pool).await?,
    );
    Ok(html! {
        (DOCTYPE)
        html lang="fr" {
            head { meta charset="utf-8"; title { "Passerelle" } }
            body {
                h1 { "Passerelle" }
                p { "La diaspora malienne au service du pays." }
                ul {
                    li { (e) " experts" }
                    li { (m) " missions" }
                    li { (p) " projets" }
                }
            }
        }
    })
}

/// Liveness and database check.
pub async fn health(State(state): State<AppState>) -> Result<&'static str, AppError> {
    sqlx::query("SELECT 1")
        .execute(&state.db().pool)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok("ok")
}
