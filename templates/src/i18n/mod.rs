//! Languages, the French/English string catalogue, plurals and locale formatting.

pub mod catalog;
mod format;

pub use catalog::{Msg, t};
pub use format::{date, date_range, datetime, int, money, percent};

/// Interface language. French is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// French (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code: "fr" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses "fr", "en", "en-GB", "FR_fr"…; `None` for any other language.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the best language from an `Accept-Language` header (q-values honoured); French if none fits.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (pos, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_code) else {
                continue;
            };
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            // Higher q wins; at equal q the earlier entry wins.
            if best.is_none_or(|(bq, bpos, _)| q > bq || (q == bq && pos < bpos)) {
                best = Some((q, pos, lang));
            }
        }
        best.map_or(Lang::Fr, |(_, _, l)| l)
    }

    /// The other language (for the language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The language's own name ("Français", "English").
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The catalogue string for `key` in this language.
    pub fn t(self, key: impl Msg) -> &'static str {
        t(self, key)
    }

    /// True when `n` takes the singular: 0 and 1 in French, only 1 in English.
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        }
    }

    /// Picks the singular or plural word for `n` (no number inserted).
    pub fn word<K: Msg>(self, n: u64, one: K, many: K) -> &'static str {
        self.t(if self.is_singular(n) { one } else { many })
    }

    /// Picks `one` or `many` for `n` and replaces `{n}` with the formatted number.
    pub fn plural<K: Msg>(self, n: u64, one: K, many: K) -> String {
        let key = if self.is_singular(n) { one } else { many };
        fill(self.t(key), &[("n", &int(self, n))])
    }
}

/// Replaces each `{name}` placeholder of `template` with its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl From<Lang> for crate::stats::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Fr => crate::stats::Lang::Fr,
            Lang::En => crate::stats::Lang::En,
        }
    }
}
