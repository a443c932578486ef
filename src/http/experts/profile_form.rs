//! Reading the posted expert profile form: every field validated at once, each error
//! named by its form field and written in the page language.

use passerelle_templates::i18n::catalog::V;
use passerelle_templates::i18n::{fill, t};
use passerelle_templates::pages::expert_form::ExpertFormView;
use passerelle_templates::{FieldErrors, Lang};

use super::FormFields;
use crate::domain::Expert;
use crate::domain::field::{optional_text, required_text, text_list};
use crate::domain::values::{
    DateWindow, Mode, Offer, parse_country, parse_date, parse_language, parse_region,
};

/// Most availability rows read from a posted form.
const MAX_WINDOWS: usize = 20;

/// The form as typed, to show it again.
fn view_from_form(form: &FormFields) -> ExpertFormView {
    let mut skills = form.get("skills").trim_end().to_string();
    let add = form.get("skill_add").trim();
    if !add.is_empty() {
        if !skills.is_empty() {
            skills.push('\n');
        }
        skills.push_str(add);
    }
    ExpertFormView {
        name: form.get("name").to_string(),
        headline: form.get("headline").to_string(),
        bio: form.get("bio").to_string(),
        phone: form.get("phone").to_string(),
        skills,
        skill_suggestions: Vec::new(),
        disciplines: form.get("disciplines").to_string(),
        languages: form.all("languages"),
        other_languages: form.get("other_languages").to_string(),
        residence_country: form.get("residence_country").to_string(),
        residence_city: form.get("residence_city").to_string(),
        home_region: form.get("home_region").to_string(),
        home_commune: form.get("home_commune").to_string(),
        degree: form.get("degree").to_string(),
        availability: (0..MAX_WINDOWS)
            .map(|i| {
                (
                    form.get(&format!("avail_from_{i}")).to_string(),
                    form.get(&format!("avail_to_{i}")).to_string(),
                )
            })
            .filter(|(f, t)| !f.trim().is_empty() || !t.trim().is_empty())
            .collect(),
        modes: form.all("modes"),
        offers: form.all("offers"),
        errors: FieldErrors::default(),
    }
}

/// Collects field errors in the page language.
struct Errors {
    lang: Lang,
    list: Vec<(String, String)>,
}

impl Errors {
    fn add(&mut self, field: &str, message: String) {
        self.list.push((field.to_string(), message));
    }

    /// A required or optional text that failed: empty, or longer than `max`.
    fn text(&mut self, field: &str, value: &str, max: usize) {
        let message = if value.trim().is_empty() {
            t(self.lang, V::Required).to_string()
        } else {
            fill(t(self.lang, V::TooLong), &[("max", &max.to_string())])
        };
        self.add(field, message);
    }
}

/// Validates every field; on failure, the form as typed with all the errors.
pub fn parse(
    form: &FormFields,
    lang: Lang,
    r#ref: String,
    email: String,
) -> Result<(Expert, Option<String>), Box<ExpertFormView>> {
    let view = view_from_form(form);
    let mut errs = Errors {
        lang,
        list: Vec::new(),
    };
    let text = |errs: &mut Errors, field: &str, max: usize, required: bool| {
        let value = form.get(field);
        let result = if required {
            required_text(field, value, max).map(Some)
        } else {
            optional_text(field, Some(value), max)
        };
        result.unwrap_or_else(|_| {
            errs.text(field, value, max);
            None
        })
    };
    let name = text(&mut errs, "name", 200, true);
    let headline = text(&mut errs, "headline", 300, true);
    let bio = text(&mut errs, "bio", 20_000, false);
    let residence_city = text(&mut errs, "residence_city", 200, false);
    let home_commune = text(&mut errs, "home_commune", 200, false);
    let degree = text(&mut errs, "degree", 100, false);
    let phone = text(&mut errs, "phone", 40, false);
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()".contains(c))
    {
        errs.add("phone", t(lang, V::NotANumber).to_string());
    }

    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let skill_lines = lines(&view.skills);
    let skills = match text_list("skills", &skill_lines, 1, 200) {
        Ok(s) => s,
        Err(_) if skill_lines.is_empty() => {
            errs.add("skills", t(lang, V::NoSkills).to_string());
            Vec::new()
        }
        Err(_) => {
            errs.add("skills", fill(t(lang, V::TooLong), &[("max", "200")]));
            Vec::new()
        }
    };
    let disciplines = text_list("disciplines", &lines(form.get("disciplines")), 0, 200)
        .unwrap_or_else(|_| {
            errs.add("disciplines", fill(t(lang, V::TooLong), &[("max", "200")]));
            Vec::new()
        });

    let mut languages: Vec<String> = Vec::new();
    for code in form.all("languages") {
        match parse_language("languages", &code) {
            Ok(c) if !languages.contains(&c) => languages.push(c),
            Ok(_) => {}
            Err(_) => errs.add(
                "languages",
                fill(t(lang, V::UnknownLanguage), &[("code", &code)]),
            ),
        }
    }
    for code in form
        .get("other_languages")
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
    {
        match parse_language("other_languages", code) {
            Ok(c) if !languages.contains(&c) => languages.push(c),
            Ok(_) => {}
            Err(_) => errs.add(
                "other_languages",
                fill(t(lang, V::UnknownLanguage), &[("code", code)]),
            ),
        }
    }
    if languages.is_empty() && !errs.list.iter().any(|(f, _)| f.contains("languages")) {
        errs.add("languages", t(lang, V::Required).to_string());
    }

    let residence_country = parse_country("residence_country", form.get("residence_country"))
        .unwrap_or_else(|_| {
            errs.add("residence_country", t(lang, V::UnknownCountry).to_string());
            String::new()
        });
    let home_region = match form.get("home_region").trim() {
        "" => None,
        r => parse_region("home_region", r)
            .map(Some)
            .unwrap_or_else(|_| {
                errs.add("home_region", t(lang, V::UnknownRegion).to_string());
                None
            }),
    };

    let mut availability = Vec::new();
    for i in 0..MAX_WINDOWS {
        let (nf, nt) = (format!("avail_from_{i}"), format!("avail_to_{i}"));
        let (f, to) = (form.get(&nf).trim(), form.get(&nt).trim());
        match (f.is_empty(), to.is_empty()) {
            (true, true) => continue,
            (true, false) => errs.add(&nf, t(lang, V::IncompleteWindow).to_string()),
            (false, true) => errs.add(&nt, t(lang, V::IncompleteWindow).to_string()),
            (false, false) => match (parse_date(&nf, f), parse_date(&nt, to)) {
                (Ok(a), Ok(b)) => match DateWindow::new("availability", a, b) {
                    Ok(w) => availability.push(w),
                    Err(_) => errs.add(&nt, t(lang, V::EndBeforeStart).to_string()),
                },
                (a, b) => {
                    if a.is_err() {
                        errs.add(&nf, t(lang, V::InvalidDate).to_string());
                    }
                    if b.is_err() {
                        errs.add(&nt, t(lang, V::InvalidDate).to_string());
                    }
                }
            },
        }
    }
    let mut modes = Vec::new();
    for m in form.all("modes") {
        match Mode::parse("modes", &m) {
            Ok(m) if !modes.contains(&m) => modes.push(m),
            Ok(_) => {}
            Err(_) => errs.add("modes", t(lang, V::ChooseOne).to_string()),
        }
    }
    let mut offers = Vec::new();
    for o in form.all("offers") {
        match Offer::parse("offers", &o) {
            Ok(o) if !offers.contains(&o) => offers.push(o),
            Ok(_) => {}
            Err(_) => errs.add("offers", t(lang, V::ChooseOne).to_string()),
        }
    }

    if !errs.list.is_empty() {
        return Err(Box::new(ExpertFormView {
            errors: FieldErrors(errs.list),
            ..view
        }));
    }
    let expert = Expert {
        r#ref,
        name: name.unwrap_or_default(),
        email,
        headline: headline.unwrap_or_default(),
        bio,
        skills,
        disciplines,
        languages,
        residence_country,
        residence_city,
        home_region,
        home_commune,
        degree,
        availability,
        modes,
        offers,
    };
    Ok((expert, phone))
}
