//! Remembered results: a ranking for a given document, or a search for a given query, stays
//! valid until the engine changes. Every write (upsert, delete, clear, commit) moves the engine
//! to a new epoch, and a result remembered at an older epoch is never returned.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::matching::Match;
use crate::search::SearchResults;

/// Most rankings kept (about 20 KB each with their reasons); past this the memo starts afresh.
pub const MEMO_CAPACITY: usize = 1024;

/// Most search result pages kept (each holds its facet counts, so fewer than rankings).
pub const SEARCH_MEMO_CAPACITY: usize = 256;

struct MemoState<T> {
    epoch: u64,
    entries: HashMap<String, Arc<T>>,
}

/// Results by key, for one epoch, at most `capacity` of them.
pub struct Memo<T> {
    capacity: usize,
    state: Mutex<MemoState<T>>,
}

/// Rankings by key (direction, limit and the whole query document).
pub type RankingMemo = Memo<Vec<Match>>;

/// Search result pages by key (the whole query).
pub type SearchMemo = Memo<SearchResults>;

impl<T> Memo<T> {
    /// An empty memo keeping at most `capacity` results.
    pub fn with_capacity(capacity: usize) -> Self {
        Memo {
            capacity,
            state: Mutex::new(MemoState {
                epoch: 0,
                entries: HashMap::new(),
            }),
        }
    }

    /// The result remembered for `key` at `epoch`, if any.
    pub fn get(&self, epoch: u64, key: &str) -> Option<Arc<T>> {
        let mut state = self.state.lock().ok()?;
        if state.epoch != epoch {
            if epoch > state.epoch {
                state.epoch = epoch;
                state.entries.clear();
            }
            return None;
        }
        state.entries.get(key).cloned()
    }

    /// Remembers `result`, computed at `epoch`, unless the engine has moved on since.
    pub fn put(&self, epoch: u64, key: String, result: Arc<T>) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if epoch < state.epoch {
            return;
        }
        if epoch > state.epoch || state.entries.len() >= self.capacity {
            state.epoch = epoch;
            state.entries.clear();
        }
        state.entries.insert(key, result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocKind;

    fn ranking(r: &str) -> Arc<Vec<Match>> {
        Arc::new(vec![Match {
            r#ref: r.into(),
            kind: DocKind::Expert,
            score: 1.0,
            eligible: true,
            reasons: Vec::new(),
        }])
    }

    #[test]
    fn a_ranking_is_kept_only_for_its_epoch() {
        let memo = RankingMemo::with_capacity(MEMO_CAPACITY);
        memo.put(1, "k".into(), ranking("E1"));
        assert_eq!(memo.get(1, "k").unwrap()[0].r#ref, "E1");
        assert!(memo.get(1, "other").is_none());
        // The engine changed: the old ranking is gone, and a late write of it is refused.
        assert!(memo.get(2, "k").is_none());
        memo.put(1, "k".into(), ranking("E1"));
        assert!(memo.get(2, "k").is_none());
        memo.put(2, "k".into(), ranking("E2"));
        assert_eq!(memo.get(2, "k").unwrap()[0].r#ref, "E2");
    }

    #[test]
    fn a_search_is_remembered_until_the_engine_changes() {
        use crate::{Engine, SearchQuery};
        let engine = Engine::open_in_ram().unwrap();
        let q = SearchQuery {
            kind: DocKind::Mission,
            text: String::new(),
            region: None,
            language: None,
            discipline: None,
            country: None,
            limit: 20,
            offset: 0,
        };
        let first = engine.search_memo(&q);
        assert_eq!(first.total, 0);
        assert!(
            Arc::ptr_eq(&first, &engine.search_memo(&q)),
            "served from the memo"
        );
        engine.clear().unwrap();
        assert!(
            !Arc::ptr_eq(&first, &engine.search_memo(&q)),
            "a write forgets it"
        );
    }

    #[test]
    fn the_memo_stays_bounded() {
        let memo = RankingMemo::with_capacity(MEMO_CAPACITY);
        for i in 0..MEMO_CAPACITY + 10 {
            memo.put(1, format!("k{i}"), ranking("E"));
        }
        assert!(memo.state.lock().unwrap().entries.len() <= MEMO_CAPACITY);
        assert!(memo.get(1, &format!("k{}", MEMO_CAPACITY + 9)).is_some());
    }
}
