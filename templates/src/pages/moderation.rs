//! Moderation: organisations to verify, reported content, failed e-mails, audit log.

use crate::components::action_button;
use crate::i18n::catalog::{Adm, C};
use crate::i18n::{Lang, date, datetime, int, t};
use crate::layout::{PageContext, page};
use crate::model::OrgKind;
use crate::routes;
use crate::vocab;
use maud::{Markup, html};
use time::{Date, PrimitiveDateTime};

/// An organisation awaiting verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingOrg {
    /// Organisation ref (actions).
    pub reference: String,
    /// Name.
    pub name: String,
    /// Institution or association.
    pub kind: OrgKind,
    /// City.
    pub city: String,
    /// Country (ISO code).
    pub country: String,
    /// Website, if given.
    pub website: Option<String>,
    /// Name of the member who registered it.
    pub member_name: String,
    /// That member's e-mail (moderators may contact them).
    pub member_email: String,
    /// Registration date.
    pub submitted_on: Date,
}

/// What kind of content was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// A mission.
    Mission,
    /// A project.
    Project,
    /// An expert profile.
    Expert,
}

impl ContentKind {
    /// Form value ("mission", "project", "expert").
    pub fn code(self) -> &'static str {
        match self {
            ContentKind::Mission => "mission",
            ContentKind::Project => "project",
            ContentKind::Expert => "expert",
        }
    }
}

/// A reported piece of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedItem {
    /// Report ref (actions).
    pub reference: String,
    /// What kind of content.
    pub content: ContentKind,
    /// Ref of the content (link).
    pub content_ref: String,
    /// Title or name of the content.
    pub title: String,
    /// The reporter's reason.
    pub reason: String,
    /// Who reported it.
    pub reported_by: String,
    /// When.
    pub reported_on: Date,
    /// Whether it is currently hidden.
    pub hidden: bool,
}

/// An e-mail the outbox failed to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedEmail {
    /// Outbox row ref (retry action).
    pub reference: String,
    /// Masked recipient ("a•••@example.org").
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Attempts so far.
    pub attempts: u32,
    /// Last error, short.
    pub last_error: String,
    /// Last attempt (UTC).
    pub last_attempt: PrimitiveDateTime,
}

/// What a moderator did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditAction {
    /// Verified an organisation.
    VerifiedOrg,
    /// Rejected an organisation.
    RejectedOrg,
    /// Hid content.
    HidContent,
    /// Restored content.
    RestoredContent,
    /// Retried an e-mail.
    RetriedEmail,
    /// Anything else, already localised.
    Other(String),
}

impl AuditAction {
    fn label(&self, lang: Lang) -> &str {
        match self {
            AuditAction::VerifiedOrg => t(lang, Adm::AuditVerified),
            AuditAction::RejectedOrg => t(lang, Adm::AuditRejected),
            AuditAction::HidContent => t(lang, Adm::AuditHid),
            AuditAction::RestoredContent => t(lang, Adm::AuditRestored),
            AuditAction::RetriedEmail => t(lang, Adm::AuditRetried),
            AuditAction::Other(s) => s,
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// The moderator's name.
    pub who: String,
    /// The action.
    pub action: AuditAction,
    /// What it applied to (name or title).
    pub target: String,
    /// When (UTC).
    pub at: PrimitiveDateTime,
}

/// Data of the moderation page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModerationView {
    /// Organisations awaiting verification, oldest first.
    pub pending_orgs: Vec<PendingOrg>,
    /// Reported content, newest first.
    pub reports: Vec<ReportedItem>,
    /// Failed e-mails.
    pub failed_emails: Vec<FailedEmail>,
    /// Latest moderator actions, newest first.
    pub audit: Vec<AuditEntry>,
}

/// A link for http(s) URLs only; anything else (e.g. `javascript:`) is shown as plain text.
fn external_link(url: &str) -> Markup {
    let lower = url.trim_start().to_ascii_lowercase();
    html! {
        @if lower.starts_with("https://") || lower.starts_with("http://") {
            a href=(url) rel="nofollow noopener noreferrer" { (url) }
        } @else { (url) }
    }
}

fn th(ctx: &PageContext, keys: &[Adm]) -> Markup {
    html! { thead { tr { @for k in keys { th scope="col" { (ctx.t(*k)) } } } } }
}

fn orgs(ctx: &PageContext, items: &[PendingOrg]) -> Markup {
    let lang = ctx.lang;
    let act = |r: &str, a: &str| routes::fill(routes::MODERATION_ORGANISATION, &[r, a]);
    html! {
        @if items.is_empty() { p { (ctx.t(C::NothingYet)) } }
        ul.plain { @for o in items {
            li.card {
                h3 { (o.name) }
                p.small { (o.kind.label(lang)) " · " (o.city) ", " (vocab::label(vocab::COUNTRIES, lang, &o.country))
                    " · " (ctx.t(Adm::Submitted)) " " (date(lang, o.submitted_on)) }
                p.small { (o.member_name) " · " a href={ "mailto:" (o.member_email) } { (o.member_email) }
                    @if let Some(w) = &o.website { " · " (external_link(w)) } }
                div.actions {
                    (action_button(ctx, &act(&o.reference, "verify"), ctx.t(Adm::Verify), ""))
                    (action_button(ctx, &act(&o.reference, "reject"), ctx.t(Adm::Reject), "danger"))
                }
            }
        } }
    }
}

fn reports(ctx: &PageContext, items: &[ReportedItem]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if items.is_empty() { p { (ctx.t(C::NothingYet)) } } @else {
            div.table-wrap { table {
                (th(ctx, &[Adm::Content, Adm::Reason, Adm::ReportedBy, Adm::Actions]))
                tbody { @for r in items {
                    @let href = match r.content { ContentKind::Mission => routes::mission(&r.content_ref),
                        ContentKind::Project => routes::project(&r.content_ref), ContentKind::Expert => routes::expert(&r.content_ref) };
                    tr {
                        td { a href=(href) { (r.title) } br; span.small { (ctx.t(if r.hidden { Adm::Hidden } else { Adm::Visible })) } }
                        td { (r.reason) }
                        td { (r.reported_by) br; span.small { (date(lang, r.reported_on)) } }
                        td { @if r.hidden {
                            (action_button(ctx, &routes::fill(routes::MODERATION_REPORT, &[&r.reference, "restore"]), ctx.t(Adm::Restore), "secondary"))
                        } @else {
                            (action_button(ctx, &routes::fill(routes::MODERATION_REPORT, &[&r.reference, "hide"]), ctx.t(Adm::Hide), "danger"))
                        } }
                    }
                } }
            } }
        }
    }
}

fn emails(ctx: &PageContext, items: &[FailedEmail]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if items.is_empty() { p { (ctx.t(C::NothingYet)) } } @else {
            div.table-wrap { table {
                (th(ctx, &[Adm::Recipient, Adm::Subject, Adm::Attempts, Adm::LastError, Adm::Actions]))
                tbody { @for m in items { tr {
                    td { (m.recipient) }
                    td { (m.subject) }
                    td { (int(lang, u64::from(m.attempts))) }
                    td { (m.last_error) br; span.small { (datetime(lang, m.last_attempt)) } }
                    td { (action_button(ctx, &routes::fill(routes::MODERATION_EMAIL_RETRY, &[&m.reference]), ctx.t(Adm::Retry), "secondary")) }
                } } }
            } }
        }
    }
}

fn audit(ctx: &PageContext, items: &[AuditEntry]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if items.is_empty() { p { (ctx.t(C::NothingYet)) } } @else {
            div.table-wrap { table {
                (th(ctx, &[Adm::When, Adm::Who, Adm::What, Adm::Target]))
                tbody { @for a in items { tr {
                    td { (datetime(lang, a.at)) } td { (a.who) } td { (a.action.label(lang)) } td { (a.target) }
                } } }
            } }
        }
    }
}

/// The moderation page.
pub fn moderation(ctx: &PageContext, v: &ModerationView) -> Markup {
    let body = html! {
        h1 { (ctx.t(Adm::ModerationTitle)) }
        section aria-labelledby="h-orgs" { h2 #h-orgs { (ctx.t(Adm::OrgsAwaiting)) } (orgs(ctx, &v.pending_orgs)) }
        section aria-labelledby="h-reports" { h2 #h-reports { (ctx.t(Adm::Reported)) } (reports(ctx, &v.reports)) }
        section aria-labelledby="h-emails" { h2 #h-emails { (ctx.t(Adm::FailedEmails)) } (emails(ctx, &v.failed_emails)) }
        section aria-labelledby="h-audit" { h2 #h-audit { (ctx.t(Adm::AuditLog)) } (audit(ctx, &v.audit)) }
    };
    page(ctx, ctx.t(Adm::ModerationTitle), body)
}
