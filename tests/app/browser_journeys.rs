//! The five journeys of the platform's users, walked in headless Chromium against
//! `serve --demo` (SQLite): a visitor, a new expert, a university member, a hometown
//! association with a pledging expert, a moderator. Each step saves a screenshot under
//! `tests/screenshots/journey-*.png`. The same journeys run through the form-following
//! HTTP client on both engines in `web_journeys`.

use std::time::{Duration, Instant};

use crate::browser::Browser;
use crate::cli_serve::{Server, start};
use crate::helpers::{Engine, TestDb};
use crate::web::{DEMO_PASSWORD, WebClient};
use crate::web_experts::wait_for_mail;

/// Signs in through the login form the header links to.
async fn sign_in(browser: &Browser, server: &Server, email: &str) {
    browser.goto(&format!("{}/", server.base)).await;
    browser.click_link("Se connecter").await;
    browser.wait_for_url(|u| u.contains("/login")).await;
    browser.type_into("#f-email", email).await;
    browser.type_into("#f-password", DEMO_PASSWORD).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| !u.contains("/login")).await;
}

/// Signs out through the header's button.
async fn sign_out(browser: &Browser) {
    browser.click_button("Se déconnecter", None).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// The link of a mail's body that starts with `marker` (quoted-printable undone).
fn link_in(eml: &str, marker: &str) -> String {
    let text = eml
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"));
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_?=.:".contains(*c))
        .collect()
}

async fn start_journey(name: &str) -> Option<(Browser, TestDb, Server)> {
    let browser = Browser::start(name).await?;
    let db = TestDb::create(Engine::Sqlite, name).await.expect("sqlite");
    let server = start(&db, &["--demo"]);
    Some((browser, db, server))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_visitor_searches_and_reads_statistics() {
    let Some((browser, _db, server)) = start_journey("journey_visitor").await else {
        return;
    };
    browser.goto(&format!("{}/", server.base)).await;
    browser.screenshot("journey-1-home", None).await;
    browser.click_link("Missions").await;
    browser.wait_for_url(|u| u.ends_with("/missions")).await;
    browser
        .type_into("form.search input[name=q]", "hydrogéologie")
        .await;
    browser.click("form.search button[type=submit]").await;
    browser.wait_for_url(|u| u.contains("q=")).await;
    assert!(
        browser.count("ul.grid article.card").await >= 1,
        "missions found"
    );
    browser.screenshot("journey-1-missions", None).await;
    browser.click("ul.grid article.card h3 a").await;
    browser.wait_for_url(|u| u.contains("/missions/")).await;
    assert!(!browser.text("h1").await.is_empty());
    browser.screenshot("journey-1-mission", None).await;

    browser.click_link("Projets").await;
    browser.wait_for_url(|u| u.ends_with("/projects")).await;
    browser.click("ul.grid article.card h3 a").await;
    browser.wait_for_url(|u| u.contains("/projects/")).await;
    assert!(browser.count("progress").await >= 1, "a funding bar");
    browser.screenshot("journey-1-project", None).await;

    browser.click_link("Statistiques").await;
    browser.wait_for_url(|u| u.ends_with("/statistics")).await;
    assert!(browser.count("svg").await >= 3, "maps and charts");
    browser.screenshot("journey-1-statistics", None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_expert_signs_up_and_connects() {
    let Some((browser, db, server)) = start_journey("journey_expert").await else {
        return;
    };
    let email = "mariam.sissoko@example.org";
    browser.goto(&format!("{}/", server.base)).await;
    browser.click_link("Créer un compte").await;
    browser.wait_for_url(|u| u.contains("/signup")).await;
    browser.click("input[name=role][value=expert]").await;
    browser.type_into("#f-name", "Mariam Sissoko").await;
    browser.type_into("#f-email", email).await;
    browser
        .type_into("#f-password", "karité et baobab 2027")
        .await;
    browser.screenshot("journey-2-signup", None).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| u.ends_with("/login")).await;
    assert!(
        browser.wait_for_text(".flash", "e-mail").await,
        "told to check the mailbox"
    );
    browser.screenshot("journey-2-check-mailbox", None).await;

    // The address is verified from the mail, which signs her in.
    let eml = wait_for_mail(&db, email).await;
    let link = link_in(&eml, "http");
    assert!(link.contains("/verify-email?token="), "{link}");
    browser.goto(&link).await;
    browser.wait_for_url(|u| u.ends_with("/me/profile")).await;
    browser.screenshot("journey-2-verified", None).await;

    // The profile, typed as a person does.
    browser.goto(&format!("{}/me/profile", server.base)).await;
    browser
        .retype("[name=headline]", "Hydrogéologue, BRGM Orléans")
        .await;
    browser
        .type_into(
            "[name=skills]",
            "hydrogéologie\nprospection géophysique électrique\nessais de pompage",
        )
        .await;
    browser.click("input[name=languages][value=fr]").await;
    browser.retype("[name=residence_country]", "FR").await;
    browser
        .click("select[name=home_region] option[value=kayes]")
        .await;
    browser.screenshot("journey-2-profile", None).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| u.ends_with("/me")).await;

    // Recommendations with their reasons; interest in the first one.
    let started = Instant::now();
    while browser.count("ul.reasons li").await == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "recommendations"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        browser.goto(&format!("{}/me", server.base)).await;
    }
    browser.screenshot("journey-2-recommendations", None).await;
    browser
        .click_xpath("//h2[contains(., 'Recommandé pour vous')]/following::a[contains(@href, '/missions/')][1]")
        .await;
    browser.wait_for_url(|u| u.contains("/missions/")).await;
    browser
        .type_into("[name=message]", "Disponible trois semaines en juin.")
        .await;
    browser.click_button("Envoyer ma marque", None).await;
    assert!(browser.wait_for_text(".flash", "").await);
    browser.screenshot("journey-2-interest", None).await;

    // A university invites her (from its own page, through the HTTP client as another person).
    let usttb = WebClient::new(&server.base);
    let login = usttb.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "usttb@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    assert_eq!(usttb.submit(&form).await.status, 303);
    let mut invited = false;
    let dashboard = usttb.get("/organisation").await;
    // Her profile reaches the search index within a moment.
    'search: for _ in 0..40 {
        for (_, href) in dashboard.links() {
            if href.starts_with("/missions/D-M")
                && usttb
                    .get(&href)
                    .await
                    .has_button("Inviter Mariam Sissoko", None)
            {
                let sent = usttb.press(&href, "Inviter Mariam Sissoko", None).await;
                assert_eq!(sent.status, 303);
                invited = true;
                break 'search;
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        invited,
        "a mission of the university suggests the new expert"
    );

    browser.goto(&format!("{}/me", server.base)).await;
    browser.screenshot("journey-2-invited", None).await;
    browser.click_button("Accepter", None).await;
    assert!(browser.wait_for_text(".flash", "").await);
    browser.goto(&format!("{}/me", server.base)).await;
    let started = Instant::now();
    while browser.count("a[href^='mailto:usttb']").await == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "contact details after acceptance"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        browser.goto(&format!("{}/me", server.base)).await;
    }
    browser.screenshot("journey-2-contact", None).await;

    // The report after the mission.
    browser.click_link("compte rendu").await;
    browser.wait_for_url(|u| u.ends_with("/report")).await;
    browser
        .type_into("[name=what_done]", "Cours de géophysique, terrain à Kati.")
        .await;
    browser.type_into("[name=people_trained]", "18").await;
    browser.screenshot("journey-2-report", None).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| u.ends_with("/me")).await;
    assert!(
        browser.wait_for_text(".flash", "merci").await,
        "report saved"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_university_posts_a_mission_and_invites() {
    let Some((browser, _db, server)) = start_journey("journey_university").await else {
        return;
    };
    sign_in(&browser, &server, "usttb@demo.passerelle.ml").await;
    browser.goto(&format!("{}/organisation", server.base)).await;
    browser.click_link("Publier une mission").await;
    browser.wait_for_url(|u| u.ends_with("/missions/new")).await;
    browser
        .type_into("[name=title]", "Télédétection des zones humides")
        .await;
    browser
        .type_into(
            "[name=description]",
            "Deux semaines de cours et de travaux pratiques.",
        )
        .await;
    browser
        .type_into("[name=skills]", "télédétection\nhydrogéologie")
        .await;
    browser
        .click("select[name=language] option[value=fr]")
        .await;
    browser
        .click("select[name=region] option[value=mopti]")
        .await;
    browser.pick_date("[name=start]", "2027-03-20").await;
    browser.pick_date("[name=end]", "2027-03-01").await;
    browser.click("input[name=mode][value=onsite]").await;
    browser.click("main form button[type=submit]").await;

    // The error names the field, and what was typed stays.
    assert!(browser.wait_for_text("#f-end-err", "").await);
    assert!(
        !browser.text("#f-end-err").await.is_empty(),
        "the end date is named"
    );
    assert_eq!(
        browser.value_of("[name=title]").await,
        "Télédétection des zones humides"
    );
    browser.screenshot("journey-3-error", None).await;
    browser.pick_date("[name=end]", "2027-04-02").await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| u.contains("/missions/M-")).await;
    browser.screenshot("journey-3-draft", None).await;

    browser.click_link("Modifier").await;
    browser.wait_for_url(|u| u.ends_with("/edit")).await;
    browser
        .retype("[name=title]", "Télédétection des zones humides du delta")
        .await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| !u.ends_with("/edit")).await;
    assert!(browser.wait_for_text("h1", "du delta").await, "edited");

    browser.click_button("Publier", None).await;
    assert!(browser.wait_for_text(".flash", "").await);
    let started = Instant::now();
    while browser.count("#h-ranked ~ ol li.card").await == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "ranked experts"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let here = browser.url().await;
        browser.goto(&here).await;
    }
    assert!(
        browser.count("#h-ranked ~ ol li.card ul.reasons li").await >= 1,
        "with reasons"
    );
    browser.screenshot("journey-3-ranked", None).await;
    browser.click("#h-ranked ~ ol li.card form button").await;
    assert!(
        browser.wait_for_text(".flash", "Invitation").await,
        "invitation confirmed"
    );
    browser.screenshot("journey-3-invited", None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_association_project_funded_by_a_pledge() {
    let Some((browser, _db, server)) = start_journey("journey_association").await else {
        return;
    };
    sign_in(&browser, &server, "yelimane@demo.passerelle.ml").await;
    browser.goto(&format!("{}/organisation", server.base)).await;
    browser.click_link("Proposer un projet").await;
    browser.wait_for_url(|u| u.ends_with("/projects/new")).await;
    browser
        .type_into("[name=title]", "Moulin à céréales de Kremis")
        .await;
    browser
        .type_into(
            "[name=description]",
            "Un moulin pour soulager les femmes du village.",
        )
        .await;
    browser
        .click("select[name=sector] option[value=agriculture]")
        .await;
    browser
        .type_into("[name=skills]", "mécanique agricole")
        .await;
    browser
        .click("select[name=region] option[value=kayes]")
        .await;
    browser.type_into("[name=commune]", "Kremis").await;
    browser.type_into("[name=budget_eur]", "8000").await;
    browser.type_into("[name=funding_sought_eur]", "6000").await;
    browser.screenshot("journey-4-form", None).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url(|u| u.contains("/projects/P-")).await;
    let project = browser.url().await;
    browser.click_button("Publier", None).await;
    assert!(browser.wait_for_text(".flash", "").await);
    sign_out(&browser).await;

    // An expert pledges through the project's form.
    sign_in(&browser, &server, "expert@demo.passerelle.ml").await;
    browser.goto(&project).await;
    browser.type_into("[name=amount_eur]", "1500").await;
    browser
        .type_into("[name=pledge_message]", "Pour la meule.")
        .await;
    browser.screenshot("journey-4-pledge", None).await;
    browser.click_button("Envoyer ma promesse", None).await;
    assert!(browser.wait_for_text(".flash", "Promesse").await);
    sign_out(&browser).await;

    // The association confirms; the bar moves.
    sign_in(&browser, &server, "yelimane@demo.passerelle.ml").await;
    browser.goto(&project).await;
    let before = browser.text(".progress span.small").await;
    browser.click_button("Confirmer", None).await;
    assert!(browser.wait_for_text(".flash", "confirm").await);
    browser.goto(&project).await;
    let after = browser.text(".progress span.small").await;
    assert_ne!(before, after, "the progress bar moved");
    assert!(
        after.contains("1\u{202f}500") || after.contains("1 500"),
        "{after}"
    );
    browser.screenshot("journey-4-funded", None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_moderator_verifies_and_handles_a_report() {
    let Some((browser, _db, server)) = start_journey("journey_moderator").await else {
        return;
    };
    // A member reports a mission through the page's flag form.
    let reporter = WebClient::new(&server.base);
    let login = reporter.get("/login").await;
    let mut form = login.form_with(&["email", "password"]);
    form.fill(&[
        ("email", "usttb@demo.passerelle.ml"),
        ("password", DEMO_PASSWORD),
    ]);
    assert_eq!(reporter.submit(&form).await.status, 303);
    let flagged = reporter
        .submit_on("/missions/D-M002", &[("reason", "Annonce en double")])
        .await;
    assert_eq!(flagged.status, 303);

    sign_in(&browser, &server, "moderation@demo.passerelle.ml").await;
    browser.goto(&format!("{}/moderation", server.base)).await;
    browser.screenshot("journey-5-queue", None).await;
    browser
        .click_button("Vérifier", Some("//li[contains(., 'Diéma')]"))
        .await;
    assert!(browser.wait_for_text(".flash", "").await);
    browser.goto(&format!("{}/moderation", server.base)).await;
    browser.click_button("Masquer", None).await;
    assert!(browser.wait_for_text(".flash", "").await);
    browser.goto(&format!("{}/moderation", server.base)).await;
    let page = browser.text("main").await;
    assert!(
        page.contains("mission:D-M002"),
        "the audit log names the hidden mission"
    );
    browser.screenshot("journey-5-audit", None).await;
    let public = WebClient::new(&server.base);
    assert_eq!(public.get("/missions/D-M002").await.status, 404, "hidden");
}
