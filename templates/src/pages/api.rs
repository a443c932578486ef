//! The API pages: an organisation's tokens, and the API reference rendered from the
//! OpenAPI document (server-side, no script).

use crate::components::csrf;
use crate::i18n::catalog::Api;
use crate::layout::{PageContext, page};
use crate::routes;
use maud::{Markup, html};
use time::Date;

/// One token in the list (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRow {
    /// Row id (revoke form).
    pub id: i64,
    /// Name given by the organisation.
    pub name: String,
    /// True for read and write.
    pub write: bool,
    /// When it was created.
    pub created_on: Date,
    /// Revoked tokens stay listed, marked.
    pub revoked: bool,
}

/// Data of the tokens page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokensView {
    /// The organisation's tokens, newest first.
    pub tokens: Vec<TokenRow>,
    /// A secret just created, shown this once.
    pub new_secret: Option<String>,
}

/// The tokens page (`/organisation/tokens`).
pub fn tokens(ctx: &PageContext, v: &TokensView) -> Markup {
    let body = html! {
        h1 { (ctx.t(Api::TokensTitle)) }
        p.lead { (ctx.t(Api::TokensLead)) " " a href="/api/docs" { (ctx.t(Api::ReferenceTitle)) } }
        @if let Some(secret) = &v.new_secret {
            div.flash.ok role="status" {
                p { strong { (ctx.t(Api::ShownOnce)) } }
                p { code.token { (secret) } }
            }
        }
        form method="post" action=(routes::ORGANISATION_TOKENS) {
            (csrf(ctx))
            div.field {
                label for="f-token-name" { (ctx.t(Api::TokenName)) }
                input #f-token-name name="name" type="text" required maxlength="100";
            }
            fieldset.field {
                legend { (ctx.t(Api::Scope)) }
                label.check { input type="radio" name="scope" value="read" checked; " " (ctx.t(Api::ScopeRead)) }
                label.check { input type="radio" name="scope" value="write"; " " (ctx.t(Api::ScopeWrite)) }
            }
            div.actions { button type="submit" { (ctx.t(Api::Create)) } }
        }
        @if v.tokens.is_empty() { p { (ctx.t(Api::NoTokens)) } }
        ul.plain {
            @for tk in &v.tokens {
                li.card {
                    strong { (tk.name) } " · " (ctx.t(if tk.write { Api::ScopeWrite } else { Api::ScopeRead }))
                    " · " (ctx.t(Api::Created)) " " (crate::i18n::date(ctx.lang, tk.created_on))
                    @if tk.revoked { " · " span.badge { (ctx.t(Api::Revoked)) } } @else {
                        form.inline method="post" action=(routes::fill(routes::ORGANISATION_TOKEN_REVOKE, &[&tk.id.to_string()])) {
                            (csrf(ctx))
                            button.secondary type="submit" { (ctx.t(Api::Revoke)) }
                        }
                    }
                }
            }
        }
    };
    page(ctx, ctx.t(Api::TokensTitle), body)
}

/// One operation of the API reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// One-line summary.
    pub summary: String,
    /// Status codes it answers with.
    pub responses: Vec<String>,
}

/// The API reference page (`/api/docs`).
pub fn reference(ctx: &PageContext, operations: &[Operation]) -> Markup {
    let body = html! {
        h1 { (ctx.t(Api::ReferenceTitle)) }
        p.lead { (ctx.t(Api::ReferenceLead)) " " a href="/api/v1/openapi.json" { code { "/api/v1/openapi.json" } } }
        p { (ctx.t(Api::Auth)) }
        div.table-wrap { table {
            thead { tr { th scope="col" { (ctx.t(Api::Operation)) } th scope="col" { "" } th scope="col" { (ctx.t(Api::Responses)) } } }
            tbody { @for op in operations {
                tr {
                    td { code { (op.method) " " (op.path) } }
                    td { (op.summary) }
                    td { (op.responses.join(", ")) }
                }
            } }
        } }
    };
    page(ctx, ctx.t(Api::ReferenceTitle), body)
}
