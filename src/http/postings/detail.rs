//! `/missions/{ref}` and `/projects/{ref}`: a posting's facts, and depending on who looks,
//! the expert's interest form, the pledge form, or the owner's ranked experts and interests.

use std::collections::HashSet;

use axum::extract::{Path, State};
use maud::Markup;
use passerelle_index::{Match, OpportunityDoc};
use passerelle_templates::components::opportunity::{InterestView, RankedExpert};
use passerelle_templates::i18n::catalog::Op;
use passerelle_templates::i18n::t;
use passerelle_templates::model::ConnectionState;
use passerelle_templates::pages::{
    self,
    mission_detail::{InterestForm, MissionDetailView, OwnerPanel},
    project_detail::{PledgeForm, PledgeView, ProjectDetailView},
};
use passerelle_templates::{FieldErrors, Lang};

use super::{Access, access, mission_visibility, project_visibility, responsiveness};
use crate::domain::Place;
use crate::http::context::Page;
use crate::http::experts::{day_of, engine_lang};
use crate::http::views::{euros, view_mode, view_status};
use crate::http::{AppError, AppState};
use crate::search::convert::{mission_doc, project_doc};
use crate::store::connections::{self, Connection, ConnectionStatus, Initiator};
use crate::store::users::{Role, User};
use crate::store::{experts, missions, pledges, projects};

/// How many experts the owner sees ranked.
const RANKED: usize = 20;

/// GET `/missions/{ref}`.
pub async fn mission(
    State(state): State<AppState>,
    page: Page,
    Path(r#ref): Path<String>,
) -> Result<Markup, AppError> {
    let record = missions::get(&state.db().pool, &r#ref).await?;
    let seen_as = access(page.user.as_ref(), mission_visibility(&record))?;
    let m = &record.mission;
    let links = connections::of_posting(&state.db().pool, "mission", &m.r#ref).await?;
    let view = MissionDetailView {
        reference: m.r#ref.clone(),
        title: m.title.clone(),
        institution: m.institution.clone(),
        description: m.description.clone(),
        skills: m.skills.clone(),
        discipline: m.discipline.clone(),
        level: m.level.clone(),
        language: m.language.clone(),
        region: match m.place {
            Place::Region(r) => r.id().to_string(),
            Place::Remote => "remote".to_string(),
        },
        start: m.start,
        end: m.end,
        mode: view_mode(m.mode),
        status: view_status(record.status),
        responsiveness: responsiveness(&state, record.organisation_id).await?,
        interest: interest_form(&state, page.user.as_ref(), &links).await?,
        owner: match seen_as {
            Access::Owner => Some(owner_panel(
                &state,
                page.ctx.lang,
                &mission_doc(m),
                &links,
                record.organisation_verified,
            )),
            _ => None,
        },
    };
    Ok(pages::mission_detail(&page.ctx, &view))
}

/// GET `/projects/{ref}`.
pub async fn project(
    State(state): State<AppState>,
    page: Page,
    Path(r#ref): Path<String>,
) -> Result<Markup, AppError> {
    let pool = &state.db().pool;
    let record = projects::get(pool, &r#ref).await?;
    let seen_as = access(page.user.as_ref(), project_visibility(&record))?;
    let p = &record.project;
    let links = connections::of_posting(pool, "project", &p.r#ref).await?;
    let (confirmed, pending) = pledges::totals(pool, record.id).await?;
    let all_pledges = pledges::of_project(pool, record.id).await?;
    let is_owner = seen_as == Access::Owner;
    let pledges_shown = all_pledges
        .iter()
        .filter(|x| is_owner || page.user.as_ref().is_some_and(|u| x.user_id == Some(u.id)))
        .map(|x| PledgeView {
            reference: x.id.to_string(),
            from_name: x.pledger_name.clone().unwrap_or_default(),
            amount_eur: (x.amount_cents > 0).then(|| euros(x.amount_cents)),
            skill_offer: x.skills.clone(),
            message: x.message.clone().unwrap_or_default(),
            made_on: day_of(x.created_at),
            confirmed: x.status == "confirmed",
        })
        .collect();
    let may_pledge = page.user.is_some()
        && !is_owner
        && record.status == crate::domain::MissionStatus::Published;
    let view = ProjectDetailView {
        reference: p.r#ref.clone(),
        title: p.title.clone(),
        association: p.association.clone(),
        description: p.description.clone(),
        sector: p.sector.as_str().to_string(),
        skills: p.skills.clone(),
        region: p.region.id().to_string(),
        commune: p.commune.clone(),
        language: p.language.clone(),
        budget_eur: p.budget_cents.map(euros),
        funding_sought_eur: p.funding_sought_cents.map(euros),
        pledged_confirmed_eur: euros(confirmed),
        pledged_pending_eur: euros(pending),
        start: p.start,
        end: p.end,
        status: view_status(record.status),
        responsiveness: responsiveness(&state, record.organisation_id).await?,
        interest: interest_form(&state, page.user.as_ref(), &links).await?,
        pledge: may_pledge.then(|| PledgeForm {
            amount_eur: String::new(),
            skill_offer: String::new(),
            message: String::new(),
            errors: FieldErrors::default(),
        }),
        owner: is_owner.then(|| {
            owner_panel(
                &state,
                page.ctx.lang,
                &project_doc(p),
                &links,
                record.organisation_verified,
            )
        }),
        pledges: pledges_shown,
    };
    Ok(pages::project_detail(&page.ctx, &view))
}

/// The interest form, for an expert with a profile.
async fn interest_form(
    state: &AppState,
    user: Option<&User>,
    links: &[Connection],
) -> Result<Option<InterestForm>, AppError> {
    let Some(user) = user.filter(|u| u.role == Role::Expert) else {
        return Ok(None);
    };
    let Some(profile) = experts::of_user(&state.db().pool, user.id).await? else {
        return Ok(None);
    };
    Ok(Some(InterestForm {
        already_sent: links
            .iter()
            .any(|c| c.expert_id == profile.id && c.initiated_by == Initiator::Expert),
        message: String::new(),
        errors: FieldErrors::default(),
    }))
}

/// The owner's panel: experts ranked by the engine with their reasons, and interests received.
fn owner_panel(
    state: &AppState,
    lang: Lang,
    doc: &OpportunityDoc,
    links: &[Connection],
    organisation_verified: bool,
) -> OwnerPanel {
    let invited: HashSet<&str> = links
        .iter()
        .filter(|c| c.initiated_by == Initiator::Organisation)
        .map(|c| c.expert_ref.as_str())
        .collect();
    let awaiting_verification = !super::may_reach_experts(organisation_verified);
    let memo;
    let matches: &[_] = if awaiting_verification {
        &[]
    } else {
        memo = state.engine().match_experts_memo(doc, RANKED);
        &memo
    };
    let top = matches.iter().map(|m| m.score).fold(f32::EPSILON, f32::max);
    let ranked = matches
        .iter()
        .filter_map(|m| ranked_expert(state, lang, m, top, &invited))
        .collect();
    let interests = links
        .iter()
        .filter(|c| c.initiated_by == Initiator::Expert)
        .map(|c| InterestView {
            reference: c.id.to_string(),
            expert_ref: c.expert_ref.clone(),
            expert_name: c.expert_name.clone(),
            message: c.message.clone().unwrap_or_default(),
            sent_on: day_of(c.created_at),
            state: match c.status {
                ConnectionStatus::Pending => ConnectionState::Pending,
                ConnectionStatus::Accepted => ConnectionState::Accepted,
                ConnectionStatus::Declined => ConnectionState::Declined,
            },
        })
        .collect();
    OwnerPanel {
        awaiting_verification,
        ranked,
        interests,
    }
}

fn ranked_expert(
    state: &AppState,
    lang: Lang,
    m: &Match,
    top: f32,
    invited: &HashSet<&str>,
) -> Option<RankedExpert> {
    let e = state.engine().expert(&m.r#ref)?;
    let mut reasons: Vec<String> = m
        .reasons
        .iter()
        .map(|r| r.text(engine_lang(lang)))
        .collect();
    if !m.eligible {
        reasons.insert(0, t(lang, Op::FailsHardConstraint).to_string());
    }
    Some(RankedExpert {
        reference: e.r#ref.clone(),
        name: e.name.clone(),
        headline: e.headline.clone(),
        score: ((m.score / top).clamp(0.0, 1.0) * 100.0).round() as u8,
        reasons,
        invited: invited.contains(e.r#ref.as_str()),
    })
}
