//! Turns an [`Assessment`] into the typed reasons shown with a match, quoting the phrases
//! both sides actually wrote.

use crate::assess::Assessment;
use crate::document::{ExpertDoc, OpportunityDoc};
use crate::explain::{Reason, Relation};
use crate::features::{Phrase, Source};
use crate::lang::Lang;
use crate::scoring::Via;
use crate::vocabulary::{ConceptKind, Vocabulary};

/// Skill evidence weaker than this is not worth showing.
const MIN_SHOWN: f32 = 0.12;
/// Loose links (through an occupation, or two levels of hierarchy) need more to be shown.
const MIN_RELATED: f32 = 0.25;
/// Most skill reasons shown.
const MAX_SKILLS: usize = 4;

fn opp_text(doc: &OpportunityDoc, source: Source) -> String {
    match source {
        Source::Skill(i) => doc.skills.get(usize::from(i)).cloned().unwrap_or_default(),
        Source::Title => doc.title.clone(),
        Source::Discipline(_) | Source::Headline => doc.discipline.clone().unwrap_or_default(),
    }
}

fn expert_text(doc: &ExpertDoc, source: Source) -> String {
    match source {
        Source::Skill(i) => doc.skills.get(usize::from(i)).cloned().unwrap_or_default(),
        Source::Headline | Source::Title => crate::features::segments(&doc.headline)
            .first()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        Source::Discipline(i) => doc
            .disciplines
            .get(usize::from(i))
            .cloned()
            .unwrap_or_default(),
    }
}

/// Builds the reasons for one match, failed constraints first.
pub fn build(
    a: &Assessment,
    opp: &OpportunityDoc,
    opp_phrases: &[Phrase<'_>],
    expert: &ExpertDoc,
    expert_phrases: &[Phrase<'_>],
    vocab: &Vocabulary,
) -> Vec<Reason> {
    let mut out: Vec<Reason> = a.check.failed.clone();
    let mut shown: Vec<_> = a
        .evidence
        .iter()
        .flatten()
        .filter(|e| e.sim >= MIN_SHOWN)
        .collect();
    shown.sort_by(|x, y| y.sim.total_cmp(&x.sim));
    let mut skills = 0;
    for e in shown {
        let (Some(w), Some(h)) = (opp_phrases.get(e.wanted), expert_phrases.get(e.has)) else {
            continue;
        };
        if matches!(w.source, Source::Discipline(_) | Source::Title) || skills >= MAX_SKILLS {
            continue;
        }
        let wanted = opp_text(opp, w.source);
        let has = expert_text(expert, h.source);
        let reason = match e.via {
            Via::Exact if crate::region::fold(&wanted) == crate::region::fold(&has) => {
                Reason::SkillExact { skill: has }
            }
            Via::Exact => Reason::SkillConcept {
                wanted,
                has,
                wanted_fr: opp
                    .language
                    .as_deref()
                    .is_none_or(|l| l.eq_ignore_ascii_case("fr")),
            },
            Via::Words => Reason::SkillWords { wanted, has },
            Via::Concept {
                up_wanted: 0,
                up_has: 0,
                wanted_lang,
                strong: true,
                ..
            } => {
                if crate::roots::root_set(&wanted) == crate::roots::root_set(&has) {
                    Reason::SkillExact { skill: has }
                } else {
                    Reason::SkillConcept {
                        wanted,
                        has,
                        wanted_fr: wanted_lang == Lang::Fr,
                    }
                }
            }
            Via::Concept {
                concept,
                up_wanted,
                up_has,
                ..
            } => {
                let occupation = vocab
                    .concept(concept)
                    .is_some_and(|c| c.kind == ConceptKind::Occupation);
                if (occupation || up_wanted > 0 && up_has > 0) && e.sim < MIN_RELATED {
                    continue;
                }
                let relation = match (up_wanted, up_has) {
                    _ if occupation => Relation::Related,
                    (0, 0) => Relation::Related,
                    (0, _) => Relation::Narrower,
                    (_, 0) => Relation::Broader,
                    _ => Relation::Related,
                };
                let via = (
                    vocab.label(concept, Lang::Fr).to_string(),
                    vocab.label(concept, Lang::En).to_string(),
                );
                Reason::SkillRelated {
                    wanted,
                    has,
                    relation,
                    via,
                }
            }
        };
        if !out.contains(&reason) {
            out.push(reason);
            skills += 1;
        }
    }
    if a.discipline >= 0.3
        && let Some(d) = &opp.discipline
    {
        out.push(Reason::Discipline {
            discipline: d.clone(),
        });
    }
    if a.doctorate {
        out.push(Reason::Doctorate {
            degree: expert.degree.clone().unwrap_or_default(),
        });
    }
    out.extend(a.check.met.iter().cloned());
    if a.same_commune {
        out.push(Reason::HomeCommune {
            commune: expert.home_commune.clone().unwrap_or_default(),
        });
    } else if a.same_region
        && let Some(region) = opp.region
    {
        out.push(Reason::HomeRegion { region });
    }
    if a.funding {
        out.push(Reason::OffersFunding {
            sought_eur: opp.funding_sought_eur.unwrap_or(0.0),
        });
    }
    out
}
