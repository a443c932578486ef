//! Shows which vocabulary concepts free-text skill phrases map to.
//!
//! `cargo run -p passerelle-index --example map_phrase -- "SIG" "hydrogéologie"`

use passerelle_index::{Lang, Vocabulary};

fn main() {
    let vocab = Vocabulary::bundled();
    for phrase in std::env::args().skip(1) {
        println!("{phrase}");
        for hit in vocab.map_phrase(&phrase) {
            let broader: Vec<&str> = vocab
                .broader(hit.concept)
                .iter()
                .map(|b| vocab.label(*b, Lang::En))
                .collect();
            println!(
                "  {:.2} {:?} {} | {} | {} (broader: {})",
                hit.strength,
                hit.kind,
                vocab
                    .concept(hit.concept)
                    .map(|c| c.id.as_str())
                    .unwrap_or(""),
                vocab.label(hit.concept, Lang::Fr),
                vocab.label(hit.concept, Lang::En),
                broader.join(", ")
            );
        }
    }
}
