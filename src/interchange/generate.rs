//! `passerelle generate`: a synthetic, deterministic data set in the interchange format for
//! benchmarks and load tests. Skills come from the shipped ESCO vocabulary, in French or
//! English, clustered by their broader concept so that experts and opportunities overlap
//! the way real ones do; names, places and dates vary; the same seed gives the same files.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use passerelle_index::Region;
use passerelle_index::vocabulary::{ConceptId, ConceptKind, Vocabulary};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use super::records::{ExpertLine, MissionLine, ProjectLine, WindowLine};
use crate::cli::GenerateArgs;

const GIVEN: &[&str] = &[
    "Awa",
    "Aminata",
    "Fatoumata",
    "Mariam",
    "Kadiatou",
    "Oumou",
    "Rokia",
    "Assitan",
    "Djénéba",
    "Hawa",
    "Salimata",
    "Nana",
    "Bintou",
    "Aïssata",
    "Fanta",
    "Korotoumou",
    "Ramata",
    "Safiatou",
    "Tenin",
    "Maïmouna",
    "Moussa",
    "Mamadou",
    "Seydou",
    "Oumar",
    "Boubacar",
    "Ibrahim",
    "Modibo",
    "Amadou",
    "Souleymane",
    "Bakary",
    "Cheick",
    "Issa",
    "Adama",
    "Lassana",
    "Drissa",
    "Sékou",
    "Mahamane",
    "Abdoulaye",
    "Yacouba",
    "Hamidou",
    "Alassane",
    "Siaka",
    "Tiémoko",
];
const FAMILY: &[&str] = &[
    "Traoré",
    "Keïta",
    "Diallo",
    "Cissé",
    "Maïga",
    "Dembélé",
    "Sangaré",
    "Touré",
    "Coulibaly",
    "Konaté",
    "Sidibé",
    "Doumbia",
    "Guindo",
    "Diarra",
    "Koné",
    "Sissoko",
    "Camara",
    "Kanté",
    "Diakité",
    "Samaké",
    "Bagayoko",
    "Tounkara",
    "Kouyaté",
    "Dicko",
    "Haïdara",
    "Ag Alhousseyni",
    "Sacko",
    "Fofana",
    "Niaré",
    "Togola",
    "Berthé",
    "Ballo",
    "Tangara",
];
/// (country, cities, weight)
const COUNTRIES: &[(&str, &[&str], u32)] = &[
    (
        "FR",
        &[
            "Paris",
            "Lyon",
            "Marseille",
            "Montreuil",
            "Toulouse",
            "Lille",
            "Bordeaux",
        ],
        30,
    ),
    ("US", &["New York", "Washington", "Atlanta", "Houston"], 8),
    ("CA", &["Montréal", "Québec", "Ottawa", "Toronto"], 6),
    ("BE", &["Bruxelles", "Liège", "Anvers"], 5),
    ("DE", &["Berlin", "Munich", "Hambourg"], 3),
    ("ES", &["Madrid", "Barcelone", "Almería"], 5),
    ("IT", &["Rome", "Milan", "Turin"], 3),
    ("GB", &["London", "Manchester"], 3),
    ("CI", &["Abidjan", "Bouaké"], 10),
    ("SN", &["Dakar", "Saint-Louis"], 6),
    ("MA", &["Rabat", "Casablanca"], 3),
    ("GA", &["Libreville"], 2),
    ("CN", &["Pékin", "Canton"], 2),
    ("SA", &["Riyad", "Djeddah"], 2),
    ("CH", &["Genève", "Lausanne"], 2),
    ("BF", &["Ouagadougou"], 3),
    ("GN", &["Conakry"], 2),
    ("NE", &["Niamey"], 1),
    ("CG", &["Brazzaville"], 1),
    ("AE", &["Dubaï"], 1),
];
/// (region, communes)
const COMMUNES: &[(Region, &[&str])] = &[
    (
        Region::Bamako,
        &["Commune IV", "Commune VI", "Badalabougou"],
    ),
    (
        Region::Kayes,
        &[
            "Diéma",
            "Nioro du Sahel",
            "Kita",
            "Yélimané",
            "Bafoulabé",
            "Kéniéba",
        ],
    ),
    (
        Region::Koulikoro,
        &["Kolokani", "Banamba", "Kati", "Nara", "Dioïla"],
    ),
    (
        Region::Sikasso,
        &["Bougouni", "Koutiala", "Kadiolo", "Yanfolila"],
    ),
    (
        Region::Segou,
        &["San", "Tominian", "Bla", "Niono", "Macina"],
    ),
    (
        Region::Mopti,
        &["Djenné", "Bandiagara", "Douentza", "Koro", "Bankass"],
    ),
    (
        Region::Tombouctou,
        &["Diré", "Goundam", "Niafunké", "Gourma-Rharous"],
    ),
    (Region::Gao, &["Ansongo", "Bourem"]),
    (Region::Kidal, &["Tessalit", "Abeïbara"]),
    (Region::Menaka, &["Andéramboukane", "Inékar"]),
    (Region::Taoudenit, &["Araouane", "Foum-Elba"]),
];
const INSTITUTIONS: &[&str] = &[
    "Université des Sciences, des Techniques et des Technologies de Bamako",
    "Université des Lettres et des Sciences Humaines de Bamako",
    "Université des Sciences Sociales et de Gestion de Bamako",
    "Université des Sciences Juridiques et Politiques de Bamako",
    "Université de Ségou",
    "Institut Polytechnique Rural de Katibougou",
    "École Nationale d'Ingénieurs Abderhamane Baba Touré",
    "Faculté de Médecine et d'Odonto-Stomatologie",
    "Institut National de Santé Publique",
    "École Normale Supérieure de Bamako",
    "Institut d'Économie Rurale",
];
const SECTORS: &[&str] = &[
    "water",
    "health",
    "education",
    "agriculture",
    "energy",
    "enterprise",
    "infrastructure",
    "culture",
];
const LEVELS: &[&str] = &["licence", "master", "doctorat", "professional"];
const DEGREES: &[&str] = &["PhD", "MD", "Master", "Licence", "BTS", "Ingénieur"];
const EXTRA_LANGUAGES: &[&str] = &[
    "ar", "ff", "snk", "son", "dyu", "tmh", "de", "es", "it", "wo",
];

/// A cluster of related skills: a broader concept and the concepts under it.
struct Topic {
    label_fr: String,
    label_en: String,
    skills: Vec<(String, String)>,
}

/// Groups bilingual skills of the vocabulary by broader concept.
fn topics(vocab: &Vocabulary) -> Vec<Topic> {
    let mut groups: BTreeMap<ConceptId, Vec<(String, String)>> = BTreeMap::new();
    for id in 0..vocab.len() as ConceptId {
        let Some(c) = vocab.concept(id) else { continue };
        if !matches!(c.kind, ConceptKind::Skill | ConceptKind::Knowledge) {
            continue;
        }
        let (Some(fr), Some(en)) = (&c.label_fr, &c.label_en) else {
            continue;
        };
        if let Some(&parent) = c.broader.first() {
            groups
                .entry(parent)
                .or_default()
                .push((fr.clone(), en.clone()));
        }
    }
    groups
        .into_iter()
        .filter(|(_, skills)| skills.len() >= 4)
        .filter_map(|(parent, skills)| {
            let c = vocab.concept(parent)?;
            Some(Topic {
                label_fr: c.label_fr.clone()?,
                label_en: c.label_en.clone()?,
                skills,
            })
        })
        .collect()
}

fn pick_skills(rng: &mut StdRng, topic: &Topic, french: bool, n: usize) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for (fr, en) in topic.skills.choose_multiple(rng, n) {
        let french_here = if rng.random_bool(0.15) {
            !french
        } else {
            french
        };
        chosen.push(if french_here { fr.clone() } else { en.clone() });
    }
    chosen
}

fn date_2027(rng: &mut StdRng, day_of_year: u16) -> time::Date {
    let _ = rng;
    time::Date::from_ordinal_date(2027, day_of_year.clamp(1, 365)).expect("valid ordinal")
}

fn window(rng: &mut StdRng, min_len: u16, max_len: u16) -> (String, String) {
    let start = rng.random_range(1..=300u16);
    let len = rng.random_range(min_len..=max_len);
    let from = date_2027(rng, start);
    let to = date_2027(rng, start.saturating_add(len).min(365));
    (
        crate::domain::values::format_date(from),
        crate::domain::values::format_date(to),
    )
}

fn expert(rng: &mut StdRng, i: usize, topics: &[Topic]) -> ExpertLine {
    let topic = &topics[rng.random_range(0..topics.len())];
    let french = rng.random_bool(0.6);
    let n = rng.random_range(3..=6);
    let mut skills = pick_skills(rng, topic, french, n);
    if rng.random_bool(0.3) {
        let other = &topics[rng.random_range(0..topics.len())];
        skills.extend(pick_skills(rng, other, french, 1));
    }
    skills.dedup();
    let given = GIVEN.choose(rng).copied().unwrap_or("Awa");
    let family = FAMILY.choose(rng).copied().unwrap_or("Traoré");
    let (country, cities, _) = *COUNTRIES
        .choose_weighted(rng, |c| c.2)
        .expect("weights are positive");
    let (region, communes) = COMMUNES[rng.random_range(0..COMMUNES.len())];
    let mut languages = vec!["fr".to_string()];
    if rng.random_bool(0.5) {
        languages.push("en".into());
    }
    if rng.random_bool(0.6) {
        languages.push("bm".into());
    }
    if rng.random_bool(0.3) {
        languages.push(
            EXTRA_LANGUAGES
                .choose(rng)
                .copied()
                .unwrap_or("ar")
                .to_string(),
        );
    }
    languages.dedup();
    let availability = (!rng.random_bool(0.2)).then(|| {
        (0..rng.random_range(1..=2))
            .map(|_| {
                let (from, to) = window(rng, 14, 120);
                WindowLine { from, to }
            })
            .collect()
    });
    let modes = match rng.random_range(0..4) {
        0 => vec!["onsite"],
        1 => vec!["remote"],
        _ => vec!["onsite", "remote"],
    };
    let offers = ["teaching", "expertise", "funding", "mentoring"]
        .iter()
        .filter(|_| rng.random_bool(0.45))
        .map(|s| s.to_string())
        .collect::<Vec<_>>();
    let headline = if french {
        format!("Spécialiste : {}, {}", topic.label_fr, cities[0])
    } else {
        format!("Specialist in {}, {}", topic.label_en, cities[0])
    };
    ExpertLine {
        r#ref: format!("E{i:07}"),
        name: format!("{given} {family}"),
        email: format!("expert{i}@example.org"),
        headline,
        bio: rng.random_bool(0.5).then(|| {
            if french {
                format!(
                    "{given} {family} travaille depuis {} ans dans le domaine : {}.",
                    rng.random_range(3..30),
                    topic.label_fr
                )
            } else {
                format!(
                    "{given} {family} has worked for {} years in {}.",
                    rng.random_range(3..30),
                    topic.label_en
                )
            }
        }),
        skills,
        disciplines: vec![if french {
            topic.label_fr.clone()
        } else {
            topic.label_en.clone()
        }],
        languages,
        residence_country: country.to_string(),
        residence_city: cities.choose(rng).map(|c| c.to_string()),
        home_region: Some(region.name().to_string()),
        home_commune: communes.choose(rng).map(|c| c.to_string()),
        degree: DEGREES.choose(rng).map(|d| d.to_string()),
        availability,
        modes: Some(modes.into_iter().map(String::from).collect()),
        offers: (!offers.is_empty()).then_some(offers),
    }
}

fn mission(rng: &mut StdRng, i: usize, topics: &[Topic]) -> MissionLine {
    let topic = &topics[rng.random_range(0..topics.len())];
    let french = rng.random_bool(0.8);
    let remote = rng.random_bool(0.12);
    let (start, end) = window(rng, 7, 42);
    let region = if remote {
        "remote".to_string()
    } else if rng.random_bool(0.6) {
        "Bamako".to_string()
    } else {
        COMMUNES[rng.random_range(0..COMMUNES.len())]
            .0
            .name()
            .to_string()
    };
    let (title, description) = if french {
        (
            format!("Enseignement : {}", topic.label_fr),
            format!(
                "Module de {} heures sur {} pour nos étudiants.",
                rng.random_range(10..60),
                topic.label_fr
            ),
        )
    } else {
        (
            format!("Course: {}", topic.label_en),
            format!(
                "A {}-hour module on {} for our students.",
                rng.random_range(10..60),
                topic.label_en
            ),
        )
    };
    let n = rng.random_range(2..=5);
    let skills = pick_skills(rng, topic, french, n);
    MissionLine {
        r#ref: format!("M{i:06}"),
        institution: INSTITUTIONS
            .choose(rng)
            .copied()
            .unwrap_or(INSTITUTIONS[0])
            .to_string(),
        title,
        description,
        skills,
        discipline: Some(if french {
            topic.label_fr.clone()
        } else {
            topic.label_en.clone()
        }),
        level: LEVELS.choose(rng).map(|l| l.to_string()),
        language: if french { "fr".into() } else { "en".into() },
        region,
        start,
        end,
        mode: if remote {
            "remote".into()
        } else {
            "onsite".into()
        },
    }
}

fn project(rng: &mut StdRng, i: usize, topics: &[Topic]) -> ProjectLine {
    let topic = &topics[rng.random_range(0..topics.len())];
    let (region, communes) = COMMUNES[rng.random_range(0..COMMUNES.len())];
    let commune = communes.choose(rng).copied().unwrap_or("Kita");
    let (country, cities, _) = *COUNTRIES
        .choose_weighted(rng, |c| c.2)
        .expect("weights are positive");
    let budget = f64::from(rng.random_range(5u32..200)) * 1000.0;
    let dates = rng.random_bool(0.7).then(|| window(rng, 60, 300));
    let n = rng.random_range(2..=4);
    let skills = pick_skills(rng, topic, true, n);
    ProjectLine {
        r#ref: format!("P{i:06}"),
        association: format!(
            "Association des ressortissants de {commune} à {} ({country})",
            cities[0]
        ),
        title: format!("Projet pour {commune} : {}", topic.label_fr),
        description: format!(
            "Les ressortissants de {commune} cherchent des compétences en {} pour le village.",
            topic.label_fr
        ),
        sector: SECTORS.choose(rng).copied().unwrap_or("water").to_string(),
        skills,
        region: region.name().to_string(),
        commune: Some(commune.to_string()),
        language: Some(if rng.random_bool(0.8) {
            "fr".into()
        } else {
            "bm".into()
        }),
        budget_eur: Some(budget),
        funding_sought_eur: Some((budget * rng.random_range(0.1..1.0) / 100.0).round() * 100.0),
        start: dates.as_ref().map(|d| d.0.clone()),
        end: dates.map(|d| d.1),
    }
}

fn write_file<T: Serialize>(
    path: &Path,
    n: usize,
    mut make: impl FnMut(usize) -> T,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for i in 1..=n {
        serde_json::to_writer(&mut out, &make(i))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Writes the files; returns the counts written.
pub fn write(args: &GenerateArgs) -> anyhow::Result<(usize, usize, usize)> {
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    let topics = topics(Vocabulary::bundled());
    anyhow::ensure!(topics.len() > 50, "the skills vocabulary is missing");
    let mut rng = StdRng::seed_from_u64(args.seed);
    write_file(&args.dir.join("experts.jsonl"), args.experts, |i| {
        expert(&mut rng, i, &topics)
    })?;
    write_file(&args.dir.join("missions.jsonl"), args.missions, |i| {
        mission(&mut rng, i, &topics)
    })?;
    write_file(&args.dir.join("projects.jsonl"), args.projects, |i| {
        project(&mut rng, i, &topics)
    })?;
    Ok((args.experts, args.missions, args.projects))
}
