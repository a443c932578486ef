//! The expert's own dashboard: recommendations with reasons, connections, notification and data controls.

use crate::components::connection::{ConnectionView, connection_list};
use crate::components::{dl_row, score_bar};
use crate::i18n::catalog::{C, Ex};
use crate::i18n::{date_range, int};
use crate::layout::{PageContext, page};
use crate::model::{Kind, NotificationPref};
use crate::pages::account::privacy_sections;
use crate::routes;
use maud::{Markup, html};
use time::Date;

/// A mission or project recommended to the expert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Mission or project.
    pub kind: Kind,
    /// Its public ref (link).
    pub reference: String,
    /// Its title.
    pub title: String,
    /// The institution or association.
    pub organisation: String,
    /// Dates, when known.
    pub dates: Option<(Date, Date)>,
    /// Match score 0–100, when the page should show it.
    pub score: Option<u8>,
    /// Why it fits, as short sentences.
    pub reasons: Vec<String>,
}

/// Data of the expert dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpertDashboardView {
    /// The expert's name.
    pub name: String,
    /// Missing profile fields worth filling (already localised), empty when complete.
    pub profile_gaps: Vec<String>,
    /// "Recommended for you", best first.
    pub recommendations: Vec<Recommendation>,
    /// Connections, most recent first.
    pub connections: Vec<ConnectionView>,
    /// Notification preference.
    pub notifications: NotificationPref,
    /// Number of missions completed through Passerelle.
    pub completed_missions: u64,
}

fn recommendation(ctx: &PageContext, r: &Recommendation) -> Markup {
    let lang = ctx.lang;
    let href = match r.kind {
        Kind::Mission => routes::mission(&r.reference),
        Kind::Project => routes::project(&r.reference),
    };
    html! {
        li.card {
            h3 { a href=(href) { (r.title) } }
            p.small {
                (r.kind.label(lang)) " · " (r.organisation)
                @if let Some((s, e)) = r.dates { " · " (date_range(lang, s, e)) }
            }
            @if let Some(s) = r.score { (score_bar(lang, ctx.t(C::Score), s)) }
            @if !r.reasons.is_empty() {
                p.small { (ctx.t(Ex::Why)) }
                ul.reasons { @for x in &r.reasons { li { (x) } } }
            }
        }
    }
}

/// The expert dashboard.
pub fn expert_dashboard(ctx: &PageContext, v: &ExpertDashboardView) -> Markup {
    let body = html! {
        h1 { (ctx.t(Ex::DashboardTitle)) }
        p.lead { (v.name) " · " a href=(routes::ME_PROFILE) { (ctx.t(Ex::EditProfile)) } }
        dl.facts { (dl_row(ctx.t(Ex::CompletedMissions), &int(ctx.lang, v.completed_missions))) }
        @if !v.profile_gaps.is_empty() {
            div.flash.ok {
                p { (ctx.t(Ex::ProfileGaps)) }
                ul { @for g in &v.profile_gaps { li { (g) } } }
            }
        }
        section aria-labelledby="h-reco" {
            h2 #h-reco { (ctx.t(Ex::Recommended)) }
            @if v.recommendations.is_empty() { p { (ctx.t(Ex::NoRecommendations)) } }
            ul.plain { @for r in &v.recommendations { (recommendation(ctx, r)) } }
        }
        section aria-labelledby="h-conn" {
            h2 #h-conn { (ctx.t(Ex::Connections)) }
            (connection_list(ctx, &v.connections))
        }
        (privacy_sections(ctx, v.notifications))
    };
    page(ctx, ctx.t(Ex::DashboardTitle), body)
}
