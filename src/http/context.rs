//! The page context every page needs: language, signed-in user, CSRF token, path, flash.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use passerelle_templates::{Flash, FlashKind, Lang, PageContext, UserView};

use super::csrf::CsrfToken;
use super::session::CurrentUser;
use super::{AppError, AppState, cookies};
use crate::store::organisations;
use crate::store::users::{Role, User};

/// The interface language: the language cookie, else the browser's `Accept-Language`, else French.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookies::get(headers, cookies::LANG).and_then(|c| Lang::from_code(&c)) {
        return lang;
    }
    headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::negotiate)
        .unwrap_or(Lang::Fr)
}

/// The account role as the views know it.
pub fn view_role(role: Role) -> passerelle_templates::Role {
    match role {
        Role::Expert => passerelle_templates::Role::Expert,
        Role::InstitutionMember => passerelle_templates::Role::InstitutionMember,
        Role::AssociationMember => passerelle_templates::Role::AssociationMember,
        Role::Moderator => passerelle_templates::Role::Moderator,
    }
}

/// Reads the one-shot flash message left by the previous request.
pub fn flash_of(headers: &HeaderMap) -> Vec<Flash> {
    let Some(raw) = cookies::get(headers, cookies::FLASH) else {
        return Vec::new();
    };
    let text = cookies::decode(&raw);
    let (kind, text) = match text.split_once(':') {
        Some(("e", t)) => (FlashKind::Error, t),
        Some((_, t)) => (FlashKind::Success, t),
        None => (FlashKind::Success, text.as_str()),
    };
    if text.is_empty() {
        return Vec::new();
    }
    vec![Flash {
        kind,
        text: text.chars().take(300).collect(),
    }]
}

/// Whether the user belongs to a verified organisation.
pub async fn organisation_verified(state: &AppState, user: &User) -> Result<bool, AppError> {
    Ok(match user.organisation_id {
        Some(id) => organisations::get(&state.db().pool, id).await?.verified,
        None => false,
    })
}

/// Extractor: the [`PageContext`] of this request, with the signed-in user when there is one.
pub struct Page {
    /// What the views need.
    pub ctx: PageContext,
    /// The signed-in user, if any.
    pub user: Option<User>,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let CurrentUser(user) = CurrentUser::from_request_parts(parts, state).await?;
        let view = match &user {
            Some(u) => Some(UserView {
                display_name: u.display_name.clone(),
                role: view_role(u.role),
                organisation_verified: organisation_verified(state, u).await?,
            }),
            None => None,
        };
        let ctx = PageContext {
            lang: lang_of(&parts.headers),
            user: view,
            csrf_token: parts
                .extensions
                .get::<CsrfToken>()
                .map(|t| t.0.clone())
                .unwrap_or_default(),
            current_path: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".into()),
            flash: flash_of(&parts.headers),
        };
        Ok(Page { ctx, user })
    }
}
