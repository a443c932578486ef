//! The one route table: every page path the views link to or post to, and the patterns the
//! app's router serves. A pattern names its variable segments in braces (`/missions/{ref}`,
//! axum's syntax); the router registers the pattern itself and the views build links with
//! [`fill`], so a link or a form's `action` and the route that answers it are one value.
//!
//! Ref arguments are the public refs of records ("M0001"); they are percent-encoded here.

/// Home page.
pub const HOME: &str = "/";
/// About, data sources and attributions.
pub const ABOUT: &str = "/about";
/// API reference.
pub const API_DOCS: &str = "/api/docs";
/// Language switch (GET, `?next=` the page to return to).
pub const LANG: &str = "/lang/{code}";
/// The style sheet.
pub const STYLE: &str = "/static/style.css";
/// The favicon.
pub const FAVICON: &str = "/static/favicon.svg";
/// Liveness and database check.
pub const HEALTH: &str = "/healthz";
/// Statistics (owned by the `stats` views).
pub const STATISTICS: &str = "/statistics";
/// One statistics table as a download (`{file}`: `ID.csv` or `ID.json`).
pub const STATISTICS_FILE: &str = "/statistics/{file}";
/// Login form (GET) and submission (POST).
pub const LOGIN: &str = "/login";
/// Logout (POST only).
pub const LOGOUT: &str = "/logout";
/// Sign-up form (GET) and submission (POST).
pub const SIGNUP: &str = "/signup";
/// The link of the address-verification mail (GET, `?token=`).
pub const VERIFY_EMAIL: &str = "/verify-email";
/// Re-send the verification e-mail (POST).
pub const VERIFY_EMAIL_RESEND: &str = "/verify-email/resend";
/// Forgotten password form (GET/POST).
pub const PASSWORD_FORGOT: &str = "/password/forgot";
/// Password reset: the mail's link (GET, `?token=`) and the submission (POST).
pub const PASSWORD_RESET: &str = "/password/reset";
/// Account settings (GET).
pub const ACCOUNT: &str = "/account";
/// Change of e-mail address (POST).
pub const ACCOUNT_EMAIL: &str = "/account/email";
/// The link that confirms a new e-mail address (GET, `?token=`).
pub const ACCOUNT_EMAIL_CONFIRM: &str = "/account/email/confirm";
/// Change of password (POST).
pub const ACCOUNT_PASSWORD: &str = "/account/password";
/// Notification preference (POST).
pub const ACCOUNT_NOTIFICATIONS: &str = "/account/notifications";
/// Personal data download as JSON (GET).
pub const ACCOUNT_EXPORT: &str = "/account/export.json";
/// Account deletion (POST).
pub const ACCOUNT_DELETE: &str = "/account/delete";
/// One-click unsubscribe from a mail (GET page, POST action).
pub const UNSUBSCRIBE: &str = "/unsubscribe/{token}";
/// Missions search page.
pub const MISSIONS: &str = "/missions";
/// New mission form (GET) and its submission (POST).
pub const MISSION_NEW: &str = "/missions/new";
/// A mission's page.
pub const MISSION: &str = "/missions/{ref}";
/// A mission's edit form (GET) and its submission (POST).
pub const MISSION_EDIT: &str = "/missions/{ref}/edit";
/// Publishing a draft mission (POST).
pub const MISSION_PUBLISH: &str = "/missions/{ref}/publish";
/// Marking a mission filled (POST).
pub const MISSION_FILL: &str = "/missions/{ref}/fill";
/// Closing a mission (POST).
pub const MISSION_CLOSE: &str = "/missions/{ref}/close";
/// Inviting an expert to a mission (POST, `expert` field).
pub const MISSION_INVITE: &str = "/missions/{ref}/invite";
/// An expert's interest in a mission (POST).
pub const MISSION_INTEREST: &str = "/missions/{ref}/interest";
/// Projects search page.
pub const PROJECTS: &str = "/projects";
/// New project form (GET) and its submission (POST).
pub const PROJECT_NEW: &str = "/projects/new";
/// A project's page.
pub const PROJECT: &str = "/projects/{ref}";
/// A project's edit form (GET) and its submission (POST).
pub const PROJECT_EDIT: &str = "/projects/{ref}/edit";
/// Publishing a draft project (POST).
pub const PROJECT_PUBLISH: &str = "/projects/{ref}/publish";
/// Marking a project filled (POST).
pub const PROJECT_FILL: &str = "/projects/{ref}/fill";
/// Closing a project (POST).
pub const PROJECT_CLOSE: &str = "/projects/{ref}/close";
/// Inviting an expert to a project (POST, `expert` field).
pub const PROJECT_INVITE: &str = "/projects/{ref}/invite";
/// An expert's interest in a project (POST).
pub const PROJECT_INTEREST: &str = "/projects/{ref}/interest";
/// A pledge to a project (POST).
pub const PROJECT_PLEDGES: &str = "/projects/{ref}/pledges";
/// Confirmation of a pledge by the project's owner (POST).
pub const PLEDGE_CONFIRM: &str = "/projects/{ref}/pledges/{id}/confirm";
/// Experts list (verified organisations and moderators only).
pub const EXPERTS: &str = "/experts";
/// An expert's profile as organisations see it.
pub const EXPERT: &str = "/experts/{ref}";
/// The expert's own dashboard.
pub const ME: &str = "/me";
/// The expert's profile form (GET) and update (POST).
pub const ME_PROFILE: &str = "/me/profile";
/// Accepting a connection (POST).
pub const CONNECTION_ACCEPT: &str = "/connections/{id}/accept";
/// Declining a connection (POST).
pub const CONNECTION_DECLINE: &str = "/connections/{id}/decline";
/// The report after a mission (GET form, POST).
pub const CONNECTION_REPORT: &str = "/connections/{id}/report";
/// The organisation dashboard.
pub const ORGANISATION: &str = "/organisation";
/// The organisation form (GET) and update (POST).
pub const ORGANISATION_EDIT: &str = "/organisation/edit";
/// The organisation's API tokens (GET list, POST creation).
pub const ORGANISATION_TOKENS: &str = "/organisation/tokens";
/// Revoking one API token (POST).
pub const ORGANISATION_TOKEN_REVOKE: &str = "/organisation/tokens/{id}/revoke";
/// Reporting content to moderators (POST: content_kind, content_ref, reason).
pub const REPORT_CONTENT: &str = "/reports";
/// Moderation home.
pub const MODERATION: &str = "/moderation";
/// A moderator's decision on an organisation (POST; `{action}`: `verify` or `reject`).
pub const MODERATION_ORGANISATION: &str = "/moderation/organisations/{id}/{action}";
/// A moderator's decision on a report (POST; `{action}`: `hide`, `restore` or `dismiss`).
pub const MODERATION_REPORT: &str = "/moderation/reports/{id}/{action}";
/// Putting a failed e-mail back in the queue (POST).
pub const MODERATION_EMAIL_RETRY: &str = "/moderation/emails/{id}/retry";

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

/// A path from a pattern: each `{…}` segment, in order, takes the next value, percent-encoded.
/// Missing values leave the rest of the pattern as it is (a programming error the route
/// table's tests catch).
pub fn fill(pattern: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut values = values.iter();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        match values.next() {
            Some(v) => out.push_str(&encode(v)),
            None => out.push_str(&rest[open..open + close + 1]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Language switch link: `/lang/en?next=/missions`.
pub fn lang_switch(code: &str, next: &str) -> String {
    format!("{}?next={}", fill(LANG, &[code]), encode(next))
}

/// A mission's page.
pub fn mission(r: &str) -> String {
    fill(MISSION, &[r])
}

/// A project's page.
pub fn project(r: &str) -> String {
    fill(PROJECT, &[r])
}

/// An expert's profile.
pub fn expert(r: &str) -> String {
    fill(EXPERT, &[r])
}

/// Every pattern of the table, for the tests that check it against the router.
pub const ALL: &[&str] = &[
    HOME,
    ABOUT,
    LANG,
    STYLE,
    FAVICON,
    HEALTH,
    STATISTICS,
    STATISTICS_FILE,
    LOGIN,
    LOGOUT,
    SIGNUP,
    VERIFY_EMAIL,
    VERIFY_EMAIL_RESEND,
    PASSWORD_FORGOT,
    PASSWORD_RESET,
    ACCOUNT,
    ACCOUNT_EMAIL,
    ACCOUNT_EMAIL_CONFIRM,
    ACCOUNT_PASSWORD,
    ACCOUNT_NOTIFICATIONS,
    ACCOUNT_EXPORT,
    ACCOUNT_DELETE,
    UNSUBSCRIBE,
    MISSIONS,
    MISSION_NEW,
    MISSION,
    MISSION_EDIT,
    MISSION_PUBLISH,
    MISSION_FILL,
    MISSION_CLOSE,
    MISSION_INVITE,
    MISSION_INTEREST,
    PROJECTS,
    PROJECT_NEW,
    PROJECT,
    PROJECT_EDIT,
    PROJECT_PUBLISH,
    PROJECT_FILL,
    PROJECT_CLOSE,
    PROJECT_INVITE,
    PROJECT_INTEREST,
    PROJECT_PLEDGES,
    PLEDGE_CONFIRM,
    EXPERTS,
    EXPERT,
    ME,
    ME_PROFILE,
    CONNECTION_ACCEPT,
    CONNECTION_DECLINE,
    CONNECTION_REPORT,
    ORGANISATION,
    ORGANISATION_EDIT,
    ORGANISATION_TOKENS,
    ORGANISATION_TOKEN_REVOKE,
    REPORT_CONTENT,
    MODERATION,
    MODERATION_ORGANISATION,
    MODERATION_REPORT,
    MODERATION_EMAIL_RETRY,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_encodes_each_segment_in_order() {
        assert_eq!(fill(MISSION_EDIT, &["M 1/2"]), "/missions/M%201%2F2/edit");
        assert_eq!(
            fill(PLEDGE_CONFIRM, &["P1", "9"]),
            "/projects/P1/pledges/9/confirm"
        );
        assert_eq!(fill(HOME, &[]), "/");
        assert_eq!(
            lang_switch("en", "/missions?q=a"),
            "/lang/en?next=%2Fmissions%3Fq%3Da"
        );
    }

    #[test]
    fn every_pattern_is_absolute_and_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for p in ALL {
            assert!(p.starts_with('/'), "{p}");
            assert!(seen.insert(*p), "{p} listed twice");
        }
    }
}
