//! One struct per line type, exactly the fields of FORMAT.md (unknown fields refused),
//! and their conversion to and from the validated domain types.

use serde::{Deserialize, Serialize};

use crate::domain::field::{email, optional_text, reference, required_text, text_list};
use crate::domain::values::{
    DateWindow, Mode, Offer, Place, cents_to_euros, euros_to_cents, format_date, parse_country,
    parse_date, parse_language, parse_languages, parse_region,
};
use crate::domain::{Expert, FieldError, Mission, Project, Sector};

/// An availability window as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowLine {
    /// First day, YYYY-MM-DD.
    pub from: String,
    /// Last day, YYYY-MM-DD.
    pub to: String,
}

/// One line of experts.jsonl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpertLine {
    /// Stable id.
    pub r#ref: String,
    /// Display name.
    pub name: String,
    /// Contact address.
    pub email: String,
    /// One-line headline.
    pub headline: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// Skill phrases.
    pub skills: Vec<String>,
    /// Broad fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disciplines: Vec<String>,
    /// ISO 639 codes.
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub residence_country: String,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_city: Option<String>,
    /// Region of origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_region: Option<String>,
    /// Commune of origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_commune: Option<String>,
    /// Degree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree: Option<String>,
    /// Availability windows; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Vec<WindowLine>>,
    /// Modes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modes: Option<Vec<String>>,
    /// Offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<Vec<String>>,
}

/// One line of missions.jsonl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionLine {
    /// Stable id.
    pub r#ref: String,
    /// Posting institution.
    pub institution: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Skills wanted.
    pub skills: Vec<String>,
    /// Discipline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    /// Level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Language of instruction.
    pub language: String,
    /// Region or "remote".
    pub region: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// "onsite" or "remote".
    pub mode: String,
}

/// One line of projects.jsonl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectLine {
    /// Stable id.
    pub r#ref: String,
    /// Proposing association.
    pub association: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Sector.
    pub sector: String,
    /// Skills needed.
    pub skills: Vec<String>,
    /// Region of Mali.
    pub region: String,
    /// Commune or village.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Working language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Total budget in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_when_possible"
    )]
    pub budget_eur: Option<f64>,
    /// Part still to raise, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_when_possible"
    )]
    pub funding_sought_eur: Option<f64>,
    /// First day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// Writes an amount as an integer when it has no cents (48000, not 48000.0).
fn whole_when_possible<S: serde::Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

const SHORT: usize = 300;
const LONG: usize = 20_000;

impl ExpertLine {
    /// Validates the line into an expert, naming the first offending field.
    pub fn validate(self) -> Result<Expert, FieldError> {
        let availability = self
            .availability
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let from = parse_date(&format!("availability[{i}].from"), &w.from)?;
                let to = parse_date(&format!("availability[{i}].to"), &w.to)?;
                DateWindow::new(&format!("availability[{i}]"), from, to)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut modes = Vec::new();
        for (i, m) in self.modes.unwrap_or_default().iter().enumerate() {
            let m = Mode::parse(&format!("modes[{i}]"), m)?;
            if !modes.contains(&m) {
                modes.push(m);
            }
        }
        let mut offers = Vec::new();
        for (i, o) in self.offers.unwrap_or_default().iter().enumerate() {
            let o = Offer::parse(&format!("offers[{i}]"), o)?;
            if !offers.contains(&o) {
                offers.push(o);
            }
        }
        Ok(Expert {
            r#ref: reference(&self.r#ref)?,
            name: required_text("name", &self.name, 200)?,
            email: email("email", &self.email)?,
            headline: required_text("headline", &self.headline, SHORT)?,
            bio: optional_text("bio", self.bio.as_deref(), LONG)?,
            skills: text_list("skills", &self.skills, 1, 200)?,
            disciplines: text_list("disciplines", &self.disciplines, 0, 200)?,
            languages: parse_languages("languages", &self.languages, 1)?,
            residence_country: parse_country("residence_country", &self.residence_country)?,
            residence_city: optional_text("residence_city", self.residence_city.as_deref(), 200)?,
            home_region: match self.home_region.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(r) => Some(parse_region("home_region", r)?),
            },
            home_commune: optional_text("home_commune", self.home_commune.as_deref(), 200)?,
            degree: optional_text("degree", self.degree.as_deref(), 100)?,
            availability,
            modes,
            offers,
        })
    }
}

impl From<&Expert> for ExpertLine {
    fn from(e: &Expert) -> Self {
        ExpertLine {
            r#ref: e.r#ref.clone(),
            name: e.name.clone(),
            email: e.email.clone(),
            headline: e.headline.clone(),
            bio: e.bio.clone(),
            skills: e.skills.clone(),
            disciplines: e.disciplines.clone(),
            languages: e.languages.clone(),
            residence_country: e.residence_country.clone(),
            residence_city: e.residence_city.clone(),
            home_region: e.home_region.map(|r| r.name().to_string()),
            home_commune: e.home_commune.clone(),
            degree: e.degree.clone(),
            availability: (!e.availability.is_empty()).then(|| {
                e.availability
                    .iter()
                    .map(|w| WindowLine {
                        from: format_date(w.from),
                        to: format_date(w.to),
                    })
                    .collect()
            }),
            modes: (!e.modes.is_empty())
                .then(|| e.modes.iter().map(|m| m.as_str().to_string()).collect()),
            offers: (!e.offers.is_empty())
                .then(|| e.offers.iter().map(|o| o.as_str().to_string()).collect()),
        }
    }
}

impl MissionLine {
    /// Validates the line into a mission, naming the first offending field.
    pub fn validate(self) -> Result<Mission, FieldError> {
        let start = parse_date("start", &self.start)?;
        let end = parse_date("end", &self.end)?;
        if end < start {
            return Err(FieldError::new(
                "end",
                format!("{} is before the start {}", self.end, self.start),
            ));
        }
        let place = Place::parse("region", &self.region)?;
        let mode = Mode::parse("mode", &self.mode)?;
        if mode == Mode::Onsite && place == Place::Remote {
            return Err(FieldError::new(
                "region",
                "an onsite mission needs a region of Mali, not \"remote\"",
            ));
        }
        Ok(Mission {
            r#ref: reference(&self.r#ref)?,
            institution: required_text("institution", &self.institution, SHORT)?,
            title: required_text("title", &self.title, SHORT)?,
            description: required_text("description", &self.description, LONG)?,
            skills: text_list("skills", &self.skills, 1, 200)?,
            discipline: optional_text("discipline", self.discipline.as_deref(), 200)?,
            level: optional_text("level", self.level.as_deref(), 100)?.map(|l| l.to_lowercase()),
            language: parse_language("language", &self.language)?,
            place,
            start,
            end,
            mode,
        })
    }
}

impl From<&Mission> for MissionLine {
    fn from(m: &Mission) -> Self {
        MissionLine {
            r#ref: m.r#ref.clone(),
            institution: m.institution.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            skills: m.skills.clone(),
            discipline: m.discipline.clone(),
            level: m.level.clone(),
            language: m.language.clone(),
            region: m.place.name().to_string(),
            start: format_date(m.start),
            end: format_date(m.end),
            mode: m.mode.as_str().to_string(),
        }
    }
}

impl ProjectLine {
    /// Validates the line into a project, naming the first offending field.
    pub fn validate(self) -> Result<Project, FieldError> {
        let start = self
            .start
            .as_deref()
            .map(|s| parse_date("start", s))
            .transpose()?;
        let end = self
            .end
            .as_deref()
            .map(|s| parse_date("end", s))
            .transpose()?;
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            return Err(FieldError::new("end", "is before the start"));
        }
        let budget_cents = self
            .budget_eur
            .map(|v| euros_to_cents("budget_eur", v))
            .transpose()?;
        let funding_sought_cents = self
            .funding_sought_eur
            .map(|v| euros_to_cents("funding_sought_eur", v))
            .transpose()?;
        if let (Some(b), Some(f)) = (budget_cents, funding_sought_cents)
            && f > b
        {
            return Err(FieldError::new(
                "funding_sought_eur",
                "is larger than the budget",
            ));
        }
        Ok(Project {
            r#ref: reference(&self.r#ref)?,
            association: required_text("association", &self.association, SHORT)?,
            title: required_text("title", &self.title, SHORT)?,
            description: required_text("description", &self.description, LONG)?,
            sector: Sector::parse("sector", &self.sector)?,
            skills: text_list("skills", &self.skills, 1, 200)?,
            region: parse_region("region", &self.region)?,
            commune: optional_text("commune", self.commune.as_deref(), 200)?,
            language: self
                .language
                .as_deref()
                .map(|l| parse_language("language", l))
                .transpose()?,
            budget_cents,
            funding_sought_cents,
            start,
            end,
        })
    }
}

impl From<&Project> for ProjectLine {
    fn from(p: &Project) -> Self {
        ProjectLine {
            r#ref: p.r#ref.clone(),
            association: p.association.clone(),
            title: p.title.clone(),
            description: p.description.clone(),
            sector: p.sector.as_str().to_string(),
            skills: p.skills.clone(),
            region: p.region.name().to_string(),
            commune: p.commune.clone(),
            language: p.language.clone(),
            budget_eur: p.budget_cents.map(cents_to_euros),
            funding_sought_eur: p.funding_sought_cents.map(cents_to_euros),
            start: p.start.map(format_date),
            end: p.end.map(format_date),
        }
    }
}
