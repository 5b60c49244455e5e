//! Everything that can happen: user input, and results coming back from the store.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use chrono::{DateTime, Utc};

use crate::app::AppError;
use crate::domain::{Article, ArticleFields, RevisionInfo, Status};
use crate::site::Progress;
use crate::store::{ArticleSummary, Recovery, Sort};
use crate::tui::state::{GalleryRow, LibraryItem, PhotoPlace};

#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// A window of list rows arrived.
    ListLoaded {
        window_start: usize,
        rows: Vec<ArticleSummary>,
        total: usize,
        snippets: Vec<(i64, String)>,
    },
    ArticleLoaded(Article),
    /// An unsaved buffer was found for this article (`None`: a never-saved one).
    RecoveryFound {
        article: Option<Box<Article>>,
        recovery: Box<Recovery>,
    },
    Saved(Article),
    /// The open article as stored now, read again after taking it over: an editor with no
    /// unsaved changes takes it in.
    Refreshed(Box<Article>),
    /// Someone else saved first; our text is kept as revision `kept_rev`.
    Conflict {
        theirs: Article,
        kept_rev: i64,
    },
    /// An effect failed: what, as data (`update` words it in the person's language).
    Failed(Failure),
    /// An effect finished with nothing to report.
    Done,
    /// We hold the lock on the open article; `from` names whoever had it, when taken over.
    LockTaken {
        id: i64,
        from: Option<String>,
    },
    /// Someone else holds the lock on the article just opened: read-only.
    LockHeld {
        id: i64,
        user: String,
        host: String,
        since: DateTime<Utc>,
    },
    /// Our lock was taken over (found by a heartbeat or before a save): read-only now.
    LockLost {
        id: i64,
        user: String,
        host: String,
        since: DateTime<Utc>,
    },
    /// The open article's history, newest first.
    HistoryLoaded {
        id: i64,
        revisions: Vec<RevisionInfo>,
    },
    /// The text of one revision, for the preview.
    RevisionLoaded {
        id: i64,
        rev: i64,
        fields: Box<ArticleFields>,
    },
    /// Revision `rev` was brought back as the article's newest version.
    Restored {
        article: Box<Article>,
        rev: i64,
    },
    /// The body as `$EDITOR` left it (the file's last newline dropped).
    EditedExternally(String),
    /// The site settings, read to ask before exporting: the export folder (`None`: not set)
    /// and the sync command line (`None`: no sync command).
    ExportReady {
        out: Option<PathBuf>,
        sync: Option<String>,
    },
    /// The export running in the background has got this far.
    ExportProgress(Progress),
    /// The export (and sync) ended: what it did, or what failed.
    ExportFinished(Result<ExportSummary, String>),
    /// The article's photos, read again (after a change: what changed).
    GalleryLoaded {
        id: i64,
        rows: Vec<GalleryRow>,
        done: Option<GalleryDone>,
    },
    /// The names in a folder that complete a typed path (folders end in `/`).
    Completed {
        input: String,
        names: Vec<String>,
    },
    /// The photo library, newest first.
    LibraryLoaded(Vec<LibraryItem>),
    /// The article was published or scheduled; these photos have no alt text (place, hash).
    PublishedWithoutAlt {
        article: Box<Article>,
        photos: Vec<(PhotoPlace, String)>,
    },
}

/// A change to an article's photos that went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GalleryDone {
    /// Attached at this place of the gallery; `fresh`: new to the library.
    Attached {
        short: String,
        place: usize,
        fresh: bool,
    },
    Lead,
    Moved,
    TextSaved,
    /// Taken from the lead (true) or the gallery.
    Removed {
        lead: bool,
    },
}

/// A change to the open article's photos.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GalleryOp {
    /// Add a host file to the library and the gallery.
    AttachFile(PathBuf),
    /// Add a library photo to the gallery.
    AttachHash(String),
    SetLead(String),
    /// Move a gallery photo to a place (from 1).
    Move {
        hash: String,
        to: usize,
    },
    Text {
        hash: String,
        lead: bool,
        caption: Option<String>,
        alt: Option<String>,
    },
    /// Takes the photo from the one place the row shows (lead, or gallery): a photo that is
    /// both keeps the other.
    Remove {
        hash: String,
        lead: bool,
    },
}

/// Why an effect failed.
#[derive(Debug, Clone)]
pub enum Failure {
    /// A use case's (or the store's) error.
    App(Arc<AppError>),
    /// Worded where it happened, from the OS's own text (`$EDITOR`, a photo refused).
    Said(String),
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(Arc::new(e))
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        Failure::App(Arc::new(AppError::Store(e)))
    }
}

impl From<String> for Failure {
    fn from(text: String) -> Self {
        Failure::Said(text)
    }
}

impl From<&str> for Failure {
    fn from(text: &str) -> Self {
        Failure::Said(text.to_string())
    }
}

/// What a finished export did, for the summary on the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSummary {
    /// Scheduled articles it published because their time had come, as the store now holds
    /// them (an editor that has one open takes the move in at once).
    pub published: Vec<Article>,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// The live path (a link to the build).
    pub live: PathBuf,
    pub secs: f64,
    /// The sync, when one was asked for and set: how it ended, or why it could not run.
    pub sync: Option<Result<SyncSummary, String>>,
}

/// How the sync command ended.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncSummary {
    /// Its exit code (`None`: a signal ended it).
    pub code: Option<i32>,
    /// The `sync_timeout` it ran past (as the setting writes it), when it was stopped.
    pub timed_out: Option<String>,
    /// The last line it wrote, control characters removed.
    pub last_line: String,
    /// Everything it wrote.
    pub log: PathBuf,
    pub secs: f64,
}

/// I/O that `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadList(ListRequest),
    LoadArticle(i64),
    /// Create (no id) or save over `base_version`.
    Save {
        id: Option<i64>,
        fields: ArticleFields,
        base_version: i64,
    },
    /// Forget the recovery copy of an article (`None`: the never-saved one).
    DiscardRecovery(Option<i64>),
    SetStatus {
        id: i64,
        to: Status,
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Take the soft lock on an article (answered with `LockTaken` or `LockHeld`).
    TakeLock(i64),
    /// Take the lock whoever holds it.
    TakeOverLock(i64),
    /// Read the article again (answered with `Refreshed`).
    Refresh(i64),
    /// Give our lock up (leaving the article, quitting).
    ReleaseLock(i64),
    LoadHistory(i64),
    LoadRevision {
        id: i64,
        rev: i64,
    },
    Restore {
        id: i64,
        rev: i64,
    },
    /// Suspend the screen and hand this body to `$EDITOR`.
    EditExternally(String),
    /// Read the site settings before asking to export (answered with `ExportReady`).
    PrepareExport,
    /// Export the site (then sync it, if asked) on a thread of its own; progress and the
    /// summary come back as `ExportProgress` and `ExportFinished`.
    Export {
        sync: bool,
    },
    /// Read the article's photos (answered with `GalleryLoaded`).
    LoadGallery(i64),
    /// Read the folder of a typed path for Tab completion (answered with `Completed`).
    Complete(String),
    LoadLibrary,
    /// Change the article's photos, then read them again.
    Gallery {
        id: i64,
        op: GalleryOp,
    },
}

/// Which rows to load: the list's filter, sort and search, and the window wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRequest {
    pub filter: Option<Status>,
    pub sort: Sort,
    pub search: String,
    pub offset: usize,
    pub limit: usize,
}
