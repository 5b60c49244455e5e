//! The TUI without a terminal: keys fed to the pure `update`, the screen drawn on ratatui's
//! `TestBackend` as text, and what the editor holds.

pub mod newsroom;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newsdesk::tui::action::{Action, Effect};
use newsdesk::tui::state::{Field, State};
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// One key without modifiers; the effects `update` asks for.
pub fn key(s: &mut State, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Ctrl+`c`; the effects `update` asks for.
pub fn ctrl(s: &mut State, c: char) -> Vec<Effect> {
    update(
        s,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Types `text` character by character.
pub fn typing(s: &mut State, text: &str) {
    for c in text.chars() {
        key(s, KeyCode::Char(c));
    }
}

/// The message line: (text, whether it is an error). Panics if there is none.
pub fn message(s: &State) -> (String, bool) {
    let m = s.message.as_ref().expect("a message");
    (m.text.clone(), m.error)
}

/// The open article's body as the editor holds it.
pub fn body(s: &State) -> String {
    s.editor().unwrap().value(Field::Body)
}

/// Whether the open article has unsaved changes.
pub fn dirty(s: &State) -> bool {
    s.editor().unwrap().dirty
}

/// The state drawn on a `TestBackend` of its own size.
pub fn buffer(s: &State) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    terminal.draw(|f| view::draw(f, s)).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` as text: cell symbols joined (the cells a wide character covers are skipped),
/// trailing spaces trimmed.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut hidden = 0usize;
    for x in buf.area.left()..buf.area.right() {
        if hidden > 0 {
            hidden -= 1;
            continue;
        }
        let symbol = buf[(x, y)].symbol();
        hidden = symbol.width().saturating_sub(1);
        line.push_str(symbol);
    }
    line.trim_end().to_string()
}

/// The buffer as text, one line per row (see `row_text`).
pub fn buffer_to_string(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        out.push_str(&row_text(buf, y));
        out.push('\n');
    }
    out
}

/// The whole screen as text.
pub fn screen(s: &State) -> String {
    buffer_to_string(&buffer(s))
}
