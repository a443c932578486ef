//! Mali's eleven regions (the 2016 frame: Bamako district and ten regions), with
//! their names and the spellings people actually write, so that "Segou",
//! "Ségou" and "Région de Ségou" are one region.

use serde::{Deserialize, Serialize};

/// One of Mali's regions (and the District de Bamako), identified by a stable ascii id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// District de Bamako (ML-BKO).
    Bamako,
    /// Kayes (ML-1).
    Kayes,
    /// Koulikoro (ML-2).
    Koulikoro,
    /// Sikasso (ML-3).
    Sikasso,
    /// Ségou (ML-4).
    Segou,
    /// Mopti (ML-5).
    Mopti,
    /// Tombouctou (ML-6).
    Tombouctou,
    /// Gao (ML-7).
    Gao,
    /// Kidal (ML-8).
    Kidal,
    /// Ménaka (ML-9).
    Menaka,
    /// Taoudénit (ML-10); no open boundary polygon exists yet.
    Taoudenit,
}

/// Static facts about one region.
struct RegionInfo {
    region: Region,
    id: &'static str,
    name: &'static str,
    iso: &'static str,
    aliases: &'static [&'static str],
}

const REGIONS: &[RegionInfo] = &[
    RegionInfo {
        region: Region::Bamako,
        id: "bamako",
        name: "Bamako",
        iso: "ML-BKO",
        aliases: &["district de bamako", "bamako region", "bamakɔ"],
    },
    RegionInfo {
        region: Region::Kayes,
        id: "kayes",
        name: "Kayes",
        iso: "ML-1",
        aliases: &[
            "region de kayes",
            "kayes region",
            "kayi",
            "first region",
            "region i",
        ],
    },
    RegionInfo {
        region: Region::Koulikoro,
        id: "koulikoro",
        name: "Koulikoro",
        iso: "ML-2",
        aliases: &[
            "region de koulikoro",
            "koulikoro region",
            "kulikɔrɔ",
            "kulukɔrɔ",
            "second region",
            "region ii",
        ],
    },
    RegionInfo {
        region: Region::Sikasso,
        id: "sikasso",
        name: "Sikasso",
        iso: "ML-3",
        aliases: &[
            "region de sikasso",
            "sikasso region",
            "sikaso",
            "third region",
            "region iii",
        ],
    },
    RegionInfo {
        region: Region::Segou,
        id: "segou",
        name: "Ségou",
        iso: "ML-4",
        aliases: &[
            "region de segou",
            "segou region",
            "fourth region",
            "region iv",
        ],
    },
    RegionInfo {
        region: Region::Mopti,
        id: "mopti",
        name: "Mopti",
        iso: "ML-5",
        aliases: &[
            "region de mopti",
            "mopti region",
            "fifth region",
            "region v",
        ],
    },
    RegionInfo {
        region: Region::Tombouctou,
        id: "tombouctou",
        name: "Tombouctou",
        iso: "ML-6",
        aliases: &[
            "region de tombouctou",
            "tombouctou region",
            "timbuktu",
            "timbuktu region",
            "timbouctou",
            "tumutu",
            "sixth region",
            "region vi",
        ],
    },
    RegionInfo {
        region: Region::Gao,
        id: "gao",
        name: "Gao",
        iso: "ML-7",
        aliases: &[
            "region de gao",
            "gao region",
            "gawo",
            "seventh region",
            "region vii",
        ],
    },
    RegionInfo {
        region: Region::Kidal,
        id: "kidal",
        name: "Kidal",
        iso: "ML-8",
        aliases: &["region de kidal", "kidal region", "kidali", "region viii"],
    },
    RegionInfo {
        region: Region::Menaka,
        id: "menaka",
        name: "Ménaka",
        iso: "ML-9",
        aliases: &["region de menaka", "menaka region"],
    },
    RegionInfo {
        region: Region::Taoudenit,
        id: "taoudenit",
        name: "Taoudénit",
        iso: "ML-10",
        aliases: &[
            "region de taoudenit",
            "taoudenit region",
            "taoudeni",
            "taoudenni",
            "tawudeni",
        ],
    },
];

impl Region {
    /// Every region, in the official order (Bamako first, then ML-1 … ML-10).
    pub const ALL: [Region; 11] = [
        Region::Bamako,
        Region::Kayes,
        Region::Koulikoro,
        Region::Sikasso,
        Region::Segou,
        Region::Mopti,
        Region::Tombouctou,
        Region::Gao,
        Region::Kidal,
        Region::Menaka,
        Region::Taoudenit,
    ];

    fn info(self) -> &'static RegionInfo {
        REGIONS
            .iter()
            .find(|r| r.region == self)
            .expect("every region has a row")
    }

    /// The stable ascii id ("segou"), used in storage, URLs and the index.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The region's name as written in French and English ("Ségou").
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The ISO 3166-2 code ("ML-4").
    pub fn iso_code(self) -> &'static str {
        self.info().iso
    }

    /// Recognises a region from its id, name or a usual alternative spelling,
    /// ignoring case, accents, hyphens and apostrophes.
    pub fn parse(text: &str) -> Option<Region> {
        let key = fold(text);
        if key.is_empty() {
            return None;
        }
        REGIONS
            .iter()
            .find(|r| {
                r.id == key || fold(r.name) == key || r.aliases.iter().any(|a| fold(a) == key)
            })
            .map(|r| r.region)
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Lower-cases, strips accents and collapses punctuation to single spaces:
/// the comparison key for place names ("Région de Ségou" → "region de segou").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        let base = fold_char(ch);
        if base.is_alphanumeric() || base == 'ɔ' || base == 'ɛ' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(base);
        } else {
            space = true;
        }
    }
    out
}

/// Maps a lower-case Latin letter with a diacritic to its base letter.
pub fn fold_char(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(Region::parse("Segou"), Some(Region::Segou));
        assert_eq!(Region::parse("ségou"), Some(Region::Segou));
        assert_eq!(Region::parse("Région de Ségou"), Some(Region::Segou));
        assert_eq!(Region::parse("TIMBUKTU"), Some(Region::Tombouctou));
        assert_eq!(Region::parse("Ménaka"), Some(Region::Menaka));
    }

    #[test]
    fn unknown_places_are_not_regions() {
        assert_eq!(Region::parse("Dakar"), None);
        assert_eq!(Region::parse(""), None);
        assert_eq!(Region::parse("Diéma"), None);
    }

    #[test]
    fn ids_round_trip() {
        for region in Region::ALL {
            assert_eq!(Region::parse(region.id()), Some(region));
            assert_eq!(Region::parse(region.name()), Some(region));
        }
    }
}
