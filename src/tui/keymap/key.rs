//! Keys as bindings compare them: read from terminal events, labelled for the help and footer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use KeyCode as K;

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub(super) const fn plain(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub(super) const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        // Terminals differ on whether Shift-letter carries the SHIFT flag; the char says it.
        let code = match e.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            c => c,
        };
        Key { code, ctrl }
    }

    /// How the help screen and footer write the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            K::Char(' ') => "Space".to_string(),
            K::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            K::Char(c) => c.to_string(),
            K::Enter => "Enter".into(),
            K::Esc => "Esc".into(),
            K::Tab => "Tab".into(),
            K::BackTab => "Shift-Tab".into(),
            K::Up => "↑".into(),
            K::Down => "↓".into(),
            K::PageUp => "PgUp".into(),
            K::PageDown => "PgDn".into(),
            K::Home => "Home".into(),
            K::Delete => "Del".into(),
            K::End => "End".into(),
            K::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("^{name}") } else { name }
    }
}
