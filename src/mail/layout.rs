//! The shape every message shares, rendered twice: plain text and a small inline-styled
//! HTML page (maud), so both parts always say the same thing.

use maud::{DOCTYPE, html};

use super::Lang;

/// A line of a list, with an optional link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The sentence.
    pub text: String,
    /// Where it leads.
    pub url: Option<String>,
}

/// What a message says, before rendering.
#[derive(Debug, Clone)]
pub struct Content {
    /// Language of the words below and of the footer.
    pub lang: Lang,
    /// Subject line (also the HTML title).
    pub subject: String,
    /// "Bonjour Aminata," or "Hello,".
    pub greeting: String,
    /// Paragraphs before the list.
    pub paragraphs: Vec<String>,
    /// A list (reasons of a match, lines of a digest).
    pub items: Vec<Item>,
    /// The main button: label and URL.
    pub action: Option<(String, String)>,
    /// Small print after the button.
    pub after: Vec<String>,
    /// One-click unsubscribe URL, shown in the footer.
    pub unsubscribe_url: Option<String>,
}

fn footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Passerelle — les compétences de la diaspora au service du Mali.",
        Lang::En => "Passerelle — the diaspora's skills at work in Mali.",
    }
}

fn unsubscribe_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Ne plus recevoir les propositions par e-mail",
        Lang::En => "Stop receiving match emails",
    }
}

fn link_fallback(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
        Lang::En => "If the button does not work, copy this link into your browser:",
    }
}

/// The plain-text part.
pub fn render_text(c: &Content) -> String {
    let mut out = format!("{}\n\n", c.greeting);
    for p in &c.paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    if !c.items.is_empty() {
        for item in &c.items {
            match &item.url {
                Some(url) => out.push_str(&format!("- {}\n  {url}\n", item.text)),
                None => out.push_str(&format!("- {}\n", item.text)),
            }
        }
        out.push('\n');
    }
    if let Some((label, url)) = &c.action {
        out.push_str(&format!("{label} : {url}\n\n"));
    }
    for a in &c.after {
        out.push_str(a);
        out.push_str("\n\n");
    }
    out.push_str("-- \n");
    out.push_str(footer(c.lang));
    out.push('\n');
    if let Some(url) = &c.unsubscribe_url {
        out.push_str(&format!("{} : {url}\n", unsubscribe_label(c.lang)));
    }
    out
}

const BODY: &str = "margin:0;padding:0;background:#f4f1ea;";
const CARD: &str = "max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222;";
const BRAND: &str = "margin:0 0 16px;font-size:20px;font-weight:bold;color:#0b6e4f;";
const BUTTON: &str = "display:inline-block;padding:10px 18px;background:#0b6e4f;color:#ffffff;border-radius:4px;text-decoration:none;font-weight:bold;";
const SMALL: &str = "font-size:13px;color:#555555;";
const LINK: &str = "color:#0b6e4f;";

/// The HTML part.
pub fn render_html(c: &Content) -> String {
    html! {
        (DOCTYPE)
        html lang=(c.lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (c.subject) }
            }
            body style=(BODY) {
                div style=(CARD) {
                    p style=(BRAND) { "Passerelle" }
                    p { (c.greeting) }
                    @for p in &c.paragraphs {
                        p { (p) }
                    }
                    @if !c.items.is_empty() {
                        ul {
                            @for item in &c.items {
                                li {
                                    @if let Some(url) = &item.url {
                                        a href=(url) style=(LINK) { (item.text) }
                                    } @else {
                                        (item.text)
                                    }
                                }
                            }
                        }
                    }
                    @if let Some((label, url)) = &c.action {
                        p { a href=(url) style=(BUTTON) { (label) } }
                        p style=(SMALL) { (link_fallback(c.lang)) br; (url) }
                    }
                    @for a in &c.after {
                        p style=(SMALL) { (a) }
                    }
                    hr style="border:none;border-top:1px solid #dddddd;";
                    p style=(SMALL) {
                        (footer(c.lang))
                        @if let Some(url) = &c.unsubscribe_url {
                            br;
                            a href=(url) style=(LINK) { (unsubscribe_label(c.lang)) }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}
