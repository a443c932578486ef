//! Passerelle's search and matching engine: a tantivy index of experts, missions and
//! village projects, bilingual analyzers, the skills vocabulary, scoring and explanations.
//! It knows nothing of SQL or HTTP: the app feeds it documents and asks it questions.
//!
//! How a match is made ([`Engine::match_experts`]; the other direction is symmetric):
//! 1. every skill phrase, headline role, title part and discipline becomes a [`features::Phrase`]:
//!    its set of cross-lingual [`roots`] and the [`vocabulary`] concepts it maps to
//!    ([`phrase`]: exact label, partial label, acronym), kept compactly in memory per document;
//! 2. candidates come from tantivy ([`retrieve`]): concept ids (and their broader concepts,
//!    indexed at write time) weighted by specificity, plus BM25 over roots; roots and concepts
//!    too common to discriminate are left out of the query;
//! 3. each candidate is reranked in Rust: hard constraints ([`constraints`]) first, then skill
//!    evidence ([`scoring`]: same words, shared concept, broader/narrower concept, shared roots,
//!    weighted by IDF over the indexed documents, [`stats`]), text similarity, discipline,
//!    doctorate, and for village projects origin (through the [`gazetteer`]) and funding;
//! 4. the top matches carry typed [`Reason`]s quoting both sides' words, in French and English.

#![warn(missing_docs)]

pub mod analyzers;
mod assess;
pub mod baseline;
pub mod constraints;
pub mod document;
pub mod engine;
pub mod error;
pub mod eval;
pub mod explain;
pub mod fasthash;
pub mod features;
pub mod gazetteer;
pub mod hierarchy;
pub mod humanize;
pub mod lang;
pub mod matching;
pub mod memo;
pub mod phrase;
mod reasons;
pub mod region;
pub mod retrieve;
pub mod roots;
pub mod schema;
pub mod scoring;
pub mod search;
mod state;
pub mod stats;
pub mod suggest;
pub mod synth;
pub mod vocabulary;

pub use document::{DateWindow, DocKind, ExpertDoc, OpportunityDoc, OpportunityKind};
pub use engine::{Engine, IndexCounts};
pub use error::IndexError;
pub use eval::{EvalReport, Metrics, Qrel, evaluate};
pub use explain::{Mode, Reason, Relation};
pub use gazetteer::Gazetteer;
pub use lang::Lang;
pub use matching::Match;
pub use region::Region;
pub use search::{Facets, SearchHit, SearchQuery, SearchResults};
pub use vocabulary::Vocabulary;
