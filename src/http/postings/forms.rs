//! Creating and editing missions and projects: every field checked at once, errors in the
//! page language next to their field, nothing written unless the whole form is valid.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passerelle_templates::i18n::catalog::{Note, V};
use passerelle_templates::i18n::t;
use passerelle_templates::pages::{
    self, mission_form::MissionFormView, project_form::ProjectFormView,
};
use passerelle_templates::{FieldErrors, FlashKind, Lang, routes};
use serde::Deserialize;

use super::{mission_visibility, project_visibility, require_owner};
use crate::domain::field::MAX_RAW_ENTRIES;
use crate::domain::values::{format_date, parse_date, parse_language};
use crate::domain::{Mission, MissionStatus, Mode, Place, Project, Sector};
use crate::http::context::Page;
use crate::http::experts::profile::suggestions;
use crate::http::session::SignedIn;
use crate::http::{AppError, AppState, flash};
use crate::interchange::records::{MissionLine, ProjectLine};
use crate::store::organisations::{self, OrgKind, Organisation};
use crate::store::users::{Role, User};
use crate::store::{missions, projects};

/// Longest title accepted.
const TITLE_MAX: usize = 300;
/// Longest description accepted.
const DESCRIPTION_MAX: usize = 20_000;

/// The member's organisation, when it is of the kind that posts this (institutions post
/// missions, associations post projects).
async fn own_organisation(
    state: &AppState,
    user: &User,
    kind: OrgKind,
) -> Result<Organisation, AppError> {
    let wanted = match kind {
        OrgKind::Institution => Role::InstitutionMember,
        OrgKind::Association => Role::AssociationMember,
    };
    posting_organisation(
        state,
        user.organisation_id.filter(|_| user.role == wanted),
        kind,
    )
    .await
}

/// The acting organisation, when it is of the kind that posts this (403 otherwise).
pub async fn posting_organisation(
    state: &AppState,
    organisation_id: Option<i64>,
    kind: OrgKind,
) -> Result<Organisation, AppError> {
    let Some(id) = organisation_id else {
        return Err(AppError::Forbidden);
    };
    let org = organisations::get(&state.db().pool, id).await?;
    if org.kind != kind {
        return Err(AppError::Forbidden);
    }
    Ok(org)
}

/// A fresh public ref: a letter and eight hexadecimal digits.
pub fn new_ref(prefix: char) -> String {
    let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("{prefix}-{}", &id[..8])
}

/// Skills typed one per line (commas also split), plus the one picked from the suggestions;
/// duplicates dropped in linear time. Past [`MAX_RAW_ENTRIES`] entries the rest is not read:
/// the list is refused anyway (more than 100 skills), at no cost.
fn skill_list(text: &str, added: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in text
        .lines()
        .flat_map(|l| l.split(','))
        .chain(std::iter::once(added))
        .take(MAX_RAW_ENTRIES + 1)
    {
        let s = s.trim();
        if !s.is_empty() && seen.insert(s.to_ascii_lowercase()) {
            out.push(s.to_string());
        }
    }
    out
}

/// Collects per-field errors in the page language.
struct Errors {
    lang: Lang,
    list: Vec<(String, String)>,
}

impl Errors {
    fn new(lang: Lang) -> Self {
        Errors {
            lang,
            list: Vec::new(),
        }
    }

    fn add(&mut self, field: &str, text: String) {
        if !self.list.iter().any(|(f, _)| f == field) {
            self.list.push((field.to_string(), text));
        }
    }

    fn required(&mut self, field: &str, value: &str, max: usize) {
        let n = value.trim().chars().count();
        if n == 0 {
            self.add(field, t(self.lang, V::Required).into());
        } else if n > max {
            self.add(
                field,
                t(self.lang, V::TooLong).replace("{max}", &max.to_string()),
            );
        }
    }

    fn date(&mut self, field: &str, value: &str) -> Option<time::Date> {
        match parse_date(field, value.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                self.add(field, t(self.lang, V::InvalidDate).into());
                None
            }
        }
    }

    fn language(&mut self, field: &str, value: &str) {
        if parse_language(field, value.trim()).is_err() {
            self.add(
                field,
                t(self.lang, V::UnknownLanguage).replace("{code}", value.trim()),
            );
        }
    }

    fn into_field_errors(self) -> FieldErrors {
        FieldErrors(self.list)
    }
}

/// The mission form as posted.
#[derive(Debug, Default, Deserialize)]
pub struct MissionFormData {
    #[serde(default)]
    /// The `title` field as typed.
    pub title: String,
    #[serde(default)]
    /// The `description` field as typed.
    pub description: String,
    #[serde(default)]
    /// The `skills` field as typed.
    pub skills: String,
    #[serde(default)]
    /// The `skill_add` field as typed.
    pub skill_add: String,
    #[serde(default)]
    /// The `discipline` field as typed.
    pub discipline: String,
    #[serde(default)]
    /// The `level` field as typed.
    pub level: String,
    #[serde(default)]
    /// The `language` field as typed.
    pub language: String,
    #[serde(default)]
    /// The `region` field as typed.
    pub region: String,
    #[serde(default)]
    /// The `start` field as typed.
    pub start: String,
    #[serde(default)]
    /// The `end` field as typed.
    pub end: String,
    #[serde(default)]
    /// The `mode` field as typed.
    pub mode: String,
}

impl MissionFormData {
    fn from_mission(m: &Mission) -> Self {
        MissionFormData {
            title: m.title.clone(),
            description: m.description.clone(),
            skills: m.skills.join("\n"),
            skill_add: String::new(),
            discipline: m.discipline.clone().unwrap_or_default(),
            level: m.level.clone().unwrap_or_default(),
            language: m.language.clone(),
            region: match m.place {
                Place::Region(r) => r.id().to_string(),
                Place::Remote => "remote".into(),
            },
            start: format_date(m.start),
            end: format_date(m.end),
            mode: m.mode.as_str().into(),
        }
    }

    fn view(
        &self,
        reference: Option<String>,
        institution: &str,
        lang: Lang,
        errors: FieldErrors,
    ) -> MissionFormView {
        let skills = skill_list(&self.skills, &self.skill_add).join("\n");
        MissionFormView {
            reference,
            institution: institution.to_string(),
            title: self.title.clone(),
            description: self.description.clone(),
            skill_suggestions: suggestions(&skills, &self.discipline, lang),
            skills,
            discipline: self.discipline.clone(),
            level: self.level.clone(),
            language: if self.language.is_empty() {
                "fr".into()
            } else {
                self.language.clone()
            },
            region: self.region.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            mode: if self.mode.is_empty() {
                "onsite".into()
            } else {
                self.mode.clone()
            },
            errors,
        }
    }

    /// Checks every field; the valid mission, or all the errors.
    pub fn validate(&self, r: &str, institution: &str, lang: Lang) -> Result<Mission, FieldErrors> {
        let mut e = Errors::new(lang);
        e.required("title", &self.title, TITLE_MAX);
        e.required("description", &self.description, DESCRIPTION_MAX);
        let skills = skill_list(&self.skills, &self.skill_add);
        if skills.is_empty() {
            e.add("skills", t(lang, V::NoSkills).into());
        }
        e.language("language", &self.language);
        let place = Place::parse("region", &self.region);
        if place.is_err() {
            e.add("region", t(lang, V::UnknownRegion).into());
        }
        let mode = Mode::parse("mode", &self.mode);
        if mode.is_err() {
            e.add("mode", t(lang, V::ChooseOne).into());
        }
        if let (Ok(Place::Remote), Ok(Mode::Onsite)) = (&place, &mode) {
            e.add("region", t(lang, V::UnknownRegion).into());
        }
        let start = e.date("start", &self.start);
        let end = e.date("end", &self.end);
        if let (Some(s), Some(en)) = (start, end)
            && en < s
        {
            e.add("end", t(lang, V::EndBeforeStart).into());
        }
        if !e.list.is_empty() {
            return Err(e.into_field_errors());
        }
        let line = MissionLine {
            r#ref: r.to_string(),
            institution: institution.to_string(),
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            skills,
            discipline: Some(self.discipline.trim().to_string()).filter(|d| !d.is_empty()),
            level: Some(self.level.trim().to_string()).filter(|d| !d.is_empty()),
            language: self.language.trim().to_string(),
            region: self.region.trim().to_string(),
            start: self.start.trim().to_string(),
            end: self.end.trim().to_string(),
            mode: self.mode.trim().to_string(),
        };
        // The interchange rules are the last word, so the web and `import` agree.
        line.validate()
            .map_err(|fe| FieldErrors(vec![(fe.field, fe.message)]))
    }
}

/// GET `/missions/new`.
pub async fn new_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    let org = own_organisation(&state, &user, OrgKind::Institution).await?;
    let view =
        MissionFormData::default().view(None, &org.name, page.ctx.lang, FieldErrors::default());
    Ok(pages::mission_form(&page.ctx, &view).into_response())
}

/// GET `/missions/{ref}/edit`.
pub async fn edit_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    let record = missions::get(&state.db().pool, &r).await?;
    require_owner(&user, mission_visibility(&record))?;
    let view = MissionFormData::from_mission(&record.mission).view(
        Some(r),
        &record.mission.institution,
        page.ctx.lang,
        FieldErrors::default(),
    );
    Ok(pages::mission_form(&page.ctx, &view).into_response())
}

/// POST `/missions/new`: saved as a draft, to be published from its page.
pub async fn create_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<MissionFormData>,
) -> Result<Response, AppError> {
    let org = own_organisation(&state, &user, OrgKind::Institution).await?;
    super::require_verified_address(user.email_verified)?;
    let r = new_ref('M');
    save_mission(&state, &page, None, &r, &org.name, form).await
}

/// POST `/missions/{ref}/edit`.
pub async fn update_mission(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
    Form(form): Form<MissionFormData>,
) -> Result<Response, AppError> {
    let record = missions::get(&state.db().pool, &r).await?;
    require_owner(&user, mission_visibility(&record))?;
    save_mission(
        &state,
        &page,
        Some(record.status),
        &r,
        &record.mission.institution,
        form,
    )
    .await
}

async fn save_mission(
    state: &AppState,
    page: &Page,
    existing: Option<MissionStatus>,
    r: &str,
    institution: &str,
    form: MissionFormData,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let mission = match form.validate(r, institution, lang) {
        Ok(m) => m,
        Err(errors) => {
            let reference = existing.map(|_| r.to_string());
            let view = form.view(reference, institution, lang, errors);
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::mission_form(&page.ctx, &view),
            )
                .into_response());
        }
    };
    write_mission(state, existing, &mission).await?;
    Ok(flash::redirect(
        state,
        &routes::mission(r),
        FlashKind::Success,
        t(lang, Note::Saved),
    ))
}

/// The project form as posted.
#[derive(Debug, Default, Deserialize)]
pub struct ProjectFormData {
    #[serde(default)]
    /// The `title` field as typed.
    pub title: String,
    #[serde(default)]
    /// The `description` field as typed.
    pub description: String,
    #[serde(default)]
    /// The `sector` field as typed.
    pub sector: String,
    #[serde(default)]
    /// The `skills` field as typed.
    pub skills: String,
    #[serde(default)]
    /// The `skill_add` field as typed.
    pub skill_add: String,
    #[serde(default)]
    /// The `region` field as typed.
    pub region: String,
    #[serde(default)]
    /// The `commune` field as typed.
    pub commune: String,
    #[serde(default)]
    /// The `language` field as typed.
    pub language: String,
    #[serde(default)]
    /// The `budget_eur` field as typed.
    pub budget_eur: String,
    #[serde(default)]
    /// The `funding_sought_eur` field as typed.
    pub funding_sought_eur: String,
    #[serde(default)]
    /// The `start` field as typed.
    pub start: String,
    #[serde(default)]
    /// The `end` field as typed.
    pub end: String,
}

/// Whole euros typed in a form ("15 000"); `Err` when not a number.
fn euros_field(text: &str) -> Result<Option<f64>, ()> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|n| *n <= 1_000_000_000)
        .map(|n| Some(n as f64))
        .ok_or(())
}

impl ProjectFormData {
    fn from_project(p: &Project) -> Self {
        ProjectFormData {
            title: p.title.clone(),
            description: p.description.clone(),
            sector: p.sector.as_str().into(),
            skills: p.skills.join("\n"),
            skill_add: String::new(),
            region: p.region.id().into(),
            commune: p.commune.clone().unwrap_or_default(),
            language: p.language.clone().unwrap_or_default(),
            budget_eur: p
                .budget_cents
                .map(|c| (c / 100).to_string())
                .unwrap_or_default(),
            funding_sought_eur: p
                .funding_sought_cents
                .map(|c| (c / 100).to_string())
                .unwrap_or_default(),
            start: p.start.map(format_date).unwrap_or_default(),
            end: p.end.map(format_date).unwrap_or_default(),
        }
    }

    fn view(
        &self,
        reference: Option<String>,
        association: &str,
        lang: Lang,
        errors: FieldErrors,
    ) -> ProjectFormView {
        let skills = skill_list(&self.skills, &self.skill_add).join("\n");
        ProjectFormView {
            reference,
            association: association.to_string(),
            title: self.title.clone(),
            description: self.description.clone(),
            sector: self.sector.clone(),
            skill_suggestions: suggestions(&skills, &self.sector, lang),
            skills,
            region: self.region.clone(),
            commune: self.commune.clone(),
            language: self.language.clone(),
            budget_eur: self.budget_eur.clone(),
            funding_sought_eur: self.funding_sought_eur.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            errors,
        }
    }

    /// Checks every field; the valid project, or all the errors.
    pub fn validate(&self, r: &str, association: &str, lang: Lang) -> Result<Project, FieldErrors> {
        let mut e = Errors::new(lang);
        e.required("title", &self.title, TITLE_MAX);
        e.required("description", &self.description, DESCRIPTION_MAX);
        if Sector::parse("sector", &self.sector).is_err() {
            e.add("sector", t(lang, V::ChooseOne).into());
        }
        if crate::domain::values::parse_region("region", &self.region).is_err() {
            e.add("region", t(lang, V::UnknownRegion).into());
        }
        if !self.language.trim().is_empty() {
            e.language("language", &self.language);
        }
        let budget = euros_field(&self.budget_eur);
        if budget.is_err() {
            e.add("budget_eur", t(lang, V::NotANumber).into());
        }
        let sought = euros_field(&self.funding_sought_eur);
        if sought.is_err() {
            e.add("funding_sought_eur", t(lang, V::NotANumber).into());
        }
        if let (Ok(Some(b)), Ok(Some(s))) = (budget, sought)
            && s > b
        {
            e.add("funding_sought_eur", t(lang, V::FundingOverBudget).into());
        }
        let start = (!self.start.trim().is_empty())
            .then(|| e.date("start", &self.start))
            .flatten();
        let end = (!self.end.trim().is_empty())
            .then(|| e.date("end", &self.end))
            .flatten();
        if let (Some(s), Some(en)) = (start, end)
            && en < s
        {
            e.add("end", t(lang, V::EndBeforeStart).into());
        }
        if !e.list.is_empty() {
            return Err(e.into_field_errors());
        }
        let some = |s: &str| Some(s.trim().to_string()).filter(|x| !x.is_empty());
        let line = ProjectLine {
            r#ref: r.to_string(),
            association: association.to_string(),
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            sector: self.sector.trim().to_string(),
            skills: skill_list(&self.skills, &self.skill_add),
            region: self.region.trim().to_string(),
            commune: some(&self.commune),
            language: some(&self.language),
            budget_eur: budget.ok().flatten(),
            funding_sought_eur: sought.ok().flatten(),
            start: some(&self.start),
            end: some(&self.end),
        };
        line.validate()
            .map_err(|fe| FieldErrors(vec![(fe.field, fe.message)]))
    }
}

/// GET `/projects/new`.
pub async fn new_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
) -> Result<Response, AppError> {
    let org = own_organisation(&state, &user, OrgKind::Association).await?;
    let view =
        ProjectFormData::default().view(None, &org.name, page.ctx.lang, FieldErrors::default());
    Ok(pages::project_form(&page.ctx, &view).into_response())
}

/// GET `/projects/{ref}/edit`.
pub async fn edit_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
) -> Result<Response, AppError> {
    let record = projects::get(&state.db().pool, &r).await?;
    require_owner(&user, project_visibility(&record))?;
    let view = ProjectFormData::from_project(&record.project).view(
        Some(r),
        &record.project.association,
        page.ctx.lang,
        FieldErrors::default(),
    );
    Ok(pages::project_form(&page.ctx, &view).into_response())
}

/// POST `/projects/new`: saved as a draft.
pub async fn create_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Form(form): Form<ProjectFormData>,
) -> Result<Response, AppError> {
    let org = own_organisation(&state, &user, OrgKind::Association).await?;
    super::require_verified_address(user.email_verified)?;
    let r = new_ref('P');
    save_project(&state, &page, None, &r, &org.name, form).await
}

/// POST `/projects/{ref}/edit`.
pub async fn update_project(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    page: Page,
    Path(r): Path<String>,
    Form(form): Form<ProjectFormData>,
) -> Result<Response, AppError> {
    let record = projects::get(&state.db().pool, &r).await?;
    require_owner(&user, project_visibility(&record))?;
    save_project(
        &state,
        &page,
        Some(record.status),
        &r,
        &record.project.association,
        form,
    )
    .await
}

async fn save_project(
    state: &AppState,
    page: &Page,
    existing: Option<MissionStatus>,
    r: &str,
    association: &str,
    form: ProjectFormData,
) -> Result<Response, AppError> {
    let lang = page.ctx.lang;
    let project = match form.validate(r, association, lang) {
        Ok(p) => p,
        Err(errors) => {
            let reference = existing.map(|_| r.to_string());
            let view = form.view(reference, association, lang, errors);
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::project_form(&page.ctx, &view),
            )
                .into_response());
        }
    };
    write_project(state, existing, &project).await?;
    Ok(flash::redirect(
        state,
        &routes::project(r),
        FlashKind::Success,
        t(lang, Note::Saved),
    ))
}

/// Saves a validated mission in one transaction (change log included): a new one as a
/// draft, an existing one keeping its status. Shared by the pages and the API.
pub async fn write_mission(
    state: &AppState,
    existing: Option<MissionStatus>,
    mission: &Mission,
) -> Result<(), AppError> {
    let backend = state.db().backend;
    let mut tx = state.db().pool.begin().await?;
    missions::upsert_many(&mut tx, backend, std::slice::from_ref(mission)).await?;
    let status = existing.unwrap_or(MissionStatus::Draft);
    missions::set_status(&mut tx, backend, &mission.r#ref, status).await?;
    tx.commit().await?;
    Ok(())
}

/// Saves a validated project like [`write_mission`].
pub async fn write_project(
    state: &AppState,
    existing: Option<MissionStatus>,
    project: &Project,
) -> Result<(), AppError> {
    let backend = state.db().backend;
    let mut tx = state.db().pool.begin().await?;
    projects::upsert_many(&mut tx, backend, std::slice::from_ref(project)).await?;
    let status = existing.unwrap_or(MissionStatus::Draft);
    projects::set_status(&mut tx, backend, &project.r#ref, status).await?;
    tx.commit().await?;
    Ok(())
}
