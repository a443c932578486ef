//! Matching quality on the hand-judged dev set (../../shared/data/dev): our engine against
//! plain BM25, nDCG@10 overall and per kind.

use std::path::PathBuf;

use passerelle_index::document::{parse_jsonl, parse_missions, parse_projects};
use passerelle_index::{Engine, EvalReport, ExpertDoc, Lang, OpportunityDoc, Qrel, evaluate};

fn dev_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/dev")
}

fn read(name: &str) -> String {
    let path = dev_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn print(label: &str, r: &EvalReport) {
    println!(
        "{label:>8}: nDCG@10 overall {:.3} | missions {:.3} | projects {:.3} || P@5 {:.3} R@10 {:.3} MRR {:.3}",
        r.overall.ndcg_at_10,
        r.missions.ndcg_at_10,
        r.projects.ndcg_at_10,
        r.overall.precision_at_5,
        r.overall.recall_at_10,
        r.overall.mrr
    );
}

#[test]
fn dev_set_quality() {
    let experts: Vec<ExpertDoc> =
        parse_jsonl(&read("experts.jsonl"), "experts.jsonl").expect("experts");
    let mut opportunities: Vec<OpportunityDoc> =
        parse_missions(&read("missions.jsonl"), "missions.jsonl").expect("missions");
    opportunities
        .extend(parse_projects(&read("projects.jsonl"), "projects.jsonl").expect("projects"));
    let qrels: Vec<Qrel> = parse_jsonl(&read("qrels.jsonl"), "qrels.jsonl").expect("qrels");

    let engine = Engine::open_in_ram().expect("engine");
    for e in &experts {
        engine.upsert_expert(e).expect("upsert expert");
    }
    for o in &opportunities {
        engine.upsert_opportunity(o).expect("upsert opportunity");
    }
    engine.commit(1).expect("commit");

    let mut ours = Vec::new();
    let mut bm25 = Vec::new();
    for o in &opportunities {
        let matches = engine.match_experts(o, 10);
        println!("{} {}", o.r#ref, o.title);
        let show = std::env::var("DEV_SHOW")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3);
        for m in matches.iter().take(show) {
            let why: Vec<String> = m.reasons.iter().map(|r| r.text(Lang::Fr)).collect();
            println!(
                "   {} {:.3} {} [{}]",
                m.r#ref,
                m.score,
                if m.eligible { "ok" } else { "--" },
                why.join("; ")
            );
        }
        ours.push((
            o.r#ref.clone(),
            o.kind,
            matches.into_iter().map(|m| m.r#ref).collect(),
        ));
        bm25.push((o.r#ref.clone(), o.kind, engine.bm25_experts(o, 10)));
    }
    let ours = evaluate(&ours, &qrels);
    let bm25 = evaluate(&bm25, &qrels);
    print("engine", &ours);
    print("bm25", &bm25);
    assert!(
        ours.overall.ndcg_at_10 >= 0.80,
        "nDCG@10 {:.3} < 0.80",
        ours.overall.ndcg_at_10
    );
}

#[test]
fn dev_set_expert_view() {
    let experts: Vec<ExpertDoc> =
        parse_jsonl(&read("experts.jsonl"), "experts.jsonl").expect("experts");
    let mut opportunities: Vec<OpportunityDoc> =
        parse_missions(&read("missions.jsonl"), "missions.jsonl").expect("missions");
    opportunities
        .extend(parse_projects(&read("projects.jsonl"), "projects.jsonl").expect("projects"));
    let qrels: Vec<Qrel> = parse_jsonl(&read("qrels.jsonl"), "qrels.jsonl").expect("qrels");
    let engine = Engine::open_in_ram().expect("engine");
    for e in &experts {
        engine.upsert_expert(e).expect("upsert expert");
    }
    for o in &opportunities {
        engine.upsert_opportunity(o).expect("upsert opportunity");
    }
    engine.commit(1).expect("commit");
    // Every excellent fit (grade 2) should show the opportunity among the expert's top 3.
    let mut found = 0;
    let mut total = 0;
    for q in qrels.iter().filter(|q| q.grade == 2) {
        let expert = experts
            .iter()
            .find(|e| e.r#ref == q.expert)
            .expect("judged expert");
        let top: Vec<String> = engine
            .match_opportunities(expert, 3)
            .into_iter()
            .map(|m| m.r#ref)
            .collect();
        total += 1;
        if top.contains(&q.opportunity) {
            found += 1;
        } else {
            println!("{} misses {} in {top:?}", q.expert, q.opportunity);
        }
    }
    println!("expert view: {found}/{total} excellent fits in the expert's top 3");
    assert!(found * 10 >= total * 8, "{found}/{total}");
}
