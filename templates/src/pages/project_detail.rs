//! A project's page: facts, funding progress, the pledge form, and for the owning association
//! its controls, pending pledges to confirm, ranked experts and interests received.

use crate::components::flag::flag_form;
use crate::components::form::{Input, error_summary, textarea};
use crate::components::opportunity::{Responsiveness, interests, ranked_experts, responsiveness};
use crate::components::{action_button, csrf, dl_row, money_progress, status_badge, tags};
use crate::i18n::catalog::{C, F, Op};
use crate::i18n::{date, date_range, money};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, Kind, Status};
use crate::pages::mission_detail::{
    InterestForm, OwnerPanel, OwnerPaths, interest_form, owner_controls,
};
use crate::pages::moderation::ContentKind;
use crate::routes;
use crate::vocab;
use maud::{Markup, html};
use time::Date;

/// A pledge of money and/or skills to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeView {
    /// Pledge ref (confirm form).
    pub reference: String,
    /// Who pledged (display name).
    pub from_name: String,
    /// Amount in euros, if money was pledged.
    pub amount_eur: Option<u64>,
    /// Skills offered, if any.
    pub skill_offer: Option<String>,
    /// Message.
    pub message: String,
    /// When it was made.
    pub made_on: Date,
    /// Whether the association confirmed it.
    pub confirmed: bool,
}

/// The pledge form (for signed-in experts); posted to `/projects/{ref}/pledges` with fields amount_eur, skill_offer, pledge_message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PledgeForm {
    /// Amount as typed.
    pub amount_eur: String,
    /// Skills offered as typed.
    pub skill_offer: String,
    /// Message as typed.
    pub message: String,
    /// Field errors (fields: amount_eur, skill_offer, pledge_message).
    pub errors: FieldErrors,
}

/// Data of a project page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectDetailView {
    /// Public ref (links and form actions).
    pub reference: String,
    /// Title.
    pub title: String,
    /// Proposing association.
    pub association: String,
    /// Full description.
    pub description: String,
    /// Sector code ("water", "health"…).
    pub sector: String,
    /// Skills needed.
    pub skills: Vec<String>,
    /// Region id or name.
    pub region: String,
    /// Commune or village, if given.
    pub commune: Option<String>,
    /// Working language (ISO 639), if given.
    pub language: Option<String>,
    /// Total budget in euros, if given.
    pub budget_eur: Option<u64>,
    /// Funding still sought in euros, if any.
    pub funding_sought_eur: Option<u64>,
    /// Sum of confirmed pledges in euros.
    pub pledged_confirmed_eur: u64,
    /// Sum of pledges awaiting confirmation in euros.
    pub pledged_pending_eur: u64,
    /// Start date, if given.
    pub start: Option<Date>,
    /// End date, if given.
    pub end: Option<Date>,
    /// Life-cycle status.
    pub status: Status,
    /// The association's responsiveness, when known.
    pub responsiveness: Option<Responsiveness>,
    /// Set when the viewer is an expert: the skills interest form.
    pub interest: Option<InterestForm>,
    /// Set when the viewer may pledge (signed-in expert).
    pub pledge: Option<PledgeForm>,
    /// Set when the viewer belongs to the owning association.
    pub owner: Option<OwnerPanel>,
    /// All pledges, shown to the owning association (pending ones with a confirm button).
    pub pledges: Vec<PledgeView>,
}

fn dates(ctx: &PageContext, v: &ProjectDetailView) -> String {
    match (v.start, v.end) {
        (Some(s), Some(e)) => date_range(ctx.lang, s, e),
        (Some(s), None) => ctx.tf(Op::FromDate, &[("date", &date(ctx.lang, s))]),
        (None, Some(e)) => ctx.tf(Op::UntilDate, &[("date", &date(ctx.lang, e))]),
        (None, None) => String::new(),
    }
}

fn funding(ctx: &PageContext, v: &ProjectDetailView) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="h-funding" {
            h2 #h-funding { (ctx.t(Op::Funding)) }
            dl.facts {
                (dl_row(ctx.t(F::Budget), &v.budget_eur.map(|b| money(lang, b)).unwrap_or_default()))
                (dl_row(ctx.t(F::FundingSought), &v.funding_sought_eur.map(|b| money(lang, b)).unwrap_or_default()))
                (dl_row(ctx.t(Op::PledgesConfirmed), &money(lang, v.pledged_confirmed_eur)))
                (dl_row(ctx.t(Op::PledgesPending), &money(lang, v.pledged_pending_eur)))
            }
            @if let Some(goal) = v.funding_sought_eur {
                (money_progress(lang, ctx.t(Op::ProgressLabel), v.pledged_confirmed_eur, goal))
            }
        }
    }
}

fn pledge_form(ctx: &PageContext, f: &PledgeForm, action: &str) -> Markup {
    let e = &f.errors;
    html! {
        section aria-labelledby="h-pledge" {
            h2 #h-pledge { (ctx.t(Op::PledgeTitle)) }
            p.small { (ctx.t(Op::PledgeHint)) }
            (error_summary(ctx.t(C::FormHasErrors), e))
            form method="post" action=(action) {
                (csrf(ctx))
                (Input::new("amount_eur", ctx.t(F::AmountEur), &f.amount_eur).kind("number").render(e))
                (Input::new("skill_offer", ctx.t(F::SkillOffer), &f.skill_offer).render(e))
                (textarea("pledge_message", ctx.t(F::Message), &f.message, None, e))
                button type="submit" { (ctx.t(Op::PledgeButton)) }
            }
        }
    }
}

fn pledge_list(ctx: &PageContext, v: &ProjectDetailView) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="h-pledges" {
            h2 #h-pledges { (ctx.t(Op::PledgesTitle)) }
            @if v.pledges.is_empty() { p { (ctx.t(C::NothingYet)) } }
            ul.plain {
                @for p in &v.pledges {
                    li.card {
                        p { strong { (crate::components::person_name(ctx, &p.from_name)) } " · " (date(lang, p.made_on)) " · "
                            @if p.confirmed { span.badge.accepted { (ctx.t(Op::Confirmed)) } }
                            @else { span.badge.pending { (ctx.t(C::ConnPending)) } } }
                        @if let Some(a) = p.amount_eur { p { (money(lang, a)) } }
                        @if let Some(s) = &p.skill_offer { p { (ctx.t(F::SkillOffer)) " : " (s) } }
                        @if !p.message.is_empty() { blockquote { (p.message) } }
                        @if !p.confirmed {
                            (action_button(ctx, &routes::fill(routes::PLEDGE_CONFIRM, &[&v.reference, &p.reference]), ctx.t(C::Confirm), ""))
                        }
                    }
                }
            }
        }
    }
}

/// The project page.
pub fn project_detail(ctx: &PageContext, v: &ProjectDetailView) -> Markup {
    let lang = ctx.lang;
    let path = |pattern: &str| routes::fill(pattern, &[&v.reference]);
    let place = match &v.commune {
        Some(c) => format!("{c}, {}", vocab::region(lang, &v.region)),
        None => vocab::region(lang, &v.region),
    };
    let body = html! {
        p.meta { (ctx.t(Op::ProjectBy)) " " (v.association) }
        h1 { (v.title) }
        p { (status_badge(lang, Kind::Project, v.status)) }
        @if v.owner.is_some() { (owner_controls(ctx, v.status, &OwnerPaths::of(Kind::Project, &v.reference))) }
        (responsiveness(ctx, v.responsiveness))
        (crate::stats::map::region_locator(&v.region, lang.code()))
        dl.facts {
            (dl_row(ctx.t(F::Sector), vocab::label(vocab::SECTORS, lang, &v.sector)))
            (dl_row(ctx.t(F::Place), &place))
            (dl_row(ctx.t(F::Dates), &dates(ctx, v)))
            (dl_row(ctx.t(F::WorkingLanguage), v.language.as_deref().map_or("", |l| vocab::label(vocab::LANGUAGES, lang, l))))
        }
        h2 { (ctx.t(F::Description)) }
        p.prose { (v.description) }
        h2 { (ctx.t(F::SkillsNeeded)) }
        (tags(&v.skills))
        (funding(ctx, v))
        @if v.status == Status::Published {
            @if let Some(f) = &v.pledge { (pledge_form(ctx, f, &path(routes::PROJECT_PLEDGES))) }
            @if let Some(f) = &v.interest { (interest_form(ctx, f, &path(routes::PROJECT_INTEREST))) }
        }
        @if v.owner.is_none() { (flag_form(ctx, ContentKind::Project, &v.reference)) }
        @if let Some(o) = &v.owner {
            (pledge_list(ctx, v))
            @if o.awaiting_verification {
                p.notice { (ctx.t(Op::AwaitingVerificationRanked)) }
            } @else {
                (ranked_experts(ctx, &o.ranked, &path(routes::PROJECT_INVITE)))
            }
            (interests(ctx, &o.interests))
        }
    };
    page(ctx, &v.title, body)
}
