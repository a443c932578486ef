//! The documents the app feeds the engine: experts, and opportunities (university missions
//! and village projects), with serde names matching the interchange format (FORMAT.md).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Date;

use crate::error::IndexError;
use crate::region::Region;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// What kind of document a ref designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A diaspora expert.
    Expert,
    /// A teaching or research mission.
    Mission,
    /// A village development project.
    Project,
}

impl DocKind {
    /// The stable lower-case name ("expert", "mission", "project").
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Expert => "expert",
            DocKind::Mission => "mission",
            DocKind::Project => "project",
        }
    }
}

/// The two kinds of opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpportunityKind {
    /// A mission posted by a university or institute.
    Mission,
    /// A project proposed by a hometown association.
    Project,
}

impl From<OpportunityKind> for DocKind {
    fn from(kind: OpportunityKind) -> DocKind {
        match kind {
            OpportunityKind::Mission => DocKind::Mission,
            OpportunityKind::Project => DocKind::Project,
        }
    }
}

/// An inclusive window of dates when an expert can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateWindow {
    /// First day.
    #[serde(with = "iso_date")]
    pub from: Date,
    /// Last day (inclusive).
    #[serde(with = "iso_date")]
    pub to: Date,
}

/// A diaspora expert, as indexed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpertDoc {
    /// Stable external id.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    pub headline: String,
    /// Free text, French or English.
    #[serde(default)]
    pub bio: Option<String>,
    /// Free-text skill phrases, any language.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Broad fields.
    #[serde(default)]
    pub disciplines: Vec<String>,
    /// ISO 639 codes, lower-case.
    #[serde(default)]
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2 of the host country.
    #[serde(default)]
    pub residence_country: String,
    /// City of residence.
    #[serde(default)]
    pub residence_city: Option<String>,
    /// Region of origin in Mali.
    #[serde(default, with = "region_opt")]
    pub home_region: Option<Region>,
    /// Commune or village of origin.
    #[serde(default)]
    pub home_commune: Option<String>,
    /// Highest degree ("PhD", "MD", "Master"…).
    #[serde(default)]
    pub degree: Option<String>,
    /// When the expert can serve; empty = unknown.
    #[serde(default)]
    pub availability: Vec<DateWindow>,
    /// "onsite" and/or "remote"; empty = unknown.
    #[serde(default)]
    pub modes: Vec<String>,
    /// "teaching", "expertise", "funding", "mentoring".
    #[serde(default)]
    pub offers: Vec<String>,
}

/// A mission or a village project, as indexed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpportunityDoc {
    /// Stable external id.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// Mission or project.
    pub kind: OpportunityKind,
    /// Posting institution or proposing association.
    pub organisation: String,
    /// Title.
    pub title: String,
    /// Description, French or English.
    pub description: String,
    /// Skills wanted.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Mission discipline or project sector.
    #[serde(default)]
    pub discipline: Option<String>,
    /// "licence", "master", "doctorat", "professional".
    #[serde(default)]
    pub level: Option<String>,
    /// Language of instruction or working language (ISO 639).
    #[serde(default)]
    pub language: Option<String>,
    /// Where it takes place; `None` = remote.
    #[serde(default, with = "region_opt")]
    pub region: Option<Region>,
    /// Commune or village.
    #[serde(default)]
    pub commune: Option<String>,
    /// First day.
    #[serde(default, with = "iso_date::option")]
    pub start: Option<Date>,
    /// Last day.
    #[serde(default, with = "iso_date::option")]
    pub end: Option<Date>,
    /// Missions: "onsite" or "remote"; projects: `None`.
    #[serde(default)]
    pub mode: Option<String>,
    /// Part of a project's budget still to be raised, in euros.
    #[serde(default)]
    pub funding_sought_eur: Option<f64>,
}

/// A line of `missions.jsonl`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionRecord {
    #[serde(rename = "ref")]
    r#ref: String,
    institution: String,
    title: String,
    description: String,
    skills: Vec<String>,
    #[serde(default)]
    discipline: Option<String>,
    #[serde(default)]
    level: Option<String>,
    language: String,
    region: String,
    #[serde(with = "iso_date")]
    start: Date,
    #[serde(with = "iso_date")]
    end: Date,
    mode: String,
}

/// A line of `projects.jsonl`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectRecord {
    #[serde(rename = "ref")]
    r#ref: String,
    association: String,
    title: String,
    description: String,
    sector: String,
    skills: Vec<String>,
    region: String,
    #[serde(default)]
    commune: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    budget_eur: Option<f64>,
    #[serde(default)]
    funding_sought_eur: Option<f64>,
    #[serde(default, with = "iso_date::option")]
    start: Option<Date>,
    #[serde(default, with = "iso_date::option")]
    end: Option<Date>,
}

fn place(region: &str) -> Option<Region> {
    if region.trim().eq_ignore_ascii_case("remote") {
        None
    } else {
        Region::parse(region)
    }
}

impl From<MissionRecord> for OpportunityDoc {
    fn from(m: MissionRecord) -> OpportunityDoc {
        OpportunityDoc {
            r#ref: m.r#ref,
            kind: OpportunityKind::Mission,
            organisation: m.institution,
            title: m.title,
            description: m.description,
            skills: m.skills,
            discipline: m.discipline,
            level: m.level,
            language: Some(m.language.trim().to_lowercase()),
            region: place(&m.region),
            commune: None,
            start: Some(m.start),
            end: Some(m.end),
            mode: Some(m.mode.trim().to_lowercase()),
            funding_sought_eur: None,
        }
    }
}

impl From<ProjectRecord> for OpportunityDoc {
    fn from(p: ProjectRecord) -> OpportunityDoc {
        let _ = p.budget_eur;
        OpportunityDoc {
            r#ref: p.r#ref,
            kind: OpportunityKind::Project,
            organisation: p.association,
            title: p.title,
            description: p.description,
            skills: p.skills,
            discipline: Some(p.sector),
            level: None,
            language: p.language.map(|l| l.trim().to_lowercase()),
            region: place(&p.region),
            commune: p.commune,
            start: p.start,
            end: p.end,
            mode: None,
            funding_sought_eur: p.funding_sought_eur,
        }
    }
}

impl OpportunityDoc {
    /// Parses one line of `missions.jsonl`.
    pub fn from_mission_json(line: &str) -> Result<OpportunityDoc, serde_json::Error> {
        serde_json::from_str::<MissionRecord>(line).map(Into::into)
    }

    /// Parses one line of `projects.jsonl`.
    pub fn from_project_json(line: &str) -> Result<OpportunityDoc, serde_json::Error> {
        serde_json::from_str::<ProjectRecord>(line).map(Into::into)
    }
}

/// Parses a JSON Lines text into records, naming the file and line of the first bad one.
pub fn parse_jsonl<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
) -> Result<Vec<T>, IndexError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| IndexError::Parse {
                file: file.to_string(),
                line: n + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Parses `missions.jsonl` text into opportunities.
pub fn parse_missions(text: &str, file: &str) -> Result<Vec<OpportunityDoc>, IndexError> {
    Ok(parse_jsonl::<MissionRecord>(text, file)?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Parses `projects.jsonl` text into opportunities.
pub fn parse_projects(text: &str, file: &str) -> Result<Vec<OpportunityDoc>, IndexError> {
    Ok(parse_jsonl::<ProjectRecord>(text, file)?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Serde for `Option<Region>` written as any usual spelling ("Ségou", "segou"); "remote" = none.
mod region_opt {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Region>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(r) => s.serialize_some(r.id()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Region>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        match text {
            None => Ok(None),
            Some(t) if t.trim().is_empty() || t.trim().eq_ignore_ascii_case("remote") => Ok(None),
            Some(t) => Region::parse(&t)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown Mali region {t:?}"))),
        }
    }
}
