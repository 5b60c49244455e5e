//! `update(state, action) -> effects`: every state change, with no I/O. Unit-tested.
//! Actions are dispatched here; keys go through `keys` to `command`, and from there to the
//! module of their pane (`list`, `editor`, `gallery`, `revisions`, …) or to `save` and `leave`.

mod command;
mod editor;
mod export;
mod find;
mod gallery;
mod keys;
mod leave;
mod list;
mod locks;
mod message;
mod preview;
mod revisions;
mod save;
mod typing;

use crossterm::event::KeyEventKind;

use super::action::{Action, Effect, Failure};
use super::dialogs;
use super::state::{Dialog, EditorState, Layout, LockHolder, Pane, State};

pub use command::command;
pub(crate) use export::answer as export_answer;
pub use keys::context;
pub use leave::leave;
pub use list::reload_list;
pub use message::{error, info, say, warn};
pub use save::save;
pub(crate) use save::saved;
pub use typing::engine_for;

pub fn update(s: &mut State, action: Action) -> Vec<Effect> {
    let fx = match action {
        Action::Key(k) if k.kind == KeyEventKind::Release => Vec::new(),
        Action::Done => Vec::new(),
        Action::Key(k) => keys::key(s, k),
        Action::Paste(p) => editor::paste(s, &p),
        Action::Resize(w, h) => {
            s.width = w;
            s.height = h;
            list::keep_selection_visible(s);
            Vec::new()
        }
        Action::ListLoaded {
            window_start,
            rows,
            total,
            snippets,
        } => {
            list::loaded(s, window_start, rows, total, snippets);
            Vec::new()
        }
        Action::ArticleLoaded(a) => {
            typing::forget(s);
            let fx = install_editor(s, EditorState::open(&a, s.tz));
            s.focus = if s.layout() == Layout::Two && s.right_is_preview {
                Pane::Preview
            } else {
                Pane::Editor
            };
            s.message = None;
            fx
        }
        Action::RecoveryFound { article, recovery } => {
            let e = match &article {
                Some(a) => EditorState::open(a, s.tz),
                None => EditorState::new_article(s.tz),
            };
            let fx = install_editor(s, e);
            s.focus = Pane::Editor;
            let stored = article.map(|a| a.fields()).unwrap_or_default();
            s.dialog = Some(Dialog::Recover {
                written_at: recovery
                    .written_at
                    .with_timezone(&s.tz)
                    .format("%H:%M %d/%m/%Y")
                    .to_string(),
                diff: dialogs::first_difference(&stored, &recovery.fields),
                recovered: Box::new(recovery.fields),
            });
            fx
        }
        Action::Saved(a) => saved(s, &a),
        Action::Refreshed(a) => {
            locks::refreshed(s, &a);
            Vec::new()
        }
        Action::Conflict { theirs, kept_rev } => {
            s.give_up_leave();
            s.dialog = Some(dialogs::conflict(s, &theirs, kept_rev));
            Vec::new()
        }
        Action::Failed(failure) => {
            s.give_up_leave();
            let text = match failure {
                Failure::App(e) => crate::words::describe_app(&e, s.lang),
                Failure::Said(text) => text,
            };
            s.message = Some(error(text));
            Vec::new()
        }
        Action::LockTaken { id, from } => locks::taken(s, id, from),
        Action::LockHeld {
            id,
            user,
            host,
            since,
        } => {
            locks::held(s, id, LockHolder { user, host, since });
            Vec::new()
        }
        Action::LockLost {
            id,
            user,
            host,
            since,
        } => {
            locks::lost(s, id, LockHolder { user, host, since });
            Vec::new()
        }
        Action::HistoryLoaded { id, revisions } => {
            revisions::loaded(s, id, revisions);
            Vec::new()
        }
        Action::RevisionLoaded { id, rev, fields } => {
            revisions::shown(s, id, rev, fields);
            Vec::new()
        }
        Action::Restored { article, rev } => revisions::restored(s, *article, rev),
        Action::EditedExternally(body) => {
            editor::edited_externally(s, &body);
            Vec::new()
        }
        Action::ExportReady { out, sync } => export::ready(s, out, sync),
        Action::ExportProgress(p) => export::progress(s, p),
        Action::ExportFinished(result) => export::finished(s, result),
        a @ (Action::GalleryLoaded { .. }
        | Action::Completed { .. }
        | Action::LibraryLoaded(_)
        | Action::PublishedWithoutAlt { .. }) => gallery::action(s, a),
    };
    preview::plain_highlights(s);
    preview::refresh(s);
    fx
}

/// Puts a freshly loaded article in the editor: gives up the lock of the article it replaces
/// and asks for this one's.
fn install_editor(s: &mut State, e: EditorState) -> Vec<Effect> {
    let mut fx = Vec::new();
    if let Some(old) = s.editor().and_then(EditorState::held_lock)
        && Some(old) != e.id
    {
        fx.push(Effect::ReleaseLock(old));
    }
    if let Some(id) = e.id {
        fx.push(Effect::TakeLock(id));
    }
    revisions::close_unless_for(s, e.id);
    if s.gallery().map(|g| g.article_id) != e.id {
        s.close_gallery();
    }
    s.set_editor(e);
    s.preview = None;
    fx
}
