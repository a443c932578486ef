//! Horizontal bar charts and monthly time series as responsive inline SVG, each with its table.

use maud::{Markup, html};

use super::figure::{Figure, format_euros, format_number};
use super::labels::{L, Lang, bar_desc, month_label, month_short, series_desc, t};

/// Bar colour (darkest-but-one of the map palette).
const BAR_FILL: &str = "#2c7fb8";
/// Okabe–Ito colours with dash patterns, so series differ without colour vision.
const SERIES_STYLE: [(&str, &str); 6] = [
    ("#0072b2", ""),
    ("#d55e00", "6 3"),
    ("#009e73", "2 2"),
    ("#cc79a7", "8 3 2 3"),
    ("#e69f00", "4 4"),
    ("#56b4e9", "1 3"),
];
/// One monthly point: (year, month 1–12, figure).
pub type Point = (i32, u8, Figure);
/// A named monthly series.
pub type Series = (String, Vec<Point>);

const GRID: &str = "#d9d9d9";
const INK: &str = "#252525";

/// Rounds `max / steps` up to 1, 2, 2.5 or 5 × 10^k; returns (step, axis maximum).
pub fn nice_axis(max: f64, steps: u32) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, steps as f64);
    }
    let raw = max / steps as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let step = if step < 1.0 { 1.0 } else { step };
    (step, (max / step).ceil() * step)
}

fn tick_text(v: f64, euros: bool, lang: Lang) -> String {
    if euros {
        format_euros(v, lang)
    } else {
        format_number(v, lang)
    }
}

fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Horizontal bar chart: one bar per row with its value printed, plus the same figures in a table.
pub fn bar_chart(title: &str, rows: &[(String, Figure)], lang_code: &str) -> Markup {
    bar_chart_with_id(
        &format!("bars-{}", super::slug(title)),
        title,
        rows,
        lang_code,
    )
}

/// Same as [`bar_chart`], with an explicit element id (unique on the page).
pub fn bar_chart_with_id(
    dom_id: &str,
    title: &str,
    rows: &[(String, Figure)],
    lang_code: &str,
) -> Markup {
    let lang = Lang::from_code(lang_code);
    let (label_w, bar_w, row_h, top) = (210.0, 330.0, 22.0, 8.0);
    let width = label_w + bar_w + 100.0;
    let height = top + row_h * rows.len() as f64 + 30.0;
    let euros = rows.iter().any(|(_, f)| matches!(f, Figure::Amount(_)));
    let max = rows
        .iter()
        .filter_map(|(_, f)| f.value())
        .fold(0.0, f64::max);
    let (step, axis_max) = nice_axis(max, 4);
    let ticks: Vec<f64> = (0..)
        .map(|i| i as f64 * step)
        .take_while(|v| *v <= axis_max + step / 2.0)
        .collect();
    let x = |v: f64| label_w + v / axis_max * bar_w;
    let axis_y = top + row_h * rows.len() as f64;
    html! {
        figure.stats-chart.stats-bars id=(dom_id) {
            @if rows.is_empty() {
                figcaption { (title) }
                p.stats-empty { (t(lang, L::NoRows)) }
            } @else {
                svg viewBox={ "0 0 " (width) " " (height) } role="img" aria-labelledby={ (dom_id) "-t " (dom_id) "-d" } xmlns="http://www.w3.org/2000/svg" font-size="12" fill=(INK) {
                    title id={ (dom_id) "-t" } { (title) }
                    desc id={ (dom_id) "-d" } { (bar_desc(lang, rows.len())) }
                    g.axis stroke=(GRID) {
                        @for v in &ticks {
                            line x1=(fmt1(x(*v))) x2=(fmt1(x(*v))) y1=(top) y2=(axis_y) {}
                        }
                    }
                    g.ticks text-anchor="middle" font-size="11" {
                        @for v in &ticks {
                            text x=(fmt1(x(*v))) y=(fmt1(axis_y + 16.0)) { (tick_text(*v, euros, lang)) }
                        }
                    }
                    @for (i, (label, fig)) in rows.iter().enumerate() {
                        @let y = top + row_h * i as f64;
                        @let shown = fig.display(lang);
                        @let w = fig.value().map_or(0.0, |v| v / axis_max * bar_w);
                        g.row {
                            title { (label) (lang.pick(" : ", ": ")) (shown) }
                            text x=(label_w - 6.0) y=(fmt1(y + 15.0)) text-anchor="end" { (shorten(label, 28)) }
                            rect.bar x=(label_w) y=(fmt1(y + 4.0)) width=(fmt1(w)) height="14" fill=(BAR_FILL) data-value=(shown) {}
                            text.value x=(fmt1(label_w + w + 4.0)) y=(fmt1(y + 15.0)) font-style=[fig.is_suppressed().then_some("italic")] { (shown) }
                        }
                    }
                    line x1=(label_w) x2=(label_w) y1=(top) y2=(axis_y) stroke=(INK) {}
                }
                details.stats-data {
                    summary { (t(lang, L::DataTable)) }
                    table.stats-table {
                        caption { (title) }
                        tbody {
                            @for (label, fig) in rows {
                                tr { th scope="row" { (label) } td.num { (fig.display(lang)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn fmt1(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// Months from the first to the last present in the series, with no gap.
fn month_range(series: &[Series]) -> Vec<(i32, u8)> {
    let key = |y: i32, m: u8| y * 12 + i32::from(m.clamp(1, 12)) - 1;
    let all = series
        .iter()
        .flat_map(|(_, pts)| pts.iter().map(|(y, m, _)| key(*y, *m)));
    let (Some(lo), Some(hi)) = (all.clone().min(), all.max()) else {
        return Vec::new();
    };
    (lo..=hi)
        .map(|k| (k.div_euclid(12), (k.rem_euclid(12) + 1) as u8))
        .collect()
}

/// Monthly time series as lines (breaks where a month is missing or hidden), plus a table.
pub fn time_series(title: &str, series: &[Series], lang_code: &str) -> Markup {
    time_series_with_id(
        &format!("series-{}", super::slug(title)),
        title,
        series,
        lang_code,
    )
}

/// Same as [`time_series`], with an explicit element id (unique on the page).
pub fn time_series_with_id(
    dom_id: &str,
    title: &str,
    series: &[Series],
    lang_code: &str,
) -> Markup {
    let lang = Lang::from_code(lang_code);
    let months = month_range(series);
    let lookup = |pts: &[Point], (y, m): (i32, u8)| {
        pts.iter()
            .filter(|p| p.0 == y && p.1 == m)
            .map(|p| p.2)
            .reduce(Figure::plus)
    };
    let grid: Vec<Vec<Option<Figure>>> = series
        .iter()
        .map(|(_, pts)| months.iter().map(|ym| lookup(pts, *ym)).collect())
        .collect();
    let euros = grid
        .iter()
        .flatten()
        .flatten()
        .any(|f| matches!(f, Figure::Amount(_)));
    let max = grid
        .iter()
        .flatten()
        .flatten()
        .filter_map(|f| f.value())
        .fold(0.0, f64::max);
    let (step, axis_max) = nice_axis(max, 4);
    let widest = tick_text(axis_max, euros, lang).chars().count() as f64;
    let (left, plot_w, top, plot_h) = (16.0 + 6.5 * widest, 560.0, 14.0, 220.0);
    let (width, height) = (left + plot_w + 44.0, top + plot_h + 42.0);
    let n = months.len();
    let x = |i: usize| {
        if n <= 1 {
            left + plot_w / 2.0
        } else {
            left + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| top + plot_h - v / axis_max * plot_h;
    let every = n.div_ceil(12).max(1);
    let print_values = n <= 24;
    let names: Vec<&str> = series.iter().map(|(s, _)| s.as_str()).collect();
    html! {
        figure.stats-chart.stats-series id=(dom_id) {
            @if months.is_empty() {
                figcaption { (title) }
                p.stats-empty { (t(lang, L::NoRows)) }
            } @else {
                @let (first, last) = (months[0], months[n - 1]);
                svg viewBox={ "0 0 " (width) " " (height) } role="img" aria-labelledby={ (dom_id) "-t " (dom_id) "-d" } xmlns="http://www.w3.org/2000/svg" font-size="11" fill=(INK) {
                    title id={ (dom_id) "-t" } { (title) }
                    desc id={ (dom_id) "-d" } { (series_desc(lang, &names.join(", "), &month_label(lang, first.0, first.1), &month_label(lang, last.0, last.1))) }
                    @for k in 0..=((axis_max / step).round() as usize) {
                        @let v = k as f64 * step;
                        line x1=(left) x2=(left + plot_w) y1=(fmt1(y(v))) y2=(fmt1(y(v))) stroke=(GRID) {}
                        text x=(left - 6.0) y=(fmt1(y(v) + 4.0)) text-anchor="end" { (tick_text(v, euros, lang)) }
                    }
                    g.months text-anchor="middle" {
                        @for (i, (yr, m)) in months.iter().enumerate() {
                            @if i % every == 0 {
                                text x=(fmt1(x(i))) y=(top + plot_h + 16.0) { (month_short(lang, *m)) }
                                @if i == 0 || *m <= every as u8 {
                                    text x=(fmt1(x(i))) y=(top + plot_h + 30.0) { (yr) }
                                }
                            }
                        }
                    }
                    @for (s, ((name, _), col)) in series.iter().zip(&grid).enumerate() {
                        @let (colour, dash) = SERIES_STYLE[s % SERIES_STYLE.len()];
                        g.series data-series=(name) {
                            path d=(line_path(col, &x, &y)) fill="none" stroke=(colour) stroke-width="2" stroke-dasharray=[(!dash.is_empty()).then_some(dash)] {}
                            @for (i, fig) in col.iter().enumerate() {
                                @if let Some(f) = fig {
                                    @let v = f.value().unwrap_or(0.0);
                                    @let hollow = f.is_suppressed();
                                    circle.pt cx=(fmt1(x(i))) cy=(fmt1(y(v))) r="3" fill=(if hollow { "#ffffff" } else { colour }) stroke=(colour) data-value=(f.display(lang)) {
                                        title { (name) " — " (month_label(lang, months[i].0, months[i].1)) (lang.pick(" : ", ": ")) (f.display(lang)) }
                                    }
                                    @if print_values {
                                        text x=(fmt1(x(i))) y=(fmt1(y(v) - 6.0)) text-anchor="middle" font-size="9" fill=(colour) { (f.display(lang)) }
                                    }
                                }
                            }
                        }
                    }
                    line x1=(left) x2=(left + plot_w) y1=(top + plot_h) y2=(top + plot_h) stroke=(INK) {}
                }
                ul.stats-series-legend {
                    @for (s, name) in names.iter().enumerate() {
                        @let (colour, dash) = SERIES_STYLE[s % SERIES_STYLE.len()];
                        li {
                            svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" {
                                line x1="0" x2="28" y1="5" y2="5" stroke=(colour) stroke-width="2" stroke-dasharray=[(!dash.is_empty()).then_some(dash)] {}
                            }
                            " " (name)
                        }
                    }
                }
                details.stats-data {
                    summary { (t(lang, L::DataTable)) }
                    table.stats-table {
                        caption { (title) }
                        thead { tr { th scope="col" { (t(lang, L::Month)) } @for name in &names { th scope="col" { (name) } } } }
                        tbody {
                            @for (i, (yr, m)) in months.iter().enumerate() {
                                tr {
                                    th scope="row" { (month_label(lang, *yr, *m)) }
                                    @for col in &grid { td.num { (col[i].map_or_else(String::new, |f| f.display(lang))) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "M x y L x y …", starting a new segment after every missing or hidden month.
fn line_path(col: &[Option<Figure>], x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, fig) in col.iter().enumerate() {
        match fig.and_then(Figure::value) {
            Some(v) => {
                d.push_str(if pen_down { "L" } else { "M" });
                d.push_str(&format!("{} {}", fmt1(x(i)), fmt1(y(v))));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}
