//! Accounts: password hashing with argon2id (off the async threads) and password rules.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// Why a password operation failed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Hashing itself failed.
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// The blocking task died.
    #[error("password task failed")]
    Task,
}

/// Hashes a password with argon2id (default parameters: 19 MiB, 2 passes) and a random salt.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await
    .map_err(|_| PasswordError::Task)?
}

/// Checks a password against a stored hash; a malformed hash simply does not match.
pub async fn verify(password: String, stored: String) -> Result<bool, PasswordError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), stored.as_str())
            .is_ok()
    })
    .await
    .map_err(|_| PasswordError::Task)
}

/// Passwords of twelve characters or more that lists of leaked passwords rank among the
/// commonest (compared without case, spaces or punctuation).
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456123456",
    "123123123123",
    "000000000000",
    "111111111111",
    "qwertyuiopas",
    "qwertyuiop123",
    "qwerty123456",
    "azertyuiopqs",
    "azerty123456",
    "azertyuiop12",
    "passwordpassword",
    "password1234",
    "password123456",
    "motdepasse123",
    "motdepasse1234",
    "motdepassemotdepasse",
    "iloveyou1234",
    "abcdefghijkl",
    "abcdef123456",
    "abc123abc123",
    "letmein12345",
    "welcome12345",
    "bienvenue123",
    "bienvenue1234",
    "soleil123456",
    "football1234",
    "administrator",
    "administrateur",
    "changeme1234",
    "passerelle123",
    "passerelle2026",
    "passerelle2027",
    "mali12345678",
    "bamako123456",
];

/// The reason of a refused password in the page's language, as a sentence.
pub fn rule_message(lang: passerelle_templates::Lang, reason: (&str, &str)) -> String {
    match lang {
        passerelle_templates::Lang::Fr => format!("Mot de passe refusé : {}.", reason.0),
        passerelle_templates::Lang::En => format!("Password refused: {}.", reason.1),
    }
}

/// Checks the password rules that sign-up, reset and change share; returns the reason in
/// French and English when refused: 12 to 256 characters, not the address (nor its part
/// before `@`), not one character repeated, not one of the commonest passwords.
pub fn check_rules(password: &str, email: &str) -> Result<(), (&'static str, &'static str)> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(("au moins 12 caractères", "at least 12 characters"));
    }
    if password.chars().count() > 256 {
        return Err(("au plus 256 caractères", "at most 256 characters"));
    }
    let folded: String = password
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    let local_folded: String = local.chars().filter(|c| c.is_alphanumeric()).collect();
    if !email.is_empty()
        && (password.trim().eq_ignore_ascii_case(&email)
            || (local_folded.chars().count() >= 4 && folded == local_folded))
    {
        return Err(("ne doit pas être votre adresse", "must not be your address"));
    }
    let mut chars = folded.chars();
    let first = chars.next();
    if folded.is_empty() || chars.all(|c| Some(c) == first) || COMMON.contains(&folded.as_str()) {
        return Err((
            "trop courant : choisissez une phrase à vous",
            "too common: choose a phrase of your own",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_with_argon2id_and_verifies() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(
            verify("correct horse battery".into(), h.clone())
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse battery".into(), h).await.unwrap());
        assert!(!verify("x".into(), "not a hash".into()).await.unwrap());
    }

    #[test]
    fn refuses_short_passwords() {
        assert!(check_rules("short", "a@b.c").is_err());
        assert!(check_rules("long enough pass", "a@b.c").is_ok());
    }

    #[test]
    fn refuses_the_address_and_common_passwords() {
        assert!(check_rules("awa.traore@example.org", "awa.traore@example.org").is_err());
        assert!(check_rules("Awa.Traore2027", "awatraore2027@example.org").is_err());
        assert!(check_rules("Password 1234", "x@y.z").is_err());
        assert!(check_rules("aaaaaaaaaaaaaa", "x@y.z").is_err());
        assert!(check_rules("123456789012", "x@y.z").is_err());
        assert!(check_rules("balafon et kora 2027", "awa@example.org").is_ok());
    }
}
