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
        },
    );
    let app = router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    mail.shutdown(std::time::Duration::from_secs(10)).await;
    Ok(())
}
