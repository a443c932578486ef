//! `/me`: the expert's dashboard — missions and projects recommended by the matching
//! engine with their reasons, the expert's connections, and the completed missions count.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use passerelle_index::{DocKind, Match};
use passerelle_templates::i18n::catalog::F;
use passerelle_templates::model::{Kind, NotificationPref};
use passerelle_templates::pages::{
    self,
    expert_dashboard::{ExpertDashboardView, Recommendation},
};
use passerelle_templates::routes;

use super::engine_lang;
use crate::http::connections::view_for_expert;
use crate::http::context::Page;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::search::convert::expert_doc;
use crate::store::connections;
use crate::store::experts::{self, ExpertRecord};
use crate::store::users::{Notify, Role};

/// How many recommendations the dashboard shows.
const RECOMMENDATIONS: usize = 10;

/// GET: the dashboard; an expert without a profile is sent to the profile form, other
/// accounts to their own home.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    match user.role {
        Role::Expert => {}
        Role::Moderator => return Ok(flash::see_other(routes::MODERATION)),
        _ => return Ok(flash::see_other(routes::ORGANISATION)),
    }
    let pool = &state.db().pool;
    let Some(record) = experts::of_user(pool, user.id).await? else {
        return Ok(flash::see_other(routes::ME_PROFILE));
    };
    let lang = page.ctx.lang;
    let matches = state
        .engine()
        .match_opportunities_memo(&expert_doc(&record.expert), RECOMMENDATIONS * 2);
    let recommendations = matches
        .iter()
        .filter(|m| m.eligible)
        .filter_map(|m| recommendation(&state, m, lang))
        .take(RECOMMENDATIONS)
        .collect();
    let mut conns = Vec::new();
    for c in connections::of_expert(pool, record.id).await? {
        conns.push(view_for_expert(&state, &c).await?);
    }
    let view = ExpertDashboardView {
        name: record.expert.name.clone(),
        profile_gaps: gaps(&page, &record),
        recommendations,
        connections: conns,
        notifications: match user.notify {
            Notify::Immediately => NotificationPref::Immediately,
            Notify::Weekly => NotificationPref::WeeklyDigest,
            Notify::Never => NotificationPref::Never,
        },
        completed_missions: connections::completed_count(pool, record.id).await?.max(0) as u64,
    };
    Ok(pages::expert_dashboard(&page.ctx, &view).into_response())
}

/// A match as a dashboard card, reasons in the page language.
fn recommendation(
    state: &AppState,
    m: &Match,
    lang: passerelle_templates::Lang,
) -> Option<Recommendation> {
    let doc = state.engine().opportunity(&m.r#ref)?;
    Some(Recommendation {
        kind: match m.kind {
            DocKind::Project => Kind::Project,
            _ => Kind::Mission,
        },
        reference: doc.r#ref,
        title: doc.title,
        organisation: doc.organisation,
        dates: doc.start.zip(doc.end),
        score: None,
        reasons: m
            .reasons
            .iter()
            .map(|r| r.text(engine_lang(lang)))
            .collect(),
    })
}

/// The optional fields that would improve the matches, by their labels.
fn gaps(page: &Page, record: &ExpertRecord) -> Vec<String> {
    let e = &record.expert;
    [
        (e.availability.is_empty(), F::Availability),
        (e.modes.is_empty(), F::Modes),
        (e.offers.is_empty(), F::Offers),
        (e.disciplines.is_empty(), F::Disciplines),
        (e.home_region.is_none(), F::HomeRegion),
    ]
    .into_iter()
    .filter(|(missing, _)| *missing)
    .map(|(_, label)| page.ctx.t(label).to_string())
    .collect()
}
