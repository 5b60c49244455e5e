//! Typing into the editor: keys, pastes, find, undo, and the body coming back from `$EDITOR`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, DataCursor, Input, TextArea};

use super::list::reset_list;
use super::{locks, say, typing};
use crate::domain::text;
use crate::tui::action::Effect;
use crate::tui::keymap::Command;
use crate::tui::msg::Msg;
use crate::tui::state::{EditorState, Field, Pane, State, UndoPair};

/// Keys that only move the cursor, allowed on a read-only article.
fn moves_only(k: &KeyEvent) -> bool {
    !k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(
            k.code,
            KeyCode::Up
                | KeyCode::Down
                | KeyCode::Left
                | KeyCode::Right
                | KeyCode::Home
                | KeyCode::End
                | KeyCode::PageUp
                | KeyCode::PageDown
        )
}

pub fn editor_input(s: &mut State, k: KeyEvent) {
    let Some(e) = s.editor() else { return };
    let single_line = e.focus != Field::Body;
    let read_only = e.read_only().is_some();
    if single_line && matches!(k.code, KeyCode::Enter | KeyCode::Down | KeyCode::Up) {
        typing::end_word(s);
        if let Some(e) = s.editor_mut() {
            let i = e.focus.index();
            e.focus = Field::ALL[if k.code == KeyCode::Up {
                i.saturating_sub(1)
            } else {
                (i + 1).min(Field::ALL.len() - 1)
            }];
        }
        return;
    }
    if read_only && !moves_only(&k) {
        locks::refuse_read_only(s);
        return;
    }
    if typing::key(s, &k) {
        return;
    }
    let Some(e) = s.editor_mut() else { return };
    let area = e.focused_area();
    let changed = match k.code {
        // A combining mark from an input method joins the letter before it (NFC), so a
        // Vietnamese letter stays one char: one arrow press, one Backspace.
        KeyCode::Char(c) if unicode_normalization::char::is_combining_mark(c) => {
            compose_with_previous(area, c)
        }
        _ => area.input(Input::from(k)),
    };
    if changed {
        e.dirty = true;
        e.revision += 1;
    }
}

fn compose_with_previous(area: &mut TextArea<'static>, mark: char) -> bool {
    let DataCursor(row, col) = area.cursor();
    let prev = area
        .lines()
        .get(row)
        .and_then(|l| col.checked_sub(1).and_then(|c| l.chars().nth(c)));
    if let Some(p) = prev {
        let composed = text::nfc(&format!("{p}{mark}"));
        if composed.chars().count() == 1 {
            area.delete_char();
            area.insert_str(composed);
            return true;
        }
    }
    area.insert_char(mark);
    true
}

pub fn paste(s: &mut State, raw: &str) -> Vec<Effect> {
    let clean = text::nfc(&text::normalize_newlines(raw));
    typing::forget(s);
    if s.list.searching && s.focus == Pane::List {
        s.list.search.push_str(&clean.replace('\n', " "));
        return reset_list(s);
    }
    if s.focus != Pane::Editor || s.editor().is_none() {
        return Vec::new();
    }
    if s.gallery().is_some() {
        super::gallery::typed(s, Some(&clean));
        return Vec::new();
    }
    if locks::refuse_read_only(s) {
        return Vec::new();
    }
    let Some(e) = s.editor_mut() else {
        return Vec::new();
    };
    let single_line = e.focus != Field::Body;
    let area = e.focused_area();
    let inserted = if single_line {
        area.insert_str(clean.replace('\n', " "))
    } else {
        area.insert_str(clean)
    };
    if inserted {
        e.dirty = true;
        e.revision += 1;
    }
    Vec::new()
}

/// Ctrl-Z / Ctrl-Y in the focused field; a replacement from `$EDITOR` is one step.
pub fn undo_redo(s: &mut State, cmd: Command) {
    if locks::refuse_read_only(s) {
        return;
    }
    let tz = s.tz;
    let Some(e) = s.editor_mut() else { return };
    let undo = cmd == Command::Undo;
    let pair = match (e.undo_pair, undo) {
        (Some(UndoPair::Undo(r)), true) | (Some(UndoPair::Redo(r)), false) => {
            r == e.revision && e.focus == Field::Body
        }
        _ => false,
    };
    let steps = if pair { 2 } else { 1 };
    let area = e.focused_area();
    let mut changed = false;
    for _ in 0..steps {
        changed |= if undo { area.undo() } else { area.redo() };
    }
    if !changed {
        say(
            s,
            if undo {
                Msg::NothingToUndo
            } else {
                Msg::NothingToRedo
            },
        );
        return;
    }
    // Back at the saved text, nothing is unsaved.
    e.dirty = !e.matches_synced(tz);
    e.revision += 1;
    e.undo_pair = pair.then_some(if undo {
        UndoPair::Redo(e.revision)
    } else {
        UndoPair::Undo(e.revision)
    });
}

/// Ctrl-E: ask the runtime to hand the body to `$EDITOR`.
pub fn external(s: &mut State) -> Vec<Effect> {
    let Some(e) = s.editor() else {
        say(s, Msg::EditorNeedsArticle);
        return Vec::new();
    };
    if e.read_only().is_some() {
        locks::refuse_read_only(s);
        return Vec::new();
    }
    vec![Effect::EditExternally(e.value(Field::Body))]
}

/// The body came back from `$EDITOR`: NFC, `\n` line breaks, unsaved, and undoable.
pub fn edited_externally(s: &mut State, raw: &str) {
    typing::forget(s);
    let Some(e) = s.editor_mut() else { return };
    let new = text::nfc(&text::normalize_newlines(raw));
    e.focus = Field::Body;
    if new == e.value(Field::Body) {
        say(s, Msg::EditorUnchanged);
        return;
    }
    replace_body(e, &new);
    say(s, Msg::EditedExternally);
}

/// Replaces the body through the text area's own edits, so Ctrl-Z brings the old one back:
/// only the part between the common start and the common end is deleted and inserted.
fn replace_body(e: &mut EditorState, new: &str) {
    let old = e.value(Field::Body);
    let (old_c, new_c): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = old_c.iter().zip(&new_c).take_while(|(a, b)| a == b).count();
    let max_suffix = old_c.len().min(new_c.len()) - prefix;
    let suffix = old_c
        .iter()
        .rev()
        .zip(new_c.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let start = position(&old_c, prefix);
    let end = position(&old_c, old_c.len() - suffix);
    let middle: String = new_c[prefix..new_c.len() - suffix].iter().collect();
    let (Some(start), Some(end)) = (start, end) else {
        // Beyond what a cursor jump can name: replace everything (two undo steps).
        e.body.select_all();
        e.body.insert_str(new);
        bump(e, true);
        return;
    };
    let deletes = start != end;
    e.body.cancel_selection();
    e.body.move_cursor(CursorMove::Jump(start.0, start.1));
    if deletes {
        e.body.start_selection();
        e.body.move_cursor(CursorMove::Jump(end.0, end.1));
        if middle.is_empty() {
            e.body.cut();
        }
    }
    if !middle.is_empty() {
        e.body.insert_str(&middle);
    }
    bump(e, deletes && !middle.is_empty());
}

fn bump(e: &mut EditorState, two_steps: bool) {
    e.dirty = true;
    e.revision += 1;
    e.undo_pair = two_steps.then_some(UndoPair::Undo(e.revision));
}

/// (row, column) of the `offset`-th char of text split on `\n`, if a cursor jump can reach it.
fn position(chars: &[char], offset: usize) -> Option<(u16, u16)> {
    let (mut row, mut col) = (0usize, 0usize);
    for c in &chars[..offset] {
        if *c == '\n' {
            row += 1;
            col = 0;
        } else {
            col += 1;
        }
    }
    Some((u16::try_from(row).ok()?, u16::try_from(col).ok()?))
}
