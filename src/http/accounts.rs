//! Accounts: sign-up, address verification, log in and log out.

use std::net::SocketAddr;

use axum::Form;
use axum::Router;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::t;
use passerelle_templates::pages::{self, login::LoginView, signup::SignupView};
use passerelle_templates::{FieldErrors, FlashKind, Lang, routes};
use serde::Deserialize;

use super::context::Page;
use super::{AppError, AppState, cookies, flash, login_guard};
use crate::mail::{self, Recipient};
use crate::store::StoreError;
use crate::store::sessions::{self, Purpose};
use crate::store::users::{self, NewUser, Role};

/// How long a session lasts (30 days).
const SESSION_SECONDS: i64 = 30 * 24 * 3600;
/// How long an address-verification link stays valid (7 days).
const VERIFY_SECONDS: i64 = 7 * 24 * 3600;

/// The account routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::LOGIN, get(login_form).post(login))
        .route(routes::LOGOUT, axum::routing::post(logout))
        .route(routes::SIGNUP, get(signup_form).post(signup))
        .route(routes::VERIFY_EMAIL, get(verify_email))
}

/// Query of the login page.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// The login page.
pub async fn login_form(page: Page, Query(q): Query<NextQuery>) -> Response {
    if page.user.is_some() {
        return flash::see_other(
            &q.next
                .map(|n| flash::safe_next(&n))
                .unwrap_or_else(|| "/".into()),
        );
    }
    pages::login(
        &page.ctx,
        &LoginView {
            next: q.next.map(|n| flash::safe_next(&n)),
            ..LoginView::default()
        },
    )
    .into_response()
}

/// The login form as posted.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Checks the password, opens a new session and goes where the visitor was going.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
    page: Page,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let email = users::normalise_email(&form.email);
    let pool = &state.db().pool;
    let address = login_guard::client_address(peer, &headers, &state.config().trusted_proxies);
    let now = crate::store::now();
    if let Some(wait) = login_guard::wait(pool, &email, address, now).await? {
        return Err(AppError::TooManyRequests(u64::try_from(wait).unwrap_or(1)));
    }
    let failed = |page: &Page| {
        let view = LoginView {
            email: form.email.clone(),
            next: form.next.clone().map(|n| flash::safe_next(&n)),
            errors: FieldErrors(vec![(
                "email".into(),
                t(page.ctx.lang, Note::LoginFailed).into(),
            )]),
        };
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::login(&page.ctx, &view),
        )
            .into_response()
    };
    let user = match users::by_email(&state.db().pool, &email).await {
        Ok(u) => u,
        Err(StoreError::NotFound) => {
            // Spend the same time as a real check, so timing does not tell which addresses exist.
            let dummy = DUMMY_HASH
                .get_or_try_init(|| crate::auth::hash(crate::store::sessions::new_secret()))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?;
            let _ = crate::auth::verify(form.password.clone(), dummy.clone()).await;
            login_guard::failed(pool, &email, address, now).await?;
            return Ok(failed(&page));
        }
        Err(e) => return Err(e.into()),
    };
    let ok = crate::auth::verify(form.password.clone(), user.password_hash.clone())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    if !ok || user.password_hash.is_empty() {
        login_guard::failed(pool, &email, address, now).await?;
        return Ok(failed(&page));
    }
    login_guard::succeeded(pool, &email).await?;
    let mut conn = state.db().pool.acquire().await?;
    let secret = sessions::create(&mut conn, user.id, SESSION_SECONDS).await?;
    drop(conn);
    let lang = Lang::from_code(&user.lang).unwrap_or(page.ctx.lang);
    let next = form
        .next
        .as_deref()
        .map(flash::safe_next)
        .unwrap_or_else(|| landing(user.role).into());
    let mut response = flash::redirect(&state, &next, FlashKind::Success, t(lang, Note::SignedIn));
    let headers = response.headers_mut();
    // A new session id on every login: an old cookie planted by someone else is worthless.
    for cookie in [
        cookies::set(
            cookies::SESSION,
            &secret,
            Some(SESSION_SECONDS),
            state.secure_cookies(),
        ),
        cookies::set(
            cookies::LANG,
            lang.code(),
            Some(365 * 24 * 3600),
            state.secure_cookies(),
        ),
        // A new CSRF token too: one known before signing in (planted, or read from a shared
        // computer) is worthless after.
        cookies::set(
            cookies::CSRF,
            &sessions::new_secret(),
            None,
            state.secure_cookies(),
        ),
    ] {
        if let Ok(v) = cookie.parse() {
            headers.append(SET_COOKIE, v);
        }
    }
    Ok(response)
}

/// An argon2id hash of a random secret, checked when the address is unknown.
static DUMMY_HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

/// Where each role lands after logging in.
fn landing(role: Role) -> &'static str {
    match role {
        Role::Expert => routes::ME,
        Role::InstitutionMember | Role::AssociationMember => routes::ORGANISATION,
        Role::Moderator => routes::MODERATION,
    }
}

/// Ends the session.
pub async fn logout(
    State(state): State<AppState>,
    page: Page,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    if let Some(secret) = cookies::get(&headers, cookies::SESSION) {
        let mut conn = state.db().pool.acquire().await?;
        sessions::delete(&mut conn, &secret).await?;
    }
    let mut response = flash::redirect(
        &state,
        "/",
        FlashKind::Success,
        t(page.ctx.lang, Note::SignedOut),
    );
    if let Ok(v) = cookies::set(cookies::SESSION, "", Some(0), state.secure_cookies()).parse() {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

/// Query of the sign-up page.
#[derive(Debug, Deserialize)]
pub struct RoleQuery {
    role: Option<String>,
}

/// The sign-up page.
pub async fn signup_form(page: Page, Query(q): Query<RoleQuery>) -> Markup {
    pages::signup(
        &page.ctx,
        &SignupView {
            role: q
                .role
                .filter(|r| role_of(r).is_some())
                .unwrap_or_else(|| "expert".into()),
            name: String::new(),
            email: String::new(),
            language: page.ctx.lang,
            errors: FieldErrors::default(),
        },
    )
}

/// The sign-up form as posted.
#[derive(Debug, Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    language: String,
}

fn role_of(code: &str) -> Option<Role> {
    match code {
        "expert" => Some(Role::Expert),
        "institution" => Some(Role::InstitutionMember),
        "association" => Some(Role::AssociationMember),
        _ => None,
    }
}

/// A plausible e-mail address, by the one rule of [`crate::domain::field::email`]: one `@`,
/// a dotted domain, no spaces, separators or quotes (so `a@x,b@y` is not one address).
pub fn looks_like_email(email: &str) -> bool {
    crate::domain::field::email("email", email).is_ok()
}

/// Creates the account and sends the verification link, whose click signs the new user in.
/// An address that already has an account gets the same answer, and its owner a mail
/// instead: the page tells nobody which addresses are registered. Sign-ups are throttled per
/// client address.
pub async fn signup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
    page: Page,
    Form(form): Form<SignupForm>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let address = login_guard::client_address(peer, &headers, &state.config().trusted_proxies);
    if let Err(wait) = state.mail_requests().check(&format!("signup:{address}")) {
        return Err(AppError::TooManyRequests(wait.as_secs().max(1)));
    }
    let mut errors = Vec::new();
    let role = role_of(&form.role);
    if role.is_none() {
        errors.push(("role".to_string(), t(lang, V::ChooseOne).to_string()));
    }
    let name = form.name.trim();
    if name.is_empty() {
        errors.push(("name".into(), t(lang, V::Required).into()));
    } else if name.chars().count() > 120 {
        errors.push(("name".into(), t(lang, V::TooLong).replace("{max}", "120")));
    }
    let email = users::normalise_email(&form.email);
    if !looks_like_email(&email) {
        errors.push(("email".into(), t(lang, V::InvalidEmail).into()));
    }
    if let Err(reason) = crate::auth::check_rules(&form.password, &email) {
        errors.push(("password".into(), crate::auth::rule_message(lang, reason)));
    }
    let chosen_lang = Lang::from_code(&form.language).unwrap_or(lang);
    let render = |errors: Vec<(String, String)>| {
        let view = SignupView {
            role: form.role.clone(),
            name: form.name.clone(),
            email: form.email.clone(),
            language: chosen_lang,
            errors: FieldErrors(errors),
        };
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::signup(&page.ctx, &view),
        )
            .into_response()
    };
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return Ok(render(errors));
    };
    let hash = crate::auth::hash(form.password.clone())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = state.db().pool.begin().await?;
    let created = users::create(
        &mut tx,
        &NewUser {
            email: email.clone(),
            password_hash: hash,
            display_name: name.to_string(),
            role,
            organisation_id: None,
            lang: chosen_lang.code().into(),
            email_verified: false,
        },
    )
    .await;
    match created {
        Ok(user_id) => {
            let token =
                sessions::issue_token(&mut tx, user_id, Purpose::Verify, None, VERIFY_SECONDS)
                    .await?;
            let link = format!(
                "{}{}?token={token}",
                state.site().base_url,
                routes::VERIFY_EMAIL
            );
            let to = Recipient::new(&email, chosen_lang.code(), Some(name));
            mail::enqueue(&mut tx, &mail::messages::address_verification(&to, &link)).await?;
            tx.commit().await?;
        }
        Err(StoreError::Conflict(_)) => {
            // The address has an account: its owner is told by mail, the page says nothing.
            drop(tx);
            let owner = users::by_email(&state.db().pool, &email).await?;
            let base = &state.site().base_url;
            let to = Recipient::new(&owner.email, &owner.lang, Some(&owner.display_name));
            let mut tx = state.db().pool.begin().await?;
            mail::enqueue(
                &mut tx,
                &mail::messages::signup_with_existing_address(
                    &to,
                    &format!("{base}{}", routes::LOGIN),
                    &format!("{base}{}", routes::PASSWORD_FORGOT),
                ),
            )
            .await?;
            tx.commit().await?;
        }
        Err(e) => return Err(e.into()),
    }
    state.mail().notify();
    let mut response = flash::redirect(
        &state,
        routes::LOGIN,
        FlashKind::Success,
        t(chosen_lang, Note::CheckMailbox),
    );
    if let Ok(v) = cookies::set(
        cookies::LANG,
        chosen_lang.code(),
        Some(365 * 24 * 3600),
        state.secure_cookies(),
    )
    .parse()
    {
        response.headers_mut().append(SET_COOKIE, v);
    }
    Ok(response)
}

/// Query of the verification link.
#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// Confirms an address from the link sent by mail.
pub async fn verify_email(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let mut tx = state.db().pool.begin().await?;
    let Some((user_id, _)) = sessions::use_token(&mut tx, &q.token, Purpose::Verify).await? else {
        return Ok(flash::redirect(
            &state,
            "/",
            FlashKind::Error,
            t(lang, Note::LinkInvalid),
        ));
    };
    users::mark_verified(&mut tx, user_id).await?;
    // The link proves the address: the person is signed in and goes on with the account.
    let secret = sessions::create(&mut tx, user_id, SESSION_SECONDS).await?;
    tx.commit().await?;
    let user = users::get(&state.db().pool, user_id).await?;
    let mut response = flash::redirect(
        &state,
        landing(user.role),
        FlashKind::Success,
        t(lang, Note::EmailConfirmed),
    );
    for cookie in [
        cookies::set(
            cookies::SESSION,
            &secret,
            Some(SESSION_SECONDS),
            state.secure_cookies(),
        ),
        cookies::set(
            cookies::CSRF,
            &sessions::new_secret(),
            None,
            state.secure_cookies(),
        ),
    ] {
        if let Ok(v) = cookie.parse() {
            response.headers_mut().append(SET_COOKIE, v);
        }
    }
    Ok(response)
}
