//! A browser-like HTTP client for the page tests: keeps cookies, never follows redirects by
//! itself, and submits the forms that pages render ([`crate::html_form`]) to their own
//! `action` with their own hidden fields. Posting to a path written in a test is kept for
//! attacks only ([`WebClient::forge`]): requests a page never offers to that user.
#![allow(dead_code)] // shared by the page tests; each uses part of it

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::{Client, StatusCode, Url};

use crate::html_form::{self, HtmlForm};

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
    /// The path (and query) that was asked for.
    pub url: String,
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
        let url = match response.url().query() {
            Some(q) => format!("{}?{q}", response.url().path()),
            None => response.url().path().to_string(),
        };
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
            url,
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

    /// An attacker's request: a POST to a path written in the test, with this client's valid
    /// CSRF token, for proving that what no page offers this user is refused. Users' steps go
    /// through [`WebClient::submit`] and the forms pages render.
    pub async fn forge(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
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

    /// Submits a form as the browser would: to its own action, with its own method and fields.
    pub async fn submit(&self, form: &HtmlForm) -> Reply {
        let fields: Vec<(&str, &str)> = form
            .fields()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let request = if form.method == "post" {
            self.http.post(self.url(&form.action)).form(&fields)
        } else {
            let mut url = Url::parse(&self.url(&form.action)).expect("form action URL");
            url.set_query(None);
            url.query_pairs_mut().extend_pairs(fields.iter().copied());
            self.http.get(url)
        };
        Self::read(request.send().await.expect("submit")).await
    }

    /// Opens a page, fills the form that has all these fields, and submits it.
    pub async fn submit_on(&self, page: &str, fields: &[(&str, &str)]) -> Reply {
        let shown = self.get(page).await;
        assert_eq!(shown.status, 200, "{page} shows no form: {}", shown.status);
        let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
        let mut form = shown.form_with(&names);
        form.fill(fields);
        self.submit(&form).await
    }

    /// Opens a page and presses the button with this text (in the form that mentions
    /// `mention` in its action or fields, when given, as a user picks one card of a list).
    pub async fn press(&self, page: &str, button: &str, mention: Option<&str>) -> Reply {
        let shown = self.get(page).await;
        assert_eq!(shown.status, 200, "{page}: {}", shown.status);
        let form = shown.form_by_button(button, mention);
        self.submit(&form).await
    }

    /// Follows a link the page shows, found by its visible text.
    pub async fn follow(&self, page: &Reply, text: &str) -> Reply {
        let href = page.link(text);
        self.get(&href).await
    }

    /// Follows a redirect (`Location`), as a browser does after a form.
    pub async fn follow_redirect(&self, reply: &Reply) -> Reply {
        let to = reply
            .location
            .as_deref()
            .unwrap_or_else(|| panic!("{} is no redirect ({})", reply.url, reply.status));
        let path = to.strip_prefix(&self.base).unwrap_or(to);
        self.get(path).await
    }

    /// Tries a password through the login form; returns the answer.
    pub async fn try_login(&self, email: &str, password: &str) -> Reply {
        let login = self.get(crate::html_form::LOGIN_PAGE).await;
        let mut form = login.form_with(&["email", "password"]);
        form.fill(&[("email", email), ("password", password)]);
        self.submit(&form).await
    }

    /// Signs in with the demo password through the login form the home page links to.
    pub async fn sign_in(&self, email: &str) {
        let home = self.get("/").await;
        let login = self.follow(&home, "Se connecter").await;
        let mut form = login.form_with(&["email", "password"]);
        form.fill(&[("email", email), ("password", DEMO_PASSWORD)]);
        let answer = self.submit(&form).await;
        assert_eq!(answer.status, 303, "{email} signs in: {}", answer.body);
    }

    /// GETs a page until `ok` holds (the search index follows the database within a moment).
    pub async fn until(&self, path: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
        for _ in 0..100 {
            let page = self.get(path).await;
            if ok(&page) {
                return page;
            }
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        }
        panic!("{path} never showed what was expected");
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

impl Reply {
    /// The forms of this page.
    pub fn forms(&self) -> Vec<HtmlForm> {
        html_form::forms(&self.body, &self.url)
    }

    /// The first form that has a control for every one of these names.
    pub fn form_with(&self, names: &[&str]) -> HtmlForm {
        let forms = self.forms();
        forms
            .iter()
            .find(|f| names.iter().all(|n| f.has(n)))
            .cloned()
            .unwrap_or_else(|| {
                let seen: Vec<(String, Vec<&str>)> = forms
                    .iter()
                    .map(|f| (f.action.clone(), f.names().collect()))
                    .collect();
                panic!(
                    "{}: no form with fields {names:?}; forms: {seen:?}",
                    self.url
                )
            })
    }

    /// The form whose submit button reads `button` (and that mentions `mention`, if given).
    pub fn form_by_button(&self, button: &str, mention: Option<&str>) -> HtmlForm {
        let forms = self.forms();
        forms
            .iter()
            .find(|f| {
                f.buttons.iter().any(|b| b.contains(button))
                    && mention.is_none_or(|m| f.mentions(m))
            })
            .cloned()
            .unwrap_or_else(|| {
                let seen: Vec<(String, Vec<String>)> = forms
                    .iter()
                    .map(|f| (f.action.clone(), f.buttons.clone()))
                    .collect();
                panic!(
                    "{}: no form with a button {button:?} mentioning {mention:?}; forms: {seen:?}",
                    self.url
                )
            })
    }

    /// Whether the page has a form with this button (mentioning `mention`, if given).
    pub fn has_button(&self, button: &str, mention: Option<&str>) -> bool {
        self.forms().iter().any(|f| {
            f.buttons.iter().any(|b| b.contains(button)) && mention.is_none_or(|m| f.mentions(m))
        })
    }

    /// The links of this page: (text, path).
    pub fn links(&self) -> Vec<(String, String)> {
        html_form::links(&self.body, &self.url)
    }

    /// The path of the first link whose text contains `text`.
    pub fn link(&self, text: &str) -> String {
        let links = self.links();
        links
            .iter()
            .find(|(t, _)| t.contains(text))
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("{}: no link {text:?}; links: {links:?}", self.url))
    }

    /// The path of the first link whose target satisfies `ok`.
    pub fn link_to(&self, ok: impl Fn(&str) -> bool) -> String {
        let links = self.links();
        links
            .iter()
            .find(|(_, h)| ok(h))
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("{}: no such link; links: {links:?}", self.url))
    }
}
