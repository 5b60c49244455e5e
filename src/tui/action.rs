//! Everything that can happen: user input, and results coming back from the store.

use crossterm::event::KeyEvent;

use chrono::{DateTime, Utc};

use crate::domain::{Article, ArticleFields, RevisionInfo, Status};
use crate::store::{ArticleSummary, Recovery, Sort};

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
    /// Someone else saved first; our text is kept as revision `kept_rev`.
    Conflict {
        theirs: Article,
        kept_rev: i64,
    },
    Failed(String),
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
