//! Multi-row statements with `$N` placeholders (valid on SQLite and PostgreSQL), so a bulk
//! import sends a few hundred rows per statement instead of one.

use sqlx::any::AnyArguments;
use sqlx::{Any, AnyConnection, AssertSqlSafe, Executor};

/// One value to bind.
#[derive(Debug, Clone)]
pub enum Value {
    /// Text or NULL.
    Text(Option<String>),
    /// Integer or NULL.
    Int(Option<i64>),
    /// Boolean, stored as 0/1.
    Bool(bool),
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_string()))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

/// Binds `values` in order onto a query.
pub fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, Any, AnyArguments>,
    values: Vec<Value>,
) -> sqlx::query::Query<'q, Any, AnyArguments> {
    for v in values {
        query = match v {
            Value::Text(t) => query.bind(t),
            Value::Int(i) => query.bind(i),
            Value::Bool(b) => query.bind(i64::from(b)),
        };
    }
    query
}

/// How many bound values one SQLite statement carries. SQLite allows 32,766, but sqlx looks
/// each `$N` up by name among all of a statement's parameters, so binding costs grow with the
/// square of the statement size: 30,000 made a 100,000-expert import take 94 s instead of 8.
const MAX_PARAMS_SQLITE: usize = 900;

/// How many bound values one PostgreSQL statement carries (the protocol allows 65,535).
/// Few, large statements: sqlx does not set `TCP_NODELAY`, so every statement larger than a
/// TCP segment waits for a delayed acknowledgement (about 40 ms) whatever its size.
const MAX_PARAMS_POSTGRES: usize = 30_000;

fn max_params(conn: &AnyConnection) -> usize {
    if conn.backend_name().eq_ignore_ascii_case("postgresql") {
        MAX_PARAMS_POSTGRES
    } else {
        MAX_PARAMS_SQLITE
    }
}

/// Inserts `rows` into `table` (`columns` in order), in as few statements as the
/// parameter limit allows, appending `suffix` (e.g. an `ON CONFLICT` clause) to each.
pub async fn insert_rows(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
    suffix: &str,
) -> Result<u64, sqlx::Error> {
    let per_statement = (max_params(conn) / columns.len()).max(1);
    let mut affected = 0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Value>> = rows.by_ref().take(per_statement).collect();
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            debug_assert_eq!(row.len(), columns.len());
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for j in 0..row.len() {
                if j > 0 {
                    sql.push_str(", ");
                }
                n += 1;
                sql.push('$');
                sql.push_str(&n.to_string());
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(suffix);
        let values: Vec<Value> = chunk.into_iter().flatten().collect();
        let query = bind_all(sqlx::query(AssertSqlSafe(sql)), values);
        affected += conn.execute(query).await?.rows_affected();
    }
    Ok(affected)
}
