//! Experts: bulk upsert by ref, reads, deletion; every write appends to the change log.

use std::collections::HashSet;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::batch::{Value, insert_rows};
use super::changelog::{self, ChangeKind, Entity};
use super::rows::{boolean, int, json, list, opt_int, opt_region, opt_text, text};
use super::{Backend, StoreError, now};
use crate::domain::Expert;
use crate::domain::values::format_date;

/// An expert as stored, with the columns that are not part of the interchange format.
#[derive(Debug, Clone)]
pub struct ExpertRecord {
    /// Row id.
    pub id: i64,
    /// The account that owns this profile, if any.
    pub user_id: Option<i64>,
    /// Phone number, shown only after a connection.
    pub phone: Option<String>,
    /// Hidden by a moderator or by the deletion of the account.
    pub hidden: bool,
    /// The profile.
    pub expert: Expert,
}

/// How many records an upsert created and how many it changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Upserted {
    /// New records.
    pub inserted: usize,
    /// Existing records updated.
    pub updated: usize,
}

const COLUMNS: &[&str] = &[
    "ref",
    "name",
    "email",
    "headline",
    "bio",
    "skills",
    "disciplines",
    "languages",
    "residence_country",
    "residence_city",
    "home_region",
    "home_commune",
    "degree",
    "availability",
    "modes",
    "offers",
    "created_at",
    "updated_at",
];

const SELECT: &str = "SELECT id, user_id, phone, hidden, ref, name, email, headline, bio, skills, disciplines, languages, residence_country, residence_city, home_region, home_commune, degree, availability, modes, offers FROM experts";

/// `{"from","to"}` as stored in the availability column.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredWindow {
    from: String,
    to: String,
}

fn values(e: &Expert, at: i64) -> Vec<Value> {
    let windows: Vec<StoredWindow> = e
        .availability
        .iter()
        .map(|w| StoredWindow {
            from: format_date(w.from),
            to: format_date(w.to),
        })
        .collect();
    let modes: Vec<&str> = e.modes.iter().map(|m| m.as_str()).collect();
    let offers: Vec<&str> = e.offers.iter().map(|o| o.as_str()).collect();
    vec![
        e.r#ref.clone().into(),
        e.name.clone().into(),
        e.email.clone().into(),
        e.headline.clone().into(),
        e.bio.clone().into(),
        json(&e.skills).into(),
        json(&e.disciplines).into(),
        json(&e.languages).into(),
        e.residence_country.clone().into(),
        e.residence_city.clone().into(),
        e.home_region.map(|r| r.id().to_string()).into(),
        e.home_commune.clone().into(),
        e.degree.clone().into(),
        json(&windows).into(),
        json(&modes).into(),
        json(&offers).into(),
        at.into(),
        at.into(),
    ]
}

fn on_conflict() -> String {
    let sets: Vec<String> = COLUMNS
        .iter()
        .filter(|c| !matches!(**c, "ref" | "created_at"))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!("ON CONFLICT (ref) DO UPDATE SET {}", sets.join(", "))
}

/// Inserts or updates experts by ref in the caller's transaction, logging each change.
pub async fn upsert_many(
    conn: &mut AnyConnection,
    backend: Backend,
    experts: &[Expert],
) -> Result<Upserted, StoreError> {
    changelog::lock(conn, backend).await?;
    let existing: HashSet<String> = sqlx::query_scalar("SELECT ref FROM experts")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let at = now();
    let rows = experts.iter().map(|e| values(e, at)).collect();
    insert_rows(conn, "experts", COLUMNS, rows, &on_conflict()).await?;
    let changes: Vec<(Entity, &str, ChangeKind)> = experts
        .iter()
        .map(|e| {
            let kind = if existing.contains(&e.r#ref) {
                ChangeKind::Update
            } else {
                ChangeKind::Insert
            };
            (Entity::Expert, e.r#ref.as_str(), kind)
        })
        .collect();
    changelog::append(conn, &changes).await?;
    let updated = changes.iter().filter(|c| c.2 == ChangeKind::Update).count();
    Ok(Upserted {
        inserted: experts.len() - updated,
        updated,
    })
}

fn from_row(row: &AnyRow) -> Result<ExpertRecord, StoreError> {
    let windows: Vec<StoredWindow> = list(row, "availability")?;
    let availability = windows
        .into_iter()
        .map(|w| {
            let from = crate::domain::values::parse_date("availability", &w.from);
            let to = crate::domain::values::parse_date("availability", &w.to);
            match (from, to) {
                (Ok(from), Ok(to)) => Ok(crate::domain::DateWindow { from, to }),
                _ => Err(StoreError::Corrupt("availability".into())),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ExpertRecord {
        id: int(row, "id")?,
        user_id: opt_int(row, "user_id")?,
        phone: opt_text(row, "phone")?,
        hidden: boolean(row, "hidden")?,
        expert: Expert {
            r#ref: text(row, "ref")?,
            name: text(row, "name")?,
            email: text(row, "email")?,
            headline: text(row, "headline")?,
            bio: opt_text(row, "bio")?,
            skills: list(row, "skills")?,
            disciplines: list(row, "disciplines")?,
            languages: list(row, "languages")?,
            residence_country: text(row, "residence_country")?,
            residence_city: opt_text(row, "residence_city")?,
            home_region: opt_region(row, "home_region")?,
            home_commune: opt_text(row, "home_commune")?,
            degree: opt_text(row, "degree")?,
            availability,
            modes: parse_all(list(row, "modes")?, crate::domain::Mode::parse)?,
            offers: parse_all(list(row, "offers")?, crate::domain::Offer::parse)?,
        },
    })
}

fn parse_all<T>(
    names: Vec<String>,
    f: fn(&str, &str) -> Result<T, crate::domain::FieldError>,
) -> Result<Vec<T>, StoreError> {
    names
        .iter()
        .map(|n| f("stored", n).map_err(|e| StoreError::Corrupt(e.to_string())))
        .collect()
}

/// Reads one expert by ref.
pub async fn get(pool: &AnyPool, r#ref: &str) -> Result<ExpertRecord, StoreError> {
    let sql = format!("{SELECT} WHERE ref = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(r#ref)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Reads every expert in ref order (for export and reindexing).
pub async fn all(pool: &AnyPool) -> Result<Vec<ExpertRecord>, StoreError> {
    let sql = format!("{SELECT} ORDER BY ref");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Reads the experts with the given refs, in the order of `refs` (missing refs are skipped).
pub async fn by_refs(pool: &AnyPool, refs: &[String]) -> Result<Vec<ExpertRecord>, StoreError> {
    super::rows::by_refs(pool, SELECT, "ref", refs, from_row, |r| &r.expert.r#ref).await
}

/// Counts visible experts.
pub async fn count(pool: &AnyPool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM experts WHERE hidden = 0")
            .fetch_one(pool)
            .await?,
    )
}

/// Deletes an expert by ref, logging the deletion.
pub async fn delete(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query("DELETE FROM experts WHERE ref = $1")
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Expert, r#ref, ChangeKind::Delete)]).await
}

/// Ties an expert profile to the account that owns it.
pub async fn link_user(
    conn: &mut AnyConnection,
    r#ref: &str,
    user_id: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE experts SET user_id = $1 WHERE ref = $2")
        .bind(user_id)
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The expert profile owned by an account, if any.
pub async fn of_user(pool: &AnyPool, user_id: i64) -> Result<Option<ExpertRecord>, StoreError> {
    let sql = format!("{SELECT} WHERE user_id = $1");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Sets the phone number of an expert (shown only to accepted connections; not indexed).
pub async fn set_phone(
    conn: &mut AnyConnection,
    r#ref: &str,
    phone: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE experts SET phone = $1 WHERE ref = $2")
        .bind(phone.map(str::to_string))
        .bind(r#ref)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Erases an expert's personal data, keeping the row (and so the history of connections
/// and reports) anonymous: name, contact, free texts and skills go, the profile is hidden
/// and leaves the index; country, region and degree stay for aggregate statistics only.
pub async fn erase(
    conn: &mut AnyConnection,
    backend: Backend,
    r#ref: &str,
) -> Result<(), StoreError> {
    changelog::lock(conn, backend).await?;
    let done = sqlx::query(
        "UPDATE experts SET name = '—', email = '', phone = NULL, headline = '', bio = NULL, skills = '[]', residence_city = NULL, home_commune = NULL, availability = '[]', user_id = NULL, hidden = 1, updated_at = $1 WHERE ref = $2",
    )
    .bind(super::now())
    .bind(r#ref)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::append(conn, &[(Entity::Expert, r#ref, ChangeKind::Update)]).await
}
