//! Reading stored rows back into domain values: JSON list columns, dates, regions.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::Date;

use super::StoreError;
use crate::domain::values::{format_date, parse_date};
use passerelle_index::Region;

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
