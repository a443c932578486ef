//! Display languages and the names of the spoken languages experts list (ISO 639 codes).

use serde::{Deserialize, Serialize};

/// A language in which explanations and labels are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

/// (code, French name, English name) of languages commonly spoken by Malians abroad.
const NAMES: &[(&str, &str, &str)] = &[
    ("fr", "français", "French"),
    ("en", "anglais", "English"),
    ("bm", "bambara", "Bambara"),
    ("ar", "arabe", "Arabic"),
    ("ff", "peul", "Fula"),
    ("snk", "soninké", "Soninke"),
    ("son", "songhaï", "Songhay"),
    ("ses", "songhaï", "Songhay"),
    ("tmh", "tamasheq", "Tamasheq"),
    ("taq", "tamasheq", "Tamasheq"),
    ("dyu", "dioula", "Dyula"),
    ("dtm", "dogon", "Dogon"),
    ("bos", "bozo", "Bozo"),
    ("mey", "maure", "Hassaniya"),
    ("es", "espagnol", "Spanish"),
    ("pt", "portugais", "Portuguese"),
    ("de", "allemand", "German"),
    ("it", "italien", "Italian"),
    ("nl", "néerlandais", "Dutch"),
    ("zh", "chinois", "Chinese"),
    ("ru", "russe", "Russian"),
    ("wo", "wolof", "Wolof"),
    ("ha", "haoussa", "Hausa"),
];

/// The name of a spoken language from its ISO 639 code, in `lang`; unknown codes come back as given.
pub fn language_name(code: &str, lang: Lang) -> String {
    let key = code.trim().to_lowercase();
    NAMES
        .iter()
        .find(|(c, _, _)| *c == key)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => (*fr).to_string(),
            Lang::En => (*en).to_string(),
        })
        .unwrap_or_else(|| code.trim().to_string())
}

/// Normalises a language given as a code or a name ("FR ", "français", "English") to its
/// lower-case ISO 639 code; unknown values are only trimmed and lower-cased.
pub fn normalize_code(code: &str) -> String {
    let key = crate::region::fold(code);
    NAMES
        .iter()
        .find(|(c, fr, en)| {
            *c == key || crate::region::fold(fr) == key || crate::region::fold(en) == key
        })
        .map(|(c, _, _)| (*c).to_string())
        .unwrap_or_else(|| code.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_normalise_to_codes() {
        assert_eq!(normalize_code(" FR"), "fr");
        assert_eq!(normalize_code("Français"), "fr");
        assert_eq!(normalize_code("english"), "en");
        assert_eq!(normalize_code("Bambara"), "bm");
        assert_eq!(normalize_code("xx"), "xx");
        assert_eq!(language_name("snk", Lang::Fr), "soninké");
    }
}
