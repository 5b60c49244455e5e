//! The binding table itself: every key of every context, with its help text and footer hint.

use crossterm::event::KeyCode as K;

use super::key::{ch, ctrl, plain};
use super::{Command, Command as C, Context, Context::*, Key, KeyHelp, KeyHelp as H};

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

pub const BINDINGS: &[Binding] = &[
    // The leader: first, so the footer and help name it before anything else.
    b(Global, ctrl('d'), C::Leader, H::More, true),
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
    b(LeaveDialog, ch('s'), C::SaveAndLeave, H::Save, true),
    b(LeaveDialog, ch('y'), C::SaveAndLeave, H::Save, false),
    b(
        LeaveDialog,
        plain(K::Enter),
        C::SaveAndLeave,
        H::Save,
        false,
    ),
    b(LeaveDialog, ch('d'), C::DiscardAndLeave, H::Discard, true),
    b(LeaveDialog, ch('n'), C::DiscardAndLeave, H::Discard, false),
    b(LeaveDialog, plain(K::Esc), C::Stay, H::Stay, true),
    b(LeaveDialog, ch('c'), C::Stay, H::Stay, false),
    b(StatusDialog, plain(K::Up), C::Up, H::Choose, true),
    b(StatusDialog, plain(K::Down), C::Down, H::Choose, true),
    b(StatusDialog, plain(K::Enter), C::Accept, H::Apply, true),
    b(StatusDialog, plain(K::Esc), C::Cancel, H::Cancel, true),
    b(RecoverDialog, ch('r'), C::RecoverText, H::RecoverIt, true),
    b(
        RecoverDialog,
        plain(K::Enter),
        C::RecoverText,
        H::RecoverIt,
        false,
    ),
    b(
        RecoverDialog,
        ch('d'),
        C::DiscardRecovered,
        H::DiscardIt,
        true,
    ),
    b(ConflictDialog, ch('t'), C::KeepTheirs, H::KeepTheirs, true),
    b(ConflictDialog, ch('m'), C::KeepMine, H::KeepMine, true),
    b(ConflictDialog, ch('c'), C::CopyAside, H::CopyAside, true),
    b(
        ConflictDialog,
        plain(K::Esc),
        C::CopyAside,
        H::CopyAside,
        false,
    ),
    b(ExportDialog, ch('y'), C::Accept, H::Yes, true),
    b(ExportDialog, ch('Y'), C::Accept, H::Yes, false),
    b(ExportDialog, plain(K::Enter), C::Accept, H::Yes, false),
    b(ExportDialog, ch('n'), C::Cancel, H::No, true),
    b(ExportDialog, ch('N'), C::Cancel, H::No, false),
    b(ExportDialog, plain(K::Esc), C::Cancel, H::No, false),
    b(HelpDialog, plain(K::Up), C::Up, H::Scroll, true),
    b(HelpDialog, plain(K::Down), C::Down, H::Scroll, true),
    b(HelpDialog, ch('k'), C::Up, H::Scroll, false),
    b(HelpDialog, ch('j'), C::Down, H::Scroll, false),
    b(HelpDialog, plain(K::PageUp), C::PageUp, H::Scroll, true),
    b(HelpDialog, plain(K::PageDown), C::PageDown, H::Scroll, true),
    b(HelpDialog, ch(' '), C::PageDown, H::Scroll, false),
    b(HelpDialog, plain(K::Home), C::Home, H::Scroll, false),
    b(HelpDialog, plain(K::End), C::End, H::Scroll, false),
    // The leader's menu lists these, in this order; commands that also have a Ctrl key keep
    // it for now, so no habit breaks while the editor issues move things here.
    b(Leader, ch('l'), C::StatusMenu, H::Status, true),
    b(Leader, ch('h'), C::Revisions, H::History, true),
    b(Leader, ch('p'), C::Gallery, H::Photos, true),
    b(Leader, ch('e'), C::ExternalEditor, H::InEditor, true),
    b(Leader, ch('t'), C::TypingMode, H::Typing, true),
    b(Leader, ch('k'), C::TakeOver, H::TakeOver, true),
    b(Leader, ch('x'), C::Export, H::ExportSite, true),
    b(Leader, ch('?'), C::Help, H::Help, true),
    b(Leader, plain(K::Esc), C::Cancel, H::Close, true),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_context_with_bindings_is_listed_in_all() {
        for b in BINDINGS {
            assert!(Context::ALL.contains(&b.context), "{:?}", b.context);
        }
    }

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
