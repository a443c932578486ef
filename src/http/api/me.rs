//! `/api/v1/me/profile`: the signed-in expert's own profile, every field of the experts
//! interchange format (plus the phone). Writing goes through the profile page's own
//! validation and storage (`http::experts::profile`), so both refuse and save alike.

use axum::Json;
use axum::extract::State;
use passerelle_templates::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::Caller;
use super::extract::ApiJson;
use super::problem::{ApiResult, Problem};
use crate::domain::Expert;
use crate::domain::values::format_date;
use crate::http::AppState;
use crate::http::experts::FormFields;
use crate::http::experts::profile::{check, store, target};
use crate::store::experts;
use crate::store::users::{Role, User};

/// Most availability windows accepted (as on the page).
const MAX_WINDOWS: usize = 20;

/// An inclusive availability window.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub from: String,
    /// Last day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub to: String,
}

/// The expert's profile: the fields of the experts interchange format, and the phone.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileOut {
    /// Public ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Display name.
    pub name: String,
    /// Contact address (the account's; changed from the account page).
    pub email: String,
    /// One-line headline.
    pub headline: String,
    /// Free text.
    pub bio: Option<String>,
    /// Skill phrases.
    pub skills: Vec<String>,
    /// Broad fields.
    pub disciplines: Vec<String>,
    /// Languages (ISO 639).
    pub languages: Vec<String>,
    /// Country of residence (ISO 3166-1 alpha-2).
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Region of origin in Mali (id).
    pub home_region: Option<String>,
    /// Commune or village of origin.
    pub home_commune: Option<String>,
    /// Degree.
    pub degree: Option<String>,
    /// When the expert can serve; empty means unknown.
    pub availability: Vec<Window>,
    /// onsite and/or remote.
    pub modes: Vec<String>,
    /// teaching, expertise, funding and/or mentoring.
    pub offers: Vec<String>,
    /// Phone, shared once connected.
    pub phone: Option<String>,
}

/// The profile as the expert sends it. `ref` and `email` may be sent back as read, but
/// cannot be changed here.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileIn {
    /// Read-only: when given, must be the profile's ref.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Read-only: when given, must be the profile's address.
    pub email: Option<String>,
    /// Display name (at most 200 characters).
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// One-line headline (at most 300 characters).
    #[schema(min_length = 1, max_length = 300)]
    pub headline: String,
    /// Free text.
    pub bio: Option<String>,
    /// Skill phrases (at least one).
    #[schema(min_items = 1)]
    pub skills: Vec<String>,
    /// Broad fields.
    pub disciplines: Option<Vec<String>>,
    /// Languages (ISO 639, at least one).
    #[schema(min_items = 1)]
    pub languages: Vec<String>,
    /// Country of residence (ISO 3166-1 alpha-2).
    #[schema(pattern = "^[A-Za-z]{2}$")]
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Region of origin in Mali (accents optional).
    pub home_region: Option<String>,
    /// Commune or village of origin.
    pub home_commune: Option<String>,
    /// Degree.
    pub degree: Option<String>,
    /// Availability windows (at most 20).
    #[schema(max_items = 20)]
    pub availability: Option<Vec<Window>>,
    /// onsite and/or remote.
    pub modes: Option<Vec<String>>,
    /// teaching, expertise, funding and/or mentoring.
    pub offers: Option<Vec<String>>,
    /// Phone: digits, spaces and + - . ( ).
    pub phone: Option<String>,
}

impl ProfileIn {
    /// The profile page's form with these values.
    fn into_form(self) -> FormFields {
        let mut f: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, v: String| f.push((k.to_string(), v));
        put("name", self.name);
        put("headline", self.headline);
        put("bio", self.bio.unwrap_or_default());
        put("phone", self.phone.unwrap_or_default());
        put("skills", self.skills.join("\n"));
        put(
            "disciplines",
            self.disciplines.unwrap_or_default().join("\n"),
        );
        for l in self.languages {
            put("languages", l);
        }
        put("residence_country", self.residence_country);
        put("residence_city", self.residence_city.unwrap_or_default());
        put("home_region", self.home_region.unwrap_or_default());
        put("home_commune", self.home_commune.unwrap_or_default());
        put("degree", self.degree.unwrap_or_default());
        for (i, w) in self
            .availability
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            put(&format!("avail_from_{i}"), w.from);
            put(&format!("avail_to_{i}"), w.to);
        }
        for m in self.modes.unwrap_or_default() {
            put("modes", m);
        }
        for o in self.offers.unwrap_or_default() {
            put("offers", o);
        }
        FormFields::from_pairs(f)
    }
}

/// The page's field name as the API's (availability rows are `availability[i].from|to`).
fn api_field(field: &str) -> String {
    if let Some(i) = field.strip_prefix("avail_from_") {
        return format!("availability[{i}].from");
    }
    if let Some(i) = field.strip_prefix("avail_to_") {
        return format!("availability[{i}].to");
    }
    if field == "other_languages" {
        return "languages".into();
    }
    field.to_string()
}

fn out(e: &Expert, phone: Option<String>) -> ProfileOut {
    ProfileOut {
        reference: e.r#ref.clone(),
        name: e.name.clone(),
        email: e.email.clone(),
        headline: e.headline.clone(),
        bio: e.bio.clone(),
        skills: e.skills.clone(),
        disciplines: e.disciplines.clone(),
        languages: e.languages.clone(),
        residence_country: e.residence_country.clone(),
        residence_city: e.residence_city.clone(),
        home_region: e.home_region.map(|r| r.id().to_string()),
        home_commune: e.home_commune.clone(),
        degree: e.degree.clone(),
        availability: e
            .availability
            .iter()
            .map(|w| Window {
                from: format_date(w.from),
                to: format_date(w.to),
            })
            .collect(),
        modes: e.modes.iter().map(|m| m.as_str().to_string()).collect(),
        offers: e.offers.iter().map(|o| o.as_str().to_string()).collect(),
        phone,
    }
}

/// The signed-in expert, or 401/403.
fn expert_user(caller: &Caller) -> ApiResult<&User> {
    caller.require_any()?;
    caller
        .user()
        .filter(|u| u.role == Role::Expert)
        .ok_or_else(|| Problem::forbidden("an expert's own session is needed"))
}

/// The signed-in expert's profile.
#[utoipa::path(get, path = "/api/v1/me/profile", tag = "experts",
    security(("session" = [])),
    responses((status = 200, body = ProfileOut), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn get_profile(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<ProfileOut>> {
    let user = expert_user(&caller)?;
    let record = experts::of_user(&state.db().pool, user.id)
        .await?
        .ok_or_else(|| {
            Problem::new(
                axum::http::StatusCode::NOT_FOUND,
                "no expert profile for this account yet",
            )
        })?;
    Ok(Json(out(&record.expert, record.phone)))
}

/// Creates or replaces the signed-in expert's profile; every field is checked as on the
/// profile page, and all offending fields are named in a 422.
#[utoipa::path(put, path = "/api/v1/me/profile", tag = "experts", request_body = ProfileIn,
    security(("session" = [])),
    responses((status = 200, body = ProfileOut), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn put_profile(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ProfileIn>,
) -> ApiResult<Json<ProfileOut>> {
    caller.require_write()?;
    let user = expert_user(&caller)?;
    let target = target(&state, user).await?;
    let mut read_only = Vec::new();
    if body.reference.as_deref().is_some_and(|r| r != target.r#ref) {
        read_only.push(("ref".to_string(), "read-only".to_string()));
    }
    if body.email.as_deref().is_some_and(|e| e != target.email) {
        read_only.push((
            "email".to_string(),
            "read-only: change it from the account page".to_string(),
        ));
    }
    if body
        .availability
        .as_ref()
        .is_some_and(|a| a.len() > MAX_WINDOWS)
    {
        read_only.push((
            "availability".to_string(),
            format!("at most {MAX_WINDOWS} windows"),
        ));
    }
    if !read_only.is_empty() {
        return Err(Problem::fields(read_only));
    }
    let (expert, phone) = check(&body.into_form(), Lang::En, &target).map_err(|view| {
        Problem::fields(
            view.errors
                .0
                .into_iter()
                .map(|(f, m)| (api_field(&f), m))
                .collect(),
        )
    })?;
    store(&state, user, &target, &expert, phone.as_deref()).await?;
    // What was stored is what was checked: answer with it rather than reading it back.
    Ok(Json(out(&expert, phone)))
}
