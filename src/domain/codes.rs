//! ISO 639 language codes and ISO 3166-1 country codes, with English and French
//! names, read from tables taken from Debian's iso-codes (facts, not code).

use std::collections::HashMap;
use std::sync::LazyLock;

/// One row of a code table: the canonical code and its names.
#[derive(Debug, Clone)]
pub struct CodeName {
    /// Canonical code ("fr", "snk", "ML").
    pub code: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// French name.
    pub name_fr: &'static str,
}

struct Table {
    rows: Vec<CodeName>,
    by_key: HashMap<String, usize>,
}

fn load(text: &'static str, alias_column: bool) -> Table {
    let mut rows = Vec::new();
    let mut by_key = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (code, alias, en, fr) = if alias_column {
            (cols[0], Some(cols[1]), cols[2], cols[3])
        } else {
            (cols[0], None, cols[1], cols[2])
        };
        let at = rows.len();
        by_key.insert(code.to_ascii_lowercase(), at);
        if let Some(alias) = alias {
            by_key.entry(alias.to_ascii_lowercase()).or_insert(at);
        }
        rows.push(CodeName {
            code,
            name_en: en,
            name_fr: fr,
        });
    }
    Table { rows, by_key }
}

static LANGUAGES: LazyLock<Table> = LazyLock::new(|| load(include_str!("iso639.tsv"), true));
static COUNTRIES: LazyLock<Table> = LazyLock::new(|| load(include_str!("iso3166.tsv"), false));

/// Looks up a language by its ISO 639-1 or 639-2 code, case-insensitively
/// ("FR", "fra" and "fr" all give "fr").
pub fn language(code: &str) -> Option<&'static CodeName> {
    let table = &*LANGUAGES;
    table
        .by_key
        .get(&code.trim().to_ascii_lowercase())
        .map(|&i| &table.rows[i])
}

/// Looks up a country by its ISO 3166-1 alpha-2 code, case-insensitively.
pub fn country(code: &str) -> Option<&'static CodeName> {
    let table = &*COUNTRIES;
    table
        .by_key
        .get(&code.trim().to_ascii_lowercase())
        .map(|&i| &table.rows[i])
}

/// Every country, in code order.
pub fn countries() -> &'static [CodeName] {
    &COUNTRIES.rows
}

/// Every language, in code order.
pub fn languages() -> &'static [CodeName] {
    &LANGUAGES.rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_mali_are_known() {
        for code in ["fr", "en", "bm", "ar", "ff", "snk", "son", "tmh", "dyu"] {
            assert_eq!(language(code).map(|l| l.code), Some(code), "{code}");
        }
        assert_eq!(language("fra").map(|l| l.code), Some("fr"));
        assert_eq!(language("BM").map(|l| l.name_fr), Some("bambara"));
        assert!(language("xx").is_none());
    }

    #[test]
    fn countries_are_alpha2() {
        assert_eq!(country("ml").map(|c| c.code), Some("ML"));
        assert_eq!(country("FR").map(|c| c.name_fr), Some("France"));
        assert!(country("XX").is_none());
        assert!(country("FRA").is_none());
    }
}
