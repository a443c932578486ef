//! The 11 regions of Mali used by Passerelle (pre-2023 frame plus Ménaka and Taoudénit).

/// One region: id, names, ISO code, label point and the polygon that draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Stable ascii id ("segou").
    pub id: &'static str,
    /// French name ("Ségou").
    pub name_fr: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// ISO 3166-2 code ("ML-4").
    pub iso: &'static str,
    /// Label point latitude (WOF label centroid; GeoNames point for Taoudénit).
    pub label_lat: f64,
    /// Label point longitude.
    pub label_lon: f64,
    /// Id of the polygon drawing this region (Taoudénit → "tombouctou").
    pub polygon: &'static str,
}

const fn r(
    id: &'static str,
    name: &'static str,
    iso: &'static str,
    label_lat: f64,
    label_lon: f64,
    polygon: &'static str,
) -> Region {
    Region {
        id,
        name_fr: name,
        name_en: name,
        iso,
        label_lat,
        label_lon,
        polygon,
    }
}

/// All regions, in the order used by tables (from mali_regions.csv).
pub const REGIONS: [Region; 11] = [
    r("bamako", "Bamako", "ML-BKO", 12.622, -7.974234, "bamako"),
    r("kayes", "Kayes", "ML-1", 13.833694, -10.229414, "kayes"),
    r(
        "koulikoro",
        "Koulikoro",
        "ML-2",
        13.650893,
        -7.669443,
        "koulikoro",
    ),
    r("sikasso", "Sikasso", "ML-3", 11.166131, -7.30016, "sikasso"),
    r("segou", "Ségou", "ML-4", 13.69862, -5.934549, "segou"),
    r("mopti", "Mopti", "ML-5", 14.632557, -3.553578, "mopti"),
    r(
        "tombouctou",
        "Tombouctou",
        "ML-6",
        21.488625,
        -3.859508,
        "tombouctou",
    ),
    r("gao", "Gao", "ML-7", 16.988, -0.108, "gao"),
    r("kidal", "Kidal", "ML-8", 19.28001, 1.155034, "kidal"),
    r("menaka", "Ménaka", "ML-9", 16.670496, 2.858019, "menaka"),
    r(
        "taoudenit",
        "Taoudénit",
        "ML-10",
        22.66651,
        -3.98524,
        "tombouctou",
    ),
];

/// Looks a region up by id.
pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

/// The region's name in the given language, or the id itself when unknown.
pub fn region_name(id: &str, lang: super::Lang) -> &str {
    match region(id) {
        Some(r) => lang.pick(r.name_fr, r.name_en),
        None => id,
    }
}
