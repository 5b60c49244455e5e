//! The revisions view: the open article's history over the list pane, one revision previewed
//! read-only in the preview pane, and restoring one as a new save.

use super::list::scrolled;
use super::{locks, reload_list, say};
use crate::domain::{Article, ArticleFields, RevisionInfo};
use crate::tui::action::Effect;
use crate::tui::keymap::Command;
use crate::tui::msg::Msg;
use crate::tui::state::{
    AfterLeave, Dialog, EditLock, EditorState, Layout, Pane, RevisionsView, State,
};

/// Ctrl-V: open the history of the article in the editor.
pub fn open(s: &mut State) -> Vec<Effect> {
    let Some(id) = s.editor().and_then(|e| e.id) else {
        say(s, Msg::HistoryNeedsArticle);
        return Vec::new();
    };
    if s.revisions().is_some_and(|r| r.article_id == id) {
        s.focus = Pane::List;
        return vec![Effect::LoadHistory(id)];
    }
    s.list.searching = false;
    let (came_from, right_was_preview) = (s.focus, s.right_is_preview);
    if let Some(a) = s.article_mut() {
        a.revisions = Some(RevisionsView {
            article_id: id,
            rows: Vec::new(),
            loaded: false,
            selected: 0,
            shown: None,
            scroll: 0,
            came_from,
            right_was_preview,
        });
    }
    s.focus = Pane::List;
    vec![Effect::LoadHistory(id)]
}

pub fn loaded(s: &mut State, id: i64, rows: Vec<RevisionInfo>) {
    if let Some(r) = s.revisions_mut().filter(|r| r.article_id == id) {
        r.rows = rows;
        r.loaded = true;
        r.selected = r.selected.min(r.rows.len().saturating_sub(1));
    }
}

/// ↑↓ Home End choose a revision; page keys scroll the one previewed.
pub fn movement(s: &mut State, cmd: Command) {
    let page = s.height.saturating_sub(6).max(1);
    let Some(r) = s.revisions_mut() else {
        return;
    };
    let last = r.rows.len().saturating_sub(1);
    match cmd {
        Command::Up => r.selected = r.selected.saturating_sub(1),
        Command::Down => r.selected = (r.selected + 1).min(last),
        Command::Home => r.selected = 0,
        Command::End => r.selected = last,
        other => r.scroll = scrolled(r.scroll, other, page),
    }
}

/// Enter: load the selected revision's text for the preview.
pub fn preview(s: &mut State) -> Vec<Effect> {
    let Some(r) = s.revisions() else {
        return Vec::new();
    };
    match r.rows.get(r.selected) {
        Some(row) => vec![Effect::LoadRevision {
            id: r.article_id,
            rev: row.rev,
        }],
        None => Vec::new(),
    }
}

/// A revision's text arrived: show it in the preview pane, making that pane visible.
pub fn shown(s: &mut State, id: i64, rev: i64, fields: Box<ArticleFields>) {
    let layout = s.layout();
    let Some(r) = s.revisions_mut().filter(|r| r.article_id == id) else {
        return;
    };
    r.shown = Some((rev, fields));
    r.scroll = 0;
    match layout {
        Layout::Two => s.right_is_preview = true,
        Layout::One => s.focus = Pane::Preview,
        Layout::Three => {}
    }
}

/// `r`: bring the selected revision back, once unsaved changes are saved or discarded.
pub fn restore(s: &mut State) -> Vec<Effect> {
    let Some((id, rev)) = s
        .revisions()
        .and_then(|r| r.rows.get(r.selected).map(|row| (r.article_id, row.rev)))
    else {
        return Vec::new();
    };
    if locks::refuse_read_only(s) {
        return Vec::new();
    }
    if s.editor().is_some_and(|e| e.dirty) {
        s.dialog = Some(Dialog::ConfirmLeave {
            then: AfterLeave::Restore(rev),
        });
        return Vec::new();
    }
    vec![Effect::Restore { id, rev }]
}

/// Esc: in the one-pane layout, back from the preview to the history first; else close.
pub fn close(s: &mut State) {
    if s.layout() == Layout::One && s.focus == Pane::Preview {
        s.focus = Pane::List;
        return;
    }
    if let Some(r) = s.take_revisions() {
        s.right_is_preview = r.right_was_preview;
        s.focus = r.came_from;
    }
    s.preview = None;
}

/// Closes the view when the editor moves to another article (or none).
pub fn close_unless_for(s: &mut State, id: Option<i64>) {
    if s.revisions().is_some_and(|r| Some(r.article_id) != id) {
        s.take_revisions();
        s.preview = None;
    }
}

/// The revision is the article's newest version now: load it, keeping our lock.
pub fn restored(s: &mut State, a: Article, rev: i64) -> Vec<Effect> {
    let lock = s
        .editor()
        .filter(|e| e.id == Some(a.id))
        .map(|e| e.lock.clone())
        .unwrap_or(EditLock::Unlocked);
    let mut e = EditorState::open(&a, s.tz);
    e.lock = lock;
    let needs_lock = e.lock == EditLock::Unlocked;
    s.set_editor(e);
    if let Some(r) = s.take_revisions() {
        s.right_is_preview = r.right_was_preview;
    }
    s.preview = None;
    s.focus = Pane::Editor;
    say(
        s,
        Msg::Restored {
            rev,
            version: a.version,
        },
    );
    s.list.follow = Some(a.id);
    let mut fx = vec![Effect::DiscardRecovery(Some(a.id)), reload_list(s)];
    if needs_lock {
        fx.push(Effect::TakeLock(a.id));
    }
    fx
}
