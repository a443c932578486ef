//! The experts' side of the site: the profile form (`/me/profile`), the dashboard with
//! recommendations and connections (`/me`), and the directory of experts with their
//! profiles (`/experts`, `/experts/{ref}`) for verified organisations and moderators.

mod dashboard;
mod directory;
pub mod profile;
mod profile_form;

use axum::Router;
use axum::routing::get;
use passerelle_templates::routes;
use time::{Date, OffsetDateTime};

use super::context::organisation_verified;
use super::{AppError, AppState, cookies};
use crate::store::users::{Role, User};

/// The routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ME, get(dashboard::show))
        .route(routes::ME_PROFILE, get(profile::show).post(profile::save))
        .route(routes::EXPERTS, get(directory::list))
        .route(routes::EXPERT, get(directory::profile))
}

/// The fields of a posted form, in order, repeated names kept (checkbox groups).
#[derive(Debug, Clone, Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// Parses an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &str) -> FormFields {
        FormFields(
            body.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (cookies::decode(k), cookies::decode(v))
                })
                .collect(),
        )
    }

    /// Fields given as name–value pairs (the API builds the page's form this way).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> FormFields {
        FormFields(pairs)
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Whether `user` may see the experts directory and profiles: a member of a verified
/// organisation, or a moderator.
pub async fn may_see_experts(state: &AppState, user: &User) -> Result<bool, AppError> {
    Ok(match user.role {
        Role::Moderator => true,
        Role::InstitutionMember | Role::AssociationMember => {
            organisation_verified(state, user).await?
        }
        Role::Expert => false,
    })
}

/// The calendar day of a unix timestamp (UTC).
pub fn day_of(unix: i64) -> Date {
    OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.date())
        .unwrap_or(Date::MIN)
}

/// The engine's language for a page language.
pub fn engine_lang(lang: passerelle_templates::Lang) -> passerelle_index::Lang {
    match lang {
        passerelle_templates::Lang::Fr => passerelle_index::Lang::Fr,
        passerelle_templates::Lang::En => passerelle_index::Lang::En,
    }
}
