//! Keybindings as data: one table per context. The help screen and the footer hints are
//! generated from it, and a test checks that no context binds a key twice.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
pub use crate::tui::msg::KeyHelp;

/// Where the keyboard focus is, for choosing a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Works everywhere (unless a dialog is open).
    Global,
    List,
    /// Typing into the list's search box.
    Search,
    Editor,
    Preview,
    /// The find bar of the body editor.
    Find,
    /// The editor on an article someone else is editing (falls back to `Editor`).
    ReadOnly,
    /// The revisions view over the list pane.
    Revisions,
    /// The open article's photos, over the editor.
    Gallery,
    /// Typing the path of a file to attach.
    GalleryPath,
    /// Picking a photo from the library, filtered as you type.
    GalleryPick,
    /// Typing a photo's caption or alt text for this article.
    GalleryText,
}

impl Context {
    /// The table consulted after this one, before the global one.
    pub fn parent(self) -> Option<Context> {
        match self {
            ReadOnly => Some(Editor),
            _ => None,
        }
    }
}

/// A user intent bound to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    QuitFromList,
    NewArticle,
    Save,
    Help,
    NextPane,
    TogglePreview,
    StatusMenu,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    StartSearch,
    ClearSearch,
    AcceptSearch,
    CycleSort,
    Filter(Option<crate::domain::Status>),
    NextField,
    PrevField,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrev,
    CloseFind,
    Back,
    /// Take the lock of a read-only article deliberately.
    TakeOver,
    /// Open the revisions view of the open article.
    Revisions,
    /// Hand the body to `$EDITOR`.
    ExternalEditor,
    PreviewRevision,
    RestoreRevision,
    CloseRevisions,
    /// Export the site (and sync it) in the background, after asking.
    Export,
    /// English → Telex → VNI typing.
    TypingMode,
    /// Put the word just typed back to the keys pressed (Telex turned `data` into `dât`).
    RestoreRaw,
    /// Open the gallery panel of the open article.
    Gallery,
    AttachFile,
    AttachFromLibrary,
    MakeLead,
    MoveUp,
    MoveDown,
    EditCaption,
    EditAlt,
    RemovePhoto,
    InsertInline,
    CloseGallery,
    /// Tab in the path box.
    CompletePath,
    /// Enter in a gallery box: attach, or keep the text.
    Accept,
    /// Esc in a gallery box.
    Cancel,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn plain(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

/// One binding; `hint` marks the ones the footer shows (in table order).
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub command: Command,
    pub help: KeyHelp,
    pub hint: bool,
}

const fn b(context: Context, key: Key, command: Command, help: KeyHelp, hint: bool) -> Binding {
    Binding {
        context,
        key,
        command,
        help,
        hint,
    }
}

use Command as C;
use Context::*;
use KeyCode as K;
use KeyHelp as H;

pub const BINDINGS: &[Binding] = &[
    b(Global, ctrl('q'), C::Quit, H::Quit, true),
    b(Global, ctrl('n'), C::NewArticle, H::NewArticle, true),
    b(Global, ctrl('s'), C::Save, H::Save, true),
    b(Global, ctrl('o'), C::NextPane, H::NextPane, false),
    b(Global, ctrl('p'), C::TogglePreview, H::EditorPreview, true),
    b(Global, ctrl('l'), C::StatusMenu, H::Status, true),
    b(Global, ctrl('v'), C::Revisions, H::History, true),
    b(Global, ctrl('t'), C::TypingMode, H::Typing, false),
    b(Global, ctrl('e'), C::ExternalEditor, H::InEditor, false),
    // The body editor's "cut" (Ctrl-X) gives way to it: the help says so.
    b(Global, ctrl('x'), C::Export, H::Export, false),
    b(Global, plain(K::F(1)), C::Help, H::Help, false),
    b(List, ch('q'), C::QuitFromList, H::Quit, false),
    b(List, ch('?'), C::Help, H::Help, true),
    b(List, plain(K::Up), C::Up, H::PrevArticle, false),
    b(List, ch('k'), C::Up, H::PrevArticle, false),
    b(List, plain(K::Down), C::Down, H::NextArticle, false),
    b(List, ch('j'), C::Down, H::NextArticle, false),
    b(List, plain(K::PageUp), C::PageUp, H::PageUp, false),
    b(List, plain(K::PageDown), C::PageDown, H::PageDown, false),
    b(List, plain(K::Home), C::Home, H::FirstArticle, false),
    b(List, ch('g'), C::Home, H::FirstArticle, false),
    b(List, plain(K::End), C::End, H::LastArticle, false),
    b(List, ch('G'), C::End, H::LastArticle, false),
    b(List, plain(K::Enter), C::Open, H::Open, true),
    b(List, ch('/'), C::StartSearch, H::Search, true),
    b(List, plain(K::Esc), C::ClearSearch, H::ClearSearch, false),
    b(List, ch('s'), C::CycleSort, H::Sort, true),
    b(List, plain(K::Tab), C::NextPane, H::NextPane, false),
    b(List, ch('0'), C::Filter(None), H::All, false),
    b(
        List,
        ch('1'),
        C::Filter(Some(crate::domain::Status::Draft)),
        H::Drafts,
        false,
    ),
    b(
        List,
        ch('2'),
        C::Filter(Some(crate::domain::Status::Review)),
        H::InReview,
        false,
    ),
    b(
        List,
        ch('3'),
        C::Filter(Some(crate::domain::Status::Scheduled)),
        H::Scheduled,
        false,
    ),
    b(
        List,
        ch('4'),
        C::Filter(Some(crate::domain::Status::Published)),
        H::Published,
        false,
    ),
    b(
        List,
        ch('5'),
        C::Filter(Some(crate::domain::Status::Archived)),
        H::Archived,
        false,
    ),
    b(
        Search,
        plain(K::Enter),
        C::AcceptSearch,
        H::GoToResults,
        true,
    ),
    b(Search, plain(K::Esc), C::ClearSearch, H::Clear, true),
    b(
        Search,
        plain(K::Down),
        C::AcceptSearch,
        H::GoToResults,
        false,
    ),
    b(Editor, plain(K::Tab), C::NextField, H::NextField, true),
    b(Editor, plain(K::BackTab), C::PrevField, H::PrevField, false),
    b(Editor, ctrl('z'), C::Undo, H::Undo, false),
    b(Editor, ctrl('r'), C::RestoreRaw, H::RestoreRaw, false),
    b(Editor, ctrl('y'), C::Redo, H::Redo, false),
    b(Editor, ctrl('f'), C::Find, H::Find, true),
    b(Editor, ctrl('g'), C::FindNext, H::FindNext, false),
    b(Editor, ctrl('u'), C::Gallery, H::Photos, false),
    b(Editor, plain(K::Esc), C::Back, H::BackToList, true),
    b(Preview, plain(K::Up), C::Up, H::ScrollUp, false),
    b(Preview, ch('k'), C::Up, H::ScrollUp, false),
    b(Preview, plain(K::Down), C::Down, H::ScrollDown, false),
    b(Preview, ch('j'), C::Down, H::ScrollDown, false),
    b(Preview, plain(K::PageUp), C::PageUp, H::PageUp, true),
    b(Preview, plain(K::PageDown), C::PageDown, H::PageDown, true),
    b(Preview, ch(' '), C::PageDown, H::PageDown, false),
    b(Preview, plain(K::Esc), C::Back, H::BackToList, true),
    b(Preview, ch('?'), C::Help, H::Help, false),
    b(Preview, plain(K::Tab), C::NextPane, H::NextPane, false),
    b(Find, plain(K::Enter), C::FindNext, H::NextMatch, true),
    b(Find, plain(K::Down), C::FindNext, H::NextMatch, false),
    b(Find, plain(K::Up), C::FindPrev, H::PrevMatch, true),
    b(Find, plain(K::Esc), C::CloseFind, H::CloseFind, true),
    b(ReadOnly, ctrl('k'), C::TakeOver, H::TakeOver, true),
    b(
        Revisions,
        plain(K::Enter),
        C::PreviewRevision,
        H::Preview,
        true,
    ),
    b(Revisions, ch('r'), C::RestoreRevision, H::Restore, true),
    b(Revisions, plain(K::Esc), C::CloseRevisions, H::Close, true),
    b(Revisions, plain(K::Up), C::Up, H::Choose, false),
    b(Revisions, ch('k'), C::Up, H::Choose, false),
    b(Revisions, plain(K::Down), C::Down, H::Choose, false),
    b(Revisions, ch('j'), C::Down, H::Choose, false),
    b(Revisions, plain(K::Home), C::Home, H::NewestOldest, false),
    b(Revisions, plain(K::End), C::End, H::NewestOldest, false),
    b(
        Revisions,
        plain(K::PageUp),
        C::PageUp,
        H::ScrollPreview,
        false,
    ),
    b(
        Revisions,
        plain(K::PageDown),
        C::PageDown,
        H::ScrollPreview,
        false,
    ),
    b(Revisions, ch(' '), C::PageDown, H::ScrollPreview, false),
    b(Revisions, ch('?'), C::Help, H::Help, false),
    b(Gallery, ch('a'), C::AttachFile, H::AttachFile, true),
    b(Gallery, ch('l'), C::AttachFromLibrary, H::FromLibrary, true),
    b(Gallery, plain(K::Esc), C::CloseGallery, H::Close, true),
    b(Gallery, ch('c'), C::EditCaption, H::EditCaption, true),
    b(Gallery, ch('t'), C::EditAlt, H::EditAlt, true),
    b(Gallery, ch('m'), C::MakeLead, H::MakeLead, true),
    b(Gallery, ch('i'), C::InsertInline, H::InsertInline, true),
    b(Gallery, ch('x'), C::RemovePhoto, H::RemovePhoto, true),
    b(
        Gallery,
        plain(K::Delete),
        C::RemovePhoto,
        H::RemovePhoto,
        false,
    ),
    b(Gallery, ch('K'), C::MoveUp, H::MoveUp, false),
    b(Gallery, ch('J'), C::MoveDown, H::MoveDown, false),
    b(Gallery, plain(K::Up), C::Up, H::Choose, false),
    b(Gallery, ch('k'), C::Up, H::Choose, false),
    b(Gallery, plain(K::Down), C::Down, H::Choose, false),
    b(Gallery, ch('j'), C::Down, H::Choose, false),
    b(
        GalleryPath,
        plain(K::Tab),
        C::CompletePath,
        H::CompletePath,
        true,
    ),
    b(GalleryPath, plain(K::Enter), C::Accept, H::Attach, true),
    b(GalleryPath, plain(K::Esc), C::Cancel, H::Cancel, true),
    b(GalleryPick, plain(K::Enter), C::Accept, H::Attach, true),
    b(GalleryPick, plain(K::Esc), C::Cancel, H::Cancel, true),
    b(GalleryPick, plain(K::Up), C::Up, H::Choose, false),
    b(GalleryPick, plain(K::Down), C::Down, H::Choose, false),
    b(GalleryText, plain(K::Enter), C::Accept, H::Done, true),
    b(GalleryText, plain(K::Esc), C::Cancel, H::Cancel, true),
];

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

/// The tables a context consults, in order: its own, its parent's, the global one.
fn chain(context: Context) -> impl Iterator<Item = Context> {
    [Some(context), context.parent(), Some(Global)]
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
    use super::*;

    #[test]
    fn no_context_binds_a_key_twice() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for other in &BINDINGS[i + 1..] {
                assert!(
                    !(a.context == other.context && a.key == other.key),
                    "{:?} binds {} twice",
                    a.context,
                    a.key.label()
                );
            }
        }
    }

    #[test]
    fn typing_contexts_never_shadow_plain_letters() {
        // Search and Find are text boxes: a plain letter bound there would be untypable.
        for b in BINDINGS.iter().filter(|b| {
            matches!(
                b.context,
                Search | Find | Editor | GalleryPath | GalleryPick | GalleryText
            )
        }) {
            assert!(
                b.key.ctrl || !matches!(b.key.code, K::Char(_)),
                "{:?} binds the plain key {}",
                b.context,
                b.key.label()
            );
        }
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

    #[test]
    fn new_global_keys_avoid_terminal_and_multiplexer_traps() {
        // Ctrl-H is Backspace, Ctrl-I Tab, Ctrl-M Enter, Ctrl-J a line feed, Ctrl-[ Esc;
        // Ctrl-A and Ctrl-B are screen's and tmux's prefixes.
        for b in BINDINGS.iter().filter(|b| b.key.ctrl) {
            assert!(
                !matches!(b.key.code, K::Char('h' | 'i' | 'm' | 'j' | '[' | 'a' | 'b')),
                "{:?} binds {}",
                b.context,
                b.key.label()
            );
        }
    }
}
