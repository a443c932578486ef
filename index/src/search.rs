//! Free-text search over one kind of document, with facet filters and facet counts.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::document::DocKind;
use crate::engine::Engine;
use crate::region::{Region, fold};
use crate::retrieve::{self, Filters};
use crate::state::Item;

/// A free-text search with optional facet filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Which kind of document to search.
    pub kind: DocKind,
    /// Free text (may be empty: then every document passing the filters, in ref order).
    pub text: String,
    /// Region filter (experts: home region; opportunities: place).
    pub region: Option<Region>,
    /// Language filter (ISO 639 code).
    pub language: Option<String>,
    /// Discipline or sector filter (case and accents ignored).
    pub discipline: Option<String>,
    /// Country of residence filter (experts, ISO alpha-2).
    pub country: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The document's ref.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// BM25 score (0 when the text is empty).
    pub score: f32,
}

/// Counts of each facet value among all the documents that matched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// Region ids ("kayes"; "remote" for remote opportunities).
    pub region: Vec<(String, usize)>,
    /// Language codes.
    pub language: Vec<(String, usize)>,
    /// Folded disciplines / sectors.
    pub discipline: Vec<(String, usize)>,
    /// Country codes (upper-case).
    pub country: Vec<(String, usize)>,
}

/// A page of search results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of documents that matched.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<SearchHit>,
    /// Facet counts over all matches.
    pub facets: Facets,
}

/// Collects (score, slot) for every matching document.
struct SlotCollector;

struct SlotSegment {
    column: Option<Column<u64>>,
    found: Vec<(Score, u64)>,
}

impl Collector for SlotCollector {
    type Fruit = Vec<(Score, u64)>;
    type Child = SlotSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SlotSegment> {
        Ok(SlotSegment {
            column: segment.fast_fields().u64("slot").ok(),
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(Score, u64)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SlotSegment {
    type Fruit = Vec<(Score, u64)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(slot) = self.column.as_ref().and_then(|c| c.first(doc)) {
            self.found.push((score, slot));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

/// Facet value counts, with a fast hasher for the short keys.
type Counts<'a> =
    HashMap<&'a str, usize, std::hash::BuildHasherDefault<crate::fasthash::IntHasher>>;

fn sorted(counts: Counts<'_>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

fn facets<'a>(items: &[&'a Item]) -> Facets {
    let mut region: Counts<'a> = Counts::default();
    let mut language: Counts<'a> = Counts::default();
    let mut discipline: Counts<'a> = Counts::default();
    let mut country: Counts<'a> = Counts::default();
    for item in items {
        match item {
            Item::Expert(e) => {
                if let Some(r) = e.region {
                    *region.entry(r.id()).or_insert(0) += 1;
                }
                for l in e.languages.iter() {
                    *language.entry(l.as_str()).or_insert(0) += 1;
                }
                for d in e.disciplines.iter() {
                    *discipline.entry(d).or_insert(0) += 1;
                }
                if let Some(c) = &e.country {
                    *country.entry(c.as_str()).or_insert(0) += 1;
                }
            }
            Item::Opportunity(o) => {
                *region
                    .entry(o.region.map(|r| r.id()).unwrap_or("remote"))
                    .or_insert(0) += 1;
                if let Some(l) = &o.language {
                    *language.entry(l.as_str()).or_insert(0) += 1;
                }
                if let Some(d) = &o.discipline {
                    *discipline.entry(d).or_insert(0) += 1;
                }
            }
        }
    }
    let mut country = sorted(country);
    for (c, _) in &mut country {
        *c = c.to_uppercase();
    }
    Facets {
        region: sorted(region),
        language: sorted(language),
        discipline: sorted(discipline),
        country,
    }
}

fn ref_of(item: &Item) -> &str {
    match item {
        Item::Expert(e) => &e.r#ref,
        Item::Opportunity(o) => &o.r#ref,
    }
}

impl Engine {
    /// Free-text search over one kind of document, with facet filters and counts.
    pub fn search(&self, q: &SearchQuery) -> SearchResults {
        let mut filters = Filters {
            kinds: vec![q.kind],
            terms: Vec::new(),
            any_of: Vec::new(),
        };
        if let Some(r) = q.region {
            filters.terms.push((self.fields.region, r.id().to_string()));
        }
        if let Some(l) = q.language.as_deref().filter(|l| !l.trim().is_empty()) {
            filters
                .terms
                .push((self.fields.language, crate::lang::normalize_code(l)));
        }
        if let Some(d) = q.discipline.as_deref().map(fold).filter(|d| !d.is_empty()) {
            filters.terms.push((self.fields.discipline, d));
        }
        if let Some(c) = q.country.as_deref().filter(|c| !c.trim().is_empty()) {
            filters
                .terms
                .push((self.fields.country, c.trim().to_lowercase()));
        }
        let mut clauses = retrieve::filter_clauses(&self.fields, &filters);
        let text = retrieve::text_clauses(&self.fields, crate::schema::side(q.kind), &q.text);
        if !text.is_empty() {
            clauses.push((
                Occur::Must,
                Box::new(BooleanQuery::new(text)) as Box<dyn Query>,
            ));
        } else if !q.text.trim().is_empty() {
            return SearchResults::default();
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let Ok(found) = searcher.search(&query, &SlotCollector) else {
            return SearchResults::default();
        };
        let Ok(state) = self.state.read() else {
            return SearchResults::default();
        };
        let mut hits: Vec<(f32, &Item)> = found
            .iter()
            .filter_map(|(score, slot)| Some((*score, state.items.get(*slot as usize)?.as_ref()?)))
            .collect();
        let items: Vec<&Item> = hits.iter().map(|(_, item)| *item).collect();
        let facets = facets(&items);
        let total = hits.len();
        let by_rank = |a: &(f32, &Item), b: &(f32, &Item)| {
            b.0.total_cmp(&a.0).then(ref_of(a.1).cmp(ref_of(b.1)))
        };
        let end = q.offset.saturating_add(q.limit).min(total);
        if end > 0 && end < total {
            hits.select_nth_unstable_by(end - 1, by_rank);
            hits.truncate(end);
        }
        hits.sort_by(by_rank);
        SearchResults {
            total,
            facets,
            hits: hits
                .into_iter()
                .skip(q.offset)
                .take(q.limit)
                .map(|(score, item)| SearchHit {
                    r#ref: ref_of(item).to_string(),
                    score,
                })
                .collect(),
        }
    }
}
