//! Home page: what Passerelle is, headline counts, latest missions and projects, calls to action.

use crate::components::cards::{MissionCard, ProjectCard, mission_card, project_card};
use crate::i18n::catalog::{C, Site};
use crate::i18n::int;
use crate::layout::{PageContext, page};
use crate::routes;
use maud::{Markup, html};

/// Data of the home page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HomeView {
    /// Number of registered experts.
    pub experts: u64,
    /// Number of published missions.
    pub missions: u64,
    /// Number of published projects.
    pub projects: u64,
    /// Number of accepted connections so far.
    pub connections: u64,
    /// Latest published missions (a few).
    pub latest_missions: Vec<MissionCard>,
    /// Latest published projects (a few).
    pub latest_projects: Vec<ProjectCard>,
    /// Demo instances only: accounts a newcomer can log in with.
    pub demo_accounts: Vec<DemoAccount>,
}

/// A demo account shown on the home page of a demo instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// What the account is ("Modérateur — CIGEM").
    pub label: String,
    /// Login address.
    pub email: String,
    /// Password (demo data only).
    pub password: String,
}

/// The home page.
pub fn home(ctx: &PageContext, v: &HomeView) -> Markup {
    let lang = ctx.lang;
    let stat = |n: u64, one: Site, many: Site| {
        html! { li { strong { (int(lang, n)) } (lang.word(n, one, many)) } }
    };
    let body = html! {
        h1 { (ctx.t(Site::HomeTitle)) }
        p.lead { (ctx.t(Site::HomeLead)) }
        ul.stats aria-label=(ctx.t(Site::HomeFigures)) {
            (stat(v.experts, Site::ExpertsOne, Site::ExpertsMany))
            (stat(v.missions, Site::MissionsOne, Site::MissionsMany))
            (stat(v.projects, Site::ProjectsOne, Site::ProjectsMany))
            (stat(v.connections, Site::ConnectionsOne, Site::ConnectionsMany))
        }
        @if ctx.user.is_none() && !v.demo_accounts.is_empty() {
            section.demo aria-labelledby="demo-accounts" {
                h2 #demo-accounts { (ctx.t(Site::DemoAccounts)) }
                p { (ctx.t(Site::DemoAccountsLead)) }
                ul {
                    @for a in &v.demo_accounts {
                        li { strong { (a.label) } " : " code { (a.email) } " — " (ctx.t(Site::DemoPassword)) " " code { (a.password) } }
                    }
                }
            }
        }
        @if ctx.user.is_none() {
            div.cta {
                a.button href={ (routes::SIGNUP) "?role=expert" } { (ctx.t(Site::CtaExpert)) }
                a.button.secondary href={ (routes::SIGNUP) "?role=institution" } { (ctx.t(Site::CtaOrganisation)) }
            }
        }
        h2 { (ctx.t(Site::HowItWorks)) }
        ol {
            li { (ctx.t(Site::Step1)) }
            li { (ctx.t(Site::Step2)) }
            li { (ctx.t(Site::Step3)) }
        }
        h2 { (ctx.t(Site::LatestMissions)) }
        @if v.latest_missions.is_empty() { p { (ctx.t(C::NothingYet)) } }
        ul.grid { @for m in &v.latest_missions { li { (mission_card(lang, m)) } } }
        p { a href=(routes::MISSIONS) { (ctx.t(Site::AllMissions)) } }
        h2 { (ctx.t(Site::LatestProjects)) }
        @if v.latest_projects.is_empty() { p { (ctx.t(C::NothingYet)) } }
        ul.grid { @for p in &v.latest_projects { li { (project_card(lang, p)) } } }
        p { a href=(routes::PROJECTS) { (ctx.t(Site::AllProjects)) } }
    };
    page(ctx, ctx.t(Site::HomeTitle), body)
}
