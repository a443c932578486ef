//! The statistics views' own French/English strings (independent of the main catalogue).

/// Language of a statistics view; build it from the request's language code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// "en", "en-GB"… give English; anything else gives French.
    pub fn from_code(code: &str) -> Lang {
        if code.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The two-letter code ("fr" or "en").
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// Keys of the fixed strings of the statistics views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum L {
    /// Page heading.
    Statistics,
    /// Page introduction.
    Intro,
    /// Explains the "< 5" rule.
    SuppressionNote,
    /// Taoudénit is drawn inside Tombouctou.
    TaoudenitNote,
    /// Boundary attribution printed under maps.
    Attribution,
    /// Legend entry for absent or zero figures.
    NoData,
    /// Legend entry for suppressed figures.
    Hidden,
    /// Summary of the <details> holding a chart's table.
    DataTable,
    /// Label before the download links.
    Download,
    /// Column header for regions.
    Region,
    /// Column header for months.
    Month,
    /// Shown when a table has no rows.
    NoRows,
    /// "with Taoudénit", appended to Tombouctou's tooltip.
    WithTaoudenit,
    /// Legend heading.
    Legend,
    /// Title prefix of the region locator.
    Location,
}

/// The text of a fixed string in the given language.
pub fn t(lang: Lang, key: L) -> &'static str {
    use L::*;
    match key {
        Statistics => lang.pick("Statistiques", "Statistics"),
        Intro => lang.pick(
            "Le capital humain, technique et financier de la diaspora malienne, et ce qu'il accomplit au pays.",
            "The human, technical and financial capital of the Malian diaspora, and what it achieves at home.",
        ),
        SuppressionNote => lang.pick(
            "Pour protéger les personnes, les effectifs de 1 à 4 sont affichés « < 5 ».",
            "To protect individuals, counts from 1 to 4 are shown as \u{201c}< 5\u{201d}.",
        ),
        TaoudenitNote => lang.pick(
            "Taoudénit n'a pas encore de contour ouvert : ses chiffres sont comptés avec Tombouctou.",
            "Taoudénit has no open boundary yet: its figures are counted with Tombouctou.",
        ),
        Attribution => lang.pick(
            "Contours : Who's On First (whosonfirst.org), d'après les limites administratives du Mali de la DNCT / DNP et d'OCHA (HDX COD-AB), CC BY 4.0 ; simplifiés et modifiés pour Passerelle.",
            "Boundaries: Who's On First (whosonfirst.org), derived from the administrative boundaries of Mali by DNCT / DNP and UN OCHA (HDX COD-AB), CC BY 4.0; simplified and modified for Passerelle.",
        ),
        NoData => lang.pick("0 ou aucune donnée", "0 or no data"),
        Hidden => lang.pick("< 5 (masqué)", "< 5 (hidden)"),
        DataTable => lang.pick("Tableau des données", "Data table"),
        Download => lang.pick("Télécharger", "Download"),
        Region => lang.pick("Région", "Region"),
        Month => lang.pick("Mois", "Month"),
        NoRows => lang.pick("Pas encore de données.", "No data yet."),
        WithTaoudenit => lang.pick("avec Taoudénit", "with Taoudénit"),
        Legend => lang.pick("Légende", "Legend"),
        Location => lang.pick("Localisation", "Location"),
    }
}

/// Abbreviated month name, 1 = January ("janv." / "Jan").
pub fn month_short(lang: Lang, month: u8) -> &'static str {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = usize::from(month.clamp(1, 12)) - 1;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

/// "mars 2026" / "Mar 2026".
pub fn month_label(lang: Lang, year: i32, month: u8) -> String {
    format!("{} {year}", month_short(lang, month))
}

/// Note under a truncated table: "20 premières lignes sur 134 ; toutes dans le CSV".
pub fn top_note(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Fr => {
            format!("{shown} premières lignes sur {total} ; toutes dans les téléchargements.")
        }
        Lang::En => format!("First {shown} rows of {total}; all of them in the downloads."),
    }
}

/// Description of a bar chart for assistive technology.
pub fn bar_desc(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "Diagramme en barres horizontales, {n} catégories ; mêmes chiffres dans le tableau."
        ),
        Lang::En => format!("Horizontal bar chart, {n} categories; same figures in the table."),
    }
}

/// Description of a time series chart for assistive technology.
pub fn series_desc(lang: Lang, names: &str, from: &str, to: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Courbes mensuelles ({names}) de {from} à {to} ; mêmes chiffres dans le tableau."
        ),
        Lang::En => {
            format!("Monthly lines ({names}) from {from} to {to}; same figures in the table.")
        }
    }
}

/// Description of a choropleth map for assistive technology.
pub fn map_desc(lang: Lang, legend: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Carte du Mali par région, colorée selon : {legend}. Mêmes chiffres dans le tableau."
        ),
        Lang::En => {
            format!("Map of Mali by region, coloured by: {legend}. Same figures in the table.")
        }
    }
}
