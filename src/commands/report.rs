//! `passerelle report --out DIR`: the statistics tables of the web pages, as files; and
//! `passerelle token`: an organisation's API token, for operators.

use anyhow::Context;

use crate::cli::ReportArgs;
use crate::config::Settings;
use crate::stats::{Scope, build};
use crate::store::Db;
use passerelle_templates::stats::table::{UTF8_BOM, to_csv_lang, to_json};

/// Writes `<table>.csv` and `<table>.json` for every table of the full (moderator) view.
pub async fn run(settings: &Settings, db: &Db, args: &ReportArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        matches!(args.lang.as_str(), "fr" | "en"),
        "--lang must be fr or en, not {}",
        args.lang
    );
    let engine = super::matching::open_engine(settings, db).await?;
    let view = build(db, &engine, Scope::Full).await?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut written = 0;
    for table in view.tables() {
        let csv = args.out.join(format!("{}.csv", table.id));
        std::fs::write(
            &csv,
            format!("{UTF8_BOM}{}", to_csv_lang(table, &args.lang)),
        )
        .with_context(|| format!("cannot write {}", csv.display()))?;
        let json = args.out.join(format!("{}.json", table.id));
        std::fs::write(&json, to_json(table))
            .with_context(|| format!("cannot write {}", json.display()))?;
        written += 1;
    }
    println!(
        "wrote {written} tables (CSV and JSON) to {}",
        args.out.display()
    );
    Ok(())
}

/// Creates an API token for the organisation named exactly; prints the secret once.
pub async fn create_token(db: &Db, args: &crate::cli::TokenArgs) -> anyhow::Result<()> {
    let write = match args.scope.as_str() {
        "read" => false,
        "write" => true,
        other => anyhow::bail!("--scope must be read or write, not {other}"),
    };
    let org = crate::store::organisations::all(&db.pool)
        .await?
        .into_iter()
        .find(|o| o.name == args.organisation)
        .ok_or_else(|| anyhow::anyhow!("no organisation is named \"{}\"", args.organisation))?;
    let creator = crate::store::users::members(&db.pool, org.id)
        .await?
        .first()
        .map(|u| u.id);
    let mut tx = db.pool.begin().await?;
    let secret =
        crate::store::api_tokens::create(&mut tx, org.id, &args.name, write, creator).await?;
    tx.commit().await?;
    println!("{secret}");
    Ok(())
}
