//! Compact prefix lookup of vocabulary labels for the skills datalist.

/// Labels for prefix suggestions, packed in one string: (start, folded length, display length).
#[derive(Default)]
pub struct Suggestions {
    arena: String,
    entries: Vec<(u32, u16, u16)>,
}

impl Suggestions {
    /// Packs (folded, display) label pairs, sorted and deduplicated by folded form.
    pub fn build(mut pairs: Vec<(String, String)>) -> Suggestions {
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let mut out = Suggestions::default();
        for (folded, display) in pairs {
            let (Ok(f), Ok(d)) = (u16::try_from(folded.len()), u16::try_from(display.len())) else {
                continue;
            };
            let Ok(start) = u32::try_from(out.arena.len()) else {
                break;
            };
            out.arena.push_str(&folded);
            out.arena.push_str(&display);
            out.entries.push((start, f, d));
        }
        out.arena.shrink_to_fit();
        out.entries.shrink_to_fit();
        out
    }

    fn folded(&self, i: usize) -> &str {
        let (s, f, _) = self.entries[i];
        &self.arena[s as usize..s as usize + f as usize]
    }

    fn display(&self, i: usize) -> &str {
        let (s, f, d) = self.entries[i];
        let start = s as usize + f as usize;
        &self.arena[start..start + d as usize]
    }

    /// Display forms whose folded form starts with `key` (at most 2,000).
    pub fn starting_with(&self, key: &str) -> Vec<&str> {
        let n = self.entries.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.folded(mid) < key {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        (lo..n)
            .take_while(|i| self.folded(*i).starts_with(key))
            .take(2000)
            .map(|i| self.display(i))
            .collect()
    }
}
