//! `passerelle reindex`, `match` and `eval`: the matching engine from the command line.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use passerelle_index::eval::{Qrel, evaluate};
use passerelle_index::{Engine, Lang, Match, OpportunityDoc, OpportunityKind};
use serde::Serialize;

use crate::cli::{EvalArgs, MatchArgs};
use crate::config::Settings;
use crate::search::convert::{expert_doc, mission_doc, project_doc};
use crate::search::{catch_up, rebuild};
use crate::store::{Db, StoreError, experts, missions, projects};

/// Opens the index of this data folder and brings it up to date with the database.
pub async fn open_engine(settings: &Settings, db: &Db) -> anyhow::Result<Engine> {
    let dir = settings.index_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let engine = Engine::open(&dir)
        .with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    catch_up(db, &engine).await?;
    Ok(engine)
}

/// `reindex`: rebuilds the index from scratch.
pub async fn reindex(settings: &Settings, db: &Db) -> anyhow::Result<()> {
    let started = Instant::now();
    let dir = settings.index_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let engine = Engine::open(&dir)
        .with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} reindex [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let done = rebuild(db, &engine, &bar).await?;
    println!(
        "reindexed {} experts, {} missions, {} projects in {:.1} s",
        done.experts,
        done.missions,
        done.projects,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Finds a mission or project by ref in the database, as an engine document.
pub async fn opportunity_doc(db: &Db, r#ref: &str) -> Result<OpportunityDoc, StoreError> {
    match missions::get(&db.pool, r#ref).await {
        Ok(m) => Ok(mission_doc(&m.mission)),
        Err(StoreError::NotFound) => projects::get(&db.pool, r#ref)
            .await
            .map(|p| project_doc(&p.project)),
        Err(e) => Err(e),
    }
}

/// One match as printed in JSON.
#[derive(Serialize)]
struct MatchLine {
    #[serde(skip_serializing_if = "Option::is_none")]
    expert: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    opportunity: Option<String>,
    score: f32,
    eligible: bool,
    reasons: Vec<String>,
}

fn lines(matches: &[Match], lang: Lang, experts_side: bool) -> Vec<MatchLine> {
    matches
        .iter()
        .map(|m| MatchLine {
            expert: experts_side.then(|| m.r#ref.clone()),
            opportunity: (!experts_side).then(|| m.r#ref.clone()),
            score: (m.score * 1000.0).round() / 1000.0,
            eligible: m.eligible,
            reasons: m.reasons.iter().map(|r| r.text(lang)).collect(),
        })
        .collect()
}

fn print_text(engine: &Engine, title: &str, matches: &[Match], lang: Lang, experts_side: bool) {
    println!("{title}");
    for (i, m) in matches.iter().enumerate() {
        let name = if experts_side {
            engine.expert(&m.r#ref).map(|e| e.name).unwrap_or_default()
        } else {
            engine
                .opportunity(&m.r#ref)
                .map(|o| o.title)
                .unwrap_or_default()
        };
        let mark = if m.eligible {
            ""
        } else {
            "  [contrainte non remplie / constraint not met]"
        };
        println!("{:>3}. {}  {}  {:.2}{mark}", i + 1, m.r#ref, name, m.score);
        for r in &m.reasons {
            println!("       - {}", r.text(lang));
        }
    }
}

/// `match`: ranks experts for an opportunity, opportunities for an expert, or every opportunity.
pub async fn run_match(settings: &Settings, db: &Db, args: &MatchArgs) -> anyhow::Result<()> {
    let lang = if args.lang.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Fr
    };
    let engine = open_engine(settings, db).await?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(r) = &args.opportunity {
        let doc = opportunity_doc(db, r).await.map_err(|e| match e {
            StoreError::NotFound => anyhow::anyhow!("no mission or project has ref {r}"),
            other => other.into(),
        })?;
        let matches = engine.match_experts(&doc, args.limit);
        if args.json {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"opportunity": r, "matches": lines(&matches, lang, true)}),
            )?;
            writeln!(out)?;
        } else {
            print_text(
                &engine,
                &format!("{r}  {}", doc.title),
                &matches,
                lang,
                true,
            );
        }
    } else if let Some(r) = &args.expert {
        let record = experts::get(&db.pool, r).await.map_err(|e| match e {
            StoreError::NotFound => anyhow::anyhow!("no expert has ref {r}"),
            other => other.into(),
        })?;
        let doc = expert_doc(&record.expert);
        let matches = engine.match_opportunities(&doc, args.limit);
        if args.json {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"expert": r, "matches": lines(&matches, lang, false)}),
            )?;
            writeln!(out)?;
        } else {
            print_text(
                &engine,
                &format!("{r}  {}", doc.name),
                &matches,
                lang,
                false,
            );
        }
    } else {
        for doc in published_opportunities(db).await? {
            let matches = engine.match_experts(&doc, args.limit);
            if args.json {
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({"opportunity": doc.r#ref, "matches": lines(&matches, lang, true)}),
                )?;
                writeln!(out)?;
            } else {
                print_text(
                    &engine,
                    &format!("{}  {}", doc.r#ref, doc.title),
                    &matches,
                    lang,
                    true,
                );
            }
        }
    }
    Ok(())
}

/// Every published mission and project, missions first, by ref.
async fn published_opportunities(db: &Db) -> Result<Vec<OpportunityDoc>, StoreError> {
    let mut docs: Vec<OpportunityDoc> = missions::all(&db.pool)
        .await?
        .into_iter()
        .filter(|m| crate::search::follower::is_public(m.status, m.hidden, m.organisation_verified))
        .map(|m| mission_doc(&m.mission))
        .collect();
    docs.extend(
        projects::all(&db.pool)
            .await?
            .into_iter()
            .filter(|p| {
                crate::search::follower::is_public(p.status, p.hidden, p.organisation_verified)
            })
            .map(|p| project_doc(&p.project)),
    );
    Ok(docs)
}

/// How deep each ranking is for evaluation.
const EVAL_DEPTH: usize = 100;

/// `eval`: nDCG@10, precision@5, recall@10 and MRR of the engine on the imported data.
pub async fn run_eval(settings: &Settings, db: &Db, args: &EvalArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.qrels)
        .with_context(|| format!("cannot read {}", args.qrels.display()))?;
    let mut qrels = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let q: Qrel = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a judgement", args.qrels.display(), i + 1))?;
        qrels.push(q);
    }
    let engine = open_engine(settings, db).await?;
    let wanted: BTreeSet<String> = qrels.iter().map(|q| q.opportunity.clone()).collect();
    let mut runs: Vec<(String, OpportunityKind, Vec<String>)> = Vec::new();
    for r in &wanted {
        match opportunity_doc(db, r).await {
            Ok(doc) => {
                let ranked = engine
                    .match_experts(&doc, EVAL_DEPTH)
                    .into_iter()
                    .map(|m| m.r#ref)
                    .collect();
                runs.push((r.clone(), doc.kind, ranked));
            }
            Err(StoreError::NotFound) => {
                eprintln!("warning: {r} is judged but not imported; skipped")
            }
            Err(e) => return Err(e.into()),
        }
    }
    anyhow::ensure!(
        !runs.is_empty(),
        "none of the judged opportunities is imported"
    );
    let report = evaluate(&runs, &qrels);
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "{:<10} {:>7} {:>8} {:>7} {:>9} {:>6}",
            "", "queries", "nDCG@10", "P@5", "recall@10", "MRR"
        );
        for (name, m) in [
            ("overall", report.overall),
            ("missions", report.missions),
            ("projects", report.projects),
        ] {
            println!(
                "{name:<10} {:>7} {:>8.3} {:>7.3} {:>9.3} {:>6.3}",
                m.queries, m.ndcg_at_10, m.precision_at_5, m.recall_at_10, m.mrr
            );
        }
    }
    Ok(())
}
