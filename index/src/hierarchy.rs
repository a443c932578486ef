//! Precomputed ancestors of every concept (itself at level 0, then up to two levels of
//! broader concepts), stored flat so that scoring walks them without allocating.

use crate::stats::LEVELS;
use crate::vocabulary::{Concept, ConceptId};

/// Flat table of (ancestor, level) lists, one per concept.
#[derive(Debug, Default)]
pub struct Ancestors {
    offsets: Vec<u32>,
    entries: Vec<(ConceptId, u8)>,
}

impl Ancestors {
    /// Computes the table for `concepts`.
    pub fn build(concepts: &[Concept]) -> Ancestors {
        let mut out = Ancestors {
            offsets: Vec::with_capacity(concepts.len() + 1),
            entries: Vec::new(),
        };
        out.offsets.push(0);
        let mut list: Vec<(ConceptId, u8)> = Vec::new();
        for id in 0..concepts.len() as ConceptId {
            list.clear();
            list.push((id, 0));
            let mut start = 0;
            for level in 1..LEVELS as u8 {
                let end = list.len();
                for i in start..end {
                    let parent_of = list[i].0;
                    for b in concepts
                        .get(parent_of as usize)
                        .map(|c| c.broader.as_slice())
                        .unwrap_or(&[])
                    {
                        if !list.iter().any(|(x, _)| x == b) {
                            list.push((*b, level));
                        }
                    }
                }
                start = end;
            }
            out.entries.extend_from_slice(&list);
            out.offsets.push(out.entries.len() as u32);
        }
        out.entries.shrink_to_fit();
        out
    }

    /// `id` itself (level 0) and its broader concepts with their level (1 or 2).
    pub fn of(&self, id: ConceptId) -> &[(ConceptId, u8)] {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(a), Some(b)) => &self.entries[*a as usize..*b as usize],
            _ => &[],
        }
    }
}
