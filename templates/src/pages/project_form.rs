//! The project form (create and edit): every field of the projects interchange format.

use crate::components::csrf;
use crate::components::form::{Input, error_summary, select, textarea};
use crate::i18n::catalog::{C, F, Op};
use crate::layout::{PageContext, page};
use crate::model::FieldErrors;
use crate::pages::mission_form::skills_fields;
use crate::routes;
use crate::vocab;
use maud::{Markup, html};

/// Values of the project form, as stored or as typed.
///
/// Posted to [`routes::PROJECT_NEW`] or [`routes::PROJECT_EDIT`], the paths that show it. Field names: title, description, sector,
/// skills (one per line), skill_add, region, commune, language, budget_eur, funding_sought_eur, start, end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectFormView {
    /// Ref of the project being edited; `None` for a new one.
    pub reference: Option<String>,
    /// The proposing association (shown, not editable).
    pub association: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Sector code.
    pub sector: String,
    /// Skills needed, one per line.
    pub skills: String,
    /// Suggestions for the skill datalist.
    pub skill_suggestions: Vec<String>,
    /// Region id.
    pub region: String,
    /// Commune or village.
    pub commune: String,
    /// Working language (ISO 639).
    pub language: String,
    /// Total budget in euros, as typed.
    pub budget_eur: String,
    /// Funding sought in euros, as typed.
    pub funding_sought_eur: String,
    /// Start date (YYYY-MM-DD).
    pub start: String,
    /// End date (YYYY-MM-DD).
    pub end: String,
    /// Field errors, by the field names above.
    pub errors: FieldErrors,
}

/// The project form page.
pub fn project_form(ctx: &PageContext, v: &ProjectFormView) -> Markup {
    let lang = ctx.lang;
    let e = &v.errors;
    let title = ctx.t(if v.reference.is_some() {
        Op::EditProject
    } else {
        Op::NewProject
    });
    let action = v
        .reference
        .as_deref()
        .map_or(routes::PROJECT_NEW.to_owned(), |r| {
            routes::fill(routes::PROJECT_EDIT, &[r])
        });
    let body = html! {
        h1 { (title) }
        @if !v.association.is_empty() { p.meta { (v.association) } }
        p.lead { (ctx.t(Op::ProjectFormLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(action) {
            (csrf(ctx))
            (Input::new("title", ctx.t(F::Title), &v.title).required().render(e))
            (textarea("description", ctx.t(F::Description), &v.description, None, e))
            (select("sector", ctx.t(F::Sector), &vocab::options(vocab::SECTORS, lang), &v.sector, Some(ctx.t(Op::Choose)), e))
            (skills_fields(ctx, ctx.t(F::SkillsNeeded), &v.skills, &v.skill_suggestions, e))
            (select("region", ctx.t(F::Region), &vocab::options(vocab::REGIONS, lang), &v.region, Some(ctx.t(Op::Choose)), e))
            (Input::new("commune", ctx.t(F::Commune), &v.commune).render(e))
            (select("language", ctx.t(F::WorkingLanguage), &vocab::options(vocab::LANGUAGES, lang), &v.language, Some(ctx.t(Op::Choose)), e))
            (Input::new("budget_eur", ctx.t(F::BudgetEur), &v.budget_eur).kind("number").render(e))
            (Input::new("funding_sought_eur", ctx.t(F::FundingSoughtEur), &v.funding_sought_eur).kind("number").render(e))
            div.daterow {
                (Input::new("start", ctx.t(F::Start), &v.start).kind("date").render(e))
                (Input::new("end", ctx.t(F::End), &v.end).kind("date").render(e))
            }
            div.actions {
                button type="submit" { (ctx.t(Op::SaveDraft)) }
                a href=(v.reference.as_deref().map_or(routes::ORGANISATION.to_owned(), routes::project)) { (ctx.t(C::Cancel)) }
            }
        }
    };
    page(ctx, title, body)
}
