//! The messages of connections, pledges and organisations: interest received, invitation
//! received, connection accepted or declined, pledge confirmed, organisation verified.

use super::messages::{Recipient, content, finish};
use super::{Kind, Lang, OutgoingMessage};

/// A connection between an expert and an organisation, as the recipient may see it.
#[derive(Debug, Clone)]
pub struct ConnectionNotice {
    /// The connection's row id.
    pub connection_id: i64,
    /// The other side: the expert's or the organisation's name.
    pub other_party: String,
    /// Title of the mission or project.
    pub opportunity_title: String,
    /// The other side's message, if any.
    pub message: Option<String>,
    /// Link to the connection on the site.
    pub url: String,
}

fn quoted_message(to: &Recipient, notice: &ConnectionNotice) -> Option<String> {
    notice
        .message
        .as_ref()
        .filter(|m| !m.trim().is_empty())
        .map(|m| match to.lang {
            Lang::Fr => format!("Son message : « {} »", m.trim()),
            Lang::En => format!("Their message: “{}”", m.trim()),
        })
}

/// To an organisation's member: an expert is interested in one of its opportunities.
pub fn interest_received(to: &Recipient, notice: &ConnectionNotice) -> OutgoingMessage {
    let subject = match to.lang {
        Lang::Fr => format!(
            "{} s'intéresse à « {} »",
            notice.other_party, notice.opportunity_title
        ),
        Lang::En => format!(
            "{} is interested in “{}”",
            notice.other_party, notice.opportunity_title
        ),
    };
    let mut c = content(to, subject.clone());
    c.paragraphs.push(match to.lang {
        Lang::Fr => format!("{subject}. Vous pouvez accepter ou décliner sur Passerelle."),
        Lang::En => format!("{subject}. You can accept or decline on Passerelle."),
    });
    c.paragraphs.extend(quoted_message(to, notice));
    c.action = Some((to.pick("Répondre", "Reply"), notice.url.clone()));
    let key = format!("interest:{}:{}", notice.connection_id, to.key());
    finish(to, Kind::Interest, key, c)
}

/// To an expert: an organisation invites them to one of its opportunities.
pub fn invitation_received(to: &Recipient, notice: &ConnectionNotice) -> OutgoingMessage {
    let subject = match to.lang {
        Lang::Fr => format!(
            "{} vous invite : « {} »",
            notice.other_party, notice.opportunity_title
        ),
        Lang::En => format!(
            "{} invites you: “{}”",
            notice.other_party, notice.opportunity_title
        ),
    };
    let mut c = content(to, subject);
    c.paragraphs.push(match to.lang {
        Lang::Fr => format!(
            "{} aimerait travailler avec vous sur « {} ». Vous pouvez accepter ou décliner sur Passerelle.",
            notice.other_party, notice.opportunity_title
        ),
        Lang::En => format!(
            "{} would like to work with you on “{}”. You can accept or decline on Passerelle.",
            notice.other_party, notice.opportunity_title
        ),
    });
    c.paragraphs.extend(quoted_message(to, notice));
    c.action = Some((
        to.pick("Voir l'invitation", "See the invitation"),
        notice.url.clone(),
    ));
    let key = format!("invitation:{}:{}", notice.connection_id, to.key());
    finish(to, Kind::Invitation, key, c)
}

/// To the side that asked: the other side accepted or declined.
pub fn connection_answered(
    to: &Recipient,
    notice: &ConnectionNotice,
    accepted: bool,
) -> OutgoingMessage {
    let (subject, body, kind) = match (to.lang, accepted) {
        (Lang::Fr, true) => (
            format!(
                "{} a accepté : « {} »",
                notice.other_party, notice.opportunity_title
            ),
            "Vous pouvez maintenant échanger et préparer la suite ensemble.",
            Kind::ConnectionAccepted,
        ),
        (Lang::Fr, false) => (
            format!(
                "{} a décliné : « {} »",
                notice.other_party, notice.opportunity_title
            ),
            "D'autres propositions vous attendent sur Passerelle.",
            Kind::ConnectionDeclined,
        ),
        (Lang::En, true) => (
            format!(
                "{} accepted: “{}”",
                notice.other_party, notice.opportunity_title
            ),
            "You can now get in touch and plan the next steps together.",
            Kind::ConnectionAccepted,
        ),
        (Lang::En, false) => (
            format!(
                "{} declined: “{}”",
                notice.other_party, notice.opportunity_title
            ),
            "Other opportunities are waiting for you on Passerelle.",
            Kind::ConnectionDeclined,
        ),
    };
    let mut c = content(to, subject.clone());
    c.paragraphs.push(format!("{subject}."));
    c.paragraphs.push(body.to_string());
    c.paragraphs.extend(quoted_message(to, notice));
    c.action = Some((
        to.pick("Voir la mise en relation", "See the connection"),
        notice.url.clone(),
    ));
    let key = format!("{}:{}:{}", kind.as_str(), notice.connection_id, to.key());
    finish(to, kind, key, c)
}

/// To a pledger: the association confirmed their pledge to a village project.
pub fn pledge_confirmed(
    to: &Recipient,
    pledge_id: i64,
    project_title: &str,
    association: &str,
    url: &str,
) -> OutgoingMessage {
    let subject = match to.lang {
        Lang::Fr => format!("Votre promesse pour « {project_title} » est confirmée"),
        Lang::En => format!("Your pledge to “{project_title}” is confirmed"),
    };
    let mut c = content(to, subject);
    c.paragraphs.push(match to.lang {
        Lang::Fr => format!(
            "{association} a confirmé votre promesse de soutien au projet « {project_title} ». Merci !"
        ),
        Lang::En => format!(
            "{association} confirmed your pledge to the project “{project_title}”. Thank you!"
        ),
    });
    c.action = Some((
        to.pick("Suivre le projet", "Follow the project"),
        url.into(),
    ));
    finish(
        to,
        Kind::PledgeConfirmed,
        format!("pledge_confirmed:{pledge_id}"),
        c,
    )
}

/// To an organisation's member: moderators verified the organisation.
pub fn organisation_verified(
    to: &Recipient,
    organisation_id: i64,
    organisation: &str,
    url: &str,
) -> OutgoingMessage {
    let subject = match to.lang {
        Lang::Fr => format!("{organisation} est vérifiée sur Passerelle"),
        Lang::En => format!("{organisation} is verified on Passerelle"),
    };
    let mut c = content(to, subject);
    c.paragraphs.push(to.pick(
        "Les modérateurs ont vérifié votre organisation : ses missions et projets sont désormais visibles par les experts de la diaspora.",
        "Moderators verified your organisation: its missions and projects are now visible to diaspora experts.",
    ));
    c.action = Some((
        to.pick("Publier une proposition", "Post an opportunity"),
        url.into(),
    ));
    let key = format!("organisation_verified:{organisation_id}:{}", to.key());
    finish(to, Kind::OrganisationVerified, key, c)
}
