//! A facet built from counts keeps the search form short, and never drops the current filter.

use crate::components::search::{FACET_OPTIONS_SHOWN, Facet, FacetKind};

fn counts(n: usize) -> Vec<(String, usize)> {
    (0..n)
        .map(|i| (format!("discipline-{i:04}"), n - i))
        .collect()
}

#[test]
fn a_facet_offers_only_the_most_frequent_values() {
    let facet = Facet::from_counts(FacetKind::Discipline, &counts(900), "");
    assert_eq!(facet.options.len(), FACET_OPTIONS_SHOWN);
    assert_eq!(facet.options[0].value, "discipline-0000");
    assert_eq!(facet.options[0].count, 900);
    assert!(facet.options.iter().all(|o| !o.selected));
}

#[test]
fn a_rare_selected_value_stays_offered_and_selected() {
    let facet = Facet::from_counts(FacetKind::Discipline, &counts(900), " DISCIPLINE-0899 ");
    assert_eq!(facet.options.len(), FACET_OPTIONS_SHOWN + 1);
    let last = facet.options.last().expect("the selected value");
    assert_eq!(last.value, "discipline-0899");
    assert!(last.selected);
    assert_eq!(facet.options.iter().filter(|o| o.selected).count(), 1);
}

#[test]
fn a_short_facet_is_kept_whole() {
    let facet = Facet::from_counts(FacetKind::Language, &counts(3), "discipline-0001");
    assert_eq!(facet.options.len(), 3);
    assert!(facet.options[1].selected);
}
