//! Everything the site export can refuse or fail at, worded for an editor.

use std::path::{Path, PathBuf};

use thiserror::Error;

pub use super::publish::Occupant;

#[derive(Debug, Error)]
pub enum SiteError {
    #[error("unknown site setting “{key}”: the settings are {known}")]
    UnknownKey { key: String, known: String },
    #[error(
        "site setting {key} = “{value}” refused: {reason}{}",
        if *stored { format!(" (fix it with `newsdesk site set {key} VALUE`)") } else { String::new() }
    )]
    BadValue {
        key: String,
        value: String,
        reason: ValueProblem,
        /// The value was read from the database (not typed now): say how to fix it.
        stored: bool,
    },
    #[error("template {name}{}: {detail}; fix the template (see `newsdesk site get templates_dir`)", line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Template {
        name: String,
        line: Option<usize>,
        detail: String,
    },
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: IoAction,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("reading the published articles failed: {0}")]
    Read(String),
    #[error("no export folder: set one with `newsdesk site set export_dir DIR`")]
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
        "cannot export “{title}” ({path}): its photo {}: {reason}; nothing was published and the live site is unchanged: restore the file, or detach the photo from the article",
        file.display()
    )]
    Media {
        title: String,
        path: String,
        file: PathBuf,
        reason: String,
    },
    #[error(
        "cannot export “{title}” ({path}): its body shows media:{reference}, {problem}; fix the body; nothing was published and the live site is unchanged"
    )]
    MediaRef {
        title: String,
        path: String,
        reference: String,
        problem: RefProblem,
    },
    #[error("photos are kept in a folder beside the database, and this database is in memory")]
    NoMediaFolder,
    #[error(
        "{} {by}: newsdesk makes the export path a link to its build folder and replaces nothing else; move it away or export somewhere else",
        path.display()
    )]
    Occupied { path: PathBuf, by: Occupant },
    // Rendering (issue 10): a page that cannot be rendered names itself and its article.
    #[error("cannot export {}: {problem}; the live site is unchanged", page_name(page, article.as_ref()))]
    Page {
        /// The page's file in the build (`dan-van/tham-dinh/index.html`).
        page: String,
        /// The article the page is, or the one whose data stopped it.
        article: Option<PageArticle>,
        problem: PageProblem,
    },
}

/// What the export was doing to a file or folder when the file system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum IoAction {
    #[error("read")]
    Read,
    #[error("write")]
    Write,
    #[error("copy")]
    Copy,
    #[error("replace")]
    Replace,
    #[error("link")]
    Link,
    #[error("look at")]
    LookAt,
    #[error("set the time of")]
    SetTime,
    #[error("create the folder")]
    CreateFolder,
    #[error("create the builds folder")]
    CreateBuildsFolder,
    #[error("create the build folder")]
    CreateBuildFolder,
    #[error("finish the build folder")]
    FinishBuildFolder,
    #[error("create the lock file")]
    CreateLockFile,
    #[error("read the link")]
    ReadLink,
    #[error("create the link")]
    CreateLink,
    #[error("switch the live site link")]
    SwitchLink,
    #[error("read the template")]
    ReadTemplate,
    #[error("read the templates folder")]
    ReadTemplatesFolder,
    #[error("run the sync command with")]
    RunSync,
    #[error("share the sync log with")]
    ShareSyncLog,
    #[error("make the build durable in")]
    MakeDurable,
    #[error("create the completion mark")]
    CreateCompletionMark,
}

/// Why a body's `media:` reference names no photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum RefProblem {
    #[error("which is not in the photo library")]
    NotInLibrary,
    #[error("which starts the hash of several photos (give more of it)")]
    Ambiguous,
}

/// Why a site setting's value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ValueProblem {
    #[error("give an http:// or https:// address, e.g. https://tin.example.vn")]
    NotHttp,
    #[error("an address has no spaces, quotes or angle brackets")]
    UnsafeAddress,
    #[error("give the site's address without ? or #")]
    QueryOrFragment,
    #[error("choose vi or en")]
    NotALanguage,
    #[error("give a whole number from 1 to 500")]
    PerPage,
    #[error("give a whole number of megabytes from 1 to 1000")]
    MediaMaxMb,
    #[error("give a time from 1 second to 24 hours: 90, 90s, 10m or 2h")]
    SyncTimeout,
    #[error("give an offset like +07:00 or -05:30")]
    NotAnOffset,
    #[error("the site needs a title")]
    NoTitle,
    #[error("give a single line")]
    NotOneLine,
}

/// The article a failed page shows: enough for an editor to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageArticle {
    pub id: i64,
    /// As its address shows it.
    pub slug: String,
    pub title: String,
}

/// Why a page could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PageProblem {
    #[error("{field} is in the year {year}, outside the years 1000–9999 a page can show; {}", field.fix())]
    Date { field: DateField, year: i32 },
    #[error(
        "template {template} ran longer than any page of this site needs ({fuel} steps): a loop without end? fix the template (see `newsdesk site get templates_dir`)"
    )]
    OutOfFuel { template: String, fuel: u64 },
    /// A defect in newsdesk, caught: the message of the panic.
    #[error("rendering stopped on an internal error ({0}); please report it")]
    Panicked(String),
}

/// Which of an article's dates a page cannot show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Published,
    Updated,
}

impl DateField {
    fn fix(self) -> &'static str {
        match self {
            DateField::Published => "correct its publication date",
            DateField::Updated => "save the article again to date its last change today",
        }
    }
}

impl std::fmt::Display for DateField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateField::Published => "its publication date",
            DateField::Updated => "its last change",
        })
    }
}

fn page_name(page: &str, article: Option<&PageArticle>) -> String {
    match article {
        Some(a) => format!("“{}” (article {}, {}; page {page})", a.title, a.id, a.slug),
        None => format!("the page {page}"),
    }
}

impl SiteError {
    pub fn io(action: IoAction, path: &Path, source: std::io::Error) -> SiteError {
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
