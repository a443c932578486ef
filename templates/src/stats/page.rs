//! The statistics page body: standard sections of tables, each drawn as a map, bars or lines.

use maud::{Markup, html};

use super::chart::{Series, bar_chart_with_id, time_series_with_id};
use super::figure::Figure;
use super::labels::{L, Lang, t, top_note};
use super::map::choropleth_with_id;
use super::table::{Cell, Table, Visual};

/// A standard section of the page and the table ids the app is expected to fill in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSpec {
    /// Anchor id of the section.
    pub id: &'static str,
    /// French heading.
    pub title_fr: &'static str,
    /// English heading.
    pub title_en: &'static str,
    /// Suggested table ids (also the download names), in page order.
    pub tables: &'static [&'static str],
}

/// The page's sections, in order. Tables added to an unknown section go to a last "other" section.
pub const SECTIONS: &[SectionSpec] = &[
    SectionSpec {
        id: "experts",
        title_fr: "Les experts de la diaspora",
        title_en: "Diaspora experts",
        tables: &[
            "experts_by_country",
            "experts_by_region",
            "experts_by_commune",
            "experts_by_discipline",
            "experts_by_skill",
            "experts_by_language",
            "experts_by_degree",
        ],
    },
    SectionSpec {
        id: "missions",
        title_fr: "Missions et projets",
        title_en: "Missions and projects",
        tables: &[
            "missions_by_region",
            "projects_by_region",
            "missions_by_sector",
            "projects_by_sector",
            "missions_by_status",
            "projects_by_status",
        ],
    },
    SectionSpec {
        id: "activity",
        title_fr: "Mises en relation et missions accomplies",
        title_en: "Connections made and missions completed",
        tables: &["connections_and_completions"],
    },
    SectionSpec {
        id: "funding",
        title_fr: "Financement des projets",
        title_en: "Project funding",
        tables: &["funding_by_region", "funding_by_sector"],
    },
    SectionSpec {
        id: "trends",
        title_fr: "Tendances mensuelles",
        title_en: "Monthly trends",
        tables: &["monthly_trends"],
    },
    SectionSpec {
        id: "unmet",
        title_fr: "Demande non satisfaite",
        title_en: "Unmet demand",
        tables: &["unmet_by_discipline", "unmet_by_sector", "unmet_by_region"],
    },
    SectionSpec {
        id: "outcomes",
        title_fr: "Résultats des missions",
        title_en: "Mission outcomes",
        tables: &[
            "outcomes_by_institution",
            "outcomes_by_region",
            "outcomes_by_year",
        ],
    },
];

/// One section of the page: a heading and its tables.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    /// Anchor id.
    pub id: String,
    /// French heading.
    pub title_fr: String,
    /// English heading.
    pub title_en: String,
    /// The tables, in page order.
    pub tables: Vec<Table>,
}

/// Everything the statistics page shows; filled by the app's aggregation code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatisticsView {
    /// Date the figures were computed, already formatted ("24 novembre 2026"), if known.
    pub as_of: Option<String>,
    /// The sections, in page order.
    pub sections: Vec<Section>,
}

impl StatisticsView {
    /// Adds a table to a standard section (see [`SECTIONS`]), creating it in standard order.
    pub fn add(&mut self, section_id: &str, table: Table) {
        let rank = |id: &str| {
            SECTIONS
                .iter()
                .position(|s| s.id == id)
                .unwrap_or(SECTIONS.len())
        };
        if let Some(s) = self.sections.iter_mut().find(|s| s.id == section_id) {
            s.tables.push(table);
            return;
        }
        let spec = SECTIONS.iter().find(|s| s.id == section_id);
        let section = Section {
            id: section_id.to_owned(),
            title_fr: spec.map_or("Autres chiffres", |s| s.title_fr).to_owned(),
            title_en: spec.map_or("Other figures", |s| s.title_en).to_owned(),
            tables: vec![table],
        };
        let at = self
            .sections
            .iter()
            .position(|s| rank(&s.id) > rank(section_id))
            .unwrap_or(self.sections.len());
        self.sections.insert(at, section);
    }

    /// Every table of the page, in page order (for the CSV/JSON download routes).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.tables)
    }

    /// The table with this id, if any.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables().find(|t| t.id == id)
    }
}

/// The content of `<main>` for the statistics page (the layout wraps it).
pub fn statistics_body(view: &StatisticsView, lang_code: &str) -> Markup {
    let lang = Lang::from_code(lang_code);
    html! {
        h1 { (t(lang, L::Statistics)) }
        p.lead { (t(lang, L::Intro)) }
        @if let Some(date) = &view.as_of {
            p.stats-as-of { (lang.pick("Chiffres au ", "Figures as of ")) (date) "." }
        }
        p.stats-note { (t(lang, L::SuppressionNote)) }
        @if view.sections.len() > 1 {
            nav.stats-toc aria-label=(lang.pick("Sommaire", "Contents")) {
                ul {
                    @for s in &view.sections {
                        li { a href={ "#" (safe_id(&s.id)) } { (lang.pick(&s.title_fr, &s.title_en)) } }
                    }
                }
            }
        }
        @if view.sections.is_empty() {
            p.stats-empty { (t(lang, L::NoRows)) }
        }
        @for s in &view.sections {
            section.stats-section id=(safe_id(&s.id)) aria-labelledby={ (safe_id(&s.id)) "-h" } {
                h2 id={ (safe_id(&s.id)) "-h" } { (lang.pick(&s.title_fr, &s.title_en)) }
                @for table in &s.tables {
                    (table_block(table, lang))
                }
            }
        }
    }
}

/// Keeps `[a-z0-9_-]` so ids are safe in URLs and element ids.
fn safe_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-')
        .collect()
}

/// One table: heading, its drawing, the full table when the drawing does not show every column, notes, downloads.
pub fn table_block(table: &Table, lang: Lang) -> Markup {
    let id = safe_id(&table.id);
    let title = table.title(lang);
    let shown = table
        .limit
        .map_or(table.rows.len(), |n| n.min(table.rows.len()));
    let rows = &table.rows[..shown];
    let code = lang.code();
    let figure_at = |row: &Vec<Cell>, i: usize| row.get(i).and_then(Cell::figure);
    let label = |i: usize| {
        table
            .columns
            .get(i)
            .map_or("", |c| lang.pick(&c.label_fr, &c.label_en))
    };
    let (drawing, covered) = match table.visual {
        Visual::None => (None, 0),
        Visual::Map { region, value } => {
            let values: Vec<(&str, Figure)> = table
                .rows
                .iter()
                .filter_map(|r| match (r.get(region), figure_at(r, value)) {
                    (Some(Cell::Region(id) | Cell::Text(id)), Some(f)) => Some((id.as_str(), f)),
                    _ => None,
                })
                .collect();
            (
                Some(choropleth_with_id(
                    &format!("map-{id}"),
                    &values,
                    title,
                    code,
                    label(value),
                )),
                2,
            )
        }
        Visual::Bars { label: l, value } => {
            let bars: Vec<(String, Figure)> = rows
                .iter()
                .filter_map(|r| Some((r.get(l)?.display(lang), figure_at(r, value)?)))
                .collect();
            (
                Some(bar_chart_with_id(&format!("bars-{id}"), title, &bars, code)),
                2,
            )
        }
        Visual::Series { month } => {
            let series: Vec<Series> = (0..table.columns.len())
                .filter(|c| *c != month && table.rows.iter().any(|r| figure_at(r, *c).is_some()))
                .map(|c| {
                    let pts = table
                        .rows
                        .iter()
                        .filter_map(|r| match (r.get(month), figure_at(r, c)) {
                            (Some(Cell::Month(y, m)), Some(f)) => Some((*y, *m, f)),
                            _ => None,
                        })
                        .collect();
                    (label(c).to_owned(), pts)
                })
                .collect();
            (
                Some(time_series_with_id(
                    &format!("series-{id}"),
                    title,
                    &series,
                    code,
                )),
                table.columns.len(),
            )
        }
    };
    html! {
        article.stats-block id={ "t-" (id) } {
            h3 { (title) }
            @if let Some(d) = drawing { (d) }
            @if table.columns.len() > covered {
                @if drawing_present(table) {
                    details.stats-data {
                        summary { (t(lang, L::DataTable)) }
                        (plain_table(table, rows, lang))
                    }
                } @else {
                    (plain_table(table, rows, lang))
                }
            }
            @if shown < table.rows.len() {
                p.stats-note { (top_note(lang, shown, table.rows.len())) }
            }
            @let note = lang.pick(&table.note_fr, &table.note_en);
            @if !note.is_empty() { p.stats-note { (note) } }
            p.stats-downloads {
                (t(lang, L::Download)) (lang.pick(" : ", ": "))
                a href=(crate::routes::fill(crate::routes::STATISTICS_FILE, &[&format!("{id}.csv")])) download { "CSV" }
                a href=(crate::routes::fill(crate::routes::STATISTICS_FILE, &[&format!("{id}.json")])) download { "JSON" }
            }
        }
    }
}

fn drawing_present(table: &Table) -> bool {
    table.visual != Visual::None
}

/// A table of all columns, first column as row headers, figures right-aligned.
pub fn plain_table(table: &Table, rows: &[Vec<Cell>], lang: Lang) -> Markup {
    html! {
        table.stats-table {
            caption { (table.title(lang)) }
            thead { tr { @for c in &table.columns { th scope="col" { (lang.pick(&c.label_fr, &c.label_en)) } } } }
            tbody {
                @if rows.is_empty() {
                    tr { td colspan=(table.columns.len().max(1)) { (t(lang, L::NoRows)) } }
                }
                @for row in rows {
                    tr {
                        @for (i, cell) in row.iter().enumerate() {
                            @if i == 0 {
                                th scope="row" { (cell.display(lang)) }
                            } @else if matches!(cell, Cell::Figure(_)) {
                                td.num { (cell.display(lang)) }
                            } @else {
                                td { (cell.display(lang)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
