//! What every handler can reach: the database, the search engine, the mail outbox and settings.

use std::sync::Arc;
use std::time::Duration;

use passerelle_index::Engine;

use super::ratelimit::RateLimiter;
use crate::mail::{OutboxHandle, Site};
use crate::store::Db;

/// Settings of the web app, read once at start.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Public base URL (links in emails); `https://…` turns on `Secure` cookies.
    pub public_url: String,
    /// Whether the demo data set is loaded (the home page then shows the demo accounts).
    pub demo: bool,
    /// API requests allowed per token and minute.
    pub api_rate_per_minute: usize,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Shared application state, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    engine: Arc<Engine>,
    mail: OutboxHandle,
    config: WebConfig,
    stats: crate::stats::StatsCache,
    api_limiter: RateLimiter,
    mail_requests: RateLimiter,
}

impl AppState {
    /// Builds the state.
    pub fn new(db: Db, engine: Arc<Engine>, mail: OutboxHandle, config: WebConfig) -> Self {
        let api_limiter =
            RateLimiter::new(config.api_rate_per_minute.max(1), Duration::from_secs(60));
        AppState {
            inner: Arc::new(Inner {
                db,
                engine,
                mail,
                config,
                stats: crate::stats::StatsCache::default(),
                api_limiter,
                mail_requests: RateLimiter::new(5, Duration::from_secs(15 * 60)),
            }),
        }
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    /// The search and matching engine.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// Wakes the mail worker after a commit that enqueued messages.
    pub fn mail(&self) -> &OutboxHandle {
        &self.inner.mail
    }

    /// The settings.
    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    /// Links in emails point here.
    pub fn site(&self) -> Site {
        Site::new(&self.inner.config.public_url)
    }

    /// Whether cookies carry `Secure` (the public URL is HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.inner.config.public_url.starts_with("https://")
    }

    /// The statistics, computed at most once a minute.
    pub fn stats(&self) -> &crate::stats::StatsCache {
        &self.inner.stats
    }

    /// Requests that send mail to an address (password resets, sign-ups): 5 per 15 minutes
    /// per key.
    pub fn mail_requests(&self) -> &RateLimiter {
        &self.inner.mail_requests
    }

    /// API requests per bearer token.
    pub fn api_limiter(&self) -> &RateLimiter {
        &self.inner.api_limiter
    }
}
