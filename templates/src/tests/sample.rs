//! Realistic sample data for every view.

use crate::components::cards::{ExpertCard, MissionCard, ProjectCard};
use crate::components::connection::{ConnectionView, ReportState};
use crate::components::opportunity::{InterestView, RankedExpert, Responsiveness};
use crate::components::search::{Facet, FacetKind, FacetOption, ListView, Pagination};
use crate::i18n::Lang;
use crate::layout::{Flash, FlashKind, PageContext, UserView};
use crate::model::*;
use crate::pages::mission_detail::{InterestForm, MissionDetailView, OwnerPanel};
use crate::pages::project_detail::{PledgeForm, PledgeView, ProjectDetailView};
use time::macros::date;

pub fn ctx(lang: Lang, role: Option<Role>) -> PageContext {
    PageContext {
        lang,
        user: role.map(|role| UserView {
            display_name: "Awa Traoré".into(),
            role,
            organisation_verified: true,
        }),
        csrf_token: "tok-123".into(),
        current_path: "/missions?q=eau".into(),
        flash: vec![Flash {
            kind: FlashKind::Success,
            text: "Profil enregistré.".into(),
        }],
    }
}

pub fn errors(fields: &[&str]) -> FieldErrors {
    FieldErrors(
        fields
            .iter()
            .map(|f| ((*f).to_owned(), format!("Le champ {f} est invalide.")))
            .collect(),
    )
}

pub fn mission_card(i: usize) -> MissionCard {
    MissionCard {
        reference: format!("M{i:04}"),
        title: format!("Cours d’hydrogéologie appliquée aux forages villageois, module {i}"),
        institution: "Université des sciences, des techniques et des technologies de Bamako".into(),
        discipline: Some("sciences de la terre".into()),
        region: "segou".into(),
        language: "fr".into(),
        start: date!(2027 - 03 - 03),
        end: date!(2027 - 03 - 21),
        mode: Mode::Onsite,
        status: if i.is_multiple_of(5) {
            Status::Filled
        } else {
            Status::Published
        },
    }
}

pub fn project_card(i: usize) -> ProjectCard {
    ProjectCard {
        reference: format!("P{i:04}"),
        title: format!("Forage et château d’eau solaire pour le village {i}"),
        association: "Association des ressortissants de Diéma en France".into(),
        sector: "water".into(),
        region: "kayes".into(),
        commune: Some("Diéma".into()),
        funding_sought_eur: Some(48_000),
        pledged_eur: 12_500,
        status: Status::Published,
    }
}

pub fn expert_card(i: usize) -> ExpertCard {
    ExpertCard {
        reference: format!("E{i:04}"),
        name: format!("Dr Moussa Keïta {i}"),
        headline: "Maître de conférences en hydrogéologie, Université de Lyon".into(),
        residence_country: "FR".into(),
        home_region: Some("kayes".into()),
        skills: vec![
            "hydrogéologie".into(),
            "SIG".into(),
            "forage".into(),
            "teaching statistics".into(),
        ],
        languages: vec!["fr".into(), "bm".into(), "snk".into()],
    }
}

pub fn facets() -> Vec<Facet> {
    let opts = |vals: &[&str]| {
        vals.iter()
            .enumerate()
            .map(|(i, v)| FacetOption {
                value: (*v).into(),
                count: 40 - i as u64 * 3,
                selected: i == 1,
            })
            .collect()
    };
    vec![
        Facet {
            kind: FacetKind::Region,
            options: opts(&[
                "bamako",
                "kayes",
                "koulikoro",
                "sikasso",
                "segou",
                "mopti",
                "tombouctou",
                "gao",
                "kidal",
                "menaka",
                "taoudenit",
            ]),
        },
        Facet {
            kind: FacetKind::Language,
            options: opts(&["fr", "en", "bm", "ar"]),
        },
        Facet {
            kind: FacetKind::Discipline,
            options: opts(&[
                "médecine",
                "agronomie",
                "sciences de la terre",
                "informatique",
                "économie",
            ]),
        },
        Facet {
            kind: FacetKind::Mode,
            options: opts(&["onsite", "remote"]),
        },
    ]
}

pub fn list<T>(items: Vec<T>) -> ListView<T> {
    ListView {
        q: "hydrogéologie & forage".into(),
        facets: facets(),
        items,
        pagination: Pagination {
            page: 2,
            per_page: 20,
            total: 97,
        },
    }
}

fn reasons() -> Vec<String> {
    vec![
        "Enseigne l’hydrogéologie (compétence demandée : « hydrogeology »).".into(),
        "Disponible du 1er au 31 mars 2027.".into(),
        "Parle français, la langue d’enseignement.".into(),
        "Originaire de la région de Ségou.".into(),
    ]
}

pub fn owner_panel(n: usize) -> OwnerPanel {
    OwnerPanel {
        awaiting_verification: false,
        ranked: (0..n)
            .map(|i| RankedExpert {
                reference: format!("E{i:04}"),
                name: format!("Dr Aminata Diallo {i}"),
                headline: "Hydrogéologue, BRGM Orléans".into(),
                score: 92 - i as u8,
                reasons: reasons(),
                invited: i == 0,
            })
            .collect(),
        interests: (0..n / 2)
            .map(|i| InterestView {
                reference: format!("C{i:04}"),
                expert_ref: format!("E{i:04}"),
                expert_name: format!("Oumar Sissoko {i}"),
                message:
                    "Je peux assurer le module en mars, avec des travaux pratiques sur le terrain."
                        .into(),
                sent_on: date!(2027 - 01 - 12),
                state: if i == 0 {
                    ConnectionState::Accepted
                } else {
                    ConnectionState::Pending
                },
            })
            .collect(),
    }
}

pub fn mission_view(owner: bool) -> MissionDetailView {
    MissionDetailView {
        reference: "M0001".into(),
        title: "Cours d’hydrogéologie appliquée".into(),
        institution: "USTTB, Faculté des sciences et techniques".into(),
        description: "Module de 30 heures pour les étudiants de master 1.\nTravaux pratiques sur les forages de la région.".into(),
        skills: vec!["hydrogéologie".into(), "modélisation des nappes".into(), "SIG".into()],
        discipline: Some("sciences de la terre".into()),
        level: Some("master".into()),
        language: "fr".into(),
        region: "bamako".into(),
        start: date!(2027 - 03 - 03),
        end: date!(2027 - 03 - 21),
        mode: Mode::Onsite,
        status: Status::Published,
        responsiveness: Some(Responsiveness { answered_pct: 80, median_days: 3 }),
        interest: (!owner).then(|| InterestForm { already_sent: false, message: "Bonjour".into(), errors: errors(&["message"]) }),
        owner: owner.then(|| owner_panel(20)),
    }
}

pub fn project_view(owner: bool) -> ProjectDetailView {
    ProjectDetailView {
        reference: "P0001".into(),
        title: "Forage solaire à Diéma".into(),
        association: "Association des ressortissants de Diéma en France".into(),
        description: "Un forage équipé d’une pompe solaire et d’un château d’eau de 20 m³.".into(),
        sector: "water".into(),
        skills: vec!["hydraulique villageoise".into(), "énergie solaire".into()],
        region: "kayes".into(),
        commune: Some("Diéma".into()),
        language: Some("snk".into()),
        budget_eur: Some(60_000),
        funding_sought_eur: Some(48_000),
        pledged_confirmed_eur: 12_500,
        pledged_pending_eur: 3_000,
        start: Some(date!(2027 - 01 - 10)),
        end: None,
        status: Status::Published,
        responsiveness: None,
        interest: (!owner).then(InterestForm::default),
        pledge: (!owner).then(|| PledgeForm {
            amount_eur: "abc".into(),
            errors: errors(&["amount_eur"]),
            ..PledgeForm::default()
        }),
        owner: owner.then(|| owner_panel(20)),
        pledges: (0..if owner { 15 } else { 0 })
            .map(|i| PledgeView {
                reference: format!("G{i:03}"),
                from_name: format!("Mamadou Coulibaly {i}"),
                amount_eur: Some(500 + i as u64 * 100),
                skill_offer: (i % 3 == 0).then(|| "suivi de chantier".into()),
                message: "Pour le village de mes parents.".into(),
                made_on: date!(2027 - 02 - 01),
                confirmed: i % 2 == 0,
            })
            .collect(),
    }
}

pub fn connection(i: usize, state: ConnectionState) -> ConnectionView {
    ConnectionView {
        reference: format!("C{i:04}"),
        kind: if i.is_multiple_of(2) {
            Kind::Mission
        } else {
            Kind::Project
        },
        opportunity_ref: format!("M{i:04}"),
        opportunity_title: "Cours d’hydrogéologie appliquée".into(),
        counterpart: "USTTB".into(),
        counterpart_ref: None,
        state,
        awaiting_me: state == ConnectionState::Pending,
        contact: (state == ConnectionState::Accepted).then(|| ContactView {
            email: "contact@usttb.edu.ml".into(),
            phone: Some("+223 20 22 00 00".into()),
        }),
        report: if state == ConnectionState::Accepted {
            ReportState::Due
        } else {
            ReportState::NotDue
        },
        updated_on: date!(2027 - 02 - 14),
    }
}
