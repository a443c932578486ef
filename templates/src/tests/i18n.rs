use crate::i18n::catalog::{C, all_pairs};
use crate::i18n::{Lang, date, date_range, datetime, int, money, percent};
use time::macros::{date, datetime};

#[test]
fn negotiate_picks_highest_q_and_defaults_to_french() {
    assert_eq!(Lang::negotiate("en-GB,en;q=0.9,fr;q=0.8"), Lang::En);
    assert_eq!(Lang::negotiate("de-DE,fr;q=0.5,en;q=0.7"), Lang::En);
    assert_eq!(Lang::negotiate("fr-ML, en;q=0.9"), Lang::Fr);
    assert_eq!(Lang::negotiate("de, es"), Lang::Fr);
    assert_eq!(Lang::negotiate(""), Lang::Fr);
    assert_eq!(Lang::negotiate("en;q=0, fr;q=0.1"), Lang::Fr);
    assert_eq!(Lang::negotiate("*"), Lang::Fr);
}

#[test]
fn codes_round_trip() {
    for l in Lang::ALL {
        assert_eq!(Lang::from_code(l.code()), Some(l));
    }
    assert_eq!(Lang::from_code("EN-us"), Some(Lang::En));
    assert_eq!(Lang::from_code("bm"), None);
    assert_eq!(Lang::default(), Lang::Fr);
}

#[test]
fn french_singular_covers_zero_and_one() {
    assert_eq!(
        Lang::Fr.plural(0, C::ResultOne, C::ResultMany),
        "0 résultat"
    );
    assert_eq!(
        Lang::Fr.plural(1, C::ResultOne, C::ResultMany),
        "1 résultat"
    );
    assert_eq!(
        Lang::Fr.plural(2, C::ResultOne, C::ResultMany),
        "2 résultats"
    );
    assert_eq!(Lang::En.plural(0, C::ResultOne, C::ResultMany), "0 results");
    assert_eq!(Lang::En.plural(1, C::ResultOne, C::ResultMany), "1 result");
    assert_eq!(
        Lang::Fr.plural(1200, C::ResultOne, C::ResultMany),
        "1\u{202F}200 résultats"
    );
}

#[test]
fn dates_in_words() {
    assert_eq!(date(Lang::Fr, date!(2027 - 03 - 03)), "3 mars 2027");
    assert_eq!(date(Lang::En, date!(2027 - 03 - 03)), "3 March 2027");
    assert_eq!(date(Lang::Fr, date!(2027 - 05 - 01)), "1er mai 2027");
    assert_eq!(
        datetime(Lang::En, datetime!(2027-03-03 14:05)),
        "3 March 2027, 14:05"
    );
}

#[test]
fn date_ranges_share_month_and_year() {
    let (a, b) = (date!(2027 - 03 - 03), date!(2027 - 03 - 21));
    assert_eq!(date_range(Lang::Fr, a, b), "du 3 au 21 mars 2027");
    assert_eq!(date_range(Lang::En, a, b), "3–21 March 2027");
    let c = date!(2027 - 04 - 21);
    assert_eq!(date_range(Lang::Fr, a, c), "du 3 mars au 21 avril 2027");
    assert_eq!(date_range(Lang::En, a, c), "3 March – 21 April 2027");
    let (d, e) = (date!(2026 - 12 - 20), date!(2027 - 01 - 10));
    assert_eq!(
        date_range(Lang::Fr, d, e),
        "du 20 décembre 2026 au 10 janvier 2027"
    );
    assert_eq!(date_range(Lang::En, d, d), "20 December 2026");
}

#[test]
fn numbers_and_money() {
    assert_eq!(int(Lang::Fr, 48_000), "48\u{202F}000");
    assert_eq!(int(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(int(Lang::En, 999), "999");
    assert_eq!(int(Lang::Fr, 0), "0");
    assert_eq!(money(Lang::Fr, 48_000), "48\u{202F}000\u{A0}€");
    assert_eq!(money(Lang::En, 48_000), "€48,000");
    assert_eq!(percent(Lang::Fr, 80), "80\u{202F}%");
    assert_eq!(percent(Lang::En, 80), "80%");
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n))
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn catalogue_has_both_languages_for_every_key_with_the_same_placeholders() {
    let pairs = all_pairs();
    assert!(pairs.len() > 250, "{} keys", pairs.len());
    for (fr, en) in pairs {
        assert!(
            !fr.trim().is_empty() && !en.trim().is_empty(),
            "empty text: {fr:?} / {en:?}"
        );
        assert_eq!(
            placeholders(fr),
            placeholders(en),
            "placeholders differ: {fr:?} / {en:?}"
        );
    }
}
