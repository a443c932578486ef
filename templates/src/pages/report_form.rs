//! The post-mission report: what was done, how it went, and outcome figures.

use crate::components::csrf;
use crate::components::form::{Input, error_summary, textarea};
use crate::i18n::catalog::{C, Org};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, Kind};
use crate::routes;
use maud::{Markup, html};

/// Values of the report form, as typed.
///
/// Posted to `/connections/{ref}/report`. Field names: what_done, how_it_went, people_trained,
/// courses_delivered, theses_supervised, milestones_reached (numbers as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFormView {
    /// Connection ref (form action).
    pub connection_ref: String,
    /// Mission or project.
    pub kind: Kind,
    /// Title of the mission or project.
    pub opportunity_title: String,
    /// The other side's name (organisation or expert).
    pub counterpart: String,
    /// What was taught or done.
    pub what_done: String,
    /// How it went.
    pub how_it_went: String,
    /// People trained.
    pub people_trained: String,
    /// Courses or modules delivered.
    pub courses_delivered: String,
    /// Theses supervised.
    pub theses_supervised: String,
    /// Project milestones reached.
    pub milestones_reached: String,
    /// Field errors, by the field names above.
    pub errors: FieldErrors,
}

/// The report form page.
pub fn report_form(ctx: &PageContext, v: &ReportFormView) -> Markup {
    let e = &v.errors;
    let num = |name: &'static str, label: Org, value: &str| {
        Input::new(name, ctx.t(label), value)
            .kind("number")
            .render(e)
    };
    let body = html! {
        h1 { (ctx.t(Org::ReportTitle)) }
        p.lead { (v.opportunity_title) " · " (v.kind.label(ctx.lang)) " · " (v.counterpart) }
        p { (ctx.t(Org::ReportLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::fill(routes::CONNECTION_REPORT, &[&v.connection_ref])) {
            (csrf(ctx))
            (textarea("what_done", ctx.t(Org::WhatDone), &v.what_done, None, e))
            (textarea("how_it_went", ctx.t(Org::HowItWent), &v.how_it_went, None, e))
            fieldset.field {
                legend { (ctx.t(Org::Figures)) }
                p.hint { (ctx.t(Org::FiguresHint)) }
                (num("people_trained", Org::PeopleTrained, &v.people_trained))
                (num("courses_delivered", Org::CoursesDelivered, &v.courses_delivered))
                (num("theses_supervised", Org::ThesesSupervised, &v.theses_supervised))
                (num("milestones_reached", Org::MilestonesReached, &v.milestones_reached))
            }
            div.actions { button type="submit" { (ctx.t(Org::SendReport)) } }
        }
    };
    page(ctx, ctx.t(Org::ReportTitle), body)
}
