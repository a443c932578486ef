//! `/organisation/tokens`: members of a verified organisation create, name, scope and revoke
//! the API tokens of their organisation; a new token is shown once.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use passerelle_templates::FlashKind;
use passerelle_templates::i18n::catalog::{Api, V};
use passerelle_templates::i18n::t;
use passerelle_templates::pages::api::{TokenRow, TokensView, tokens};
use passerelle_templates::routes;
use serde::Deserialize;

use crate::http::context::Page;
use crate::http::experts::day_of;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::store::users::{Role, User};
use crate::store::{api_tokens, organisations};

/// The token routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ORGANISATION_TOKENS, get(list).post(create))
        .route(routes::ORGANISATION_TOKEN_REVOKE, post(revoke))
}

/// The member's organisation, when verified.
async fn verified_organisation(state: &AppState, user: &User) -> Result<i64, AppError> {
    let Some(id) = user
        .organisation_id
        .filter(|_| matches!(user.role, Role::InstitutionMember | Role::AssociationMember))
    else {
        return Err(AppError::Forbidden);
    };
    if !organisations::get(&state.db().pool, id).await?.verified {
        return Err(AppError::Forbidden);
    }
    Ok(id)
}

async fn view(
    state: &AppState,
    org: i64,
    new_secret: Option<String>,
) -> Result<TokensView, AppError> {
    Ok(TokensView {
        tokens: api_tokens::of_organisation(&state.db().pool, org)
            .await?
            .into_iter()
            .map(|tk| TokenRow {
                id: tk.id,
                name: tk.name,
                write: tk.scope == "write",
                created_on: day_of(tk.created_at),
                revoked: tk.revoked_at.is_some(),
            })
            .collect(),
        new_secret,
    })
}

/// GET `/organisation/tokens`.
pub async fn list(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    let org = verified_organisation(&state, &user).await?;
    Ok(tokens(&page.ctx, &view(&state, org, None).await?).into_response())
}

/// The creation form.
#[derive(Debug, Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

/// POST `/organisation/tokens`: creates a token and shows its secret once (no redirect, so
/// the secret never sits in a URL or a cookie).
pub async fn create(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<NewToken>,
) -> Result<Response, AppError> {
    let org = verified_organisation(&state, &user).await?;
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::Unprocessable(format!(
            "{}: {}",
            t(page.ctx.lang, Api::TokenName),
            t(page.ctx.lang, V::Required)
        )));
    }
    let write = match form.scope.as_str() {
        "read" => false,
        "write" => true,
        _ => {
            return Err(AppError::Unprocessable(
                t(page.ctx.lang, V::ChooseOne).into(),
            ));
        }
    };
    let mut tx = state.db().pool.begin().await?;
    let secret = api_tokens::create(&mut tx, org, name, write, Some(user.id)).await?;
    tx.commit().await?;
    let mut response = tokens(&page.ctx, &view(&state, org, Some(secret)).await?).into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// POST `/organisation/tokens/{id}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let org = verified_organisation(&state, &user).await?;
    let mut tx = state.db().pool.begin().await?;
    if !api_tokens::revoke(&mut tx, org, id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(flash::redirect(
        &state,
        routes::ORGANISATION_TOKENS,
        FlashKind::Success,
        t(page.ctx.lang, Api::Revoked),
    ))
}
