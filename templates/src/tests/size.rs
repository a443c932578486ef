//! The heaviest page, HTML plus CSS, must stay under 50 KB gzip-compressed.

use super::sample::*;
use crate::assets::STYLE_CSS;
use crate::i18n::Lang;
use crate::model::Role;
use crate::pages::{mission_detail, missions_list, project_detail};
use flate2::{Compression, write::GzEncoder};
use std::io::Write;

fn gz(s: &str) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(s.as_bytes()).unwrap();
    e.finish().unwrap().len()
}

#[test]
fn heaviest_pages_stay_under_50_kb_compressed() {
    let css = gz(STYLE_CSS);
    let owner = project_detail(
        &ctx(Lang::Fr, Some(Role::AssociationMember)),
        &project_view(true),
    )
    .into_string();
    let list = missions_list(
        &ctx(Lang::Fr, None),
        &list((0..50).map(mission_card).collect()),
    )
    .into_string();
    let mission = mission_detail(
        &ctx(Lang::En, Some(Role::InstitutionMember)),
        &mission_view(true),
    )
    .into_string();
    for html in [owner, list, mission] {
        let total = gz(&html) + css;
        eprintln!("{} bytes raw, {total} bytes gzip with the CSS", html.len());
        assert!(
            total <= 50 * 1024,
            "{total} bytes compressed ({} raw)",
            html.len()
        );
    }
    assert!(css < 6 * 1024, "css {css}");
}

#[test]
#[ignore = "writes sample pages to /tmp/passerelle-pages for eyeballing"]
fn dump_sample_pages() {
    std::fs::create_dir_all("/tmp/passerelle-pages").unwrap();
    let c = ctx(Lang::Fr, Some(Role::AssociationMember));
    std::fs::write(
        "/tmp/passerelle-pages/project.html",
        project_detail(&c, &project_view(true)).into_string(),
    )
    .unwrap();
    let c = ctx(Lang::En, None);
    std::fs::write(
        "/tmp/passerelle-pages/missions.html",
        missions_list(&c, &list((0..3).map(mission_card).collect())).into_string(),
    )
    .unwrap();
    std::fs::write("/tmp/passerelle-pages/style.css", STYLE_CSS).unwrap();
    let c = ctx(Lang::Fr, Some(Role::Expert));
    let f = crate::pages::expert_form::ExpertFormView {
        errors: errors(&["headline"]),
        ..Default::default()
    };
    std::fs::write(
        "/tmp/passerelle-pages/expert_form.html",
        crate::pages::expert_form(&c, &f).into_string(),
    )
    .unwrap();
}
