//! Small shared view types: roles, statuses, modes, offers, form errors.

use crate::i18n::catalog::C;
use crate::i18n::{Lang, t};

/// What kind of account a user has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A diaspora expert.
    Expert,
    /// A member of a university or research institute.
    InstitutionMember,
    /// A member of a hometown association.
    AssociationMember,
    /// A moderator of the migration centre.
    Moderator,
}

impl Role {
    /// True for members of an institution or an association.
    pub fn is_org_member(self) -> bool {
        matches!(self, Role::InstitutionMember | Role::AssociationMember)
    }
}

/// Life cycle of a mission or project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Visible only to its organisation.
    Draft,
    /// Public, open to interest and pledges.
    Published,
    /// Filled: experts found or funding raised.
    Filled,
    /// Closed by its organisation or a moderator.
    Closed,
}

impl Status {
    /// Localised label, agreeing with the kind ("Publiée" mission, "Publié" project; a filled project is "Financé").
    pub fn label(self, lang: Lang, kind: Kind) -> &'static str {
        t(
            lang,
            match (self, kind) {
                (Status::Draft, _) => C::StatusDraft,
                (Status::Published, Kind::Mission) => C::StatusPublishedMission,
                (Status::Published, Kind::Project) => C::StatusPublishedProject,
                (Status::Filled, Kind::Mission) => C::StatusFilledMission,
                (Status::Filled, Kind::Project) => C::StatusFilledProject,
                (Status::Closed, Kind::Mission) => C::StatusClosedMission,
                (Status::Closed, Kind::Project) => C::StatusClosedProject,
            },
        )
    }

    /// CSS class suffix ("draft", "published"…).
    pub fn css(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Filled => "filled",
            Status::Closed => "closed",
        }
    }
}

/// On site or remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// In Mali, in person.
    Onsite,
    /// At a distance.
    Remote,
}

impl Mode {
    /// Both modes in form order.
    pub const ALL: [Mode; 2] = [Mode::Onsite, Mode::Remote];

    /// Interchange-format code ("onsite", "remote").
    pub fn code(self) -> &'static str {
        match self {
            Mode::Onsite => "onsite",
            Mode::Remote => "remote",
        }
    }

    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Mode::Onsite => C::ModeOnsite,
                Mode::Remote => C::ModeRemote,
            },
        )
    }
}

/// What an expert offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Teaching.
    Teaching,
    /// Expertise or consulting.
    Expertise,
    /// Money for projects.
    Funding,
    /// Mentoring.
    Mentoring,
}

impl Offer {
    /// All offers in form order.
    pub const ALL: [Offer; 4] = [
        Offer::Teaching,
        Offer::Expertise,
        Offer::Funding,
        Offer::Mentoring,
    ];

    /// Interchange-format code.
    pub fn code(self) -> &'static str {
        match self {
            Offer::Teaching => "teaching",
            Offer::Expertise => "expertise",
            Offer::Funding => "funding",
            Offer::Mentoring => "mentoring",
        }
    }

    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Offer::Teaching => C::OfferTeaching,
                Offer::Expertise => C::OfferExpertise,
                Offer::Funding => C::OfferFunding,
                Offer::Mentoring => C::OfferMentoring,
            },
        )
    }
}

/// Whether a match is a mission or a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A teaching or research mission.
    Mission,
    /// A village project.
    Project,
}

impl Kind {
    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Kind::Mission => C::KindMission,
                Kind::Project => C::KindProject,
            },
        )
    }
}

/// State of a connection between an expert and an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionState {
    /// Awaiting the other side's answer.
    Pending,
    /// Accepted by both sides.
    Accepted,
    /// Declined.
    Declined,
}

impl ConnectionState {
    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                ConnectionState::Pending => C::ConnPending,
                ConnectionState::Accepted => C::ConnAccepted,
                ConnectionState::Declined => C::ConnDeclined,
            },
        )
    }
}

/// Field-level form errors: (field name, message), several per field allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    /// Messages for one field.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// True when `field` has at least one error.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| f == field)
    }

    /// True when there is no error at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<(String, String)>> for FieldErrors {
    fn from(v: Vec<(String, String)>) -> Self {
        FieldErrors(v)
    }
}

/// How often a user wants e-mails about new matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NotificationPref {
    /// One e-mail per event.
    #[default]
    Immediately,
    /// One weekly digest.
    WeeklyDigest,
    /// No e-mail.
    Never,
}

impl NotificationPref {
    /// All choices in form order.
    pub const ALL: [NotificationPref; 3] = [
        NotificationPref::Immediately,
        NotificationPref::WeeklyDigest,
        NotificationPref::Never,
    ];

    /// Form value ("immediately", "weekly", "never").
    pub fn code(self) -> &'static str {
        match self {
            NotificationPref::Immediately => "immediately",
            NotificationPref::WeeklyDigest => "weekly",
            NotificationPref::Never => "never",
        }
    }

    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                NotificationPref::Immediately => C::NotifImmediately,
                NotificationPref::WeeklyDigest => C::NotifWeekly,
                NotificationPref::Never => C::NotifNever,
            },
        )
    }
}

/// Contact details, shown only once a connection is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactView {
    /// E-mail address.
    pub email: String,
    /// Phone number, if given.
    pub phone: Option<String>,
}

/// An inclusive availability window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    /// First day.
    pub from: time::Date,
    /// Last day.
    pub to: time::Date,
}

/// Kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// University or research institute.
    Institution,
    /// Hometown association.
    Association,
}

impl OrgKind {
    /// Form value ("institution", "association").
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Institution => "institution",
            OrgKind::Association => "association",
        }
    }

    /// Localised label.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                OrgKind::Institution => C::OrgInstitution,
                OrgKind::Association => C::OrgAssociation,
            },
        )
    }
}

/// Verification state of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// Awaiting a moderator.
    Pending,
    /// Verified by a moderator.
    Verified,
    /// Rejected by a moderator.
    Rejected,
}
