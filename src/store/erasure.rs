//! What deleting an account erases beyond its own row and profile: the person's words in
//! connections, reports after missions, pledges and content reports (and the audit log's
//! copies of those reasons), and every mail addressed to them or naming them. Figures stay
//! (amounts, counts, statuses), without anything that points to the person.

use sqlx::AnyConnection;

use super::StoreError;

/// The person an account deletion erases.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    /// The account's row id.
    pub user_id: i64,
    /// The expert profile's row id, when the account had one.
    pub expert_id: Option<i64>,
    /// The addresses the person had (the account's, the profile's).
    pub emails: Vec<&'a str>,
    /// The names the person went by (account and profile), as mails and pages showed them.
    pub names: Vec<&'a str>,
}

/// The name shown in place of an erased person's.
pub const ERASED_NAME: &str = "—";

async fn run(conn: &mut AnyConnection, sql: &str, bind: i64) -> Result<(), StoreError> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(bind)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Erases what the person wrote or received, inside the caller's transaction.
pub async fn erase_person(conn: &mut AnyConnection, person: &Person<'_>) -> Result<(), StoreError> {
    if let Some(expert_id) = person.expert_id {
        run(
            conn,
            "UPDATE connections SET message = NULL WHERE expert_id = $1",
            expert_id,
        )
        .await?;
        run(
            conn,
            "UPDATE mission_reports SET summary = '', how_it_went = NULL WHERE author_side = 'expert' AND connection_id IN (SELECT id FROM connections WHERE expert_id = $1)",
            expert_id,
        )
        .await?;
    }
    run(
        conn,
        "UPDATE pledges SET message = NULL, skills = NULL, user_id = NULL WHERE user_id = $1",
        person.user_id,
    )
    .await?;
    run(
        conn,
        "UPDATE audit_log SET detail = NULL WHERE detail IN (SELECT reason FROM content_reports WHERE reporter_id = $1)",
        person.user_id,
    )
    .await?;
    run(
        conn,
        "UPDATE content_reports SET reason = '—', reporter_id = NULL WHERE reporter_id = $1",
        person.user_id,
    )
    .await?;
    for email in &person.emails {
        for sql in [
            "DELETE FROM mail_outbox WHERE to_addr = $1",
            "DELETE FROM mail_unsubscribe WHERE email = $1",
            "DELETE FROM mail_optout WHERE email = $1",
            "DELETE FROM mail_digest_items WHERE email = $1",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                .bind(email.to_string())
                .execute(&mut *conn)
                .await?;
        }
    }
    // Mails to others that name the person (an interest, a pledge): the name is blanked.
    for name in person.names.iter().filter(|n| n.chars().count() >= 3) {
        sqlx::query(
            "UPDATE mail_outbox SET subject = REPLACE(subject, $1, $2), body_text = REPLACE(body_text, $1, $2), body_html = REPLACE(body_html, $1, $2) WHERE subject LIKE $3 OR body_text LIKE $3 OR body_html LIKE $3",
        )
        .bind(name.to_string())
        .bind(ERASED_NAME)
        .bind(format!("%{}%", name.replace(['%', '_'], "")))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
