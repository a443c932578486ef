//! Sign-up page: role, name, e-mail, password, language.

use crate::components::csrf;
use crate::components::form::{Input, error_summary, radios, select};
use crate::i18n::catalog::{Auth, C, F};
use crate::i18n::{Lang, t};
use crate::layout::{PageContext, page};
use crate::model::FieldErrors;
use crate::routes;
use maud::{Markup, html};

/// Data of the sign-up form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignupView {
    /// Chosen role: "expert", "institution" or "association" (empty if none yet).
    pub role: String,
    /// Display name as typed.
    pub name: String,
    /// E-mail as typed.
    pub email: String,
    /// Preferred language for e-mails and pages.
    pub language: Lang,
    /// Field errors (fields: role, name, email, password, language).
    pub errors: FieldErrors,
}

/// The sign-up page.
pub fn signup(ctx: &PageContext, v: &SignupView) -> Markup {
    let e = &v.errors;
    let roles = [
        ("expert", ctx.t(Auth::RoleExpert)),
        ("institution", ctx.t(Auth::RoleInstitution)),
        ("association", ctx.t(Auth::RoleAssociation)),
    ];
    let langs: Vec<(&str, &str)> = Lang::ALL
        .iter()
        .map(|l| (l.code(), l.native_name()))
        .collect();
    let body = html! {
        h1 { (ctx.t(Auth::SignupTitle)) }
        p.lead { (ctx.t(Auth::SignupLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::SIGNUP) {
            (csrf(ctx))
            (radios("role", ctx.t(Auth::IAm), &roles, &v.role, e))
            (Input::new("name", ctx.t(F::Name), &v.name).required().autocomplete("name").render(e))
            (Input::new("email", ctx.t(F::Email), &v.email).kind("email").required().autocomplete("email").render(e))
            (Input::new("password", ctx.t(F::Password), "").kind("password").required()
                .autocomplete("new-password").hint(ctx.t(Auth::PasswordRule)).render(e))
            (select("language", ctx.t(F::PreferredLanguage), &langs, v.language.code(), None, e))
            p.small { (t(ctx.lang, Auth::SignupPrivacy)) " " a href={ (routes::ABOUT) } { (ctx.t(C::FooterAbout)) } }
            div.actions { button type="submit" { (ctx.t(Auth::SignupButton)) } }
        }
        p { (ctx.t(Auth::HaveAccount)) " " a href=(routes::LOGIN) { (ctx.t(C::NavLogin)) } }
    };
    page(ctx, ctx.t(Auth::SignupTitle), body)
}
