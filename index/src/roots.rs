//! Cross-lingual word roots: a light, language-neutral normaliser that maps French and
//! English cognates to one key ("hydrogéologie", "hydrogeology", "hydrogeologist" →
//! `hydrogeolog`; "pédiatrie", "pediatrics" → `pediatr`). It complements the Snowball
//! stemmers (whose French and English stems differ) for phrase matching across languages.

use crate::region::fold_char;

/// Function words of French and English that carry no skill meaning.
const STOP_WORDS: &[&str] = &[
    // French
    "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la",
    "le", "les", "leur", "leurs", "n", "ne", "ou", "par", "pas", "pour", "qu", "que", "qui", "s",
    "sa", "se", "ses", "son", "sur", "un", "une", "y", "c", "j", "m", "t", "est", "sont", "sans",
    "entre", "chez", "vers", "tout", "tous", "toute", "toutes", "plus", "tres", "autre", "autres",
    "etc", "afin", "cette", "cet", "leur", "dont", "ainsi", "comme", // English
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into", "is",
    "it", "its", "of", "on", "or", "such", "that", "the", "their", "this", "to", "was", "with",
    "using", "use", "other", "all", "any", "about", "within", "via", "per", "e", "g", "ie", "eg",
];

/// Suffixes stripped by [`root`], longest first within each family, with their replacement.
const SUFFIXES: &[(&str, &str)] = &[
    ("ologiques", "olog"),
    ("ologique", "olog"),
    ("ological", "olog"),
    ("ologistes", "olog"),
    ("ologiste", "olog"),
    ("ologists", "olog"),
    ("ologist", "olog"),
    ("ologues", "olog"),
    ("ologue", "olog"),
    ("ologies", "olog"),
    ("ologie", "olog"),
    ("ology", "olog"),
    ("ologic", "olog"),
    ("graphiques", "graph"),
    ("graphique", "graph"),
    ("graphical", "graph"),
    ("graphic", "graph"),
    ("graphies", "graph"),
    ("graphie", "graph"),
    ("graphy", "graph"),
    ("graphers", "graph"),
    ("grapher", "graph"),
    ("graphes", "graph"),
    ("graphe", "graph"),
    ("isations", "is"),
    ("isation", "is"),
    ("izations", "is"),
    ("ization", "is"),
    ("iser", "is"),
    ("izing", "is"),
    ("ising", "is"),
    ("ize", "is"),
    ("ise", "is"),
    ("ations", ""),
    ("ation", ""),
    ("atrices", ""),
    ("atrice", ""),
    ("ateurs", ""),
    ("ateur", ""),
    ("ators", ""),
    ("ator", ""),
    ("atives", ""),
    ("ative", ""),
    ("atifs", ""),
    ("atif", ""),
    ("ate", ""),
    ("tions", "t"),
    ("tion", "t"),
    ("iques", ""),
    ("ique", ""),
    ("ically", ""),
    ("ical", ""),
    ("ics", ""),
    ("ic", ""),
    ("ements", ""),
    ("ement", ""),
    ("ments", ""),
    ("ment", ""),
    ("ites", "it"),
    ("ite", "it"),
    ("ities", "it"),
    ("ity", "it"),
    ("istes", ""),
    ("iste", ""),
    ("ists", ""),
    ("ist", ""),
    ("ismes", ""),
    ("isme", ""),
    ("isms", ""),
    ("ism", ""),
    ("aires", ""),
    ("aire", ""),
    ("ary", ""),
    ("elles", ""),
    ("elle", ""),
    ("els", ""),
    ("el", ""),
    ("ales", ""),
    ("ale", ""),
    ("aux", ""),
    ("al", ""),
    ("ives", ""),
    ("ive", ""),
    ("ifs", ""),
    ("if", ""),
    ("euses", ""),
    ("euse", ""),
    ("eux", ""),
    ("ous", ""),
    ("antes", ""),
    ("ante", ""),
    ("ants", ""),
    ("ant", ""),
    ("ances", ""),
    ("ance", ""),
    ("ences", ""),
    ("ence", ""),
    ("ings", ""),
    ("ing", ""),
    ("eurs", ""),
    ("eur", ""),
    ("eres", ""),
    ("ere", ""),
    ("ers", ""),
    ("er", ""),
    ("ies", ""),
    ("ie", ""),
    ("y", ""),
];

/// Minimum length (in characters) of what remains after a suffix is stripped.
const MIN_STEM: usize = 4;

/// True when `word` (already lower-case and folded) is a French or English function word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Splits `text` into lower-case, accent-folded alphanumeric words.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        let base = fold_char(ch);
        if base.is_alphanumeric() {
            current.push(base);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The cross-lingual root of one folded, lower-case word.
pub fn root(word: &str) -> String {
    let chars = word.chars().count();
    if chars <= MIN_STEM || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    // British "ae" spellings (paediatrics, haematology) meet French and American ones.
    let mut w = word.replace("ae", "e");
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for (suffix, replacement) in SUFFIXES {
        // "-tion" leaves at least five letters, so that "gestion" keeps its own root.
        let min = if suffix.starts_with("tion") {
            MIN_STEM + 1
        } else {
            MIN_STEM
        };
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().count() + replacement.chars().count() >= min
        {
            w = format!("{stem}{replacement}");
            break;
        }
    }
    if w.ends_with('e') && w.chars().count() > MIN_STEM {
        w.pop();
    }
    undouble(&mut w);
    w
}

/// Turns a final doubled consonant into a single one ("programm" → "program").
fn undouble(w: &mut String) {
    let mut it = w.chars().rev();
    if let (Some(a), Some(b)) = (it.next(), it.next())
        && a == b
        && !"aeiou".contains(a)
        && w.chars().count() > MIN_STEM
    {
        w.pop();
    }
}

/// The roots of the content words of `text`, in order, stop words removed.
pub fn roots(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| root(&w))
        .collect()
}

/// A stable 32-bit hash of a root (FNV-1a), used for compact in-memory features.
pub fn hash(root: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in root.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The sorted, deduplicated root hashes of `text`.
pub fn root_set(text: &str) -> Vec<u32> {
    let mut set: Vec<u32> = roots(text).iter().map(|r| hash(r)).collect();
    set.sort_unstable();
    set.dedup();
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(roots(a), roots(b), "{a} vs {b}");
    }

    #[test]
    fn cognates_share_a_root() {
        same("hydrogéologie", "hydrogeology");
        same("Hydrogéologue", "hydrogeologist");
        same("pédiatrie", "pediatrics");
        same("université", "university");
        same("électricité", "electricity");
        same("vétérinaire", "veterinary");
        same("santé maternelle", "santé maternal");
        same("programmation", "programming");
        same("économie", "economics");
        same("aquifères", "aquifers");
        same("paediatrics", "pédiatrie");
        same("haematology", "hématologie");
        same("protection", "protect");
        assert_ne!(roots("gestion"), roots("gestation"));
    }

    #[test]
    fn stop_words_and_accents_go() {
        assert_eq!(roots("systèmes d'information géographique").len(), 3);
        same("Cartographie des aquifères", "cartographie aquifere");
    }

    #[test]
    fn short_words_are_kept_whole() {
        assert_eq!(root("sol"), "sol");
        assert_eq!(root("gis"), "gis");
        assert_eq!(root("4g"), "4g");
    }

    #[test]
    fn root_sets_ignore_order() {
        assert_eq!(
            root_set("geographic information systems"),
            root_set("systèmes d'information géographique")
        );
    }
}
