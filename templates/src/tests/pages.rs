//! Every page renders, in both languages, and passes the structural checks.

use super::checks::{ALL, each};
use super::sample::*;
use crate::i18n::Lang;
use crate::model::*;
use crate::pages::*;
use crate::pages::{
    about::AboutView, account::*, home::HomeView, login::LoginView, password::*, signup::*,
};

#[test]
fn home_and_about_render() {
    let v = HomeView {
        experts: 1234,
        missions: 1,
        projects: 0,
        connections: 56,
        latest_missions: (1..4).map(mission_card).collect(),
        latest_projects: (1..4).map(project_card).collect(),
        demo_accounts: vec![],
    };
    let h = each(ALL, |c| home(c, &v).into_string());
    assert!(
        h.contains("1\u{202F}234") && h.contains("mission publiée") && h.contains("projet publié")
    );
    let a = each(&[None], |c| {
        about(
            c,
            &AboutView {
                operator: "CIGEM".into(),
                contact_email: Some("a@b.ml".into()),
            },
        )
        .into_string()
    });
    for s in [
        "© Union européenne",
        "CC BY 4.0",
        "Who’s On First",
        "GeoNames",
        "OCHA",
    ] {
        assert!(a.contains(s), "{s}");
    }
}

#[test]
fn auth_pages_render_with_errors_and_keep_values() {
    let l = each(&[None], |c| {
        login(
            c,
            &LoginView {
                email: "a@b.c".into(),
                next: Some("/me".into()),
                errors: errors(&["email"]),
            },
        )
        .into_string()
    });
    assert!(l.contains("value=\"a@b.c\"") && l.contains("aria-invalid=\"true\""));
    let s = SignupView {
        role: "association".into(),
        name: "Awa".into(),
        email: "x@y.z".into(),
        language: Lang::En,
        errors: errors(&["password"]),
    };
    let s = each(&[None], |c| signup(c, &s).into_string());
    assert!(s.contains("value=\"association\" checked"));
    each(&[None], |c| {
        forgot_password(
            c,
            &ForgotPasswordView {
                sent: true,
                ..Default::default()
            },
        )
        .into_string()
    });
    each(&[None], |c| {
        forgot_password(
            c,
            &ForgotPasswordView {
                errors: errors(&["email"]),
                ..Default::default()
            },
        )
        .into_string()
    });
    each(&[None], |c| {
        reset_password(
            c,
            &ResetPasswordView {
                token: "t".into(),
                errors: errors(&["password"]),
            },
        )
        .into_string()
    });
    each(&[Some(Role::Expert)], |c| {
        verify_email_notice(
            c,
            &VerifyEmailView {
                email: "x@y.z".into(),
            },
        )
        .into_string()
    });
    let acc = AccountView {
        email: "x@y.z".into(),
        pending_email: Some("n@y.z".into()),
        email_errors: errors(&["new_email"]),
        ..Default::default()
    };
    each(ALL, |c| account_settings(c, &acc).into_string());
}

#[test]
fn lists_render_with_facets_and_pagination() {
    let m = each(ALL, |c| {
        missions_list(c, &list((0..20).map(mission_card).collect())).into_string()
    });
    assert!(m.contains("rel=\"prev\"") && m.contains("rel=\"next\"") && m.contains("Kayes (37)"));
    assert!(m.contains(
        "href=\"/missions?q=hydrog%C3%A9ologie%20%26%20forage&amp;region=kayes&amp;language=en"
    ));
    each(ALL, |c| {
        projects_list(c, &list((0..20).map(project_card).collect())).into_string()
    });
    each(
        &[Some(Role::InstitutionMember), Some(Role::Moderator)],
        |c| experts_list(c, &list((0..20).map(expert_card).collect())).into_string(),
    );
    each(&[None], |c| {
        missions_list(c, &list(Vec::new())).into_string()
    });
}

#[test]
fn details_render_for_visitors_experts_and_owners() {
    let m = each(&[Some(Role::Expert)], |c| {
        mission_detail(c, &mission_view(false)).into_string()
    });
    assert!(
        m.contains("action=\"/missions/M0001/interest\"")
            && m.contains("80\u{202F}%")
            && m.contains("3 jours")
            && m.contains("action=\"/reports\"")
            && m.contains("value=\"mission\"")
    );
    let o = each(&[Some(Role::InstitutionMember)], |c| {
        mission_detail(c, &mission_view(true)).into_string()
    });
    assert!(
        o.contains("/missions/M0001/invite")
            && o.contains("/missions/M0001/close")
            && o.contains("<progress")
    );
    let p = each(&[Some(Role::Expert)], |c| {
        project_detail(c, &project_view(false)).into_string()
    });
    assert!(
        p.contains("<progress max=\"48000\" value=\"12500\"")
            && p.contains("/projects/P0001/pledges")
    );
    let q = each(&[Some(Role::AssociationMember)], |c| {
        project_detail(c, &project_view(true)).into_string()
    });
    assert!(q.contains("/projects/P0001/pledges/G001/confirm"));
    let anon = each(&[None], |c| {
        mission_detail(
            c,
            &MissionDetailView {
                interest: None,
                ..mission_view(false)
            },
        )
        .into_string()
    });
    assert!(!anon.contains("/reports") && !anon.contains("/interest"));
    assert!(!o.contains("action=\"/reports\""));
}

use crate::pages::mission_detail::MissionDetailView;

#[test]
fn statistics_page_wraps_the_stats_body() {
    let v = crate::stats::page::StatisticsView::default();
    let h = each(ALL, |c| statistics(c, &v).into_string());
    assert!(
        h.contains("<a href=\"/statistics\" aria-current=\"page\">") || h.contains("Statistiques")
    );
}
