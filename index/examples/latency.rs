//! Builds 100,000 synthetic experts and 10,000 opportunities in an on-disk index and
//! prints the build time, match latencies (top 20 with reasons) and resident memory.
//! Queries run in a fresh child process that only opens the index, so its memory is what
//! a server holding the engine would use (file-backed pages are the mmap'd index).
//!
//! `cargo run --release -p passerelle-index --example latency [-- EXPERTS OPPORTUNITIES]`

use std::time::{Duration, Instant};

use passerelle_index::synth::Generator;
use passerelle_index::{DocKind, Engine, SearchQuery, Vocabulary};

fn percentiles(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    format!(
        "p50 {:.2} ms | p95 {:.2} ms | p99 {:.2} ms | max {:.2} ms",
        at(0.50).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    )
}

fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .map(|l| l.to_string())
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Resident memory, and its anonymous (heap) and file-backed (mmap'd index) parts.
fn rss() -> String {
    format!(
        "{:.0} MB (heap {:.0} MB, mapped files {:.0} MB)",
        status_mb("VmRSS:"),
        status_mb("RssAnon:"),
        status_mb("RssFile:")
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--query") {
        let dir = std::path::PathBuf::from(args.get(1).ok_or("missing dir")?);
        let counts: Vec<usize> = args.iter().skip(2).filter_map(|a| a.parse().ok()).collect();
        return query(&dir, counts[0], counts[1]);
    }
    let counts: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let n_experts = counts.first().copied().unwrap_or(100_000);
    let n_opps = counts.get(1).copied().unwrap_or(10_000);
    let vocab = Vocabulary::bundled();
    println!("vocabulary loaded: {} concepts, RSS {}", vocab.len(), rss());
    let mut generator = Generator::new(vocab, 42);
    let experts: Vec<_> = (0..n_experts).map(|n| generator.expert(n)).collect();
    let opps: Vec<_> = (0..n_opps).map(|n| generator.opportunity(n)).collect();
    let dir = tempfile::tempdir()?;
    let engine = Engine::open(dir.path())?;
    let start = Instant::now();
    for (i, e) in experts.iter().enumerate() {
        engine.upsert_expert(e)?;
        if i % 20_000 == 19_999 {
            engine.commit(i as i64)?;
        }
    }
    for o in &opps {
        engine.upsert_opportunity(o)?;
    }
    engine.commit(1)?;
    let build = start.elapsed();
    println!(
        "indexed {n_experts} experts + {n_opps} opportunities in {:.1} s (commits every 20,000); {:?}",
        build.as_secs_f64(),
        engine.counts()
    );
    drop(engine);
    // Query in a fresh process, so that its memory is the server's: engine + queries only.
    let status = std::process::Command::new(std::env::current_exe()?)
        .arg("--query")
        .arg(dir.path())
        .arg(n_experts.to_string())
        .arg(n_opps.to_string())
        .status()?;
    if !status.success() {
        return Err("query process failed".into());
    }
    Ok(())
}

fn query(
    dir: &std::path::Path,
    n_experts: usize,
    n_opps: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut generator = Generator::new(Vocabulary::bundled(), 42);
    let experts: Vec<_> = (0..n_experts)
        .map(|n| generator.expert(n))
        .filter(|e| e.r#ref.as_str() < "E001000")
        .collect();
    let opps: Vec<_> = (0..n_opps)
        .map(|n| generator.opportunity(n))
        .take(1000)
        .collect();
    let before = rss();
    let start = Instant::now();
    let engine = Engine::open(dir)?;
    println!(
        "opened in {:.1} s (cursor {:?}); RSS {} (before opening: {})",
        start.elapsed().as_secs_f64(),
        engine.cursor(),
        rss(),
        before
    );

    let mut times = Vec::new();
    let mut eligible = 0;
    for o in &opps {
        let t = Instant::now();
        let found = engine.match_experts(o, 20);
        times.push(t.elapsed());
        eligible += found.iter().filter(|m| m.eligible).count();
    }
    println!(
        "match_experts over {} opportunities (top 20, reasons): {} | eligible per query {:.1}",
        opps.len(),
        percentiles(times),
        eligible as f64 / opps.len().max(1) as f64
    );

    let mut times = Vec::new();
    for e in &experts {
        let t = Instant::now();
        let _ = engine.match_opportunities(e, 20);
        times.push(t.elapsed());
    }
    println!(
        "match_opportunities over {} experts (top 20, reasons): {}",
        experts.len(),
        percentiles(times)
    );

    let mut times = Vec::new();
    for o in &opps {
        let t = Instant::now();
        let _ = engine.search(&SearchQuery {
            kind: DocKind::Expert,
            text: o.skills[0].clone(),
            region: None,
            language: Some("fr".into()),
            discipline: None,
            country: None,
            limit: 20,
            offset: 0,
        });
        times.push(t.elapsed());
    }
    println!(
        "search experts (one skill, language filter, facets): {}",
        percentiles(times)
    );
    println!("RSS after queries: {}", rss());
    Ok(())
}
