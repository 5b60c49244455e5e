//! What is on screen, as plain data. The view draws it; `update` changes it.

mod editor;
mod editor_sync;
pub use editor_sync::{BadTime, read_time};
mod gallery;
mod screen;

use chrono::FixedOffset;
use ratatui::text::Line;

pub use editor::{EditLock, EditorState, Field, LockHolder, UndoPair};
pub use gallery::{
    GalleryMode, GalleryRow, GalleryState, LibraryItem, PhotoPlace, TextKind, common_prefix,
    filtered,
};
pub use screen::{ArticleScreen, RevisionsView, Screen};

use crate::domain::{ArticleFields, Status};
use crate::i18n::Lang;
use crate::site::Progress;
use crate::store::{ArticleSummary, Sort};

/// Rows fetched from the store at a time; the list never holds more than this.
pub const LIST_WINDOW: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Editor,
    Preview,
}

/// How many panes fit side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 120 columns or more: list | editor | preview.
    Three,
    /// 80–119: list | editor or preview.
    Two,
    /// Narrower, or under 20 rows: one pane with a tab line.
    One,
}

impl Layout {
    pub fn for_size(width: u16, height: u16) -> Layout {
        if width < 80 || height < 20 {
            Layout::One
        } else if width < 120 {
            Layout::Two
        } else {
            Layout::Three
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// The loaded window of rows, starting at `window_start` in the whole result.
    pub rows: Vec<ArticleSummary>,
    pub window_start: usize,
    pub total: usize,
    pub selected: usize,
    /// First visible row (absolute).
    pub scroll: usize,
    pub filter: Option<Status>,
    pub sort: Sort,
    pub search: String,
    /// The search box has the keyboard.
    pub searching: bool,
    /// Snippets of the current search results, by article id.
    pub snippets: Vec<(i64, String)>,
    /// After a save, select this article when the reloaded rows arrive (it moved to the top).
    pub follow: Option<i64>,
    /// Set once the first page has arrived (to tell "empty newsroom" from "loading").
    pub loaded: bool,
}

impl ListState {
    pub fn selected_row(&self) -> Option<&ArticleSummary> {
        self.selected
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    /// The selected search hit's snippet, shown under its row.
    pub fn selected_snippet(&self) -> Option<&str> {
        if self.search.trim().is_empty() {
            return None;
        }
        let id = self.selected_row()?.id;
        self.snippets
            .iter()
            .find(|(i, s)| *i == id && !s.trim().is_empty())
            .map(|(_, s)| s.as_str())
    }

    /// Whether a search is active with snippets to show (one line is kept for them).
    pub fn shows_snippet(&self) -> bool {
        !self.search.trim().is_empty() && self.snippets.iter().any(|(_, s)| !s.trim().is_empty())
    }

    pub fn row(&self, index: usize) -> Option<&ArticleSummary> {
        index
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }
}

/// A question or a menu over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// The leader key's menu: one more letter picks a command.
    Leader,
    /// Every key of every context; `scroll` is the first row shown.
    Help { scroll: usize },
    /// Unsaved changes and the editor wants to leave: save, discard or stay.
    ConfirmLeave { then: AfterLeave },
    /// Moves the store allows from the current status.
    StatusMenu {
        choices: Vec<Status>,
        selected: usize,
        /// Typed publish time for scheduling.
        at: String,
    },
    /// An unsaved buffer from an earlier session: recover or discard it.
    Recover {
        written_at: String,
        /// First differing line: (line number, stored, recovered).
        diff: Option<(usize, String, String)>,
        recovered: Box<ArticleFields>,
    },
    /// Export the site (and sync it)? `out` is the export folder, `sync` the command line.
    ConfirmExport { out: String, sync: Option<String> },
    /// Someone else saved first.
    Conflict {
        theirs_by: String,
        theirs_at: String,
        kept_rev: i64,
        /// First differing line: (line number, theirs, mine).
        diff: Option<(usize, String, String)>,
        their_version: i64,
    },
}

/// What to do once the editor has been left (or its unsaved changes settled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLeave {
    Quit,
    NewArticle,
    Open(i64),
    CloseEditor,
    /// Bring revision `rev` of the open article back.
    Restore(i64),
}

/// The site export running in the background: how far it has got, and whether it syncs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRun {
    pub progress: Progress,
    pub sync: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub struct State {
    pub list: ListState,
    /// What is open besides the list: nothing, or an article with its panels.
    pub screen: Screen,
    pub focus: Pane,
    /// In the two-pane layout, whether the right pane shows the preview instead of the editor.
    pub right_is_preview: bool,
    pub width: u16,
    pub height: u16,
    /// An overlay rather than part of `screen`: help, the leader menu, the status menu and
    /// the export question open over the list alone as well as over an article.
    pub dialog: Option<Dialog>,
    pub message: Option<Message>,
    /// False under NO_COLOR: focus and selection by reverse video only.
    pub color: bool,
    pub quit: bool,
    /// The newsroom's zone, for showing and reading times.
    pub tz: FixedOffset,
    /// The rendered preview and what it was rendered from (editor revision, width).
    pub preview: Option<PreviewCache>,
    /// The site export running in the background, if one is.
    pub export: Option<ExportRun>,
    pub typing: Typing,
    /// The interface language: views and `update` say everything in it.
    pub lang: Lang,
}

/// What the person chose for the session: `--lang`, the config file, the locale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settings {
    pub lang: Lang,
    /// The typing mode the editor starts in.
    pub typing: TypingMode,
    /// The tone style and lone-w setting Telex and VNI use.
    pub options: crate::domain::vietime::Options,
}

impl Settings {
    /// The settings from `--lang`, the config file and the locale.
    pub fn from_prefs(p: &crate::config::Prefs) -> Settings {
        use crate::config::StartTyping;
        let c = &p.config;
        let base = crate::domain::vietime::Options::default();
        Settings {
            lang: p.lang,
            typing: match c.typing {
                Some(StartTyping::Telex) => TypingMode::Telex,
                Some(StartTyping::Vni) => TypingMode::Vni,
                Some(StartTyping::English) | None => TypingMode::English,
            },
            options: crate::domain::vietime::Options {
                style: c.tone_style.unwrap_or(base.style),
                w_alone_is_u: c.w_alone_is_u.unwrap_or(base.w_alone_is_u),
                ..base
            },
        }
    }
}

/// How keys become letters in the editor (Ctrl-T cycles; the status line shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TypingMode {
    #[default]
    English,
    Telex,
    Vni,
}

/// The typing mode, its settings, and the engine holding the word being typed.
#[derive(Default)]
pub struct Typing {
    pub mode: TypingMode,
    pub options: crate::domain::vietime::Options,
    pub engine: Option<crate::domain::vietime::Engine>,
}

pub struct PreviewCache {
    pub id: Option<i64>,
    /// The revision shown, when the preview shows one from the history.
    pub rev: Option<i64>,
    pub revision: u64,
    pub width: u16,
    pub lines: Vec<Line<'static>>,
}

impl State {
    pub fn new(width: u16, height: u16, color: bool, tz: FixedOffset) -> State {
        State {
            list: ListState::default(),
            screen: Screen::List,
            focus: Pane::List,
            right_is_preview: false,
            width,
            height,
            dialog: None,
            message: None,
            color,
            quit: false,
            tz,
            preview: None,
            export: None,
            typing: Typing::default(),
            lang: Lang::En,
        }
    }

    /// A state in the person's language, typing mode and typing options.
    pub fn with_settings(mut self, settings: Settings) -> State {
        self.lang = settings.lang;
        self.typing = Typing {
            mode: settings.typing,
            options: settings.options,
            engine: crate::tui::update::engine_for(settings.typing, &settings.options),
        };
        self
    }

    pub fn layout(&self) -> Layout {
        Layout::for_size(self.width, self.height)
    }

    /// Article rows the list pane shows: its height minus borders, status line and footer,
    /// and while searching, the search box and the selected hit's snippet line.
    pub fn list_rows(&self) -> usize {
        let chrome = if self.layout() == Layout::One { 5 } else { 4 };
        let search = usize::from(self.list.searching || !self.list.search.is_empty());
        let snippet = usize::from(self.list.shows_snippet());
        (self.height as usize)
            .saturating_sub(chrome + search + snippet)
            .max(1)
    }
}
