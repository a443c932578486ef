//! Plain BM25 ranking (no vocabulary, no roots, no constraints), kept as a yardstick for
//! the matching quality figures.

use tantivy::Term;
use tantivy::query::{Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::Language;

use crate::analyzers::analyze;
use crate::document::{DocKind, OpportunityDoc};
use crate::engine::{Engine, opportunity_body};
use crate::retrieve::{self, Filters};

impl Engine {
    /// Expert refs ranked by plain BM25 of the opportunity's text against the experts'
    /// French- and English-analysed text.
    pub fn bm25_experts(&self, opportunity: &OpportunityDoc, limit: usize) -> Vec<String> {
        let body = opportunity_body(opportunity);
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, lang) in [
            (self.fields.text_fr, Language::French),
            (self.fields.text_en, Language::English),
        ] {
            let mut words = analyze(lang, &body);
            words.sort();
            words.dedup();
            for w in words {
                let q = TermQuery::new(
                    Term::from_field_text(field, &w),
                    IndexRecordOption::WithFreqs,
                );
                should.push((Occur::Should, Box::new(q)));
            }
        }
        let filters = Filters {
            kinds: vec![DocKind::Expert],
            terms: Vec::new(),
            any_of: Vec::new(),
        };
        let searcher = self.reader.searcher();
        let Ok(state) = self.state.read() else {
            return Vec::new();
        };
        retrieve::run(&searcher, &self.fields, should, &filters, limit)
            .into_iter()
            .filter_map(|(slot, _, _)| state.expert(slot).map(|e| e.r#ref.to_string()))
            .collect()
    }
}
