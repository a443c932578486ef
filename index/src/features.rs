//! Compact per-document features kept in memory for reranking: skill phrases reduced to
//! root hashes and packed concept hits, languages, dates, modes, origin and offers.

use time::Date;

use crate::document::{ExpertDoc, OpportunityDoc, OpportunityKind};
use crate::gazetteer::Gazetteer;
use crate::lang::{Lang, normalize_code};
use crate::phrase::ConceptHit;
use crate::region::{Region, fold};
use crate::roots;
use crate::vocabulary::{ConceptId, Vocabulary};

/// Where a phrase comes from in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `skills[i]`.
    Skill(u8),
    /// `disciplines[i]` (experts) or the discipline/sector (opportunities).
    Discipline(u8),
    /// The expert's headline.
    Headline,
    /// The opportunity's title.
    Title,
}

/// One phrase, borrowed from [`Phrases`]: its root set and the concepts it maps to
/// (packed, see [`pack`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phrase<'a> {
    /// Where it comes from.
    pub source: Source,
    /// Sorted root hashes.
    pub roots: &'a [u32],
    /// Packed concept hits.
    pub concepts: &'a [u32],
}

/// A phrase being built.
struct PhraseBuf {
    source: Source,
    roots: Vec<u32>,
    concepts: Vec<u32>,
}

/// All the phrases of a document in one allocation:
/// `[source, roots.len(), roots…, concepts.len(), concepts…]` per phrase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phrases(Box<[u32]>);

impl Source {
    fn encode(self) -> u32 {
        match self {
            Source::Skill(i) => u32::from(i),
            Source::Discipline(i) => 0x100 | u32::from(i),
            Source::Headline => 0x200,
            Source::Title => 0x300,
        }
    }

    fn decode(code: u32) -> Source {
        let i = (code & 0xff) as u8;
        match code >> 8 {
            0 => Source::Skill(i),
            1 => Source::Discipline(i),
            2 => Source::Headline,
            _ => Source::Title,
        }
    }
}

impl Phrases {
    fn pack(list: &[PhraseBuf]) -> Phrases {
        let mut data = Vec::new();
        for p in list {
            data.push(p.source.encode());
            data.push(p.roots.len() as u32);
            data.extend_from_slice(&p.roots);
            data.push(p.concepts.len() as u32);
            data.extend_from_slice(&p.concepts);
        }
        Phrases(data.into())
    }

    /// The phrases, in document order.
    pub fn list(&self) -> Vec<Phrase<'_>> {
        let mut out = Vec::new();
        let d = &self.0;
        let mut i = 0;
        while i + 1 < d.len() {
            let source = Source::decode(d[i]);
            let nr = d[i + 1] as usize;
            let roots = d.get(i + 2..i + 2 + nr).unwrap_or(&[]);
            let at = i + 2 + nr;
            let nc = d.get(at).copied().unwrap_or(0) as usize;
            let concepts = d.get(at + 1..at + 1 + nc).unwrap_or(&[]);
            out.push(Phrase {
                source,
                roots,
                concepts,
            });
            i = at + 1 + nc;
        }
        out
    }
}

/// Packs a concept hit into 32 bits: concept (23 bits), label language (1), strength (8).
pub fn pack(hit: &ConceptHit) -> u32 {
    let lang = u32::from(hit.lang == Lang::En);
    let strength = (hit.strength.clamp(0.0, 1.0) * 255.0).round() as u32;
    (hit.concept.min(0x7f_ffff) << 9) | (lang << 8) | strength
}

/// Unpacks a concept hit: (concept, label language, strength).
pub fn unpack(packed: u32) -> (ConceptId, Lang, f32) {
    let lang = if packed & 0x100 != 0 {
        Lang::En
    } else {
        Lang::Fr
    };
    (packed >> 9, lang, (packed & 0xff) as f32 / 255.0)
}

/// A short code (language or country) stored inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Code([u8; 4]);

impl Code {
    /// Builds a code from text (trimmed, lower-cased, at most 4 bytes; longer = none).
    pub fn new(text: &str) -> Option<Code> {
        let t = text.trim().to_lowercase();
        if t.is_empty() || t.len() > 4 || !t.is_ascii() {
            return None;
        }
        let mut b = [0u8; 4];
        b[..t.len()].copy_from_slice(t.as_bytes());
        Some(Code(b))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        let n = self.0.iter().position(|b| *b == 0).unwrap_or(4);
        std::str::from_utf8(&self.0[..n]).unwrap_or("")
    }
}

/// Bit for the onsite mode.
pub const ONSITE: u8 = 1;
/// Bit for the remote mode.
pub const REMOTE: u8 = 2;
/// Bit for the funding offer.
pub const FUNDING: u8 = 1;
/// Bit for the teaching offer.
pub const TEACHING: u8 = 2;

/// An expert's features.
#[derive(Debug, Clone)]
pub struct ExpertFeatures {
    /// The expert's ref.
    pub r#ref: Box<str>,
    /// Skills, headline and disciplines.
    pub phrases: Phrases,
    /// Spoken languages.
    pub languages: Box<[Code]>,
    /// Availability windows as Julian days; empty = unknown.
    pub windows: Box<[(i32, i32)]>,
    /// Mode bits; 0 = unknown.
    pub modes: u8,
    /// Offer bits.
    pub offers: u8,
    /// Region of origin (given, or found from the home commune).
    pub region: Option<Region>,
    /// Folded home commune hash.
    pub commune: Option<u32>,
    /// Holds a doctorate.
    pub doctorate: bool,
    /// Country of residence.
    pub country: Option<Code>,
    /// Folded disciplines, for facets.
    pub disciplines: Box<[Box<str>]>,
}

/// An opportunity's features.
#[derive(Debug, Clone)]
pub struct OpportunityFeatures {
    /// The opportunity's ref.
    pub r#ref: Box<str>,
    /// Mission or project.
    pub kind: OpportunityKind,
    /// Skills, title and discipline.
    pub phrases: Phrases,
    /// Working language.
    pub language: Option<Code>,
    /// Region (none = remote).
    pub region: Option<Region>,
    /// Folded commune hash.
    pub commune: Option<u32>,
    /// Dates as Julian days.
    pub dates: Option<(i32, i32)>,
    /// Mode bits (missions), 0 for projects.
    pub mode: u8,
    /// The project still seeks funding.
    pub seeks_funding: bool,
    /// Doctoral-level teaching.
    pub doctoral: bool,
    /// Folded discipline, for facets.
    pub discipline: Option<Box<str>>,
}

/// Maps phrases to concepts through the vocabulary, with a cache owned by the caller.
pub trait PhraseMapper {
    /// The concept hits of `text`.
    fn hits(&mut self, text: &str) -> Vec<ConceptHit>;
}

impl PhraseMapper for &Vocabulary {
    fn hits(&mut self, text: &str) -> Vec<ConceptHit> {
        self.map_phrase(text)
    }
}

fn phrase(
    mapper: &mut dyn PhraseMapper,
    source: Source,
    text: &str,
    scale: f32,
) -> Option<PhraseBuf> {
    let roots = roots::root_set(text);
    if roots.is_empty() {
        return None;
    }
    let concepts = mapper
        .hits(text)
        .iter()
        .map(|h| {
            pack(&ConceptHit {
                strength: h.strength * scale,
                ..*h
            })
        })
        .collect();
    Some(PhraseBuf {
        source,
        roots,
        concepts,
    })
}

/// Splits a headline or title into its parts ("Hydrogeologist, University of Montpellier"
/// → role, institution), so that each part is matched as a phrase of its own.
pub fn segments(text: &str) -> Vec<&str> {
    text.split([',', ';', '|', '—', '–', '(', ')', ':'])
        .flat_map(|part| part.split(" - "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .take(4)
        .collect()
}

/// Hash of a folded place name.
pub fn place_hash(name: &str) -> Option<u32> {
    let key = fold(name);
    (!key.is_empty()).then(|| roots::hash(&key))
}

fn modes(list: &[String]) -> u8 {
    list.iter()
        .fold(0, |acc, m| match m.trim().to_lowercase().as_str() {
            "onsite" | "on-site" | "on site" | "sur place" | "présentiel" | "presentiel" => {
                acc | ONSITE
            }
            "remote" | "à distance" | "a distance" | "distanciel" | "online" | "en ligne" => {
                acc | REMOTE
            }
            "hybrid" | "hybride" | "both" => acc | ONSITE | REMOTE,
            _ => acc,
        })
}

/// True for doctorates ("PhD", "Doctorat", "DPhil"…).
pub fn is_doctorate(degree: &str) -> bool {
    let d = fold(degree).replace(' ', "");
    [
        "phd",
        "doctorat",
        "doctorate",
        "dphil",
        "docteur",
        "habilitation",
        "hdr",
        "edd",
        "dsc",
    ]
    .iter()
    .any(|k| d.starts_with(k))
}

/// Builds an expert's features.
pub fn expert(
    doc: &ExpertDoc,
    mapper: &mut dyn PhraseMapper,
    gazetteer: &Gazetteer,
) -> ExpertFeatures {
    let mut phrases = Vec::new();
    for (i, s) in doc.skills.iter().enumerate().take(64) {
        phrases.extend(phrase(mapper, Source::Skill(i as u8), s, 1.0));
    }
    if let Some(role) = segments(&doc.headline).first() {
        phrases.extend(phrase(mapper, Source::Headline, role, 0.8));
    }
    for (i, d) in doc.disciplines.iter().enumerate().take(16) {
        phrases.extend(phrase(mapper, Source::Discipline(i as u8), d, 0.7));
    }
    let offers = doc
        .offers
        .iter()
        .fold(0, |acc, o| match o.trim().to_lowercase().as_str() {
            "funding" => acc | FUNDING,
            "teaching" => acc | TEACHING,
            _ => acc,
        });
    let region = doc.home_region.or_else(|| {
        doc.home_commune
            .as_deref()
            .and_then(|c| gazetteer.region_of(c))
    });
    ExpertFeatures {
        r#ref: doc.r#ref.clone().into(),
        phrases: Phrases::pack(&phrases),
        languages: doc
            .languages
            .iter()
            .filter_map(|l| Code::new(&normalize_code(l)))
            .collect(),
        windows: doc
            .availability
            .iter()
            .map(|w| (w.from.to_julian_day(), w.to.to_julian_day()))
            .collect(),
        modes: modes(&doc.modes),
        offers,
        region,
        commune: doc.home_commune.as_deref().and_then(place_hash),
        doctorate: doc.degree.as_deref().is_some_and(is_doctorate),
        country: Code::new(&doc.residence_country),
        disciplines: doc
            .disciplines
            .iter()
            .map(|d| fold(d))
            .filter(|d| !d.is_empty())
            .map(String::into_boxed_str)
            .collect(),
    }
}

/// Builds an opportunity's features.
pub fn opportunity(
    doc: &OpportunityDoc,
    mapper: &mut dyn PhraseMapper,
    gazetteer: &Gazetteer,
) -> OpportunityFeatures {
    let mut phrases = Vec::new();
    for (i, s) in doc.skills.iter().enumerate().take(64) {
        phrases.extend(phrase(mapper, Source::Skill(i as u8), s, 1.0));
    }
    for part in segments(&doc.title) {
        phrases.extend(phrase(mapper, Source::Title, part, 0.8));
    }
    if let Some(d) = &doc.discipline {
        phrases.extend(phrase(mapper, Source::Discipline(0), d, 0.7));
    }
    let region = doc
        .region
        .or_else(|| doc.commune.as_deref().and_then(|c| gazetteer.region_of(c)));
    let dates = match (doc.start, doc.end) {
        (Some(s), Some(e)) => Some((s.to_julian_day(), e.to_julian_day())),
        (Some(s), None) => Some((s.to_julian_day(), s.to_julian_day())),
        (None, Some(e)) => Some((e.to_julian_day(), e.to_julian_day())),
        (None, None) => None,
    };
    OpportunityFeatures {
        r#ref: doc.r#ref.clone().into(),
        kind: doc.kind,
        phrases: Phrases::pack(&phrases),
        language: doc
            .language
            .as_deref()
            .and_then(|l| Code::new(&normalize_code(l))),
        region,
        commune: doc.commune.as_deref().and_then(place_hash),
        dates,
        mode: doc
            .mode
            .as_deref()
            .map(|m| modes(&[m.to_string()]))
            .unwrap_or(0),
        seeks_funding: doc.funding_sought_eur.is_some_and(|f| f > 0.0),
        doctoral: doc.level.as_deref().is_some_and(|l| {
            let l = fold(l);
            l.starts_with("doct") || l.contains("phd")
        }),
        discipline: doc
            .discipline
            .as_deref()
            .map(fold)
            .filter(|d| !d.is_empty())
            .map(String::into_boxed_str),
    }
}

/// Julian day of a date.
pub fn day(date: Date) -> i32 {
    date.to_julian_day()
}
