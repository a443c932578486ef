//! Structural checks every rendered page must pass.

use super::sample::ctx;
use crate::i18n::Lang;
use crate::model::Role;

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!(" {name}=\"");
    let start = tag.find(&pat)? + pat.len();
    tag[start..].split('"').next()
}

fn tags<'a>(html: &'a str, name: &str) -> Vec<(usize, &'a str)> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| html[i + open.len()..].starts_with([' ', '>']))
        .map(|(i, _)| (i, &html[i..i + html[i..].find('>').unwrap_or(0) + 1]))
        .collect()
}

/// Panics with a message when the page breaks a house rule.
pub fn check_page(html: &str) {
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\""),
        "doctype/lang"
    );
    assert_eq!(tags(html, "h1").len(), 1, "exactly one h1");
    for needle in ["<script", " style=\"", " onclick", "href=\"javascript:"] {
        assert!(!html.contains(needle), "forbidden {needle}");
    }
    for landmark in ["<header", "<nav", "<main", "<footer", "class=\"skip\""] {
        assert!(html.contains(landmark), "missing {landmark}");
    }
    // Every POST form carries the CSRF token.
    for (i, tag) in tags(html, "form") {
        if attr(tag, "method") == Some("post") {
            let end = html[i..].find("</form>").expect("closed form") + i;
            assert!(
                html[i..end].contains("name=\"csrf\" value=\"tok-123\""),
                "POST form without csrf: {tag}"
            );
        }
    }
    // Every visible control has a label.
    for name in ["input", "select", "textarea"] {
        for (i, tag) in tags(html, name) {
            let kind = attr(tag, "type").unwrap_or("text");
            if matches!(kind, "hidden" | "submit") {
                continue;
            }
            let wrapped = html[..i]
                .rfind("<label")
                .is_some_and(|l| html[..i].rfind("</label>").is_none_or(|c| c < l));
            let labelled =
                attr(tag, "id").is_some_and(|id| html.contains(&format!("<label for=\"{id}\"")));
            assert!(wrapped || labelled, "unlabelled control: {tag}");
        }
    }
    // Ids are unique.
    let mut ids: Vec<&str> = html
        .match_indices(" id=\"")
        .map(|(i, _)| html[i + 5..].split('"').next().unwrap_or(""))
        .collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate ids");
}

/// Renders `f` for both languages and the given roles, checks each page, returns the French anonymous-or-first one.
pub fn each(roles: &[Option<Role>], f: impl Fn(&crate::PageContext) -> String) -> String {
    let mut first = None;
    for lang in Lang::ALL {
        for role in roles {
            let html = f(&ctx(lang, *role));
            check_page(&html);
            assert!(html.contains(&format!("<html lang=\"{}\"", lang.code())));
            first.get_or_insert(html);
        }
    }
    first.unwrap_or_default()
}

pub const ALL: &[Option<Role>] = &[
    None,
    Some(Role::Expert),
    Some(Role::InstitutionMember),
    Some(Role::AssociationMember),
    Some(Role::Moderator),
];
