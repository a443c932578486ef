//! The tantivy schema and the conversion of documents into tantivy documents.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

use crate::analyzers::{ENGLISH, FRENCH, KEYWORD, ROOTS};
use crate::document::DocKind;
use crate::features::{Phrase, unpack};
use crate::roots;
use crate::vocabulary::Vocabulary;

/// Handles on the schema's fields.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The tantivy schema.
    pub schema: Schema,
    /// "expert" | "mission" | "project".
    pub kind: Field,
    /// "kind:ref", unique per document, used for updates and deletes.
    pub key: Field,
    /// In-memory feature slot (fast field).
    pub slot: Field,
    /// The document as JSON (stored only).
    pub json: Field,
    /// Text analysed in French.
    pub text_fr: Field,
    /// Text analysed in English.
    pub text_en: Field,
    /// Cross-lingual roots of the text, per side ([experts, opportunities]).
    pub roots: [Field; 2],
    /// Concepts of the skill phrases ("c123"), per side.
    pub concepts: [Field; 2],
    /// Broader concepts of the skill phrases (1–2 levels up), per side.
    pub broader: [Field; 2],
    /// Region id (home region or place of the opportunity).
    pub region: Field,
    /// Language codes.
    pub language: Field,
    /// Folded disciplines / sector.
    pub discipline: Field,
    /// Country of residence.
    pub country: Field,
    /// Experts: months ("2027-03") touched by an availability window, or "unknown".
    pub available: Field,
    /// Experts: modes accepted ("onsite", "remote"; both when unknown).
    pub modes: Field,
}

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    let option = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option),
    )
}

fn keyword() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    )
}

impl Fields {
    /// Builds the schema.
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        let kind = b.add_text_field("kind", keyword().set_stored());
        let key = b.add_text_field("key", keyword());
        let slot = b.add_u64_field("slot", FAST | STORED | INDEXED);
        let json = b.add_text_field("json", STORED);
        let text_fr = b.add_text_field("text_fr", text(FRENCH, false));
        let text_en = b.add_text_field("text_en", text(ENGLISH, false));
        let roots = [
            b.add_text_field("expert_roots", text(ROOTS, false)),
            b.add_text_field("opportunity_roots", text(ROOTS, false)),
        ];
        let concepts = [
            b.add_text_field("expert_concepts", keyword()),
            b.add_text_field("opportunity_concepts", keyword()),
        ];
        let broader = [
            b.add_text_field("expert_broader", keyword()),
            b.add_text_field("opportunity_broader", keyword()),
        ];
        let region = b.add_text_field("region", keyword());
        let language = b.add_text_field("language", keyword());
        let discipline = b.add_text_field("discipline", keyword());
        let country = b.add_text_field("country", keyword());
        let available = b.add_text_field("available", keyword());
        let modes = b.add_text_field("modes", keyword());
        Fields {
            schema: b.build(),
            kind,
            key,
            slot,
            json,
            text_fr,
            text_en,
            roots,
            concepts,
            broader,
            region,
            language,
            discipline,
            country,
            available,
            modes,
        }
    }

    /// A document with the parts every kind shares.
    pub fn base(
        &self,
        kind: DocKind,
        r#ref: &str,
        slot: u64,
        json: String,
        body: &str,
    ) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.kind, kind.as_str());
        doc.add_text(self.key, key(kind, r#ref));
        doc.add_u64(self.slot, slot);
        doc.add_text(self.json, json);
        doc.add_text(self.text_fr, body);
        doc.add_text(self.text_en, body);
        doc.add_text(self.roots[side(kind)], roots::roots(body).join(" "));
        doc
    }

    /// Adds the concept and broader-concept terms of `phrases`.
    pub fn add_concepts(
        &self,
        doc: &mut TantivyDocument,
        kind: DocKind,
        phrases: &[Phrase<'_>],
        vocab: &Vocabulary,
    ) {
        let side = side(kind);
        let mut seen: Vec<u32> = Vec::new();
        let mut up: Vec<u32> = Vec::new();
        for p in phrases {
            for packed in p.concepts.iter() {
                for &(x, level) in vocab.ancestors(unpack(*packed).0) {
                    if level == 0 { seen.push(x) } else { up.push(x) }
                }
            }
        }
        for list in [&mut seen, &mut up] {
            list.sort_unstable();
            list.dedup();
        }
        for c in seen {
            doc.add_text(self.concepts[side], concept_term(c));
        }
        for c in up {
            doc.add_text(self.broader[side], concept_term(c));
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}

/// Index of a kind's side in the per-side fields: 0 for experts, 1 for opportunities.
pub fn side(kind: DocKind) -> usize {
    usize::from(kind != DocKind::Expert)
}

/// The month term of a Julian day ("2027-03").
pub fn month_term(day: i32) -> String {
    match time::Date::from_julian_day(day) {
        Ok(d) => format!("{:04}-{:02}", d.year(), u8::from(d.month())),
        Err(_) => "invalid".into(),
    }
}

/// The month terms of availability windows (at most 60 months per window), or "unknown".
pub fn availability_terms(windows: &[(i32, i32)]) -> Vec<String> {
    if windows.is_empty() {
        return vec!["unknown".into()];
    }
    let mut out: Vec<String> = Vec::new();
    for (from, to) in windows.iter().filter(|(a, b)| a <= b) {
        let mut day = *from;
        while day <= *to && out.len() < 600 {
            let term = month_term(day);
            if !out.contains(&term) {
                out.push(term);
            }
            day += 28;
        }
        let last = month_term(*to);
        if !out.contains(&last) {
            out.push(last);
        }
    }
    out
}

/// The unique key of a document.
pub fn key(kind: DocKind, r#ref: &str) -> String {
    format!("{}:{}", kind.as_str(), r#ref)
}

/// The indexed term of a concept.
pub fn concept_term(concept: u32) -> String {
    format!("c{concept}")
}
