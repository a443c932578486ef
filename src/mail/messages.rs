//! The messages of accounts and matches: address verification, password reset, a new
//! matching opportunity, the weekly digest. Each builder is pure: it takes the recipient's
//! language and only data the recipient may see, and returns a message for `enqueue`.
//! Connection, pledge and organisation messages are in `notices`.

use sha2::{Digest, Sha256};

use super::layout::{Content, Item, render_html, render_text};
use super::{Kind, Lang, OutgoingMessage};

pub use super::notices::{
    ConnectionNotice, connection_answered, interest_received, invitation_received,
    organisation_verified, pledge_confirmed,
};

/// Who a message goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Address.
    pub email: String,
    /// Language of the message.
    pub lang: Lang,
    /// Name for the greeting, when known.
    pub name: Option<String>,
}

impl Recipient {
    /// A recipient from a user's address, language code ("fr"/"en") and display name.
    pub fn new(email: &str, lang: &str, name: Option<&str>) -> Recipient {
        Recipient {
            email: email.to_string(),
            lang: Lang::from_code(lang),
            name: name.map(str::to_string).filter(|n| !n.trim().is_empty()),
        }
    }

    pub(crate) fn greeting(&self) -> String {
        match (self.lang, &self.name) {
            (Lang::Fr, Some(n)) => format!("Bonjour {n},"),
            (Lang::Fr, None) => "Bonjour,".into(),
            (Lang::En, Some(n)) => format!("Hello {n},"),
            (Lang::En, None) => "Hello,".into(),
        }
    }

    /// The normalised address, for dedup keys.
    pub(crate) fn key(&self) -> String {
        crate::store::users::normalise_email(&self.email)
    }

    pub(crate) fn pick(&self, fr: &str, en: &str) -> String {
        match self.lang {
            Lang::Fr => fr.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

/// The public address of the site, for links in messages.
#[derive(Debug, Clone)]
pub struct Site {
    /// Base URL without a trailing slash, e.g. `https://passerelle.example.org`.
    pub base_url: String,
}

impl Site {
    /// A site from its public URL.
    pub fn new(base_url: &str) -> Site {
        Site {
            base_url: base_url.trim_end_matches('/').to_string(),
        }
    }

    /// The one-click unsubscribe URL of a token.
    pub fn unsubscribe_url(&self, token: &str) -> String {
        format!(
            "{}{}",
            self.base_url,
            passerelle_templates::routes::fill(passerelle_templates::routes::UNSUBSCRIBE, &[token])
        )
    }
}

/// A new matching opportunity, as the expert may see it.
#[derive(Debug, Clone)]
pub struct MatchNotice {
    /// Ref of the mission or project (the same match is never emailed twice).
    pub opportunity_ref: String,
    /// Title of the mission or project.
    pub title: String,
    /// The university, institute or association behind it.
    pub organisation: String,
    /// Why it matches, one sentence each, in the expert's language.
    pub reasons: Vec<String>,
    /// Link to the opportunity.
    pub url: String,
}

/// A short, stable fingerprint of a value, for dedup keys that must not hold secrets.
pub(crate) fn fingerprint(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// Turns rendered content into a message for the outbox.
pub(crate) fn finish(
    to: &Recipient,
    kind: Kind,
    dedup_key: String,
    content: Content,
) -> OutgoingMessage {
    OutgoingMessage {
        to: to.email.clone(),
        lang: to.lang,
        kind,
        subject: content.subject.clone(),
        text: render_text(&content),
        html: render_html(&content),
        unsubscribe_url: content.unsubscribe_url.clone(),
        dedup_key,
    }
}

/// An empty content in the recipient's language.
pub(crate) fn content(to: &Recipient, subject: String) -> Content {
    Content {
        lang: to.lang,
        subject,
        greeting: to.greeting(),
        paragraphs: Vec::new(),
        items: Vec::new(),
        action: None,
        after: Vec::new(),
        unsubscribe_url: None,
    }
}

/// "Confirm your address": the link of a verification token.
pub fn address_verification(to: &Recipient, link: &str) -> OutgoingMessage {
    let mut c = content(
        to,
        to.pick(
            "Confirmez votre adresse e-mail",
            "Confirm your email address",
        ),
    );
    c.paragraphs.push(to.pick(
        "Bienvenue sur Passerelle. Pour activer votre compte, confirmez votre adresse e-mail.",
        "Welcome to Passerelle. To activate your account, confirm your email address.",
    ));
    c.action = Some((
        to.pick("Confirmer mon adresse", "Confirm my address"),
        link.into(),
    ));
    c.after.push(to.pick(
        "Si vous n'avez pas créé de compte, ignorez ce message.",
        "If you did not create an account, ignore this message.",
    ));
    let key = format!("verify:{}", fingerprint(link));
    finish(to, Kind::Verify, key, c)
}

/// "Reset your password": the link of a reset token.
pub fn password_reset(to: &Recipient, link: &str) -> OutgoingMessage {
    let mut c = content(
        to,
        to.pick("Réinitialisez votre mot de passe", "Reset your password"),
    );
    c.paragraphs.push(to.pick(
        "Vous avez demandé à changer votre mot de passe Passerelle. Ce lien n'est valable qu'une fois et pour peu de temps.",
        "You asked to change your Passerelle password. This link works once and for a short time.",
    ));
    c.action = Some((
        to.pick("Choisir un nouveau mot de passe", "Choose a new password"),
        link.into(),
    ));
    c.after.push(to.pick(
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
        "If you did not ask, ignore this message: your password stays the same.",
    ));
    let key = format!("reset:{}", fingerprint(link));
    finish(to, Kind::Reset, key, c)
}

/// "Someone tried to create an account with your address": sent instead of saying on the
/// sign-up page that the address is taken, so the page tells nobody who has an account.
pub fn signup_with_existing_address(to: &Recipient, login: &str, reset: &str) -> OutgoingMessage {
    let mut c = content(
        to,
        to.pick(
            "Vous avez déjà un compte Passerelle",
            "You already have a Passerelle account",
        ),
    );
    c.paragraphs.push(to.pick(
        "Quelqu'un, peut-être vous, a voulu créer un compte Passerelle avec cette adresse. Un compte existe déjà : connectez-vous, ou choisissez un nouveau mot de passe si vous l'avez oublié.",
        "Someone, perhaps you, tried to create a Passerelle account with this address. An account already exists: sign in, or choose a new password if you forgot it.",
    ));
    c.action = Some((to.pick("Se connecter", "Sign in"), login.into()));
    c.after.push(match to.lang {
        Lang::Fr => format!("Mot de passe oublié : {reset}"),
        Lang::En => format!("Forgotten password: {reset}"),
    });
    c.after.push(to.pick(
        "Si ce n'était pas vous, ignorez ce message : rien n'a changé.",
        "If it was not you, ignore this message: nothing changed.",
    ));
    let key = format!("signup-exists:{}", uuid::Uuid::new_v4().simple());
    finish(to, Kind::Verify, key, c)
}

/// "A new opportunity matches your profile", with the reasons as a list.
pub fn match_found(to: &Recipient, notice: &MatchNotice, unsubscribe_url: &str) -> OutgoingMessage {
    let subject = match to.lang {
        Lang::Fr => format!("Nouvelle proposition : {}", notice.title),
        Lang::En => format!("New opportunity: {}", notice.title),
    };
    let mut c = content(to, subject);
    c.paragraphs.push(match to.lang {
        Lang::Fr => format!(
            "« {} » ({}) correspond à votre profil.",
            notice.title, notice.organisation
        ),
        Lang::En => format!(
            "“{}” ({}) matches your profile.",
            notice.title, notice.organisation
        ),
    });
    if !notice.reasons.is_empty() {
        c.paragraphs
            .push(to.pick("Pourquoi cette proposition :", "Why this opportunity:"));
        c.items = notice
            .reasons
            .iter()
            .map(|r| Item {
                text: r.clone(),
                url: None,
            })
            .collect();
    }
    c.action = Some((
        to.pick("Voir la proposition", "See the opportunity"),
        notice.url.clone(),
    ));
    c.unsubscribe_url = Some(unsubscribe_url.to_string());
    let key = format!("match:{}:{}", to.key(), notice.opportunity_ref);
    finish(to, Kind::Match, key, c)
}

/// The weekly digest: several matches, one line each; `dedup_key` names the batch.
pub fn weekly_digest(
    to: &Recipient,
    items: &[Item],
    dedup_key: &str,
    unsubscribe_url: &str,
) -> OutgoingMessage {
    let subject = match (to.lang, items.len()) {
        (Lang::Fr, 1) => "Votre semaine sur Passerelle : 1 nouvelle proposition".to_string(),
        (Lang::Fr, n) => format!("Votre semaine sur Passerelle : {n} nouvelles propositions"),
        (Lang::En, 1) => "Your week on Passerelle: 1 new opportunity".to_string(),
        (Lang::En, n) => format!("Your week on Passerelle: {n} new opportunities"),
    };
    let mut c = content(to, subject);
    c.paragraphs.push(to.pick(
        "Voici les missions et projets qui correspondent à votre profil cette semaine :",
        "Here are the missions and projects that matched your profile this week:",
    ));
    c.items = items.to_vec();
    c.unsubscribe_url = Some(unsubscribe_url.to_string());
    finish(to, Kind::Digest, dedup_key.to_string(), c)
}
