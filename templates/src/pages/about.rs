//! About page: purpose of the platform, data sources and their attributions.

use crate::i18n::catalog::Site;
use crate::layout::{PageContext, page};
use crate::routes;
use maud::{Markup, html};

/// Data of the about page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AboutView {
    /// Who runs this instance ("Centre d'information et de gestion des migrations, Bamako").
    pub operator: String,
    /// Contact address of the operator, if published.
    pub contact_email: Option<String>,
}

const CC_BY: &str = "https://creativecommons.org/licenses/by/4.0/";

/// The about page.
pub fn about(ctx: &PageContext, v: &AboutView) -> Markup {
    let body = html! {
        h1 { (ctx.t(Site::AboutTitle)) }
        p.lead { (ctx.t(Site::AboutLead)) }
        p { (ctx.t(Site::AboutMatching)) }
        p { (ctx.t(Site::AboutPrivacy)) }
        @if !v.operator.is_empty() {
            p { (ctx.t(Site::AboutOperator)) " " (v.operator)
                @if let Some(e) = &v.contact_email { " — " a href={ "mailto:" (e) } { (e) } } }
        }
        h2 #sources { (ctx.t(Site::SourcesTitle)) }
        section {
            h3 { a href="https://esco.ec.europa.eu/" { "ESCO" } }
            p { (ctx.t(Site::SourceEsco)) }
            p.small { (ctx.t(Site::Licence)) " " a href=(CC_BY) { "CC BY 4.0" } " — " (ctx.t(Site::SourceEscoModified)) }
        }
        section {
            h3 { a href="https://whosonfirst.org/" { "Who's On First" } " · OCHA / DNCT" }
            p { (ctx.t(Site::SourceBoundaries)) }
            p.small { (ctx.t(Site::Licence)) " " a href=(CC_BY) { "CC BY 4.0" } " · "
                a href="https://whosonfirst.org/docs/licenses/" { (ctx.t(Site::WofLicence)) } }
        }
        section {
            h3 { a href="https://www.geonames.org/" { "GeoNames" } }
            p { (ctx.t(Site::SourceGeonames)) }
            p.small { (ctx.t(Site::Licence)) " " a href=(CC_BY) { "CC BY 4.0" } }
        }
        p { (ctx.t(Site::SourcesModified)) }
        h2 { (ctx.t(Site::AboutApi)) }
        p { a href=(routes::API_DOCS) { (ctx.t(Site::AboutApiLink)) } }
    };
    page(ctx, ctx.t(Site::AboutTitle), body)
}
