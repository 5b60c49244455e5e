//! Carrying out a bound command: each one handled here or handed to its pane's module.

use super::leave::leave_or_ask;
use super::{context, editor, export, find, gallery, list, locks, revisions, save, typing};
use crate::store::Sort;
use crate::tui::action::Effect;
use crate::tui::dialogs;
use crate::tui::keymap::{Command, Context};
use crate::tui::state::{AfterLeave, Dialog, Field, Pane, State};

/// Carries out a bound command.
pub fn command(s: &mut State, cmd: Command) -> Vec<Effect> {
    use Command as C;
    match cmd {
        C::Quit | C::QuitFromList => leave_or_ask(s, AfterLeave::Quit),
        C::NewArticle => leave_or_ask(s, AfterLeave::NewArticle),
        C::Open => match s.list.selected_row().map(|r| r.id) {
            Some(id) if s.editor().and_then(|e| e.id) == Some(id) => {
                s.focus = Pane::Editor;
                Vec::new()
            }
            Some(id) => leave_or_ask(s, AfterLeave::Open(id)),
            None => Vec::new(),
        },
        C::Save => save(s),
        C::Leader => {
            s.dialog = Some(Dialog::Leader);
            Vec::new()
        }
        C::Help => {
            s.dialog = Some(Dialog::Help { scroll: 0 });
            Vec::new()
        }
        C::StatusMenu => {
            if !locks::refuse_read_only(s) {
                dialogs::open_status_menu(s);
            }
            Vec::new()
        }
        C::NextPane => {
            s.focus = list::next_pane(s);
            Vec::new()
        }
        C::TogglePreview => {
            list::toggle_preview(s);
            Vec::new()
        }
        C::Up | C::Down if matches!(context(s), Context::Gallery | Context::GalleryPick) => {
            gallery::command(s, cmd)
        }
        C::Up | C::Down | C::PageUp | C::PageDown | C::Home | C::End => {
            if context(s) == Context::Revisions {
                revisions::movement(s, cmd);
                return Vec::new();
            }
            list::movement(s, cmd)
        }
        C::StartSearch => {
            s.list.searching = true;
            s.focus = Pane::List;
            Vec::new()
        }
        C::ClearSearch => {
            s.list.searching = false;
            if s.list.search.is_empty() {
                return Vec::new();
            }
            s.list.search.clear();
            list::reset_list(s)
        }
        C::AcceptSearch => {
            s.list.searching = false;
            Vec::new()
        }
        C::CycleSort => {
            s.list.sort = match s.list.sort {
                Sort::Updated => Sort::Published,
                Sort::Published => Sort::Title,
                Sort::Title => Sort::Updated,
            };
            list::reset_list(s)
        }
        C::Filter(f) => {
            s.list.filter = f;
            list::reset_list(s)
        }
        C::TypingMode => {
            typing::cycle(s);
            Vec::new()
        }
        C::RestoreRaw => {
            typing::restore_raw(s);
            Vec::new()
        }
        C::NextField | C::PrevField => {
            typing::end_word(s);
            if let Some(e) = s.editor_mut() {
                let i = e.focus.index() as isize + if cmd == C::NextField { 1 } else { -1 };
                let n = Field::ALL.len() as isize;
                e.focus = Field::ALL[i.rem_euclid(n) as usize];
            }
            Vec::new()
        }
        C::Undo | C::Redo => {
            typing::forget(s);
            editor::undo_redo(s, cmd);
            Vec::new()
        }
        C::Find => {
            // The word being typed in the body ends there; the query starts a word of its own.
            typing::end_word(s);
            if let Some(e) = s.editor_mut() {
                e.focus = Field::Body;
                e.find = Some(String::new());
                // The last find's "Not found." or count is not this one's.
                s.message = None;
            }
            Vec::new()
        }
        C::FindNext | C::FindPrev => {
            find::step(s, cmd == C::FindNext);
            Vec::new()
        }
        C::CloseFind => {
            typing::forget(s);
            if let Some(e) = s.editor_mut() {
                if let Some(query) = e.find.take().filter(|q| !q.is_empty()) {
                    e.last_find = query;
                }
                let _ = e.body.set_search_pattern("");
            }
            Vec::new()
        }
        C::Back => {
            s.focus = Pane::List;
            Vec::new()
        }
        C::TakeOver => locks::take_over(s),
        C::Revisions => revisions::open(s),
        C::ExternalEditor => editor::external(s),
        C::PreviewRevision => revisions::preview(s),
        C::RestoreRevision => revisions::restore(s),
        C::CloseRevisions => {
            revisions::close(s);
            Vec::new()
        }
        C::Export => export::start(s),
        C::Gallery => gallery::open(s),
        C::AttachFile
        | C::AttachFromLibrary
        | C::MakeLead
        | C::MoveUp
        | C::MoveDown
        | C::EditCaption
        | C::EditAlt
        | C::RemovePhoto
        | C::InsertInline
        | C::CloseGallery
        | C::CompletePath
        | C::Accept
        | C::Cancel => gallery::command(s, cmd),
        // Only dialogs bind these, and dialogs answer their own keys (`dialogs::key`).
        C::SaveAndLeave
        | C::DiscardAndLeave
        | C::Stay
        | C::RecoverText
        | C::DiscardRecovered
        | C::KeepTheirs
        | C::KeepMine
        | C::CopyAside => Vec::new(),
    }
}
