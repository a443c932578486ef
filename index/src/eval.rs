//! Ranking quality metrics against graded judgements: nDCG@10 (gain 2^grade − 1),
//! precision@5 and recall@10 (grade ≥ 1 is relevant) and MRR, overall and per kind.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::OpportunityKind;

/// One judgement: how well `expert` fits `opportunity` (2 excellent, 1 plausible, 0 not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Qrel {
    /// Opportunity ref.
    pub opportunity: String,
    /// Expert ref.
    pub expert: String,
    /// Grade.
    pub grade: u8,
}

/// Mean metrics over a set of opportunities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Opportunities evaluated (those with at least one relevant expert).
    pub queries: usize,
    /// Mean nDCG@10.
    pub ndcg_at_10: f64,
    /// Mean precision@5.
    pub precision_at_5: f64,
    /// Mean recall@10.
    pub recall_at_10: f64,
    /// Mean reciprocal rank of the first relevant expert.
    pub mrr: f64,
}

/// Metrics overall and per kind of opportunity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// All opportunities.
    pub overall: Metrics,
    /// Missions only.
    pub missions: Metrics,
    /// Projects only.
    pub projects: Metrics,
}

fn gain(grade: u8) -> f64 {
    2f64.powi(i32::from(grade.min(10))) - 1.0
}

fn discount(rank: usize) -> f64 {
    1.0 / ((rank + 2) as f64).log2()
}

/// (nDCG@10, P@5, R@10, RR) of one ranking against its grades.
fn score(ranking: &[String], grades: &HashMap<&str, u8>) -> [f64; 4] {
    let grade = |r: &String| grades.get(r.as_str()).copied().unwrap_or(0);
    let dcg: f64 = ranking
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, r)| gain(grade(r)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| gain(*g) * discount(i))
        .sum();
    let relevant = grades.values().filter(|g| **g >= 1).count();
    let hits5 = ranking.iter().take(5).filter(|r| grade(r) >= 1).count();
    let hits10 = ranking.iter().take(10).filter(|r| grade(r) >= 1).count();
    let rr = ranking
        .iter()
        .position(|r| grade(r) >= 1)
        .map(|p| 1.0 / (p + 1) as f64)
        .unwrap_or(0.0);
    [
        if idcg > 0.0 { dcg / idcg } else { 0.0 },
        hits5 as f64 / 5.0,
        if relevant > 0 {
            hits10 as f64 / relevant as f64
        } else {
            0.0
        },
        rr,
    ]
}

fn mean(rows: &[[f64; 4]]) -> Metrics {
    let n = rows.len();
    if n == 0 {
        return Metrics::default();
    }
    let avg = |i: usize| rows.iter().map(|r| r[i]).sum::<f64>() / n as f64;
    Metrics {
        queries: n,
        ndcg_at_10: avg(0),
        precision_at_5: avg(1),
        recall_at_10: avg(2),
        mrr: avg(3),
    }
}

/// Evaluates rankings (opportunity ref, kind, ranked expert refs) against judgements.
/// Opportunities without any relevant judgement are left out.
pub fn evaluate(runs: &[(String, OpportunityKind, Vec<String>)], qrels: &[Qrel]) -> EvalReport {
    let mut by_opp: HashMap<&str, HashMap<&str, u8>> = HashMap::new();
    for q in qrels {
        by_opp
            .entry(q.opportunity.as_str())
            .or_default()
            .insert(q.expert.as_str(), q.grade);
    }
    let mut all = Vec::new();
    let mut missions = Vec::new();
    let mut projects = Vec::new();
    for (opp, kind, ranking) in runs {
        let Some(grades) = by_opp.get(opp.as_str()) else {
            continue;
        };
        if !grades.values().any(|g| *g >= 1) {
            continue;
        }
        let row = score(ranking, grades);
        all.push(row);
        match kind {
            OpportunityKind::Mission => missions.push(row),
            OpportunityKind::Project => projects.push(row),
        }
    }
    EvalReport {
        overall: mean(&all),
        missions: mean(&missions),
        projects: mean(&projects),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(o: &str, e: &str, g: u8) -> Qrel {
        Qrel {
            opportunity: o.into(),
            expert: e.into(),
            grade: g,
        }
    }

    fn refs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hand_computed_case() {
        // M1: grades a=2, b=1; ranking [x, a, b]. DCG = 3/log2(3) + 1/log2(4) = 1.8928 + 0.5;
        // IDCG = 3 + 1/log2(3) = 3.6309; nDCG = 0.6589. P@5 = 2/5, R@10 = 1, RR = 1/2.
        // P1: grade c=1; ranking [c]: all metrics 1.
        let qrels = vec![q("M1", "a", 2), q("M1", "b", 1), q("P1", "c", 1)];
        let runs = vec![
            (
                "M1".to_string(),
                OpportunityKind::Mission,
                refs(&["x", "a", "b"]),
            ),
            ("P1".to_string(), OpportunityKind::Project, refs(&["c"])),
        ];
        let r = evaluate(&runs, &qrels);
        assert!(
            (r.missions.ndcg_at_10 - 0.6589).abs() < 1e-3,
            "{}",
            r.missions.ndcg_at_10
        );
        assert!((r.missions.precision_at_5 - 0.4).abs() < 1e-9);
        assert!((r.missions.recall_at_10 - 1.0).abs() < 1e-9);
        assert!((r.missions.mrr - 0.5).abs() < 1e-9);
        assert!((r.projects.ndcg_at_10 - 1.0).abs() < 1e-9);
        assert_eq!(r.overall.queries, 2);
        assert!((r.overall.mrr - 0.75).abs() < 1e-9);
    }

    #[test]
    fn unjudged_opportunities_are_skipped() {
        let r = evaluate(&[("Z".into(), OpportunityKind::Mission, refs(&["a"]))], &[]);
        assert_eq!(r.overall.queries, 0);
    }
}
