//! The page frame shared by every page: head, header with navigation, flash messages, footer.

use crate::assets::{favicon_href, style_css_href};
use crate::components::csrf;
use crate::i18n::catalog::C;
use crate::i18n::{Lang, Msg, fill, t};
use crate::model::Role;
use crate::routes;
use maud::{DOCTYPE, Markup, html};

/// The signed-in user, as the header needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserView {
    /// Name shown in the header.
    pub display_name: String,
    /// Account role.
    pub role: Role,
    /// For organisation members: whether a moderator verified their organisation.
    pub organisation_verified: bool,
}

/// Kind of a flash message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    /// Something worked.
    Success,
    /// Something failed.
    Error,
}

/// A one-time message shown at the top of the next page (already localised by the app).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// Success or error.
    pub kind: FlashKind,
    /// The message text.
    pub text: String,
}

/// What every page needs besides its own data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageContext {
    /// Interface language.
    pub lang: Lang,
    /// The signed-in user, if any.
    pub user: Option<UserView>,
    /// The session's CSRF token, put in a hidden `csrf` field of every POST form.
    pub csrf_token: String,
    /// Path (and query) of the current request, for aria-current and the language switch.
    pub current_path: String,
    /// Messages to show once.
    pub flash: Vec<Flash>,
}

impl PageContext {
    /// Catalogue text in the page language.
    pub fn t(&self, key: impl Msg) -> &'static str {
        t(self.lang, key)
    }

    /// Catalogue text with `{name}` placeholders filled.
    pub fn tf(&self, key: impl Msg, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// True when the user may see the experts directory (verified organisation member or moderator).
    pub fn can_see_experts(&self) -> bool {
        self.user.as_ref().is_some_and(|u| {
            u.role == Role::Moderator || (u.role.is_org_member() && u.organisation_verified)
        })
    }

    /// The role of the signed-in user.
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }

    fn path_only(&self) -> &str {
        self.current_path.split('?').next().unwrap_or("")
    }

    /// True when `href` is the current section (exact match for "/", prefix otherwise).
    pub fn is_current(&self, href: &str) -> bool {
        let p = self.path_only();
        if href == "/" {
            p == "/"
        } else {
            p == href
                || p.strip_prefix(href)
                    .is_some_and(|rest| rest.starts_with('/'))
        }
    }
}

/// Wraps a page body in the full HTML document.
pub fn page(ctx: &PageContext, title: &str, body: Markup) -> Markup {
    let lang = ctx.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if title.starts_with(t(lang, C::SiteName)) {
                    title { (title) }
                } @else {
                    title { (title) " · " (t(lang, C::SiteName)) }
                }
                link rel="stylesheet" href=(style_css_href());
                link rel="icon" type="image/svg+xml" href=(favicon_href());
            }
            body {
                a.skip href="#main" { (t(lang, C::SkipToContent)) }
                header.site {
                    div.wrap {
                        a.brand href=(routes::HOME) { (t(lang, C::SiteName)) }
                        (nav(ctx))
                        (lang_switch(ctx))
                    }
                }
                main #main.wrap tabindex="-1" {
                    @for f in &ctx.flash {
                        @let (class, role) = match f.kind {
                            FlashKind::Success => ("flash ok", "status"),
                            FlashKind::Error => ("flash err", "alert"),
                        };
                        p class=(class) role=(role) { (f.text) }
                    }
                    (body)
                }
                footer.site {
                    div.wrap {
                        ul.inline {
                            li { a href=(routes::ABOUT) { (t(lang, C::FooterAbout)) } }
                            li { a href=(routes::API_DOCS) { (t(lang, C::FooterApi)) } }
                            li { a href=(routes::STATISTICS) { (t(lang, C::NavStatistics)) } }
                        }
                        (lang_switch(ctx))
                        p.small { (t(lang, C::FooterTagline)) }
                    }
                }
            }
        }
    }
}

fn nav_link(ctx: &PageContext, href: &str, key: C) -> Markup {
    html! {
        li {
            @if ctx.is_current(href) {
                a href=(href) aria-current="page" { (ctx.t(key)) }
            } @else {
                a href=(href) { (ctx.t(key)) }
            }
        }
    }
}

fn nav(ctx: &PageContext) -> Markup {
    html! {
        nav aria-label=(ctx.t(C::NavLabel)) {
            ul.nav {
                (nav_link(ctx, routes::MISSIONS, C::NavMissions))
                (nav_link(ctx, routes::PROJECTS, C::NavProjects))
                @if ctx.can_see_experts() { (nav_link(ctx, routes::EXPERTS, C::NavExperts)) }
                (nav_link(ctx, routes::STATISTICS, C::NavStatistics))
            }
            ul.nav.account {
                @match &ctx.user {
                    None => {
                        (nav_link(ctx, routes::LOGIN, C::NavLogin))
                        (nav_link(ctx, routes::SIGNUP, C::NavSignup))
                    }
                    Some(u) => {
                        @match u.role {
                            Role::Expert => (nav_link(ctx, routes::ME, C::NavMyProfile)),
                            Role::InstitutionMember | Role::AssociationMember =>
                                (nav_link(ctx, routes::ORGANISATION, C::NavMyOrganisation)),
                            Role::Moderator => (nav_link(ctx, routes::MODERATION, C::NavModeration)),
                        }
                        (nav_link(ctx, routes::ACCOUNT, C::NavAccount))
                        li {
                            form.inline method="post" action=(routes::LOGOUT) {
                                (csrf(ctx))
                                button.link type="submit" { (ctx.t(C::NavLogout)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The language switch: a link to the other language that comes back to the current page.
pub fn lang_switch(ctx: &PageContext) -> Markup {
    let other = ctx.lang.other();
    html! {
        p.lang-switch {
            a href=(routes::lang_switch(other.code(), &ctx.current_path)) lang=(other.code()) hreflang=(other.code()) {
                (t(ctx.lang, C::SwitchTo))
            }
        }
    }
}
