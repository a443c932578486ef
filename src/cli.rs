//! The command line: global flags and one subcommand per task.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Passerelle: puts the skills and money of the diaspora to work at home.
#[derive(Debug, Parser)]
#[command(name = "passerelle", version, about)]
pub struct Cli {
    /// Folder for the SQLite database, the search index and outgoing mail files.
    #[arg(
        long,
        global = true,
        env = "PASSERELLE_DATA_DIR",
        default_value = "./data"
    )]
    pub data_dir: PathBuf,
    /// Database URL: sqlite://FILE (default: sqlite://DATA_DIR/passerelle.db) or postgres://…
    #[arg(long, global = true, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// Seconds to keep retrying while the database is unreachable at start.
    #[arg(long, global = true, env = "PASSERELLE_DB_WAIT", default_value_t = 30)]
    pub db_wait: u64,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the web platform.
    Serve(ServeArgs),
    /// Applies database migrations.
    Migrate,
    /// Loads experts, missions and projects from interchange files (JSON Lines).
    Import(ImportArgs),
    /// Writes experts.jsonl, missions.jsonl and projects.jsonl into a folder.
    Export(ExportArgs),
    /// Writes a synthetic, deterministic data set in the interchange format.
    Generate(GenerateArgs),
    /// Rebuilds the search index from the database.
    Reindex,
    /// Ranks experts for an opportunity, or opportunities for an expert.
    Match(MatchArgs),
    /// Measures matching quality against relevance judgements.
    Eval(EvalArgs),
    /// Shows the email outbox (pending and failed messages); can retry failed ones.
    Outbox(OutboxArgs),
    /// Writes every statistics table as CSV and JSON into a folder.
    Report(ReportArgs),
    /// Creates an API token for an organisation (operators; members use the web page).
    Token(TokenArgs),
    /// Accounts from the command line: the first moderator of a real install, and others.
    #[command(subcommand)]
    User(UserCommand),
}

/// What `user` does.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Creates an account (its address counts as verified: the operator vouches for it).
    Add(UserAddArgs),
    /// Lists the accounts: address, role, organisation, whether verified or disabled.
    List,
    /// Disables an account: it can no longer sign in, its sessions, mailed links and API
    /// tokens end (the last active moderator cannot be disabled).
    Disable(UserEmailArgs),
    /// Changes an account's role (members need `--organisation`).
    Role(UserRoleArgs),
}

/// Flags of `user disable`.
#[derive(Debug, Args)]
pub struct UserEmailArgs {
    /// The account's address.
    #[arg(long)]
    pub email: String,
}

/// Flags of `user role`.
#[derive(Debug, Args)]
pub struct UserRoleArgs {
    /// The account's address.
    #[arg(long)]
    pub email: String,
    /// moderator, expert, institution or association.
    #[arg(long)]
    pub role: String,
    /// For institution and association members: the organisation's exact name.
    #[arg(long)]
    pub organisation: Option<String>,
}

/// Flags of `user add`.
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Login address.
    #[arg(long)]
    pub email: String,
    /// Name shown on the site.
    #[arg(long)]
    pub name: String,
    /// moderator, expert, institution or association.
    #[arg(long)]
    pub role: String,
    /// For institution and association members: the organisation's exact name (created,
    /// verified, when missing).
    #[arg(long)]
    pub organisation: Option<String>,
    /// Read the password from standard input; without it, a one-time link to set it is printed.
    #[arg(long)]
    pub password_stdin: bool,
    /// Public URL of the site, for the printed link.
    #[arg(
        long,
        env = "PASSERELLE_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
    /// Language of the account (fr or en).
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

/// Flags of `token`.
#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The organisation's exact name.
    #[arg(long)]
    pub organisation: String,
    /// A name for the token.
    #[arg(long, default_value = "cli")]
    pub name: String,
    /// read or write.
    #[arg(long, default_value = "read")]
    pub scope: String,
}

/// Flags of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Folder to write `<table>.csv` and `<table>.json` into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Language of the CSV texts (fr or en).
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

/// Flags of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PASSERELLE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Load the demo data set (and demo accounts) when the database is empty.
    #[arg(long)]
    pub demo: bool,
    /// Public URL of the site (used in emails and to mark cookies Secure under https).
    #[arg(long, env = "PASSERELLE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// SMTP server in lettre's URL form (smtp://user:pass@host:587?tls=required); without
    /// it, messages are written as .eml files under DATA_DIR/mail.
    #[arg(long, env = "PASSERELLE_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender address of outgoing mail.
    #[arg(
        long,
        env = "PASSERELLE_MAIL_FROM",
        default_value = "Passerelle <no-reply@passerelle.localhost>"
    )]
    pub mail_from: String,
    /// API requests allowed per token and minute (then 429 with Retry-After).
    #[arg(long, env = "PASSERELLE_API_RATE", default_value_t = 600)]
    pub api_rate: usize,
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client (comma-separated);
    /// from any other peer the header is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "PASSERELLE_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Flags of `outbox`.
#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// Put every failed message back in the queue.
    #[arg(long)]
    pub retry_failed: bool,
}

/// Flags of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// experts.jsonl file.
    #[arg(long)]
    pub experts: Option<PathBuf>,
    /// missions.jsonl file.
    #[arg(long)]
    pub missions: Option<PathBuf>,
    /// projects.jsonl file.
    #[arg(long)]
    pub projects: Option<PathBuf>,
}

/// Flags of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder to write into (created when missing).
    #[arg(long)]
    pub dir: PathBuf,
}

/// Flags of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of experts.
    #[arg(long, default_value_t = 1000)]
    pub experts: usize,
    /// Number of missions.
    #[arg(long, default_value_t = 100)]
    pub missions: usize,
    /// Number of village projects.
    #[arg(long, default_value_t = 100)]
    pub projects: usize,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Folder to write into (created when missing).
    #[arg(long)]
    pub dir: PathBuf,
}

/// Flags of `match`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["opportunity", "expert", "all"])))]
pub struct MatchArgs {
    /// Ref of a mission or project: rank experts for it.
    #[arg(long)]
    pub opportunity: Option<String>,
    /// Ref of an expert: rank missions and projects for them.
    #[arg(long)]
    pub expert: Option<String>,
    /// Rank experts for every mission and project (one JSON line each).
    #[arg(long)]
    pub all: bool,
    /// How many matches to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the reasons (fr or en).
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

/// Flags of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// qrels.jsonl file of relevance judgements.
    #[arg(long)]
    pub qrels: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn data_dir_is_accepted_before_and_after_the_subcommand() {
        let before =
            Cli::try_parse_from(["passerelle", "--data-dir", "/tmp/x", "migrate"]).unwrap();
        let after = Cli::try_parse_from(["passerelle", "migrate", "--data-dir", "/tmp/x"]).unwrap();
        assert_eq!(before.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(after.data_dir, PathBuf::from("/tmp/x"));
    }
}
