//! `/organisation`: a member's dashboard (postings, connections, pledges to confirm), and
//! `/organisation/edit`: creating the organisation after sign-up, or editing it.

use axum::Form;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::t;
use passerelle_templates::model::{Kind, OrgKind as ViewOrgKind, Verification};
use passerelle_templates::pages::{
    self,
    org_dashboard::{OrgDashboardView, PendingPledge, PostingRow},
    org_form::OrgFormView,
};
use passerelle_templates::{FieldErrors, FlashKind, Lang, routes};
use serde::Deserialize;

use super::connections::view_for_organisation;
use super::context::Page;
use super::experts::day_of;
use super::session::SignedIn;
use super::views::{euros, view_status};
use super::{AppError, AppState, flash};
use crate::domain::values::parse_country;
use crate::search::convert::{mission_doc, project_doc};
use crate::store::connections::{self, Initiator};
use crate::store::organisations::{self, NewOrganisation, OrgKind};
use crate::store::users::{self, Role, User};
use crate::store::{StoreError, missions, pledges, projects};

/// How many suggested experts are counted per posting on the dashboard.
const MATCHES_COUNTED: usize = 50;

/// The organisation routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ORGANISATION, get(dashboard))
        .route(routes::ORGANISATION_EDIT, get(edit_form).post(save))
}

fn member_kind(user: &User) -> Result<OrgKind, AppError> {
    match user.role {
        Role::InstitutionMember => Ok(OrgKind::Institution),
        Role::AssociationMember => Ok(OrgKind::Association),
        Role::Expert | Role::Moderator => Err(AppError::Forbidden),
    }
}

/// GET `/organisation`.
pub async fn dashboard(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    let kind = member_kind(&user)?;
    let Some(org_id) = user.organisation_id else {
        return Ok(flash::see_other(routes::ORGANISATION_EDIT));
    };
    let pool = &state.db().pool;
    let org = organisations::get(pool, org_id).await?;
    let links = connections::of_organisation(pool, org_id).await?;
    let interests_for = |kind: &str, r: &str| {
        links
            .iter()
            .filter(|c| {
                c.opportunity_kind == kind
                    && c.opportunity_ref == r
                    && c.initiated_by == Initiator::Expert
            })
            .count() as u64
    };
    let eligible = |doc| {
        state
            .engine()
            .match_experts_memo(&doc, MATCHES_COUNTED)
            .iter()
            .filter(|m| m.eligible)
            .count() as u64
    };
    let mut rows = Vec::new();
    let mut pending_pledges = Vec::new();
    match kind {
        OrgKind::Institution => {
            for m in missions::of_organisation(pool, org_id).await? {
                rows.push(PostingRow {
                    kind: Kind::Mission,
                    reference: m.mission.r#ref.clone(),
                    title: m.mission.title.clone(),
                    status: view_status(m.status),
                    dates: Some((m.mission.start, m.mission.end)),
                    interests: interests_for("mission", &m.mission.r#ref),
                    matches: eligible(mission_doc(&m.mission)),
                });
            }
        }
        OrgKind::Association => {
            for p in projects::of_organisation(pool, org_id).await? {
                rows.push(PostingRow {
                    kind: Kind::Project,
                    reference: p.project.r#ref.clone(),
                    title: p.project.title.clone(),
                    status: view_status(p.status),
                    dates: p.project.start.zip(p.project.end),
                    interests: interests_for("project", &p.project.r#ref),
                    matches: eligible(project_doc(&p.project)),
                });
                for x in pledges::of_project(pool, p.id).await? {
                    if x.status == "pending" {
                        pending_pledges.push(PendingPledge {
                            project_ref: p.project.r#ref.clone(),
                            project_title: p.project.title.clone(),
                            pledge_ref: x.id.to_string(),
                            from_name: x.pledger_name.clone().unwrap_or_default(),
                            amount_eur: (x.amount_cents > 0).then(|| euros(x.amount_cents)),
                            skill_offer: x.skills.clone(),
                            made_on: day_of(x.created_at),
                        });
                    }
                }
            }
        }
    }
    let mut connection_views = Vec::with_capacity(links.len());
    for c in &links {
        connection_views.push(view_for_organisation(&state, c).await?);
    }
    let view = OrgDashboardView {
        name: org.name.clone(),
        kind: match kind {
            OrgKind::Institution => ViewOrgKind::Institution,
            OrgKind::Association => ViewOrgKind::Association,
        },
        verification: if org.verified {
            Verification::Verified
        } else {
            Verification::Pending
        },
        responsiveness: super::postings::responsiveness(&state, org_id).await?,
        postings: rows,
        connections: connection_views,
        pending_pledges,
    };
    Ok(pages::org_dashboard(&page.ctx, &view).into_response())
}

/// GET `/organisation/edit`: the form, empty the first time.
pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    let kind = member_kind(&user)?;
    let view = match user.organisation_id {
        Some(id) => {
            let o = organisations::get(&state.db().pool, id).await?;
            OrgFormView {
                is_new: false,
                kind: kind.as_str().into(),
                name: o.name,
                city: o.city.unwrap_or_default(),
                country: o.country.unwrap_or_default(),
                description: o.description.unwrap_or_default(),
                website: o.website.unwrap_or_default(),
                errors: FieldErrors::default(),
            }
        }
        None => OrgFormView {
            is_new: true,
            kind: kind.as_str().into(),
            name: String::new(),
            city: String::new(),
            country: if kind == OrgKind::Institution {
                "ML".into()
            } else {
                String::new()
            },
            description: String::new(),
            website: String::new(),
            errors: FieldErrors::default(),
        },
    };
    Ok(pages::org_form(&page.ctx, &view).into_response())
}

/// The organisation form as posted.
#[derive(Debug, Default, Deserialize)]
pub struct OrgFormData {
    #[serde(default)]
    name: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    website: String,
}

fn validate(
    form: &OrgFormData,
    lang: Lang,
    is_new: bool,
) -> Result<NewOrganisation, Vec<(String, String)>> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut check_len = |field: &str, value: &str, max: usize, required: bool| {
        let n = value.trim().chars().count();
        if required && n == 0 {
            errors.push((field.into(), t(lang, V::Required).into()));
        } else if n > max {
            errors.push((
                field.into(),
                t(lang, V::TooLong).replace("{max}", &max.to_string()),
            ));
        }
    };
    if is_new {
        check_len("name", &form.name, 200, true);
    }
    check_len("city", &form.city, 120, false);
    check_len("description", &form.description, 5000, false);
    let country = form.country.trim();
    let country = if country.is_empty() {
        None
    } else {
        match parse_country("country", country) {
            Ok(c) => Some(c),
            Err(_) => {
                errors.push(("country".into(), t(lang, V::UnknownCountry).into()));
                None
            }
        }
    };
    let website = form.website.trim();
    if !website.is_empty()
        && (!website.starts_with("https://")
            || website.len() > 300
            || website.contains(char::is_whitespace))
    {
        errors.push(("website".into(), t(lang, V::InvalidUrl).into()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let some = |s: &str| Some(s.trim().to_string()).filter(|x| !x.is_empty());
    Ok(NewOrganisation {
        name: form.name.trim().to_string(),
        city: some(&form.city),
        country,
        description: some(&form.description),
        website: some(website),
        verified: false,
    })
}

/// POST `/organisation/edit`: creates the organisation (unverified, awaiting a moderator)
/// and attaches the member, or updates its details.
pub async fn save(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<OrgFormData>,
) -> Result<Response, AppError> {
    let kind = member_kind(&user)?;
    let lang = page.ctx.lang;
    let is_new = user.organisation_id.is_none();
    let render = |errors: Vec<(String, String)>| {
        let view = OrgFormView {
            is_new,
            kind: kind.as_str().into(),
            name: form.name.clone(),
            city: form.city.clone(),
            country: form.country.clone(),
            description: form.description.clone(),
            website: form.website.clone(),
            errors: FieldErrors(errors),
        };
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::org_form(&page.ctx, &view),
        )
            .into_response()
    };
    let details = match validate(&form, lang, is_new) {
        Ok(d) => d,
        Err(errors) => return Ok(render(errors)),
    };
    let mut tx = state.db().pool.begin().await?;
    match user.organisation_id {
        None => {
            let id = match organisations::create(&mut tx, kind, &details).await {
                Ok(id) => id,
                Err(StoreError::Conflict(_)) => {
                    return Ok(render(vec![(
                        "name".into(),
                        t(lang, V::OrgNameTaken).into(),
                    )]));
                }
                Err(e) => return Err(e.into()),
            };
            users::set_organisation(&mut tx, user.id, id).await?;
        }
        Some(id) => organisations::update_details(&mut tx, id, &details).await?,
    }
    tx.commit().await?;
    let note = if is_new {
        Note::OrganisationSaved
    } else {
        Note::Saved
    };
    Ok(flash::redirect(
        &state,
        routes::ORGANISATION,
        FlashKind::Success,
        t(lang, note),
    ))
}
