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

/// The help screen's entries, `(text, is a heading)`: every context of `Context::ALL` with
/// its keys, those sharing a help text on one line (`↓ j  next article`).
pub fn help_entries(lang: Lang) -> Vec<(String, bool)> {
    let mut entries: Vec<(String, bool)> = Vec::new();
    for ctx in Context::ALL {
        let name = crate::tui::msg::text(lang, &crate::tui::msg::Msg::HelpGroup(ctx));
        entries.push((name.into_owned(), true));
        let mut seen = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            // `?` opens this screen wherever it is not typed: said once, under the list.
            let help_again =
                b.command == Command::Help && !matches!(ctx, Context::Global | Context::List);
            if help_again || seen.contains(&b.help) {
                continue;
            }
            seen.push(b.help);
            let keys: Vec<String> = BINDINGS
                .iter()
                .filter(|o| o.context == ctx && o.help == b.help)
                .map(|o| o.key.label())
                .collect();
            entries.push((
                format!(" {:<10} {}", keys.join(" "), b.help.text(lang)),
                false,
            ));
        }
    }
    entries
}

/// A dialog's key line, in `lang`: its hinted keys, those that share a help text written
/// together (`↑↓ choose`), three spaces apart.
pub fn dialog_keys(context: Context, lang: Lang) -> String {
    let mut parts: Vec<(String, KeyHelp)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.context == context && b.hint) {
        match parts.last_mut() {
            Some((label, help)) if *help == b.help => {
                // Arrows run together (`↑↓`); named keys keep a space (`PgUp PgDn`).
                let next = b.key.label();
                if label.chars().count() > 1 || next.chars().count() > 1 {
                    label.push(' ');
                }
                label.push_str(&next);
            }
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
