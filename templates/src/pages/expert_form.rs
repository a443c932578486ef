//! The expert profile form: every field of the experts interchange format.

use crate::components::csrf;
use crate::components::form::{Input, checkboxes, error_summary, errors_of, select, textarea};
use crate::i18n::catalog::{C, Ex, F, Op};
use crate::layout::{PageContext, page};
use crate::model::{FieldErrors, Mode, Offer};
use crate::routes;
use crate::vocab;
use maud::{Markup, html};

/// Values of the expert profile form, as stored or as typed.
///
/// Field names posted: name, headline, bio, phone, skills (one per line), skill_add (one more from
/// the datalist), disciplines (one per line), languages (repeated), other_languages, residence_country,
/// residence_city, home_region, home_commune, degree, avail_from_N / avail_to_N (N = 0, 1, 2…),
/// modes (repeated), offers (repeated).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpertFormView {
    /// Display name.
    pub name: String,
    /// One-line headline.
    pub headline: String,
    /// Presentation.
    pub bio: String,
    /// Phone, shared only with accepted connections.
    pub phone: String,
    /// Skills, one per line.
    pub skills: String,
    /// Suggestions for the skill datalist (vocabulary labels in the page language).
    pub skill_suggestions: Vec<String>,
    /// Disciplines, one per line.
    pub disciplines: String,
    /// Checked language codes among the common ones.
    pub languages: Vec<String>,
    /// Other language codes, comma-separated.
    pub other_languages: String,
    /// Country of residence (ISO code).
    pub residence_country: String,
    /// City of residence.
    pub residence_city: String,
    /// Home region id.
    pub home_region: String,
    /// Home commune or village.
    pub home_commune: String,
    /// Highest degree.
    pub degree: String,
    /// Availability windows as typed (YYYY-MM-DD strings); at least 3 rows are shown.
    pub availability: Vec<(String, String)>,
    /// Checked mode codes ("onsite", "remote").
    pub modes: Vec<String>,
    /// Checked offer codes ("teaching", "expertise", "funding", "mentoring").
    pub offers: Vec<String>,
    /// Field errors, by the field names above.
    pub errors: FieldErrors,
}

/// Datalist suggestions for degrees.
const DEGREES: &[&str] = &["PhD", "MD", "Master", "Licence", "BTS", "DUT", "Ingénieur"];

fn availability_rows(ctx: &PageContext, v: &ExpertFormView) -> Markup {
    let rows = v.availability.len().max(2) + 1;
    let e = &v.errors;
    html! {
        fieldset.field #f-availability {
            legend { (ctx.t(F::Availability)) }
            p.hint { (ctx.t(Ex::AvailabilityHint)) }
            @for i in 0..rows {
                @let (from, to) = v.availability.get(i).cloned().unwrap_or_default();
                @let (nf, nt) = (format!("avail_from_{i}"), format!("avail_to_{i}"));
                fieldset.daterow {
                    legend.small { (ctx.tf(Ex::Period, &[("n", &(i + 1).to_string())])) }
                    (Input::new(&nf, ctx.t(F::Start), &from).kind("date").render(e))
                    (Input::new(&nt, ctx.t(F::End), &to).kind("date").render(e))
                }
            }
            (errors_of(e, "availability"))
        }
    }
}

/// The expert profile form page.
pub fn expert_form(ctx: &PageContext, v: &ExpertFormView) -> Markup {
    let lang = ctx.lang;
    let e = &v.errors;
    let langs = vocab::options(vocab::LANGUAGES, lang);
    let checked_langs: Vec<&str> = v.languages.iter().map(String::as_str).collect();
    let modes: Vec<(&str, &str)> = Mode::ALL
        .iter()
        .map(|m| (m.code(), m.label(lang)))
        .collect();
    let offers: Vec<(&str, &str)> = Offer::ALL
        .iter()
        .map(|o| (o.code(), o.label(lang)))
        .collect();
    let checked_modes: Vec<&str> = v.modes.iter().map(String::as_str).collect();
    let checked_offers: Vec<&str> = v.offers.iter().map(String::as_str).collect();
    let regions = vocab::options(vocab::REGIONS, lang);
    let body = html! {
        h1 { (ctx.t(Ex::FormTitle)) }
        p.lead { (ctx.t(Ex::FormLead)) }
        (error_summary(ctx.t(C::FormHasErrors), e))
        form method="post" action=(routes::ME_PROFILE) {
            (csrf(ctx))
            (Input::new("name", ctx.t(F::Name), &v.name).required().autocomplete("name").render(e))
            (Input::new("headline", ctx.t(F::Headline), &v.headline).required().hint(ctx.t(Ex::HeadlineHint)).render(e))
            (textarea("bio", ctx.t(F::Bio), &v.bio, None, e))
            (textarea("skills", ctx.t(F::Skills), &v.skills, Some(ctx.t(Op::SkillsHint)), e))
            (Input::new("skill_add", ctx.t(Op::SkillSuggestions), "").list("skill-suggestions").render(e))
            datalist #skill-suggestions { @for s in &v.skill_suggestions { option value=(s) {} } }
            (textarea("disciplines", ctx.t(F::Disciplines), &v.disciplines, Some(ctx.t(Ex::OnePerLine)), e))
            (checkboxes("languages", ctx.t(F::Languages), &langs, &checked_langs, e))
            (Input::new("other_languages", ctx.t(F::OtherLanguages), &v.other_languages).render(e))
            (Input::new("residence_country", ctx.t(F::ResidenceCountry), &v.residence_country).required()
                .list("countries").hint(ctx.t(Ex::CountryHint)).render(e))
            datalist #countries { @for (c, fr, en) in vocab::COUNTRIES { option value=(c) { (if lang == crate::Lang::Fr { fr } else { en }) } } }
            (Input::new("residence_city", ctx.t(F::ResidenceCity), &v.residence_city).render(e))
            (select("home_region", ctx.t(F::HomeRegion), &regions, &v.home_region, Some(ctx.t(Op::Choose)), e))
            (Input::new("home_commune", ctx.t(F::HomeCommune), &v.home_commune).render(e))
            (Input::new("degree", ctx.t(F::Degree), &v.degree).list("degrees").render(e))
            datalist #degrees { @for d in DEGREES { option value=(d) {} } }
            (availability_rows(ctx, v))
            (checkboxes("modes", ctx.t(F::Modes), &modes, &checked_modes, e))
            (checkboxes("offers", ctx.t(F::Offers), &offers, &checked_offers, e))
            (Input::new("phone", ctx.t(F::Phone), &v.phone).kind("tel").autocomplete("tel").hint(ctx.t(Ex::PhoneHint)).render(e))
            div.actions {
                button type="submit" { (ctx.t(C::Save)) }
                a href=(routes::ME) { (ctx.t(C::Cancel)) }
            }
        }
    };
    page(ctx, ctx.t(Ex::FormTitle), body)
}
