//! Matching in both directions: experts for an opportunity, and opportunities for an
//! expert. Candidates come from tantivy (concepts + BM25), are reranked in Rust with the
//! in-memory features, and eligible matches always come before ineligible ones.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::assess::{Assessment, assess};
use crate::constraints::required_mode;
use crate::document::{DocKind, ExpertDoc, OpportunityDoc, OpportunityKind};
use crate::engine::{Engine, expert_body, opportunity_body};
use crate::explain::Reason;
use crate::features::{ONSITE, OpportunityFeatures};
use crate::retrieve::{self, ConceptTerm, Filters};
use crate::schema::month_term;
use crate::scoring::{Expanded, expand};
use crate::stats::Stats;
use crate::{reasons, roots};

/// Concepts in more than this share of documents are not used for retrieval.
const COMMON_SHARE: f32 = 0.02;
/// Fewest concept terms kept in a retrieval query, even when they are all common.
const MIN_CONCEPT_TERMS: usize = 4;
/// Most concept terms in a retrieval query.
const MAX_CONCEPT_TERMS: usize = 40;
/// Candidates fetched from each retrieval query.
const CANDIDATES: usize = 120;

/// One ranked match with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The matched document's ref.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// Its kind.
    pub kind: DocKind,
    /// Score (only meaningful for ordering).
    pub score: f32,
    /// False when a hard constraint fails; such matches come after every eligible one.
    pub eligible: bool,
    /// Evidence, failed constraints first.
    pub reasons: Vec<Reason>,
}

struct Scored {
    slot: u32,
    address: DocAddress,
    assessment: Assessment,
}

/// Concept terms for retrieval from an expanded concept map, weighted by specificity.
fn concept_terms(map: &Expanded, stats: &Stats) -> Vec<ConceptTerm> {
    let mut terms = Vec::new();
    let mut common = Vec::new();
    for (concept, entries) in map {
        let Some(&(_, strength, level, _)) = entries.iter().min_by_key(|e| e.2) else {
            continue;
        };
        let spec = stats.concept_weight(*concept);
        let boost = strength * spec * spec;
        if stats.is_common(*concept, COMMON_SHARE) {
            if level == 0 {
                common.push(ConceptTerm {
                    concept: *concept,
                    boost,
                    in_broader: false,
                });
            }
            continue;
        }
        match level {
            0 => {
                terms.push(ConceptTerm {
                    concept: *concept,
                    boost,
                    in_broader: false,
                });
                terms.push(ConceptTerm {
                    concept: *concept,
                    boost: 0.5 * boost,
                    in_broader: true,
                });
            }
            1 => terms.push(ConceptTerm {
                concept: *concept,
                boost: 0.5 * boost,
                in_broader: false,
            }),
            _ => {}
        }
    }
    terms.sort_by(|a, b| b.boost.total_cmp(&a.boost));
    terms.truncate(MAX_CONCEPT_TERMS);
    // Never leave the query empty: fall back on the strongest common concepts.
    common.sort_by(|a, b| b.boost.total_cmp(&a.boost).then(a.concept.cmp(&b.concept)));
    let missing = MIN_CONCEPT_TERMS.saturating_sub(terms.len());
    terms.extend(common.into_iter().take(missing));
    terms
}

/// Merges retrieval results: slot → (best BM25 text score, address).
fn merge(
    text: Vec<(u32, f32, DocAddress)>,
    concepts: Vec<(u32, f32, DocAddress)>,
) -> HashMap<u32, (f32, DocAddress)> {
    let mut out: HashMap<u32, (f32, DocAddress)> = HashMap::new();
    for (slot, _, address) in concepts {
        out.entry(slot).or_insert((0.0, address));
    }
    for (slot, score, address) in text {
        out.insert(slot, (score, address));
    }
    out
}

fn order(scored: &mut [Scored]) {
    scored.sort_by(|a, b| {
        b.assessment
            .check
            .eligible
            .cmp(&a.assessment.check.eligible)
            .then(b.assessment.score.total_cmp(&a.assessment.score))
            .then(a.slot.cmp(&b.slot))
    });
}

fn stored<T: serde::de::DeserializeOwned>(
    engine: &Engine,
    searcher: &Searcher,
    address: DocAddress,
) -> Option<T> {
    let doc: TantivyDocument = searcher.doc(address).ok()?;
    serde_json::from_str(doc.get_first(engine.fields.json)?.as_str()?).ok()
}

impl Engine {
    /// Term filters that only eligible experts (or those of unknown availability) pass.
    fn eligibility_filters(&self, opp: &OpportunityFeatures) -> Filters {
        let mut filters = Filters::default();
        if let Some(code) = opp.language {
            filters
                .terms
                .push((self.fields.language, code.as_str().to_string()));
        }
        let mode = required_mode(opp);
        if let Some(bits) = mode {
            let name = if bits & ONSITE != 0 {
                "onsite"
            } else {
                "remote"
            };
            filters.terms.push((self.fields.modes, name.to_string()));
        }
        if mode == Some(ONSITE)
            && let Some((from, to)) = opp.dates
        {
            for day in [from, to] {
                filters.any_of.push(vec![
                    (self.fields.available, month_term(day)),
                    (self.fields.available, "unknown".to_string()),
                ]);
            }
        }
        filters
    }

    /// Ranks experts for an opportunity (top `limit`, with reasons).
    pub fn match_experts(&self, opportunity: &OpportunityDoc, limit: usize) -> Vec<Match> {
        if limit == 0 {
            return Vec::new();
        }
        let opp = self.opportunity_features(opportunity);
        let Ok(state) = self.state.read() else {
            return Vec::new();
        };
        let stats = &state.experts;
        let wanted_map = expand(&opp.phrases.list(), &self.vocab);
        let searcher = self.reader.searcher();
        let body = opportunity_body(opportunity);
        let terms = concept_terms(&wanted_map, stats);
        let k = CANDIDATES.max(limit * 5);
        let retrieve = |filters: &Filters| {
            merge(
                retrieve::run(
                    &searcher,
                    &self.fields,
                    retrieve::match_clauses(&self.fields, 0, &body, |r| {
                        stats.root_is_common(roots::hash(r), COMMON_SHARE)
                    }),
                    filters,
                    k,
                ),
                retrieve::run(
                    &searcher,
                    &self.fields,
                    retrieve::concept_clauses(&self.fields, 0, &terms),
                    filters,
                    k,
                ),
            )
        };
        let max_text = |candidates: &HashMap<u32, (f32, DocAddress)>| {
            candidates
                .values()
                .map(|c| c.0)
                .fold(0.0, f32::max)
                .max(f32::EPSILON)
        };
        let score = |slots: &mut dyn Iterator<Item = (u32, (f32, DocAddress))>,
                     max_text: f32|
         -> Vec<Scored> {
            slots
                .filter_map(|(slot, (text, address))| {
                    let expert = state.expert(slot)?;
                    let assessment = assess(
                        &opp,
                        &wanted_map,
                        expert,
                        text / max_text,
                        &self.vocab,
                        stats,
                    );
                    Some(Scored {
                        slot,
                        address,
                        assessment,
                    })
                })
                .collect()
        };
        // First pass without filters (a pure disjunction, the fastest query); if too few
        // eligible experts come back, a second pass asks only for speakers of the language.
        let mut candidates = retrieve(&Filters {
            kinds: vec![DocKind::Expert],
            terms: Vec::new(),
            any_of: Vec::new(),
        });
        let first_max = max_text(&candidates);
        let mut scored = score(&mut candidates.iter().map(|(s, v)| (*s, *v)), first_max);
        let eligible = scored
            .iter()
            .filter(|s| s.assessment.check.eligible)
            .count();
        if eligible < limit && opportunity.kind == OpportunityKind::Mission {
            let strict = self.eligibility_filters(&opp);
            let mut added = Vec::new();
            for (slot, value) in retrieve(&strict) {
                if let std::collections::hash_map::Entry::Vacant(v) = candidates.entry(slot) {
                    v.insert(value);
                    added.push((slot, value));
                }
            }
            // Text scores are relative to the best one: only when that is unchanged may the
            // first pass's assessments stand, and only the newcomers be assessed.
            let all_max = max_text(&candidates);
            if all_max == first_max {
                scored.extend(score(&mut added.into_iter(), all_max));
            } else {
                scored = score(&mut candidates.iter().map(|(s, v)| (*s, *v)), all_max);
            }
        }
        order(&mut scored);
        scored
            .into_iter()
            .take(limit)
            .filter_map(|s| {
                let expert_doc: ExpertDoc = stored(self, &searcher, s.address)?;
                let expert = state.expert(s.slot)?;
                let reasons = reasons::build(
                    &s.assessment,
                    opportunity,
                    &opp.phrases.list(),
                    &expert_doc,
                    &expert.phrases.list(),
                    &self.vocab,
                );
                Some(Match {
                    r#ref: expert.r#ref.to_string(),
                    kind: DocKind::Expert,
                    score: s.assessment.score,
                    eligible: s.assessment.check.eligible,
                    reasons,
                })
            })
            .collect()
    }

    /// Ranks missions and projects for an expert (top `limit`, with reasons).
    pub fn match_opportunities(&self, expert: &ExpertDoc, limit: usize) -> Vec<Match> {
        if limit == 0 {
            return Vec::new();
        }
        let ef = self.expert_features(expert);
        let Ok(state) = self.state.read() else {
            return Vec::new();
        };
        let stats = &state.opportunities;
        let has_map = expand(&ef.phrases.list(), &self.vocab);
        let terms = concept_terms(&has_map, stats);
        let searcher = self.reader.searcher();
        let filters = Filters::default();
        let k = CANDIDATES.max(limit * 5);
        let candidates = merge(
            retrieve::run(
                &searcher,
                &self.fields,
                retrieve::match_clauses(&self.fields, 1, &expert_body(expert), |r| {
                    stats.root_is_common(roots::hash(r), COMMON_SHARE)
                }),
                &filters,
                k,
            ),
            retrieve::run(
                &searcher,
                &self.fields,
                retrieve::concept_clauses(&self.fields, 1, &terms),
                &filters,
                k,
            ),
        );
        let max_text = candidates
            .values()
            .map(|c| c.0)
            .fold(0.0, f32::max)
            .max(f32::EPSILON);
        let mut scored: Vec<Scored> = candidates
            .iter()
            .filter_map(|(slot, (text, address))| {
                let opp = state.opportunity(*slot)?;
                let wanted_map = expand(&opp.phrases.list(), &self.vocab);
                let assessment = assess(opp, &wanted_map, &ef, text / max_text, &self.vocab, stats);
                Some(Scored {
                    slot: *slot,
                    address: *address,
                    assessment,
                })
            })
            .collect();
        order(&mut scored);
        scored
            .into_iter()
            .take(limit)
            .filter_map(|s| {
                let opp_doc: OpportunityDoc = stored(self, &searcher, s.address)?;
                let opp = state.opportunity(s.slot)?;
                let reasons = reasons::build(
                    &s.assessment,
                    &opp_doc,
                    &opp.phrases.list(),
                    expert,
                    &ef.phrases.list(),
                    &self.vocab,
                );
                Some(Match {
                    r#ref: opp.r#ref.to_string(),
                    kind: opp.kind.into(),
                    score: s.assessment.score,
                    eligible: s.assessment.check.eligible,
                    reasons,
                })
            })
            .collect()
    }
}
