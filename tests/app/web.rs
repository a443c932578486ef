//! A browser-like HTTP client for the page tests: keeps cookies, never follows redirects,
//! and repeats the CSRF cookie in every form it posts, as the pages' hidden field does.
#![allow(dead_code)] // shared by the page tests; each uses part of it

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::{Client, StatusCode, Url};

/// The demo accounts' password.
pub const DEMO_PASSWORD: &str = passerelle::demo::DEMO_PASSWORD;

/// A client with its own cookie jar, like one browser.
pub struct WebClient {
    /// Base URL of the server, without a trailing slash.
    pub base: String,
    jar: Arc<Jar>,
    http: Client,
}

/// A response read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: StatusCode,
    /// `Location` header, if any.
    pub location: Option<String>,
    /// Every `Set-Cookie` header.
    pub set_cookies: Vec<String>,
    /// The headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body as text.
    pub body: String,
}

impl WebClient {
    /// A fresh client (no cookies) for the server at `base`.
    pub fn new(base: &str) -> WebClient {
        let jar = Arc::new(Jar::default());
        let http = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        WebClient {
            base: base.trim_end_matches('/').to_string(),
            jar,
            http,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The value of a cookie this client holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = Url::parse(&self.base).ok()?;
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    async fn read(response: reqwest::Response) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let set_cookies = headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        let body = response.text().await.unwrap_or_default();
        Reply {
            status,
            location,
            set_cookies,
            headers,
            body,
        }
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> Reply {
        Self::read(self.http.get(self.url(path)).send().await.expect("GET")).await
    }

    /// Makes sure this client holds a CSRF cookie (a first page visit gives one).
    pub async fn csrf(&self) -> String {
        if let Some(t) = self.cookie("passerelle_csrf") {
            return t;
        }
        self.get("/").await;
        self.cookie("passerelle_csrf")
            .expect("the site sets a CSRF cookie")
    }

    /// POST a form as the pages do, with the CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &token));
        Self::read(
            self.http
                .post(self.url(path))
                .form(&all)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// POST a form without any CSRF token (to prove it is refused).
    pub async fn post_form_without_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        Self::read(
            self.http
                .post(self.url(path))
                .form(fields)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// Puts a cookie in this client's jar, as if the site had set it.
    pub fn set_cookie(&self, name: &str, value: &str) {
        let url = Url::parse(&self.base).expect("base URL");
        self.jar
            .add_cookie_str(&format!("{name}={value}; Path=/"), &url);
    }

    /// The underlying HTTP client (cookies kept), for JSON calls.
    pub fn http(&self) -> &Client {
        &self.http
    }
}
