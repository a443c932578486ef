//! `passerelle serve`: runs the web platform, loading the demo data set when asked.

use crate::cli::ServeArgs;
use crate::config::Settings;
use crate::http::{AppState, WebConfig, router};

/// Runs the server until interrupted.
pub async fn run(settings: &Settings, args: ServeArgs) -> anyhow::Result<()> {
    let db = super::open_db(settings).await?;
    if args.demo {
        crate::demo::load_if_empty(&db).await?;
    }
    if !super::users::has_moderator(&db).await? {
        println!("{}", super::users::NO_MODERATOR_HINT);
    }
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    println!("Passerelle listens on http://{addr}/");
    let site_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let mail = crate::mail::OutboxWorker::start(
        &db,
        args.smtp_url.as_deref(),
        &settings.mail_dir(),
        &args.mail_from,
        crate::mail::Site::new(&site_url),
    )?;
    let engine = std::sync::Arc::new(super::matching::open_engine(settings, &db).await?);
    let _follower = crate::search::Follower::spawn(db.clone(), engine.clone());
    let state = AppState::new(
        db,
        engine,
        mail.handle(),
        WebConfig {
            public_url: site_url,
            demo: args.demo,
            api_rate_per_minute: args.api_rate,
            trusted_proxies: args.trusted_proxies.clone(),
        },
    );
    let app = router(state);
    serve_connections(listener, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    mail.shutdown(std::time::Duration::from_secs(10)).await;
    Ok(())
}

/// How long a client has to send a request's headers, counted from the moment the
/// connection waits for them (a new connection, or an idle kept-alive one): a slow or silent
/// client cannot hold a connection longer.
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How long open connections may finish their requests after a shutdown is asked.
const DRAIN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Accepts connections until `shutdown` resolves, serving each with hyper's HTTP/1 and
/// HTTP/2 and the header-read timeout above; the peer address reaches handlers as axum's
/// `ConnectInfo`. Then waits for open connections to finish, at most [`DRAIN_TIMEOUT`].
async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use tower::ServiceExt;

    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(Some(HEADER_READ_TIMEOUT))
        .keep_alive_timeout(HEADER_READ_TIMEOUT);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let graceful_watch = graceful.watcher();
        let builder = builder.clone();
        tokio::spawn(async move {
            // A client that connects and says nothing is let go (hyper's header timer starts
            // with the first byte).
            let mut first = [0u8; 1];
            match tokio::time::timeout(HEADER_READ_TIMEOUT, stream.peek(&mut first)).await {
                Ok(Ok(n)) if n > 0 => {}
                _ => return,
            }
            let service = hyper::service::service_fn(
                move |mut request: hyper::Request<hyper::body::Incoming>| {
                    request
                        .extensions_mut()
                        .insert(axum::extract::ConnectInfo(peer));
                    app.clone().oneshot(request)
                },
            );
            let connection = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), service)
                .into_owned();
            if let Err(e) = graceful_watch.watch(connection).await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after {DRAIN_TIMEOUT:?}; stopping anyway");
    }
}
