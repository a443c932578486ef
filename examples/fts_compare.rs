//! Side by side: Passerelle's matching engine and a plain PostgreSQL full-text search
//! (`tsvector` over the experts' headline, skills, disciplines and bio, ranked by
//! `ts_rank`), what a team would build without Passerelle. Both rank experts for the same
//! judged opportunities; the example prints nDCG@10, P@5, recall@10, MRR and latency
//! percentiles of each, and their ratios.
//!
//! Run by `bench/fts.sh`, which imports `../shared/data/dev` into a scratch PostgreSQL
//! database and reindexes first:
//! `cargo run --release --example fts_compare -- --database-url URL --data-dir DIR --qrels F`

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use passerelle::commands::matching::{open_engine, opportunity_doc};
use passerelle::config::Settings;
use passerelle::store::Db;
use passerelle_index::{EvalReport, Metrics, OpportunityDoc, OpportunityKind, Qrel, evaluate};

/// Command line of the comparison.
#[derive(Parser)]
struct Args {
    /// PostgreSQL database holding the imported records.
    #[arg(long)]
    database_url: String,
    /// Data folder whose index was rebuilt from that database.
    #[arg(long)]
    data_dir: PathBuf,
    /// Relevance judgements (JSON Lines).
    #[arg(long, default_value = "../shared/data/dev/qrels.jsonl")]
    qrels: PathBuf,
    /// Times each opportunity is queried for the latency figures.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

/// How deep each system ranks.
const DEPTH: usize = 100;

/// The text a team would search with: the opportunity's title, skills and discipline,
/// every word optional (`or`), so that long postings still find partial matches.
fn query_text(doc: &OpportunityDoc) -> String {
    let mut words = Vec::new();
    let mut text = doc.title.clone();
    for s in &doc.skills {
        text.push(' ');
        text.push_str(s);
    }
    if let Some(d) = &doc.discipline {
        text.push(' ');
        text.push_str(d);
    }
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() > 2 && !words.iter().any(|x: &String| x == &w.to_lowercase()) {
            words.push(w.to_lowercase());
        }
    }
    words.join(" or ")
}

const PREPARE: [&str; 3] = [
    "DROP TABLE IF EXISTS bench_fts_experts",
    "CREATE TABLE bench_fts_experts AS SELECT ref, \
       to_tsvector('french', headline || ' ' || skills || ' ' || disciplines || ' ' || coalesce(bio, '')) || \
       to_tsvector('english', headline || ' ' || skills || ' ' || disciplines || ' ' || coalesce(bio, '')) AS doc \
     FROM experts WHERE hidden = 0",
    "CREATE INDEX bench_fts_experts_doc ON bench_fts_experts USING gin (doc)",
];

const SEARCH: &str = "SELECT ref, ts_rank(doc, q)::float8 AS rank FROM bench_fts_experts, \
     (SELECT websearch_to_tsquery('french', $1) || websearch_to_tsquery('english', $1) AS q) AS query \
     WHERE doc @@ q ORDER BY rank DESC, ref LIMIT $2";

async fn fts_rank(db: &Db, text: &str) -> anyhow::Result<Vec<String>> {
    let rows: Vec<(String, f64)> = sqlx::query_as(SEARCH)
        .bind(text)
        .bind(DEPTH as i64)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn row(name: &str, m: &Metrics, lat: &[Duration]) {
    println!(
        "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {:.2} | {:.2} |",
        m.ndcg_at_10,
        m.precision_at_5,
        m.recall_at_10,
        m.mrr,
        percentile(lat, 0.5),
        percentile(lat, 0.99)
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    anyhow::ensure!(
        args.database_url.starts_with("postgres"),
        "--database-url must name a PostgreSQL database"
    );
    let text = std::fs::read_to_string(&args.qrels)
        .with_context(|| format!("cannot read {}", args.qrels.display()))?;
    let qrels: Vec<Qrel> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .context("qrels")?;
    let settings = Settings {
        data_dir: args.data_dir.clone(),
        database_url: args.database_url.clone(),
        db_wait: Duration::from_secs(5),
    };
    let db = Db::connect(&args.database_url, settings.db_wait).await?;
    for statement in PREPARE {
        sqlx::query(statement).execute(&db.pool).await?;
    }
    let engine = open_engine(&settings, &db).await?;

    let wanted: BTreeSet<String> = qrels.iter().map(|q| q.opportunity.clone()).collect();
    let mut docs = Vec::new();
    for r in &wanted {
        docs.push(
            opportunity_doc(&db, r)
                .await
                .with_context(|| format!("{r} is not imported"))?,
        );
    }
    let mut ours: Vec<(String, OpportunityKind, Vec<String>)> = Vec::new();
    let mut theirs: Vec<(String, OpportunityKind, Vec<String>)> = Vec::new();
    let (mut ours_lat, mut theirs_lat) = (Vec::new(), Vec::new());
    for round in 0..args.rounds.max(1) {
        for doc in &docs {
            let started = Instant::now();
            let ranked: Vec<String> = engine
                .match_experts(doc, DEPTH)
                .into_iter()
                .map(|m| m.r#ref)
                .collect();
            ours_lat.push(started.elapsed());
            let q = query_text(doc);
            let started = Instant::now();
            let fts = fts_rank(&db, &q).await?;
            theirs_lat.push(started.elapsed());
            if round == 0 {
                ours.push((doc.r#ref.clone(), doc.kind, ranked));
                theirs.push((doc.r#ref.clone(), doc.kind, fts));
            }
        }
    }
    ours_lat.sort();
    theirs_lat.sort();
    let a: EvalReport = evaluate(&ours, &qrels);
    let b: EvalReport = evaluate(&theirs, &qrels);
    sqlx::query(PREPARE[0]).execute(&db.pool).await?;
    db.close().await;

    println!(
        "\n{} judged opportunities, {} queries each side\n",
        docs.len(),
        ours_lat.len()
    );
    println!("| system | nDCG@10 | P@5 | recall@10 | MRR | p50 ms | p99 ms |");
    println!("|---|---|---|---|---|---|---|");
    row("Passerelle (engine)", &a.overall, &ours_lat);
    row("PostgreSQL FTS (ts_rank)", &b.overall, &theirs_lat);
    let ratio = |x: f64, y: f64| if y > 0.0 { x / y } else { f64::INFINITY };
    println!(
        "| ratio Passerelle / FTS | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
        ratio(a.overall.ndcg_at_10, b.overall.ndcg_at_10),
        ratio(a.overall.precision_at_5, b.overall.precision_at_5),
        ratio(a.overall.recall_at_10, b.overall.recall_at_10),
        ratio(a.overall.mrr, b.overall.mrr),
        ratio(percentile(&ours_lat, 0.5), percentile(&theirs_lat, 0.5)),
        ratio(percentile(&ours_lat, 0.99), percentile(&theirs_lat, 0.99)),
    );
    println!(
        "\nnDCG@10 by kind: Passerelle missions {:.3} projects {:.3}; FTS missions {:.3} projects {:.3}",
        a.missions.ndcg_at_10, a.projects.ndcg_at_10, b.missions.ndcg_at_10, b.projects.ndcg_at_10
    );
    println!(
        "Latency: the engine in process; FTS over a loopback connection to PostgreSQL (what an app pays)."
    );
    Ok(())
}
