//! The organisation form: kind, name, city and country, description, website.

use crate::components::csrf;
use crate::components::form::{Input, error_summary, radios, textarea};
use crate::i18n::catalog::{C, F, Org};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, OrgKind};
use crate::routes;
use maud::{Markup, html};

/// Values of the organisation form, as stored or as typed.
///
/// Posted to `/organisation/edit`. Field names: kind, name, city, country, description, website.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgFormView {
    /// True when the organisation does not exist yet (first step after sign-up).
    pub is_new: bool,
    /// "institution" or "association".
    pub kind: String,
    /// Name.
    pub name: String,
    /// City.
    pub city: String,
    /// Country (ISO code; "ML" for Malian institutions).
    pub country: String,
    /// Description.
    pub description: String,
    /// Website URL.
    pub website: String,
    /// Field errors, by the field names above.
    pub errors: FieldErrors,
}

/// The organisation form page.
pub fn org_form(ctx: &PageContext, v: &OrgFormView) -> Markup {
    let lang = ctx.lang;
    let e = &v.errors;
    let kinds: Vec<(&str, &str)> = [OrgKind::Institution, OrgKind::Association]
        .iter()
        .map(|k| (k.code(), k.label(lang)))
        .collect();
    let title = ctx.t(if v.is_new {
        Org::FormTitleNew
    } else {
        Org::FormTitle
    });
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t(Org::FormLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::ORGANISATION_EDIT) {
            (csrf(ctx))
            (radios("kind", ctx.t(F::OrgKind), &kinds, &v.kind, e))
            (Input::new("name", ctx.t(F::Name), &v.name).required().autocomplete("organization").render(e))
            (Input::new("city", ctx.t(F::City), &v.city).required().render(e))
            (Input::new("country", ctx.t(F::Country), &v.country).required().hint(ctx.t(Org::CountryHint)).render(e))
            (textarea("description", ctx.t(F::Description), &v.description, None, e))
            (Input::new("website", ctx.t(F::Website), &v.website).kind("url").autocomplete("url").render(e))
            div.actions {
                button type="submit" { (ctx.t(C::Save)) }
                @if !v.is_new { a href=(routes::ORGANISATION) { (ctx.t(C::Cancel)) } }
            }
        }
    };
    page(ctx, title, body)
}
