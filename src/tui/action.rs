//! Everything that can happen: user input, and results coming back from the store.

use crossterm::event::KeyEvent;

use crate::domain::{Article, ArticleFields, Status};
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
