//! Bilingual labels of the closed vocabularies: Mali's regions, sectors, levels, languages, countries.
//!
//! Each table row is (code, French, English); unknown codes are shown as given.

use crate::i18n::Lang;

/// Mali's 11 regions (ids as in the geo data).
pub const REGIONS: &[(&str, &str, &str)] = &[
    ("bamako", "Bamako", "Bamako"),
    ("kayes", "Kayes", "Kayes"),
    ("koulikoro", "Koulikoro", "Koulikoro"),
    ("sikasso", "Sikasso", "Sikasso"),
    ("segou", "Ségou", "Ségou"),
    ("mopti", "Mopti", "Mopti"),
    ("tombouctou", "Tombouctou", "Timbuktu"),
    ("gao", "Gao", "Gao"),
    ("kidal", "Kidal", "Kidal"),
    ("menaka", "Ménaka", "Ménaka"),
    ("taoudenit", "Taoudénit", "Taoudénit"),
];

/// Project sectors.
pub const SECTORS: &[(&str, &str, &str)] = &[
    ("water", "Eau", "Water"),
    ("health", "Santé", "Health"),
    ("education", "Éducation", "Education"),
    ("agriculture", "Agriculture", "Agriculture"),
    ("energy", "Énergie", "Energy"),
    ("enterprise", "Entreprise", "Enterprise"),
    ("infrastructure", "Infrastructures", "Infrastructure"),
    ("culture", "Culture", "Culture"),
];

/// Mission levels.
pub const LEVELS: &[(&str, &str, &str)] = &[
    ("licence", "Licence", "Bachelor"),
    ("master", "Master", "Master"),
    ("doctorat", "Doctorat", "Doctorate"),
    (
        "professional",
        "Formation professionnelle",
        "Professional training",
    ),
];

/// Common languages (ISO 639 codes).
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("fr", "français", "French"),
    ("en", "anglais", "English"),
    ("bm", "bambara", "Bambara"),
    ("ar", "arabe", "Arabic"),
    ("ff", "peul", "Fula"),
    ("snk", "soninké", "Soninke"),
    ("son", "songhaï", "Songhay"),
];

/// Countries where much of the diaspora lives (ISO 3166-1 alpha-2).
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("ML", "Mali", "Mali"),
    ("FR", "France", "France"),
    ("US", "États-Unis", "United States"),
    ("CA", "Canada", "Canada"),
    ("CI", "Côte d'Ivoire", "Côte d'Ivoire"),
    ("SN", "Sénégal", "Senegal"),
    ("BE", "Belgique", "Belgium"),
    ("DE", "Allemagne", "Germany"),
    ("ES", "Espagne", "Spain"),
    ("IT", "Italie", "Italy"),
    ("GB", "Royaume-Uni", "United Kingdom"),
    ("CH", "Suisse", "Switzerland"),
    ("MA", "Maroc", "Morocco"),
    ("BF", "Burkina Faso", "Burkina Faso"),
    ("GN", "Guinée", "Guinea"),
    ("GA", "Gabon", "Gabon"),
    ("CN", "Chine", "China"),
];

/// Looks `code` up in `table` (accent- and case-insensitive on the code); the code itself when unknown.
pub fn label<'a>(
    table: &'static [(&'static str, &'static str, &'static str)],
    lang: Lang,
    code: &'a str,
) -> &'a str {
    let key = fold(code);
    table
        .iter()
        .find(|(c, fr, _)| c.eq_ignore_ascii_case(&key) || fold(fr) == key)
        .map_or(code, |(_, fr, en)| match lang {
            Lang::Fr => fr,
            Lang::En => en,
        })
}

/// (code, label) pairs of a table in `lang`, for selects.
pub fn options(
    table: &'static [(&'static str, &'static str, &'static str)],
    lang: Lang,
) -> Vec<(&'static str, &'static str)> {
    table
        .iter()
        .map(|(c, fr, en)| (*c, if lang == Lang::Fr { *fr } else { *en }))
        .collect()
}

/// Region name for an id or a name ("segou", "Segou", "Ségou" → "Ségou"); "remote" → localised.
pub fn region(lang: Lang, code: &str) -> String {
    if code.eq_ignore_ascii_case("remote") {
        return crate::i18n::t(lang, crate::i18n::catalog::C::ModeRemote).to_owned();
    }
    label(REGIONS, lang, code).to_owned()
}

/// Language names for ISO codes, joined with ", ".
pub fn languages(lang: Lang, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| label(LANGUAGES, lang, c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'É' => 'e',
            'ï' | 'î' => 'i',
            'ô' => 'o',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}
