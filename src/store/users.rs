//! User accounts and their roles.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};

use super::rows::{boolean, int, opt_int, text};
use super::{StoreError, now};

/// What a user is on the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A diaspora expert with a profile.
    Expert,
    /// A member of a university or institute.
    InstitutionMember,
    /// A member of a hometown association.
    AssociationMember,
    /// Staff of the migration centre.
    Moderator,
}

impl Role {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Expert => "expert",
            Role::InstitutionMember => "institution_member",
            Role::AssociationMember => "association_member",
            Role::Moderator => "moderator",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Role::Expert,
            Role::InstitutionMember,
            Role::AssociationMember,
            Role::Moderator,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// How often a user wants match emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notify {
    /// As soon as a match appears (at most one a day).
    Immediately,
    /// One digest a week.
    Weekly,
    /// Never.
    Never,
}

impl Notify {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Notify::Immediately => "immediately",
            Notify::Weekly => "weekly",
            Notify::Never => "never",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Self> {
        [Notify::Immediately, Notify::Weekly, Notify::Never]
            .into_iter()
            .find(|n| n.as_str() == s)
    }
}

/// A user account.
#[derive(Debug, Clone)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// Login and contact address.
    pub email: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Name shown on the site.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The organisation of an institution or association member.
    pub organisation_id: Option<i64>,
    /// Preferred language ("fr" or "en").
    pub lang: String,
    /// Whether the address was verified.
    pub email_verified: bool,
    /// Match email preference.
    pub notify: Notify,
}

/// The fields of a new account.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login address.
    pub email: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Name shown on the site.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Organisation, for members.
    pub organisation_id: Option<i64>,
    /// "fr" or "en".
    pub lang: String,
    /// Whether the address is already verified (demo and moderator accounts).
    pub email_verified: bool,
}

const SELECT: &str = "SELECT id, email, password_hash, display_name, role, organisation_id, lang, email_verified, notify FROM users";

fn from_row(row: &AnyRow) -> Result<User, StoreError> {
    let role = text(row, "role")?;
    let notify = text(row, "notify")?;
    Ok(User {
        id: int(row, "id")?,
        email: text(row, "email")?,
        password_hash: text(row, "password_hash")?,
        display_name: text(row, "display_name")?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
        organisation_id: opt_int(row, "organisation_id")?,
        lang: text(row, "lang")?,
        email_verified: boolean(row, "email_verified")?,
        notify: Notify::parse(&notify)
            .ok_or_else(|| StoreError::Corrupt(format!("notify {notify}")))?,
    })
}

/// Normalises an address for lookups: trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates an account; an address already registered is a `Conflict`.
pub async fn create(conn: &mut AnyConnection, new: &NewUser) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, display_name, role, organisation_id, lang, email_verified, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(normalise_email(&new.email))
    .bind(new.password_hash.clone())
    .bind(new.display_name.clone())
    .bind(new.role.as_str())
    .bind(new.organisation_id)
    .bind(new.lang.clone())
    .bind(i64::from(new.email_verified))
    .bind(now())
    .fetch_one(&mut *conn)
    .await
    .map_err(StoreError::from_unique)
}

/// Reads a user by id.
pub async fn get(pool: &AnyPool, id: i64) -> Result<User, StoreError> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Reads a user by email address.
pub async fn by_email(pool: &AnyPool, email: &str) -> Result<User, StoreError> {
    let sql = format!("{SELECT} WHERE email = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(normalise_email(email))
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// The members of an organisation.
pub async fn members(pool: &AnyPool, organisation_id: i64) -> Result<Vec<User>, StoreError> {
    let sql = format!("{SELECT} WHERE organisation_id = $1 ORDER BY id");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organisation_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Every account, oldest first (deleted ones excluded).
pub async fn all(pool: &AnyPool) -> Result<Vec<User>, StoreError> {
    let sql = format!("{SELECT} WHERE password_hash <> '!' ORDER BY id");
    // (Disabled accounts are listed; deleted ones, whose hash is exactly "!", are not.)
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// The stored password of a disabled account: no password matches it.
pub const DISABLED: &str = "!disabled";

/// Whether a stored password hash marks a deleted or disabled account.
pub fn is_closed(password_hash: &str) -> bool {
    password_hash.starts_with('!')
}

/// Disables an account: no password signs in, its sessions and mailed links end, and the
/// API tokens it created are revoked.
pub async fn disable(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    set_password(conn, id, DISABLED).await?;
    super::sessions::delete_all(conn, id).await?;
    sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Changes an account's role and organisation.
pub async fn set_role(
    conn: &mut AnyConnection,
    id: i64,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET role = $1, organisation_id = $2 WHERE id = $3")
        .bind(role.as_str())
        .bind(organisation_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every moderator.
pub async fn moderators(pool: &AnyPool) -> Result<Vec<User>, StoreError> {
    let sql = format!("{SELECT} WHERE role = 'moderator' ORDER BY id");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Replaces the password hash.
pub async fn set_password(conn: &mut AnyConnection, id: i64, hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash.to_string())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    revoke_email_tokens(conn, id).await
}

/// Every outstanding e-mail link of an account (reset, verification, change of address)
/// dies: called whenever its password or address changes and when it is deleted, so a link
/// mailed before cannot act on the account after.
async fn revoke_email_tokens(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM email_tokens WHERE user_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Replaces the address (marking it verified, since it was confirmed by a link).
pub async fn set_email(conn: &mut AnyConnection, id: i64, email: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email = $1, email_verified = 1 WHERE id = $2")
        .bind(normalise_email(email))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from_unique)?;
    revoke_email_tokens(conn, id).await
}

/// Marks the address verified.
pub async fn mark_verified(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email_verified = 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets the organisation of a member.
pub async fn set_organisation(
    conn: &mut AnyConnection,
    id: i64,
    organisation_id: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET organisation_id = $1 WHERE id = $2")
        .bind(organisation_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets the language and the match email preference.
pub async fn set_preferences(
    conn: &mut AnyConnection,
    id: i64,
    lang: &str,
    notify: Notify,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET lang = $1, notify = $2 WHERE id = $3")
        .bind(lang.to_string())
        .bind(notify.as_str())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Erases an account's personal data, keeping the row so history stays consistent:
/// the address and name are replaced, the password made unusable, sessions removed.
pub async fn anonymise(conn: &mut AnyConnection, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email = $1, display_name = $2, password_hash = '!', email_verified = 0, notify = 'never' WHERE id = $3")
        .bind(format!("deleted-{id}@invalid"))
        .bind("—")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    super::sessions::delete_all(conn, id).await?;
    revoke_email_tokens(conn, id).await
}
