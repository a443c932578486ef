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

/// Checks the password rules; returns the reason in French and English when refused.
pub fn check_rules(password: &str, email: &str) -> Result<(), (&'static str, &'static str)> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(("au moins 12 caractères", "at least 12 characters"));
    }
    if password.chars().count() > 256 {
        return Err(("au plus 256 caractères", "at most 256 characters"));
    }
    if !email.is_empty() && password.eq_ignore_ascii_case(email) {
        return Err(("ne doit pas être votre adresse", "must not be your address"));
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
}
