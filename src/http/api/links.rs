//! What the generated document learns after the routes are collected: OpenAPI links (which
//! operation's answer names the record another operation takes, so a client or
//! schemathesis's stateful phase can follow a created mission to its edit, status and
//! invitations, an invitation to its answer, a pledge to its confirmation), and the 503
//! every operation may answer while the database is unreachable.

use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::{OpenApi, Ref, RefOr};

/// (path, method, status, link name, target operation id, [(parameter, runtime expression)]).
type LinkSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const REF: &[(&str, &str)] = &[("ref", "$response.body#/ref")];
const ID: &[(&str, &str)] = &[("id", "$response.body#/id")];

const LINKS: &[LinkSpec] = &[
    ("/api/v1/missions", "post", "201", "get", "get_mission", REF),
    (
        "/api/v1/missions",
        "post",
        "201",
        "update",
        "update_mission",
        REF,
    ),
    (
        "/api/v1/missions",
        "post",
        "201",
        "status",
        "mission_status",
        REF,
    ),
    (
        "/api/v1/missions",
        "post",
        "201",
        "invite",
        "invite_to_mission",
        REF,
    ),
    ("/api/v1/projects", "post", "201", "get", "get_project", REF),
    (
        "/api/v1/projects",
        "post",
        "201",
        "update",
        "update_project",
        REF,
    ),
    (
        "/api/v1/projects",
        "post",
        "201",
        "status",
        "project_status",
        REF,
    ),
    (
        "/api/v1/projects",
        "post",
        "201",
        "invite",
        "invite_to_project",
        REF,
    ),
    (
        "/api/v1/projects",
        "post",
        "201",
        "pledges",
        "list_pledges",
        REF,
    ),
    (
        "/api/v1/missions/{ref}/invite",
        "post",
        "201",
        "accept",
        "accept_connection",
        ID,
    ),
    (
        "/api/v1/missions/{ref}/invite",
        "post",
        "201",
        "decline",
        "decline_connection",
        ID,
    ),
    (
        "/api/v1/projects/{ref}/invite",
        "post",
        "201",
        "accept",
        "accept_connection",
        ID,
    ),
    (
        "/api/v1/projects/{ref}/invite",
        "post",
        "201",
        "decline",
        "decline_connection",
        ID,
    ),
    (
        "/api/v1/missions/{ref}/interest",
        "post",
        "201",
        "accept",
        "accept_connection",
        ID,
    ),
    (
        "/api/v1/projects/{ref}/interest",
        "post",
        "201",
        "accept",
        "accept_connection",
        ID,
    ),
    (
        "/api/v1/projects/{ref}/pledges",
        "post",
        "201",
        "confirm",
        "confirm_pledge",
        &[("ref", "$request.path.ref"), ("id", "$response.body#/id")],
    ),
];

fn operation<'a>(doc: &'a mut OpenApi, path: &str, method: &str) -> Option<&'a mut Operation> {
    let item = doc.paths.paths.get_mut(path)?;
    match method {
        "get" => item.get.as_mut(),
        "post" => item.post.as_mut(),
        "put" => item.put.as_mut(),
        _ => None,
    }
}

/// Adds the links to the generated document (after the routes have filled its paths).
pub fn add(doc: &mut OpenApi) {
    for (path, method, status, name, target, params) in LINKS {
        let Some(op) = operation(doc, path, method) else {
            continue;
        };
        let Some(RefOr::T(response)) = op.responses.responses.get_mut(*status) else {
            continue;
        };
        let mut link = LinkBuilder::new().operation_id(*target);
        for (p, expr) in *params {
            link = link.parameter(*p, *expr);
        }
        response
            .links
            .insert((*name).to_string(), RefOr::T(link.build()));
    }
}

/// Declares on every operation the 503 problem (with `Retry-After`) of a database outage.
pub fn add_unavailable(doc: &mut OpenApi) {
    let response = ResponseBuilder::new()
        .description("The database is briefly unreachable; retry after `Retry-After` seconds")
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build();
    for item in doc.paths.paths.values_mut() {
        for op in [&mut item.get, &mut item.post, &mut item.put]
            .into_iter()
            .flatten()
        {
            op.responses
                .responses
                .entry("503".into())
                .or_insert_with(|| RefOr::T(response.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every link names an operation and a response that exist.
    #[test]
    fn links_point_to_real_operations() {
        let (_, doc) = super::super::api();
        let ids: Vec<String> = doc
            .paths
            .paths
            .values()
            .flat_map(|i| [&i.get, &i.post, &i.put])
            .flatten()
            .filter_map(|op| op.operation_id.clone())
            .collect();
        for (path, method, status, _, target, _) in super::LINKS {
            assert!(ids.iter().any(|i| i == target), "{target}");
            let mut doc = doc.clone();
            let op = super::operation(&mut doc, path, method).expect(path);
            assert!(
                op.responses.responses.contains_key(*status),
                "{path} {status}"
            );
        }
    }
}
