//! Result cards for missions, projects and experts (used by the lists and the home page).

use crate::components::status_badge;
use crate::i18n::catalog::C;
use crate::i18n::{Lang, date_range, money, t};
use crate::model::{Kind, Mode, Status};
use crate::routes;
use crate::vocab;
use maud::{Markup, html};
use time::Date;

/// A mission in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionCard {
    /// Public ref, for the link.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Posting institution.
    pub institution: String,
    /// Discipline, if given.
    pub discipline: Option<String>,
    /// Region id or name, or "remote".
    pub region: String,
    /// Language of instruction (ISO 639).
    pub language: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// On site or remote.
    pub mode: Mode,
    /// Life-cycle status (badge shown unless published).
    pub status: Status,
}

/// A project in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectCard {
    /// Public ref, for the link.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Proposing association.
    pub association: String,
    /// Sector code ("water", "health"…).
    pub sector: String,
    /// Region id or name.
    pub region: String,
    /// Commune or village, if given.
    pub commune: Option<String>,
    /// Funding sought in euros, if any.
    pub funding_sought_eur: Option<u64>,
    /// Confirmed pledges in euros.
    pub pledged_eur: u64,
    /// Life-cycle status (badge shown unless published).
    pub status: Status,
}

/// An expert in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertCard {
    /// Public ref, for the link.
    pub reference: String,
    /// Display name.
    pub name: String,
    /// One-line headline.
    pub headline: String,
    /// Country of residence (ISO 3166-1 alpha-2).
    pub residence_country: String,
    /// Home region, if given.
    pub home_region: Option<String>,
    /// A few skills.
    pub skills: Vec<String>,
    /// Languages (ISO 639).
    pub languages: Vec<String>,
}

/// A mission card.
pub fn mission_card(lang: Lang, m: &MissionCard) -> Markup {
    html! {
        article.card {
            h3 { a href=(routes::mission(&m.reference)) { (m.title) } }
            p.meta { (m.institution) }
            p.small {
                (vocab::region(lang, &m.region)) " · " (m.mode.label(lang)) " · "
                (vocab::label(vocab::LANGUAGES, lang, &m.language)) " · " (date_range(lang, m.start, m.end))
                @if let Some(d) = &m.discipline { " · " (d) }
            }
            @if m.status != Status::Published { p { (status_badge(lang, Kind::Mission, m.status)) } }
        }
    }
}

/// A project card.
pub fn project_card(lang: Lang, p: &ProjectCard) -> Markup {
    html! {
        article.card.with-locator {
            (crate::stats::map::region_locator(&p.region, lang.code()))
            h3 { a href=(routes::project(&p.reference)) { (p.title) } }
            p.meta { (p.association) }
            p.small {
                (vocab::label(vocab::SECTORS, lang, &p.sector)) " · "
                @if let Some(c) = &p.commune { (c) ", " }
                (vocab::region(lang, &p.region))
            }
            @if let Some(goal) = p.funding_sought_eur {
                p.small { (t(lang, C::Pledged)) " " (money(lang, p.pledged_eur)) " / " (money(lang, goal)) }
            }
            @if p.status != Status::Published { p { (status_badge(lang, Kind::Project, p.status)) } }
        }
    }
}

/// An expert card.
pub fn expert_card(lang: Lang, e: &ExpertCard) -> Markup {
    html! {
        article.card {
            h3 { a href=(routes::expert(&e.reference)) { (e.name) } }
            p.meta { (e.headline) }
            p.small {
                (vocab::label(vocab::COUNTRIES, lang, &e.residence_country))
                @if let Some(r) = &e.home_region { " · " (t(lang, C::From)) " " (vocab::region(lang, r)) }
                @if !e.languages.is_empty() { " · " (vocab::languages(lang, &e.languages)) }
            }
            @if !e.skills.is_empty() { p.small { (e.skills.join(", ")) } }
        }
    }
}
