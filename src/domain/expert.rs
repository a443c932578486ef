//! A diaspora expert's profile.

use passerelle_index::Region;

use super::values::{DateWindow, Mode, Offer};

/// A diaspora professional's profile, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Expert {
    /// Stable external id ("E0001").
    pub r#ref: String,
    /// Display name.
    pub name: String,
    /// Contact address; shown only to connected organisations.
    pub email: String,
    /// One line such as "Maître de conférences en hydrogéologie, Université de Lyon".
    pub headline: String,
    /// Free text, French or English.
    pub bio: Option<String>,
    /// Free-text skill phrases in any language.
    pub skills: Vec<String>,
    /// Broad fields ("earth sciences").
    pub disciplines: Vec<String>,
    /// ISO 639 codes, canonical form.
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2 of the host country.
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Region of origin in Mali.
    pub home_region: Option<Region>,
    /// Commune or village of origin.
    pub home_commune: Option<String>,
    /// Highest degree ("PhD", "MD", "Master"…).
    pub degree: Option<String>,
    /// When the expert can serve; empty means unknown.
    pub availability: Vec<DateWindow>,
    /// How the expert can work; empty means unknown.
    pub modes: Vec<Mode>,
    /// What the expert offers.
    pub offers: Vec<Offer>,
}
