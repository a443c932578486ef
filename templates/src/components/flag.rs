//! The "report this content" disclosure form shown on missions, projects and profiles.

use crate::components::csrf;
use crate::i18n::catalog::{Adm, F};
use crate::layout::PageContext;
use crate::pages::moderation::ContentKind;
use crate::routes;
use maud::{Markup, html};

/// A collapsed form to report content to moderators (signed-in users only; nothing for visitors).
pub fn flag_form(ctx: &PageContext, kind: ContentKind, reference: &str) -> Markup {
    html! {
        @if ctx.user.is_some() {
            details.flag {
                summary { (ctx.t(Adm::ReportThis)) }
                form method="post" action=(routes::REPORT_CONTENT) {
                    (csrf(ctx))
                    input type="hidden" name="content_kind" value=(kind.code());
                    input type="hidden" name="content_ref" value=(reference);
                    div.field {
                        label for="f-flag-reason" { (ctx.t(F::Reason)) }
                        textarea #f-flag-reason name="reason" rows="3" required {}
                    }
                    button.secondary type="submit" { (ctx.t(Adm::SendReport)) }
                }
            }
        }
    }
}
