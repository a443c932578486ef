//! Reading pages as a browser does: the forms a page renders (their own `action`, `method`,
//! hidden fields, default values and allowed choices) and the links it shows. Web tests fill
//! these forms and submit them where the page says, so a form whose action no route serves
//! fails the test as it would fail a user.
#![allow(dead_code)] // shared by the page tests; each uses part of it

use std::collections::{BTreeMap, BTreeSet};

use scraper::{ElementRef, Html, Selector};

/// The login page a user types or follows.
pub const LOGIN_PAGE: &str = "/login";

/// One `<form>` of a page, as a browser would submit it before the user types anything.
#[derive(Debug, Clone)]
pub struct HtmlForm {
    /// Where it is sent: the form's `action` resolved against the page's path.
    pub action: String,
    /// `get` or `post`.
    pub method: String,
    /// What would be sent, in document order (successful controls only).
    fields: Vec<(String, String)>,
    /// Every named control of the form.
    names: BTreeSet<String>,
    /// The values a `select`, radio group or checkbox group allows, by name.
    choices: BTreeMap<String, Vec<String>>,
    /// Names of checkbox groups (several values may be sent).
    checkboxes: BTreeSet<String>,
    /// Names of hidden inputs (a user cannot change them).
    hidden: BTreeSet<String>,
    /// The kind of each named control: an input's `type`, or `select`, `textarea`.
    kinds: BTreeMap<String, String>,
    /// The visible text of its submit buttons.
    pub buttons: Vec<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves a link or action against the path of the page it was found on.
pub fn resolve(page: &str, target: &str) -> String {
    if target.is_empty() {
        return page.to_string();
    }
    if target.starts_with('/') {
        return target.to_string();
    }
    if let Some(rest) = target.strip_prefix('?') {
        let path = page.split('?').next().unwrap_or(page);
        return format!("{path}?{rest}");
    }
    if target.starts_with('#') {
        return page.to_string();
    }
    panic!("page {page} links to {target}, which the tests do not resolve (absolute paths only)");
}

impl HtmlForm {
    fn parse(form: ElementRef<'_>, page: &str) -> HtmlForm {
        let action = resolve(page, form.value().attr("action").unwrap_or(""));
        let method = form
            .value()
            .attr("method")
            .unwrap_or("get")
            .to_ascii_lowercase();
        let mut out = HtmlForm {
            action,
            method,
            fields: Vec::new(),
            names: BTreeSet::new(),
            choices: BTreeMap::new(),
            checkboxes: BTreeSet::new(),
            hidden: BTreeSet::new(),
            kinds: BTreeMap::new(),
            buttons: Vec::new(),
        };
        for control in form.select(&selector("input, select, textarea, button")) {
            let el = control.value();
            let kind = el.attr("type").unwrap_or("text").to_ascii_lowercase();
            if el.name() == "button" || (el.name() == "input" && kind == "submit") {
                if kind != "button" && kind != "reset" {
                    let label = el
                        .attr("value")
                        .filter(|_| el.name() == "input")
                        .map(str::to_string)
                        .unwrap_or_else(|| text_of(control));
                    out.buttons.push(label);
                }
                continue;
            }
            let Some(name) = el.attr("name") else {
                continue;
            };
            if el.attr("disabled").is_some() {
                continue;
            }
            out.names.insert(name.to_string());
            let control_kind = match el.name() {
                "input" => kind.clone(),
                other => other.to_string(),
            };
            out.kinds.entry(name.to_string()).or_insert(control_kind);
            match el.name() {
                "textarea" => out
                    .fields
                    .push((name.to_string(), control.text().collect())),
                "select" => {
                    let options: Vec<(String, bool)> = control
                        .select(&selector("option"))
                        .map(|o| {
                            let value = o
                                .value()
                                .attr("value")
                                .map(str::to_string)
                                .unwrap_or_else(|| text_of(o));
                            (value, o.value().attr("selected").is_some())
                        })
                        .collect();
                    out.choices
                        .entry(name.to_string())
                        .or_default()
                        .extend(options.iter().map(|(v, _)| v.clone()));
                    let selected: Vec<&String> =
                        options.iter().filter(|(_, s)| *s).map(|(v, _)| v).collect();
                    if el.attr("multiple").is_some() {
                        out.checkboxes.insert(name.to_string());
                        for v in selected {
                            out.fields.push((name.to_string(), v.clone()));
                        }
                    } else if let Some(v) = selected
                        .first()
                        .copied()
                        .or(options.first().map(|(v, _)| v))
                    {
                        out.fields.push((name.to_string(), v.clone()));
                    }
                }
                _ => {
                    let value = el.attr("value").unwrap_or_default().to_string();
                    match kind.as_str() {
                        "checkbox" | "radio" => {
                            let value = if el.attr("value").is_some() {
                                value
                            } else {
                                "on".into()
                            };
                            if kind == "checkbox" {
                                out.checkboxes.insert(name.to_string());
                            }
                            out.choices
                                .entry(name.to_string())
                                .or_default()
                                .push(value.clone());
                            if el.attr("checked").is_some() {
                                out.fields.push((name.to_string(), value));
                            }
                        }
                        "file" | "image" | "reset" => {}
                        "hidden" => {
                            out.hidden.insert(name.to_string());
                            out.fields.push((name.to_string(), value));
                        }
                        _ => out.fields.push((name.to_string(), value)),
                    }
                }
            }
        }
        out
    }

    /// Whether the form has a control with this name.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// The value the form would send for a name (the first one).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The values a `select`, radio or checkbox group allows.
    pub fn choices(&self, name: &str) -> &[String] {
        self.choices.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The kind of a control: an input's `type` (`text`, `email`, `date`…), or `select`,
    /// `textarea`.
    pub fn kind(&self, name: &str) -> Option<&str> {
        self.kinds.get(name).map(String::as_str)
    }

    /// Whether a control is hidden.
    pub fn is_hidden(&self, name: &str) -> bool {
        self.hidden.contains(name)
    }

    /// Every named control, in name order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// Whether the form mentions this text: in its action or as the value of a field.
    pub fn mentions(&self, text: &str) -> bool {
        self.action.contains(text) || self.fields.iter().any(|(_, v)| v == text)
    }

    /// Types or chooses a value, as a user can: the control must exist and not be hidden, and
    /// a `select`, radio or checkbox group only takes one of the values it offers. A checkbox group gets just
    /// this value checked; an empty value unchecks it.
    pub fn set(&mut self, name: &str, value: &str) -> &mut Self {
        assert!(
            self.has(name),
            "the form posting to {} has no field {name:?} (it has {:?})",
            self.action,
            self.names
        );
        assert!(
            !self.hidden.contains(name),
            "{name:?} is a hidden field of the form posting to {}: a user cannot change it",
            self.action
        );
        if let Some(allowed) = self.choices.get(name)
            && !(value.is_empty() && self.checkboxes.contains(name))
        {
            assert!(
                allowed.iter().any(|a| a == value),
                "the form posting to {} offers no {value:?} for {name:?} (it offers {allowed:?})",
                self.action
            );
        }
        let at = self.fields.iter().position(|(n, _)| n == name);
        self.fields.retain(|(n, _)| n != name);
        if !(value.is_empty() && self.checkboxes.contains(name)) {
            let entry = (name.to_string(), value.to_string());
            match at {
                Some(i) if i <= self.fields.len() => self.fields.insert(i, entry),
                _ => self.fields.push(entry),
            }
        }
        self
    }

    /// Checks one more box of a checkbox group (or selects one more option of a multiple select).
    pub fn check(&mut self, name: &str, value: &str) -> &mut Self {
        assert!(
            self.checkboxes.contains(name),
            "the form posting to {} has no checkbox group {name:?}",
            self.action
        );
        assert!(
            self.choices(name).iter().any(|a| a == value),
            "the form posting to {} offers no {value:?} for {name:?}",
            self.action
        );
        if !self.fields.iter().any(|(n, v)| n == name && v == value) {
            self.fields.push((name.to_string(), value.to_string()));
        }
        self
    }

    /// Sets several fields at once (see [`HtmlForm::set`]); a checkbox group named more than
    /// once gets each of its values checked.
    pub fn fill(&mut self, values: &[(&str, &str)]) -> &mut Self {
        let mut done = BTreeSet::new();
        for (name, value) in values {
            if done.contains(name) && self.checkboxes.contains(*name) {
                self.check(name, value);
            } else {
                self.set(name, value);
            }
            done.insert(*name);
        }
        self
    }

    /// An attacker's copy of the form: the hidden field `name` dropped (`None`) or replaced.
    /// For tests that prove a tampered form is refused; users' steps use [`HtmlForm::set`].
    pub fn tampered(&self, name: &str, value: Option<&str>) -> HtmlForm {
        assert!(
            self.hidden.contains(name),
            "{name:?} is no hidden field of the form"
        );
        let mut copy = self.clone();
        copy.fields.retain(|(n, _)| n != name);
        if let Some(v) = value {
            copy.fields.push((name.to_string(), v.to_string()));
        }
        copy
    }

    /// What the form sends, in order.
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }
}

/// The forms of a page.
pub fn forms(body: &str, page: &str) -> Vec<HtmlForm> {
    let html = Html::parse_document(body);
    html.select(&selector("form"))
        .map(|f| HtmlForm::parse(f, page))
        .collect()
}

/// The links of a page: (visible text, resolved `href`), in document order.
pub fn links(body: &str, page: &str) -> Vec<(String, String)> {
    let html = Html::parse_document(body);
    html.select(&selector("a[href]"))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            if href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("mailto:")
            {
                return None;
            }
            Some((text_of(a), resolve(page, href)))
        })
        .collect()
}

/// The text of the first element matching a CSS selector, whitespace collapsed.
pub fn text(body: &str, css: &str) -> Option<String> {
    let html = Html::parse_document(body);
    html.select(&selector(css)).next().map(text_of)
}
