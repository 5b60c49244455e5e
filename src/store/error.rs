use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::DomainError;

/// Everything the store can refuse or fail at, worded for an editor of either front end: how
/// to go on from the command line (`--db`, `newsdesk list`) is the CLI's to add.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path} is not a newsdesk database (it was left untouched)")]
    NotNewsdesk { path: String },
    #[error(
        "{path} was made by a newer newsdesk (schema {found}, this one knows up to {known}); it was left untouched: update newsdesk"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("cannot open the database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("{}", open_message(path, *problem))]
    CannotOpen { path: String, problem: OpenProblem },
    #[error("no article “{0}”")]
    NotFound(String),
    #[error("article {id} has no revision {rev}")]
    NoRevision { id: i64, rev: i64 },
    #[error("the slug “{0}” is already used by another article: choose another")]
    SlugTaken(String),
    /// An imported file names a slug that another file's article has.
    #[error(
        "the slug “{slug}” is the article imported from {file}; this file was left out: give it another slug"
    )]
    SlugOfOtherFile { slug: String, file: String },
    #[error(
        "“{title}” was saved by {saved_by} at {saved_at} (version {version}) after you opened it; your text was kept as revision {kept_rev}"
    )]
    Conflict {
        id: i64,
        title: String,
        saved_by: String,
        saved_at: DateTime<Utc>,
        version: i64,
        kept_rev: i64,
    },
    #[error("article {id} is being edited by {user} on {host} since {since}")]
    Locked {
        id: i64,
        user: String,
        host: String,
        since: DateTime<Utc>,
    },
    #[error("no photo “{0}” in the library")]
    MediaNotFound(String),
    #[error("“{key}” starts the hash of {count} photos: give more of it")]
    MediaAmbiguous { key: String, count: usize },
    #[error("{hash} is used by {}", super::media::describe(uses))]
    MediaInUse {
        hash: String,
        uses: Vec<super::media::MediaUse>,
    },
    #[error("“{title}” has no photo {hash} in its gallery")]
    NotInGallery { title: String, hash: String },
    #[error("the database is busy (another editor is writing); try again in a moment")]
    Busy,
    #[error("{}", rule_message(title, source))]
    Rule {
        title: String,
        #[source]
        source: DomainError,
    },
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// What stands between an editor and a database file that is ours (or may be).
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum OpenProblem {
    /// SQLite keeps its write-ahead log (`-wal`, `-shm`) beside the file: the folder must be
    /// writable, not only the file.
    #[error(
        "you may not write to the folder that holds it (permission denied); SQLite keeps its -wal and -shm files beside the database, so the folder must be writable by the newsroom's group"
    )]
    FolderReadOnly,
    #[error("you may not read or write this file (permission denied): check its owner and group")]
    FileDenied,
    #[error("the disk that holds it is full: free some space and try again (nothing was changed)")]
    DiskFull,
    #[error("the file is damaged (cut short or malformed); it was left untouched")]
    Damaged,
}

fn open_message(path: &str, problem: OpenProblem) -> String {
    let check = match problem {
        OpenProblem::Damaged => format!(
            ": check it with `sqlite3 {path} 'PRAGMA integrity_check'` and restore it from a backup"
        ),
        _ => String::new(),
    };
    format!("cannot open the database {path}: {problem}{check}")
}

fn rule_message(title: &str, source: &DomainError) -> String {
    if title.trim().is_empty() {
        source.to_string()
    } else {
        format!("“{title}”: {source}")
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
