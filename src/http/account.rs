//! The signed-in user's own account: settings (email, password, notifications), the
//! download of all their data, deletion; password reset by email; one-click unsubscribe.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::Markup;
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::t;
use passerelle_templates::model::NotificationPref;
use passerelle_templates::pages::{
    self,
    account::AccountView,
    password::{ForgotPasswordView, ResetPasswordView},
};
use passerelle_templates::{FieldErrors, FlashKind, routes};
use serde::Deserialize;
use serde_json::json;

use super::accounts::looks_like_email;
use super::context::Page;
use super::session::SignedIn;
use super::{AppError, AppState, cookies, flash};
use crate::interchange::records::ExpertLine;
use crate::mail::{self, Recipient};
use crate::store::sessions::{self, Purpose};
use crate::store::users::{self, Notify, User};
use crate::store::{StoreError, connections, experts, pledges};

/// How long a password-reset or email-change link stays valid (2 hours).
const LINK_SECONDS: i64 = 2 * 3600;

/// The account routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ACCOUNT, get(settings))
        .route(routes::ACCOUNT_EMAIL, post(change_email))
        .route(routes::ACCOUNT_PASSWORD, post(change_password))
        .route(routes::ACCOUNT_NOTIFICATIONS, post(notifications))
        .route(routes::ACCOUNT_EXPORT, get(export))
        .route(routes::ACCOUNT_DELETE, post(delete))
        .route(routes::PASSWORD_FORGOT, get(forgot_form).post(forgot))
        .route(routes::PASSWORD_RESET, get(reset_form).post(reset))
        .route(routes::ACCOUNT_EMAIL_CONFIRM, get(confirm_email))
        .route(routes::UNSUBSCRIBE, get(unsubscribe_page).post(unsubscribe))
}

fn pref(n: Notify) -> NotificationPref {
    match n {
        Notify::Immediately => NotificationPref::Immediately,
        Notify::Weekly => NotificationPref::WeeklyDigest,
        Notify::Never => NotificationPref::Never,
    }
}

fn settings_view(user: &User) -> AccountView {
    AccountView {
        email: user.email.clone(),
        pending_email: None,
        new_email: String::new(),
        notifications: pref(user.notify),
        email_errors: FieldErrors::default(),
        password_errors: FieldErrors::default(),
    }
}

/// GET `/account`.
pub async fn settings(SignedIn(user): SignedIn, page: Page) -> Markup {
    pages::account_settings(&page.ctx, &settings_view(&user))
}

async fn password_ok(user: &User, password: &str) -> Result<bool, AppError> {
    crate::auth::verify(password.to_string(), user.password_hash.clone())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// The email change form.
#[derive(Debug, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    current_password_email: String,
}

/// POST `/account/email`: sends a confirmation link to the new address; the address
/// changes only when that link is followed.
pub async fn change_email(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<EmailForm>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let new_email = users::normalise_email(&form.new_email);
    let mut errors = Vec::new();
    if !looks_like_email(&new_email) {
        errors.push((
            "new_email".to_string(),
            t(lang, V::InvalidEmail).to_string(),
        ));
    } else if users::by_email(&state.db().pool, &new_email).await.is_ok() {
        errors.push(("new_email".into(), t(lang, V::EmailTaken).into()));
    }
    if !password_ok(&user, &form.current_password_email).await? {
        errors.push((
            "current_password_email".into(),
            t(lang, V::WrongPassword).into(),
        ));
    }
    if !errors.is_empty() {
        let mut view = settings_view(&user);
        view.new_email = form.new_email.clone();
        view.email_errors = FieldErrors(errors);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::account_settings(&page.ctx, &view),
        )
            .into_response());
    }
    let mut tx = state.db().pool.begin().await?;
    let token = sessions::issue_token(
        &mut tx,
        user.id,
        Purpose::ChangeEmail,
        Some(&new_email),
        LINK_SECONDS,
    )
    .await?;
    let link = format!(
        "{}{}?token={token}",
        state.site().base_url,
        routes::ACCOUNT_EMAIL_CONFIRM
    );
    let to = Recipient::new(&new_email, &user.lang, Some(&user.display_name));
    mail::enqueue(&mut tx, &mail::messages::address_verification(&to, &link)).await?;
    tx.commit().await?;
    state.mail().notify();
    Ok(flash::redirect(
        &state,
        routes::ACCOUNT,
        FlashKind::Success,
        t(lang, Note::EmailChangeSent),
    ))
}

/// Query of the links sent by mail.
#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// GET `/account/email/confirm?token=`: the new address is proven; it replaces the old one.
pub async fn confirm_email(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let mut tx = state.db().pool.begin().await?;
    let Some((user_id, Some(new_email))) =
        sessions::use_token(&mut tx, &q.token, Purpose::ChangeEmail).await?
    else {
        return Ok(flash::redirect(
            &state,
            "/",
            FlashKind::Error,
            t(lang, Note::LinkInvalid),
        ));
    };
    match users::set_email(&mut tx, user_id, &new_email).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            return Ok(flash::redirect(
                &state,
                "/",
                FlashKind::Error,
                t(lang, V::EmailTaken),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    users::mark_verified(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(flash::redirect(
        &state,
        routes::ACCOUNT,
        FlashKind::Success,
        t(lang, Note::Saved),
    ))
}

/// The password change form.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    password_confirm: String,
}

fn check_new_password(
    lang: passerelle_templates::Lang,
    email: &str,
    new: &str,
    confirm: &str,
    field: &str,
) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    if let Err(reason) = crate::auth::check_rules(new, email) {
        errors.push((field.to_string(), crate::auth::rule_message(lang, reason)));
    }
    if new != confirm {
        errors.push((
            "password_confirm".into(),
            t(lang, V::PasswordsDiffer).into(),
        ));
    }
    errors
}

/// POST `/account/password`: needs the current password; every other session ends.
pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let mut errors = check_new_password(
        lang,
        &user.email,
        &form.new_password,
        &form.password_confirm,
        "new_password",
    );
    if !password_ok(&user, &form.current_password).await? {
        errors.insert(
            0,
            ("current_password".into(), t(lang, V::WrongPassword).into()),
        );
    }
    if !errors.is_empty() {
        let mut view = settings_view(&user);
        view.password_errors = FieldErrors(errors);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::account_settings(&page.ctx, &view),
        )
            .into_response());
    }
    let hash = crate::auth::hash(form.new_password.clone())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = state.db().pool.begin().await?;
    users::set_password(&mut tx, user.id, &hash).await?;
    sessions::delete_all(&mut tx, user.id).await?;
    // This browser stays signed in with a fresh session.
    let secret = sessions::create(&mut tx, user.id, 30 * 24 * 3600).await?;
    tx.commit().await?;
    let mut response = flash::redirect(
        &state,
        routes::ACCOUNT,
        FlashKind::Success,
        t(lang, Note::PasswordChanged),
    );
    if let Ok(v) = cookies::set(
        cookies::SESSION,
        &secret,
        Some(30 * 24 * 3600),
        state.secure_cookies(),
    )
    .parse()
    {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, v);
    }
    Ok(response)
}

/// The notification preference form.
#[derive(Debug, Deserialize)]
pub struct NotificationsForm {
    #[serde(default)]
    notifications: String,
}

/// POST `/account/notifications`.
pub async fn notifications(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<NotificationsForm>,
) -> Result<Response, AppError> {
    let notify = Notify::parse(&form.notifications)
        .ok_or_else(|| AppError::Unprocessable(t(page.ctx.lang, V::ChooseOne).to_string()))?;
    let mut tx = state.db().pool.begin().await?;
    users::set_preferences(&mut tx, user.id, &user.lang, notify).await?;
    tx.commit().await?;
    if notify != Notify::Never {
        // Choosing to receive mail again lifts an earlier one-click unsubscribe.
        let mut conn = state.db().pool.acquire().await?;
        mail::optout::resubscribe(&mut conn, &user.email).await?;
    }
    Ok(flash::redirect(
        &state,
        routes::ACCOUNT,
        FlashKind::Success,
        t(page.ctx.lang, Note::NotificationsSaved),
    ))
}

/// GET `/account/export.json`: everything Passerelle holds about the user.
pub async fn export(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, AppError> {
    let pool = &state.db().pool;
    let profile = experts::of_user(pool, user.id).await?;
    let links = match &profile {
        Some(p) => connections::of_expert(pool, p.id).await?,
        None => Vec::new(),
    };
    let made = pledges::of_user(pool, user.id).await?;
    let body = json!({
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "role": user.role.as_str(),
            "language": user.lang,
            "email_verified": user.email_verified,
            "notifications": user.notify.as_str(),
        },
        "expert_profile": profile.as_ref().map(|p| {
            let mut v = serde_json::to_value(ExpertLine::from(&p.expert)).unwrap_or_default();
            v["phone"] = json!(p.phone);
            v
        }),
        "connections": links.iter().map(|c| json!({
            "organisation": c.organisation_name,
            "opportunity_kind": c.opportunity_kind,
            "opportunity": c.opportunity_ref,
            "initiated_by": c.initiated_by.as_str(),
            "message": c.message,
            "status": c.status.as_str(),
            "completed": c.completed,
            "created_at": c.created_at,
        })).collect::<Vec<_>>(),
        "pledges": made.iter().map(|p| json!({
            "project_id": p.project_id,
            "amount_eur": p.amount_cents / 100,
            "skills": p.skills,
            "message": p.message,
            "status": p.status,
            "created_at": p.created_at,
        })).collect::<Vec<_>>(),
    });
    Ok((
        [
            (CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"passerelle-my-data.json\"",
            ),
        ],
        serde_json::to_string_pretty(&body).unwrap_or_default(),
    )
        .into_response())
}

/// The deletion form.
#[derive(Debug, Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// POST `/account/delete`: personal data erased, history kept anonymous, signed out.
pub async fn delete(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<DeleteForm>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    if form.confirm != "yes" {
        return Ok(flash::redirect(
            &state,
            routes::ACCOUNT,
            FlashKind::Error,
            t(lang, V::ConfirmDeletion),
        ));
    }
    let pool = &state.db().pool;
    let profile = experts::of_user(pool, user.id).await?;
    let mut names = vec![user.display_name.as_str()];
    let mut emails = vec![user.email.as_str()];
    if let Some(p) = &profile {
        names.push(p.expert.name.as_str());
        emails.push(p.expert.email.as_str());
    }
    let person = crate::store::erasure::Person {
        user_id: user.id,
        expert_id: profile.as_ref().map(|p| p.id),
        emails: emails.clone(),
        names: names.clone(),
    };
    let mut tx = pool.begin().await?;
    crate::store::erasure::erase_person(&mut tx, &person).await?;
    if let Some(p) = &profile {
        experts::erase(&mut tx, state.db().backend, &p.expert.r#ref).await?;
    }
    users::anonymise(&mut tx, user.id).await?;
    tx.commit().await?;
    let mut needles = names;
    needles.extend(emails);
    let forgotten = state.mail().forget_files(&needles);
    tracing::info!(
        files = forgotten,
        "account deleted; mail files naming it removed"
    );
    let mut response = flash::redirect(
        &state,
        "/",
        FlashKind::Success,
        t(lang, Note::AccountDeleted),
    );
    if let Ok(v) = cookies::set(cookies::SESSION, "", Some(0), state.secure_cookies()).parse() {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, v);
    }
    Ok(response)
}

/// GET `/password/forgot`.
pub async fn forgot_form(page: Page) -> Markup {
    pages::forgot_password(
        &page.ctx,
        &ForgotPasswordView {
            email: String::new(),
            sent: false,
            errors: FieldErrors::default(),
        },
    )
}

/// The forgotten-password form.
#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// POST `/password/forgot`: mails a reset link when the address has an account, and says
/// the same thing either way.
pub async fn forgot(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ForgotForm>,
) -> Result<Markup, AppError> {
    let email = users::normalise_email(&form.email);
    if state
        .mail_requests()
        .check(&format!("reset:{email}"))
        .is_err()
    {
        return Err(AppError::TooManyRequests(900));
    }
    match users::by_email(&state.db().pool, &email).await {
        Ok(user) if !users::is_closed(&user.password_hash) => {
            let mut tx = state.db().pool.begin().await?;
            let token =
                sessions::issue_token(&mut tx, user.id, Purpose::Reset, None, LINK_SECONDS).await?;
            let link = format!(
                "{}{}?token={token}",
                state.site().base_url,
                routes::PASSWORD_RESET
            );
            let to = Recipient::new(&user.email, &user.lang, Some(&user.display_name));
            mail::enqueue(&mut tx, &mail::messages::password_reset(&to, &link)).await?;
            tx.commit().await?;
            state.mail().notify();
        }
        Ok(_) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(pages::forgot_password(
        &page.ctx,
        &ForgotPasswordView {
            email: form.email,
            sent: true,
            errors: FieldErrors::default(),
        },
    ))
}

/// GET `/password/reset?token=`.
pub async fn reset_form(page: Page, Query(q): Query<TokenQuery>) -> Markup {
    pages::reset_password(
        &page.ctx,
        &ResetPasswordView {
            token: q.token,
            errors: FieldErrors::default(),
        },
    )
}

/// The new-password form.
#[derive(Debug, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// POST `/password/reset`: sets the new password, ends every session, and asks to log in.
pub async fn reset(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let refuse = |errors: Vec<(String, String)>| {
        let view = ResetPasswordView {
            token: form.token.clone(),
            errors: FieldErrors(errors),
        };
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::reset_password(&page.ctx, &view),
        )
            .into_response()
    };
    let errors = check_new_password(lang, "", &form.password, &form.password_confirm, "password");
    if !errors.is_empty() {
        return Ok(refuse(errors));
    }
    // Hashed before the transaction, so the database is not held while argon2 works.
    let hash = crate::auth::hash(form.password.clone())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = state.db().pool.begin().await?;
    let Some((user_id, _)) = sessions::use_token(&mut tx, &form.token, Purpose::Reset).await?
    else {
        return Ok(flash::redirect(
            &state,
            routes::PASSWORD_FORGOT,
            FlashKind::Error,
            t(lang, Note::LinkInvalid),
        ));
    };
    // The same rules as sign-up, with the account's own address; refused, the link stays
    // usable (the transaction that used it is rolled back).
    let account = users::get(&state.db().pool, user_id).await?;
    let errors = check_new_password(
        lang,
        &account.email,
        &form.password,
        &form.password_confirm,
        "password",
    );
    if !errors.is_empty() {
        tx.rollback().await?;
        return Ok(refuse(errors));
    }
    users::set_password(&mut tx, user_id, &hash).await?;
    users::mark_verified(&mut tx, user_id).await?;
    // A reset starts the account's sign-in attempts afresh.
    crate::store::login_failures::clear(
        &mut tx,
        crate::store::login_failures::Scope::Account,
        &account.email,
    )
    .await?;
    sessions::delete_all(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(flash::redirect(
        &state,
        routes::LOGIN,
        FlashKind::Success,
        t(lang, Note::PasswordChanged),
    ))
}

/// GET `/unsubscribe/{token}`: a page with the one-click button (mail scanners follow links,
/// so a GET never changes anything).
pub async fn unsubscribe_page(page: Page, Path(token): Path<String>) -> Markup {
    let ctx = &page.ctx;
    let body = maud::html! {
        h1 { (ctx.t(passerelle_templates::i18n::catalog::Auth::UnsubscribeTitle)) }
        form method="post" action=(routes::fill(routes::UNSUBSCRIBE, &[&token])) {
            button type="submit" { (ctx.t(passerelle_templates::i18n::catalog::Auth::UnsubscribeButton)) }
        }
    };
    passerelle_templates::page(
        ctx,
        ctx.t(passerelle_templates::i18n::catalog::Auth::UnsubscribeTitle),
        body,
    )
}

/// POST `/unsubscribe/{token}`: RFC 8058 one-click unsubscribe (also the page's button).
pub async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let mut conn = state.db().pool.acquire().await?;
    match mail::unsubscribe(&mut conn, &token).await? {
        Some(_) => Ok(flash::redirect(
            &state,
            "/",
            FlashKind::Success,
            t(page.ctx.lang, Note::Unsubscribed),
        )),
        None => Err(AppError::NotFound),
    }
}
