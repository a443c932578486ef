//! The bilingual skills vocabulary: ESCO skills, knowledge, skill groups, ISCED-F fields
//! and occupations with their French and English labels and broader links, shipped in
//! `data/vocab.jsonl` (see `data/SOURCES.md`), optionally extended by an operator file.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::error::IndexError;
use crate::hierarchy::Ancestors;
use crate::lang::Lang;
use crate::phrase::LabelIndex;
use crate::region::fold;
use crate::suggest::Suggestions;

/// The compact ESCO extract shipped with the crate.
const BUNDLED: &str = include_str!("../data/vocab.jsonl");

/// Index of a concept inside a [`Vocabulary`].
pub type ConceptId = u32;

/// What a concept is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConceptKind {
    /// An ESCO skill or competence.
    Skill,
    /// An ESCO knowledge concept.
    Knowledge,
    /// An ESCO skill group.
    SkillGroup,
    /// An ISCED-F 2013 field of education (a discipline).
    Field,
    /// An ESCO occupation.
    Occupation,
    /// A concept added by the operator's extension file.
    Extension,
}

/// One concept: an id, its preferred labels and its broader concepts.
#[derive(Debug, Clone)]
pub struct Concept {
    /// Stable id (ESCO URI without `http://data.europa.eu/esco/`, or the operator's id).
    pub id: String,
    /// What kind of concept this is.
    pub kind: ConceptKind,
    /// Preferred French label, if any.
    pub label_fr: Option<String>,
    /// Preferred English label, if any.
    pub label_en: Option<String>,
    /// Broader concepts; for a skill, also the occupations it is essential to (listed
    /// after the skill groups and parent skills).
    pub broader: Vec<ConceptId>,
}

/// A line of the bundled file.
#[derive(Deserialize)]
struct BundledLine {
    id: String,
    k: String,
    fr: Vec<String>,
    en: Vec<String>,
    b: Vec<u32>,
    #[serde(default)]
    o: Vec<u32>,
}

/// A line of an operator extension file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtensionLine {
    id: String,
    #[serde(default)]
    labels_fr: Vec<String>,
    #[serde(default)]
    labels_en: Vec<String>,
    #[serde(default)]
    broader: Vec<String>,
}

/// The skills vocabulary with its label index.
pub struct Vocabulary {
    concepts: Vec<Concept>,
    by_id: HashMap<String, ConceptId>,
    labels: LabelIndex,
    ancestors: Ancestors,
    suggest_fr: Suggestions,
    suggest_en: Suggestions,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("concepts", &self.concepts.len())
            .finish()
    }
}

/// Concepts and their labels, before the indexes are built.
struct Draft {
    concepts: Vec<Concept>,
    labels: Vec<(ConceptId, Lang, String)>,
}

impl Vocabulary {
    /// The vocabulary shipped with the crate, loaded once.
    pub fn bundled() -> &'static Vocabulary {
        Self::bundled_arc()
    }

    /// The shipped vocabulary as a shareable handle (for [`crate::Engine::open_with`]).
    pub fn bundled_arc() -> &'static Arc<Vocabulary> {
        static CELL: OnceLock<Arc<Vocabulary>> = OnceLock::new();
        CELL.get_or_init(|| {
            let draft = parse_bundled(BUNDLED).unwrap_or_else(|_| Draft {
                concepts: Vec::new(),
                labels: Vec::new(),
            });
            Arc::new(Self::build(draft))
        })
    }

    /// The shipped vocabulary plus the concepts of an operator's JSON Lines file
    /// (`{"id", "labels_fr", "labels_en", "broader"}`; an existing id gains the labels).
    pub fn with_extension_file(path: &Path) -> Result<Vocabulary, IndexError> {
        let text = std::fs::read_to_string(path).map_err(|source| IndexError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::with_extension(&text, &path.display().to_string())
    }

    /// Like [`Vocabulary::with_extension_file`] with the extension given as text.
    pub fn with_extension(text: &str, name: &str) -> Result<Vocabulary, IndexError> {
        let mut draft = parse_bundled(BUNDLED)?;
        extend(&mut draft, text, name)?;
        Ok(Self::build(draft))
    }

    fn build(draft: Draft) -> Vocabulary {
        let by_id = draft
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i as ConceptId))
            .collect();
        let acronym_ok: Vec<bool> = draft
            .concepts
            .iter()
            .map(|c| !matches!(c.kind, ConceptKind::Skill | ConceptKind::Occupation))
            .collect();
        let labels = LabelIndex::build(&draft.labels, &acronym_ok);
        let mut suggest_fr = Vec::new();
        let mut suggest_en = Vec::new();
        for (concept, lang, label) in &draft.labels {
            let kind = draft.concepts[*concept as usize].kind;
            if matches!(kind, ConceptKind::Occupation | ConceptKind::SkillGroup) {
                continue;
            }
            let entry = (fold(label), label.clone());
            match lang {
                Lang::Fr => suggest_fr.push(entry),
                Lang::En => suggest_en.push(entry),
            }
        }
        Vocabulary {
            ancestors: Ancestors::build(&draft.concepts),
            concepts: draft.concepts,
            by_id,
            labels,
            suggest_fr: Suggestions::build(suggest_fr),
            suggest_en: Suggestions::build(suggest_en),
        }
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// True when the vocabulary holds no concept (only if the shipped data failed to load).
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// The concept with this index.
    pub fn concept(&self, id: ConceptId) -> Option<&Concept> {
        self.concepts.get(id as usize)
    }

    /// The index of the concept with this stable id ("skill/…", "isced-f/0532").
    pub fn find(&self, id: &str) -> Option<ConceptId> {
        self.by_id.get(id).copied()
    }

    /// The concept's preferred label in `lang`, falling back to the other language.
    pub fn label(&self, id: ConceptId, lang: Lang) -> &str {
        let Some(c) = self.concept(id) else { return "" };
        let (first, second) = match lang {
            Lang::Fr => (&c.label_fr, &c.label_en),
            Lang::En => (&c.label_en, &c.label_fr),
        };
        first.as_deref().or(second.as_deref()).unwrap_or(&c.id)
    }

    /// Broader concepts of `id`.
    pub fn broader(&self, id: ConceptId) -> &[ConceptId] {
        self.concept(id)
            .map(|c| c.broader.as_slice())
            .unwrap_or(&[])
    }

    /// The concept itself (level 0) and its broader concepts up to two levels (1, 2).
    pub fn ancestors(&self, id: ConceptId) -> &[(ConceptId, u8)] {
        self.ancestors.of(id)
    }

    /// The concepts a free-text skill phrase (any language) stands for, strongest first.
    pub fn map_phrase(&self, phrase: &str) -> Vec<crate::phrase::ConceptHit> {
        self.labels.map_phrase(phrase)
    }

    /// Up to `limit` skill labels in `lang` that start with `prefix` (case and accents ignored),
    /// shortest first, for a datalist on the web forms.
    pub fn suggestions(&self, prefix: &str, lang: Lang, limit: usize) -> Vec<String> {
        let key = fold(prefix);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let list = match lang {
            Lang::Fr => &self.suggest_fr,
            Lang::En => &self.suggest_en,
        };
        let mut found = list.starting_with(&key);
        found.sort_by_key(|s| (s.chars().count(), *s));
        found.into_iter().take(limit).map(str::to_string).collect()
    }
}

fn kind_of(code: &str) -> ConceptKind {
    match code {
        "k" => ConceptKind::Knowledge,
        "g" => ConceptKind::SkillGroup,
        "f" => ConceptKind::Field,
        "o" => ConceptKind::Occupation,
        "x" => ConceptKind::Extension,
        _ => ConceptKind::Skill,
    }
}

fn parse_bundled(text: &str) -> Result<Draft, IndexError> {
    let mut draft = Draft {
        concepts: Vec::new(),
        labels: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: BundledLine = serde_json::from_str(line).map_err(|e| IndexError::Parse {
            file: "data/vocab.jsonl".into(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let id = draft.concepts.len() as ConceptId;
        for l in &rec.fr {
            draft.labels.push((id, Lang::Fr, l.clone()));
        }
        for l in &rec.en {
            draft.labels.push((id, Lang::En, l.clone()));
        }
        draft.concepts.push(Concept {
            id: rec.id,
            kind: kind_of(&rec.k),
            label_fr: rec.fr.into_iter().next(),
            label_en: rec.en.into_iter().next(),
            broader: rec.b.into_iter().chain(rec.o).collect(),
        });
    }
    let len = draft.concepts.len() as u32;
    for c in &mut draft.concepts {
        c.broader.retain(|b| *b < len);
    }
    Ok(draft)
}

fn extend(draft: &mut Draft, text: &str, name: &str) -> Result<(), IndexError> {
    let mut ids: HashMap<String, ConceptId> = draft
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i as ConceptId))
        .collect();
    let mut pending = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| IndexError::Parse {
            file: name.to_string(),
            line: n + 1,
            message,
        };
        let rec: ExtensionLine = serde_json::from_str(line).map_err(|e| err(e.to_string()))?;
        if rec.id.trim().is_empty() {
            return Err(err("empty id".into()));
        }
        let id = match ids.get(&rec.id) {
            Some(id) => *id,
            None => {
                let id = draft.concepts.len() as ConceptId;
                draft.concepts.push(Concept {
                    id: rec.id.clone(),
                    kind: ConceptKind::Extension,
                    label_fr: rec.labels_fr.first().cloned(),
                    label_en: rec.labels_en.first().cloned(),
                    broader: Vec::new(),
                });
                ids.insert(rec.id.clone(), id);
                id
            }
        };
        for l in rec.labels_fr {
            draft.labels.push((id, Lang::Fr, l));
        }
        for l in rec.labels_en {
            draft.labels.push((id, Lang::En, l));
        }
        pending.push((n + 1, id, rec.broader));
    }
    for (line, id, broader) in pending {
        for b in broader {
            let target = *ids.get(&b).ok_or_else(|| IndexError::Parse {
                file: name.to_string(),
                line,
                message: format!("unknown broader concept {b:?}"),
            })?;
            let c = &mut draft.concepts[id as usize];
            if target != id && !c.broader.contains(&target) {
                c.broader.push(target);
            }
        }
    }
    Ok(())
}
