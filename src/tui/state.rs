//! What is on screen, as plain data. The view draws it; `update` changes it.

use chrono::FixedOffset;
use ratatui::text::Line;
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::{Article, ArticleFields, Status, text};
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

    pub fn row(&self, index: usize) -> Option<&ArticleSummary> {
        index
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }
}

/// The editor's fields, in Tab order; `Body` is last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Lede,
    Section,
    Tags,
    Byline,
    SignedBy,
    PublishAt,
    Body,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Lede,
        Field::Section,
        Field::Tags,
        Field::Byline,
        Field::SignedBy,
        Field::PublishAt,
        Field::Body,
    ];

    pub fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }
}

pub struct EditorState {
    /// `None` until a new article is first saved.
    pub id: Option<i64>,
    pub slug: Option<String>,
    pub base_version: i64,
    pub status: Status,
    /// One single-line text area per field before the body, in `Field::ALL` order.
    pub lines: Vec<TextArea<'static>>,
    pub body: TextArea<'static>,
    pub focus: Field,
    pub dirty: bool,
    /// Bumped on every change, so the preview re-renders only when the text moved on.
    pub revision: u64,
    pub find: Option<String>,
    pub preview_scroll: u16,
}

fn single_line(value: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![value.replace('\n', " ")]);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// Lines for the body editor. Text comes in NFC, so every Vietnamese letter is one char.
fn body_area(body: &str) -> TextArea<'static> {
    let lines: Vec<String> = text::nfc(&text::normalize_newlines(body))
        .split('\n')
        .map(str::to_string)
        .collect();
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::Word);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t
}

impl EditorState {
    pub fn new_article(tz: FixedOffset) -> EditorState {
        EditorState::from_fields(None, None, 0, Status::Draft, &ArticleFields::default(), tz)
    }

    pub fn open(a: &Article, tz: FixedOffset) -> EditorState {
        EditorState::from_fields(
            Some(a.id),
            Some(a.slug.clone()),
            a.version,
            a.status,
            &a.fields(),
            tz,
        )
    }

    fn from_fields(
        id: Option<i64>,
        slug: Option<String>,
        base_version: i64,
        status: Status,
        f: &ArticleFields,
        tz: FixedOffset,
    ) -> EditorState {
        let publish = f
            .publish_at
            .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let values = [
            f.title.clone(),
            f.lede.clone(),
            f.section.clone(),
            f.tags.join(", "),
            f.byline.clone(),
            f.signed_by.clone(),
            publish,
        ];
        EditorState {
            id,
            slug,
            base_version,
            status,
            lines: values.iter().map(|v| single_line(&text::nfc(v))).collect(),
            body: body_area(&f.body),
            focus: Field::Title,
            dirty: false,
            revision: 0,
            find: None,
            preview_scroll: 0,
        }
    }

    /// Replaces the editor's text with `f` (a recovered buffer), marked unsaved.
    pub fn load_fields(&mut self, f: &ArticleFields, tz: FixedOffset) {
        let fresh = EditorState::from_fields(
            self.id,
            self.slug.clone(),
            self.base_version,
            self.status,
            f,
            tz,
        );
        self.lines = fresh.lines;
        self.body = fresh.body;
        self.dirty = true;
        self.revision += 1;
    }

    pub fn value(&self, field: Field) -> String {
        match field {
            Field::Body => self.body.lines().join("\n"),
            other => self
                .lines
                .get(other.index())
                .map(|t| t.lines().join(" "))
                .unwrap_or_default(),
        }
    }

    /// The fields as a save would send them (publish time parsed separately).
    pub fn fields(&self) -> ArticleFields {
        ArticleFields {
            slug: self.slug.clone(),
            title: self.value(Field::Title),
            lede: self.value(Field::Lede),
            body: self.value(Field::Body),
            byline: self.value(Field::Byline),
            signed_by: self.value(Field::SignedBy),
            section: self.value(Field::Section),
            tags: self
                .value(Field::Tags)
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            publish_at: None,
        }
    }

    pub fn focused_area(&mut self) -> &mut TextArea<'static> {
        match self.focus {
            Field::Body => &mut self.body,
            f => {
                let i = f.index();
                &mut self.lines[i]
            }
        }
    }

    pub fn word_count(&self) -> usize {
        self.body.lines().iter().map(|l| text::word_count(l)).sum()
    }
}

/// A question or a menu over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    Help,
    /// Unsaved changes and the editor wants to leave: save, discard or stay.
    ConfirmLeave {
        then: AfterLeave,
    },
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

/// What to do once the editor has been left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLeave {
    Quit,
    NewArticle,
    Open(i64),
    CloseEditor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub struct State {
    pub list: ListState,
    pub editor: Option<EditorState>,
    pub focus: Pane,
    /// In the two-pane layout, whether the right pane shows the preview instead of the editor.
    pub right_is_preview: bool,
    pub width: u16,
    pub height: u16,
    pub dialog: Option<Dialog>,
    /// Where to go once the pending save succeeds ("save and quit").
    pub after_save: Option<AfterLeave>,
    pub message: Option<Message>,
    /// False under NO_COLOR: focus and selection by reverse video only.
    pub color: bool,
    pub quit: bool,
    /// The newsroom's zone, for showing and reading times.
    pub tz: FixedOffset,
    /// The rendered preview and what it was rendered from (editor revision, width).
    pub preview: Option<PreviewCache>,
}

pub struct PreviewCache {
    pub id: Option<i64>,
    pub revision: u64,
    pub width: u16,
    pub lines: Vec<Line<'static>>,
}

impl State {
    pub fn new(width: u16, height: u16, color: bool, tz: FixedOffset) -> State {
        State {
            list: ListState::default(),
            editor: None,
            focus: Pane::List,
            right_is_preview: false,
            width,
            height,
            dialog: None,
            after_save: None,
            message: None,
            color,
            quit: false,
            tz,
            preview: None,
        }
    }

    pub fn layout(&self) -> Layout {
        Layout::for_size(self.width, self.height)
    }

    /// Rows the list pane shows (its height minus borders, status line and footer).
    pub fn list_rows(&self) -> usize {
        let chrome = if self.layout() == Layout::One { 5 } else { 4 };
        (self.height as usize).saturating_sub(chrome).max(1)
    }
}
