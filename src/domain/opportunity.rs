//! What organisations post: teaching or research missions and village projects.

use passerelle_index::Region;
use time::Date;

use super::field::FieldError;
use super::values::{Mode, Place};

/// A teaching or research mission posted by a university or institute.
#[derive(Debug, Clone, PartialEq)]
pub struct Mission {
    /// Stable external id ("M0001").
    pub r#ref: String,
    /// Name of the posting institution.
    pub institution: String,
    /// Title.
    pub title: String,
    /// Description, French or English.
    pub description: String,
    /// Skills wanted.
    pub skills: Vec<String>,
    /// Discipline.
    pub discipline: Option<String>,
    /// Level ("licence", "master", "doctorat", "professional").
    pub level: Option<String>,
    /// Language of instruction (ISO 639).
    pub language: String,
    /// Where it takes place.
    pub place: Place,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Onsite or remote.
    pub mode: Mode,
}

/// Where a posting is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissionStatus {
    /// Being written; visible to its organisation only.
    Draft,
    /// Public and open to interest.
    Published,
    /// An expert was found.
    Filled,
    /// Closed without more activity.
    Closed,
}

impl MissionStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            MissionStatus::Draft => "draft",
            MissionStatus::Published => "published",
            MissionStatus::Filled => "filled",
            MissionStatus::Closed => "closed",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(value: &str) -> Option<Self> {
        [
            MissionStatus::Draft,
            MissionStatus::Published,
            MissionStatus::Filled,
            MissionStatus::Closed,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// The sector of a village project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sector {
    /// Water supply and sanitation.
    Water,
    /// Health.
    Health,
    /// Education.
    Education,
    /// Agriculture and livestock.
    Agriculture,
    /// Energy.
    Energy,
    /// Enterprise and jobs.
    Enterprise,
    /// Roads, buildings, infrastructure.
    Infrastructure,
    /// Culture and heritage.
    Culture,
}

impl Sector {
    /// Every sector, in display order.
    pub const ALL: [Sector; 8] = [
        Sector::Water,
        Sector::Health,
        Sector::Education,
        Sector::Agriculture,
        Sector::Energy,
        Sector::Enterprise,
        Sector::Infrastructure,
        Sector::Culture,
    ];

    /// The interchange spelling ("water").
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Water => "water",
            Sector::Health => "health",
            Sector::Education => "education",
            Sector::Agriculture => "agriculture",
            Sector::Energy => "energy",
            Sector::Enterprise => "enterprise",
            Sector::Infrastructure => "infrastructure",
            Sector::Culture => "culture",
        }
    }

    /// Parses the interchange spelling, case-insensitively, naming `field` on failure.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let v = value.trim().to_ascii_lowercase();
        Sector::ALL.into_iter().find(|s| s.as_str() == v).ok_or_else(|| {
            FieldError::new(field, format!("\"{value}\" is not a sector (water, health, education, agriculture, energy, enterprise, infrastructure, culture)"))
        })
    }
}

/// A development project proposed by a hometown association.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// Stable external id ("P0001").
    pub r#ref: String,
    /// Name of the proposing association.
    pub association: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Sector.
    pub sector: Sector,
    /// Skills needed.
    pub skills: Vec<String>,
    /// Region of Mali.
    pub region: Region,
    /// Commune or village.
    pub commune: Option<String>,
    /// Working language on site (ISO 639).
    pub language: Option<String>,
    /// Total budget in euro cents.
    pub budget_cents: Option<i64>,
    /// Funding still to raise, in euro cents.
    pub funding_sought_cents: Option<i64>,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
}
