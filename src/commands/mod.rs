//! One module per subcommand; `run` dispatches the parsed command line.

pub mod export;
pub mod import;
pub mod matching;
pub mod outbox;
pub mod report;
pub mod serve;
pub mod users;

use crate::cli::{Cli, Command};
use crate::config::Settings;
use crate::store::Db;

/// Runs the command the user asked for.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::from_cli(&cli);
    match cli.command {
        Command::Serve(args) => serve::run(&settings, args).await,
        Command::Migrate => {
            let db = open_db(&settings).await?;
            println!("migrations applied to {}", redact(&settings.database_url));
            db.close().await;
            Ok(())
        }
        Command::Import(args) => {
            let db = open_db(&settings).await?;
            let result = import::run(&db, &args).await;
            db.close().await;
            result
        }
        Command::Export(args) => {
            let db = open_db(&settings).await?;
            let result = export::run(&db, &args.dir).await;
            db.close().await;
            result
        }
        Command::Generate(args) => {
            let counts = crate::interchange::generate::write(&args)?;
            println!(
                "generated {} experts, {} missions, {} projects in {}",
                counts.0,
                counts.1,
                counts.2,
                args.dir.display()
            );
            Ok(())
        }
        Command::Reindex => {
            let db = open_db(&settings).await?;
            let result = matching::reindex(&settings, &db).await;
            db.close().await;
            result
        }
        Command::Match(args) => {
            let db = open_db(&settings).await?;
            let result = matching::run_match(&settings, &db, &args).await;
            db.close().await;
            result
        }
        Command::Eval(args) => {
            let db = open_db(&settings).await?;
            let result = matching::run_eval(&settings, &db, &args).await;
            db.close().await;
            result
        }
        Command::Report(args) => {
            let db = open_db(&settings).await?;
            let result = report::run(&settings, &db, &args).await;
            db.close().await;
            result
        }
        Command::Token(args) => {
            let db = open_db(&settings).await?;
            let result = report::create_token(&db, &args).await;
            db.close().await;
            result
        }
        Command::User(command) => {
            let db = open_db(&settings).await?;
            let result = users::run(&db, &command).await;
            db.close().await;
            result
        }
        Command::Outbox(args) => {
            let db = open_db(&settings).await?;
            let result = outbox::run(&db, &args).await;
            db.close().await;
            result
        }
    }
}

/// Connects to the database (retrying for `--db-wait` seconds while it is unreachable) and migrates it.
pub async fn open_db(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url, settings.db_wait)
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot open the database {}: {e}",
                redact(&settings.database_url)
            )
        })?;
    db.migrate().await?;
    Ok(db)
}

/// Hides the password of a database URL for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***@{}", &url[..scheme], &url[at + 1..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// An error and its causes on one line, skipping causes already quoted by the message above them.
pub fn describe(error: &anyhow::Error) -> String {
    let mut out = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}
