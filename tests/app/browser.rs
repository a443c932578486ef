//! End-to-end tests in a real browser: Debian's Chromium driven through ChromeDriver with the
//! W3C WebDriver protocol (plain JSON over HTTP), against `passerelle serve --demo`. They take
//! screenshots into `tests/screenshots/`. Without ChromeDriver they say loudly that they were
//! skipped (`.ci/browser` installs it, and `.ci/run` refuses skipped browser tests).

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::web::DEMO_PASSWORD;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A string as an XPath literal (quotes chosen so that any text fits).
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Where the screenshots go.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// A ChromeDriver process and one browser session, both ended when dropped.
pub struct Browser {
    driver: Child,
    http: reqwest::Client,
    session: String,
    base: String,
}

impl Drop for Browser {
    /// Ends ChromeDriver and every browser process it started, even when a test failed:
    /// ChromeDriver runs in a process group of its own, and the whole group is killed.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts a headless Chromium, or `None` (after a loud message) when ChromeDriver is absent.
    pub async fn start(test: &str) -> Option<Browser> {
        if !std::path::Path::new(CHROMEDRIVER).exists() {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "*** SKIPPED: browser test `{test}` ({CHROMEDRIVER} is missing; run .ci/browser) ***"
            );
            return None;
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=fr-FR"],
                "prefs": {"intl.accept_languages": "fr-FR,fr"}
            }
        }}});
        let mut browser = Browser {
            driver,
            http,
            session: String::new(),
            base,
        };
        let created = browser
            .call(reqwest::Method::POST, "/session", Some(caps))
            .await;
        browser.session = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        Some(browser)
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let mut req = self.http.request(method, &url);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("webdriver call");
        let status = res.status();
        let v: Value = res.json().await.expect("webdriver json");
        assert!(status.is_success(), "{path}: {status} {v}");
        v["value"].clone()
    }

    fn at(&self, path: &str) -> String {
        format!("/session/{}{path}", self.session)
    }

    /// Opens a URL and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        self.call(
            reqwest::Method::POST,
            &self.at("/url"),
            Some(json!({"url": url})),
        )
        .await;
    }

    /// The current URL.
    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, &self.at("/url"), None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The `lang` attribute of the page.
    pub async fn page_lang(&self) -> String {
        self.call(
            reqwest::Method::POST,
            &self.at("/execute/sync"),
            Some(json!({"script": "return document.documentElement.lang", "args": []})),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Waits (up to 10 s) until the current URL satisfies `ok`, after a click that navigates.
    pub async fn wait_for_url(&self, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let url = self.url().await;
            if ok(&url) {
                return url;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "still at {url}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The first element matching a CSS selector, waiting up to 10 s for it to appear.
    pub async fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let res = self
                .http
                .post(format!("{}{}", self.base, self.at("/element")))
                .json(&json!({"using": "css selector", "value": css}))
                .send()
                .await
                .expect("webdriver call");
            let ok = res.status().is_success();
            let v: Value = res.json().await.expect("webdriver json");
            // The reference is the one value of a single-key object (the key is a fixed UUID).
            if ok
                && let Some(id) = v["value"]
                    .as_object()
                    .and_then(|o| o.values().next())
                    .and_then(Value::as_str)
            {
                return id.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no element {css}: {v}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The first element found by XPath, waiting up to 10 s for it to appear.
    pub async fn find_xpath(&self, xpath: &str) -> String {
        let started = Instant::now();
        loop {
            let res = self
                .http
                .post(format!("{}{}", self.base, self.at("/element")))
                .json(&json!({"using": "xpath", "value": xpath}))
                .send()
                .await
                .expect("webdriver call");
            let ok = res.status().is_success();
            let v: Value = res.json().await.expect("webdriver json");
            if ok
                && let Some(id) = v["value"]
                    .as_object()
                    .and_then(|o| o.values().next())
                    .and_then(Value::as_str)
            {
                return id.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "nothing at {xpath}: {v}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element found by XPath.
    pub async fn click_xpath(&self, xpath: &str) {
        let id = self.find_xpath(xpath).await;
        self.click_element(&id).await;
    }

    async fn click_element(&self, id: &str) {
        self.call(
            reqwest::Method::POST,
            &self.at(&format!("/element/{id}/click")),
            Some(json!({})),
        )
        .await;
    }

    /// Clicks the first link whose visible text contains `text`.
    pub async fn click_link(&self, text: &str) {
        let id = self
            .find_xpath(&format!(
                "//a[contains(normalize-space(.), {})]",
                xpath_literal(text)
            ))
            .await;
        self.click_element(&id).await;
    }

    /// Clicks the first button whose visible text contains `text` (inside the element
    /// matching `within`'s XPath, when given: one card of a list).
    pub async fn click_button(&self, text: &str, within: Option<&str>) {
        let scope = within.unwrap_or("");
        let id = self
            .find_xpath(&format!(
                "{scope}//button[contains(normalize-space(.), {})]",
                xpath_literal(text)
            ))
            .await;
        self.click_element(&id).await;
    }

    /// Empties a text field.
    pub async fn clear(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.at(&format!("/element/{id}/clear")),
            Some(json!({})),
        )
        .await;
    }

    /// Empties a field, then types into it.
    pub async fn retype(&self, css: &str, text: &str) {
        self.clear(css).await;
        self.type_into(css, text).await;
    }

    /// Picks a date in a date field (the widget's keyboard order depends on the locale, so
    /// the value is set as the widget itself would set it).
    pub async fn pick_date(&self, css: &str, iso: &str) {
        self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.at("/execute/sync"),
            Some(json!({
                "script": "document.querySelector(arguments[0]).value = arguments[1];",
                "args": [css, iso]
            })),
        )
        .await;
    }

    /// The value of a form field.
    pub async fn value_of(&self, css: &str) -> String {
        self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.at("/execute/sync"),
            Some(json!({"script": "return document.querySelector(arguments[0]).value;", "args": [css]})),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// How many elements match a CSS selector.
    pub async fn count(&self, css: &str) -> usize {
        self.call(
            reqwest::Method::POST,
            &self.at("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        )
        .await
        .as_array()
        .map(Vec::len)
        .unwrap_or(0)
    }

    /// The visible text of the first element matching a selector.
    pub async fn text(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            // A page that is being replaced (after a click that submits a form) can drop the
            // element between finding and reading it: find it again on the new page.
            let id = self.find(css).await;
            let res = self
                .http
                .get(format!(
                    "{}{}",
                    self.base,
                    self.at(&format!("/element/{id}/text"))
                ))
                .send()
                .await
                .expect("webdriver call");
            let ok = res.status().is_success();
            let v: Value = res.json().await.expect("webdriver json");
            if ok {
                return v["value"].as_str().unwrap_or_default().to_string();
            }
            assert!(
                v["value"]["error"] == "stale element reference"
                    && started.elapsed() < Duration::from_secs(10),
                "text of {css}: {v}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s for the first element matching `css` to contain `needle` (the page
    /// reached after a form submission replaces the one it was sent from).
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> bool {
        let started = Instant::now();
        loop {
            if self.text(css).await.contains(needle) {
                return true;
            }
            if started.elapsed() > Duration::from_secs(10) {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching a selector.
    pub async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.at(&format!("/element/{id}/click")),
            Some(json!({})),
        )
        .await;
    }

    /// Types into the first element matching a selector.
    pub async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &self.at(&format!("/element/{id}/value")),
            Some(json!({"text": text})),
        )
        .await;
    }

    /// Saves a screenshot of the page (or of one element) as PNG; returns its path.
    pub async fn screenshot(&self, name: &str, element: Option<&str>) -> PathBuf {
        let path = match element {
            Some(css) => {
                let id = self.find(css).await;
                format!("/element/{id}/screenshot")
            }
            None => "/screenshot".to_string(),
        };
        let b64 = self.call(reqwest::Method::GET, &self.at(&path), None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .expect("base64 PNG");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let file = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&file, png).expect("write screenshot");
        file
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newcomer_clicks_through_the_demo() {
    let Some(browser) = Browser::start("newcomer_clicks_through_the_demo").await else {
        return;
    };
    let db = TestDb::create(Engine::Sqlite, "browser")
        .await
        .expect("sqlite");
    let server = start(&db, &["--demo"]);
    browser.goto(&format!("{}/", server.base)).await;
    assert!(browser.text("h1").await.contains("Passerelle"));
    assert!(
        browser.count(".demo li").await >= 4,
        "demo accounts are listed"
    );
    browser.screenshot("home", None).await;

    // A mission from the home page.
    browser.click("ul.grid article.card h3 a").await;
    browser.wait_for_url(|u| u.contains("/missions/")).await;
    assert!(!browser.text("h1").await.is_empty());
    browser.screenshot("mission", None).await;

    // Search with a facet.
    browser
        .goto(&format!("{}/projects?region=kayes", server.base))
        .await;
    assert!(browser.count("ul.grid article.card").await >= 1);

    // Log in as the demo expert through the form; the dashboard recommends postings with reasons.
    browser.goto(&format!("{}/login", server.base)).await;
    browser
        .type_into("#f-email", "expert@demo.passerelle.ml")
        .await;
    browser.type_into("#f-password", DEMO_PASSWORD).await;
    browser.click("form button[type=submit]").await;
    browser.wait_for_url(|u| u.ends_with("/me")).await;
    assert!(
        browser.count("ul.reasons li").await >= 1,
        "recommendations explain themselves"
    );
    browser.screenshot("expert-dashboard", None).await;

    // The language switch persists across pages.
    browser.click("header .lang-switch a").await;
    let started = Instant::now();
    while browser.page_lang().await != "en" {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the switch leads to English"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.goto(&format!("{}/missions", server.base)).await;
    assert_eq!(
        browser.page_lang().await,
        "en",
        "the choice persists on other pages"
    );
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statistics_page_and_map() {
    let Some(browser) = Browser::start("statistics_page_and_map").await else {
        return;
    };
    let db = TestDb::create(Engine::Sqlite, "browser-stats")
        .await
        .expect("sqlite");
    let server = start(&db, &["--demo"]);
    browser.goto(&format!("{}/statistics", server.base)).await;
    assert!(browser.count("svg").await >= 3, "maps and charts are drawn");
    let page = browser.screenshot("statistics", None).await;
    let map = browser
        .screenshot("statistics-map", Some("figure svg"))
        .await;
    assert!(std::fs::metadata(&page).unwrap().len() > 10_000);
    assert!(std::fs::metadata(&map).unwrap().len() > 2_000);
    eprintln!("screenshots: {} {}", page.display(), map.display());
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn university_invites_a_ranked_expert() {
    let Some(browser) = Browser::start("university_invites_a_ranked_expert").await else {
        return;
    };
    let db = TestDb::create(Engine::Sqlite, "browser-invite")
        .await
        .expect("sqlite");
    let server = start(&db, &["--demo"]);
    browser
        .goto(&format!("{}/login?next=%2Fmissions%2FD-M001", server.base))
        .await;
    browser
        .type_into("#f-email", "usttb@demo.passerelle.ml")
        .await;
    browser.type_into("#f-password", DEMO_PASSWORD).await;
    browser.click("form button[type=submit]").await;
    browser
        .wait_for_url(|u| u.ends_with("/missions/D-M001"))
        .await;
    assert!(
        browser.count("#h-ranked ~ ol li.card").await >= 1,
        "ranked experts"
    );
    browser.screenshot("mission-owner", None).await;
    browser.click("#h-ranked ~ ol li.card form button").await;
    assert!(
        browser.wait_for_text(".flash", "Invitation").await,
        "invitation confirmed"
    );
    drop(server);
}
