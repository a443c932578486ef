//! Account settings (e-mail, password, notifications, data export, deletion) and the verify-email notice.

use crate::components::form::{Input, error_summary, radios};
use crate::components::{action_button, csrf};
use crate::i18n::catalog::{Auth, C, F};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, NotificationPref};
use crate::routes;
use maud::{Markup, html};

/// Data of the account settings page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountView {
    /// Current e-mail address.
    pub email: String,
    /// New address awaiting confirmation, if any.
    pub pending_email: Option<String>,
    /// New e-mail as typed in the change form (kept after an error).
    pub new_email: String,
    /// Current notification preference.
    pub notifications: NotificationPref,
    /// Errors of the e-mail form (fields: new_email, current_password_email).
    pub email_errors: FieldErrors,
    /// Errors of the password form (fields: current_password, new_password, password_confirm).
    pub password_errors: FieldErrors,
}

/// Data of the "check your inbox" notice after sign-up or an e-mail change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerifyEmailView {
    /// The address the link was sent to.
    pub email: String,
}

/// The account settings page.
pub fn account_settings(ctx: &PageContext, v: &AccountView) -> Markup {
    let (ee, pe) = (&v.email_errors, &v.password_errors);
    let body = html! {
        h1 { (ctx.t(Auth::AccountTitle)) }
        section aria-labelledby="h-email" {
            h2 #h-email { (ctx.t(Auth::ChangeEmail)) }
            p { (ctx.t(Auth::CurrentEmail)) " " strong { (v.email) } }
            @if let Some(p) = &v.pending_email { p.small { (ctx.tf(Auth::PendingEmail, &[("email", p)])) } }
            (error_summary(ctx.t(C::FormHasErrors), ee))
            form method="post" action=(routes::ACCOUNT_EMAIL) {
                (csrf(ctx))
                (Input::new("new_email", ctx.t(F::NewEmail), &v.new_email).kind("email").required().autocomplete("email").render(ee))
                (Input::new("current_password_email", ctx.t(F::CurrentPassword), "").kind("password").required()
                    .autocomplete("current-password").render(ee))
                button type="submit" { (ctx.t(Auth::ChangeEmail)) }
            }
        }
        section aria-labelledby="h-password" {
            h2 #h-password { (ctx.t(Auth::ChangePassword)) }
            (error_summary(ctx.t(C::FormHasErrors), pe))
            form method="post" action=(routes::ACCOUNT_PASSWORD) {
                (csrf(ctx))
                (Input::new("current_password", ctx.t(F::CurrentPassword), "").kind("password").required()
                    .autocomplete("current-password").render(pe))
                (Input::new("new_password", ctx.t(F::NewPassword), "").kind("password").required()
                    .autocomplete("new-password").hint(ctx.t(Auth::PasswordRule)).render(pe))
                (Input::new("password_confirm", ctx.t(F::ConfirmPassword), "").kind("password").required()
                    .autocomplete("new-password").render(pe))
                button type="submit" { (ctx.t(Auth::ChangePassword)) }
            }
        }
        (privacy_sections(ctx, v.notifications))
    };
    page(ctx, ctx.t(Auth::AccountTitle), body)
}

/// Notification preference, personal data download and account deletion (also on the expert dashboard).
pub fn privacy_sections(ctx: &PageContext, current: NotificationPref) -> Markup {
    let choices: Vec<(&str, &str)> = NotificationPref::ALL
        .iter()
        .map(|p| (p.code(), p.label(ctx.lang)))
        .collect();
    let none = FieldErrors::default();
    html! {
        section aria-labelledby="h-notif" {
            h2 #h-notif { (ctx.t(Auth::Notifications)) }
            form method="post" action=(routes::ACCOUNT_NOTIFICATIONS) {
                (csrf(ctx))
                (radios("notifications", ctx.t(Auth::NotificationsLegend), &choices, current.code(), &none))
                button type="submit" { (ctx.t(C::Save)) }
            }
        }
        section aria-labelledby="h-data" {
            h2 #h-data { (ctx.t(Auth::YourData)) }
            p { a href=(routes::ACCOUNT_EXPORT) download { (ctx.t(Auth::DownloadData)) } }
            form method="post" action=(routes::ACCOUNT_DELETE) {
                (csrf(ctx))
                p { (ctx.t(Auth::DeleteWarning)) }
                div.field {
                    label.check {
                        input type="checkbox" name="confirm" value="yes" required;
                        " " (ctx.t(Auth::DeleteConfirm))
                    }
                }
                button.danger type="submit" { (ctx.t(Auth::DeleteButton)) }
            }
        }
    }
}

/// The "check your inbox" page, with a button to send the link again.
pub fn verify_email_notice(ctx: &PageContext, v: &VerifyEmailView) -> Markup {
    let body = html! {
        h1 { (ctx.t(Auth::VerifyTitle)) }
        p.lead { (ctx.tf(Auth::VerifyText, &[("email", &v.email)])) }
        p { (ctx.t(Auth::VerifySpam)) }
        (action_button(ctx, routes::VERIFY_EMAIL_RESEND, ctx.t(Auth::VerifyResend), "secondary"))
    };
    page(ctx, ctx.t(Auth::VerifyTitle), body)
}
