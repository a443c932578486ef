//! A mission's page: facts, the institution's responsiveness, the expert's interest form,
//! and for the owning institution its controls, ranked experts and interests received.

use crate::components::flag::flag_form;
use crate::components::form::{error_summary, textarea};
use crate::components::opportunity::{
    InterestView, RankedExpert, Responsiveness, interests, ranked_experts, responsiveness,
};
use crate::components::{action_button, csrf, dl_row, status_badge, tags};
use crate::i18n::catalog::{C, F, Op};
use crate::i18n::date_range;
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, Kind, Mode, Status};
use crate::pages::moderation::ContentKind;
use crate::routes;
use crate::vocab;
use maud::{Markup, html};
use time::Date;

/// The expert's side of a mission page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InterestForm {
    /// True when this expert already expressed interest (the form is replaced by a notice).
    pub already_sent: bool,
    /// Message as typed (kept after an error).
    pub message: String,
    /// Field errors (field: message).
    pub errors: FieldErrors,
}

/// The owning organisation's side of a mission or project page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnerPanel {
    /// The organisation awaits a moderator's verification: no ranked experts yet.
    pub awaiting_verification: bool,
    /// Experts ranked by the matching engine, best first.
    pub ranked: Vec<RankedExpert>,
    /// Expressions of interest received.
    pub interests: Vec<InterestView>,
}

/// Data of a mission page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionDetailView {
    /// Public ref (links and form actions).
    pub reference: String,
    /// Title.
    pub title: String,
    /// Posting institution.
    pub institution: String,
    /// Full description.
    pub description: String,
    /// Skills wanted.
    pub skills: Vec<String>,
    /// Discipline, if given.
    pub discipline: Option<String>,
    /// Level code ("licence", "master", "doctorat", "professional"), if given.
    pub level: Option<String>,
    /// Language of instruction (ISO 639).
    pub language: String,
    /// Region id or name, or "remote".
    pub region: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// On site or remote.
    pub mode: Mode,
    /// Life-cycle status.
    pub status: Status,
    /// The institution's responsiveness, when known.
    pub responsiveness: Option<Responsiveness>,
    /// Set when the viewer is an expert: the interest form.
    pub interest: Option<InterestForm>,
    /// Set when the viewer belongs to the owning institution.
    pub owner: Option<OwnerPanel>,
}

/// The owner's paths for one posting: its edit form and its life-cycle actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerPaths {
    /// The edit form.
    pub edit: String,
    /// Publishing a draft.
    pub publish: String,
    /// Marking it filled.
    pub fill: String,
    /// Closing it.
    pub close: String,
}

impl OwnerPaths {
    /// The paths of one posting from the route table's patterns.
    pub fn of(kind: Kind, reference: &str) -> OwnerPaths {
        let [edit, publish, fill, close] = match kind {
            Kind::Mission => [
                routes::MISSION_EDIT,
                routes::MISSION_PUBLISH,
                routes::MISSION_FILL,
                routes::MISSION_CLOSE,
            ],
            Kind::Project => [
                routes::PROJECT_EDIT,
                routes::PROJECT_PUBLISH,
                routes::PROJECT_FILL,
                routes::PROJECT_CLOSE,
            ],
        };
        let path = |pattern: &str| routes::fill(pattern, &[reference]);
        OwnerPaths {
            edit: path(edit),
            publish: path(publish),
            fill: path(fill),
            close: path(close),
        }
    }
}

/// Edit / publish / close controls for the owner of a mission or project.
pub fn owner_controls(ctx: &PageContext, status: Status, paths: &OwnerPaths) -> Markup {
    html! {
        div.actions {
            a.button.secondary href=(paths.edit) { (ctx.t(C::Edit)) }
            @if status == Status::Draft { (action_button(ctx, &paths.publish, ctx.t(C::Publish), "")) }
            @if status == Status::Published { (action_button(ctx, &paths.fill, ctx.t(Op::MarkFilled), "secondary")) }
            @if matches!(status, Status::Draft | Status::Published | Status::Filled) {
                (action_button(ctx, &paths.close, ctx.t(C::CloseAction), "secondary"))
            }
        }
    }
}

/// The interest form for an expert (or the notice that it was sent).
pub fn interest_form(ctx: &PageContext, f: &InterestForm, action: &str) -> Markup {
    html! {
        section aria-labelledby="h-interest" {
            h2 #h-interest { (ctx.t(Op::ExpressInterest)) }
            @if f.already_sent {
                p { (ctx.t(Op::InterestSent)) }
            } @else {
                (error_summary(ctx.t(C::FormHasErrors), &f.errors))
                form method="post" action=(action) {
                    (csrf(ctx))
                    (textarea("message", ctx.t(F::Message), &f.message, Some(ctx.t(Op::InterestHint)), &f.errors))
                    button type="submit" { (ctx.t(Op::SendInterest)) }
                }
            }
        }
    }
}

/// The mission page.
pub fn mission_detail(ctx: &PageContext, v: &MissionDetailView) -> Markup {
    let lang = ctx.lang;
    let path = |pattern: &str| routes::fill(pattern, &[&v.reference]);
    let body = html! {
        p.meta { (ctx.t(Op::MissionBy)) " " (v.institution) }
        h1 { (v.title) }
        p { (status_badge(lang, Kind::Mission, v.status)) }
        @if v.owner.is_some() { (owner_controls(ctx, v.status, &OwnerPaths::of(Kind::Mission, &v.reference))) }
        (responsiveness(ctx, v.responsiveness))
        dl.facts {
            (dl_row(ctx.t(F::Dates), &date_range(lang, v.start, v.end)))
            (dl_row(ctx.t(F::Mode), v.mode.label(lang)))
            (dl_row(ctx.t(F::Region), &vocab::region(lang, &v.region)))
            (dl_row(ctx.t(F::TeachingLanguage), vocab::label(vocab::LANGUAGES, lang, &v.language)))
            (dl_row(ctx.t(F::Discipline), v.discipline.as_deref().unwrap_or("")))
            (dl_row(ctx.t(F::Level), v.level.as_deref().map_or("", |l| vocab::label(vocab::LEVELS, lang, l))))
        }
        h2 { (ctx.t(F::Description)) }
        p.prose { (v.description) }
        h2 { (ctx.t(F::SkillsWanted)) }
        (tags(&v.skills))
        @if let Some(f) = &v.interest {
            @if v.status == Status::Published { (interest_form(ctx, f, &path(routes::MISSION_INTEREST))) }
        }
        @if v.owner.is_none() { (flag_form(ctx, ContentKind::Mission, &v.reference)) }
        @if let Some(o) = &v.owner {
            @if o.awaiting_verification {
                p.notice { (ctx.t(Op::AwaitingVerificationRanked)) }
            } @else {
                (ranked_experts(ctx, &o.ranked, &path(routes::MISSION_INVITE)))
            }
            (interests(ctx, &o.interests))
        }
    };
    page(ctx, &v.title, body)
}
