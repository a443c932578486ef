//! The demo data set shipped with Passerelle (see src/demo/README.md), loaded by
//! `serve --demo` into an empty database, with one account per role to log in with.

use serde::Deserialize;

use crate::interchange::{FileKind, ParsedFile, read_str};
use crate::store::organisations::{self, NewOrganisation, OrgKind};
use crate::store::users::{self, NewUser, Role};
use crate::store::{Db, experts};

const EXPERTS: &str = include_str!("demo/experts.jsonl");
const MISSIONS: &str = include_str!("demo/missions.jsonl");
const PROJECTS: &str = include_str!("demo/projects.jsonl");
const ORGANISATIONS: &str = include_str!("demo/organisations.jsonl");

/// The password of every demo account (demo data only; shown on the home page).
pub const DEMO_PASSWORD: &str = "demo-passerelle";

/// A demo account: login, role, and what it stands for.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    /// Login address.
    pub email: &'static str,
    /// Name shown in the header.
    pub display_name: &'static str,
    /// Role.
    pub role: Role,
    /// The organisation it belongs to, by name.
    pub organisation: Option<&'static str>,
    /// The expert profile it owns, by ref.
    pub expert_ref: Option<&'static str>,
    /// French label on the home page.
    pub label_fr: &'static str,
    /// English label on the home page.
    pub label_en: &'static str,
}

/// An association that waits for verification, so the moderation queue is not empty.
const PENDING_ASSOCIATION: &str = "Association des ressortissants de Diéma à Montreuil";

/// The accounts created with the demo data.
pub const ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount {
        email: "moderation@demo.passerelle.ml",
        display_name: "Aminata Coulibaly (CIGEM)",
        role: Role::Moderator,
        organisation: None,
        expert_ref: None,
        label_fr: "Modératrice du centre des migrations",
        label_en: "Migration centre moderator",
    },
    DemoAccount {
        email: "usttb@demo.passerelle.ml",
        display_name: "Moussa Traoré (USTTB)",
        role: Role::InstitutionMember,
        organisation: Some(
            "Université des Sciences, des Techniques et des Technologies de Bamako (USTTB)",
        ),
        expert_ref: None,
        label_fr: "Membre d’une université",
        label_en: "University member",
    },
    DemoAccount {
        email: "yelimane@demo.passerelle.ml",
        display_name: "Fatoumata Diarra (Yélimané)",
        role: Role::AssociationMember,
        organisation: Some("Union des ressortissants de Yélimané en France"),
        expert_ref: None,
        label_fr: "Membre d’une association de ressortissants",
        label_en: "Hometown association member",
    },
    DemoAccount {
        email: "expert@demo.passerelle.ml",
        display_name: "Oumar Kanouté",
        role: Role::Expert,
        organisation: None,
        expert_ref: Some("D-E001"),
        label_fr: "Expert de la diaspora",
        label_en: "Diaspora expert",
    },
    DemoAccount {
        email: "diema@demo.passerelle.ml",
        display_name: "Bakary Sissoko (Diéma)",
        role: Role::AssociationMember,
        organisation: Some(PENDING_ASSOCIATION),
        expert_ref: None,
        label_fr: "Association en attente de vérification",
        label_en: "Association awaiting verification",
    },
];

#[derive(Debug, Deserialize)]
struct OrganisationLine {
    name: String,
    kind: String,
    city: Option<String>,
    country: Option<String>,
    description: Option<String>,
    website: Option<String>,
}

/// Parses the shipped demo files.
pub fn parsed() -> anyhow::Result<ParsedFile> {
    let parse = |name: &str, text: &str, kind| {
        read_str(name, text, kind).map_err(|e| anyhow::anyhow!("demo data is invalid: {e:?}"))
    };
    let e = parse("demo/experts.jsonl", EXPERTS, FileKind::Experts)?;
    let m = parse("demo/missions.jsonl", MISSIONS, FileKind::Missions)?;
    let p = parse("demo/projects.jsonl", PROJECTS, FileKind::Projects)?;
    Ok(ParsedFile {
        experts: e.experts,
        missions: m.missions,
        projects: p.projects,
    })
}

fn organisations() -> anyhow::Result<Vec<(OrgKind, NewOrganisation)>> {
    let mut out = Vec::new();
    for (i, line) in ORGANISATIONS.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let o: OrganisationLine = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("demo/organisations.jsonl line {}: {e}", i + 1))?;
        let kind = OrgKind::parse(&o.kind).ok_or_else(|| {
            anyhow::anyhow!("demo/organisations.jsonl line {}: kind {}", i + 1, o.kind)
        })?;
        out.push((
            kind,
            NewOrganisation {
                name: o.name,
                city: o.city,
                country: o.country,
                description: o.description,
                website: o.website,
                verified: true,
            },
        ));
    }
    out.push((
        OrgKind::Association,
        NewOrganisation {
            name: PENDING_ASSOCIATION.into(),
            city: Some("Montreuil".into()),
            country: Some("FR".into()),
            description: Some(
                "Ressortissants de la commune de Diéma (cercle de Diéma, région de Kayes) en Île-de-France ; projet d’adduction d’eau en préparation."
                    .into(),
            ),
            website: None,
            verified: false,
        },
    ));
    Ok(out)
}

/// Loads the demo data and accounts when the database holds no expert yet.
pub async fn load_if_empty(db: &Db) -> anyhow::Result<bool> {
    if experts::count(&db.pool).await? > 0 {
        tracing::info!("the database already has data: demo data not loaded");
        return Ok(false);
    }
    let data = parsed()?;
    let orgs = organisations()?;
    {
        let mut tx = db.pool.begin().await?;
        for (kind, org) in &orgs {
            organisations::create(&mut tx, *kind, org).await?;
        }
        tx.commit().await?;
    }
    crate::commands::import::write(db, &data, &indicatif::ProgressBar::hidden()).await?;
    let hash = crate::auth::hash(DEMO_PASSWORD.to_string()).await?;
    let by_name: std::collections::HashMap<String, i64> = organisations::all(&db.pool)
        .await?
        .into_iter()
        .map(|o| (o.name, o.id))
        .collect();
    let mut tx = db.pool.begin().await?;
    for a in ACCOUNTS {
        let organisation_id = match a.organisation {
            Some(name) => Some(
                *by_name
                    .get(name)
                    .ok_or_else(|| anyhow::anyhow!("demo organisation {name} is missing"))?,
            ),
            None => None,
        };
        let id = users::create(
            &mut tx,
            &NewUser {
                email: a.email.into(),
                password_hash: hash.clone(),
                display_name: a.display_name.into(),
                role: a.role,
                organisation_id,
                lang: "fr".into(),
                email_verified: true,
            },
        )
        .await?;
        if let Some(r) = a.expert_ref {
            experts::link_user(&mut tx, r, id).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(
        experts = data.experts.len(),
        missions = data.missions.len(),
        projects = data.projects.len(),
        accounts = ACCOUNTS.len(),
        "demo data loaded"
    );
    Ok(true)
}
