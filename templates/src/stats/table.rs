//! Statistics tables: the data model filled by the app, and its CSV/JSON exports.

use super::figure::Figure;
use super::labels::Lang;

/// One column: a stable key (CSV header, JSON member) and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Machine name, e.g. "experts" (used in CSV headers and JSON).
    pub key: String,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
}

impl Column {
    /// A column from its key and labels.
    pub fn new(key: &str, label_fr: &str, label_en: &str) -> Column {
        Column {
            key: key.into(),
            label_fr: label_fr.into(),
            label_en: label_en.into(),
        }
    }
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text in any language (a country, a discipline, an institution).
    Text(String),
    /// Text with a French and an English form (a status, a sector).
    Bilingual {
        /// French text.
        fr: String,
        /// English text.
        en: String,
    },
    /// A region id ("segou"), shown with its name.
    Region(String),
    /// A month (year, month 1–12).
    Month(i32, u8),
    /// A year.
    Year(i32),
    /// A count or an amount.
    Figure(Figure),
    /// No value.
    Empty,
}

impl Cell {
    /// The cell as shown on the page.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Bilingual { fr, en } => lang.pick(fr, en).to_owned(),
            Cell::Region(id) => super::regions::region_name(id, lang).to_owned(),
            Cell::Month(y, m) => super::labels::month_label(lang, *y, *m),
            Cell::Year(y) => y.to_string(),
            Cell::Figure(f) => f.display(lang),
            Cell::Empty => String::new(),
        }
    }

    /// The cell in exports: region ids, "2026-03" months, plain numbers, "<5".
    pub fn machine(&self, lang: Lang) -> String {
        match self {
            Cell::Region(id) => id.clone(),
            Cell::Month(y, m) => format!("{y:04}-{m:02}"),
            Cell::Figure(f) => f.machine(),
            other => other.display(lang),
        }
    }

    /// The figure held by the cell, if any.
    pub fn figure(&self) -> Option<Figure> {
        match self {
            Cell::Figure(f) => Some(*f),
            _ => None,
        }
    }
}

/// How a table is drawn besides its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visual {
    /// Only the table.
    #[default]
    None,
    /// Horizontal bars: one per row, labelled by column `label`, sized by column `value`.
    Bars {
        /// Column of the row labels.
        label: usize,
        /// Column of the figures.
        value: usize,
    },
    /// Choropleth of Mali: `region` column holds [`Cell::Region`] ids, `value` the figures.
    Map {
        /// Column of region ids.
        region: usize,
        /// Column of the figures.
        value: usize,
    },
    /// Monthly lines: `month` column holds [`Cell::Month`], every figure column is a series.
    Series {
        /// Column of months.
        month: usize,
    },
}

/// A statistics table: what the page shows and what `/statistics/<id>.csv|.json` return.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Download name, `[a-z0-9_]`, e.g. "experts_by_region".
    pub id: String,
    /// French title.
    pub title_fr: String,
    /// English title.
    pub title_en: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column, already sorted.
    pub rows: Vec<Vec<Cell>>,
    /// Map, bars, lines or nothing.
    pub visual: Visual,
    /// Show only the first rows on the page (e.g. top 20); exports keep all.
    pub limit: Option<usize>,
    /// Optional French note under the table.
    pub note_fr: String,
    /// Optional English note under the table.
    pub note_en: String,
}

impl Table {
    /// An empty table with an id and titles.
    pub fn new(id: &str, title_fr: &str, title_en: &str) -> Table {
        Table {
            id: id.into(),
            title_fr: title_fr.into(),
            title_en: title_en.into(),
            ..Table::default()
        }
    }

    /// Adds a column.
    pub fn column(mut self, key: &str, label_fr: &str, label_en: &str) -> Table {
        self.columns.push(Column::new(key, label_fr, label_en));
        self
    }

    /// Adds a row.
    pub fn row(mut self, cells: Vec<Cell>) -> Table {
        self.rows.push(cells);
        self
    }

    /// Sets how the table is drawn.
    pub fn visual(mut self, visual: Visual) -> Table {
        self.visual = visual;
        self
    }

    /// Shows only the first `n` rows on the page.
    pub fn limit(mut self, n: usize) -> Table {
        self.limit = Some(n);
        self
    }

    /// Sets the note under the table.
    pub fn note(mut self, fr: &str, en: &str) -> Table {
        self.note_fr = fr.into();
        self.note_en = en.into();
        self
    }

    /// The title in the given language.
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_fr, &self.title_en)
    }

    /// A region table (region, one figure column) drawn as a choropleth.
    pub fn by_region(
        id: &str,
        titles: (&str, &str),
        value: (&str, &str, &str),
        rows: &[(&str, Figure)],
    ) -> Table {
        let mut t = Table::new(id, titles.0, titles.1)
            .column("region", "Région", "Region")
            .column(value.0, value.1, value.2)
            .visual(Visual::Map {
                region: 0,
                value: 1,
            });
        t.rows = rows
            .iter()
            .map(|(r, f)| vec![Cell::Region((*r).into()), Cell::Figure(*f)])
            .collect();
        t
    }

    /// A label/figure table drawn as horizontal bars (label column key, then value column).
    pub fn ranking(
        id: &str,
        titles: (&str, &str),
        label: (&str, &str, &str),
        value: (&str, &str, &str),
        rows: Vec<(String, Figure)>,
    ) -> Table {
        let mut t = Table::new(id, titles.0, titles.1)
            .column(label.0, label.1, label.2)
            .column(value.0, value.1, value.2)
            .visual(Visual::Bars { label: 0, value: 1 });
        t.rows = rows
            .into_iter()
            .map(|(l, f)| vec![Cell::Text(l), Cell::Figure(f)])
            .collect();
        t
    }
}

/// Byte order mark to put before a CSV body so that spreadsheet programs read it as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// The table as RFC 4180 CSV (CRLF, French texts); header row = column keys.
pub fn to_csv(table: &Table) -> String {
    to_csv_lang(table, "fr")
}

/// The table as RFC 4180 CSV with bilingual texts in the given language.
pub fn to_csv_lang(table: &Table, lang_code: &str) -> String {
    let lang = Lang::from_code(lang_code);
    let mut out = String::new();
    let header: Vec<String> = table.columns.iter().map(|c| csv_field(&c.key)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(_) | Cell::Bilingual { .. } => {
                    csv_field(&defuse_formula(c.machine(lang)))
                }
                other => csv_field(&other.machine(lang)),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a CSV field when it holds a comma, a semicolon (the separator of spreadsheets in
/// French locales), a quote or a line break, doubling inner quotes.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Prefixes text that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe —
/// at the start, and after every `;` or `,`, where a spreadsheet that splits on them (ignoring
/// quotes) would start a new cell.
fn defuse_formula(s: String) -> String {
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    let mut out = String::with_capacity(s.len() + 2);
    let mut at_cell_start = true;
    for c in s.chars() {
        if at_cell_start && risky(c) {
            out.push('\'');
        }
        out.push(c);
        at_cell_start = matches!(c, ';' | ',');
    }
    out
}

/// The table as JSON: `{"id","title_fr","title_en","columns":[{key,label_fr,label_en}],"rows":[{key: value}]}`.
///
/// Counts and amounts are numbers; hidden counts are the string "<5", ranges "13-16";
/// regions are ids, months "YYYY-MM", bilingual texts `{"fr","en"}`, empty cells null.
pub fn to_json(table: &Table) -> String {
    let mut out = format!(
        "{{\"id\":{},\"title_fr\":{},\"title_en\":{},\"columns\":[",
        json_str(&table.id),
        json_str(&table.title_fr),
        json_str(&table.title_en)
    );
    for (i, c) in table.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "{{\"key\":{},\"label_fr\":{},\"label_en\":{}}}",
            json_str(&c.key),
            json_str(&c.label_fr),
            json_str(&c.label_en)
        ));
    }
    out.push_str("],\"rows\":[");
    for (i, row) in table.rows.iter().enumerate() {
        out.push_str(if i > 0 { ",{" } else { "{" });
        for (j, (col, cell)) in table.columns.iter().zip(row).enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&json_str(&col.key));
            out.push(':');
            out.push_str(&json_cell(cell));
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}

fn json_cell(cell: &Cell) -> String {
    match cell {
        Cell::Empty => "null".into(),
        Cell::Year(y) => y.to_string(),
        Cell::Bilingual { fr, en } => {
            format!("{{\"fr\":{},\"en\":{}}}", json_str(fr), json_str(en))
        }
        Cell::Figure(f) => match f.normalised() {
            Figure::Count(n) => n.to_string(),
            Figure::Amount(x) if x.is_finite() => f.machine(),
            Figure::Amount(_) => "null".into(),
            _ => json_str(&f.machine()),
        },
        other => json_str(&other.machine(Lang::Fr)),
    }
}

/// A JSON string literal with the required escapes.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
