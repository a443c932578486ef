//! Typed evidence for a match, and its wording in French and English.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::humanize::{amount, range};
use crate::lang::{Lang, language_name};
use crate::region::Region;

/// How an expert's skill relates to a wanted skill through the vocabulary hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The expert's skill is more general than the one wanted.
    Broader,
    /// The expert's skill is more specific than the one wanted.
    Narrower,
    /// Both skills sit under the same broader concept.
    Related,
}

/// Work mode of a mission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// On site in Mali.
    Onsite,
    /// Remote.
    Remote,
}

/// One piece of evidence for (or against) a match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reason {
    /// The same skill on both sides (after normalisation).
    SkillExact {
        /// The skill as the expert wrote it.
        skill: String,
    },
    /// Two wordings of one vocabulary concept ("SIG ≈ GIS").
    SkillConcept {
        /// The skill as the opportunity wrote it.
        wanted: String,
        /// The skill as the expert wrote it.
        has: String,
        /// The wanted phrase matched a French label (else English).
        wanted_fr: bool,
    },
    /// Skills linked by a broader/narrower concept.
    SkillRelated {
        /// The skill as the opportunity wrote it.
        wanted: String,
        /// The skill as the expert wrote it.
        has: String,
        /// How they relate.
        relation: Relation,
        /// The linking concept's label (French, English).
        via: (String, String),
    },
    /// Shared words between the wanted skill and the expert's skill.
    SkillWords {
        /// The skill as the opportunity wrote it.
        wanted: String,
        /// The skill as the expert wrote it.
        has: String,
    },
    /// The discipline or sector matches.
    Discipline {
        /// The opportunity's discipline.
        discipline: String,
    },
    /// A doctorate, for doctoral-level teaching.
    Doctorate {
        /// The degree as written.
        degree: String,
    },
    /// Available on a window covering the dates.
    Available {
        /// Window start.
        from: Date,
        /// Window end.
        to: Date,
    },
    /// Speaks the working language.
    SpeaksLanguage {
        /// ISO 639 code.
        code: String,
    },
    /// Accepts the mission's mode.
    AcceptsMode {
        /// The mode.
        mode: Mode,
    },
    /// Comes from the region of the project.
    HomeRegion {
        /// The region.
        region: Region,
    },
    /// Comes from the commune of the project.
    HomeCommune {
        /// The commune as the expert wrote it.
        commune: String,
    },
    /// Offers funding and the project seeks some.
    OffersFunding {
        /// Amount still sought, in euros.
        sought_eur: f64,
    },
    /// Hard constraint failed: not available on the dates.
    NotAvailable {
        /// Opportunity start.
        from: Date,
        /// Opportunity end.
        to: Date,
    },
    /// Hard constraint failed: does not speak the language.
    LacksLanguage {
        /// ISO 639 code.
        code: String,
    },
    /// Hard constraint failed: does not accept the mode.
    RefusesMode {
        /// The mode required.
        mode: Mode,
    },
}

impl Reason {
    /// True for a failed hard constraint.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Reason::NotAvailable { .. } | Reason::LacksLanguage { .. } | Reason::RefusesMode { .. }
        )
    }

    /// The reason as a sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Reason::SkillExact { skill } => pick(
                fr,
                format!("compétence : {skill}"),
                format!("skill: {skill}"),
            ),
            Reason::SkillConcept {
                wanted,
                has,
                wanted_fr,
            } => {
                let (a, b) = if *wanted_fr == fr {
                    (wanted, has)
                } else {
                    (has, wanted)
                };
                pick(
                    fr,
                    format!("compétence : {a} ≈ {b}"),
                    format!("skill: {a} ≈ {b}"),
                )
            }
            Reason::SkillRelated {
                wanted,
                has,
                relation,
                via,
            } => {
                let label = if fr { &via.0 } else { &via.1 };
                match relation {
                    Relation::Broader => pick(
                        fr,
                        format!("compétence plus générale : {has} (pour « {wanted} »)"),
                        format!("broader skill: {has} (for “{wanted}”)"),
                    ),
                    Relation::Narrower => pick(
                        fr,
                        format!("compétence plus précise : {has} (pour « {wanted} »)"),
                        format!("more specific skill: {has} (for “{wanted}”)"),
                    ),
                    Relation::Related => pick(
                        fr,
                        format!("compétence voisine : {has} ≈ {wanted} ({label})"),
                        format!("related skill: {has} ≈ {wanted} ({label})"),
                    ),
                }
            }
            Reason::SkillWords { wanted, has } => pick(
                fr,
                format!("compétence proche : {has} ~ {wanted}"),
                format!("similar skill: {has} ~ {wanted}"),
            ),
            Reason::Discipline { discipline } => pick(
                fr,
                format!("discipline : {discipline}"),
                format!("discipline: {discipline}"),
            ),
            Reason::Doctorate { degree } => pick(
                fr,
                format!("titulaire d'un doctorat ({degree}) pour un enseignement doctoral"),
                format!("holds a doctorate ({degree}) for doctoral teaching"),
            ),
            Reason::Available { from, to } => pick(
                fr,
                format!("disponible {}", range(*from, *to, Lang::Fr)),
                format!("available {}", range(*from, *to, Lang::En)),
            ),
            Reason::SpeaksLanguage { code } => pick(
                fr,
                format!("parle {}", language_name(code, Lang::Fr)),
                format!("speaks {}", language_name(code, Lang::En)),
            ),
            Reason::AcceptsMode { mode } => match mode {
                Mode::Onsite => pick(
                    fr,
                    "accepte les missions sur place".into(),
                    "works on site".into(),
                ),
                Mode::Remote => pick(
                    fr,
                    "accepte le travail à distance".into(),
                    "works remotely".into(),
                ),
            },
            Reason::HomeRegion { region } => match region {
                Region::Bamako => pick(
                    fr,
                    "originaire du district de Bamako".into(),
                    "from the Bamako district".into(),
                ),
                r => pick(
                    fr,
                    format!("originaire de la région de {r}"),
                    format!("from the {r} region"),
                ),
            },
            Reason::HomeCommune { commune } => pick(
                fr,
                format!("originaire de {commune}"),
                format!("from {commune}"),
            ),
            Reason::OffersFunding { sought_eur } => pick(
                fr,
                format!(
                    "propose un financement ({} € recherchés)",
                    amount(*sought_eur, ' ')
                ),
                format!("offers funding (€{} sought)", amount(*sought_eur, ',')),
            ),
            Reason::NotAvailable { from, to } => pick(
                fr,
                format!("pas disponible {}", range(*from, *to, Lang::Fr)),
                format!("not available {}", range(*from, *to, Lang::En)),
            ),
            Reason::LacksLanguage { code } => pick(
                fr,
                format!("ne parle pas {}", language_name(code, Lang::Fr)),
                format!("does not speak {}", language_name(code, Lang::En)),
            ),
            Reason::RefusesMode { mode } => match mode {
                Mode::Onsite => pick(
                    fr,
                    "ne se déplace pas sur place".into(),
                    "does not work on site".into(),
                ),
                Mode::Remote => pick(
                    fr,
                    "ne travaille pas à distance".into(),
                    "does not work remotely".into(),
                ),
            },
        }
    }
}

fn pick(fr: bool, french: String, english: String) -> String {
    if fr { french } else { english }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn every_reason_speaks_both_languages() {
        let d = date!(2027 - 03 - 03);
        let reasons = [
            Reason::SkillExact {
                skill: "forage".into(),
            },
            Reason::SkillConcept {
                wanted: "SIG".into(),
                has: "GIS".into(),
                wanted_fr: true,
            },
            Reason::SkillRelated {
                wanted: "a".into(),
                has: "b".into(),
                relation: Relation::Broader,
                via: ("x".into(), "y".into()),
            },
            Reason::SkillWords {
                wanted: "a".into(),
                has: "b".into(),
            },
            Reason::Discipline {
                discipline: "médecine".into(),
            },
            Reason::Doctorate {
                degree: "PhD".into(),
            },
            Reason::Available { from: d, to: d },
            Reason::SpeaksLanguage { code: "bm".into() },
            Reason::AcceptsMode { mode: Mode::Onsite },
            Reason::HomeRegion {
                region: Region::Kayes,
            },
            Reason::HomeCommune {
                commune: "Diéma".into(),
            },
            Reason::OffersFunding {
                sought_eur: 1234567.0,
            },
            Reason::NotAvailable { from: d, to: d },
            Reason::LacksLanguage { code: "snk".into() },
            Reason::RefusesMode { mode: Mode::Remote },
        ];
        for r in &reasons {
            let (fr, en) = (r.text(Lang::Fr), r.text(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{r:?}");
        }
        assert_eq!(reasons[1].text(Lang::Fr), "compétence : SIG ≈ GIS");
        assert_eq!(reasons[1].text(Lang::En), "skill: GIS ≈ SIG");
        assert_eq!(reasons[7].text(Lang::Fr), "parle bambara");
        assert_eq!(
            reasons[9].text(Lang::Fr),
            "originaire de la région de Kayes"
        );
        assert_eq!(reasons[9].text(Lang::En), "from the Kayes region");
        assert_eq!(
            reasons[11].text(Lang::Fr),
            "propose un financement (1 234 567 € recherchés)"
        );
        assert_eq!(
            reasons[11].text(Lang::En),
            "offers funding (€1,234,567 sought)"
        );
        assert_eq!(reasons[13].text(Lang::En), "does not speak Soninke");
        assert!(reasons[12].is_failure() && !reasons[6].is_failure());
    }
}
