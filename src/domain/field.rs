//! A validation failure that names the offending field.

/// A value that failed validation: which field, and why, in words a person understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {message}")]
pub struct FieldError {
    /// The field's name as written in the input ("languages[1]", "availability[0].to").
    pub field: String,
    /// Why the value was refused.
    pub message: String,
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Trims a required text, refusing it when empty or longer than `max` characters.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_string())
}

/// Trims an optional text: blank becomes `None`; longer than `max` characters is refused.
pub fn optional_text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(field, v, max).map(Some),
    }
}

/// Most entries a list (skills, disciplines) keeps.
pub const MAX_LIST_ENTRIES: usize = 100;

/// Most raw entries a list may arrive with, duplicates included: far above real use, and
/// refused before any other work so that an oversized list costs nothing.
pub const MAX_RAW_ENTRIES: usize = 1_000;

/// Validates a list of free-text phrases (skills, disciplines): trims each, drops
/// duplicates (in linear time, ignoring ASCII case), refuses blanks; `min` is the least
/// number of entries required.
pub fn text_list(
    field: &str,
    values: &[String],
    min: usize,
    max_len: usize,
) -> Result<Vec<String>, FieldError> {
    if values.len() > MAX_RAW_ENTRIES {
        return Err(FieldError::new(field, "has more than 100 entries"));
    }
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    let mut seen = std::collections::HashSet::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let v = required_text(&format!("{field}[{i}]"), v, max_len)?;
        if seen.insert(v.to_ascii_lowercase()) {
            out.push(v);
        }
    }
    if out.len() < min {
        return Err(FieldError::new(
            field,
            format!(
                "needs at least {min} entr{}",
                if min == 1 { "y" } else { "ies" }
            ),
        ));
    }
    if out.len() > MAX_LIST_ENTRIES {
        return Err(FieldError::new(field, "has more than 100 entries"));
    }
    Ok(out)
}

/// Validates a stable external reference ("E0001"): 1–64 visible characters, no spaces.
pub fn reference(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new("ref", "must not be empty"));
    }
    if v.len() > 64
        || v.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/' || c == '?' || c == '#')
    {
        return Err(FieldError::new(
            "ref",
            "must be at most 64 characters without spaces, '/', '?' or '#'",
        ));
    }
    Ok(v.to_string())
}

/// Validates an email address's shape (one '@', a dotted domain) and lower-cases its domain.
pub fn email(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let bad = || FieldError::new(field, format!("\"{v}\" is not an email address"));
    let (local, domain) = v.split_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || domain.len() < 3
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains('@')
        || v.len() > 254
        || v.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | ':' | '\\'
                )
        })
    {
        return Err(bad());
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

#[cfg(test)]
mod address_tests {
    use super::email;

    #[test]
    fn one_address_only() {
        assert!(email("email", "Awa.Traore@Example.org").is_ok());
        for bad in [
            "a@x.org,b@y.org",
            "a@x.org;b@y.org",
            "\"a\"@x.org",
            "a b@x.org",
            "a@x",
            "@x.org",
        ] {
            assert!(email("email", bad).is_err(), "{bad}");
        }
    }
}
