//! Typed settings, read once from the command line and the environment and passed on.

use std::path::PathBuf;

use crate::cli::Cli;

/// Where Passerelle keeps its data and which database it uses.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The data folder (SQLite file, search index, mail files).
    pub data_dir: PathBuf,
    /// The database URL.
    pub database_url: String,
    /// How long to keep retrying an unreachable database at start.
    pub db_wait: std::time::Duration,
}

impl Settings {
    /// Resolves the settings from the parsed command line.
    pub fn from_cli(cli: &Cli) -> Self {
        let database_url = cli
            .database_url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| {
                format!("sqlite://{}", cli.data_dir.join("passerelle.db").display())
            });
        Settings {
            data_dir: cli.data_dir.clone(),
            database_url,
            db_wait: std::time::Duration::from_secs(cli.db_wait),
        }
    }

    /// The folder of the search index.
    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }

    /// The folder where mail is written when no SMTP server is configured.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}
