//! Deterministic synthetic experts and opportunities for benchmarks and load tests: skills
//! drawn from the vocabulary in both languages, every region, many countries, availability
//! windows, modes, offers and funding needs.

use time::{Date, Month};

use crate::document::{DateWindow, ExpertDoc, OpportunityDoc, OpportunityKind};
use crate::lang::Lang;
use crate::region::Region;
use crate::vocabulary::{ConceptKind, Vocabulary};

const COUNTRIES: &[&str] = &[
    "FR", "US", "CA", "BE", "DE", "ES", "IT", "GB", "CH", "NL", "SN", "CI", "NE", "BF", "GN", "MA",
    "TN", "CN", "RU", "GA", "CM", "MR", "DZ", "SE",
];
const LANGUAGES: &[&str] = &[
    "fr", "en", "bm", "ar", "ff", "snk", "son", "es", "de", "tmh",
];
const COMMUNES: &[&str] = &[
    "Diéma",
    "Nioro du Sahel",
    "Kita",
    "Yélimané",
    "Bafoulabé",
    "Kolokani",
    "Kati",
    "Banamba",
    "Bougouni",
    "Koutiala",
    "Yanfolila",
    "Niono",
    "San",
    "Macina",
    "Bla",
    "Bandiagara",
    "Douentza",
    "Djenné",
    "Goundam",
    "Niafunké",
    "Diré",
    "Ansongo",
    "Bourem",
    "Tessalit",
    "Abeïbara",
    "Anderamboukane",
];
const DEGREES: &[&str] = &[
    "PhD",
    "MD",
    "Master",
    "Licence",
    "BTS",
    "Doctorat",
    "Ingénieur",
];
const DISCIPLINES: &[&str] = &[
    "médecine",
    "informatique",
    "agronomie",
    "earth sciences",
    "economics",
    "droit",
    "engineering",
    "sciences de l'éducation",
    "public health",
    "mathématiques",
];

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
}

/// Generates documents from the vocabulary's skill labels.
pub struct Generator<'a> {
    vocab: &'a Vocabulary,
    skills: Vec<u32>,
    occupations: Vec<u32>,
    rng: Rng,
}

impl<'a> Generator<'a> {
    /// A generator over `vocab` with a seed.
    pub fn new(vocab: &'a Vocabulary, seed: u64) -> Generator<'a> {
        let mut skills = Vec::new();
        let mut occupations = Vec::new();
        for id in 0..vocab.len() as u32 {
            match vocab.concept(id).map(|c| c.kind) {
                Some(ConceptKind::Skill | ConceptKind::Knowledge) => skills.push(id),
                Some(ConceptKind::Occupation) => occupations.push(id),
                _ => {}
            }
        }
        Generator {
            vocab,
            skills,
            occupations,
            rng: Rng::new(seed),
        }
    }

    fn label(&mut self, pool: &[u32]) -> String {
        if pool.is_empty() {
            return "expertise".into();
        }
        let id = *self.rng.pick(pool);
        let lang = if self.rng.chance(0.5) {
            Lang::Fr
        } else {
            Lang::En
        };
        self.vocab
            .label(id, lang)
            .split('/')
            .next()
            .unwrap_or("")
            .to_string()
    }

    fn skill(&mut self) -> String {
        let pool = std::mem::take(&mut self.skills);
        let s = self.label(&pool);
        self.skills = pool;
        s
    }

    fn date(&mut self, from_day: u16) -> Date {
        let ordinal = (from_day + self.rng.below(300) as u16).clamp(1, 365);
        Date::from_ordinal_date(2027, ordinal).unwrap_or(Date::MIN)
    }

    /// One expert numbered `n`.
    pub fn expert(&mut self, n: usize) -> ExpertDoc {
        let skills: Vec<String> = (0..3 + self.rng.below(4)).map(|_| self.skill()).collect();
        let occupations = std::mem::take(&mut self.occupations);
        let role = self.label(&occupations);
        self.occupations = occupations;
        let bio = format!("{}. {} ; {}.", self.skill(), self.skill(), self.skill());
        let mut languages = vec!["fr".to_string()];
        for _ in 0..self.rng.below(3) {
            let l = self.rng.pick(LANGUAGES).to_string();
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let availability = (0..self.rng.below(3))
            .map(|_| {
                let from = self.date(1);
                let to = from.saturating_add(time::Duration::days(20 + self.rng.below(120) as i64));
                DateWindow { from, to }
            })
            .collect();
        let modes = match self.rng.below(4) {
            0 => vec!["remote".to_string()],
            1 => vec!["onsite".to_string()],
            2 => Vec::new(),
            _ => vec!["onsite".to_string(), "remote".to_string()],
        };
        let offers = ["teaching", "expertise", "funding", "mentoring"]
            .iter()
            .filter(|_| self.rng.chance(0.4))
            .map(|s| s.to_string())
            .collect();
        ExpertDoc {
            r#ref: format!("E{n:06}"),
            name: format!("Expert {n}"),
            headline: format!("{role}, {}", self.rng.pick(COUNTRIES)),
            bio: Some(bio),
            skills,
            disciplines: vec![self.rng.pick(DISCIPLINES).to_string()],
            languages,
            residence_country: self.rng.pick(COUNTRIES).to_string(),
            residence_city: None,
            home_region: self.rng.chance(0.8).then(|| *self.rng.pick(&Region::ALL)),
            home_commune: self
                .rng
                .chance(0.5)
                .then(|| self.rng.pick(COMMUNES).to_string()),
            degree: self
                .rng
                .chance(0.7)
                .then(|| self.rng.pick(DEGREES).to_string()),
            availability,
            modes,
            offers,
        }
    }

    /// One opportunity numbered `n` (missions and projects alternate roughly 3:2).
    pub fn opportunity(&mut self, n: usize) -> OpportunityDoc {
        let mission = self.rng.below(5) < 3;
        let skills: Vec<String> = (0..2 + self.rng.below(3)).map(|_| self.skill()).collect();
        let title = format!("{} — {}", skills[0], self.skill());
        let description = format!(
            "{}. {}, {} et {}.",
            self.skill(),
            skills.join(", "),
            self.skill(),
            self.skill()
        );
        let start = self.date(1);
        let end = start.saturating_add(time::Duration::days(5 + self.rng.below(40) as i64));
        let remote = mission && self.rng.chance(0.3);
        OpportunityDoc {
            r#ref: format!("{}{n:05}", if mission { "M" } else { "P" }),
            kind: if mission {
                OpportunityKind::Mission
            } else {
                OpportunityKind::Project
            },
            organisation: format!("Organisation {}", n % 97),
            title,
            description,
            skills,
            discipline: Some(self.rng.pick(DISCIPLINES).to_string()),
            level: mission.then(|| {
                self.rng
                    .pick(&["licence", "master", "doctorat"])
                    .to_string()
            }),
            language: Some(if self.rng.chance(0.8) { "fr" } else { "en" }.to_string()),
            region: (!remote).then(|| *self.rng.pick(&Region::ALL)),
            commune: (!mission).then(|| self.rng.pick(COMMUNES).to_string()),
            start: Some(start),
            end: Some(end.max(Date::from_calendar_date(2027, Month::January, 2).unwrap_or(end))),
            mode: mission.then(|| if remote { "remote" } else { "onsite" }.to_string()),
            funding_sought_eur: (!mission && self.rng.chance(0.6))
                .then(|| 1000.0 * self.rng.below(100) as f64),
        }
    }
}
