//! Small value types shared by experts and opportunities: dates, windows, modes, offers, places.

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use super::codes;
use super::field::FieldError;
use passerelle_index::Region;

/// Parses an ISO date (YYYY-MM-DD), naming `field` when it is not one.
pub fn parse_date(field: &str, value: &str) -> Result<Date, FieldError> {
    Date::parse(value.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| {
        FieldError::new(
            field,
            format!("\"{value}\" is not a date in the form YYYY-MM-DD"),
        )
    })
}

/// Formats a date as YYYY-MM-DD.
pub fn format_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .expect("a calendar date always formats")
}

/// An inclusive window of dates when an expert can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateWindow {
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

impl DateWindow {
    /// Builds a window, refusing one that ends before it starts.
    pub fn new(field: &str, from: Date, to: Date) -> Result<Self, FieldError> {
        if to < from {
            return Err(FieldError::new(
                field,
                format!(
                    "ends ({}) before it starts ({})",
                    format_date(to),
                    format_date(from)
                ),
            ));
        }
        Ok(Self { from, to })
    }
}

/// How an expert can work or a mission takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// In person, in Mali.
    Onsite,
    /// At a distance.
    Remote,
}

impl Mode {
    /// The interchange spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Onsite => "onsite",
            Mode::Remote => "remote",
        }
    }

    /// Parses the interchange spelling, case-insensitively.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "onsite" => Ok(Mode::Onsite),
            "remote" => Ok(Mode::Remote),
            _ => Err(FieldError::new(
                field,
                format!("\"{value}\" is not a mode (onsite or remote)"),
            )),
        }
    }
}

/// What an expert offers to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Offer {
    /// Teaching courses.
    Teaching,
    /// Technical expertise.
    Expertise,
    /// Money for projects.
    Funding,
    /// Mentoring students or young professionals.
    Mentoring,
}

impl Offer {
    /// Every offer, in display order.
    pub const ALL: [Offer; 4] = [
        Offer::Teaching,
        Offer::Expertise,
        Offer::Funding,
        Offer::Mentoring,
    ];

    /// The interchange spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Offer::Teaching => "teaching",
            Offer::Expertise => "expertise",
            Offer::Funding => "funding",
            Offer::Mentoring => "mentoring",
        }
    }

    /// Parses the interchange spelling, case-insensitively.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let v = value.trim().to_ascii_lowercase();
        Offer::ALL
            .into_iter()
            .find(|o| o.as_str() == v)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    format!(
                        "\"{value}\" is not an offer (teaching, expertise, funding or mentoring)"
                    ),
                )
            })
    }
}

/// Where an opportunity takes place: a region of Mali, or at a distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// In a region of Mali.
    Region(Region),
    /// Remote.
    Remote,
}

impl Place {
    /// The stored id: a region id or "remote".
    pub fn id(self) -> &'static str {
        match self {
            Place::Region(r) => r.id(),
            Place::Remote => "remote",
        }
    }

    /// The interchange spelling: a region's name or "remote".
    pub fn name(self) -> &'static str {
        match self {
            Place::Region(r) => r.name(),
            Place::Remote => "remote",
        }
    }

    /// The region, unless remote.
    pub fn region(self) -> Option<Region> {
        match self {
            Place::Region(r) => Some(r),
            Place::Remote => None,
        }
    }

    /// Parses a region name in any usual spelling, or "remote"/"à distance".
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let folded = passerelle_index::region::fold(value);
        if matches!(
            folded.as_str(),
            "remote" | "a distance" | "distance" | "en ligne" | "online"
        ) {
            return Ok(Place::Remote);
        }
        parse_region(field, value).map(Place::Region)
    }
}

/// Parses one of Mali's regions, naming the field when the text is not one.
pub fn parse_region(field: &str, value: &str) -> Result<Region, FieldError> {
    Region::parse(value).ok_or_else(|| {
        FieldError::new(field, format!("\"{value}\" is not a region of Mali (Bamako, Kayes, Koulikoro, Sikasso, Ségou, Mopti, Tombouctou, Gao, Kidal, Ménaka, Taoudénit)"))
    })
}

/// Parses a language code into its canonical ISO 639 form.
pub fn parse_language(field: &str, value: &str) -> Result<String, FieldError> {
    codes::language(value)
        .map(|l| l.code.to_string())
        .ok_or_else(|| {
            FieldError::new(
                field,
                format!("\"{value}\" is not an ISO 639 language code"),
            )
        })
}

/// Parses a list of language codes, dropping duplicates; at least `min` are required.
pub fn parse_languages(
    field: &str,
    values: &[String],
    min: usize,
) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let code = parse_language(&format!("{field}[{i}]"), v)?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.len() < min {
        return Err(FieldError::new(field, "needs at least one language"));
    }
    Ok(out)
}

/// Parses an ISO 3166-1 alpha-2 country code into upper case.
pub fn parse_country(field: &str, value: &str) -> Result<String, FieldError> {
    codes::country(value)
        .map(|c| c.code.to_string())
        .ok_or_else(|| {
            FieldError::new(
                field,
                format!("\"{value}\" is not an ISO 3166-1 alpha-2 country code"),
            )
        })
}

/// Parses an amount in euros into whole cents, refusing negatives and non-numbers.
pub fn euros_to_cents(field: &str, value: f64) -> Result<i64, FieldError> {
    if !value.is_finite() || !(0.0..=1e12).contains(&value) {
        return Err(FieldError::new(
            field,
            format!("{value} is not an amount in euros between 0 and 1e12"),
        ));
    }
    Ok((value * 100.0).round() as i64)
}

/// Turns whole cents back into euros.
pub fn cents_to_euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}
