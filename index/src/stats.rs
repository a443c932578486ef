//! Document frequencies of concepts and roots over the indexed experts (or opportunities),
//! giving each concept and word a specificity weight (normalised IDF).

use crate::fasthash::IntMap;

use crate::features::{Phrase, unpack};
use crate::vocabulary::Vocabulary;

/// Levels of broader concepts followed (0 = the concept itself).
pub const LEVELS: usize = 3;
/// Weight of a match found `level` steps up the hierarchy.
pub const LEVEL_WEIGHT: [f32; LEVELS] = [1.0, 0.5, 0.25];

/// Document frequencies for one side (experts or opportunities).
#[derive(Debug, Default, Clone)]
pub struct Stats {
    docs: u32,
    concepts: IntMap<u32, u32>,
    roots: IntMap<u32, u32>,
}

/// The concepts of `phrases` and their ancestors, each once.
pub fn expanded(phrases: &[Phrase<'_>], vocab: &Vocabulary) -> Vec<u32> {
    let mut out: Vec<u32> = phrases
        .iter()
        .flat_map(|p| p.concepts.iter())
        .flat_map(|packed| vocab.ancestors(unpack(*packed).0).iter().map(|(x, _)| *x))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn roots_of(phrases: &[Phrase<'_>]) -> Vec<u32> {
    let mut out: Vec<u32> = phrases
        .iter()
        .flat_map(|p| p.roots.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Stats {
    /// Counts one document in (`sign` = 1) or out (`sign` = -1).
    pub fn update(&mut self, phrases: &[Phrase<'_>], vocab: &Vocabulary, sign: i32) {
        self.docs = self.docs.saturating_add_signed(sign);
        for c in expanded(phrases, vocab) {
            bump(&mut self.concepts, c, sign);
        }
        for r in roots_of(phrases) {
            bump(&mut self.roots, r, sign);
        }
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Stats::default();
    }

    /// Specificity of a concept in [0.5, 1]: rarer concepts weigh more.
    pub fn concept_weight(&self, concept: u32) -> f32 {
        self.weight(self.concepts.get(&concept).copied().unwrap_or(0))
    }

    /// True when `concept` is in more than `share` of the documents (too common to retrieve by).
    pub fn is_common(&self, concept: u32, share: f32) -> bool {
        let df = self.concepts.get(&concept).copied().unwrap_or(0) as f32;
        self.docs > 100 && df > share * self.docs as f32
    }

    /// True when the root with this hash is in more than `share` of the documents.
    pub fn root_is_common(&self, root: u32, share: f32) -> bool {
        let df = self.roots.get(&root).copied().unwrap_or(0) as f32;
        self.docs > 100 && df > share * self.docs as f32
    }

    /// Specificity of a root in [0.5, 1].
    pub fn root_weight(&self, root: u32) -> f32 {
        self.weight(self.roots.get(&root).copied().unwrap_or(0))
    }

    fn weight(&self, df: u32) -> f32 {
        let n = self.docs.max(1) as f32;
        let idf = (1.0 + n / (df as f32 + 1.0)).ln();
        let max = (1.0 + n).ln().max(f32::EPSILON);
        0.5 + 0.5 * (idf / max).clamp(0.0, 1.0)
    }
}

fn bump(map: &mut IntMap<u32, u32>, key: u32, sign: i32) {
    let entry = map.entry(key).or_insert(0);
    *entry = entry.saturating_add_signed(sign);
    if *entry == 0 {
        map.remove(&key);
    }
}
