//! The store on real SQLite files in temporary folders, written by a fixed user at a fixed time.

use std::path::{Path, PathBuf};

use newsdesk::domain::{Actor, ArticleFields};
use newsdesk::store::Store;
use tempfile::TempDir;

use super::clock::at;

/// A fresh folder and the path of a database file (not yet created) inside it.
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.db");
    (dir, path)
}

pub fn open(path: &Path) -> Store {
    Store::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

/// A new, empty store in a fresh folder.
pub fn fresh() -> (TempDir, Store) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

/// hoa at 10:00 UTC.
pub fn hoa() -> Actor {
    Actor::new("hoa", at(10, 0))
}

/// An article with just a title and a body.
pub fn fields(title: &str, body: &str) -> ArticleFields {
    ArticleFields {
        title: title.into(),
        body: body.into(),
        ..Default::default()
    }
}
