//! `passerelle user`: accounts from the command line, so that an install without demo data
//! gets its first moderator, and operators can add members of organisations they vouch for.
//! Every change is written to the audit log.

use std::io::Read;

use anyhow::{Context, bail};

use crate::cli::{UserAddArgs, UserCommand, UserEmailArgs, UserRoleArgs};
use crate::store::organisations::{self, NewOrganisation, OrgKind};
use crate::store::sessions::{self, Purpose};
use crate::store::users::{self, NewUser, Role};
use crate::store::{Db, StoreError, moderation};

/// How long the printed set-password link works, seconds.
const LINK_SECONDS: i64 = 48 * 3600;

/// Runs one `user` subcommand.
pub async fn run(db: &Db, command: &UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add(args) => add(db, args).await,
        UserCommand::List => list(db).await,
        UserCommand::Disable(args) => disable(db, args).await,
        UserCommand::Role(args) => change_role(db, args).await,
    }
}

/// The organisation a member joins: found by its exact name (and verified, since the
/// operator vouches for it) or created verified.
async fn organisation_for(
    db: &Db,
    tx: &mut sqlx::AnyConnection,
    role_name: &str,
    organisation: Option<(OrgKind, &str)>,
) -> anyhow::Result<Option<i64>> {
    let Some((kind, org_name)) = organisation else {
        return Ok(None);
    };
    let existing = organisations::all(&db.pool).await?;
    Ok(Some(match existing.iter().find(|o| o.name == org_name) {
        Some(o) if o.kind != kind => bail!("\"{org_name}\" is not an {role_name}"),
        Some(o) => {
            if !o.verified {
                organisations::set_verified(tx, o.id, true).await?;
            }
            o.id
        }
        None => {
            let id = organisations::create(
                tx,
                kind,
                &NewOrganisation {
                    name: org_name.to_string(),
                    city: None,
                    country: None,
                    description: None,
                    website: None,
                    verified: true,
                },
            )
            .await?;
            moderation::audit_operator(tx, "create_organisation", org_name).await?;
            id
        }
    }))
}

/// The organisation flag checked against the role: members need one, others none.
fn organisation_flag<'a>(
    role_name: &str,
    kind: Option<OrgKind>,
    flag: Option<&'a str>,
) -> anyhow::Result<Option<(OrgKind, &'a str)>> {
    Ok(match (kind, flag.map(str::trim)) {
        (Some(_), None | Some("")) => bail!("--organisation is needed for {role_name} members"),
        (None, Some(o)) if !o.is_empty() => {
            bail!("--organisation is only for institution and association members")
        }
        (kind, name) => kind.zip(name),
    })
}

/// Active moderators (not disabled, not deleted).
async fn active_moderators(db: &Db) -> Result<usize, StoreError> {
    Ok(users::moderators(&db.pool)
        .await?
        .iter()
        .filter(|u| !users::is_closed(&u.password_hash))
        .count())
}

async fn account(db: &Db, email: &str) -> anyhow::Result<users::User> {
    match users::by_email(&db.pool, email).await {
        Ok(u) if u.password_hash != "!" => Ok(u),
        Ok(_) | Err(StoreError::NotFound) => bail!("no account uses {email}"),
        Err(e) => Err(e.into()),
    }
}

async fn disable(db: &Db, args: &UserEmailArgs) -> anyhow::Result<()> {
    let user = account(db, &args.email).await?;
    if user.role == Role::Moderator
        && !users::is_closed(&user.password_hash)
        && active_moderators(db).await? <= 1
    {
        bail!(
            "{} is the last active moderator: add another one first",
            user.email
        );
    }
    let mut tx = db.pool.begin().await?;
    users::disable(&mut tx, user.id).await?;
    moderation::audit_operator(&mut tx, "disable_user", &user.email).await?;
    tx.commit().await?;
    println!(
        "disabled {}: sessions, mailed links and API tokens ended",
        user.email
    );
    Ok(())
}

async fn change_role(db: &Db, args: &UserRoleArgs) -> anyhow::Result<()> {
    let user = account(db, &args.email).await?;
    let (role, kind) = role_of(&args.role)?;
    let organisation = organisation_flag(&args.role, kind, args.organisation.as_deref())?;
    if user.role == Role::Moderator && role != Role::Moderator && active_moderators(db).await? <= 1
    {
        bail!(
            "{} is the last active moderator: add another one first",
            user.email
        );
    }
    let mut tx = db.pool.begin().await?;
    let organisation_id = organisation_for(db, &mut tx, &args.role, organisation).await?;
    users::set_role(&mut tx, user.id, role, organisation_id).await?;
    sessions::delete_all(&mut tx, user.id).await?;
    moderation::audit_operator(&mut tx, &format!("role:{}", role.as_str()), &user.email).await?;
    tx.commit().await?;
    println!(
        "{} is now {} (signed out everywhere)",
        user.email,
        role.as_str()
    );
    Ok(())
}

/// The role and, for members, the kind of organisation it belongs to.
fn role_of(name: &str) -> anyhow::Result<(Role, Option<OrgKind>)> {
    Ok(match name {
        "moderator" => (Role::Moderator, None),
        "expert" => (Role::Expert, None),
        "institution" => (Role::InstitutionMember, Some(OrgKind::Institution)),
        "association" => (Role::AssociationMember, Some(OrgKind::Association)),
        other => {
            bail!("--role must be moderator, expert, institution or association, not {other:?}")
        }
    })
}

async fn add(db: &Db, args: &UserAddArgs) -> anyhow::Result<()> {
    let (role, kind) = role_of(&args.role)?;
    let email = users::normalise_email(&args.email);
    crate::domain::field::email("--email", &email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let name = args.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        bail!("--name must have 1 to 120 characters");
    }
    let lang = match args.lang.as_str() {
        "fr" | "en" => args.lang.clone(),
        other => bail!("--lang must be fr or en, not {other:?}"),
    };
    let organisation = organisation_flag(&args.role, kind, args.organisation.as_deref())?;
    let password = if args.password_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the password from standard input")?;
        let password = text.trim_end_matches(['\n', '\r']).to_string();
        if let Err((_, reason)) = crate::auth::check_rules(&password, &email) {
            bail!("password refused: {reason}");
        }
        Some(password)
    } else {
        None
    };
    // Without a password the account cannot sign in until the link sets one.
    let hash = match &password {
        Some(p) => crate::auth::hash(p.clone()).await?,
        None => crate::auth::hash(sessions::new_secret()).await?,
    };
    let mut tx = db.pool.begin().await?;
    let organisation_id = organisation_for(db, &mut tx, &args.role, organisation).await?;
    let user_id = match users::create(
        &mut tx,
        &NewUser {
            email: email.clone(),
            password_hash: hash,
            display_name: name.to_string(),
            role,
            organisation_id,
            lang,
            email_verified: true,
        },
    )
    .await
    {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => bail!("an account already uses {email}"),
        Err(e) => return Err(e.into()),
    };
    moderation::audit_operator(&mut tx, &format!("add_user:{}", role.as_str()), &email).await?;
    let link = if password.is_none() {
        let token =
            sessions::issue_token(&mut tx, user_id, Purpose::Reset, None, LINK_SECONDS).await?;
        Some(format!(
            "{}{}?token={token}",
            args.public_url.trim_end_matches('/'),
            passerelle_templates::routes::PASSWORD_RESET
        ))
    } else {
        None
    };
    tx.commit().await?;
    println!("created {} account {email}", role.as_str());
    if let Some(link) = link {
        println!("set its password within 48 hours at: {link}");
    }
    Ok(())
}

async fn list(db: &Db) -> anyhow::Result<()> {
    let orgs = organisations::all(&db.pool).await?;
    let accounts = users::all(&db.pool).await?;
    if !accounts.iter().any(|u| u.role == Role::Moderator) {
        println!("{}", NO_MODERATOR_HINT);
    }
    for u in accounts {
        let org = u
            .organisation_id
            .and_then(|id| orgs.iter().find(|o| o.id == id))
            .map(|o| o.name.as_str())
            .unwrap_or("-");
        let state = if users::is_closed(&u.password_hash) {
            "disabled"
        } else if u.email_verified {
            "verified"
        } else {
            "unverified"
        };
        println!("{}\t{}\t{}\t{state}", u.email, u.role.as_str(), org);
    }
    Ok(())
}

/// What `serve` and `user list` say when nobody can moderate yet.
pub const NO_MODERATOR_HINT: &str = "no moderator yet: create one with `passerelle user add --email EMAIL --name NAME --role moderator --password-stdin`";

/// Whether the database has at least one moderator.
pub async fn has_moderator(db: &Db) -> Result<bool, StoreError> {
    Ok(!users::moderators(&db.pool).await?.is_empty())
}
