//! Keybindings as data: one table per context. The help screen and the footer hints are
//! generated from it, and a test checks that no context binds a key twice.

mod bindings;
mod command;
mod context;
mod key;

use crate::i18n::Lang;
pub use crate::tui::msg::KeyHelp;
pub use bindings::{BINDINGS, Binding};
pub use command::Command;
pub use context::Context;
pub use key::Key;

/// The tables a context consults, in order: its own, its parent's, the global one.
fn chain(context: Context) -> impl Iterator<Item = Context> {
    let global = (!context.is_dialog()).then_some(Context::Global);
    [Some(context), context.parent(), global]
        .into_iter()
        .flatten()
}

/// The command bound to `key` in `context` (checked first), its parent, or globally.
pub fn lookup(context: Context, key: Key) -> Option<Command> {
    chain(context).find_map(|ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.key == key)
            .map(|b| b.command)
    })
}

/// Footer hints for a context, in `lang`: its own hinted keys, its parent's, then the global
/// ones.
pub fn hints(context: Context, lang: Lang) -> Vec<(String, &'static str)> {
    chain(context)
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == ctx && b.hint))
        .map(|b| (b.key.label(), b.help.text(lang)))
        .collect()
}

/// A dialog's key line, in `lang`: its hinted keys, those that share a help text written
/// together (`↑↓ choose`), three spaces apart.
pub fn dialog_keys(context: Context, lang: Lang) -> String {
    let mut parts: Vec<(String, KeyHelp)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.context == context && b.hint) {
        match parts.last_mut() {
            Some((label, help)) if *help == b.help => label.push_str(&b.key.label()),
            _ => parts.push((b.key.label(), b.help)),
        }
    }
    parts
        .iter()
        .map(|(label, help)| format!("{label} {}", help.text(lang)))
        .collect::<Vec<_>>()
        .join("   ")
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode as K;

    use super::key::{ch, ctrl, plain};
    use super::*;
    use Command as C;
    use Context::*;

    #[test]
    fn dialogs_answer_only_their_own_keys_and_write_their_key_lines() {
        assert_eq!(lookup(LeaveDialog, ctrl('s')), None);
        assert_eq!(lookup(LeaveDialog, ch('s')), Some(C::SaveAndLeave));
        assert_eq!(lookup(StatusDialog, plain(K::Up)), Some(C::Up));
        assert_eq!(
            dialog_keys(StatusDialog, Lang::En),
            "↑↓ choose   Enter apply   Esc cancel"
        );
        assert_eq!(
            dialog_keys(LeaveDialog, Lang::Vi),
            "s lưu   d bỏ thay đổi   Esc ở lại"
        );
    }

    #[test]
    fn context_first_then_global() {
        assert_eq!(lookup(List, ch('q')), Some(C::QuitFromList));
        assert_eq!(lookup(Editor, ch('q')), None);
        assert_eq!(lookup(Editor, ctrl('s')), Some(C::Save));
    }

    #[test]
    fn read_only_adds_take_over_to_the_editor_keys() {
        assert_eq!(lookup(ReadOnly, ctrl('k')), Some(C::TakeOver));
        assert_eq!(lookup(ReadOnly, plain(K::Tab)), Some(C::NextField));
        assert_eq!(lookup(ReadOnly, ctrl('q')), Some(C::Quit));
        // In an editable body Ctrl-K stays the text area's "delete to end of line".
        assert_eq!(lookup(Editor, ctrl('k')), None);
        assert_eq!(hints(ReadOnly, Lang::Vi)[0].1, "giành quyền sửa");
        let hints = hints(ReadOnly, Lang::En);
        assert_eq!(hints[0], ("^K".to_string(), "take over"));
        assert!(hints.iter().any(|(_, h)| *h == "find"));
    }
}
