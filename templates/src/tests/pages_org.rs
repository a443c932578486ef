//! Expert, organisation, moderation and error pages; escaping and navigation.

use super::checks::each;
use super::sample::*;
use crate::i18n::Lang;
use crate::model::*;
use crate::pages::*;
use crate::pages::{
    errors::*, expert_dashboard::*, expert_form::*, expert_profile::*, home::HomeView,
    mission_form::*, moderation::*, org_dashboard::*, org_form::*, project_form::*, report_form::*,
};
use time::macros::{date, datetime};

fn profile(contact: Option<ContactView>) -> ExpertProfileView {
    ExpertProfileView {
        reference: "E0001".into(),
        name: "Dr Moussa Keïta".into(),
        headline: "Maître de conférences en hydrogéologie".into(),
        bio: Some("Né à Kayes.".into()),
        skills: vec!["hydrogéologie".into()],
        disciplines: vec!["earth sciences".into()],
        languages: vec!["fr".into(), "snk".into()],
        residence_country: "FR".into(),
        residence_city: Some("Lyon".into()),
        home_region: Some("kayes".into()),
        home_commune: Some("Diéma".into()),
        degree: Some("PhD".into()),
        availability: vec![DateWindow {
            from: date!(2027 - 03 - 01),
            to: date!(2027 - 03 - 31),
        }],
        modes: vec![Mode::Onsite, Mode::Remote],
        offers: vec![Offer::Teaching, Offer::Mentoring],
        completed_missions: 3,
        contact,
    }
}

#[test]
fn expert_pages_render_and_hide_contact_unless_given() {
    let hidden = each(&[Some(Role::InstitutionMember)], |c| {
        expert_profile(c, &profile(None)).into_string()
    });
    assert!(!hidden.contains("mailto:"));
    let shown = each(&[Some(Role::InstitutionMember)], |c| {
        expert_profile(
            c,
            &profile(Some(ContactView {
                email: "m@k.fr".into(),
                phone: None,
            })),
        )
        .into_string()
    });
    assert!(shown.contains("mailto:m@k.fr") && shown.contains("Soninké".to_lowercase().as_str()));
    let d = ExpertDashboardView {
        name: "Moussa".into(),
        profile_gaps: vec!["Disponibilités".into()],
        recommendations: vec![Recommendation {
            kind: Kind::Mission,
            reference: "M0001".into(),
            title: "Cours".into(),
            organisation: "USTTB".into(),
            dates: Some((date!(2027 - 03 - 03), date!(2027 - 03 - 21))),
            score: Some(87),
            reasons: vec!["Parle bambara.".into()],
        }],
        connections: vec![
            connection(1, ConnectionState::Pending),
            connection(2, ConnectionState::Accepted),
            connection(3, ConnectionState::Declined),
        ],
        notifications: NotificationPref::WeeklyDigest,
        completed_missions: 2,
    };
    let h = each(&[Some(Role::Expert)], |c| {
        expert_dashboard(c, &d).into_string()
    });
    assert!(
        h.contains("/connections/C0001/accept")
            && h.contains("mailto:contact@usttb.edu.ml")
            && h.contains("/connections/C0002/report")
    );
    assert!(h.contains("value=\"weekly\" checked") && h.contains("/account/export.json"));
    let f = ExpertFormView {
        name: "Moussa".into(),
        skills: "hydrogéologie\nSIG".into(),
        skill_suggestions: vec!["hydrogeology".into(), "hydrogéologie".into()],
        languages: vec!["fr".into(), "bm".into()],
        availability: vec![("2027-03-01".into(), "2027-03-31".into())],
        modes: vec!["remote".into()],
        offers: vec!["teaching".into()],
        home_region: "kayes".into(),
        errors: errors(&["headline", "avail_to_0", "availability"]),
        ..Default::default()
    };
    let fh = each(&[Some(Role::Expert)], |c| expert_form(c, &f).into_string());
    assert!(
        fh.contains("name=\"avail_from_2\"") && fh.contains("<datalist id=\"skill-suggestions\">")
    );
    assert!(fh.contains("value=\"kayes\" selected") && fh.contains("value=\"bm\" checked"));
}

#[test]
fn organisation_pages_render() {
    let mf = MissionFormView {
        reference: Some("M0001".into()),
        title: "T".into(),
        mode: "onsite".into(),
        region: "remote".into(),
        errors: errors(&["start"]),
        ..Default::default()
    };
    let m = each(&[Some(Role::InstitutionMember)], |c| {
        mission_form(c, &mf).into_string()
    });
    assert!(
        m.contains("action=\"/missions/M0001/edit\"") && m.contains("value=\"remote\" selected")
    );
    let pf = ProjectFormView {
        budget_eur: "60000".into(),
        errors: errors(&["sector"]),
        ..Default::default()
    };
    let p = each(&[Some(Role::AssociationMember)], |c| {
        project_form(c, &pf).into_string()
    });
    assert!(p.contains("action=\"/projects/new\"") && p.contains("value=\"60000\""));
    each(&[Some(Role::AssociationMember)], |c| {
        org_form(
            c,
            &OrgFormView {
                is_new: true,
                errors: errors(&["name"]),
                ..Default::default()
            },
        )
        .into_string()
    });
    let d = OrgDashboardView {
        name: "Association des ressortissants de Diéma".into(),
        kind: OrgKind::Association,
        verification: Verification::Pending,
        responsiveness: None,
        postings: vec![PostingRow {
            kind: Kind::Project,
            reference: "P1".into(),
            title: "Forage".into(),
            status: Status::Draft,
            dates: None,
            interests: 2,
            matches: 14,
        }],
        connections: vec![connection(4, ConnectionState::Accepted)],
        pending_pledges: vec![PendingPledge {
            project_ref: "P1".into(),
            project_title: "Forage".into(),
            pledge_ref: "G1".into(),
            from_name: "Awa".into(),
            amount_eur: Some(250),
            skill_offer: None,
            made_on: date!(2027 - 01 - 02),
        }],
    };
    let h = each(&[Some(Role::AssociationMember)], |c| {
        org_dashboard(c, &d).into_string()
    });
    assert!(
        h.contains("En attente de vérification par un modérateur")
            && h.contains("/projects/P1/pledges/G1/confirm")
    );
    let r = ReportFormView {
        connection_ref: "C1".into(),
        kind: Kind::Mission,
        opportunity_title: "Cours".into(),
        counterpart: "USTTB".into(),
        what_done: "30 h".into(),
        how_it_went: String::new(),
        people_trained: "45".into(),
        courses_delivered: String::new(),
        theses_supervised: "x".into(),
        milestones_reached: String::new(),
        errors: errors(&["theses_supervised"]),
    };
    each(&[Some(Role::Expert)], |c| report_form(c, &r).into_string());
}

#[test]
fn moderation_and_error_pages_render() {
    let mut v = moderation_sample(3);
    v.pending_orgs[1].website = Some("javascript:alert(1)".into());
    let h = each(&[Some(Role::Moderator)], |c| {
        moderation(c, &v).into_string()
    });
    assert!(
        h.contains("/moderation/organisations/O0/verify")
            && h.contains("/moderation/emails/Q1/retry")
            && h.contains("a vérifié")
    );
    assert!(!h.contains("href=\"javascript:") && h.contains("href=\"https://ier.ml\""));
    each(&[Some(Role::Moderator)], |c| {
        moderation(c, &ModerationView::default()).into_string()
    });
    for kind in [
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::Unprocessable,
        ErrorKind::TooManyRequests,
        ErrorKind::Internal,
        ErrorKind::Unavailable,
    ] {
        let e = ErrorView {
            kind,
            request_id: Some("req-1".into()),
        };
        each(&[None, Some(Role::Expert)], |c| {
            error_page(c, &e).into_string()
        });
    }
}

pub fn moderation_sample(n: usize) -> ModerationView {
    ModerationView {
        pending_orgs: (0..n)
            .map(|i| PendingOrg {
                reference: format!("O{i}"),
                name: "Institut d’économie rurale".into(),
                kind: OrgKind::Institution,
                city: "Bamako".into(),
                country: "ML".into(),
                website: Some("https://ier.ml".into()),
                member_name: "Ibrahim".into(),
                member_email: "i@ier.ml".into(),
                submitted_on: date!(2027 - 01 - 05),
            })
            .collect(),
        reports: (0..n)
            .map(|i| ReportedItem {
                reference: format!("R{i}"),
                content: ContentKind::Project,
                content_ref: "P2".into(),
                title: "Projet douteux".into(),
                reason: "Annonce commerciale".into(),
                reported_by: "Awa".into(),
                reported_on: date!(2027 - 01 - 06),
                hidden: i % 2 == 1,
            })
            .collect(),
        failed_emails: (0..n)
            .map(|i| FailedEmail {
                reference: format!("Q{i}"),
                recipient: "a•••@example.org".into(),
                subject: "Nouvelle mission".into(),
                attempts: 5,
                last_error: "550 mailbox unavailable".into(),
                last_attempt: datetime!(2027-01-07 08:30),
            })
            .collect(),
        audit: (0..n)
            .map(|i| AuditEntry {
                who: "Modérateur CIGEM".into(),
                action: if i == 2 {
                    AuditAction::Other("a fusionné deux comptes".into())
                } else {
                    AuditAction::VerifiedOrg
                },
                target: "IER".into(),
                at: datetime!(2027-01-07 09:00),
            })
            .collect(),
    }
}

#[test]
fn user_text_is_escaped() {
    let evil = "<script>alert(1)</script>";
    let mut m = mission_view(true);
    m.title = evil.into();
    m.description = evil.into();
    let mut c = ctx(Lang::Fr, Some(Role::InstitutionMember));
    c.flash[0].text = evil.into();
    c.current_path = "/x?\"><script>".into();
    let html = mission_detail(&c, &m).into_string();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
}

#[test]
fn navigation_depends_on_the_user() {
    let anon = home(&ctx(Lang::Fr, None), &HomeView::default()).into_string();
    assert!(
        anon.contains("Se connecter")
            && !anon.contains("href=\"/experts\"")
            && !anon.contains("/logout")
    );
    let mut c = ctx(Lang::En, Some(Role::InstitutionMember));
    c.current_path = "/missions/M1".into();
    let org = home(&c, &HomeView::default()).into_string();
    assert!(
        org.contains("href=\"/experts\"")
            && org.contains("action=\"/logout\"")
            && org.contains("My organisation")
    );
    assert!(org.contains("<a href=\"/missions\" aria-current=\"page\">"));
    assert!(org.contains(
        "href=\"/lang/fr?next=%2Fmissions%2FM1\" lang=\"fr\" hreflang=\"fr\">Version française</a>"
    ));
    if let Some(u) = c.user.as_mut() {
        u.organisation_verified = false;
    }
    assert!(
        !home(&c, &HomeView::default())
            .into_string()
            .contains("href=\"/experts\"")
    );
    let m = home(&ctx(Lang::Fr, Some(Role::Moderator)), &HomeView::default()).into_string();
    assert!(m.contains("href=\"/moderation\"") && m.contains("href=\"/experts\""));
}
