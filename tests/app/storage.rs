//! The storage layer on both engines: the change log records every write in the write's
//! own transaction, and a rolled-back write leaves neither record nor log row.

use passerelle::interchange::{FileKind, read_file};
use passerelle::store::changelog::{self, ChangeKind, Entity};
use passerelle::store::{experts, missions};

use crate::helpers::{Engine, TestDb, dev_data};
use crate::on_both_engines;

async fn every_write_is_logged_in_its_transaction(engine: Engine, test: &str) {
    let Some(tdb) = TestDb::create(engine, test).await else {
        return;
    };
    let db = tdb.connect().await;
    let parsed = read_file(&dev_data().join("experts.jsonl"), FileKind::Experts).unwrap();
    let mut tx = db.pool.begin().await.unwrap();
    experts::upsert_many(&mut tx, db.backend, &parsed.experts[..3])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let log = changelog::since(&db.pool, 0, 100).await.unwrap();
    assert_eq!(log.len(), 3);
    assert!(
        log.windows(2).all(|w| w[0].id < w[1].id),
        "ids are monotonic"
    );
    assert!(
        log.iter()
            .all(|c| c.entity == Entity::Expert && c.kind == ChangeKind::Insert)
    );

    // A rolled-back transaction leaves no trace.
    let mut tx = db.pool.begin().await.unwrap();
    experts::upsert_many(&mut tx, db.backend, &parsed.experts[3..6])
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(experts::count(&db.pool).await.unwrap(), 3);
    assert_eq!(changelog::since(&db.pool, 0, 100).await.unwrap().len(), 3);

    // Update and delete are logged after the cursor.
    let cursor = changelog::last_id(&db.pool).await.unwrap();
    let mut tx = db.pool.begin().await.unwrap();
    experts::upsert_many(&mut tx, db.backend, &parsed.experts[..1])
        .await
        .unwrap();
    experts::delete(&mut tx, db.backend, &parsed.experts[1].r#ref)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let later = changelog::since(&db.pool, cursor, 100).await.unwrap();
    let kinds: Vec<(String, ChangeKind)> =
        later.iter().map(|c| (c.r#ref.clone(), c.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (parsed.experts[0].r#ref.clone(), ChangeKind::Update),
            (parsed.experts[1].r#ref.clone(), ChangeKind::Delete)
        ]
    );
    assert!(matches!(
        experts::get(&db.pool, &parsed.experts[1].r#ref).await,
        Err(passerelle::store::StoreError::NotFound)
    ));

    // Missions resolve their institution by name, created once.
    let m = read_file(&dev_data().join("missions.jsonl"), FileKind::Missions).unwrap();
    let mut tx = db.pool.begin().await.unwrap();
    missions::upsert_many(&mut tx, db.backend, &m.missions)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let stored = missions::get(&db.pool, &m.missions[0].r#ref).await.unwrap();
    assert_eq!(stored.mission, m.missions[0]);
    db.close().await;
    tdb.drop_db().await;
}
on_both_engines!(
    every_write_is_logged_on,
    every_write_is_logged_in_its_transaction
);
