//! The three search pages: missions, projects and experts, each with facets and pagination.

use crate::components::cards::{
    ExpertCard, MissionCard, ProjectCard, expert_card, mission_card, project_card,
};
use crate::components::search::{ListView, pager, result_count, search_form};
use crate::i18n::catalog::{C, Op};
use crate::layout::{PageContext, page};
use crate::model::Role;
use crate::routes;
use maud::{Markup, html};

/// Missions search page data.
pub type MissionListView = ListView<MissionCard>;
/// Projects search page data.
pub type ProjectListView = ListView<ProjectCard>;
/// Experts search page data (verified organisations and moderators only).
pub type ExpertListView = ListView<ExpertCard>;

fn list_page<T>(
    ctx: &PageContext,
    title: &str,
    action: &str,
    v: &ListView<T>,
    extra: Markup,
    card: impl Fn(&T) -> Markup,
) -> Markup {
    let body = html! {
        h1 { (title) }
        (extra)
        div.cols {
            aside { (search_form(ctx, action, &v.q, &v.facets)) }
            section aria-labelledby="h-results" {
                h2.visually-hidden #h-results { (ctx.t(C::Results)) }
                (result_count(ctx.lang, v.pagination.total))
                @if v.items.is_empty() {
                    p { (ctx.t(C::NoResults)) }
                } @else {
                    ul.grid { @for i in &v.items { li { (card(i)) } } }
                }
                (pager(ctx, action, &v.q, &v.facets, v.pagination))
            }
        }
    };
    page(ctx, title, body)
}

/// The missions search page.
pub fn missions_list(ctx: &PageContext, v: &MissionListView) -> Markup {
    let extra = html! {
        @if ctx.role() == Some(Role::InstitutionMember) {
            p { a.button href=(routes::MISSION_NEW) { (ctx.t(Op::NewMission)) } }
        }
    };
    list_page(
        ctx,
        ctx.t(C::NavMissions),
        routes::MISSIONS,
        v,
        extra,
        |m| mission_card(ctx.lang, m),
    )
}

/// The projects search page.
pub fn projects_list(ctx: &PageContext, v: &ProjectListView) -> Markup {
    let extra = html! {
        @if ctx.role() == Some(Role::AssociationMember) {
            p { a.button href=(routes::PROJECT_NEW) { (ctx.t(Op::NewProject)) } }
        }
    };
    list_page(
        ctx,
        ctx.t(C::NavProjects),
        routes::PROJECTS,
        v,
        extra,
        |p| project_card(ctx.lang, p),
    )
}

/// The experts search page.
pub fn experts_list(ctx: &PageContext, v: &ExpertListView) -> Markup {
    let extra = html! { p.small { (ctx.t(C::ExpertsPrivacy)) } };
    list_page(ctx, ctx.t(C::NavExperts), routes::EXPERTS, v, extra, |e| {
        expert_card(ctx.lang, e)
    })
}
