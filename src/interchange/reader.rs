//! Reads a whole interchange file and validates every line before anything is written:
//! one bad line rejects the file, with errors naming the file, the line and the field.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::records::{ExpertLine, MissionLine, ProjectLine};
use crate::domain::{Expert, FieldError, Mission, Project};

/// Which of the three interchange files a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// experts.jsonl
    Experts,
    /// missions.jsonl
    Missions,
    /// projects.jsonl
    Projects,
}

impl FileKind {
    /// The usual file name.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Experts => "experts.jsonl",
            FileKind::Missions => "missions.jsonl",
            FileKind::Projects => "projects.jsonl",
        }
    }
}

/// One refused line: where, which field, why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {}{message}", field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct LineError {
    /// The file as named on the command line.
    pub file: String,
    /// 1-based line number (0 for the file as a whole).
    pub line: usize,
    /// The offending field, when one can be named.
    pub field: Option<String>,
    /// Why the line was refused.
    pub message: String,
}

/// Every record of a file, validated, in file order.
#[derive(Debug, Clone, Default)]
pub struct ParsedFile {
    /// Experts, for an experts file.
    pub experts: Vec<Expert>,
    /// Missions, for a missions file.
    pub missions: Vec<Mission>,
    /// Projects, for a projects file.
    pub projects: Vec<Project>,
}

impl ParsedFile {
    /// How many records the file holds.
    pub fn len(&self) -> usize {
        self.experts.len() + self.missions.len() + self.projects.len()
    }

    /// Whether the file holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How many errors are reported before the reader stops looking.
const MAX_ERRORS: usize = 50;

/// Reads and validates `path`; all errors found (up to 50) are returned together.
pub fn read_file(path: &Path, kind: FileKind) -> Result<ParsedFile, Vec<LineError>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        vec![LineError {
            file: name.clone(),
            line: 0,
            field: None,
            message: format!("cannot read the file: {e}"),
        }]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        vec![LineError {
            file: name.clone(),
            line,
            field: None,
            message: "is not valid UTF-8".into(),
        }]
    })?;
    read_str(&name, &text, kind)
}

/// Validates the text of an interchange file named `name`.
pub fn read_str(name: &str, text: &str, kind: FileKind) -> Result<ParsedFile, Vec<LineError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = ParsedFile::default();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let err = |field: Option<String>, message: String| LineError {
            file: name.to_string(),
            line,
            field,
            message,
        };
        let result: Result<String, LineError> = match kind {
            FileKind::Experts => parse_line::<ExpertLine>(raw)
                .and_then(|l| l.validate().map_err(field_error))
                .map(|e| {
                    let r = e.r#ref.clone();
                    parsed.experts.push(e);
                    r
                })
                .map_err(|(f, m)| err(f, m)),
            FileKind::Missions => parse_line::<MissionLine>(raw)
                .and_then(|l| l.validate().map_err(field_error))
                .map(|m| {
                    let r = m.r#ref.clone();
                    parsed.missions.push(m);
                    r
                })
                .map_err(|(f, m)| err(f, m)),
            FileKind::Projects => parse_line::<ProjectLine>(raw)
                .and_then(|l| l.validate().map_err(field_error))
                .map(|p| {
                    let r = p.r#ref.clone();
                    parsed.projects.push(p);
                    r
                })
                .map_err(|(f, m)| err(f, m)),
        };
        match result {
            Ok(r) => {
                if let Some(first) = seen.insert(r.clone(), line) {
                    errors.push(err(
                        Some("ref".into()),
                        format!("duplicate ref \"{r}\" (first on line {first})"),
                    ));
                }
            }
            Err(e) => errors.push(e),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

fn field_error(e: FieldError) -> (Option<String>, String) {
    (Some(e.field), e.message)
}

/// Parses one JSON line into `T`, turning serde's error into a field and a message.
fn parse_line<T: DeserializeOwned>(raw: &str) -> Result<T, (Option<String>, String)> {
    let de = &mut serde_json::Deserializer::from_str(raw);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let message = inner.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            if inner.is_syntax() || inner.is_eof() {
                return Err((None, format!("malformed JSON: {message}")));
            }
            if let Some(name) = quoted_after(&message, "unknown field `") {
                return Err((Some(name), "unknown field".into()));
            }
            if let Some(name) = quoted_after(&message, "missing field `") {
                let field = if path == "." {
                    name
                } else {
                    format!("{path}.{name}")
                };
                return Err((Some(field), "required field is missing".into()));
            }
            let field = (path != ".").then_some(path);
            Err((field, message))
        }
    }
}

fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let rest = message.split(prefix).nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"ref":"E1","name":"Awa","email":"awa@example.org","headline":"Hydrogeologist","skills":["GIS"],"languages":["fr"],"residence_country":"FR"}"#;

    fn expert_errors(text: &str) -> Vec<LineError> {
        read_str("experts.jsonl", text, FileKind::Experts).expect_err("must be refused")
    }

    #[test]
    fn a_good_line_parses() {
        let parsed = read_str("experts.jsonl", GOOD, FileKind::Experts).unwrap();
        assert_eq!(parsed.experts.len(), 1);
        assert_eq!(parsed.experts[0].languages, vec!["fr"]);
    }

    #[test]
    fn unknown_field_is_named() {
        let e = expert_errors(&GOOD.replace("\"name\"", "\"nom\":\"x\",\"name\""));
        assert_eq!(e[0].field.as_deref(), Some("nom"));
        assert_eq!(e[0].line, 1);
    }

    #[test]
    fn missing_field_is_named() {
        let e = expert_errors(&GOOD.replace(r#""headline":"Hydrogeologist","#, ""));
        assert_eq!(e[0].field.as_deref(), Some("headline"));
    }

    #[test]
    fn wrong_type_names_the_path() {
        let e = expert_errors(&GOOD.replace(r#"["GIS"]"#, r#"["GIS", 3]"#));
        assert_eq!(e[0].field.as_deref(), Some("skills[1]"));
    }

    #[test]
    fn malformed_json_names_the_line() {
        let text = format!("{GOOD}\n{{\"ref\": \n");
        let e = expert_errors(&text);
        assert_eq!(e[0].line, 2);
        assert!(e[0].message.contains("malformed JSON"), "{}", e[0].message);
    }

    #[test]
    fn bad_language_and_date() {
        let e = expert_errors(&GOOD.replace(r#"["fr"]"#, r#"["fr","xx"]"#));
        assert_eq!(e[0].field.as_deref(), Some("languages[1]"));
        let e = expert_errors(&GOOD.replace(
            r#""residence_country":"FR""#,
            r#""residence_country":"FR","availability":[{"from":"2027-02-30","to":"2027-03-01"}]"#,
        ));
        assert_eq!(e[0].field.as_deref(), Some("availability[0].from"));
    }

    #[test]
    fn duplicate_ref_is_refused() {
        let e = expert_errors(&format!("{GOOD}\n{GOOD}\n"));
        assert_eq!(e[0].line, 2);
        assert_eq!(e[0].field.as_deref(), Some("ref"));
    }

    #[test]
    fn display_names_file_line_and_field() {
        let e = expert_errors(&GOOD.replace(r#""FR""#, r#""France""#));
        assert_eq!(
            e[0].to_string(),
            "experts.jsonl:1: field `residence_country`: \"France\" is not an ISO 3166-1 alpha-2 country code"
        );
    }
}
