//! Mapping free-text skill phrases to vocabulary concepts: labels are reduced to sets of
//! cross-lingual roots, so word order, accents, plurals and French/English cognates do not
//! matter; a phrase matches a label exactly, contains a label, is one word short of a
//! label, or is an acronym (ESCO's own, or derived from a multi-word label).

use std::collections::HashMap;

use crate::lang::Lang;
use crate::roots;
use crate::vocabulary::ConceptId;

/// Most concepts kept for one phrase.
const MAX_HITS: usize = 8;
/// Phrases with more roots than this only use their first roots for partial matching.
const MAX_SUBSET_ROOTS: usize = 8;
/// A derived acronym shared by more concepts than this is too ambiguous to use.
const MAX_ACRONYM_SHARE: usize = 3;
/// A root found in more labels than this stands alone for a concept only when it is the
/// rarest root of its phrase ("teaching statistics" → statistics, not "maternal health" → health).
const MAX_ALONE_DF: u32 = 30;

/// How a phrase reached a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    /// The phrase is one of the concept's labels (after normalisation).
    Label,
    /// The phrase contains a label, or a label contains the phrase plus one word.
    Partial,
    /// The phrase is an acronym of the concept.
    Acronym,
}

/// One concept a phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConceptHit {
    /// The concept.
    pub concept: ConceptId,
    /// How sure the mapping is, in (0, 1].
    pub strength: f32,
    /// Language of the label that matched.
    pub lang: Lang,
    /// How it matched.
    pub kind: HitKind,
}

#[derive(Debug, Clone, Copy)]
struct LabelRef {
    concept: ConceptId,
    lang: Lang,
}

/// A compact multimap from set keys to labels: sorted (key, label) pairs.
#[derive(Default)]
struct KeyMap(Vec<(u64, LabelRef)>);

impl KeyMap {
    fn push(&mut self, key: u64, label: LabelRef) {
        self.0.push((key, label));
    }

    fn finish(&mut self) {
        self.0.sort_by_key(|(k, l)| (*k, l.concept));
        self.0.dedup_by_key(|(k, l)| (*k, l.concept));
        self.0.shrink_to_fit();
    }

    fn get(&self, key: u64) -> Option<Vec<LabelRef>> {
        let start = self.0.partition_point(|(k, _)| *k < key);
        let found: Vec<LabelRef> = self.0[start..]
            .iter()
            .take_while(|(k, _)| *k == key)
            .map(|(_, l)| *l)
            .collect();
        (!found.is_empty()).then_some(found)
    }
}

/// Lookup tables from root sets and acronyms to concepts.
#[derive(Default)]
pub struct LabelIndex {
    exact: KeyMap,
    near: KeyMap,
    acronyms: HashMap<String, Vec<LabelRef>>,
    derived: HashMap<String, Vec<LabelRef>>,
    root_df: HashMap<u32, u32>,
}

/// Order-independent key of a sorted set of root hashes.
pub fn set_key(set: &[u32]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for r in set {
        for b in r.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The acronym written in `text` if it looks like one ("GIS", "SIG", "OB/GYN").
fn written_acronym(text: &str) -> Option<String> {
    let text = text.trim();
    if text.contains(' ') || text.chars().any(char::is_lowercase) {
        return None;
    }
    let key: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8)
        .contains(&key.chars().count())
        .then_some(key)
        .filter(|_| letters >= 2)
}

/// The initials of the content words of a label of 2 to 6 words ("systèmes d'information
/// géographique" → "SIG").
fn derived_acronym(label: &str) -> Option<String> {
    let words: Vec<String> = roots::words(label)
        .into_iter()
        .filter(|w| !roots::is_stop_word(w))
        .collect();
    if !(2..=6).contains(&words.len()) || words.iter().any(|w| !w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    Some(
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

impl LabelIndex {
    /// Builds the tables from (concept, language, label) triples; acronyms are derived only
    /// from the labels of concepts flagged in `acronym_ok` (fields and knowledge, not actions).
    pub fn build(labels: &[(ConceptId, Lang, String)], acronym_ok: &[bool]) -> LabelIndex {
        let mut index = LabelIndex::default();
        for (concept, lang, label) in labels {
            let r = LabelRef {
                concept: *concept,
                lang: *lang,
            };
            if let Some(acr) = written_acronym(label) {
                index.acronyms.entry(acr).or_default().push(r);
                continue;
            }
            let derive = acronym_ok.get(*concept as usize).copied().unwrap_or(false);
            if derive && let Some(acr) = derived_acronym(label) {
                let list = index.derived.entry(acr).or_default();
                if !list.iter().any(|l| l.concept == r.concept) {
                    list.push(r);
                }
            }
            let set = roots::root_set(label);
            if set.is_empty() {
                continue;
            }
            for root in &set {
                *index.root_df.entry(*root).or_insert(0) += 1;
            }
            index.exact.push(set_key(&set), r);
            if (2..=6).contains(&set.len()) {
                for skip in 0..set.len() {
                    let rest: Vec<u32> = set
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != skip)
                        .map(|(_, v)| *v)
                        .collect();
                    index.near.push(set_key(&rest), r);
                }
            }
        }
        index.derived.retain(|_, v| v.len() <= MAX_ACRONYM_SHARE);
        index.derived.shrink_to_fit();
        index.acronyms.shrink_to_fit();
        index.exact.finish();
        index.near.finish();
        index.root_df.shrink_to_fit();
        index
    }

    /// The concepts `phrase` stands for, strongest first (at most 8).
    pub fn map_phrase(&self, phrase: &str) -> Vec<ConceptHit> {
        let mut hits: Vec<ConceptHit> = Vec::new();
        if let Some(acr) = written_acronym(phrase) {
            add(&mut hits, self.acronyms.get(&acr), 1.0, HitKind::Acronym);
            if let Some(list) = self.derived.get(&acr) {
                add(
                    &mut hits,
                    Some(list),
                    0.9 / list.len() as f32,
                    HitKind::Acronym,
                );
            }
        }
        let set = roots::root_set(phrase);
        if set.is_empty() {
            return finish(hits);
        }
        let before = hits.len();
        add(
            &mut hits,
            self.exact.get(set_key(&set)).as_ref(),
            1.0,
            HitKind::Label,
        );
        if hits.len() == before {
            let n = set.len() as f32;
            add(
                &mut hits,
                self.near.get(set_key(&set)).as_ref(),
                0.8 * n / (n + 1.0),
                HitKind::Partial,
            );
        }
        if set.len() >= 2 {
            let used = &set[..set.len().min(MAX_SUBSET_ROOTS)];
            let df = |root: u32| self.root_df.get(&root).copied().unwrap_or(0);
            let rarest = set.iter().map(|r| df(*r)).min().unwrap_or(0);
            let total = set.len() as f32;
            for mask in 1u32..(1 << used.len()) - 1 {
                let subset: Vec<u32> = used
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, v)| *v)
                    .collect();
                if subset.len() == 1 && df(subset[0]) > MAX_ALONE_DF && df(subset[0]) > rarest {
                    continue;
                }
                let strength = 0.9 * subset.len() as f32 / total;
                add(
                    &mut hits,
                    self.exact.get(set_key(&subset)).as_ref(),
                    strength,
                    HitKind::Partial,
                );
            }
        }
        finish(hits)
    }
}

fn add(hits: &mut Vec<ConceptHit>, list: Option<&Vec<LabelRef>>, strength: f32, kind: HitKind) {
    for l in list.into_iter().flatten() {
        let hit = ConceptHit {
            concept: l.concept,
            strength,
            lang: l.lang,
            kind,
        };
        match hits.iter_mut().find(|h| h.concept == l.concept) {
            Some(h) if h.strength >= strength => {}
            Some(h) => *h = hit,
            None => hits.push(hit),
        }
    }
}

fn finish(mut hits: Vec<ConceptHit>) -> Vec<ConceptHit> {
    hits.sort_by(|a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then(a.concept.cmp(&b.concept))
    });
    hits.truncate(MAX_HITS);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LabelIndex {
        LabelIndex::build(&LABELS_FOR_TEST(), &[true; 4])
    }

    #[allow(non_snake_case)]
    fn LABELS_FOR_TEST() -> Vec<(ConceptId, Lang, String)> {
        vec![
            (0, Lang::Fr, "systèmes d'information géographique".into()),
            (0, Lang::En, "geographic information systems".into()),
            (0, Lang::En, "GIS".into()),
            (1, Lang::Fr, "hydrogéologie".into()),
            (2, Lang::En, "soil fertility".into()),
            (3, Lang::En, "conservation agriculture".into()),
        ]
    }

    #[test]
    fn french_and_english_labels_meet() {
        let ix = index();
        assert_eq!(
            ix.map_phrase("Systemes d’information geographiques")[0].concept,
            0
        );
        assert_eq!(ix.map_phrase("geographic information system")[0].concept, 0);
        assert_eq!(ix.map_phrase("hydrogeology")[0].concept, 1);
    }

    #[test]
    fn acronyms_written_and_derived() {
        let ix = index();
        let gis = ix.map_phrase("GIS");
        assert_eq!((gis[0].concept, gis[0].kind), (0, HitKind::Acronym));
        let sig = ix.map_phrase("SIG");
        assert_eq!((sig[0].concept, sig[0].kind), (0, HitKind::Acronym));
        assert!(ix.map_phrase("sig").is_empty() || ix.map_phrase("sig")[0].concept != 1);
    }

    #[test]
    fn partial_phrases_are_weaker() {
        let ix = index();
        let hits = ix.map_phrase("soil fertility management in the Sahel");
        let soil = hits
            .iter()
            .find(|h| h.concept == 2)
            .expect("contains the label");
        assert!(soil.strength < 1.0 && soil.kind == HitKind::Partial);
        let hits = ix.map_phrase("agriculture de conservation");
        assert_eq!(hits[0].concept, 3);
        assert_eq!(hits[0].strength, 1.0);
    }
}
