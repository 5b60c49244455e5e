//! Everything the site export can refuse or fail at, worded for an editor.

use std::path::{Path, PathBuf};

use thiserror::Error;

pub use super::publish::Occupant;

#[derive(Debug, Error)]
pub enum SiteError {
    #[error("unknown site setting “{key}”: the settings are {known}")]
    UnknownKey { key: String, known: String },
    #[error("site setting {key} = “{value}” refused: {reason}")]
    BadValue {
        key: String,
        value: String,
        reason: String,
    },
    #[error("template {name}{}: {detail}; fix the template (see `newsdesk site get templates_dir`)", line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Template {
        name: String,
        line: Option<usize>,
        detail: String,
    },
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("reading the published articles failed: {0}")]
    Read(String),
    #[error("no export folder: pass --out DIR, or set one with `newsdesk site set export_dir DIR`")]
    NoOutDir,
    #[error(
        "{} is a folder newsdesk did not make (it publishes through a link to a build folder): move it away or export somewhere else",
        path.display()
    )]
    NotOurs { path: PathBuf },
    #[error("another export of {} is running; try again when it has finished", path.display())]
    Busy { path: PathBuf },
    #[error("no earlier build of {} to roll back to", path.display())]
    NoPrevious { path: PathBuf },
    #[error("unsafe output path “{0}” refused (it would leave the export folder)")]
    UnsafePath(String),
    #[error(
        "cannot export “{title}” ({path}): its photo {}: {reason}; nothing was published and the live site is unchanged (restore the file, or detach the photo with `newsdesk media detach`)",
        file.display()
    )]
    Media {
        title: String,
        path: String,
        file: PathBuf,
        reason: String,
    },
    #[error(
        "cannot export “{title}” ({path}): its body shows media:{reference}, {problem}; fix the body (`newsdesk media list` lists the library); nothing was published and the live site is unchanged"
    )]
    MediaRef {
        title: String,
        path: String,
        reference: String,
        problem: &'static str,
    },
    #[error("photos are kept in a folder beside the database, and this database is in memory")]
    NoMediaFolder,
    #[error(
        "{} {by}: newsdesk makes the export path a link to its build folder and replaces nothing else; move it away or export somewhere else",
        path.display()
    )]
    Occupied { path: PathBuf, by: Occupant },
}

impl SiteError {
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> SiteError {
        SiteError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn template(e: &minijinja::Error, fallback: &str) -> SiteError {
        let mut detail = e.kind().to_string();
        if let Some(d) = e.detail() {
            detail = format!("{detail}: {d}");
        }
        SiteError::Template {
            name: e.name().unwrap_or(fallback).to_string(),
            line: e.line(),
            detail,
        }
    }
}

pub type Result<T, E = SiteError> = std::result::Result<T, E>;
