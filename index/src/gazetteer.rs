//! Places of Mali (GeoNames towns and villages, cercles) tied to their region, shipped in
//! `data/places.csv` (see `data/SOURCES.md`), so that a home commune such as "Diéma" is
//! known to lie in the Kayes region.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::region::{Region, fold};

/// The gazetteer extract shipped with the crate.
const BUNDLED: &str = include_str!("../data/places.csv");

/// Name → region lookup for Malian places.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Folded name → (best rank seen, region votes at that rank).
    places: HashMap<String, (u8, Vec<(Region, u16)>)>,
}

impl Gazetteer {
    /// The gazetteer shipped with the crate, loaded once.
    pub fn bundled() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::parse(BUNDLED))
    }

    /// Parses `names,rank,cercle,region` lines (names `|`-separated); bad lines are skipped.
    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.rsplitn(4, ',').collect();
            let [region, cercle, rank, names] = cols.as_slice() else {
                continue;
            };
            let Some(region) = Region::parse(region) else {
                continue;
            };
            let rank: u8 = rank.parse().unwrap_or(2);
            for name in names.trim_matches('"').split('|') {
                g.add(name, rank, region);
            }
            g.add(cercle, 1, region);
        }
        g
    }

    fn add(&mut self, name: &str, rank: u8, region: Region) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let entry = self.places.entry(key).or_insert((rank, Vec::new()));
        if rank < entry.0 {
            *entry = (rank, Vec::new());
        }
        if rank == entry.0 {
            match entry.1.iter_mut().find(|(r, _)| *r == region) {
                Some((_, votes)) => *votes += 1,
                None => entry.1.push((region, 1)),
            }
        }
    }

    /// The region of a commune, village, town, cercle or region name, ignoring case and
    /// accents ("Diéma" → Kayes). Ambiguous names go to the region most places of that
    /// name belong to, preferring seats and admin units; ties give `None`.
    pub fn region_of(&self, place: &str) -> Option<Region> {
        if let Some(region) = Region::parse(place) {
            return Some(region);
        }
        let key = fold(place);
        let stripped = [
            "commune de ",
            "commune rurale de ",
            "cercle de ",
            "village de ",
        ]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(&key);
        let (_, votes) = self.places.get(stripped)?;
        let best = votes.iter().map(|(_, v)| *v).max()?;
        let mut top = votes.iter().filter(|(_, v)| *v == best);
        let first = top.next()?;
        top.next().is_none().then_some(first.0)
    }

    /// Number of distinct place names.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when no place is loaded.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn communes_resolve_to_their_region() {
        let g = Gazetteer::bundled();
        assert!(g.len() > 10_000);
        assert_eq!(g.region_of("Diéma"), Some(Region::Kayes));
        assert_eq!(g.region_of("diema"), Some(Region::Kayes));
        assert_eq!(g.region_of("Commune de Kolokani"), Some(Region::Koulikoro));
        assert_eq!(g.region_of("Bandiagara"), Some(Region::Mopti));
        assert_eq!(g.region_of("Ségou"), Some(Region::Segou));
        assert_eq!(g.region_of("Tombouctou"), Some(Region::Tombouctou));
    }

    #[test]
    fn unknown_places_are_none() {
        assert_eq!(Gazetteer::bundled().region_of("Lyon"), None);
        assert_eq!(Gazetteer::bundled().region_of(""), None);
    }
}
