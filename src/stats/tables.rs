//! The statistics tables, computed from [`Facts`]: counts of people go through
//! [`protect`]; counts of postings and amounts are published as they are.

use std::collections::{BTreeMap, HashMap, HashSet};

use passerelle_index::Vocabulary;
use passerelle_templates::Lang;
use passerelle_templates::model::{Kind, Status};
use passerelle_templates::stats::figure::Figure;
use passerelle_templates::stats::table::{Cell, Table, Visual};
use passerelle_templates::vocab;

use super::data::{Facts, is_open};
use super::privacy::protect;
use crate::domain::Place;
use crate::http::views::view_status;

/// Rows shown for long rankings (the CSV and JSON downloads hold them all).
const SHOWN: usize = 20;

fn bilingual(table: &'static [(&'static str, &'static str, &'static str)], code: &str) -> Cell {
    Cell::Bilingual {
        fr: vocab::label(table, Lang::Fr, code).to_string(),
        en: vocab::label(table, Lang::En, code).to_string(),
    }
}

/// A country or language by its ISO code, named in both languages (the ISO tables of
/// Debian's iso-codes know them all).
fn iso_name(found: Option<&'static crate::domain::codes::CodeName>, code: &str) -> Cell {
    match found {
        Some(c) => Cell::Bilingual {
            fr: capitalise(c.name_fr),
            en: c.name_en.to_string(),
        },
        None => Cell::Text(code.to_string()),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Folds a free text for grouping ("Hydrologie " and "hydrologie" are one).
fn fold(text: &str) -> String {
    passerelle_index::region::fold(text.trim())
}

/// Groups free texts, keeping the most frequent spelling as the label.
#[derive(Default)]
struct TextCounter {
    counts: HashMap<String, (u64, HashMap<String, u64>)>,
}

impl TextCounter {
    fn add(&mut self, text: &str) {
        let key = fold(text);
        if key.is_empty() {
            return;
        }
        let entry = self.counts.entry(key).or_default();
        entry.0 += 1;
        *entry.1.entry(text.trim().to_string()).or_default() += 1;
    }

    fn sorted(self) -> Vec<(String, u64)> {
        let mut rows: Vec<(String, u64)> = self
            .counts
            .into_values()
            .map(|(n, spellings)| {
                let label = spellings
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|(s, _)| s)
                    .unwrap_or_default();
                (label, n)
            })
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        rows
    }
}

/// Free-text labels that fewer people than this wrote are not shown: they are counted under
/// "Autres" / "Others", so a label typed by one account never reaches the public pages.
const MIN_FREE_TEXT_PEOPLE: u64 = 5;

/// Rows of free-text labels: those written by at least [`MIN_FREE_TEXT_PEOPLE`] people, then
/// one "others" row for the rest.
fn free_text_rows(rows: Vec<(String, u64)>) -> Vec<(Cell, u64)> {
    let mut others = 0;
    let mut out: Vec<(Cell, u64)> = Vec::new();
    for (label, n) in rows {
        if n >= MIN_FREE_TEXT_PEOPLE {
            out.push((Cell::Text(label), n));
        } else {
            others += n;
        }
    }
    if others > 0 {
        out.push((
            Cell::Bilingual {
                fr: "Autres".into(),
                en: "Others".into(),
            },
            others,
        ));
    }
    out
}

/// A ranking of people: labels and protected counts, drawn as bars.
fn people_ranking(
    id: &str,
    titles: (&str, &str),
    label: (&str, &str),
    rows: Vec<(Cell, u64)>,
) -> Table {
    let figures = protect(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
    let mut t = Table::new(id, titles.0, titles.1)
        .column("label", label.0, label.1)
        .column("experts", "Experts", "Experts")
        .visual(Visual::Bars { label: 0, value: 1 })
        .limit(SHOWN);
    t.rows = rows
        .into_iter()
        .zip(figures)
        .map(|((cell, _), f)| vec![cell, Cell::Figure(f)])
        .collect();
    t.note(
        "Les effectifs de 1 à 4 sont affichés « < 5 » pour protéger les personnes.",
        "Counts from 1 to 4 are shown as “< 5” to protect individuals.",
    )
}

/// A region table of counts drawn as a choropleth.
fn region_table(
    id: &str,
    titles: (&str, &str),
    value: (&str, &str, &str),
    counts: &BTreeMap<String, u64>,
    people: bool,
) -> Table {
    let ids: Vec<&String> = counts.keys().collect();
    let raw: Vec<u64> = counts.values().copied().collect();
    let figures = if people {
        protect(&raw)
    } else {
        raw.iter().map(|n| Figure::Count(*n)).collect()
    };
    let rows: Vec<(&str, Figure)> = ids.iter().map(|s| s.as_str()).zip(figures).collect();
    Table::by_region(id, titles, value, &rows)
}

/// The experts section.
pub fn experts(facts: &Facts, full: bool) -> Vec<Table> {
    let mut country: HashMap<String, u64> = HashMap::new();
    let mut region: BTreeMap<String, u64> = BTreeMap::new();
    let mut commune: HashMap<(String, String), u64> = HashMap::new();
    let mut discipline = TextCounter::default();
    let mut language: HashMap<String, u64> = HashMap::new();
    let mut degree = TextCounter::default();
    let mut concept: HashMap<passerelle_index::vocabulary::ConceptId, u64> = HashMap::new();
    let vocabulary = Vocabulary::bundled();
    for e in &facts.experts {
        *country
            .entry(e.residence_country.to_uppercase())
            .or_default() += 1;
        if let Some(r) = &e.home_region {
            *region.entry(r.clone()).or_default() += 1;
            if let Some(c) = e.home_commune.as_deref().filter(|c| !c.trim().is_empty()) {
                *commune
                    .entry((c.trim().to_string(), r.clone()))
                    .or_default() += 1;
            }
        }
        for d in &e.disciplines {
            discipline.add(d);
        }
        for l in e.languages.iter().collect::<HashSet<_>>() {
            *language.entry(l.clone()).or_default() += 1;
        }
        if let Some(d) = &e.degree {
            degree.add(d);
        }
        let mut seen = HashSet::new();
        for s in &e.skills {
            if let Some(hit) = vocabulary
                .map_phrase(s)
                .into_iter()
                .find(|h| h.strength >= 0.8)
                && seen.insert(hit.concept)
            {
                *concept.entry(hit.concept).or_default() += 1;
            }
        }
    }
    let by_count = |mut v: Vec<(Cell, u64)>| {
        v.sort_by_key(|r| std::cmp::Reverse(r.1));
        v
    };
    let mut tables = vec![
        people_ranking(
            "experts_by_country",
            (
                "Experts par pays de résidence",
                "Experts by country of residence",
            ),
            ("Pays", "Country"),
            by_count(
                country
                    .into_iter()
                    .map(|(c, n)| (iso_name(crate::domain::codes::country(&c), &c), n))
                    .collect(),
            ),
        ),
        region_table(
            "experts_by_region",
            (
                "Experts par région d’origine",
                "Experts by region of origin",
            ),
            ("experts", "Experts", "Experts"),
            &region,
            true,
        ),
    ];
    if full {
        let mut rows: Vec<(Cell, u64)> = commune
            .into_iter()
            .map(|((c, r), n)| {
                (
                    Cell::Text(format!(
                        "{c} ({})",
                        vocab::label(vocab::REGIONS, Lang::Fr, &r)
                    )),
                    n,
                )
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        tables.push(people_ranking(
            "experts_by_commune",
            (
                "Experts par commune d’origine",
                "Experts by commune of origin",
            ),
            ("Commune", "Commune"),
            rows,
        ));
    }
    tables.push(people_ranking(
        "experts_by_discipline",
        ("Experts par discipline", "Experts by discipline"),
        ("Discipline", "Discipline"),
        free_text_rows(discipline.sorted()),
    ));
    tables.push(people_ranking(
        "experts_by_skill",
        (
            "Experts par compétence (concepts ESCO)",
            "Experts by skill (ESCO concepts)",
        ),
        ("Compétence", "Skill"),
        by_count(
            concept
                .into_iter()
                .map(|(id, n)| {
                    (
                        Cell::Bilingual {
                            fr: vocabulary.label(id, passerelle_index::Lang::Fr).to_string(),
                            en: vocabulary.label(id, passerelle_index::Lang::En).to_string(),
                        },
                        n,
                    )
                })
                .collect(),
        ),
    ));
    tables.push(people_ranking(
        "experts_by_language",
        ("Experts par langue parlée", "Experts by language spoken"),
        ("Langue", "Language"),
        by_count(
            language
                .into_iter()
                .map(|(l, n)| (iso_name(crate::domain::codes::language(&l), &l), n))
                .collect(),
        ),
    ));
    tables.push(people_ranking(
        "experts_by_degree",
        ("Experts par diplôme", "Experts by degree"),
        ("Diplôme", "Degree"),
        free_text_rows(degree.sorted()),
    ));
    tables
}

fn status_cell(status: Status, kind: Kind) -> Cell {
    Cell::Bilingual {
        fr: status.label(Lang::Fr, kind).to_string(),
        en: status.label(Lang::En, kind).to_string(),
    }
}

fn posting_ranking(
    id: &str,
    titles: (&str, &str),
    label: (&str, &str),
    value: (&str, &str, &str),
    rows: Vec<(Cell, u64)>,
) -> Table {
    let mut t = Table::new(id, titles.0, titles.1)
        .column("label", label.0, label.1)
        .column(value.0, value.1, value.2)
        .visual(Visual::Bars { label: 0, value: 1 })
        .limit(SHOWN);
    t.rows = rows
        .into_iter()
        .map(|(c, n)| vec![c, Cell::Figure(Figure::Count(n))])
        .collect();
    t
}

/// The missions and projects section.
pub fn postings(facts: &Facts) -> Vec<Table> {
    let mut m_region: BTreeMap<String, u64> = BTreeMap::new();
    let mut p_region: BTreeMap<String, u64> = BTreeMap::new();
    let mut m_discipline = TextCounter::default();
    let mut p_sector: HashMap<String, u64> = HashMap::new();
    let mut m_status: BTreeMap<u8, (Status, u64)> = BTreeMap::new();
    let mut p_status: BTreeMap<u8, (Status, u64)> = BTreeMap::new();
    let mut remote = 0;
    for (m, _) in &facts.missions {
        match m.mission.place {
            Place::Region(r) => *m_region.entry(r.id().to_string()).or_default() += 1,
            Place::Remote => remote += 1,
        }
        if let Some(d) = &m.mission.discipline {
            m_discipline.add(d);
        }
        let s = view_status(m.status);
        m_status.entry(s as u8).or_insert((s, 0)).1 += 1;
    }
    for (p, ..) in &facts.projects {
        *p_region
            .entry(p.project.region.id().to_string())
            .or_default() += 1;
        *p_sector
            .entry(p.project.sector.as_str().to_string())
            .or_default() += 1;
        let s = view_status(p.status);
        p_status.entry(s as u8).or_insert((s, 0)).1 += 1;
    }
    let mut sectors: Vec<(Cell, u64)> = p_sector
        .into_iter()
        .map(|(s, n)| (bilingual(vocab::SECTORS, &s), n))
        .collect();
    sectors.sort_by_key(|r| std::cmp::Reverse(r.1));
    vec![
        region_table(
            "missions_by_region",
            ("Missions par région", "Missions by region"),
            ("missions", "Missions", "Missions"),
            &m_region,
            false,
        )
        .note(
            &format!("Missions à distance, sans région : {remote}."),
            &format!("Remote missions, without a region: {remote}."),
        ),
        region_table(
            "projects_by_region",
            (
                "Projets villageois par région",
                "Village projects by region",
            ),
            ("projects", "Projets", "Projects"),
            &p_region,
            false,
        ),
        posting_ranking(
            "missions_by_sector",
            ("Missions par discipline", "Missions by discipline"),
            ("Discipline", "Discipline"),
            ("missions", "Missions", "Missions"),
            m_discipline
                .sorted()
                .into_iter()
                .map(|(l, n)| (Cell::Text(l), n))
                .collect(),
        ),
        posting_ranking(
            "projects_by_sector",
            ("Projets par secteur", "Projects by sector"),
            ("Secteur", "Sector"),
            ("projects", "Projets", "Projects"),
            sectors,
        ),
        posting_ranking(
            "missions_by_status",
            ("Missions par état", "Missions by status"),
            ("État", "Status"),
            ("missions", "Missions", "Missions"),
            m_status
                .into_values()
                .map(|(s, n)| (status_cell(s, Kind::Mission), n))
                .collect(),
        ),
        posting_ranking(
            "projects_by_status",
            ("Projets par état", "Projects by status"),
            ("État", "Status"),
            ("projects", "Projets", "Projects"),
            p_status
                .into_values()
                .map(|(s, n)| (status_cell(s, Kind::Project), n))
                .collect(),
        ),
    ]
}

/// Connections made and missions completed.
pub fn activity(facts: &Facts) -> Vec<Table> {
    let total = facts.connections.len() as u64;
    let accepted = facts
        .connections
        .iter()
        .filter(|c| c.status == "accepted")
        .count() as u64;
    let completed = facts.connections.iter().filter(|c| c.completed).count() as u64;
    let label = |fr: &str, en: &str| Cell::Bilingual {
        fr: fr.into(),
        en: en.into(),
    };
    let figures = protect(&[total, accepted, completed]);
    let mut t = Table::new(
        "connections_and_completions",
        "Mises en relation et missions accomplies",
        "Connections and completed missions",
    )
    .column("label", "Étape", "Stage")
    .column("count", "Nombre", "Count")
    .visual(Visual::Bars { label: 0, value: 1 });
    t.rows = vec![
        vec![
            label(
                "Marques d’intérêt et invitations",
                "Interests and invitations",
            ),
            Cell::Figure(figures[0]),
        ],
        vec![
            label("Mises en relation acceptées", "Connections accepted"),
            Cell::Figure(figures[1]),
        ],
        vec![
            label(
                "Missions accomplies (compte rendu reçu)",
                "Missions completed (report received)",
            ),
            Cell::Figure(figures[2]),
        ],
    ];
    vec![t]
}

fn euros(cents: i64) -> Figure {
    Figure::amount((cents.max(0) / 100) as f64)
}

/// Funding sought, pledged and confirmed by region and by sector.
pub fn funding(facts: &Facts) -> Vec<Table> {
    let mut by_region: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    let mut by_sector: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    for (p, _, confirmed, pending) in &facts.projects {
        let sought = p.project.funding_sought_cents.unwrap_or(0);
        for (map, key) in [
            (&mut by_region, p.project.region.id().to_string()),
            (&mut by_sector, p.project.sector.as_str().to_string()),
        ] {
            let e = map.entry(key).or_default();
            e.0 += sought;
            e.1 += confirmed + pending;
            e.2 += confirmed;
        }
    }
    let columns = |t: Table| {
        t.column("sought", "Recherché (€)", "Sought (€)")
            .column("pledged", "Promis (€)", "Pledged (€)")
            .column("confirmed", "Confirmé (€)", "Confirmed (€)")
    };
    let mut region = columns(
        Table::new(
            "funding_by_region",
            "Financement par région",
            "Funding by region",
        )
        .column("region", "Région", "Region"),
    )
    .visual(Visual::Map {
        region: 0,
        value: 3,
    });
    region.rows = by_region
        .into_iter()
        .map(|(r, (s, p, c))| {
            vec![
                Cell::Region(r),
                Cell::Figure(euros(s)),
                Cell::Figure(euros(p)),
                Cell::Figure(euros(c)),
            ]
        })
        .collect();
    let mut sector = columns(
        Table::new(
            "funding_by_sector",
            "Financement par secteur",
            "Funding by sector",
        )
        .column("sector", "Secteur", "Sector"),
    )
    .visual(Visual::Bars { label: 0, value: 1 });
    sector.rows = by_sector
        .into_iter()
        .map(|(s, (so, p, c))| {
            vec![
                bilingual(vocab::SECTORS, &s),
                Cell::Figure(euros(so)),
                Cell::Figure(euros(p)),
                Cell::Figure(euros(c)),
            ]
        })
        .collect();
    vec![
        region.note(
            "La carte montre le financement confirmé ; « promis » compte aussi les promesses en attente.",
            "The map shows confirmed funding; “pledged” also counts pledges awaiting confirmation.",
        ),
        sector,
    ]
}

fn month_of(unix: i64) -> Option<(i32, u8)> {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some((t.year(), u8::from(t.month())))
}

/// Monthly registrations, postings and connections over the last two years of activity.
pub fn trends(facts: &Facts) -> Vec<Table> {
    let mut months: BTreeMap<(i32, u8), [u64; 4]> = BTreeMap::new();
    let mut add = |at: i64, col: usize| {
        if let Some(m) = month_of(at).filter(|_| at > 0) {
            months.entry(m).or_default()[col] += 1;
        }
    };
    facts.experts.iter().for_each(|e| add(e.created_at, 0));
    facts.missions.iter().for_each(|(_, at)| add(*at, 1));
    facts.projects.iter().for_each(|(_, at, ..)| add(*at, 2));
    facts.connections.iter().for_each(|c| add(c.created_at, 3));
    let keep: Vec<((i32, u8), [u64; 4])> = months.into_iter().rev().take(24).collect();
    let mut t = Table::new("monthly_trends", "Tendances mensuelles", "Monthly trends")
        .column("month", "Mois", "Month")
        .column("experts", "Experts inscrits", "Experts registered")
        .column("missions", "Missions publiées", "Missions posted")
        .column("projects", "Projets proposés", "Projects proposed")
        .column("connections", "Mises en relation", "Connections")
        .visual(Visual::Series { month: 0 });
    t.rows = keep
        .into_iter()
        .rev()
        .map(|((y, m), v)| {
            let mut row = vec![Cell::Month(y, m), Cell::Figure(Figure::count(v[0]))];
            row.extend(v[1..3].iter().map(|n| Cell::Figure(Figure::Count(*n))));
            row.push(Cell::Figure(Figure::count(v[3])));
            row
        })
        .collect();
    vec![t]
}

/// Outcomes of carried-out missions, by institution, region and year.
pub fn outcomes(facts: &Facts) -> Vec<Table> {
    type Sums = [i64; 5];
    let mut by_org: BTreeMap<String, Sums> = BTreeMap::new();
    let mut by_region: BTreeMap<String, Sums> = BTreeMap::new();
    let mut by_year: BTreeMap<i32, Sums> = BTreeMap::new();
    for o in &facts.outcomes {
        let v = [
            1,
            o.people_trained,
            o.courses_delivered,
            o.theses_supervised,
            o.milestones_reached,
        ];
        let bump = |s: &mut Sums| s.iter_mut().zip(v).for_each(|(a, b)| *a += b);
        bump(by_org.entry(o.organisation.clone()).or_default());
        bump(
            by_region
                .entry(o.region.clone().unwrap_or_else(|| "remote".into()))
                .or_default(),
        );
        bump(by_year.entry(o.year).or_default());
    }
    let table = |id: &str, fr: &str, en: &str, key: (&str, &str, &str)| {
        Table::new(id, fr, en)
            .column(key.0, key.1, key.2)
            .column("missions", "Missions accomplies", "Missions completed")
            .column("people_trained", "Personnes formées", "People trained")
            .column("courses", "Cours ou modules", "Courses or modules")
            .column("theses", "Thèses encadrées", "Theses supervised")
            .column(
                "milestones",
                "Étapes de projet atteintes",
                "Project milestones reached",
            )
    };
    let figures = |s: Sums| {
        s.iter()
            .map(|n| Cell::Figure(Figure::Count(u64::try_from(*n).unwrap_or(0))))
            .collect::<Vec<_>>()
    };
    let mut org = table(
        "outcomes_by_institution",
        "Résultats par institution",
        "Outcomes by institution",
        (
            "organisation",
            "Institution ou association",
            "Institution or association",
        ),
    );
    org.rows = by_org
        .into_iter()
        .map(|(k, s)| [vec![Cell::Text(k)], figures(s)].concat())
        .collect();
    let mut region = table(
        "outcomes_by_region",
        "Résultats par région",
        "Outcomes by region",
        ("region", "Région", "Region"),
    );
    region.rows = by_region
        .into_iter()
        .map(|(k, s)| {
            let first = if k == "remote" {
                Cell::Bilingual {
                    fr: "À distance".into(),
                    en: "Remote".into(),
                }
            } else {
                Cell::Region(k)
            };
            [vec![first], figures(s)].concat()
        })
        .collect();
    let mut year = table(
        "outcomes_by_year",
        "Résultats par année",
        "Outcomes by year",
        ("year", "Année", "Year"),
    );
    year.rows = by_year
        .into_iter()
        .map(|(k, s)| [vec![Cell::Year(k)], figures(s)].concat())
        .collect();
    let note = (
        "D’après les comptes rendus déposés après chaque mission (le plus élevé des deux côtés).",
        "From the reports left after each mission (the higher of the two sides’ figures).",
    );
    vec![org.note(note.0, note.1), region, year]
}

/// Whether a posting's place is a region (for unmet demand by region).
pub fn region_of(place: Place) -> Option<String> {
    place.region().map(|r| r.id().to_string())
}

/// Published postings that the engine finds nobody for, by discipline, sector and region.
pub fn unmet(facts: &Facts, engine: &passerelle_index::Engine, threshold: f32) -> Vec<Table> {
    use crate::search::convert::{mission_doc, project_doc};
    let met = |doc: &passerelle_index::OpportunityDoc| {
        engine
            .match_experts(doc, 5)
            .iter()
            .any(|m| m.eligible && m.score >= threshold)
    };
    let mut discipline = TextCounter::default();
    let mut sector: HashMap<String, u64> = HashMap::new();
    let mut region: BTreeMap<String, u64> = BTreeMap::new();
    for (m, _) in facts.missions.iter().filter(|(m, _)| is_open(m.status)) {
        if !met(&mission_doc(&m.mission)) {
            discipline.add(m.mission.discipline.as_deref().unwrap_or("—"));
            if let Some(r) = region_of(m.mission.place) {
                *region.entry(r).or_default() += 1;
            }
        }
    }
    for (p, ..) in facts.projects.iter().filter(|(p, ..)| is_open(p.status)) {
        if !met(&project_doc(&p.project)) {
            *sector
                .entry(p.project.sector.as_str().to_string())
                .or_default() += 1;
            *region.entry(p.project.region.id().to_string()).or_default() += 1;
        }
    }
    let mut sectors: Vec<(Cell, u64)> = sector
        .into_iter()
        .map(|(s, n)| (bilingual(vocab::SECTORS, &s), n))
        .collect();
    sectors.sort_by_key(|r| std::cmp::Reverse(r.1));
    let note = (
        "Offres publiées pour lesquelles aucun expert ne remplit les conditions avec un score suffisant.",
        "Published postings for which no expert meets the requirements with a sufficient score.",
    );
    vec![
        posting_ranking(
            "unmet_by_discipline",
            (
                "Missions sans expert, par discipline",
                "Missions without an expert, by discipline",
            ),
            ("Discipline", "Discipline"),
            ("postings", "Offres", "Postings"),
            discipline
                .sorted()
                .into_iter()
                .map(|(l, n)| (Cell::Text(l), n))
                .collect(),
        )
        .note(note.0, note.1),
        posting_ranking(
            "unmet_by_sector",
            (
                "Projets sans expert, par secteur",
                "Projects without an expert, by sector",
            ),
            ("Secteur", "Sector"),
            ("postings", "Offres", "Postings"),
            sectors,
        ),
        region_table(
            "unmet_by_region",
            (
                "Offres sans expert, par région",
                "Postings without an expert, by region",
            ),
            ("postings", "Offres", "Postings"),
            &region,
            false,
        ),
    ]
}
