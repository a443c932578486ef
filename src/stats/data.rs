//! The raw material of the statistics, read from the database in a few queries that work on
//! SQLite and PostgreSQL alike. Only visible records count.

use std::collections::HashMap;

use sqlx::AnyPool;
use sqlx::Row;

use crate::domain::MissionStatus;
use crate::store::missions::MissionRecord;
use crate::store::projects::ProjectRecord;
use crate::store::{StoreError, missions, projects};

/// What the statistics need of one expert.
#[derive(Debug, Clone)]
pub struct ExpertFacts {
    /// Country of residence (ISO code).
    pub residence_country: String,
    /// Home region id, if given.
    pub home_region: Option<String>,
    /// Home commune, if given.
    pub home_commune: Option<String>,
    /// Disciplines.
    pub disciplines: Vec<String>,
    /// Skills as typed.
    pub skills: Vec<String>,
    /// Languages (ISO 639).
    pub languages: Vec<String>,
    /// Highest degree, if given.
    pub degree: Option<String>,
    /// When the profile was created (unix seconds).
    pub created_at: i64,
}

/// What the statistics need of one connection.
#[derive(Debug, Clone)]
pub struct ConnectionFacts {
    /// "pending", "accepted" or "declined".
    pub status: String,
    /// The mission was carried out.
    pub completed: bool,
    /// When it was opened.
    pub created_at: i64,
}

/// The outcome figures of one carried-out connection (the larger of the two sides' reports).
#[derive(Debug, Clone)]
pub struct OutcomeFacts {
    /// The organisation's name.
    pub organisation: String,
    /// Region id of the mission or project, if it has one.
    pub region: Option<String>,
    /// Year of the report.
    pub year: i32,
    /// People trained.
    pub people_trained: i64,
    /// Courses or modules delivered.
    pub courses_delivered: i64,
    /// Theses supervised.
    pub theses_supervised: i64,
    /// Project milestones reached.
    pub milestones_reached: i64,
}

/// Everything the statistics are computed from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Visible experts.
    pub experts: Vec<ExpertFacts>,
    /// Missions not hidden, with their creation time.
    pub missions: Vec<(MissionRecord, i64)>,
    /// Projects not hidden, with their creation time and pledge sums (confirmed, pending) in cents.
    pub projects: Vec<(ProjectRecord, i64, i64, i64)>,
    /// All connections.
    pub connections: Vec<ConnectionFacts>,
    /// Outcomes of carried-out missions.
    pub outcomes: Vec<OutcomeFacts>,
}

fn json_list(text: Option<String>) -> Vec<String> {
    text.and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
        .unwrap_or_default()
}

fn year_of(unix: i64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.year())
        .unwrap_or(1970)
}

/// Whether a posting enters the statistics: it was listed at some point (published, then
/// perhaps filled or closed), is not hidden, and its organisation is verified — so drafts,
/// unverified and rejected organisations' postings and their pledges count nowhere.
pub fn on_record(status: MissionStatus, hidden: bool, organisation_verified: bool) -> bool {
    status != MissionStatus::Draft && !hidden && organisation_verified
}

/// Reads every fact the statistics need.
pub async fn load(pool: &AnyPool) -> Result<Facts, StoreError> {
    let mut facts = Facts::default();
    let rows = sqlx::query(
        // Visible profiles only, and of accounts whose address is verified (profiles imported
        // by operators have no account and count): unverified sign-ups cannot move a figure.
        "SELECT residence_country, home_region, home_commune, disciplines, skills, languages, degree, created_at FROM experts e WHERE e.hidden = 0 AND (e.user_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = e.user_id AND u.email_verified = 1))",
    )
    .fetch_all(pool)
    .await?;
    for r in &rows {
        facts.experts.push(ExpertFacts {
            residence_country: r.try_get("residence_country")?,
            home_region: r.try_get("home_region")?,
            home_commune: r.try_get("home_commune")?,
            disciplines: json_list(r.try_get("disciplines")?),
            skills: json_list(r.try_get("skills")?),
            languages: json_list(r.try_get("languages")?),
            degree: r.try_get("degree")?,
            created_at: r.try_get("created_at")?,
        });
    }
    let created = |table: &'static str| async move {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT ref, created_at FROM {table}"
        )))
        .fetch_all(pool)
        .await?;
        let mut map = HashMap::new();
        for r in &rows {
            map.insert(
                r.try_get::<String, _>("ref")?,
                r.try_get::<i64, _>("created_at")?,
            );
        }
        Ok::<_, StoreError>(map)
    };
    let mission_created = created("missions").await?;
    for m in missions::all(pool).await? {
        if on_record(m.status, m.hidden, m.organisation_verified) {
            let at = mission_created.get(&m.mission.r#ref).copied().unwrap_or(0);
            facts.missions.push((m, at));
        }
    }
    let project_created = created("projects").await?;
    let sums = sqlx::query(
        "SELECT project_id, status, CAST(SUM(amount_cents) AS BIGINT) AS total FROM pledges GROUP BY project_id, status",
    )
    .fetch_all(pool)
    .await?;
    let mut pledged: HashMap<(i64, String), i64> = HashMap::new();
    for r in &sums {
        pledged.insert(
            (r.try_get("project_id")?, r.try_get("status")?),
            r.try_get::<Option<i64>, _>("total")?.unwrap_or(0),
        );
    }
    for p in projects::all(pool).await? {
        if on_record(p.status, p.hidden, p.organisation_verified) {
            let at = project_created.get(&p.project.r#ref).copied().unwrap_or(0);
            let confirmed = pledged
                .get(&(p.id, "confirmed".into()))
                .copied()
                .unwrap_or(0);
            let pending = pledged.get(&(p.id, "pending".into())).copied().unwrap_or(0);
            facts.projects.push((p, at, confirmed, pending));
        }
    }
    for r in &sqlx::query("SELECT status, completed, created_at FROM connections")
        .fetch_all(pool)
        .await?
    {
        facts.connections.push(ConnectionFacts {
            status: r.try_get("status")?,
            completed: r.try_get::<i64, _>("completed")? != 0,
            created_at: r.try_get("created_at")?,
        });
    }
    let rows = sqlx::query(
        "SELECT c.id, o.name AS organisation, c.opportunity_kind, c.opportunity_ref, MAX(r.people_trained) AS people, MAX(r.courses_delivered) AS courses, MAX(r.theses_supervised) AS theses, MAX(r.milestones_reached) AS milestones, MIN(r.created_at) AS at FROM mission_reports r JOIN connections c ON c.id = r.connection_id JOIN organisations o ON o.id = c.organisation_id GROUP BY c.id, o.name, c.opportunity_kind, c.opportunity_ref",
    )
    .fetch_all(pool)
    .await?;
    let region_of_mission: HashMap<&str, Option<String>> = facts
        .missions
        .iter()
        .map(|(m, _)| {
            (
                m.mission.r#ref.as_str(),
                m.mission.place.region().map(|r| r.id().to_string()),
            )
        })
        .collect();
    let region_of_project: HashMap<&str, String> = facts
        .projects
        .iter()
        .map(|(p, ..)| (p.project.r#ref.as_str(), p.project.region.id().to_string()))
        .collect();
    let mut outcomes = Vec::new();
    for r in &rows {
        let kind: String = r.try_get("opportunity_kind")?;
        let posting: String = r.try_get("opportunity_ref")?;
        let region = if kind == "project" {
            region_of_project.get(posting.as_str()).cloned()
        } else {
            region_of_mission.get(posting.as_str()).cloned().flatten()
        };
        outcomes.push(OutcomeFacts {
            organisation: r.try_get("organisation")?,
            region,
            year: year_of(r.try_get("at")?),
            people_trained: r.try_get("people")?,
            courses_delivered: r.try_get("courses")?,
            theses_supervised: r.try_get("theses")?,
            milestones_reached: r.try_get("milestones")?,
        });
    }
    facts.outcomes = outcomes;
    Ok(facts)
}

/// Whether a posting counts as open demand.
pub fn is_open(status: MissionStatus) -> bool {
    status == MissionStatus::Published
}
