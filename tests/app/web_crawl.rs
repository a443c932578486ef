//! A crawl that submits: for each demo role, sign in through the login form, visit every page
//! reachable by the links pages show, then submit each form found once with plausible values,
//! into a throwaway database. No link may lead to a missing page or a server error, and no
//! form may answer 404, 405 or 5xx.

use std::collections::{BTreeSet, VecDeque};

use crate::cli_serve::start;
use crate::helpers::{Engine, TestDb};
use crate::html_form::HtmlForm;
use crate::on_both_engines;
use crate::web::{DEMO_PASSWORD, Reply, WebClient};

/// Pages visited per role at most (search pages with every facet would never end).
const MAX_PAGES: usize = 160;
/// Distinct query strings visited per path at most (facets, pages of results).
const MAX_QUERIES_PER_PATH: usize = 4;

/// The demo roles: a visitor (no account), then each demo account.
const ROLES: &[Option<&str>] = &[
    None,
    Some("expert@demo.passerelle.ml"),
    Some("usttb@demo.passerelle.ml"),
    Some("yelimane@demo.passerelle.ml"),
    Some("diema@demo.passerelle.ml"),
    Some("moderation@demo.passerelle.ml"),
];

/// A plausible value for a control, from its name and kind, as a person would type it.
fn plausible(form: &HtmlForm, name: &str) -> Option<String> {
    let kind = form.kind(name)?;
    let choices = form.choices(name);
    let value = match kind {
        "select" | "radio" | "checkbox" => choices
            .iter()
            .find(|c| !c.is_empty())
            .cloned()
            .unwrap_or_default(),
        "email" => "visiteur.crawl@example.org".into(),
        "password" => DEMO_PASSWORD.into(),
        "date" if name.contains("end") || name.contains("_to") => "2027-06-20".into(),
        "date" => "2027-06-01".into(),
        "number" => "10".into(),
        "url" => "https://example.org".into(),
        "tel" => "+223 20 22 00 00".into(),
        "search" => "eau".into(),
        _ if name == "q" => "eau".into(),
        _ if name.contains("skill") => "hydrogéologie".into(),
        _ if name.contains("country") => "FR".into(),
        _ if name.contains("language") => "fr".into(),
        _ => "Essai du parcours".into(),
    };
    Some(value)
}

/// Fills every visible control of a form with a plausible value.
fn fill_plausibly(form: &mut HtmlForm) {
    let names: Vec<String> = form.names().map(str::to_string).collect();
    for name in names {
        if form.is_hidden(&name) {
            continue;
        }
        if let Some(value) = plausible(form, &name) {
            form.set(&name, &value);
        }
    }
}

fn is_download(path: &str) -> bool {
    let bare = path.split('?').next().unwrap_or(path);
    bare.ends_with(".csv")
        || bare.ends_with(".json")
        || bare.ends_with(".svg")
        || bare.ends_with(".css")
}

/// Forms that end the visit (sign out, delete the account) go last.
fn ends_the_visit(form: &HtmlForm) -> bool {
    form.action.starts_with("/logout") || form.action.starts_with("/account/delete")
}

/// Visits every reachable page of one role; returns the forms found (once each).
async fn crawl(client: &WebClient, role: &str, start_pages: &[&str]) -> Vec<(String, HtmlForm)> {
    let mut queue: VecDeque<String> = start_pages.iter().map(|p| p.to_string()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut per_path: std::collections::BTreeMap<String, usize> = Default::default();
    let mut forms: Vec<(String, HtmlForm)> = Vec::new();
    let mut form_keys = BTreeSet::new();
    let mut visited = 0;
    while let Some(path) = queue.pop_front() {
        if visited >= MAX_PAGES {
            break;
        }
        visited += 1;
        let page: Reply = client.get(&path).await;
        let status = page.status.as_u16();
        assert!(
            status != 404 && status != 405 && status < 500,
            "{role}: the link to {path} answers {status}"
        );
        if status != 200 || is_download(&path) {
            continue;
        }
        for form in page.forms() {
            // The language switch and search keep their own paths; one form per shape.
            let mut names: Vec<&str> = form.names().collect();
            names.sort_unstable();
            let key = format!("{} {} {}", form.method, form.action, names.join(","));
            if form_keys.insert(key) {
                forms.push((path.clone(), form));
            }
        }
        for (_, href) in page.links() {
            let href = href.split('#').next().unwrap_or(&href).to_string();
            if href.is_empty()
                || href.starts_with("/lang/")
                || href.starts_with("/api/v1/")
                || seen.contains(&href)
            {
                continue;
            }
            let bare = href.split('?').next().unwrap_or(&href).to_string();
            if href.contains('?') {
                let n = per_path.entry(bare).or_default();
                if *n >= MAX_QUERIES_PER_PATH {
                    continue;
                }
                *n += 1;
            }
            seen.insert(href.clone());
            queue.push_back(href);
        }
    }
    eprintln!("crawl {role}: {visited} pages, {} forms", forms.len());
    forms
}

async fn crawl_every_role(engine: Engine, test: &str) {
    let Some(db) = TestDb::create(engine, test).await else {
        return;
    };
    let server = start(&db, &["--demo"]);
    let mut submitted = 0;
    for account in ROLES {
        let client = WebClient::new(&server.base);
        let role = account.unwrap_or("visitor");
        let mut start_pages = vec!["/"];
        if let Some(email) = account {
            // Signing in through the login form the header links to.
            let home = client.get("/").await;
            let login = client.follow(&home, "Se connecter").await;
            let mut form = login.form_with(&["email", "password"]);
            form.fill(&[("email", email), ("password", DEMO_PASSWORD)]);
            let signed_in = client.submit(&form).await;
            assert_eq!(signed_in.status, 303, "{role} signs in: {}", signed_in.body);
            let landing = signed_in.location.clone().unwrap_or_default();
            start_pages.push(Box::leak(landing.into_boxed_str()));
        }
        let mut forms = crawl(&client, role, &start_pages).await;
        forms.sort_by_key(|(_, f)| ends_the_visit(f));
        for (page, mut form) in forms {
            fill_plausibly(&mut form);
            let answer = client.submit(&form).await;
            let status = answer.status.as_u16();
            assert!(
                status != 404 && status != 405 && status < 500,
                "{role}: the form of {page} ({} {}) answers {status}: {}",
                form.method,
                form.action,
                answer.body.chars().take(400).collect::<String>()
            );
            submitted += 1;
        }
    }
    assert!(submitted > 40, "the crawl submitted {submitted} forms");
    eprintln!(
        "crawl: {submitted} forms submitted across {} roles",
        ROLES.len()
    );
    drop(server);
    db.drop_db().await;
}
on_both_engines!(crawl_on, crawl_every_role);
