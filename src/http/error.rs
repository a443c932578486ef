//! The one place where errors become HTTP responses. Handlers return [`AppError`]; the
//! [`render`] middleware turns it into an error page in the visitor's language (or an RFC 9457
//! problem document under `/api/`). Details of server errors are logged once and never shown.

use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passerelle_templates::PageContext;
use passerelle_templates::pages::errors::{ErrorKind, ErrorView};

use super::context::lang_of;
use crate::store::StoreError;

/// An error a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist (or may not be seen).
    #[error("not found")]
    NotFound,
    /// The user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The form's CSRF token is missing or stale, or the request came from another site.
    #[error("CSRF token missing or invalid")]
    CsrfRejected,
    /// The request body is larger than accepted.
    #[error("request body too large")]
    PayloadTooLarge,
    /// A submitted field holds control or invisible formatting characters (its name).
    #[error("control characters in field {0}")]
    ControlCharacters(String),
    /// The account's e-mail address is not verified yet: it may not post, invite, express
    /// interest or pledge.
    #[error("e-mail address not verified")]
    EmailUnverified,
    /// The request cannot be processed; the text says which field and why.
    #[error("{0}")]
    Unprocessable(String),
    /// Too many attempts; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests(u64),
    /// Something failed inside.
    #[error("internal error: {0}")]
    Internal(String),
    /// The database is briefly unreachable; the client should retry.
    #[error("service unavailable: {0}")]
    Unavailable(String),
}

/// Seconds a client is told to wait (`Retry-After`) when the database is unreachable.
pub const UNAVAILABLE_RETRY_SECS: u64 = 5;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            e if e.is_unavailable() => AppError::Unavailable(e.to_string()),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<passerelle_index::IndexError> for AppError {
    fn from(e: passerelle_index::IndexError) -> Self {
        AppError::Internal(format!("search index: {e}"))
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::from(StoreError::from(e))
    }
}

/// Marks a response whose body the [`render`] middleware fills in.
#[derive(Debug, Clone)]
struct Unrendered {
    kind: ErrorKind,
    detail: Option<Detail>,
}

/// What an error page says beyond its kind, written in the visitor's language when rendered.
#[derive(Debug, Clone)]
enum Detail {
    /// A text already written by the code that refused.
    Text(String),
    /// Which field held control characters.
    ControlCharacters(String),
    /// How long to wait, in seconds.
    RetryIn(u64),
}

impl Detail {
    fn text(&self, lang: passerelle_templates::Lang) -> String {
        use passerelle_templates::Lang;
        match (self, lang) {
            (Detail::Text(t), _) => t.clone(),
            (Detail::ControlCharacters(f), Lang::Fr) => format!(
                "Le champ « {f} » contient des caractères de contrôle ou invisibles. Retirez-les (en recopiant le texte sans mise en forme) et envoyez de nouveau."
            ),
            (Detail::ControlCharacters(f), Lang::En) => format!(
                "The field “{f}” contains control or invisible characters. Remove them (retype or paste the text as plain text) and send it again."
            ),
            (Detail::RetryIn(secs), Lang::Fr) if *secs < 90 => {
                format!("Réessayez dans {} secondes.", secs.max(&1))
            }
            (Detail::RetryIn(secs), Lang::Fr) => {
                format!("Réessayez dans environ {} minutes.", secs.div_ceil(60))
            }
            (Detail::RetryIn(secs), Lang::En) if *secs < 90 => {
                format!("Try again in {} seconds.", secs.max(&1))
            }
            (Detail::RetryIn(secs), Lang::En) => {
                format!("Try again in about {} minutes.", secs.div_ceil(60))
            }
        }
    }
}

impl AppError {
    fn kind(&self) -> ErrorKind {
        match self {
            AppError::NotFound => ErrorKind::NotFound,
            AppError::Forbidden => ErrorKind::Forbidden,
            AppError::CsrfRejected => ErrorKind::CsrfRejected,
            AppError::PayloadTooLarge => ErrorKind::PayloadTooLarge,
            AppError::EmailUnverified => ErrorKind::EmailUnverified,
            AppError::Unprocessable(_) | AppError::ControlCharacters(_) => ErrorKind::Unprocessable,
            AppError::TooManyRequests(_) => ErrorKind::TooManyRequests,
            AppError::Internal(_) => ErrorKind::Internal,
            AppError::Unavailable(_) => ErrorKind::Unavailable,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = self.kind();
        let status =
            StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let detail = match &self {
            AppError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                None
            }
            AppError::Unavailable(detail) => {
                tracing::warn!(error = %detail, "database unreachable, answered 503");
                None
            }
            AppError::Unprocessable(text) => Some(Detail::Text(text.clone())),
            AppError::ControlCharacters(field) => Some(Detail::ControlCharacters(field.clone())),
            AppError::TooManyRequests(secs) => Some(Detail::RetryIn(*secs)),
            _ => None,
        };
        let mut response = status.into_response();
        let retry = match &self {
            AppError::TooManyRequests(secs) => Some(*secs),
            AppError::Unavailable(_) => Some(UNAVAILABLE_RETRY_SECS),
            _ => None,
        };
        if let Some(secs) = retry
            && let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string())
        {
            response.headers_mut().insert(RETRY_AFTER, v);
        }
        response
            .extensions_mut()
            .insert(Unrendered { kind, detail });
        response
    }
}

/// Whether a response carries no body of ours: no content type, or the plain text that
/// axum's extractors and tower's layers answer with.
fn is_bare(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.starts_with("text/plain"))
}

/// Middleware: gives error responses a body — a page in the visitor's language, or
/// `application/problem+json` for the API. Bare errors answered by the router (404, 405),
/// by extractors (400, 415, 422) or by layers (413) get one too.
pub async fn render(request: Request, next: Next) -> Response {
    let lang = lang_of(request.headers());
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let unrendered = response.extensions_mut().remove::<Unrendered>();
    let kind = match (&unrendered, response.status()) {
        (Some(u), _) => u.kind,
        (None, status)
            if (status.is_client_error() || status.is_server_error()) && is_bare(&response) =>
        {
            match ErrorKind::of_status(status.as_u16()) {
                Some(kind) => kind,
                None => return response,
            }
        }
        _ => return response,
    };
    let detail = unrendered.and_then(|u| u.detail).map(|d| d.text(lang));
    let (mut parts, _) = response.into_parts();
    if path.starts_with("/api/") {
        let status = parts.status;
        let body = serde_json::json!({
            "type": "about:blank",
            "title": status.canonical_reason().unwrap_or("error"),
            "status": status.as_u16(),
            "detail": detail,
        });
        parts.headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        return Response::from_parts(parts, axum::body::Body::from(body.to_string()));
    }
    let ctx = PageContext {
        lang,
        current_path: path,
        ..PageContext::default()
    };
    let mut html = passerelle_templates::pages::error_page(
        &ctx,
        &ErrorView {
            kind,
            request_id: None,
        },
    )
    .into_string();
    if let Some(d) = detail {
        let escaped = maud::html! { p.error-detail { (d) } }.into_string();
        html = html.replacen("</h1>", &format!("</h1>{escaped}"), 1);
    }
    parts.headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(parts, axum::body::Body::from(html))
}
