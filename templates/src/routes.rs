//! The URLs the views link to and post to; the app's router must serve the same paths.
//!
//! `r` arguments are the public refs of records ("M0001"); they are percent-encoded here.

/// Home page.
pub const HOME: &str = "/";
/// About, data sources and attributions.
pub const ABOUT: &str = "/about";
/// API reference.
pub const API_DOCS: &str = "/api/docs";
/// Statistics (owned by the `stats` views).
pub const STATISTICS: &str = "/statistics";
/// Login form (GET) and submission (POST).
pub const LOGIN: &str = "/login";
/// Logout (POST only).
pub const LOGOUT: &str = "/logout";
/// Sign-up form (GET) and submission (POST).
pub const SIGNUP: &str = "/signup";
/// Forgotten password form (GET/POST).
pub const PASSWORD_FORGOT: &str = "/password/forgot";
/// Password reset submission (POST; the token travels in a hidden field).
pub const PASSWORD_RESET: &str = "/password/reset";
/// Account settings (GET).
pub const ACCOUNT: &str = "/account";
/// Change of e-mail address (POST).
pub const ACCOUNT_EMAIL: &str = "/account/email";
/// Change of password (POST).
pub const ACCOUNT_PASSWORD: &str = "/account/password";
/// Notification preference (POST).
pub const ACCOUNT_NOTIFICATIONS: &str = "/account/notifications";
/// Personal data download as JSON (GET).
pub const ACCOUNT_EXPORT: &str = "/account/export.json";
/// Account deletion (POST).
pub const ACCOUNT_DELETE: &str = "/account/delete";
/// Re-send the verification e-mail (POST).
pub const VERIFY_EMAIL_RESEND: &str = "/verify-email/resend";
/// Missions list (GET) and creation (POST).
pub const MISSIONS: &str = "/missions";
/// New mission form.
pub const MISSION_NEW: &str = "/missions/new";
/// Projects list (GET) and creation (POST).
pub const PROJECTS: &str = "/projects";
/// New project form.
pub const PROJECT_NEW: &str = "/projects/new";
/// Experts list (verified organisations and moderators only).
pub const EXPERTS: &str = "/experts";
/// The expert's own dashboard.
pub const ME: &str = "/me";
/// The expert's profile form (GET) and update (POST).
pub const ME_PROFILE: &str = "/me/profile";
/// The organisation dashboard.
pub const ORGANISATION: &str = "/organisation";
/// The organisation form (GET) and update (POST).
pub const ORGANISATION_EDIT: &str = "/organisation/edit";
/// Reporting content to moderators (POST: content_kind, content_ref, reason).
pub const REPORT_CONTENT: &str = "/reports";
/// Moderation home.
pub const MODERATION: &str = "/moderation";

/// Percent-encodes one path segment or query value (RFC 3986 unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Language switch link: `/lang/en?next=/missions`.
pub fn lang_switch(code: &str, next: &str) -> String {
    format!("/lang/{code}?next={}", encode(next))
}

/// A mission's page.
pub fn mission(r: &str) -> String {
    format!("/missions/{}", encode(r))
}

/// An action on a mission: `edit` (GET form), `publish`, `close`, `interest`, `invite` (POST).
pub fn mission_action(r: &str, action: &str) -> String {
    format!("/missions/{}/{action}", encode(r))
}

/// A project's page.
pub fn project(r: &str) -> String {
    format!("/projects/{}", encode(r))
}

/// An action on a project: `edit` (GET form), `publish`, `close`, `pledges`, `invite` (POST).
pub fn project_action(r: &str, action: &str) -> String {
    format!("/projects/{}/{action}", encode(r))
}

/// Confirmation of a pledge (POST).
pub fn pledge_confirm(project: &str, pledge: &str) -> String {
    format!(
        "/projects/{}/pledges/{}/confirm",
        encode(project),
        encode(pledge)
    )
}

/// An expert's public profile.
pub fn expert(r: &str) -> String {
    format!("/experts/{}", encode(r))
}

/// An action on a connection: `accept`, `decline` (POST), `report` (GET form / POST).
pub fn connection_action(r: &str, action: &str) -> String {
    format!("/connections/{}/{action}", encode(r))
}

/// A moderation action: `/moderation/{area}/{ref}/{action}` (area: organisations, reports, emails).
pub fn moderation_action(area: &str, r: &str, action: &str) -> String {
    format!("/moderation/{area}/{}/{action}", encode(r))
}
