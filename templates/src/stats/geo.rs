//! Region outlines: the embedded GeoJSON, projected once to compact SVG path strings.

use std::sync::LazyLock;

/// The GeoJSON of the 10 region polygons (see `templates/assets/geo/SOURCES.md`).
pub const REGIONS_GEOJSON: &str = include_str!("../../assets/geo/mali_regions.geojson");

const LON0: f64 = -12.236;
const LAT0: f64 = 25.0;
const SCALE: f64 = 20.0;

/// The SVG viewBox holding the whole country, with a 2-unit margin.
pub const VIEW_BOX: &str = "-2 -2 319 302";

/// One projected polygon.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Polygon id (a region id).
    pub id: String,
    /// Region ids drawn by this polygon (Tombouctou also covers Taoudénit).
    pub covers: Vec<String>,
    /// Path data at 0.1 unit precision, for the full map.
    pub d: String,
    /// Path data on a 2-unit grid, for the tiny locator map.
    pub d_coarse: String,
}

/// Projects lon/lat to SVG units: equirectangular, x shrunk by cos 17.5°, 20 units per degree.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let k = 17.5f64.to_radians().cos();
    ((lon - LON0) * k * SCALE, (LAT0 - lat) * SCALE)
}

/// The 10 projected polygons, computed on first use.
pub static SHAPES: LazyLock<Vec<Shape>> = LazyLock::new(|| {
    let json = Parser {
        b: REGIONS_GEOJSON.as_bytes(),
        i: 0,
    }
    .value()
    .unwrap_or(Json::Null);
    let features = json.get("features").and_then(Json::items).unwrap_or(&[]);
    features.iter().filter_map(project_feature).collect()
});

/// The projected polygon with this id, if any.
pub fn shape(id: &str) -> Option<&'static Shape> {
    SHAPES.iter().find(|s| s.id == id)
}

fn project_feature(feature: &Json) -> Option<Shape> {
    let props = feature.get("properties")?;
    let id = props.get("id")?.text()?.to_owned();
    let covers = match props.get("covers").and_then(Json::items) {
        Some(c) => c
            .iter()
            .filter_map(|v| v.text().map(str::to_owned))
            .collect(),
        None => vec![id.clone()],
    };
    let geom = feature.get("geometry")?;
    let coords = geom.get("coordinates")?.items()?;
    let polygons: Vec<&Json> = match geom.get("type")?.text()? {
        "Polygon" => vec![geom.get("coordinates")?],
        "MultiPolygon" => coords.iter().collect(),
        _ => return None,
    };
    let (mut d, mut d_coarse) = (String::new(), String::new());
    for polygon in polygons {
        for ring in polygon.items()? {
            let pts: Vec<(f64, f64)> = ring
                .items()?
                .iter()
                .filter_map(|p| match p.items()? {
                    [lon, lat, ..] => Some(project(lon.number()?, lat.number()?)),
                    _ => None,
                })
                .collect();
            push_ring(&mut d, &pts, 1);
            push_ring(&mut d_coarse, &pts, 20);
        }
    }
    Some(Shape {
        id,
        covers,
        d,
        d_coarse,
    })
}

/// Appends one closed ring as "M x y l dx dy … z", snapped to a grid of `grid` tenths of a unit.
fn push_ring(out: &mut String, pts: &[(f64, f64)], grid: i64) {
    let snap = |v: f64| (v * 10.0 / grid as f64).round() as i64 * grid;
    let mut q: Vec<(i64, i64)> = Vec::with_capacity(pts.len());
    for &(x, y) in pts {
        let p = (snap(x), snap(y));
        if q.last() != Some(&p) {
            q.push(p);
        }
    }
    if q.len() > 1 && q.first() == q.last() {
        q.pop();
    }
    if q.len() < 3 {
        return;
    }
    out.push('M');
    push_tenths(out, q[0].0);
    push_tenths(out, q[0].1);
    out.push('l');
    for w in q.windows(2) {
        push_tenths(out, w[1].0 - w[0].0);
        push_tenths(out, w[1].1 - w[0].1);
    }
    out.push('z');
}

/// Writes a number given in tenths in its shortest SVG form ("12", "1.5", ".5", "-.5").
fn push_tenths(out: &mut String, v: i64) {
    use std::fmt::Write as _;
    if v >= 0 && out.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
        out.push(' ');
    }
    if v < 0 {
        out.push('-');
    }
    let (int, frac) = (v.abs() / 10, v.abs() % 10);
    if int > 0 || frac == 0 {
        let _ = write!(out, "{int}");
    }
    if frac > 0 {
        let _ = write!(out, ".{frac}");
    }
}

// A parsed JSON value (just enough JSON for the embedded GeoJSON).
#[derive(Debug, Clone, PartialEq)]
enum Json {
    /// null, and also true/false (unused here).
    Null,
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The elements of an array.
    fn items(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    /// The text of a string.
    fn text(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The value of a number.
    fn number(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let ok = self.b.get(self.i) == Some(&c);
        self.i += usize::from(ok);
        ok
    }

    fn value(&mut self) -> Option<Json> {
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(members));
                }
                loop {
                    self.ws();
                    let Json::Str(k) = self.string()? else {
                        return None;
                    };
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((k, self.value()?));
                    if self.eat(b'}') {
                        return Some(Json::Obj(members));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    if self.eat(b']') {
                        return Some(Json::Arr(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string(),
            b't' | b'f' | b'n' => {
                while self.b.get(self.i).is_some_and(u8::is_ascii_alphabetic) {
                    self.i += 1;
                }
                Some(Json::Null)
            }
            _ => {
                let start = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| b"+-.eE0123456789".contains(c))
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.b[start..self.i])
                    .ok()?
                    .parse()
                    .ok()
                    .map(Json::Num)
            }
        }
    }

    fn string(&mut self) -> Option<Json> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while !matches!(self.b.get(self.i), Some(b'"' | b'\\') | None) {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(Json::Str(out));
                }
                _ => {
                    let e = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    out.push(match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hex = std::str::from_utf8(self.b.get(self.i..self.i + 4)?).ok()?;
                            self.i += 4;
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}')
                        }
                        other => char::from(other),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_polygons_projected() {
        assert_eq!(SHAPES.len(), 10);
        let ids: Vec<&str> = SHAPES.iter().map(|s| s.id.as_str()).collect();
        for id in [
            "bamako",
            "kayes",
            "koulikoro",
            "sikasso",
            "segou",
            "mopti",
            "tombouctou",
            "gao",
            "kidal",
            "menaka",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        let tombouctou = shape("tombouctou").unwrap();
        assert_eq!(tombouctou.covers, ["tombouctou", "taoudenit"]);
        let koulikoro = shape("koulikoro").unwrap();
        assert_eq!(
            koulikoro.d.matches('M').count(),
            2,
            "outer ring and the Bamako hole"
        );
        let total: usize = SHAPES.iter().map(|s| s.d.len()).sum();
        assert!(total < 18_000, "paths are {total} bytes");
        let coarse: usize = SHAPES.iter().map(|s| s.d_coarse.len()).sum();
        assert!(coarse < 6_000, "coarse paths are {coarse} bytes");
    }

    #[test]
    fn compact_numbers() {
        let mut s = String::from("M");
        for v in [12, 5, -5, 0, -130, 7] {
            push_tenths(&mut s, v);
        }
        assert_eq!(s, "M1.2 .5-.5 0-13 .7");
        assert_eq!(project(-12.236, 25.0), (0.0, 0.0));
    }

    #[test]
    fn parses_escapes() {
        let v = Parser {
            b: br#"{"a":["x\"y\u00e9",-1.5e1,true,{}]}"#,
            i: 0,
        }
        .value()
        .unwrap();
        let a = v.get("a").unwrap().items().unwrap();
        assert_eq!(a[0].text(), Some("x\"yé"));
        assert_eq!(a[1].number(), Some(-15.0));
    }
}
