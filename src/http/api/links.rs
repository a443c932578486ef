//! OpenAPI links: which operation's answer names the record another operation takes, so a
//! client (or schemathesis's stateful phase) can follow a created mission to its edit,
//! status and invitations, an invitation to its answer, a pledge to its confirmation.

use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{OpenApi, RefOr};

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
