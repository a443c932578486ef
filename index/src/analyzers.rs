//! French and English text analyzers for tantivy.
//!
//! Chain: `SimpleTokenizer → RemoveLongFilter(40) → LowerCaser → StopWordFilter →
//! AsciiFoldingFilter → Stemmer`. Stop words come before folding because the French list
//! is accented ("à"); folding comes before stemming so that unaccented input stems alike.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, TokenizerManager, WhitespaceTokenizer,
};

/// Name of the French analyzer in the tokenizer manager.
pub const FRENCH: &str = "passerelle_fr";
/// Name of the English analyzer in the tokenizer manager.
pub const ENGLISH: &str = "passerelle_en";
/// Name of the analyzer for pre-computed cross-lingual roots (split on spaces only).
pub const ROOTS: &str = "passerelle_roots";
/// Name of the analyzer for exact keywords (ids, codes).
pub const KEYWORD: &str = "passerelle_keyword";

/// Builds the analyzer for one language (French or English).
pub fn analyzer(language: Language) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .dynamic();
    let builder = match StopWordFilter::new(language) {
        Some(stop) => builder.filter_dynamic(stop),
        None => builder,
    };
    builder
        .filter_dynamic(AsciiFoldingFilter)
        .filter_dynamic(Stemmer::new(language))
        .build()
}

/// Registers the crate's analyzers under their names in `manager`.
pub fn register(manager: &TokenizerManager) {
    manager.register(FRENCH, analyzer(Language::French));
    manager.register(ENGLISH, analyzer(Language::English));
    manager.register(
        ROOTS,
        TextAnalyzer::builder(WhitespaceTokenizer::default()).build(),
    );
    manager.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default()).build(),
    );
}

thread_local! {
    static CACHED_FR: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(analyzer(Language::French));
    static CACHED_EN: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(analyzer(Language::English));
}

/// The tokens of `text` through this thread's cached French or English analyzer
/// (`Language::French` picks French, anything else English).
pub fn analyze(language: Language, text: &str) -> Vec<String> {
    let cell = if language == Language::French {
        &CACHED_FR
    } else {
        &CACHED_EN
    };
    cell.with(|a| tokens(&mut a.borrow_mut(), text))
}

/// Runs `text` through `analyzer` and returns the token texts.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(text: &str) -> Vec<String> {
        tokens(&mut analyzer(Language::French), text)
    }

    fn en(text: &str) -> Vec<String> {
        tokens(&mut analyzer(Language::English), text)
    }

    #[test]
    fn french_folds_then_stems() {
        assert_eq!(fr("universités"), fr("Universite"));
        assert_eq!(fr("l'électricité"), fr("electricite"));
        assert_eq!(fr("éducation"), vec!["educ"]);
    }

    #[test]
    fn french_stop_words_go_even_when_accented() {
        assert_eq!(
            fr("cours à distance de la licence"),
            fr("cours distance licence")
        );
        assert!(fr("à").is_empty());
    }

    #[test]
    fn english_stems_plurals_and_drops_stop_words() {
        assert_eq!(en("the teachers"), en("teacher"));
        assert_eq!(en("Networks and Systems"), vec!["network", "system"]);
    }

    #[test]
    fn over_long_tokens_are_dropped() {
        let long = "a".repeat(60);
        assert!(en(&long).is_empty());
    }
}
