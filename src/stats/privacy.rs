//! Small-count protection beyond the "< 5" rule: when a table hides exactly one cell, its
//! value could be recovered by subtracting the others from a published total, so the next
//! smallest cell is published as a range too (complementary suppression).

use passerelle_templates::stats::figure::Figure;

/// Publishes raw counts: 1–4 become "< 5", and a lone hidden cell gets a companion range.
pub fn protect(counts: &[u64]) -> Vec<Figure> {
    let mut out: Vec<Figure> = counts.iter().map(|n| Figure::count(*n)).collect();
    let hidden = out.iter().filter(|f| f.is_suppressed()).count();
    if hidden == 1
        && let Some((i, n)) = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n >= passerelle_templates::stats::figure::SUPPRESSION_THRESHOLD)
            .min_by_key(|(_, n)| **n)
    {
        // A range four wide on each side keeps the sum of the table from pinning the hidden cell.
        out[i] = Figure::Range(n.saturating_sub(4).max(1), n + 4);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_and_a_lone_one_gets_a_companion() {
        let f = protect(&[12, 3, 40, 0]);
        assert_eq!(f[1], Figure::Suppressed);
        assert_eq!(
            f[0],
            Figure::Range(8, 16),
            "the smallest published cell becomes a range"
        );
        assert_eq!(f[2], Figure::Count(40));
        assert_eq!(f[3], Figure::Count(0));
    }

    #[test]
    fn two_hidden_cells_protect_each_other() {
        let f = protect(&[2, 3, 9]);
        assert_eq!(
            f,
            vec![Figure::Suppressed, Figure::Suppressed, Figure::Count(9)]
        );
    }
}
