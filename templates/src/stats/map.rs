//! Choropleth map of Mali's regions and the small region locator, as inline SVG.

use maud::{Markup, html};

use super::figure::Figure;
use super::geo::{self, SHAPES, VIEW_BOX};
use super::labels::{L, Lang, map_desc, t};
use super::regions::{REGIONS, region, region_name};

/// Sequential, colour-blind-safe palette (ColorBrewer YlGnBu, 5 classes), light to dark.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
/// Fill for regions without data or with 0.
pub const NO_DATA_FILL: &str = "#f0f0f0";
/// Stroke of the region borders.
const BORDER: &str = "#636363";

/// Colour bucket of a polygon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// No figure, or 0: class `q-na`.
    NoData,
    /// A hidden count ("< 5"): class `q-lt5`, hatched.
    Hidden,
    /// Class `q0` (lightest) to `q4` (darkest).
    Class(usize),
}

impl Bucket {
    /// The CSS class of the bucket.
    pub fn class(self) -> String {
        match self {
            Bucket::NoData => "q-na".into(),
            Bucket::Hidden => "q-lt5".into(),
            Bucket::Class(k) => format!("q{k}"),
        }
    }

    fn fill(self, hatch_id: &str) -> String {
        match self {
            Bucket::NoData => NO_DATA_FILL.into(),
            Bucket::Hidden => format!("url(#{hatch_id})"),
            Bucket::Class(k) => PALETTE[k.min(4)].into(),
        }
    }
}

/// The figure of every polygon: its own region plus the regions it covers (Taoudénit in Tombouctou).
pub fn polygon_figures(values: &[(&str, Figure)]) -> Vec<(&'static str, Option<Figure>)> {
    SHAPES
        .iter()
        .map(|shape| {
            let fig = values
                .iter()
                .filter(|(id, _)| shape.covers.iter().any(|c| c == id))
                .map(|(_, f)| *f)
                .reduce(Figure::plus);
            (shape.id.as_str(), fig)
        })
        .collect()
}

/// Puts figures into 5 classes by rank of their distinct values (few values are spread out).
pub fn buckets(figures: &[Option<Figure>]) -> Vec<Bucket> {
    let mut distinct: Vec<f64> = figures
        .iter()
        .filter_map(|f| f.and_then(Figure::value))
        .filter(|v| *v > 0.0)
        .collect();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    let n = distinct.len();
    figures
        .iter()
        .map(|f| match f {
            None => Bucket::NoData,
            Some(f) if f.is_suppressed() => Bucket::Hidden,
            Some(f) => match f.value() {
                Some(v) if v > 0.0 => {
                    let j = distinct.iter().position(|d| *d == v).unwrap_or(0);
                    Bucket::Class(if n <= 5 {
                        if n == 1 { 4 } else { j * 4 / (n - 1) }
                    } else {
                        j * 5 / n
                    })
                }
                _ => Bucket::NoData,
            },
        })
        .collect()
}

/// Choropleth of Mali by region with its legend, notes and a table of the same figures.
///
/// `values` are (region id, figure); Taoudénit's figure is added to Tombouctou's polygon.
/// `legend` names what is counted ("Experts", "Financement confirmé").
pub fn choropleth(values: &[(&str, Figure)], title: &str, lang_code: &str, legend: &str) -> Markup {
    choropleth_with_id(
        &format!("map-{}", super::slug(title)),
        values,
        title,
        lang_code,
        legend,
    )
}

/// Same as [`choropleth`], with an explicit element id (unique on the page).
pub fn choropleth_with_id(
    dom_id: &str,
    values: &[(&str, Figure)],
    title: &str,
    lang_code: &str,
    legend: &str,
) -> Markup {
    let lang = Lang::from_code(lang_code);
    let polys = polygon_figures(values);
    let figs: Vec<Option<Figure>> = polys.iter().map(|(_, f)| *f).collect();
    let classes = buckets(&figs);
    let hatch = format!("{dom_id}-h");
    let taoudenit = values.iter().any(|(id, _)| *id == "taoudenit");
    let shown = |f: Option<Figure>| f.map_or_else(|| "—".to_owned(), |f| f.display(lang));
    let tooltip = |id: &str, f: Option<Figure>| {
        let with = if id == "tombouctou" && taoudenit {
            format!(" ({})", t(lang, L::WithTaoudenit))
        } else {
            String::new()
        };
        format!(
            "{}{with}{} {}",
            region_name(id, lang),
            lang.pick(" :", ":"),
            shown(f)
        )
    };
    let mut table_rows: Vec<(String, Option<Figure>)> = REGIONS
        .iter()
        .map(|r| {
            (
                lang.pick(r.name_fr, r.name_en).to_owned(),
                values
                    .iter()
                    .filter(|(id, _)| *id == r.id)
                    .map(|(_, f)| *f)
                    .reduce(Figure::plus),
            )
        })
        .collect();
    for (id, f) in values.iter().filter(|(id, _)| region(id).is_none()) {
        table_rows.push(((*id).to_owned(), Some(*f)));
    }
    let bamako = region("bamako").map(|r| geo::project(r.label_lon, r.label_lat));
    html! {
        figure.stats-map id=(dom_id) {
            div.stats-map-graphic {
                svg.choropleth viewBox=(VIEW_BOX) role="img" aria-labelledby={ (dom_id) "-t " (dom_id) "-d" } xmlns="http://www.w3.org/2000/svg" {
                    title id={ (dom_id) "-t" } { (title) }
                    desc id={ (dom_id) "-d" } { (map_desc(lang, legend)) }
                    defs {
                        pattern id=(hatch) width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                            rect width="4" height="4" fill="#ffffff" {}
                            rect width="1.6" height="4" fill="#969696" {}
                        }
                    }
                    g stroke=(BORDER) stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd" {
                        @for ((shape, (id, fig)), bucket) in SHAPES.iter().zip(&polys).zip(&classes) {
                            path d=(shape.d) class=(bucket.class()) fill=(bucket.fill(&hatch)) data-region=(id) data-value=(shown(*fig)) {
                                title { (tooltip(id, *fig)) }
                            }
                        }
                        @if let (Some((x, y)), Some(i)) = (bamako, polys.iter().position(|(id, _)| *id == "bamako")) {
                            circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="3.5" class=(classes[i].class()) fill=(classes[i].fill(&hatch)) stroke="#252525" stroke-width="0.8" {
                                title { (tooltip("bamako", polys[i].1)) }
                            }
                        }
                    }
                }
                (legend_list(lang, legend, &figs, &classes, &hatch))
            }
            table.stats-table {
                caption { (title) }
                thead { tr { th scope="col" { (t(lang, L::Region)) } th scope="col" { (legend) } } }
                tbody {
                    @for (name, fig) in &table_rows {
                        tr { th scope="row" { (name) } td.num { (shown(*fig)) } }
                    }
                }
            }
            figcaption {
                p.stats-note { (t(lang, L::TaoudenitNote)) }
                p.stats-attribution { small { (t(lang, L::Attribution)) } }
            }
        }
    }
}

fn legend_list(
    lang: Lang,
    legend: &str,
    figs: &[Option<Figure>],
    classes: &[Bucket],
    hatch: &str,
) -> Markup {
    let mut entries: Vec<(Bucket, String)> = Vec::new();
    for k in 0..5 {
        let mut members: Vec<Figure> = figs
            .iter()
            .zip(classes)
            .filter(|(_, b)| **b == Bucket::Class(k))
            .filter_map(|(f, _)| *f)
            .collect();
        members.sort_by(|a, b| {
            a.value()
                .unwrap_or(0.0)
                .total_cmp(&b.value().unwrap_or(0.0))
        });
        if let (Some(lo), Some(hi)) = (members.first(), members.last()) {
            let text = if lo.value() == hi.value() {
                lo.display(lang)
            } else {
                format!("{} – {}", lo.display(lang), hi.display(lang))
            };
            entries.push((Bucket::Class(k), text));
        }
    }
    if classes.contains(&Bucket::Hidden) {
        entries.push((Bucket::Hidden, t(lang, L::Hidden).into()));
    }
    entries.push((Bucket::NoData, t(lang, L::NoData).into()));
    html! {
        div.stats-legend {
            p.stats-legend-title { (t(lang, L::Legend)) " — " (legend) }
            ul {
                @for (bucket, text) in &entries {
                    li class=(bucket.class()) {
                        svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" {
                            @if *bucket == Bucket::Hidden {
                                rect width="14" height="14" fill="#ffffff" stroke=(BORDER) {}
                                path d="M0 14L14 0M-3 3L3-3M11 17L17 11" stroke="#969696" stroke-width="2" {}
                            } @else {
                                rect width="14" height="14" fill=(bucket.fill(hatch)) stroke=(BORDER) {}
                            }
                        }
                        " " (text)
                    }
                }
            }
        }
    }
}

/// A tiny (120 px wide) map of Mali highlighting one region, for project pages.
pub fn region_locator(region_id: &str, lang_code: &str) -> Markup {
    let lang = Lang::from_code(lang_code);
    let target = region(region_id);
    let label = match target {
        Some(r) => format!(
            "{}{} {}, Mali",
            t(lang, L::Location),
            lang.pick(" :", ":"),
            lang.pick(r.name_fr, r.name_en)
        ),
        None => "Mali".to_owned(),
    };
    let polygon = target.map_or("", |r| r.polygon);
    let dot = target.map(|r| geo::project(r.label_lon, r.label_lat));
    html! {
        svg.stats-locator width="120" height="114" viewBox=(VIEW_BOX) role="img" aria-label=(label) xmlns="http://www.w3.org/2000/svg" {
            title { (label) }
            g stroke="#ffffff" stroke-width="2" stroke-linejoin="round" fill-rule="evenodd" {
                @for shape in SHAPES.iter() {
                    @let on = shape.id == polygon;
                    path d=(shape.d_coarse) data-region=(shape.id) fill=(if on { PALETTE[3] } else { "#d9d9d9" }) class=(if on { "on" } else { "off" }) {}
                }
            }
            @if let Some((x, y)) = dot {
                circle cx=(format!("{x:.0}")) cy=(format!("{y:.0}")) r="9" fill=(PALETTE[4]) stroke="#ffffff" stroke-width="3" {}
            }
        }
    }
}
