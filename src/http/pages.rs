//! Pages every visitor sees: home, about, the language switch, static assets and health.

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use maud::Markup;
use passerelle_templates::Lang;
use passerelle_templates::assets::{FAVICON_SVG, STYLE_CSS};
use passerelle_templates::pages::{
    self,
    about::AboutView,
    home::{DemoAccount, HomeView},
};
use serde::Deserialize;

use super::context::Page;
use super::views::{mission_card, project_card};
use super::{AppError, AppState, cookies, flash};
use crate::store::{experts, missions, pledges, projects};

/// The home page: what Passerelle is, live counts, the latest postings.
pub async fn home(State(state): State<AppState>, page: Page) -> Result<Markup, AppError> {
    let pool = &state.db().pool;
    let mut latest_projects = Vec::new();
    for p in projects::latest_published(pool, 3).await? {
        let (_, confirmed) = pledges::totals(pool, p.id).await?;
        latest_projects.push(project_card(&p, confirmed));
    }
    let view = HomeView {
        experts: experts::count(pool).await?.max(0) as u64,
        missions: missions::count_published(pool).await?.max(0) as u64,
        projects: projects::count_published(pool).await?.max(0) as u64,
        connections: crate::store::connections::count_accepted(pool)
            .await?
            .max(0) as u64,
        latest_missions: missions::latest_published(pool, 3)
            .await?
            .iter()
            .map(mission_card)
            .collect(),
        latest_projects,
        demo_accounts: if state.config().demo {
            crate::demo::ACCOUNTS
                .iter()
                .map(|a| DemoAccount {
                    label: match page.ctx.lang {
                        Lang::Fr => a.label_fr.to_string(),
                        Lang::En => a.label_en.to_string(),
                    },
                    email: a.email.to_string(),
                    password: crate::demo::DEMO_PASSWORD.to_string(),
                })
                .collect()
        } else {
            Vec::new()
        },
    };
    Ok(pages::home(&page.ctx, &view))
}

/// The about page: who runs Passerelle, data sources and licences.
pub async fn about(page: Page) -> Markup {
    pages::about(
        &page.ctx,
        &AboutView {
            operator: "Centre d'information et de gestion des migrations (CIGEM), Bamako".into(),
            contact_email: None,
        },
    )
}

/// Where to go back after switching language.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    /// Local path to return to.
    next: Option<String>,
}

/// Switches the interface language (kept for a year in a cookie) and goes back.
pub async fn switch_lang(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&code).ok_or(AppError::NotFound)?;
    let mut response = flash::see_other(q.next.as_deref().unwrap_or("/"));
    let cookie = cookies::set(
        cookies::LANG,
        lang.code(),
        Some(365 * 24 * 3600),
        state.secure_cookies(),
    );
    if let Ok(v) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

/// The stylesheet (its URL carries a content hash, so it is cached for a year).
pub async fn style() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        STYLE_CSS,
    )
        .into_response()
}

/// The favicon.
pub async fn favicon() -> Response {
    (
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        FAVICON_SVG,
    )
        .into_response()
}

/// Liveness and database check.
pub async fn health(State(state): State<AppState>) -> Result<&'static str, AppError> {
    sqlx::query("SELECT 1").execute(&state.db().pool).await?;
    Ok("ok")
}
