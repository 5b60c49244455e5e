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
    [Some(context), context.parent(), Some(Context::Global)]
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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode as K;

    use super::key::{ch, ctrl, plain};
    use super::*;
    use Command as C;
    use Context::*;

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
