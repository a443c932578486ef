//! The mission form (create and edit): every field of the missions interchange format.

use crate::components::csrf;
use crate::components::form::{Input, error_summary, radios, select, textarea};
use crate::i18n::catalog::{C, F, Op};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, Mode};
use crate::routes;
use crate::vocab;
use maud::{Markup, html};

/// Values of the mission form, as stored or as typed.
///
/// Posted to [`routes::MISSION_NEW`] or [`routes::MISSION_EDIT`], the paths that show it. Field names: title, description, skills
/// (one per line), skill_add, discipline, level, language, region ("remote" allowed), start, end, mode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MissionFormView {
    /// Ref of the mission being edited; `None` for a new one.
    pub reference: Option<String>,
    /// The posting institution (shown, not editable).
    pub institution: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Skills wanted, one per line.
    pub skills: String,
    /// Suggestions for the skill datalist.
    pub skill_suggestions: Vec<String>,
    /// Discipline.
    pub discipline: String,
    /// Level code.
    pub level: String,
    /// Language of instruction (ISO 639).
    pub language: String,
    /// Region id or "remote".
    pub region: String,
    /// Start date (YYYY-MM-DD).
    pub start: String,
    /// End date (YYYY-MM-DD).
    pub end: String,
    /// Mode code ("onsite", "remote").
    pub mode: String,
    /// Field errors, by the field names above.
    pub errors: FieldErrors,
}

/// The skills textarea plus the datalist-backed "add a skill" input.
pub fn skills_fields(
    ctx: &PageContext,
    label: &str,
    skills: &str,
    suggestions: &[String],
    e: &FieldErrors,
) -> Markup {
    html! {
        (textarea("skills", label, skills, Some(ctx.t(Op::SkillsHint)), e))
        (Input::new("skill_add", ctx.t(Op::SkillSuggestions), "").list("skill-suggestions").render(e))
        datalist #skill-suggestions { @for s in suggestions { option value=(s) {} } }
    }
}

/// The mission form page.
pub fn mission_form(ctx: &PageContext, v: &MissionFormView) -> Markup {
    let lang = ctx.lang;
    let e = &v.errors;
    let title = ctx.t(if v.reference.is_some() {
        Op::EditMission
    } else {
        Op::NewMission
    });
    let action = v
        .reference
        .as_deref()
        .map_or(routes::MISSION_NEW.to_owned(), |r| {
            routes::fill(routes::MISSION_EDIT, &[r])
        });
    let mut regions = vocab::options(vocab::REGIONS, lang);
    regions.push(("remote", ctx.t(Op::RemoteRegion)));
    let modes: Vec<(&str, &str)> = Mode::ALL
        .iter()
        .map(|m| (m.code(), m.label(lang)))
        .collect();
    let body = html! {
        h1 { (title) }
        @if !v.institution.is_empty() { p.meta { (v.institution) } }
        p.lead { (ctx.t(Op::MissionFormLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(action) {
            (csrf(ctx))
            (Input::new("title", ctx.t(F::Title), &v.title).required().render(e))
            (textarea("description", ctx.t(F::Description), &v.description, None, e))
            (skills_fields(ctx, ctx.t(F::SkillsWanted), &v.skills, &v.skill_suggestions, e))
            (Input::new("discipline", ctx.t(F::Discipline), &v.discipline).render(e))
            (select("level", ctx.t(F::Level), &vocab::options(vocab::LEVELS, lang), &v.level, Some(ctx.t(Op::Choose)), e))
            (select("language", ctx.t(F::TeachingLanguage), &vocab::options(vocab::LANGUAGES, lang), &v.language, Some(ctx.t(Op::Choose)), e))
            (select("region", ctx.t(F::Region), &regions, &v.region, Some(ctx.t(Op::Choose)), e))
            div.daterow {
                (Input::new("start", ctx.t(F::Start), &v.start).kind("date").required().render(e))
                (Input::new("end", ctx.t(F::End), &v.end).kind("date").required().render(e))
            }
            (radios("mode", ctx.t(F::Mode), &modes, &v.mode, e))
            div.actions {
                button type="submit" { (ctx.t(Op::SaveDraft)) }
                a href=(v.reference.as_deref().map_or(routes::ORGANISATION.to_owned(), routes::mission)) { (ctx.t(C::Cancel)) }
            }
        }
    };
    page(ctx, title, body)
}
