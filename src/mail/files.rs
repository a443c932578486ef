//! The `.eml` files written when no SMTP server is configured: forgetting the ones that
//! concern an erased person.

use std::path::Path;

/// Undoes quoted-printable encoding (soft line breaks and `=XX` bytes), enough to find a
/// name or an address in a message as written by lettre.
fn unquote(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Deletes every `.eml` file of `dir` that mentions one of `needles` (an address, a name);
/// returns how many went.
pub fn forget(dir: &Path, needles: &[&str]) -> usize {
    let needles: Vec<&str> = needles
        .iter()
        .copied()
        .filter(|n| n.chars().count() >= 3)
        .collect();
    let mut gone = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "eml") {
            continue;
        }
        let Ok(raw) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = unquote(&raw);
        if needles.iter().any(|n| raw.contains(n) || text.contains(n))
            && std::fs::remove_file(&path).is_ok()
        {
            gone += 1;
        }
    }
    gone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgets_files_naming_the_person_even_encoded() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.eml"),
            "To: o.k@example.org\r\n\r\nBonjour",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.eml"),
            "To: x@y.z\r\n\r\nOumar Kanout=C3=\r\n=A9 est int=C3=A9ress=C3=A9",
        )
        .unwrap();
        std::fs::write(dir.path().join("c.eml"), "To: x@y.z\r\n\r\nRien").unwrap();
        assert_eq!(forget(dir.path(), &["o.k@example.org", "Oumar Kanouté"]), 2);
        assert!(dir.path().join("c.eml").exists());
    }
}
