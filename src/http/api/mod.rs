//! The JSON API under `/api/v1`, its OpenAPI 3.1 document generated from the handlers'
//! annotations (utoipa), the reference page `/api/docs`, and the organisation's token page.

pub mod caller;
pub mod connections;
pub mod extract;
pub mod import;
pub mod links;
pub mod me;
pub mod people;
pub mod pledges;
pub mod postings;
pub mod problem;
pub mod tokens;
pub mod writes;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::Markup;
use passerelle_templates::pages::api::{Operation, reference};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::context::Page;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Passerelle API",
        version = "1.0.0",
        description = "Missions, village projects, diaspora experts and their matches, for the information systems of universities, associations and the migration centre. Errors are RFC 9457 problem documents."
    ),
    modifiers(&Security),
    components(schemas(import::ImportKind)),
    tags(
        (name = "missions", description = "Teaching and research missions"),
        (name = "projects", description = "Village projects"),
        (name = "experts", description = "Diaspora experts (verified organisations)"),
        (name = "matching", description = "Ranked matches with their reasons"),
        (name = "connections", description = "Invitations, interests and their answers"),
        (name = "pledges", description = "Pledges of money or skills to village projects"),
        (name = "import", description = "Bulk import of the interchange format (moderators)"),
        (name = "statistics", description = "Aggregate statistics")
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(super::cookies::SESSION))),
        );
    }
}

/// The API routes and the OpenAPI document describing them.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(postings::list_missions, writes::create_mission))
        .routes(routes!(postings::get_mission, writes::update_mission))
        .routes(routes!(postings::mission_matches))
        .routes(routes!(writes::mission_status))
        .routes(routes!(postings::list_projects, writes::create_project))
        .routes(routes!(postings::get_project, writes::update_project))
        .routes(routes!(postings::project_matches))
        .routes(routes!(writes::project_status))
        .routes(routes!(connections::invite_to_mission))
        .routes(routes!(connections::invite_to_project))
        .routes(routes!(connections::interest_in_mission))
        .routes(routes!(connections::interest_in_project))
        .routes(routes!(connections::list))
        .routes(routes!(connections::accept))
        .routes(routes!(connections::decline))
        .routes(routes!(pledges::list, pledges::create))
        .routes(routes!(pledges::confirm))
        .routes(routes!(import::import))
        .routes(routes!(people::get_expert))
        .routes(routes!(people::my_matches))
        .routes(routes!(me::get_profile, me::put_profile))
        .routes(routes!(people::statistics_table))
        .split_for_parts();
    links::add(&mut doc);
    links::add_unavailable(&mut doc);
    (router, doc)
}

/// Every API route, `/api/v1/openapi.json`, `/api/docs` and the token pages.
pub fn routes() -> Router<AppState> {
    let (router, doc) = api();
    let doc = std::sync::Arc::new(doc);
    let for_json = doc.clone();
    router
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let doc = for_json.clone();
                async move { Json((*doc).clone()) }
            }),
        )
        .route(
            "/api/docs",
            get(move |page: Page, _: State<AppState>| {
                let doc = doc.clone();
                async move { docs(&page, &doc) }
            }),
        )
        .merge(tokens::routes())
}

fn docs(page: &Page, doc: &utoipa::openapi::OpenApi) -> Markup {
    let mut operations = Vec::new();
    for (path, item) in doc.paths.paths.iter() {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, op) in methods {
            if let Some(op) = op {
                operations.push(Operation {
                    method: method.into(),
                    path: path.clone(),
                    summary: op
                        .summary
                        .clone()
                        .or_else(|| op.description.clone())
                        .unwrap_or_default(),
                    responses: op.responses.responses.keys().cloned().collect(),
                });
            }
        }
    }
    reference(&page.ctx, &operations)
}
