//! Criterion benchmarks: indexing and matching on deterministic synthetic data (skills drawn
//! from the vocabulary in French and English, all regions, many countries, availability).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use passerelle_index::synth::Generator;
use passerelle_index::{DocKind, Engine, SearchQuery, Vocabulary};

const EXPERTS: usize = 20_000;
const OPPORTUNITIES: usize = 2_000;

fn indexing(c: &mut Criterion) {
    let mut generator = Generator::new(Vocabulary::bundled(), 7);
    let experts: Vec<_> = (0..2_000).map(|n| generator.expert(n)).collect();
    let mut group = c.benchmark_group("indexing");
    group.sample_size(10);
    group.bench_function("2000 experts into RAM + commit", |b| {
        b.iter(|| {
            let engine = Engine::open_in_ram().expect("engine");
            for e in &experts {
                engine.upsert_expert(e).expect("upsert");
            }
            engine.commit(1).expect("commit");
            black_box(engine.counts())
        })
    });
    group.finish();
}

fn matching(c: &mut Criterion) {
    let mut generator = Generator::new(Vocabulary::bundled(), 42);
    let engine = Engine::open_in_ram().expect("engine");
    let experts: Vec<_> = (0..EXPERTS).map(|n| generator.expert(n)).collect();
    let opps: Vec<_> = (0..OPPORTUNITIES)
        .map(|n| generator.opportunity(n))
        .collect();
    for e in &experts {
        engine.upsert_expert(e).expect("upsert");
    }
    for o in &opps {
        engine.upsert_opportunity(o).expect("upsert");
    }
    engine.commit(1).expect("commit");
    let mut group = c.benchmark_group("matching");
    let mut i = 0;
    group.bench_function("match_experts top 20 (20k experts)", |b| {
        b.iter(|| {
            i = (i + 1) % opps.len();
            black_box(engine.match_experts(&opps[i], 20))
        })
    });
    group.bench_function("match_opportunities top 20 (2k opportunities)", |b| {
        b.iter(|| {
            i = (i + 1) % experts.len();
            black_box(engine.match_opportunities(&experts[i], 20))
        })
    });
    group.bench_function("search experts with facets", |b| {
        b.iter(|| {
            i = (i + 1) % opps.len();
            black_box(engine.search(&SearchQuery {
                kind: DocKind::Expert,
                text: opps[i].skills[0].clone(),
                region: None,
                language: Some("fr".into()),
                discipline: None,
                country: None,
                limit: 20,
                offset: 0,
            }))
        })
    });
    group.finish();
}

criterion_group!(benches, indexing, matching);
criterion_main!(benches);
