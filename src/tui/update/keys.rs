//! Routing a key: the context picks the table; a bound key runs a command, others are typed.

use crossterm::event::KeyEvent;

use super::{command, editor, find, gallery, list};
use crate::tui::action::Effect;
use crate::tui::dialogs;
use crate::tui::keymap::{self, Context, Key};
use crate::tui::state::{GalleryMode, Pane, State};

/// Which key table applies: the focused pane, and what it is doing.
pub fn context(s: &State) -> Context {
    let editor = s.editor();
    if s.focus == Pane::Editor
        && let Some(g) = s.gallery()
    {
        return match g.mode {
            GalleryMode::List => Context::Gallery,
            GalleryMode::Path { .. } => Context::GalleryPath,
            GalleryMode::Pick { .. } => Context::GalleryPick,
            GalleryMode::Text { .. } => Context::GalleryText,
        };
    }
    match s.focus {
        _ if s.revisions().is_some() && s.focus != Pane::Editor => Context::Revisions,
        Pane::List if s.list.searching => Context::Search,
        Pane::List => Context::List,
        Pane::Editor if editor.is_some_and(|e| e.find.is_some()) => Context::Find,
        Pane::Editor if editor.is_some_and(|e| e.read_only().is_some()) => Context::ReadOnly,
        Pane::Editor if editor.is_some() => Context::Editor,
        Pane::Editor | Pane::Preview => Context::Preview,
    }
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    if s.dialog.is_some() {
        return dialogs::key(s, k);
    }
    let ctx = context(s);
    if let Some(cmd) = keymap::lookup(ctx, Key::from_event(&k)) {
        return command(s, cmd);
    }
    match ctx {
        Context::Search => list::search_input(s, k),
        Context::Find => find::find_input(s, k),
        Context::GalleryPath | Context::GalleryPick | Context::GalleryText => {
            gallery::input(s, k);
            Vec::new()
        }
        Context::Editor | Context::ReadOnly => {
            editor::editor_input(s, k);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
