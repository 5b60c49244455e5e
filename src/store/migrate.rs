//! Numbered migrations against `PRAGMA user_version`, all applied in one transaction.

use rusqlite::Connection;

use super::error::StoreError;

/// Marks our files so another application's SQLite database is never mistaken for ours.
pub const APPLICATION_ID: i64 = 0x4E44_534B; // "NDSK"

/// Shipped migrations are never edited; a change is a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_articles.sql"),
    include_str!("migrations/0002_settings.sql"),
    include_str!("migrations/0003_recovery.sql"),
    include_str!("migrations/0004_search_facets.sql"),
    include_str!("migrations/0005_locks.sql"),
    include_str!("migrations/0006_media.sql"),
    include_str!("migrations/0007_change_counter.sql"),
    include_str!("migrations/0008_article_source.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What the file turned out to be, checked before anything is written to it.
pub enum Found {
    /// No tables yet: a new database.
    Empty,
    Ours {
        version: i64,
    },
}

pub fn inspect(conn: &Connection, path: &str) -> Result<Found, StoreError> {
    let not_ours = || StoreError::NotNewsdesk {
        path: path.to_string(),
    };
    // The file starts like SQLite (checked before opening): a failure to read it is damage, a
    // full disk or a folder we may not write, which the caller tells apart; never "not ours".
    let read = |sql: &str| -> Result<i64, StoreError> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(StoreError::Sqlite)
    };
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_master")?;
    if app_id == APPLICATION_ID {
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_string(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        Ok(Found::Ours { version })
    } else if app_id == 0 && version == 0 && tables == 0 {
        Ok(Found::Empty)
    } else {
        Err(not_ours())
    }
}

/// Brings the schema from `from` to the latest version in one IMMEDIATE transaction.
pub fn migrate(conn: &mut Connection, from: i64) -> Result<(), StoreError> {
    migrate_to(conn, from, SCHEMA_VERSION)
}

/// Applies migrations up to `target` only; tests use it to build older schemas.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, from: i64, target: i64) -> Result<(), StoreError> {
    if from >= target {
        return Ok(());
    }
    // Migrations may call the text rules (nd_fold, nd_facets), whoever opened the connection.
    super::register_functions(conn)?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for sql in MIGRATIONS
        .iter()
        .take(target.max(0) as usize)
        .skip(now.max(0) as usize)
    {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
        target.max(now)
    ))?;
    tx.commit()?;
    Ok(())
}
