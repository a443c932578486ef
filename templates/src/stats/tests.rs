//! Tests of the rendered statistics markup.

use super::chart::{bar_chart, time_series};
use super::map::{choropleth, region_locator};
use super::page::{StatisticsView, statistics_body};
use super::*;

/// The value of `attr` in every tag starting with `<tag ` that has it.
fn attrs(html: &str, tag: &str, attr: &str) -> Vec<String> {
    let open = format!("<{tag} ");
    let key = format!(" {attr}=\"");
    html.split(open.as_str())
        .skip(1)
        .filter_map(|rest| {
            let tag_text = &rest[..rest.find('>').unwrap_or(rest.len())];
            let start = tag_text.find(&key)? + key.len();
            Some(tag_text[start..][..tag_text[start..].find('"')?].to_owned())
        })
        .collect()
}

fn region_values(html: &str) -> Vec<(String, String)> {
    attrs(html, "path", "data-region")
        .into_iter()
        .zip(attrs(html, "path", "data-value"))
        .collect()
}

#[test]
fn choropleth_has_one_path_per_polygon_with_its_figure() {
    let values = [
        ("bamako", Figure::count(1234)),
        ("kayes", Figure::count(3)),
        ("koulikoro", Figure::count(0)),
        ("segou", Figure::count(5)),
        ("tombouctou", Figure::count(20)),
        ("taoudenit", Figure::count(7)),
    ];
    let html = choropleth(&values, "Experts par région d'origine", "fr", "Experts").into_string();
    let got = region_values(&html);
    assert_eq!(got.len(), 10, "{got:?}");
    let value = |id: &str| {
        got.iter()
            .find(|(r, _)| r == id)
            .map(|(_, v)| v.as_str())
            .unwrap()
    };
    assert_eq!(value("bamako"), "1\u{202f}234");
    assert_eq!(value("kayes"), "&lt; 5");
    assert_eq!(value("koulikoro"), "0");
    assert_eq!(value("segou"), "5");
    assert_eq!(
        value("tombouctou"),
        "27",
        "Taoudénit is counted with Tombouctou"
    );
    assert_eq!(value("gao"), "—");
    assert!(html.contains(
        "Taoudénit n'a pas encore de contour ouvert : ses chiffres sont comptés avec Tombouctou"
    ));
    assert!(html.contains("role=\"img\"") && html.contains("aria-labelledby=\""));
    assert_eq!(
        html.matches("<title>").count() + html.matches("<title id=").count(),
        12,
        "svg title + 10 paths + Bamako dot"
    );
    assert!(html.contains("<table"), "the figures are also in a table");
    assert!(
        html.contains("<th scope=\"row\">Taoudénit</th><td class=\"num\">7</td>"),
        "Taoudénit keeps its own row"
    );
    assert!(html.contains("Who's On First") && html.contains("CC BY 4.0"));
    let classes = attrs(&html, "path", "class");
    assert!(
        classes.contains(&"q-lt5".to_owned())
            && classes.contains(&"q-na".to_owned())
            && classes.contains(&"q4".to_owned())
    );
    assert!(html.len() < 30_000, "choropleth is {} bytes", html.len());
}

#[test]
fn small_parts_stay_hidden_when_merged() {
    let values = [
        ("tombouctou", Figure::count(20)),
        ("taoudenit", Figure::count(2)),
    ];
    let html = choropleth(&values, "Experts", "en", "Experts").into_string();
    let got = region_values(&html);
    let tombouctou = got.iter().find(|(r, _)| r == "tombouctou").unwrap();
    assert_eq!(tombouctou.1, "21–24");
    assert!(
        html.contains(
            "Taoudénit has no open boundary yet: its figures are counted with Tombouctou"
        )
    );
}

#[test]
fn amounts_map_in_english() {
    let values = [
        ("mopti", Figure::amount(48000.0)),
        ("gao", Figure::amount(1500.0)),
    ];
    let html = choropleth(&values, "Confirmed funding", "en", "Confirmed funding").into_string();
    let got = region_values(&html);
    assert!(got.contains(&("mopti".to_owned(), "€48,000".to_owned())));
    let fr = choropleth(&values, "Financement confirmé", "fr", "Financement").into_string();
    assert!(region_values(&fr).contains(&("mopti".to_owned(), "48\u{202f}000\u{a0}€".to_owned())));
}

#[test]
fn locator_highlights_one_region_and_is_tiny() {
    let html = region_locator("segou", "fr").into_string();
    assert_eq!(attrs(&html, "path", "data-region").len(), 10);
    assert_eq!(
        attrs(&html, "path", "class")
            .iter()
            .filter(|c| *c == "on")
            .count(),
        1
    );
    assert!(html.contains("width=\"120\"") && html.contains("Ségou"));
    assert!(html.len() < 8_000, "locator is {} bytes", html.len());
    let t = region_locator("taoudenit", "en").into_string();
    assert!(t.contains("Taoudénit") && t.contains("<circle"));
}

#[test]
fn bar_chart_draws_one_bar_per_row_with_values() {
    let rows = vec![
        ("France".to_owned(), Figure::count(120)),
        ("Côte d'Ivoire".to_owned(), Figure::count(45)),
        ("Canada".to_owned(), Figure::count(2)),
        ("Sénégal".to_owned(), Figure::count(0)),
    ];
    let html = bar_chart("Experts par pays de résidence", &rows, "fr").into_string();
    let values = attrs(&html, "rect", "data-value");
    assert_eq!(values, ["120", "45", "&lt; 5", "0"]);
    assert!(html.contains(">120</text>") && html.contains(">&lt; 5</text>"));
    assert!(html.contains("<desc") && html.contains("<details") && html.contains("<table"));
    assert!(html.contains("viewBox=\"0 0 "));
}

#[test]
fn time_series_has_a_point_per_known_month() {
    let series = vec![
        (
            "Inscriptions".to_owned(),
            vec![
                (2025, 11, Figure::count(12)),
                (2025, 12, Figure::count(3)),
                (2026, 2, Figure::count(30)),
            ],
        ),
        ("Missions".to_owned(), vec![(2026, 1, Figure::count(8))]),
    ];
    let html = time_series("Tendances", &series, "fr").into_string();
    assert_eq!(
        attrs(&html, "circle", "data-value"),
        ["12", "&lt; 5", "30", "8"]
    );
    assert!(html.contains("janv.") && html.contains("2026"));
    assert_eq!(
        html.matches("<th scope=\"row\">").count(),
        4,
        "Nov, Dec, Jan, Feb"
    );
    let empty = time_series("Vide", &[], "en").into_string();
    assert!(empty.contains("No data yet."));
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let t = Table::new("t", "T", "T")
        .column("name", "Nom", "Name")
        .column("experts", "Experts", "Experts")
        .row(vec![
            Cell::Text("Informatique, réseaux".into()),
            Cell::Figure(Figure::count(12)),
        ])
        .row(vec![
            Cell::Text("Le \"génie\" civil".into()),
            Cell::Figure(Figure::count(3)),
        ])
        .row(vec![
            Cell::Text("ligne\nsuivante".into()),
            Cell::Figure(Figure::amount(1250.5)),
        ])
        .row(vec![
            Cell::Text("=SUM(A1)".into()),
            Cell::Region("segou".into()),
        ]);
    assert_eq!(
        to_csv(&t),
        "name,experts\r\n\"Informatique, réseaux\",12\r\n\"Le \"\"génie\"\" civil\",<5\r\n\"ligne\nsuivante\",1250.50\r\n'=SUM(A1),segou\r\n"
    );
}

#[test]
fn csv_defuses_formulas_for_semicolon_spreadsheets_too() {
    let t = Table::new("t", "T", "T")
        .column("name", "Nom", "Name")
        .row(vec![Cell::Text("Mopti;=HYPERLINK(\"http://x\")".into())])
        .row(vec![Cell::Text("a,+1".into())]);
    assert_eq!(
        to_csv(&t),
        "name\r\n\"Mopti;'=HYPERLINK(\"\"http://x\"\")\"\r\n\"a,'+1\"\r\n"
    );
}

#[test]
fn json_export_shape() {
    let t = Table::by_region(
        "experts_by_region",
        ("Par région", "By region"),
        ("experts", "Experts", "Experts"),
        &[("segou", Figure::count(12)), ("kidal", Figure::count(2))],
    );
    assert_eq!(
        to_json(&t),
        r#"{"id":"experts_by_region","title_fr":"Par région","title_en":"By region","columns":[{"key":"region","label_fr":"Région","label_en":"Region"},{"key":"experts","label_fr":"Experts","label_en":"Experts"}],"rows":[{"region":"segou","experts":12},{"region":"kidal","experts":"<5"}]}"#
    );
}

#[test]
fn statistics_page_renders_sections_drawings_and_downloads() {
    let mut view = StatisticsView {
        as_of: Some("24 novembre 2026".into()),
        ..Default::default()
    };
    view.add(
        "trends",
        Table::new("monthly_trends", "Tendances", "Trends")
            .column("month", "Mois", "Month")
            .column("registrations", "Inscriptions", "Registrations")
            .row(vec![Cell::Month(2026, 1), Cell::Figure(Figure::count(40))])
            .row(vec![Cell::Month(2026, 2), Cell::Figure(Figure::count(55))])
            .visual(Visual::Series { month: 0 }),
    );
    view.add(
        "experts",
        Table::by_region(
            "experts_by_region",
            (
                "Experts par région d'origine",
                "Experts by region of origin",
            ),
            ("experts", "Experts", "Experts"),
            &[("mopti", Figure::count(9))],
        ),
    );
    let skills: Vec<(String, Figure)> = (0..30)
        .map(|i| (format!("Compétence {i}"), Figure::count(100 - i)))
        .collect();
    view.add(
        "experts",
        Table::ranking(
            "experts_by_skill",
            ("Compétences", "Skills"),
            ("skill", "Compétence", "Skill"),
            ("experts", "Experts", "Experts"),
            skills,
        )
        .limit(20),
    );
    view.add(
        "funding",
        Table::new(
            "funding_by_region",
            "Financement par région",
            "Funding by region",
        )
        .column("region", "Région", "Region")
        .column("sought", "Recherché", "Sought")
        .column("confirmed", "Confirmé", "Confirmed")
        .row(vec![
            Cell::Region("kayes".into()),
            Cell::Figure(Figure::amount(90000.0)),
            Cell::Figure(Figure::amount(48000.0)),
        ])
        .visual(Visual::Map {
            region: 0,
            value: 2,
        }),
    );
    assert_eq!(
        view.sections
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["experts", "funding", "trends"]
    );
    let html = statistics_body(&view, "en").into_string();
    for id in [
        "monthly_trends",
        "experts_by_region",
        "experts_by_skill",
        "funding_by_region",
    ] {
        assert!(
            html.contains(&format!("href=\"/statistics/{id}.csv\"")),
            "{id} csv"
        );
        assert!(
            html.contains(&format!("href=\"/statistics/{id}.json\"")),
            "{id} json"
        );
    }
    assert_eq!(attrs(&html, "rect", "data-value").len(), 20, "top 20 bars");
    assert!(html.contains("First 20 rows of 30"));
    assert_eq!(attrs(&html, "path", "data-region").len(), 20, "two maps");
    assert!(html.contains("€90,000"), "funding table shows all columns");
    assert!(
        html.contains("<h1>Statistics</h1>") && html.contains("Figures as of 24 novembre 2026")
    );
    assert!(view.table("funding_by_region").is_some());
}

#[test]
fn slugs_and_language_codes() {
    assert_eq!(
        slug("Experts par région d'origine"),
        "experts-par-region-d-origine"
    );
    assert_eq!(Lang::from_code("en-GB"), Lang::En);
    assert_eq!(Lang::from_code("bm"), Lang::Fr);
}
