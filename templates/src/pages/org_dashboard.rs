//! The organisation dashboard: verification status, postings with counts, connections, pending pledges.

use crate::components::connection::{ConnectionView, connection_list};
use crate::components::opportunity::{Responsiveness, responsiveness};
use crate::components::{action_button, status_badge};
use crate::i18n::catalog::{C, Op, Org};
use crate::i18n::{date, date_range, int, money};
use crate::layout::{PageContext, page};
use crate::model::{Kind, OrgKind, Status, Verification};
use crate::routes;
use maud::{Markup, html};
use time::Date;

/// One mission or project of the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRow {
    /// Mission or project.
    pub kind: Kind,
    /// Public ref (link).
    pub reference: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: Status,
    /// Dates, when known.
    pub dates: Option<(Date, Date)>,
    /// Expressions of interest received.
    pub interests: u64,
    /// Experts suggested by the matching engine.
    pub matches: u64,
}

/// A pledge awaiting the association's confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPledge {
    /// Project ref.
    pub project_ref: String,
    /// Project title.
    pub project_title: String,
    /// Pledge ref (confirm form).
    pub pledge_ref: String,
    /// Who pledged.
    pub from_name: String,
    /// Amount in euros, if money.
    pub amount_eur: Option<u64>,
    /// Skills offered, if any.
    pub skill_offer: Option<String>,
    /// When.
    pub made_on: Date,
}

/// Data of the organisation dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgDashboardView {
    /// Organisation name.
    pub name: String,
    /// Institution or association.
    pub kind: OrgKind,
    /// Verification state.
    pub verification: Verification,
    /// Its responsiveness, when known.
    pub responsiveness: Option<Responsiveness>,
    /// Its missions or projects, most recent first.
    pub postings: Vec<PostingRow>,
    /// Its connections with experts.
    pub connections: Vec<ConnectionView>,
    /// Pledges awaiting confirmation (associations).
    pub pending_pledges: Vec<PendingPledge>,
}

fn verification(ctx: &PageContext, v: Verification) -> Markup {
    let (class, key) = match v {
        Verification::Pending => ("badge pending", Org::VerificationPending),
        Verification::Verified => ("badge verified", Org::Verified),
        Verification::Rejected => ("badge rejected", Org::VerificationRejected),
    };
    html! { p { span class=(class) { (ctx.t(key)) } } }
}

fn postings(ctx: &PageContext, rows: &[PostingRow]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if rows.is_empty() { p { (ctx.t(C::NothingYet)) } } @else {
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (ctx.t(Org::Posting)) }
                    th scope="col" { (ctx.t(Org::StatusCol)) }
                    th scope="col" { (ctx.t(Org::InterestsCol)) }
                    th scope="col" { (ctx.t(Org::MatchesCol)) }
                } }
                tbody { @for r in rows {
                    @let href = match r.kind { Kind::Mission => routes::mission(&r.reference), Kind::Project => routes::project(&r.reference) };
                    tr {
                        td { a href=(href) { (r.title) } br;
                            span.small { (r.kind.label(lang)) @if let Some((s, e)) = r.dates { " · " (date_range(lang, s, e)) } } }
                        td { (status_badge(lang, r.kind, r.status)) }
                        td { (int(lang, r.interests)) }
                        td { (int(lang, r.matches)) }
                    }
                } }
            } }
        }
    }
}

/// The organisation dashboard.
pub fn org_dashboard(ctx: &PageContext, v: &OrgDashboardView) -> Markup {
    let lang = ctx.lang;
    let (new_href, new_label) = match v.kind {
        OrgKind::Institution => (routes::MISSION_NEW, Op::NewMission),
        OrgKind::Association => (routes::PROJECT_NEW, Op::NewProject),
    };
    let body = html! {
        h1 { (v.name) }
        p.meta { (v.kind.label(lang)) " · " a href=(routes::ORGANISATION_EDIT) { (ctx.t(C::Edit)) } }
        (verification(ctx, v.verification))
        @if v.verification != Verification::Verified { p { (ctx.t(Org::UnverifiedExplain)) } }
        (responsiveness(ctx, v.responsiveness))
        section aria-labelledby="h-postings" {
            h2 #h-postings { (ctx.t(Org::Postings)) }
            p { a.button href=(new_href) { (ctx.t(new_label)) } }
            (postings(ctx, &v.postings))
        }
        @if v.kind == OrgKind::Association || !v.pending_pledges.is_empty() {
            section aria-labelledby="h-pledges" {
                h2 #h-pledges { (ctx.t(Op::PledgesPending)) }
                @if v.pending_pledges.is_empty() { p { (ctx.t(C::NothingYet)) } }
                ul.plain { @for p in &v.pending_pledges {
                    li.card {
                        h3 { a href=(routes::project(&p.project_ref)) { (p.project_title) } }
                        p { strong { (p.from_name) } " · " (date(lang, p.made_on))
                            @if let Some(a) = p.amount_eur { " · " (money(lang, a)) }
                            @if let Some(s) = &p.skill_offer { " · " (s) } }
                        (action_button(ctx, &routes::fill(routes::PLEDGE_CONFIRM, &[&p.project_ref, &p.pledge_ref]), ctx.t(C::Confirm), ""))
                    }
                } }
            }
        }
        section aria-labelledby="h-conn" {
            h2 #h-conn { (ctx.t(Org::Connections)) }
            (connection_list(ctx, &v.connections))
        }
    };
    page(ctx, &v.name, body)
}
