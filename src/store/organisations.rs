//! Organisations: universities and institutes, hometown associations.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::rows::{boolean, int, opt_text, text};
use super::{StoreError, now};

/// What kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    /// A university or institute; posts missions.
    Institution,
    /// A hometown association; proposes village projects.
    Association,
}

impl OrgKind {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Institution => "institution",
            OrgKind::Association => "association",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "institution" => Some(OrgKind::Institution),
            "association" => Some(OrgKind::Association),
            _ => None,
        }
    }
}

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// Row id.
    pub id: i64,
    /// Institution or association.
    pub kind: OrgKind,
    /// Unique name.
    pub name: String,
    /// City.
    pub city: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Short description.
    pub description: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Verified by a moderator: only then are its postings public.
    pub verified: bool,
}

/// The fields of a new organisation.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    /// Unique name.
    pub name: String,
    /// City.
    pub city: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Short description.
    pub description: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Whether it starts verified (imports and demo data do).
    pub verified: bool,
}

const SELECT: &str =
    "SELECT id, kind, name, city, country, description, website, verified FROM organisations";

fn from_row(row: &AnyRow) -> Result<Organisation, StoreError> {
    let kind = text(row, "kind")?;
    Ok(Organisation {
        id: int(row, "id")?,
        kind: OrgKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("organisation kind {kind}")))?,
        name: text(row, "name")?,
        city: opt_text(row, "city")?,
        country: opt_text(row, "country")?,
        description: opt_text(row, "description")?,
        website: opt_text(row, "website")?,
        verified: boolean(row, "verified")?,
    })
}

/// Creates an organisation; a name already taken is a `Conflict`.
pub async fn create(
    conn: &mut AnyConnection,
    kind: OrgKind,
    new: &NewOrganisation,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (kind, name, city, country, description, website, verified, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(kind.as_str())
    .bind(new.name.clone())
    .bind(new.city.clone())
    .bind(new.country.clone())
    .bind(new.description.clone())
    .bind(new.website.clone())
    .bind(i64::from(new.verified))
    .bind(now())
    .fetch_one(&mut *conn)
    .await
    .map_err(StoreError::from_unique)?;
    Ok(id)
}

/// Returns the ids of the named organisations, creating (verified) the ones that do not
/// exist yet; an existing name of the other kind is refused as a `Conflict`.
pub async fn ensure_named(
    conn: &mut AnyConnection,
    kind: OrgKind,
    names: &[&str],
) -> Result<HashMap<String, i64>, StoreError> {
    let mut ids = HashMap::new();
    let rows = sqlx::query(SELECT).fetch_all(&mut *conn).await?;
    let existing: HashMap<String, Organisation> = rows
        .iter()
        .map(from_row)
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|o| (o.name.clone(), o))
        .collect();
    for name in names {
        if ids.contains_key(*name) {
            continue;
        }
        let id = match existing.get(*name) {
            Some(org) if org.kind == kind => org.id,
            Some(_) => {
                return Err(StoreError::Conflict(format!(
                    "\"{name}\" is already the name of an organisation of another kind"
                )));
            }
            None => {
                create(
                    conn,
                    kind,
                    &NewOrganisation {
                        name: name.to_string(),
                        verified: true,
                        ..Default::default()
                    },
                )
                .await?
            }
        };
        ids.insert(name.to_string(), id);
    }
    Ok(ids)
}

/// Reads one organisation.
pub async fn get(pool: &AnyPool, id: i64) -> Result<Organisation, StoreError> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Reads every organisation, by name.
pub async fn all(pool: &AnyPool) -> Result<Vec<Organisation>, StoreError> {
    let sql = format!("{SELECT} ORDER BY name");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Updates the descriptive fields of an organisation (kind and name stay).
pub async fn update_details(
    conn: &mut AnyConnection,
    id: i64,
    new: &NewOrganisation,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE organisations SET city = $1, country = $2, description = $3, website = $4 WHERE id = $5")
        .bind(new.city.clone())
        .bind(new.country.clone())
        .bind(new.description.clone())
        .bind(new.website.clone())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks an organisation verified (or not).
pub async fn set_verified(
    conn: &mut AnyConnection,
    id: i64,
    verified: bool,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE organisations SET verified = $1 WHERE id = $2")
        .bind(i64::from(verified))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Organisations waiting for a moderator (neither verified nor rejected), oldest first,
/// with the time they were created.
pub async fn pending(pool: &AnyPool) -> Result<Vec<(Organisation, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, name, city, country, description, website, verified, created_at FROM organisations WHERE verified = 0 AND rejected = 0 ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((from_row(r)?, int(r, "created_at")?)))
        .collect()
}

/// Marks an organisation rejected: it leaves the queue and its postings stay private.
pub async fn set_rejected(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE organisations SET rejected = 1, verified = 0 WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
