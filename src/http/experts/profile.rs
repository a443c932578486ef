//! `/me/profile`: the expert's own profile form, every field of the experts interchange
//! format. Saving validates every field at once (422 with the errors, nothing written) and
//! upserts through the store, whose change log brings the search index along.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_index::Vocabulary;
use passerelle_templates::i18n::catalog::Note;
use passerelle_templates::i18n::t;
use passerelle_templates::pages::{self, expert_form::ExpertFormView};
use passerelle_templates::{FieldErrors, FlashKind, Lang, routes};

use super::profile_form::parse;
use super::{FormFields, engine_lang};
use crate::domain::Expert;
use crate::domain::values::format_date;
use crate::http::context::Page;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::store::StoreError;
use crate::store::experts::{self, ExpertRecord};
use crate::store::users::{Role, User};

/// Most skill suggestions offered in the datalist.
const MAX_SUGGESTIONS: usize = 60;

/// GET: the form, filled with the stored profile when there is one.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    if user.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    let mut view = match experts::of_user(&state.db().pool, user.id).await? {
        Some(record) => view_of(&record),
        None => ExpertFormView {
            name: user.display_name.clone(),
            ..ExpertFormView::default()
        },
    };
    view.skill_suggestions = suggestions(&view.skills, &view.disciplines, page.ctx.lang);
    Ok(pages::expert_form(&page.ctx, &view).into_response())
}

/// POST: validates and saves, or shows the form again with the errors (422).
pub async fn save(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    body: String,
) -> Result<Response, AppError> {
    if user.role != Role::Expert {
        return Err(AppError::Forbidden);
    }
    let lang = page.ctx.lang;
    let form = FormFields::parse(&body);
    let target = target(&state, &user).await?;
    match check(&form, lang, &target) {
        Err(mut view) => {
            view.skill_suggestions = suggestions(&view.skills, &view.disciplines, lang);
            let mut ctx = page.ctx;
            ctx.flash.clear();
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::expert_form(&ctx, &view),
            )
                .into_response())
        }
        Ok((expert, phone)) => {
            store(&state, &user, &target, &expert, phone.as_deref()).await?;
            Ok(flash::redirect(
                &state,
                routes::ME,
                FlashKind::Success,
                t(lang, Note::ProfileSaved),
            ))
        }
    }
}

/// The profile a user is about to save: the stored one if any, its ref and its address.
#[derive(Debug, Clone)]
pub struct ProfileTarget {
    /// The stored profile, if any.
    pub existing: Option<ExpertRecord>,
    /// Its ref (a new one for a first profile).
    pub r#ref: String,
    /// Its contact address (the account's for a first profile).
    pub email: String,
}

/// Finds what `user`'s profile form writes to. Shared by the page and the API.
pub async fn target(state: &AppState, user: &User) -> Result<ProfileTarget, AppError> {
    let existing = experts::of_user(&state.db().pool, user.id).await?;
    let r#ref = match &existing {
        Some(r) => r.expert.r#ref.clone(),
        None => new_ref(state, user).await?,
    };
    let email = existing
        .as_ref()
        .map(|r| r.expert.email.clone())
        .unwrap_or_else(|| user.email.clone());
    Ok(ProfileTarget {
        existing,
        r#ref,
        email,
    })
}

/// Validates the profile form's fields: the expert and phone, or the form with every error.
pub fn check(
    form: &FormFields,
    lang: Lang,
    target: &ProfileTarget,
) -> Result<(Expert, Option<String>), Box<ExpertFormView>> {
    parse(form, lang, target.r#ref.clone(), target.email.clone())
}

/// Saves a validated profile in one transaction (change log included), linking a first
/// profile to its account. Shared by the page and the API.
pub async fn store(
    state: &AppState,
    user: &User,
    target: &ProfileTarget,
    expert: &Expert,
    phone: Option<&str>,
) -> Result<(), AppError> {
    let db = state.db();
    let mut tx = db.pool.begin().await?;
    experts::upsert_many(&mut tx, db.backend, std::slice::from_ref(expert)).await?;
    if target.existing.is_none() {
        experts::link_user(&mut tx, &expert.r#ref, user.id).await?;
    }
    experts::set_phone(&mut tx, &expert.r#ref, phone).await?;
    tx.commit().await?;
    tracing::info!(expert.r#ref = %expert.r#ref, user.id = user.id, "expert profile saved");
    Ok(())
}

/// A ref for a new profile made on the site: `W-E{user id}`, suffixed if taken.
async fn new_ref(state: &AppState, user: &User) -> Result<String, AppError> {
    let base = format!("W-E{:05}", user.id);
    let mut candidate = base.clone();
    for n in 2.. {
        match experts::get(&state.db().pool, &candidate).await {
            Err(StoreError::NotFound) => return Ok(candidate),
            Err(e) => return Err(e.into()),
            Ok(_) => candidate = format!("{base}-{n}"),
        }
    }
    unreachable!("the loop returns")
}

/// The form filled from a stored profile.
fn view_of(record: &ExpertRecord) -> ExpertFormView {
    let e = &record.expert;
    let common: Vec<&str> = passerelle_templates::vocab::LANGUAGES
        .iter()
        .map(|(c, _, _)| *c)
        .collect();
    let (checked, others): (Vec<String>, Vec<String>) = e
        .languages
        .iter()
        .cloned()
        .partition(|l| common.contains(&l.as_str()));
    ExpertFormView {
        name: e.name.clone(),
        headline: e.headline.clone(),
        bio: e.bio.clone().unwrap_or_default(),
        phone: record.phone.clone().unwrap_or_default(),
        skills: e.skills.join("\n"),
        skill_suggestions: Vec::new(),
        disciplines: e.disciplines.join("\n"),
        languages: checked,
        other_languages: others.join(", "),
        residence_country: e.residence_country.clone(),
        residence_city: e.residence_city.clone().unwrap_or_default(),
        home_region: e
            .home_region
            .map(|r| r.id().to_string())
            .unwrap_or_default(),
        home_commune: e.home_commune.clone().unwrap_or_default(),
        degree: e.degree.clone().unwrap_or_default(),
        availability: e
            .availability
            .iter()
            .map(|w| (format_date(w.from), format_date(w.to)))
            .collect(),
        modes: e.modes.iter().map(|m| m.as_str().to_string()).collect(),
        offers: e.offers.iter().map(|o| o.as_str().to_string()).collect(),
        errors: FieldErrors::default(),
    }
}

/// Vocabulary labels for the skill datalist: completions of the first word of each skill
/// and discipline already given, or a few per letter for an empty profile.
pub fn suggestions(skills: &str, disciplines: &str, lang: Lang) -> Vec<String> {
    let vocab = Vocabulary::bundled();
    let lang = engine_lang(lang);
    let prefixes: Vec<String> = skills
        .lines()
        .chain(disciplines.lines())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        // The first few skills are enough to suggest from; a pasted list of thousands costs
        // no more than that.
        .take(30)
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut push_all = |found: Vec<String>| {
        for s in found {
            if out.len() < MAX_SUGGESTIONS && !out.contains(&s) {
                out.push(s);
            }
        }
    };
    if prefixes.is_empty() {
        for c in 'a'..='z' {
            push_all(vocab.suggestions(&c.to_string(), lang, 2));
        }
    } else {
        for p in &prefixes {
            push_all(vocab.suggestions(p, lang, 8));
        }
    }
    out
}
