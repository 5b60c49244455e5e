//! Vietnamese typing in the editor: with Telex or VNI on, keys for the focused field (or the
//! gallery's caption and alt-text box, when it is open) go through the domain's engine, and
//! its edits (delete n chars, insert text) are applied there.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::domain::vietime::{Edit, Engine, Method, Options};
use crate::tui::state::{EditorState, Field, State, TypingMode};

/// The engine for a mode, or none for English.
pub fn engine_for(mode: TypingMode, base: &Options) -> Option<Engine> {
    let method = match mode {
        TypingMode::English => return None,
        TypingMode::Telex => Method::Telex,
        TypingMode::Vni => Method::Vni,
    };
    Some(Engine::new(Options { method, ..*base }))
}

/// Ctrl-T: English → Telex → VNI → English. The word being typed is ended first.
pub fn cycle(s: &mut State) {
    end_word(s);
    s.typing.mode = match s.typing.mode {
        TypingMode::English => TypingMode::Telex,
        TypingMode::Telex => TypingMode::Vni,
        TypingMode::Vni => TypingMode::English,
    };
    s.typing.engine = engine_for(s.typing.mode, &s.typing.options);
}

/// Whether the focused field takes Vietnamese (the publish time does not).
fn typed_field(e: &EditorState) -> bool {
    e.focus != Field::PublishAt
}

fn apply(area: &mut TextArea<'static>, edit: &Edit) -> bool {
    for _ in 0..edit.delete {
        area.delete_char();
    }
    if !edit.insert.is_empty() {
        area.insert_str(&edit.insert);
    }
    edit.delete > 0 || !edit.insert.is_empty()
}

fn apply_to_focus(s: &mut State, edit: &Edit) {
    // The box is typed at its end: the engine's deletions are characters before it.
    if let Some(text) = s.gallery_mut().and_then(|g| g.text_box()) {
        for _ in 0..edit.delete {
            text.pop();
        }
        text.push_str(&edit.insert);
        return;
    }
    let Some(e) = s.editor_mut() else { return };
    if apply(e.focused_area(), edit) {
        e.dirty = true;
        e.revision += 1;
    }
}

/// Ends the word being typed (restoring an English word typed in Telex), before the cursor
/// leaves it: another field, an arrow key, a save.
pub fn end_word(s: &mut State) {
    let Some(engine) = s.typing.engine.as_mut() else {
        return;
    };
    let edit = engine.end_word();
    engine.reset();
    apply_to_focus(s, &edit);
}

/// Forgets the word being typed: the text changed under the engine (paste, undo, $EDITOR).
pub fn forget(s: &mut State) {
    if let Some(engine) = s.typing.engine.as_mut() {
        engine.reset();
    }
}

/// Ctrl-R: the word just typed goes back to the keys that were pressed (`dât` → `data`).
pub fn restore_raw(s: &mut State) {
    let Some(engine) = s.typing.engine.as_mut() else {
        return;
    };
    let edit = engine.restore_raw();
    apply_to_focus(s, &edit);
}

/// A key for the gallery's caption or alt-text box, through the engine; false when typing
/// is English or the key is not for it.
pub fn box_key(s: &mut State, k: &KeyEvent) -> bool {
    let boxed = s.gallery_mut().and_then(|g| g.text_box()).is_some();
    let Some(engine) = s.typing.engine.as_mut().filter(|_| boxed) else {
        return false;
    };
    match k.code {
        KeyCode::Char(c) => {
            let edit = engine.key(c);
            apply_to_focus(s, &edit);
            true
        }
        KeyCode::Backspace => {
            engine.backspace();
            if let Some(text) = s.gallery_mut().and_then(|g| g.text_box()) {
                text.pop();
            }
            true
        }
        _ => false,
    }
}

/// Handles an editing key through the engine; returns false when the key is not for it (the
/// caller passes it to the text area as usual).
pub fn key(s: &mut State, k: &KeyEvent) -> bool {
    let Some(e) = s.editor() else {
        return false;
    };
    if s.typing.engine.is_none() || !typed_field(e) {
        return false;
    }
    let plain = !k
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let body = e.focus == Field::Body;
    let Some(engine) = s.typing.engine.as_mut() else {
        return false;
    };
    match k.code {
        KeyCode::Char(c) if plain => {
            let edit = engine.key(c);
            apply_to_focus(s, &edit);
            true
        }
        // Enter ends the word in the body and goes through the engine, so Ctrl-R still
        // reaches the word before it.
        KeyCode::Enter if body => {
            let edit = engine.key('\n');
            apply_to_focus(s, &edit);
            true
        }
        KeyCode::Backspace => {
            if let Some(e) = s.editor_mut() {
                let area = e.focused_area();
                if area.delete_char() {
                    e.dirty = true;
                    e.revision += 1;
                }
            }
            if let Some(engine) = s.typing.engine.as_mut() {
                engine.backspace();
            }
            true
        }
        _ => {
            // Anything else moves the cursor or edits elsewhere: the word ends here.
            end_word(s);
            false
        }
    }
}
