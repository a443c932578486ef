//! Remembered rankings: the result of a ranking for a given document stays valid until
//! the engine changes. Every write (upsert, delete, clear, commit) moves the engine to a new
//! epoch, and a remembered ranking of an older epoch is never returned.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::matching::Match;

/// Most rankings kept; past this the memo starts afresh.
pub const MEMO_CAPACITY: usize = 4096;

#[derive(Default)]
struct MemoState {
    epoch: u64,
    entries: HashMap<String, Arc<Vec<Match>>>,
}

/// Rankings by key (direction, limit and the whole query document), for one epoch.
#[derive(Default)]
pub struct RankingMemo {
    state: Mutex<MemoState>,
}

impl RankingMemo {
    /// The ranking remembered for `key` at `epoch`, if any.
    pub fn get(&self, epoch: u64, key: &str) -> Option<Arc<Vec<Match>>> {
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

    /// Remembers `ranking`, computed at `epoch`, unless the engine has moved on since.
    pub fn put(&self, epoch: u64, key: String, ranking: Arc<Vec<Match>>) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if epoch < state.epoch {
            return;
        }
        if epoch > state.epoch || state.entries.len() >= MEMO_CAPACITY {
            state.epoch = epoch;
            state.entries.clear();
        }
        state.entries.insert(key, ranking);
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
        let memo = RankingMemo::default();
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
    fn the_memo_stays_bounded() {
        let memo = RankingMemo::default();
        for i in 0..MEMO_CAPACITY + 10 {
            memo.put(1, format!("k{i}"), ranking("E"));
        }
        assert!(memo.state.lock().unwrap().entries.len() <= MEMO_CAPACITY);
        assert!(memo.get(1, &format!("k{}", MEMO_CAPACITY + 9)).is_some());
    }
}
