//! Test helpers: per-test databases on both engines, running the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use passerelle::store::Db;

/// The environment variable naming a PostgreSQL server for the tests.
pub const POSTGRES_ENV: &str = "PASSERELLE_TEST_POSTGRES_URL";

/// Which engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A fresh, empty database for one test, with its own data folder.
pub struct TestDb {
    pub url: String,
    pub dir: tempfile::TempDir,
    admin_url: Option<String>,
    name: Option<String>,
}

impl TestDb {
    /// Creates a database on `engine`, or `None` (after a loud message) when PostgreSQL
    /// is not configured.
    pub async fn create(engine: Engine, test: &str) -> Option<TestDb> {
        let dir = tempfile::tempdir().expect("temp dir");
        match engine {
            Engine::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("passerelle.db").display());
                Some(TestDb {
                    url,
                    dir,
                    admin_url: None,
                    name: None,
                })
            }
            Engine::Postgres => {
                let Ok(admin_url) = std::env::var(POSTGRES_ENV) else {
                    // Written straight to the process's stderr so the test harness does not hide it.
                    use std::io::Write;
                    let _ = writeln!(
                        std::io::stderr(),
                        "*** SKIPPED: PostgreSQL variant of `{test}` ({POSTGRES_ENV} is not set) ***"
                    );
                    return None;
                };
                let name = format!("passerelle_t_{}", uuid::Uuid::new_v4().simple());
                let admin = Db::connect(&admin_url, std::time::Duration::from_secs(5))
                    .await
                    .expect("PostgreSQL reachable");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&admin.pool)
                    .await
                    .expect("create database");
                admin.close().await;
                let url = replace_database(&admin_url, &name);
                Some(TestDb {
                    url,
                    dir,
                    admin_url: Some(admin_url),
                    name: Some(name),
                })
            }
        }
    }

    /// Connects and migrates.
    pub async fn connect(&self) -> Db {
        let db = Db::connect(&self.url, std::time::Duration::from_secs(5))
            .await
            .expect("connect");
        db.migrate().await.expect("migrate");
        db
    }

    /// Drops the PostgreSQL database (SQLite files go with the temp dir).
    pub async fn drop_db(self) {
        if let (Some(admin_url), Some(name)) = (&self.admin_url, &self.name)
            && let Ok(admin) = Db::connect(admin_url, std::time::Duration::from_secs(5)).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&admin.pool)
            .await;
            admin.close().await;
        }
    }

    /// Runs the real `passerelle` binary with this database and data folder.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run passerelle")
    }

    /// A `passerelle` command with this database and data folder, not started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(binary());
        cmd.args(args)
            .env("DATABASE_URL", &self.url)
            .env("PASSERELLE_DATA_DIR", self.dir.path())
            .env("RUST_LOG", "warn");
        cmd
    }
}

/// The binary under test: `PASSERELLE_TEST_BIN` when set (a private copy, for a target
/// folder shared by several worktrees, whose `debug/passerelle` another build may
/// replace), else the one cargo built for these tests.
pub fn binary() -> PathBuf {
    std::env::var_os("PASSERELLE_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_passerelle")))
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map(|(b, q)| (b, Some(q)))
        .unwrap_or((url, None));
    let cut = base.rfind('/').expect("a database URL has a path");
    let mut out = format!("{}/{name}", &base[..cut]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Defines `$name::sqlite` and `$name::postgres` tests running `$body(engine)`.
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body(
                    $crate::helpers::Engine::Sqlite,
                    concat!(module_path!(), "::sqlite"),
                )
                .await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$body(
                    $crate::helpers::Engine::Postgres,
                    concat!(module_path!(), "::postgres"),
                )
                .await;
            }
        }
    };
}

/// The shared development data set.
pub fn dev_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/dev")
}

/// Standard output and error of a finished command, as text.
pub fn texts(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
