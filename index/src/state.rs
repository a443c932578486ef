//! The engine's in-memory state: feature slots by document key, counts and statistics.

use std::collections::HashMap;

use crate::document::OpportunityKind;
use crate::engine::IndexCounts;
use crate::features::{ExpertFeatures, OpportunityFeatures};
use crate::stats::Stats;
use crate::vocabulary::Vocabulary;

/// Features of one document.
#[derive(Debug, Clone)]
pub enum Item {
    /// An expert.
    Expert(ExpertFeatures),
    /// A mission or project.
    Opportunity(OpportunityFeatures),
}

/// Slots, features and statistics. Slots are never reused, so a search that still sees a
/// replaced or deleted document finds either the new features or none.
#[derive(Debug, Default)]
pub struct State {
    slots: HashMap<String, u32>,
    /// Features by slot.
    pub items: Vec<Option<Item>>,
    next: u32,
    /// Statistics over experts.
    pub experts: Stats,
    /// Statistics over opportunities.
    pub opportunities: Stats,
    /// Document counts.
    pub counts: IndexCounts,
}

impl State {
    /// The slot of `key`, allocating one for a new document.
    pub fn slot_for(&mut self, key: &str) -> u32 {
        if let Some(slot) = self.slots.get(key) {
            return *slot;
        }
        let slot = self.next;
        self.next += 1;
        self.slots.insert(key.to_string(), slot);
        slot
    }

    /// Puts features at `slot`, replacing (and uncounting) what was there.
    pub fn put(&mut self, slot: u32, item: Item, vocab: &Vocabulary) {
        let key = match &item {
            Item::Expert(e) => crate::schema::key(crate::DocKind::Expert, &e.r#ref),
            Item::Opportunity(o) => crate::schema::key(o.kind.into(), &o.r#ref),
        };
        self.slots.insert(key, slot);
        self.next = self.next.max(slot + 1);
        let index = slot as usize;
        if self.items.len() <= index {
            self.items.resize(index + 1, None);
        }
        if let Some(old) = self.items[index].take() {
            self.account(&old, vocab, -1);
        }
        self.account(&item, vocab, 1);
        self.items[index] = Some(item);
    }

    /// Removes the document with `key`, if present.
    pub fn remove(&mut self, key: &str, vocab: &Vocabulary) {
        if let Some(slot) = self.slots.remove(key)
            && let Some(old) = self.items.get_mut(slot as usize).and_then(Option::take)
        {
            self.account(&old, vocab, -1);
        }
    }

    /// Forgets every document (slots keep increasing).
    pub fn clear(&mut self) {
        let next = self.next;
        *self = State::default();
        self.next = next;
    }

    fn account(&mut self, item: &Item, vocab: &Vocabulary, sign: i32) {
        let bump = |n: &mut usize| {
            *n = if sign > 0 {
                *n + 1
            } else {
                n.saturating_sub(1)
            };
        };
        match item {
            Item::Expert(e) => {
                self.experts.update(&e.phrases.list(), vocab, sign);
                bump(&mut self.counts.experts);
            }
            Item::Opportunity(o) => {
                self.opportunities.update(&o.phrases.list(), vocab, sign);
                match o.kind {
                    OpportunityKind::Mission => bump(&mut self.counts.missions),
                    OpportunityKind::Project => bump(&mut self.counts.projects),
                }
            }
        }
    }

    /// The expert at `slot`.
    pub fn expert(&self, slot: u32) -> Option<&ExpertFeatures> {
        match self.items.get(slot as usize)? {
            Some(Item::Expert(e)) => Some(e),
            _ => None,
        }
    }

    /// The opportunity at `slot`.
    pub fn opportunity(&self, slot: u32) -> Option<&OpportunityFeatures> {
        match self.items.get(slot as usize)? {
            Some(Item::Opportunity(o)) => Some(o),
            _ => None,
        }
    }
}
