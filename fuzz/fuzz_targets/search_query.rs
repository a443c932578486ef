//! Fuzzes the search and matching entry points with arbitrary user text: free text, region,
//! language, discipline and country filters, paging, and an opportunity title used for
//! matching. None of them may panic, and a page never holds more hits than asked for.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passerelle_index::synth::Generator;
use passerelle_index::{DocKind, Engine, Region, SearchQuery, Vocabulary};

/// An in-memory index of synthetic experts and opportunities, built once per process.
fn engine() -> &'static (Engine, passerelle_index::OpportunityDoc) {
    static ENGINE: OnceLock<(Engine, passerelle_index::OpportunityDoc)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let engine = Engine::open_in_ram().expect("index in memory");
        let mut generator = Generator::new(Vocabulary::bundled(), 11);
        for n in 0..300 {
            engine.upsert_expert(&generator.expert(n)).unwrap();
        }
        let mut first = None;
        for n in 0..60 {
            let doc = generator.opportunity(n);
            engine.upsert_opportunity(&doc).unwrap();
            first.get_or_insert(doc);
        }
        engine.commit(1).unwrap();
        (engine, first.unwrap())
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (engine, template) = engine();
    // Fields separated by U+001F (unit separator): text, region, language, discipline, country.
    let mut fields = text.split('\u{1f}');
    let mut next = || fields.next().map(str::to_string);
    let free = next().unwrap_or_default();
    let region = next().and_then(|r| Region::parse(&r));
    let language = next();
    let discipline = next();
    let country = next();
    let limit = data.first().map(|b| (*b as usize) % 40).unwrap_or(10);
    let offset = data.last().map(|b| (*b as usize) * 3).unwrap_or(0);
    for kind in [DocKind::Expert, DocKind::Mission, DocKind::Project] {
        let results = engine.search(&SearchQuery {
            kind,
            text: free.clone(),
            region,
            language: language.clone(),
            discipline: discipline.clone(),
            country: country.clone(),
            limit,
            offset,
        });
        assert!(results.hits.len() <= limit);
    }
    let mut wanted = template.clone();
    wanted.title = free.clone();
    wanted.description = free;
    wanted.skills = text.split(['\u{1f}', ',']).take(8).map(str::to_string).collect();
    let matches = engine.match_experts(&wanted, 10);
    assert!(matches.len() <= 10);
});
