//! Error pages: 400, 403, 404, 405, 413, 422, 429, 500 and 503 with a friendly message.

use crate::i18n::catalog::{Adm, C};
use crate::layout::{PageContext, page};
use crate::routes;
use maud::{Markup, html};

/// Which error occurred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 400: the request is malformed (an undecodable form, a bad query string).
    BadRequest,
    /// 403: not allowed.
    Forbidden,
    /// 403: the form's security token is missing or stale, or it came from another site.
    CsrfRejected,
    /// 403: the account's address must be confirmed first.
    EmailUnverified,
    /// 405: the path exists but not for this method.
    MethodNotAllowed,
    /// 413: the body is larger than accepted.
    PayloadTooLarge,
    /// 404: no such page.
    NotFound,
    /// 422: the request could not be processed (bad form outside a form page, stale CSRF token…).
    Unprocessable,
    /// 429: too many requests.
    TooManyRequests,
    /// 500: server error.
    Internal,
    /// 503: a service the platform needs (the database) is briefly unreachable.
    Unavailable,
}

impl ErrorKind {
    /// The HTTP status code.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::BadRequest => 400,
            ErrorKind::Forbidden | ErrorKind::CsrfRejected | ErrorKind::EmailUnverified => 403,
            ErrorKind::MethodNotAllowed => 405,
            ErrorKind::PayloadTooLarge => 413,
            ErrorKind::NotFound => 404,
            ErrorKind::Unprocessable => 422,
            ErrorKind::TooManyRequests => 429,
            ErrorKind::Internal => 500,
            ErrorKind::Unavailable => 503,
        }
    }

    /// The kind of a bare error status (one a layer or an extractor answered without a body
    /// of ours), if it has a page.
    pub fn of_status(status: u16) -> Option<ErrorKind> {
        Some(match status {
            400 | 415 => ErrorKind::BadRequest,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            405 => ErrorKind::MethodNotAllowed,
            413 => ErrorKind::PayloadTooLarge,
            422 => ErrorKind::Unprocessable,
            429 => ErrorKind::TooManyRequests,
            503 => ErrorKind::Unavailable,
            500..=599 => ErrorKind::Internal,
            _ => return None,
        })
    }
}

/// Data of an error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorView {
    /// Which error.
    pub kind: ErrorKind,
    /// Request id to quote to support (500 only; never an internal error message).
    pub request_id: Option<String>,
}

/// An error page; the app sets the matching HTTP status.
pub fn error_page(ctx: &PageContext, v: &ErrorView) -> Markup {
    let (title, text) = match v.kind {
        ErrorKind::BadRequest => (Adm::Err400, Adm::Err400Text),
        ErrorKind::Forbidden => (Adm::Err403, Adm::Err403Text),
        ErrorKind::CsrfRejected => (Adm::ErrCsrf, Adm::ErrCsrfText),
        ErrorKind::EmailUnverified => (Adm::ErrUnverified, Adm::ErrUnverifiedText),
        ErrorKind::MethodNotAllowed => (Adm::Err405, Adm::Err405Text),
        ErrorKind::PayloadTooLarge => (Adm::Err413, Adm::Err413Text),
        ErrorKind::NotFound => (Adm::Err404, Adm::Err404Text),
        ErrorKind::Unprocessable => (Adm::Err422, Adm::Err422Text),
        ErrorKind::TooManyRequests => (Adm::Err429, Adm::Err429Text),
        ErrorKind::Internal => (Adm::Err500, Adm::Err500Text),
        ErrorKind::Unavailable => (Adm::Err503, Adm::Err503Text),
    };
    let body = html! {
        h1 { (ctx.t(title)) }
        p.lead { (ctx.t(text)) }
        @if let Some(id) = &v.request_id { p.small { (ctx.t(Adm::RequestId)) " " code { (id) } } }
        @if v.kind == ErrorKind::EmailUnverified {
            p { a href=(routes::ACCOUNT) { (ctx.t(Adm::ErrUnverifiedLink)) } }
        }
        @if v.kind == ErrorKind::Forbidden && ctx.user.is_none() {
            p { a href=(routes::LOGIN) { (ctx.t(C::NavLogin)) } }
        }
        p { a href=(routes::HOME) { (ctx.t(Adm::BackHome)) } }
    };
    page(ctx, ctx.t(title), body)
}
