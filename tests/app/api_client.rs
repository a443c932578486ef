//! A small client for the API tests: requests as nobody, as a token or as a signed-in
//! browser (with the CSRF header), checking that every error is a problem document.

use reqwest::Method;
use serde_json::Value;

use crate::web::WebClient;

/// Who sends a request.
pub enum Who<'a> {
    /// Nobody.
    Anon,
    /// An organisation's token.
    Bearer(&'a str),
    /// A signed-in browser (the CSRF header is added).
    Session(&'a WebClient),
}

/// What a request carries.
pub enum Body<'a> {
    /// Nothing.
    Empty,
    /// A JSON document.
    Json(Value),
    /// JSON Lines.
    Lines(&'a str),
}

/// Sends one API request; the status and the JSON answer (`Null` when none).
pub async fn call(
    base: &str,
    method: Method,
    path: &str,
    who: Who<'_>,
    body: Body<'_>,
) -> (u16, Value) {
    let url = format!("{base}{path}");
    let mut req = match &who {
        Who::Session(c) => {
            let csrf = c.csrf().await;
            c.http().request(method, &url).header("x-csrf-token", csrf)
        }
        _ => reqwest::Client::new().request(method, &url),
    };
    if let Who::Bearer(t) = who {
        req = req.bearer_auth(t);
    }
    req = match body {
        Body::Empty => req,
        Body::Json(v) => req.json(&v),
        Body::Lines(text) => req
            .header("content-type", "application/x-ndjson")
            .body(text.to_string()),
    };
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    if status >= 400 {
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "errors are problem documents"
        );
    }
    (status, res.json::<Value>().await.unwrap_or(Value::Null))
}

/// Only the status of [`call`].
pub async fn status_of(
    base: &str,
    method: Method,
    path: &str,
    who: Who<'_>,
    body: Body<'_>,
) -> u16 {
    call(base, method, path, who, body).await.0
}

/// The fields a 422 names.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}
