//! Who calls the API: an organisation's bearer token (scoped read or write, rate-limited per
//! token), or the browser's session cookie, or nobody.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sqlx::Row;

use super::problem::Problem;
use crate::http::AppState;
use crate::http::postings::Actor;
use crate::http::session::CurrentUser;
use crate::store::organisations;
use crate::store::sessions::hash_secret;
use crate::store::users::{Role, User};

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Read only.
    Read,
    /// Read and write.
    Write,
}

/// The caller of an API request.
#[derive(Debug, Clone)]
pub enum Caller {
    /// No credentials: public data only.
    Anonymous,
    /// A signed-in browser (full rights of the user).
    Session(User),
    /// An organisation's system, through a bearer token.
    Token {
        /// The organisation.
        organisation_id: i64,
        /// Its scope.
        scope: Scope,
    },
}

impl Caller {
    /// The organisation acting, if any (a member's session or a token).
    pub fn organisation_id(&self) -> Option<i64> {
        match self {
            Caller::Session(u)
                if matches!(u.role, Role::InstitutionMember | Role::AssociationMember) =>
            {
                u.organisation_id
            }
            Caller::Token {
                organisation_id, ..
            } => Some(*organisation_id),
            _ => None,
        }
    }

    /// The caller as an actor on postings (see [`Actor`]); `None` for anonymous callers.
    pub fn actor(&self) -> Option<Actor> {
        match self {
            Caller::Anonymous => None,
            Caller::Session(u) => Some(Actor::of_user(u)),
            Caller::Token {
                organisation_id, ..
            } => Some(Actor {
                organisation_id: Some(*organisation_id),
                moderator: false,
                address_verified: true,
            }),
        }
    }

    /// The signed-in user behind a session (tokens and anonymous callers have none).
    pub fn user(&self) -> Option<&User> {
        match self {
            Caller::Session(u) => Some(u),
            _ => None,
        }
    }

    /// 401 for anonymous callers, 403 for read-only tokens; the actor otherwise.
    pub fn writer(&self) -> Result<Actor, Problem> {
        self.require_write()?;
        self.actor()
            .ok_or_else(|| Problem::new(StatusCode::UNAUTHORIZED, "credentials required"))
    }

    /// Whether this caller is a moderator.
    pub fn is_moderator(&self) -> bool {
        matches!(self, Caller::Session(u) if u.role == Role::Moderator)
    }

    /// 401 for anonymous callers, 403 for read-only tokens.
    pub fn require_write(&self) -> Result<(), Problem> {
        match self {
            Caller::Anonymous => Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "credentials required",
            )),
            Caller::Token {
                scope: Scope::Read, ..
            } => Err(Problem::new(
                StatusCode::FORBIDDEN,
                "this token is read-only",
            )),
            _ => Ok(()),
        }
    }

    /// 401 for anonymous callers.
    pub fn require_any(&self) -> Result<(), Problem> {
        match self {
            Caller::Anonymous => Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "credentials required",
            )),
            _ => Ok(()),
        }
    }

    /// Whether the caller belongs to a verified organisation, or moderates.
    pub async fn may_see_experts(&self, state: &AppState) -> Result<bool, Problem> {
        if self.is_moderator() {
            return Ok(true);
        }
        match self.organisation_id() {
            Some(id) => Ok(organisations::get(&state.db().pool, id).await?.verified),
            None => Ok(false),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string());
        if let Some(secret) = bearer {
            let row = sqlx::query("SELECT id, organisation_id, scope FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
                .bind(hash_secret(&secret))
                .fetch_optional(&state.db().pool)
                .await?;
            let Some(row) = row else {
                return Err(Problem::new(
                    StatusCode::UNAUTHORIZED,
                    "unknown or revoked token",
                ));
            };
            let id: i64 = row.try_get("id")?;
            if let Err(wait) = state.api_limiter().check(&format!("token:{id}")) {
                let mut p = Problem::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate limit of this token reached",
                );
                p.retry_after = Some(wait.as_secs().max(1));
                return Err(p);
            }
            let scope: String = row.try_get("scope")?;
            return Ok(Caller::Token {
                organisation_id: row.try_get("organisation_id")?,
                scope: if scope == "write" {
                    Scope::Write
                } else {
                    Scope::Read
                },
            });
        }
        let CurrentUser(user) = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(Problem::from)?;
        Ok(match user {
            Some(u) => Caller::Session(u),
            None => Caller::Anonymous,
        })
    }
}
