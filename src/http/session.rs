//! Who is asking: the signed-in user found from the session cookie, as extractors.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::{AppState, cookies};
use crate::store::users::{self, Role, User};
use crate::store::{StoreError, sessions};

/// The signed-in user, if any.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Option<User>);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = super::AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(found) = parts.extensions.get::<CurrentUser>() {
            return Ok(found.clone());
        }
        let user = match cookies::get(&parts.headers, cookies::SESSION) {
            Some(secret) => match sessions::user_of(&state.db().pool, &secret).await? {
                Some(id) => match users::get(&state.db().pool, id).await {
                    Ok(u) => Some(u),
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(e.into()),
                },
                None => None,
            },
            None => None,
        };
        let current = CurrentUser(user);
        parts.extensions.insert(current.clone());
        Ok(current)
    }
}

/// A signed-in user; anonymous visitors are sent to the login page.
#[derive(Debug, Clone)]
pub struct SignedIn(pub User);

/// Sends an anonymous visitor to the login page, back to where they were afterwards.
pub struct LoginRedirect(String);

impl IntoResponse for LoginRedirect {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/login?next={}", cookies::encode(&self.0))).into_response()
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let CurrentUser(user) = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match user {
            Some(u) => Ok(SignedIn(u)),
            None => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| "/".into());
                Err(LoginRedirect(next).into_response())
            }
        }
    }
}

/// A signed-in moderator; others get 403.
#[derive(Debug, Clone)]
pub struct Moderator(pub User);

impl FromRequestParts<AppState> for Moderator {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if user.role == Role::Moderator {
            Ok(Moderator(user))
        } else {
            Err(super::AppError::Forbidden.into_response())
        }
    }
}
