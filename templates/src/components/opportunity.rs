//! Parts shared by the mission and project pages: responsiveness, ranked experts, interests received.

use crate::components::{action_button, csrf, score_bar};
use crate::i18n::catalog::{C, Op};
use crate::i18n::{date, int, percent};
use crate::layout::PageContext;
use crate::model::ConnectionState;
use crate::routes;
use maud::{Markup, html};
use time::Date;

/// How quickly an organisation answers expressions of interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Responsiveness {
    /// Share of interests answered, 0–100.
    pub answered_pct: u32,
    /// Median days to answer.
    pub median_days: u32,
}

/// One expert suggested by the matching engine to the owning organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedExpert {
    /// Expert's public ref (profile link and invite form).
    pub reference: String,
    /// Display name.
    pub name: String,
    /// One-line headline.
    pub headline: String,
    /// Match score, 0–100.
    pub score: u8,
    /// Why this expert fits, as short sentences.
    pub reasons: Vec<String>,
    /// True when already invited (button hidden).
    pub invited: bool,
}

/// An expression of interest (or invitation) on an opportunity, seen by its organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestView {
    /// Connection ref (accept/decline forms).
    pub reference: String,
    /// Expert's public ref (profile link).
    pub expert_ref: String,
    /// Expert's name.
    pub expert_name: String,
    /// The expert's message.
    pub message: String,
    /// When it was sent.
    pub sent_on: Date,
    /// Its state.
    pub state: ConnectionState,
}

/// "Answers 80 % of expressions of interest, in 3 days (median)."
pub fn responsiveness(ctx: &PageContext, r: Option<Responsiveness>) -> Markup {
    let lang = ctx.lang;
    html! {
        @match r {
            Some(r) => p.small { (ctx.tf(Op::Responsiveness, &[
                ("pct", &percent(lang, r.answered_pct)),
                ("days", &lang.plural(u64::from(r.median_days), C::DaysOne, C::DaysMany)),
            ])) },
            None => p.small { (ctx.t(Op::ResponsivenessUnknown)) },
        }
    }
}

/// The ranked experts with their reasons and an invite button each; `invite_action` is the POST URL.
pub fn ranked_experts(ctx: &PageContext, experts: &[RankedExpert], invite_action: &str) -> Markup {
    html! {
        section aria-labelledby="h-ranked" {
            h2 #h-ranked { (ctx.t(Op::SuggestedExperts)) }
            @if experts.is_empty() { p { (ctx.t(Op::NoSuggestions)) } }
            ol.plain {
                @for e in experts {
                    li.card {
                        h3 { a href=(routes::expert(&e.reference)) { (e.name) } }
                        p.meta { (e.headline) }
                        (score_bar(ctx.lang, ctx.t(C::Score), e.score))
                        @if !e.reasons.is_empty() {
                            ul.reasons { @for r in &e.reasons { li { (r) } } }
                        }
                        @if e.invited {
                            p.small { (ctx.t(Op::Invited)) }
                        } @else {
                            form.inline method="post" action=(invite_action) {
                                (csrf(ctx))
                                input type="hidden" name="expert" value=(e.reference);
                                button.secondary type="submit" { (ctx.t(Op::Invite)) " " span.visually-hidden { (e.name) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The expressions of interest received, with accept/decline for pending ones.
pub fn interests(ctx: &PageContext, items: &[InterestView]) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="h-interests" {
            h2 #h-interests { (ctx.t(Op::InterestsReceived)) " (" (int(lang, items.len() as u64)) ")" }
            @if items.is_empty() { p { (ctx.t(C::NothingYet)) } }
            ul.plain {
                @for i in items {
                    li.card {
                        h3 { a href=(routes::expert(&i.expert_ref)) { (crate::components::person_name(ctx, &i.expert_name)) } }
                        p.small { (date(lang, i.sent_on)) " · " span class={ "badge " (state_css(i.state)) } { (i.state.label(lang)) } }
                        @if !i.message.is_empty() { blockquote { (i.message) } }
                        @if i.state == ConnectionState::Pending {
                            div.actions {
                                (action_button(ctx, &routes::fill(routes::CONNECTION_ACCEPT, &[&i.reference]), ctx.t(C::Accept), ""))
                                (action_button(ctx, &routes::fill(routes::CONNECTION_DECLINE, &[&i.reference]), ctx.t(C::Decline), "secondary"))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// CSS class of a connection state badge.
pub fn state_css(s: ConnectionState) -> &'static str {
    match s {
        ConnectionState::Pending => "pending",
        ConnectionState::Accepted => "accepted",
        ConnectionState::Declined => "declined",
    }
}
