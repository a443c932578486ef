//! Forgotten password and password reset pages.

use crate::components::csrf;
use crate::components::form::{Input, error_summary};
use crate::i18n::catalog::{Auth, C, F};
use crate::layout::{PageContext, page};
use crate::model::FieldErrors;
use crate::routes;
use maud::{Markup, html};

/// Data of the "forgot password" form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForgotPasswordView {
    /// E-mail as typed.
    pub email: String,
    /// True after submission: show "if an account exists, we sent a link" (same text whether or not it exists).
    pub sent: bool,
    /// Field errors (field: email).
    pub errors: FieldErrors,
}

/// Data of the password reset form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResetPasswordView {
    /// The reset token from the e-mailed link, posted back in a hidden field.
    pub token: String,
    /// Field errors (fields: password, password_confirm, token).
    pub errors: FieldErrors,
}

/// The "forgot password" page.
pub fn forgot_password(ctx: &PageContext, v: &ForgotPasswordView) -> Markup {
    let e = &v.errors;
    let body = html! {
        h1 { (ctx.t(Auth::ForgotTitle)) }
        @if v.sent {
            p.flash.ok role="status" { (ctx.t(Auth::ForgotSent)) }
        } @else {
            p.lead { (ctx.t(Auth::ForgotLead)) }
            (error_summary(ctx.t(C::FormHasErrors), e))
            form method="post" action=(routes::PASSWORD_FORGOT) {
                (csrf(ctx))
                (Input::new("email", ctx.t(F::Email), &v.email).kind("email").required().autocomplete("email").render(e))
                div.actions { button type="submit" { (ctx.t(Auth::ForgotButton)) } }
            }
        }
        p { a href=(routes::LOGIN) { (ctx.t(C::NavLogin)) } }
    };
    page(ctx, ctx.t(Auth::ForgotTitle), body)
}

/// The password reset page (reached from the e-mailed link).
pub fn reset_password(ctx: &PageContext, v: &ResetPasswordView) -> Markup {
    let e = &v.errors;
    let body = html! {
        h1 { (ctx.t(Auth::ResetTitle)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::PASSWORD_RESET) {
            (csrf(ctx))
            input type="hidden" name="token" value=(v.token);
            (Input::new("password", ctx.t(F::NewPassword), "").kind("password").required()
                .autocomplete("new-password").hint(ctx.t(Auth::PasswordRule)).render(e))
            (Input::new("password_confirm", ctx.t(F::ConfirmPassword), "").kind("password").required()
                .autocomplete("new-password").render(e))
            div.actions { button type="submit" { (ctx.t(Auth::ResetButton)) } }
        }
    };
    page(ctx, ctx.t(Auth::ResetTitle), body)
}
