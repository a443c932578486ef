//! Candidate retrieval with tantivy: a concept query (vocabulary ids, weighted by
//! specificity) and a BM25 text query (French, English and cross-lingual roots), each
//! restricted to the wanted kinds and filters; results come back as feature slots.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::Language;
use tantivy::{DocAddress, Searcher, Term};

use crate::analyzers::analyze;
use crate::document::DocKind;
use crate::roots;
use crate::schema::{Fields, concept_term};

/// Most distinct words taken from a free-text search.
const MAX_TEXT_TERMS: usize = 48;
/// Fewest roots kept in a matching query, even when they are all common.
const MIN_MATCH_TERMS: usize = 4;
/// Most distinct roots taken from a document used as a query when matching.
const MAX_MATCH_TERMS: usize = 32;

/// A weighted concept term for retrieval.
#[derive(Debug, Clone, Copy)]
pub struct ConceptTerm {
    /// The concept.
    pub concept: u32,
    /// Its boost.
    pub boost: f32,
    /// Search the broader-concepts field instead of the concepts field.
    pub in_broader: bool,
}

/// Term filters every candidate must pass, plus the kinds wanted.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Kinds wanted (any of).
    pub kinds: Vec<DocKind>,
    /// (field, value) pairs that must all match.
    pub terms: Vec<(Field, String)>,
    /// Groups of (field, value) pairs: each group must match at least one of its pairs.
    pub any_of: Vec<Vec<(Field, String)>>,
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::WithFreqs,
    ))
}

/// The filter clauses (scored zero) for `filters`.
pub fn filter_clauses(fields: &Fields, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
    let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !filters.kinds.is_empty() {
        let kinds: Vec<(Occur, Box<dyn Query>)> = filters
            .kinds
            .iter()
            .map(|k| (Occur::Should, term_query(fields.kind, k.as_str())))
            .collect();
        out.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(kinds)),
                0.0,
            )),
        ));
    }
    for (field, value) in &filters.terms {
        out.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(term_query(*field, value), 0.0)),
        ));
    }
    for group in &filters.any_of {
        let any: Vec<(Occur, Box<dyn Query>)> = group
            .iter()
            .map(|(f, v)| (Occur::Should, term_query(*f, v)))
            .collect();
        out.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0)),
        ));
    }
    out
}

/// The text clauses for `text`: stemmed French and English words and cross-lingual roots.
pub fn text_clauses(fields: &Fields, side: usize, text: &str) -> Vec<(Occur, Box<dyn Query>)> {
    let mut seen: Vec<(Field, String)> = Vec::new();
    let fr = analyze(Language::French, text);
    let en = analyze(Language::English, text);
    let rt = roots::roots(text);
    let n = fr.len().max(en.len()).max(rt.len());
    for i in 0..n {
        for (field, list) in [
            (fields.text_fr, &fr),
            (fields.text_en, &en),
            (fields.roots[side], &rt),
        ] {
            if let Some(t) = list.get(i)
                && !seen.iter().any(|(f, s)| *f == field && s == t)
                && seen.len() < MAX_TEXT_TERMS * 3
            {
                seen.push((field, t.clone()));
            }
        }
    }
    seen.into_iter()
        .map(|(f, t)| (Occur::Should, term_query(f, &t)))
        .collect()
}

/// The text clauses for matching a whole document against others: its first distinct
/// cross-lingual roots (except those `skip` rejects as too common) (the title and skills come first in the text), so that French and
/// English wordings of the same word meet while the query stays small.
pub fn match_clauses(
    fields: &Fields,
    side: usize,
    text: &str,
    skip: impl Fn(&str) -> bool,
) -> Vec<(Occur, Box<dyn Query>)> {
    let mut seen: Vec<String> = Vec::new();
    let mut common: Vec<String> = Vec::new();
    for r in roots::roots(text) {
        if seen.len() >= MAX_MATCH_TERMS {
            break;
        }
        if seen.contains(&r) || common.contains(&r) {
            continue;
        }
        if skip(&r) {
            common.push(r)
        } else {
            seen.push(r)
        }
    }
    // Never leave the query empty: fall back on the first common roots.
    let missing = MIN_MATCH_TERMS.saturating_sub(seen.len());
    seen.extend(common.into_iter().take(missing));
    seen.into_iter()
        .map(|t| (Occur::Should, term_query(fields.roots[side], &t)))
        .collect()
}

/// The concept clauses for `terms`.
pub fn concept_clauses(
    fields: &Fields,
    side: usize,
    terms: &[ConceptTerm],
) -> Vec<(Occur, Box<dyn Query>)> {
    terms
        .iter()
        .map(|t| {
            let field = if t.in_broader {
                fields.broader[side]
            } else {
                fields.concepts[side]
            };
            let q: Box<dyn Query> = Box::new(BoostQuery::new(
                term_query(field, &concept_term(t.concept)),
                t.boost,
            ));
            (Occur::Should, q)
        })
        .collect()
}

/// Runs `should` (at least one must match) under `filters`, returning up to `k`
/// (slot, score, address).
pub fn run(
    searcher: &Searcher,
    fields: &Fields,
    should: Vec<(Occur, Box<dyn Query>)>,
    filters: &Filters,
    k: usize,
) -> Vec<(u32, f32, DocAddress)> {
    if should.is_empty() || k == 0 {
        return Vec::new();
    }
    let mut clauses = filter_clauses(fields, filters);
    let query = if clauses.is_empty() {
        BooleanQuery::new(should)
    } else {
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(should))));
        BooleanQuery::new(clauses)
    };
    let Ok(top) = searcher.search(&query, &TopDocs::with_limit(k).order_by_score()) else {
        return Vec::new();
    };
    let mut columns = HashMap::new();
    let mut out = Vec::with_capacity(top.len());
    for (score, address) in top {
        let column = columns.entry(address.segment_ord).or_insert_with(|| {
            searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("slot")
                .ok()
        });
        if let Some(slot) = column.as_ref().and_then(|c| c.first(address.doc_id)) {
            out.push((slot as u32, score, address));
        }
    }
    out
}
