//! Labelled form fields that show their errors and keep the entered values.

use crate::model::FieldErrors;
use maud::{Markup, html};

fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    id.extend(
        name.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }),
    );
    id
}

/// The error messages of one field, linked to it by `aria-describedby`.
pub fn errors_of(errors: &FieldErrors, name: &str) -> Markup {
    html! {
        @if errors.has(name) {
            ul.field-errors id={ (field_id(name)) "-err" } {
                @for m in errors.for_field(name) { li { (m) } }
            }
        }
    }
}

fn described_by(errors: &FieldErrors, name: &str, hint: bool) -> Option<String> {
    let id = field_id(name);
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if errors.has(name) {
        parts.push(format!("{id}-err"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A single-line input with its label, hint and errors.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Form field name.
    pub name: &'a str,
    /// Visible label.
    pub label: &'a str,
    /// Current value (kept after a failed submission).
    pub value: &'a str,
    /// `type` attribute: text, email, password, date, number, url…
    pub kind: &'a str,
    /// Whether the field is required.
    pub required: bool,
    /// Optional help text under the label.
    pub hint: Option<&'a str>,
    /// Optional id of a `<datalist>` of suggestions.
    pub list: Option<&'a str>,
    /// Optional `autocomplete` token.
    pub autocomplete: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// A text input.
    pub fn new(name: &'a str, label: &'a str, value: &'a str) -> Self {
        Input {
            name,
            label,
            value,
            kind: "text",
            required: false,
            hint: None,
            list: None,
            autocomplete: None,
        }
    }
    /// Sets the `type`.
    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }
    /// Marks the field required.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    /// Adds a help text.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }
    /// Links a datalist of suggestions.
    pub fn list(mut self, id: &'a str) -> Self {
        self.list = Some(id);
        self
    }
    /// Sets the autocomplete token.
    pub fn autocomplete(mut self, token: &'a str) -> Self {
        self.autocomplete = Some(token);
        self
    }
    /// Renders label, hint, input and errors.
    pub fn render(&self, errors: &FieldErrors) -> Markup {
        let id = field_id(self.name);
        let invalid = errors.has(self.name).then_some("true");
        html! {
            div.field {
                label for=(id) { (self.label) @if self.required { " *" } }
                @if let Some(h) = self.hint { p.hint id={ (id) "-hint" } { (h) } }
                input id=(id) name=(self.name) type=(self.kind) value=(self.value)
                    required[self.required] list=[self.list] autocomplete=[self.autocomplete]
                    aria-invalid=[invalid] aria-describedby=[described_by(errors, self.name, self.hint.is_some())];
                (errors_of(errors, self.name))
            }
        }
    }
}

/// A multi-line text field with its label, hint and errors.
pub fn textarea(
    name: &str,
    label: &str,
    value: &str,
    hint: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let id = field_id(name);
    let invalid = errors.has(name).then_some("true");
    html! {
        div.field {
            label for=(id) { (label) }
            @if let Some(h) = hint { p.hint id={ (id) "-hint" } { (h) } }
            textarea id=(id) name=(name) rows="5" aria-invalid=[invalid]
                aria-describedby=[described_by(errors, name, hint.is_some())] { (value) }
            (errors_of(errors, name))
        }
    }
}

/// A select with a leading empty choice when `empty` is given; options are (value, label).
pub fn select(
    name: &str,
    label: &str,
    options: &[(&str, &str)],
    selected: &str,
    empty: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let id = field_id(name);
    let invalid = errors.has(name).then_some("true");
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) aria-invalid=[invalid] aria-describedby=[described_by(errors, name, false)] {
                @if let Some(e) = empty { option value="" { (e) } }
                @for (v, l) in options {
                    option value=(v) selected[*v == selected] { (l) }
                }
            }
            (errors_of(errors, name))
        }
    }
}

/// A group of checkboxes sharing one name; options are (value, label).
pub fn checkboxes(
    name: &str,
    legend: &str,
    options: &[(&str, &str)],
    checked: &[&str],
    errors: &FieldErrors,
) -> Markup {
    html! {
        fieldset.field id=(field_id(name)) {
            legend { (legend) }
            @for (v, l) in options {
                label.check {
                    input type="checkbox" name=(name) value=(v) checked[checked.contains(v)];
                    " " (l)
                }
            }
            (errors_of(errors, name))
        }
    }
}

/// A group of radio buttons; options are (value, label).
pub fn radios(
    name: &str,
    legend: &str,
    options: &[(&str, &str)],
    checked: &str,
    errors: &FieldErrors,
) -> Markup {
    html! {
        fieldset.field id=(field_id(name)) {
            legend { (legend) }
            @for (v, l) in options {
                label.check {
                    input type="radio" name=(name) value=(v) checked[*v == checked];
                    " " (l)
                }
            }
            (errors_of(errors, name))
        }
    }
}

/// A summary of all errors at the top of a form, shown when there is any.
pub fn error_summary(title: &str, errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" {
                p { strong { (title) } }
                ul { @for (f, m) in &errors.0 { li { a href={ "#" (field_id(f)) } { (m) } } } }
            }
        }
    }
}
