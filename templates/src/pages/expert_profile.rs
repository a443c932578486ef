//! An expert's profile as organisations see it (contact only after an accepted connection).

use crate::components::connection::contact;
use crate::components::flag::flag_form;
use crate::components::{dl_row, tags};
use crate::i18n::catalog::{Ex, F};
use crate::i18n::{date_range, int};
use crate::layout::{PageContext, page};
use crate::model::{ContactView, DateWindow, Mode, Offer};
use crate::pages::moderation::ContentKind;
use crate::vocab;
use maud::{Markup, html};

/// Data of an expert's profile page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertProfileView {
    /// Public ref.
    pub reference: String,
    /// Display name.
    pub name: String,
    /// One-line headline.
    pub headline: String,
    /// Free-text presentation, if any.
    pub bio: Option<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Broad disciplines.
    pub disciplines: Vec<String>,
    /// Languages (ISO 639).
    pub languages: Vec<String>,
    /// Country of residence (ISO 3166-1 alpha-2).
    pub residence_country: String,
    /// City of residence, if given.
    pub residence_city: Option<String>,
    /// Home region in Mali, if given.
    pub home_region: Option<String>,
    /// Home commune or village, if given.
    pub home_commune: Option<String>,
    /// Highest degree, if given.
    pub degree: Option<String>,
    /// Availability windows (empty = unknown).
    pub availability: Vec<DateWindow>,
    /// Accepted modes.
    pub modes: Vec<Mode>,
    /// What the expert offers.
    pub offers: Vec<Offer>,
    /// Number of missions completed through Passerelle.
    pub completed_missions: u64,
    /// Contact details, only when a connection with the viewer is accepted.
    pub contact: Option<ContactView>,
}

/// Availability windows as a list of date ranges, or "unknown".
pub fn availability(ctx: &PageContext, windows: &[DateWindow]) -> Markup {
    html! {
        @if windows.is_empty() {
            p { (ctx.t(Ex::AvailabilityUnknown)) }
        } @else {
            ul { @for w in windows { li { (date_range(ctx.lang, w.from, w.to)) } } }
        }
    }
}

/// The expert profile page.
pub fn expert_profile(ctx: &PageContext, v: &ExpertProfileView) -> Markup {
    let lang = ctx.lang;
    let residence = match &v.residence_city {
        Some(c) => format!(
            "{c}, {}",
            vocab::label(vocab::COUNTRIES, lang, &v.residence_country)
        ),
        None => vocab::label(vocab::COUNTRIES, lang, &v.residence_country).to_owned(),
    };
    let origin = match (&v.home_commune, &v.home_region) {
        (Some(c), Some(r)) => format!("{c}, {}", vocab::region(lang, r)),
        (None, Some(r)) => vocab::region(lang, r),
        (Some(c), None) => c.clone(),
        (None, None) => String::new(),
    };
    let modes: Vec<&str> = v.modes.iter().map(|m| m.label(lang)).collect();
    let offers: Vec<&str> = v.offers.iter().map(|o| o.label(lang)).collect();
    let body = html! {
        h1 { (v.name) }
        p.lead { (v.headline) }
        @if let Some(c) = &v.contact { (contact(ctx, c)) } @else { p.small { (ctx.t(Ex::ContactHidden)) } }
        dl.facts {
            (dl_row(ctx.t(F::ResidenceCountry), &residence))
            (dl_row(ctx.t(Ex::Origin), &origin))
            (dl_row(ctx.t(F::Languages), &vocab::languages(lang, &v.languages)))
            (dl_row(ctx.t(F::Degree), v.degree.as_deref().unwrap_or("")))
            (dl_row(ctx.t(F::Modes), &modes.join(", ")))
            (dl_row(ctx.t(F::Offers), &offers.join(", ")))
            (dl_row(ctx.t(Ex::CompletedMissions), &int(lang, v.completed_missions)))
        }
        @if let Some(b) = &v.bio { h2 { (ctx.t(F::Bio)) } p.prose { (b) } }
        h2 { (ctx.t(F::Skills)) }
        (tags(&v.skills))
        @if !v.disciplines.is_empty() { h2 { (ctx.t(F::Disciplines)) } (tags(&v.disciplines)) }
        h2 { (ctx.t(F::Availability)) }
        (availability(ctx, &v.availability))
        (flag_form(ctx, ContentKind::Expert, &v.reference))
    };
    page(ctx, &v.name, body)
}
