//! Connections between experts and organisations, as listed on both dashboards.

use crate::components::action_button;
use crate::components::opportunity::state_css;
use crate::i18n::catalog::{C, Ex};
use crate::i18n::date;
use crate::layout::PageContext;
use crate::model::{ConnectionState, ContactView, Kind};
use crate::routes;
use maud::{Markup, html};
use time::Date;

/// Whether a post-mission report is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportState {
    /// Not yet (connection not accepted or mission not over).
    #[default]
    NotDue,
    /// The mission is over: a report is awaited.
    Due,
    /// The report was sent.
    Submitted,
}

/// One connection seen from one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionView {
    /// Connection ref (accept/decline/report actions).
    pub reference: String,
    /// Mission or project.
    pub kind: Kind,
    /// Ref of the mission or project (link).
    pub opportunity_ref: String,
    /// Title of the mission or project.
    pub opportunity_title: String,
    /// The other side: the organisation (for an expert) or the expert (for an organisation).
    pub counterpart: String,
    /// The expert's ref when the counterpart is an expert (profile link).
    pub counterpart_ref: Option<String>,
    /// State.
    pub state: ConnectionState,
    /// True when the viewer must accept or decline (pending, started by the other side).
    pub awaiting_me: bool,
    /// The other side's contact, only once accepted.
    pub contact: Option<ContactView>,
    /// Post-mission report state.
    pub report: ReportState,
    /// Date of the last change.
    pub updated_on: Date,
}

/// Contact details as a small definition list.
pub fn contact(ctx: &PageContext, c: &ContactView) -> Markup {
    html! {
        p.small {
            (ctx.t(Ex::Contact)) " "
            a href={ "mailto:" (c.email) } { (c.email) }
            @if let Some(p) = &c.phone { " · " a href={ "tel:" (p) } { (p) } }
        }
    }
}

/// A list of connections with their actions.
pub fn connection_list(ctx: &PageContext, items: &[ConnectionView]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if items.is_empty() { p { (ctx.t(C::NothingYet)) } }
        ul.plain {
            @for c in items {
                li.card {
                    h3 {
                        @let href = match c.kind { Kind::Mission => routes::mission(&c.opportunity_ref), Kind::Project => routes::project(&c.opportunity_ref) };
                        a href=(href) { (c.opportunity_title) }
                    }
                    p.small {
                        (c.kind.label(lang)) " · "
                        @match &c.counterpart_ref {
                            Some(r) => a href=(routes::expert(r)) { (crate::components::person_name(ctx, &c.counterpart)) },
                            None => (crate::components::person_name(ctx, &c.counterpart)),
                        }
                        " · " span class={ "badge " (state_css(c.state)) } { (c.state.label(lang)) }
                        " · " (date(lang, c.updated_on))
                    }
                    @if c.state == ConnectionState::Pending && c.awaiting_me {
                        div.actions {
                            (action_button(ctx, &routes::fill(routes::CONNECTION_ACCEPT, &[&c.reference]), ctx.t(C::Accept), ""))
                            (action_button(ctx, &routes::fill(routes::CONNECTION_DECLINE, &[&c.reference]), ctx.t(C::Decline), "secondary"))
                        }
                    }
                    @if c.state == ConnectionState::Accepted {
                        @if let Some(k) = &c.contact { (contact(ctx, k)) }
                    }
                    @match c.report {
                        ReportState::Due => p { a href=(routes::fill(routes::CONNECTION_REPORT, &[&c.reference])) { (ctx.t(Ex::WriteReport)) } },
                        ReportState::Submitted => p.small { (ctx.t(Ex::ReportSent)) },
                        ReportState::NotDue => {},
                    }
                }
            }
        }
    }
}
