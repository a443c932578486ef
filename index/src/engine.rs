//! The engine: one tantivy index (on disk or in RAM), one writer held for the engine's
//! life, a reader reloaded at each commit, and the in-memory features used for reranking.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use crate::document::{DocKind, ExpertDoc, OpportunityDoc};
use crate::error::IndexError;
use crate::features::{self, ExpertFeatures, OpportunityFeatures, PhraseMapper};
use crate::gazetteer::Gazetteer;
use crate::matching::Match;
use crate::memo::{MEMO_CAPACITY, RankingMemo, SEARCH_MEMO_CAPACITY, SearchMemo};
use crate::phrase::ConceptHit;
use crate::schema::{Fields, key};
use crate::search::{SearchQuery, SearchResults};
use crate::state::{Item, State};
use crate::vocabulary::Vocabulary;

/// Memory budget of the index writer, in bytes.
const WRITER_BUDGET: usize = 50_000_000;
/// Most phrases kept in the phrase → concepts cache.
const CACHE_LIMIT: usize = 20_000;

/// How many documents of each kind the engine holds (including uncommitted writes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexCounts {
    /// Experts.
    pub experts: usize,
    /// Missions.
    pub missions: usize,
    /// Projects.
    pub projects: usize,
}

/// The commit payload.
#[derive(Serialize, Deserialize)]
struct Payload {
    cursor: i64,
}

/// The search and matching engine. Cheap to share (`Arc<Engine>`); all methods take `&self`.
pub struct Engine {
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) vocab: Arc<Vocabulary>,
    pub(crate) gazetteer: &'static Gazetteer,
    pub(crate) state: RwLock<State>,
    index: Index,
    writer: Mutex<IndexWriter>,
    cursor: RwLock<Option<i64>>,
    cache: Mutex<HashMap<String, Vec<ConceptHit>>>,
    /// Moves on at every write; remembered rankings are valid for one epoch.
    epoch: AtomicU64,
    memo: RankingMemo,
    searches: SearchMemo,
}

/// A [`PhraseMapper`] that remembers earlier phrases.
pub(crate) struct CachedMapper<'a> {
    vocab: &'a Vocabulary,
    cache: &'a Mutex<HashMap<String, Vec<ConceptHit>>>,
}

impl PhraseMapper for CachedMapper<'_> {
    fn hits(&mut self, text: &str) -> Vec<ConceptHit> {
        if let Ok(cache) = self.cache.lock()
            && let Some(hits) = cache.get(text)
        {
            return hits.clone();
        }
        let hits = self.vocab.map_phrase(text);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(text.to_string(), hits.clone());
        }
        hits
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("counts", &self.counts())
            .finish()
    }
}

impl Engine {
    /// Creates or opens an on-disk index in `dir`, with the shipped vocabulary. An index
    /// with another schema (written by another version) is replaced by an empty one, whose
    /// [`Engine::cursor`] is `None`: the app then rebuilds it from its database.
    pub fn open(dir: &Path) -> Result<Engine, IndexError> {
        Self::open_with(Some(dir), Arc::clone(Vocabulary::bundled_arc()))
    }

    /// Creates an index in memory (for tests), with the shipped vocabulary.
    pub fn open_in_ram() -> Result<Engine, IndexError> {
        Self::open_with(None, Arc::clone(Vocabulary::bundled_arc()))
    }

    /// Opens an index on disk (`Some(dir)`) or in memory (`None`) with a given vocabulary
    /// (for instance one extended by the operator). Changing the vocabulary of an existing
    /// index needs a full rebuild ([`Engine::clear`], re-upsert, commit).
    pub fn open_with(dir: Option<&Path>, vocab: Arc<Vocabulary>) -> Result<Engine, IndexError> {
        let fields = Fields::new();
        let index = match dir {
            Some(dir) => {
                let fail = |message: String| IndexError::Directory {
                    path: dir.to_path_buf(),
                    message,
                };
                std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
                let directory = MmapDirectory::open(dir).map_err(|e| fail(e.to_string()))?;
                match Index::open_or_create(directory, fields.schema.clone()) {
                    // An index written by another version of this crate: it is only a cache of
                    // the database, so start afresh (cursor None tells the app to rebuild).
                    Err(TantivyError::SchemaError(_)) => {
                        std::fs::remove_dir_all(dir).map_err(|e| fail(e.to_string()))?;
                        std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
                        let directory =
                            MmapDirectory::open(dir).map_err(|e| fail(e.to_string()))?;
                        Index::create(directory, fields.schema.clone(), Default::default())?
                    }
                    other => other?,
                }
            }
            None => Index::create_in_ram(fields.schema.clone()),
        };
        crate::analyzers::register(index.tokenizers());
        let writer = index.writer(WRITER_BUDGET)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let cursor = index
            .load_metas()?
            .payload
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
            .map(|p| p.cursor);
        let engine = Engine {
            reader,
            fields,
            vocab,
            gazetteer: Gazetteer::bundled(),
            state: RwLock::new(State::default()),
            index,
            writer: Mutex::new(writer),
            cursor: RwLock::new(cursor),
            cache: Mutex::new(HashMap::new()),
            epoch: AtomicU64::new(1),
            memo: RankingMemo::with_capacity(MEMO_CAPACITY),
            searches: SearchMemo::with_capacity(SEARCH_MEMO_CAPACITY),
        };
        engine.load()?;
        Ok(engine)
    }

    /// Rebuilds the in-memory features from the stored documents. Reading a stored document
    /// and deriving its features is what opening a large index costs, so the documents are
    /// shared among the cores; the features are then added in document order, as before.
    fn load(&self) -> Result<(), IndexError> {
        let searcher = self.reader.searcher();
        let mut addresses = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let alive = segment.alive_bitset();
            addresses.extend(
                (0..segment.max_doc())
                    .filter(|doc| alive.is_none_or(|a| a.is_alive(*doc)))
                    .map(|doc| tantivy::DocAddress::new(ord as u32, doc)),
            );
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let chunk = addresses.len().div_ceil(threads).max(1);
        let parts: Vec<Result<Vec<(u32, Item)>, IndexError>> = std::thread::scope(|scope| {
            let workers: Vec<_> = addresses
                .chunks(chunk)
                .map(|part| {
                    let searcher = &searcher;
                    scope.spawn(move || {
                        part.iter()
                            .map(|address| self.load_one(searcher, *address))
                            .collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or(Err(IndexError::Poisoned)))
                .collect()
        });
        let mut state = State::default();
        for part in parts {
            for (slot, item) in part? {
                state.put(slot, item, &self.vocab);
            }
        }
        *self.state.write().map_err(|_| IndexError::Poisoned)? = state;
        if let Ok(mut cache) = self.cache.lock() {
            *cache = HashMap::new();
        }
        Ok(())
    }

    /// One stored document's slot and features.
    fn load_one(
        &self,
        searcher: &tantivy::Searcher,
        address: tantivy::DocAddress,
    ) -> Result<(u32, Item), IndexError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let slot = doc
            .get_first(self.fields.slot)
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as u32;
        let kind = doc
            .get_first(self.fields.kind)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let json = doc
            .get_first(self.fields.json)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let item = match kind {
            "expert" => Item::Expert(self.expert_features(&serde_json::from_str(json)?)),
            _ => Item::Opportunity(self.opportunity_features(&serde_json::from_str(json)?)),
        };
        Ok((slot, item))
    }

    pub(crate) fn mapper(&self) -> CachedMapper<'_> {
        CachedMapper {
            vocab: &self.vocab,
            cache: &self.cache,
        }
    }

    pub(crate) fn expert_features(&self, doc: &ExpertDoc) -> ExpertFeatures {
        features::expert(doc, &mut self.mapper(), self.gazetteer)
    }

    pub(crate) fn opportunity_features(&self, doc: &OpportunityDoc) -> OpportunityFeatures {
        features::opportunity(doc, &mut self.mapper(), self.gazetteer)
    }

    /// Adds or replaces an expert (visible to searches after the next [`Engine::commit`]).
    pub fn upsert_expert(&self, doc: &ExpertDoc) -> Result<(), IndexError> {
        self.touch();
        check_ref(&doc.r#ref)?;
        let feats = self.expert_features(doc);
        let body = expert_body(doc);
        let json = serde_json::to_string(doc)?;
        let writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        let mut state = self.state.write().map_err(|_| IndexError::Poisoned)?;
        let key = key(DocKind::Expert, &doc.r#ref);
        let slot = state.slot_for(&key);
        let mut tdoc = self
            .fields
            .base(DocKind::Expert, &doc.r#ref, u64::from(slot), json, &body);
        self.fields.add_concepts(
            &mut tdoc,
            DocKind::Expert,
            &feats.phrases.list(),
            &self.vocab,
        );
        if let Some(r) = feats.region {
            tdoc.add_text(self.fields.region, r.id());
        }
        for l in feats.languages.iter() {
            tdoc.add_text(self.fields.language, l.as_str());
        }
        if let Some(c) = feats.country {
            tdoc.add_text(self.fields.country, c.as_str());
        }
        for month in crate::schema::availability_terms(&feats.windows) {
            tdoc.add_text(self.fields.available, month);
        }
        for (bit, name) in [
            (crate::features::ONSITE, "onsite"),
            (crate::features::REMOTE, "remote"),
        ] {
            if feats.modes == 0 || feats.modes & bit != 0 {
                tdoc.add_text(self.fields.modes, name);
            }
        }
        for d in feats.disciplines.iter() {
            tdoc.add_text(self.fields.discipline, d);
        }
        writer.delete_term(Term::from_field_text(self.fields.key, &key));
        writer.add_document(tdoc)?;
        state.put(slot, Item::Expert(feats), &self.vocab);
        Ok(())
    }

    /// Adds or replaces a mission or project.
    pub fn upsert_opportunity(&self, doc: &OpportunityDoc) -> Result<(), IndexError> {
        self.touch();
        check_ref(&doc.r#ref)?;
        let feats = self.opportunity_features(doc);
        let body = opportunity_body(doc);
        let json = serde_json::to_string(doc)?;
        let kind = DocKind::from(doc.kind);
        let writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        let mut state = self.state.write().map_err(|_| IndexError::Poisoned)?;
        let key = key(kind, &doc.r#ref);
        let slot = state.slot_for(&key);
        let mut tdoc = self
            .fields
            .base(kind, &doc.r#ref, u64::from(slot), json, &body);
        self.fields
            .add_concepts(&mut tdoc, kind, &feats.phrases.list(), &self.vocab);
        tdoc.add_text(
            self.fields.region,
            feats.region.map(|r| r.id()).unwrap_or("remote"),
        );
        if let Some(l) = feats.language {
            tdoc.add_text(self.fields.language, l.as_str());
        }
        if let Some(d) = &feats.discipline {
            tdoc.add_text(self.fields.discipline, d);
        }
        writer.delete_term(Term::from_field_text(self.fields.key, &key));
        writer.add_document(tdoc)?;
        state.put(slot, Item::Opportunity(feats), &self.vocab);
        Ok(())
    }

    /// Removes a document (no error if it does not exist).
    pub fn delete(&self, kind: DocKind, r#ref: &str) -> Result<(), IndexError> {
        self.touch();
        let writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        let mut state = self.state.write().map_err(|_| IndexError::Poisoned)?;
        let key = key(kind, r#ref);
        writer.delete_term(Term::from_field_text(self.fields.key, &key));
        state.remove(&key, &self.vocab);
        Ok(())
    }

    /// Removes every document (for a full rebuild; commit afterwards).
    pub fn clear(&self) -> Result<(), IndexError> {
        self.touch();
        let writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        let mut state = self.state.write().map_err(|_| IndexError::Poisoned)?;
        writer.delete_all_documents()?;
        state.clear();
        Ok(())
    }

    /// Durably commits pending writes, records `cursor` in the commit payload and makes
    /// the writes visible to searches at once.
    pub fn commit(&self, cursor: i64) -> Result<(), IndexError> {
        let mut writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(&Payload { cursor })?);
        prepared.commit()?;
        self.reader.reload()?;
        self.touch();
        *self.cursor.write().map_err(|_| IndexError::Poisoned)? = Some(cursor);
        Ok(())
    }

    /// Moves the engine to a new epoch: rankings remembered before are no longer returned.
    fn touch(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
    }

    /// Like [`Engine::match_experts`], remembered until the next write to the engine
    /// (the same posting's ranked experts are asked for on every view of its page).
    pub fn match_experts_memo(
        &self,
        opportunity: &OpportunityDoc,
        limit: usize,
    ) -> Arc<Vec<Match>> {
        let key = format!(
            "x{limit}:{}",
            serde_json::to_string(opportunity).unwrap_or_default()
        );
        self.remembered(key, || self.match_experts(opportunity, limit))
    }

    /// Like [`Engine::match_opportunities`], remembered until the next write to the engine.
    pub fn match_opportunities_memo(&self, expert: &ExpertDoc, limit: usize) -> Arc<Vec<Match>> {
        let key = format!(
            "o{limit}:{}",
            serde_json::to_string(expert).unwrap_or_default()
        );
        self.remembered(key, || self.match_opportunities(expert, limit))
    }

    fn remembered(&self, key: String, rank: impl FnOnce() -> Vec<Match>) -> Arc<Vec<Match>> {
        let epoch = self.epoch.load(Ordering::SeqCst);
        if let Some(hit) = self.memo.get(epoch, &key) {
            return hit;
        }
        let ranking = Arc::new(rank());
        self.memo.put(epoch, key, ranking.clone());
        ranking
    }

    /// Like [`Engine::search`], remembered until the next write to the engine (the first
    /// page of a search without text, or of a popular query, is asked for again and again).
    pub fn search_memo(&self, q: &SearchQuery) -> Arc<SearchResults> {
        let epoch = self.epoch.load(Ordering::SeqCst);
        let key = serde_json::to_string(q).unwrap_or_default();
        if let Some(hit) = self.searches.get(epoch, &key) {
            return hit;
        }
        let results = Arc::new(self.search(q));
        self.searches.put(epoch, key, results.clone());
        results
    }

    /// The cursor recorded by the last commit (also after reopening).
    pub fn cursor(&self) -> Option<i64> {
        self.cursor.read().ok().and_then(|c| *c)
    }

    /// How many documents of each kind the engine holds.
    pub fn counts(&self) -> IndexCounts {
        self.state.read().map(|s| s.counts).unwrap_or_default()
    }

    /// The committed expert with this ref.
    pub fn expert(&self, r#ref: &str) -> Option<ExpertDoc> {
        serde_json::from_str(&self.stored_json(&key(DocKind::Expert, r#ref))?).ok()
    }

    /// The committed mission or project with this ref.
    pub fn opportunity(&self, r#ref: &str) -> Option<OpportunityDoc> {
        [DocKind::Mission, DocKind::Project]
            .iter()
            .find_map(|k| self.stored_json(&key(*k, r#ref)))
            .and_then(|json| serde_json::from_str(&json).ok())
    }

    fn stored_json(&self, key: &str) -> Option<String> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.key, key),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .ok()?;
        let (_, address) = top.first()?;
        let doc: TantivyDocument = searcher.doc(*address).ok()?;
        doc.get_first(self.fields.json)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    /// The tantivy index (for diagnostics).
    pub fn index(&self) -> &Index {
        &self.index
    }
}

fn check_ref(r#ref: &str) -> Result<(), IndexError> {
    if r#ref.trim().is_empty() || r#ref.len() > 200 {
        return Err(IndexError::Invalid {
            reference: r#ref.to_string(),
            message: "ref must be 1 to 200 bytes".into(),
        });
    }
    Ok(())
}

/// The text of an expert that BM25 sees.
pub(crate) fn expert_body(doc: &ExpertDoc) -> String {
    let mut parts = vec![doc.headline.as_str()];
    parts.extend(doc.skills.iter().map(String::as_str));
    parts.extend(doc.disciplines.iter().map(String::as_str));
    parts.extend(doc.bio.as_deref());
    parts.join(" \n ")
}

/// The text of an opportunity that BM25 sees.
pub(crate) fn opportunity_body(doc: &OpportunityDoc) -> String {
    let mut parts = vec![doc.title.as_str()];
    parts.extend(doc.skills.iter().map(String::as_str));
    parts.extend(doc.discipline.as_deref());
    parts.push(doc.description.as_str());
    parts.join(" \n ")
}
