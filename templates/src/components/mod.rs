//! Small reusable pieces of markup: form fields, cards, search and pagination, badges.

pub mod cards;
pub mod connection;
pub mod flag;
pub mod form;
pub mod opportunity;
pub mod search;

use crate::i18n::{Lang, int, money};
use crate::layout::PageContext;
use crate::model::{Kind, Status};
use maud::{Markup, html};

/// The hidden CSRF field every POST form carries.
pub fn csrf(ctx: &PageContext) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf_token); }
}

/// A POST form with the CSRF field and a single submit button (publish, close, confirm…).
pub fn action_button(ctx: &PageContext, action: &str, label: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf(ctx))
            button type="submit" class=[(!class.is_empty()).then_some(class)] { (label) }
        }
    }
}

/// A coloured status badge, worded for a mission or a project.
pub fn status_badge(lang: Lang, kind: Kind, status: Status) -> Markup {
    html! { span class={ "badge " (status.css()) } { (status.label(lang, kind)) } }
}

/// A comma-free list of short tags (skills, languages).
pub fn tags(items: &[String]) -> Markup {
    html! {
        @if !items.is_empty() {
            ul.tags { @for i in items { li { (i) } } }
        }
    }
}

/// A native progress bar with its text equivalent: "12 000 € / 48 000 €".
pub fn money_progress(lang: Lang, label: &str, done: u64, goal: u64) -> Markup {
    let max = goal.max(1);
    html! {
        div.progress {
            label { (label) " "
                progress max=(max) value=(done.min(max)) { (money(lang, done)) " / " (money(lang, goal)) }
            }
            span.small { (money(lang, done)) " / " (money(lang, goal)) }
        }
    }
}

/// A person's name as pages show it: an erased person's name (`—` or nothing) reads
/// "compte supprimé".
pub fn person_name<'a>(ctx: &'a PageContext, name: &'a str) -> &'a str {
    if name.trim().is_empty() || name == "—" {
        ctx.t(crate::i18n::catalog::C::DeletedAccount)
    } else {
        name
    }
}

/// A score between 0 and 100 as a small bar with its number.
pub fn score_bar(lang: Lang, label: &str, score: u8) -> Markup {
    let s = score.min(100);
    html! {
        label.score { (label) " " progress max="100" value=(s) { (int(lang, u64::from(s))) } " " (int(lang, u64::from(s))) "/100" }
    }
}

/// A definition-list row, skipped when the value is empty.
pub fn dl_row(term: &str, value: &str) -> Markup {
    html! {
        @if !value.is_empty() { dt { (term) } dd { (value) } }
    }
}
