//! Skill evidence between an opportunity's wanted phrases and an expert's phrases:
//! identical phrases, shared vocabulary concepts (also through broader/narrower links,
//! weighted by specificity), and shared cross-lingual roots.

use crate::fasthash::IntMap;
use crate::features::{Phrase, Source, unpack};
use crate::lang::Lang;
use crate::stats::{LEVEL_WEIGHT, Stats};
use crate::vocabulary::Vocabulary;

/// How a wanted phrase was met.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Via {
    /// Same words.
    Exact,
    /// A shared concept `concept`, reached `up_wanted` / `up_has` levels above each side.
    Concept {
        /// The shared concept.
        concept: u32,
        /// Levels above the wanted phrase's concept.
        up_wanted: u8,
        /// Levels above the expert phrase's concept.
        up_has: u8,
        /// Language of the label the wanted phrase matched.
        wanted_lang: Lang,
        /// Both phrases are full labels (or acronyms) of their concepts.
        strong: bool,
    },
    /// Shared roots only.
    Words,
}

/// The best evidence for one wanted phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Index of the wanted phrase in the opportunity's phrases.
    pub wanted: usize,
    /// Index of the expert phrase.
    pub has: usize,
    /// Similarity in [0, 1].
    pub sim: f32,
    /// How.
    pub via: Via,
}

/// One side's concepts with their ancestors: concept → (phrase, strength, level, lang).
pub type Expanded = IntMap<u32, Vec<(u16, f32, u8, Lang)>>;

/// Expands the concepts of `phrases` with up to two levels of broader concepts.
pub fn expand(phrases: &[Phrase<'_>], vocab: &Vocabulary) -> Expanded {
    let mut map: Expanded = IntMap::default();
    for (i, p) in phrases.iter().enumerate() {
        for packed in p.concepts.iter() {
            let (c, lang, strength) = unpack(*packed);
            for &(x, level) in vocab.ancestors(c) {
                let list = map.entry(x).or_default();
                let entry = (i as u16, strength, level, lang);
                match list.iter_mut().find(|e| e.0 == i as u16) {
                    Some(e)
                        if e.1 * LEVEL_WEIGHT[usize::from(e.2)]
                            >= strength * LEVEL_WEIGHT[usize::from(level)] => {}
                    Some(e) => *e = entry,
                    None => list.push(entry),
                }
            }
        }
    }
    map
}

/// Down-weighting of an expert phrase by where it comes from.
fn source_weight(source: Source) -> f32 {
    match source {
        Source::Skill(_) => 1.0,
        Source::Headline | Source::Title => 0.8,
        Source::Discipline(_) => 0.7,
    }
}

/// Similarity of two root sets: coverage of `wanted` times the square root of the share of
/// `has` that is covered, with rarer roots weighing more.
pub fn root_sim(wanted: &[u32], has: &[u32], stats: &Stats) -> f32 {
    if wanted.is_empty() || has.is_empty() {
        return 0.0;
    }
    if wanted == has {
        return 1.0;
    }
    let w = |r: &u32| stats.root_weight(*r);
    let shared: f32 = wanted
        .iter()
        .filter(|r| has.binary_search(r).is_ok())
        .map(w)
        .sum();
    if shared == 0.0 {
        return 0.0;
    }
    let coverage = shared / wanted.iter().map(w).sum::<f32>();
    let precision = shared / has.iter().map(w).sum::<f32>();
    0.85 * coverage * precision.sqrt()
}

/// Best evidence for each wanted phrase. `wanted_map` is [`expand`] of `wanted`.
pub fn evidence(
    wanted: &[Phrase<'_>],
    wanted_map: &Expanded,
    has: &[Phrase<'_>],
    vocab: &Vocabulary,
    stats: &Stats,
) -> Vec<Option<Evidence>> {
    let mut best: Vec<Option<Evidence>> = vec![None; wanted.len()];
    let mut offer = |e: Evidence| {
        let slot = &mut best[e.wanted];
        if slot.is_none_or(|b| e.sim > b.sim) {
            *slot = Some(e);
        }
    };
    for (j, p) in has.iter().enumerate() {
        let sw = source_weight(p.source);
        for (i, q) in wanted.iter().enumerate() {
            if q.roots == p.roots {
                offer(Evidence {
                    wanted: i,
                    has: j,
                    sim: sw,
                    via: Via::Exact,
                });
            } else {
                let sim = root_sim(q.roots, p.roots, stats) * sw;
                if sim > 0.0 {
                    offer(Evidence {
                        wanted: i,
                        has: j,
                        sim,
                        via: Via::Words,
                    });
                }
            }
        }
        for packed in p.concepts.iter() {
            let (c, _, strength) = unpack(*packed);
            for &(x, up_has) in vocab.ancestors(c) {
                let Some(list) = wanted_map.get(&x) else {
                    continue;
                };
                let spec = stats.concept_weight(x);
                for &(i, ws, up_wanted, lang) in list {
                    let levels = i32::from(up_has) + i32::from(up_wanted);
                    let factor =
                        LEVEL_WEIGHT[usize::from(up_has)] * LEVEL_WEIGHT[usize::from(up_wanted)];
                    let sim = ws * strength * factor * spec.powi(1 + levels) * sw;
                    offer(Evidence {
                        wanted: usize::from(i),
                        has: j,
                        sim,
                        via: Via::Concept {
                            concept: x,
                            up_wanted,
                            up_has,
                            wanted_lang: lang,
                            strong: ws >= 0.9 && strength >= 0.9,
                        },
                    });
                }
            }
        }
    }
    best
}

/// Weight of a wanted phrase: skills count fully, the title less, the discipline apart;
/// phrases of rarer words count more.
pub fn wanted_weight(p: &Phrase<'_>, stats: &Stats) -> f32 {
    let base = match p.source {
        Source::Skill(_) => 1.0,
        Source::Title | Source::Headline => 0.5,
        Source::Discipline(_) => 0.0,
    };
    if base == 0.0 || p.roots.is_empty() {
        return base;
    }
    let mean = p.roots.iter().map(|r| stats.root_weight(*r)).sum::<f32>() / p.roots.len() as f32;
    base * mean
}

/// Weighted coverage of the wanted skills by the evidence, in [0, 1].
pub fn coverage(wanted: &[Phrase<'_>], best: &[Option<Evidence>], stats: &Stats) -> f32 {
    let mut total = 0.0;
    let mut got = 0.0;
    for (p, e) in wanted.iter().zip(best) {
        let w = wanted_weight(p, stats);
        total += w;
        got += w * e.map(|e| e.sim).unwrap_or(0.0);
    }
    if total > 0.0 { got / total } else { 0.0 }
}

/// Best evidence among the listed skills only (not the title or discipline), in [0, 1];
/// `None` when the opportunity lists no skill.
pub fn best_listed_skill(wanted: &[Phrase<'_>], best: &[Option<Evidence>]) -> Option<f32> {
    wanted
        .iter()
        .zip(best)
        .filter(|(p, _)| matches!(p.source, Source::Skill(_)))
        .map(|(_, e)| e.map(|e| e.sim).unwrap_or(0.0))
        .reduce(f32::max)
}

/// Similarity of the wanted discipline phrase (if any) to the best expert phrase.
pub fn discipline(wanted: &[Phrase<'_>], best: &[Option<Evidence>]) -> f32 {
    wanted
        .iter()
        .zip(best)
        .filter(|(p, _)| matches!(p.source, Source::Discipline(_)))
        .map(|(_, e)| e.map(|e| e.sim).unwrap_or(0.0))
        .fold(0.0, f32::max)
}
