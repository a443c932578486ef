//! Reading stored rows back into domain values: JSON list columns, dates, regions.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};
use time::Date;

use super::StoreError;
use crate::domain::values::{format_date, parse_date};
use passerelle_index::Region;

/// Reads the rows of `select` whose `column` is one of `refs` (500 per query), converted by
/// `convert`, in the order of `refs`; refs without a row are skipped.
pub async fn by_refs<T>(
    pool: &AnyPool,
    select: &str,
    column: &str,
    refs: &[String],
    convert: impl Fn(&AnyRow) -> Result<T, StoreError>,
    ref_of: impl Fn(&T) -> &str,
) -> Result<Vec<T>, StoreError> {
    let mut found = HashMap::with_capacity(refs.len());
    for chunk in refs.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!("{select} WHERE {column} IN ({})", marks.join(", "));
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in chunk {
            query = query.bind(r.clone());
        }
        for row in query.fetch_all(pool).await? {
            let record = convert(&row)?;
            found.insert(ref_of(&record).to_string(), record);
        }
    }
    Ok(refs.iter().filter_map(|r| found.remove(r)).collect())
}

/// Encodes a list as the JSON text stored in a list column.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

/// Reads a text column.
pub fn text(row: &AnyRow, column: &str) -> Result<String, StoreError> {
    Ok(row.try_get::<String, _>(column)?)
}

/// Reads a nullable text column.
pub fn opt_text(row: &AnyRow, column: &str) -> Result<Option<String>, StoreError> {
    Ok(row.try_get::<Option<String>, _>(column)?)
}

/// Reads an integer column.
pub fn int(row: &AnyRow, column: &str) -> Result<i64, StoreError> {
    Ok(row.try_get::<i64, _>(column)?)
}

/// Reads a nullable integer column.
pub fn opt_int(row: &AnyRow, column: &str) -> Result<Option<i64>, StoreError> {
    Ok(row.try_get::<Option<i64>, _>(column)?)
}

/// Reads a boolean column (stored as 0/1).
pub fn boolean(row: &AnyRow, column: &str) -> Result<bool, StoreError> {
    Ok(row.try_get::<i64, _>(column)? != 0)
}

/// Reads a JSON list column.
pub fn list<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<Vec<T>, StoreError> {
    let raw = text(row, column)?;
    serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

/// Reads an ISO date column.
pub fn date(row: &AnyRow, column: &str) -> Result<Date, StoreError> {
    let raw = text(row, column)?;
    parse_date(column, &raw).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Reads a nullable ISO date column.
pub fn opt_date(row: &AnyRow, column: &str) -> Result<Option<Date>, StoreError> {
    opt_text(row, column)?
        .map(|raw| parse_date(column, &raw).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

/// Reads a nullable region id column.
pub fn opt_region(row: &AnyRow, column: &str) -> Result<Option<Region>, StoreError> {
    opt_text(row, column)?
        .map(|id| {
            Region::parse(&id)
                .ok_or_else(|| StoreError::Corrupt(format!("{column}: unknown region {id}")))
        })
        .transpose()
}

/// Reads a region id column.
pub fn region(row: &AnyRow, column: &str) -> Result<Region, StoreError> {
    opt_region(row, column)?.ok_or_else(|| StoreError::Corrupt(format!("{column} is empty")))
}

/// Formats an optional date for storage.
pub fn store_date(date: Option<Date>) -> Option<String> {
    date.map(format_date)
}
