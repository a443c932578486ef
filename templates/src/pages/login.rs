//! Login page.

use crate::components::csrf;
use crate::components::form::{Input, error_summary};
use crate::i18n::catalog::{Auth, C, F};
use crate::layout::{PageContext, page};
use crate::model::FieldErrors;
use crate::routes;
use maud::{Markup, html};

/// Data of the login form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoginView {
    /// E-mail as typed (kept after a failure).
    pub email: String,
    /// Where to go after login (a local path), sent back in a hidden field.
    pub next: Option<String>,
    /// Errors; a wrong e-mail/password pair is reported on the field "email".
    pub errors: FieldErrors,
}

/// The login page.
pub fn login(ctx: &PageContext, v: &LoginView) -> Markup {
    let e = &v.errors;
    let body = html! {
        h1 { (ctx.t(Auth::LoginTitle)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::LOGIN) {
            (csrf(ctx))
            @if let Some(n) = &v.next { input type="hidden" name="next" value=(n); }
            (Input::new("email", ctx.t(F::Email), &v.email).kind("email").required().autocomplete("email").render(e))
            (Input::new("password", ctx.t(F::Password), "").kind("password").required().autocomplete("current-password").render(e))
            div.actions { button type="submit" { (ctx.t(Auth::LoginButton)) } }
        }
        p { a href=(routes::PASSWORD_FORGOT) { (ctx.t(Auth::ForgotLink)) } }
        p { (ctx.t(Auth::NoAccount)) " " a href=(routes::SIGNUP) { (ctx.t(C::NavSignup)) } }
    };
    page(ctx, ctx.t(Auth::LoginTitle), body)
}
