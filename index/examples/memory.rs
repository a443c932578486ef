//! Prints the resident memory taken by the shipped vocabulary and gazetteer.
//!
//! `cargo run --release -p passerelle-index --example memory`

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

/// Resident memory in MB, and its anonymous (heap) part.
fn rss() -> String {
    format!(
        "{:.0} MB (heap {:.0} MB, mapped files {:.0} MB)",
        status_mb("VmRSS:"),
        status_mb("RssAnon:"),
        status_mb("RssFile:")
    )
}

fn main() {
    println!("start: RSS {}", rss());
    let g = passerelle_index::Gazetteer::bundled();
    println!("gazetteer ({} names): RSS {}", g.len(), rss());
    let v = passerelle_index::Vocabulary::bundled();
    println!("vocabulary ({} concepts): RSS {}", v.len(), rss());
    let e = passerelle_index::Engine::open_in_ram().expect("engine");
    println!("empty engine: RSS {} ({:?})", rss(), e.counts());
}
