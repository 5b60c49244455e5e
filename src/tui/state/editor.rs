//! The editor's buffers: one text area per field, the body last, and the article's lock.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::{Article, ArticleFields, Status, text};

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
    /// The query of the find last closed: offered when find opens again (Enter finds it).
    pub last_find: String,
    pub preview_scroll: u16,
    /// The soft lock on this article (none for a new one until its first save).
    pub lock: EditLock,
    /// Set when the last change to the body took two undo steps (a replacement from
    /// `$EDITOR`), so Ctrl-Z and Ctrl-Y treat them as one.
    pub undo_pair: Option<UndoPair>,
    /// The article as stored when the editor last agreed with the store (opened, saved, moved):
    /// a field still equal to it is not the writer's change, so a newer stored value may
    /// replace it (see `editor_sync`).
    pub synced: ArticleFields,
}

/// This editor's soft lock on its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditLock {
    /// Not locked: a new article, or the lock is still being taken.
    Unlocked,
    /// Ours: heartbeats keep it fresh until the article is left.
    Held,
    /// Someone else is editing: the text may be read but not changed until taken over.
    ReadOnly(LockHolder),
}

/// Who holds a lock we do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub since: DateTime<Utc>,
}

/// A two-step change in the body's undo history, at the editor revision it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoPair {
    /// Undoing at this revision takes two steps.
    Undo(u64),
    /// Redoing at this revision takes two steps.
    Redo(u64),
}

/// Undo steps kept per field of an open article (the text area keeps 50 by default): a day's
/// typing, at some tens of bytes an edit.
pub const UNDO_DEPTH: usize = 10_000;

pub(super) fn single_line(value: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![value.replace('\n', " ")]);
    t.set_max_histories(UNDO_DEPTH);
    t.set_cursor_line_style(ratatui::style::Style::default());
    // The terminal's own cursor marks the place (see view/editor.rs): input methods put their
    // candidate window there, and moving it costs fewer bytes than redrawing a reversed cell.
    t.set_cursor_style(ratatui::style::Style::default());
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// Lines for the body editor. Text comes in NFC, so every Vietnamese letter is one char.
pub(super) fn body_area(body: &str) -> TextArea<'static> {
    let lines: Vec<String> = text::nfc(&text::normalize_newlines(body))
        .split('\n')
        .map(str::to_string)
        .collect();
    let mut t = TextArea::new(lines);
    t.set_max_histories(UNDO_DEPTH);
    t.set_wrap_mode(WrapMode::Word);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.set_cursor_style(ratatui::style::Style::default());
    t
}

/// The Publish field's text for a stored time.
pub(super) fn publish_text(at: Option<DateTime<Utc>>, tz: FixedOffset) -> String {
    at.map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
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
        let publish = publish_text(f.publish_at, tz);
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
            last_find: String::new(),
            preview_scroll: 0,
            lock: EditLock::Unlocked,
            undo_pair: None,
            synced: f.clone(),
        }
    }

    pub fn read_only(&self) -> Option<&LockHolder> {
        match &self.lock {
            EditLock::ReadOnly(h) => Some(h),
            _ => None,
        }
    }

    /// The id of the article whose lock this editor holds.
    pub fn held_lock(&self) -> Option<i64> {
        self.id.filter(|_| self.lock == EditLock::Held)
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
