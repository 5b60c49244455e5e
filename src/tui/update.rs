//! `update(state, action) -> effects`: every state change, with no I/O. Unit-tested.
//! Split by pane: `list`, `editor`, `locks` (the open article's soft lock), `revisions`.

mod editor;
mod export;
mod gallery;
mod list;
mod locks;
mod preview;
mod revisions;
mod typing;

use crossterm::event::{KeyEvent, KeyEventKind};

use super::action::{Action, Effect, ListRequest};
use super::dialogs;
use super::keymap::{self, Command, Context, Key};
use super::msg::{Msg, text};
use super::state::{
    AfterLeave, Dialog, EditLock, EditorState, Field, GalleryMode, LIST_WINDOW, Layout, LockHolder,
    Message, Pane, State,
};
use crate::domain::Article;
use crate::store::Sort;

pub(crate) use export::key as export_key;
pub use typing::engine_for;

pub fn update(s: &mut State, action: Action) -> Vec<Effect> {
    let fx = match action {
        Action::Key(k) if k.kind == KeyEventKind::Release => Vec::new(),
        Action::Done => Vec::new(),
        Action::Key(k) => key(s, k),
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
        Action::Conflict { theirs, kept_rev } => {
            s.after_save = None;
            s.dialog = Some(dialogs::conflict(s, &theirs, kept_rev));
            Vec::new()
        }
        Action::Failed(msg) => {
            s.after_save = None;
            s.message = Some(error(msg));
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
    if let Some(old) = s.editor.as_ref().and_then(EditorState::held_lock)
        && Some(old) != e.id
    {
        fx.push(Effect::ReleaseLock(old));
    }
    if let Some(id) = e.id {
        fx.push(Effect::TakeLock(id));
    }
    revisions::close_unless_for(s, e.id);
    if s.gallery.as_ref().map(|g| g.article_id) != e.id {
        s.gallery = None;
    }
    s.editor = Some(e);
    s.preview = None;
    fx
}

pub(crate) fn saved(s: &mut State, a: &Article) -> Vec<Effect> {
    let mut fx = Vec::new();
    if let Some(e) = s
        .editor
        .as_mut()
        .filter(|e| e.id.is_none() || e.id == Some(a.id))
    {
        e.id = Some(a.id);
        e.slug = Some(a.slug.clone());
        e.base_version = a.version;
        e.status = a.status;
        e.dirty = false;
        // A new article is locked from its first save on.
        if e.lock == EditLock::Unlocked {
            fx.push(Effect::TakeLock(a.id));
        }
    }
    say(
        s,
        Msg::Saved {
            title: &a.title,
            version: a.version,
            status: a.status,
        },
    );
    s.list.follow = Some(a.id);
    // Saved: the recovery copies of this article (and of it before its first save) go.
    fx.extend([
        Effect::DiscardRecovery(Some(a.id)),
        Effect::DiscardRecovery(None),
        reload_list(s),
    ]);
    if let Some(then) = s.after_save.take() {
        fx.extend(leave(s, then));
    }
    fx
}

pub fn info(text: String) -> Message {
    Message { text, error: false }
}

pub fn error(text: String) -> Message {
    Message { text, error: true }
}

/// Puts a message on the status line, in the state's language.
pub fn say(s: &mut State, m: Msg) {
    s.message = Some(info(text(s.lang, &m).into_owned()));
}

/// Puts an error on the status line, in the state's language.
pub fn warn(s: &mut State, m: Msg) {
    s.message = Some(error(text(s.lang, &m).into_owned()));
}

/// What loads the list's current window again (after a save, a filter or a search).
pub fn reload_list(s: &State) -> Effect {
    let offset = s.list.selected.saturating_sub(LIST_WINDOW / 2);
    Effect::LoadList(ListRequest {
        filter: s.list.filter,
        sort: s.list.sort,
        search: s.list.search.clone(),
        offset,
        limit: LIST_WINDOW,
    })
}

/// Which key table applies: the focused pane, and what it is doing.
pub fn context(s: &State) -> Context {
    let editor = s.editor.as_ref();
    match s.focus {
        Pane::Editor if editor.is_some() && s.gallery.is_some() => match s.gallery.as_ref() {
            Some(g) => match g.mode {
                GalleryMode::List => Context::Gallery,
                GalleryMode::Path { .. } => Context::GalleryPath,
                GalleryMode::Pick { .. } => Context::GalleryPick,
                GalleryMode::Text { .. } => Context::GalleryText,
            },
            None => Context::Gallery,
        },
        _ if s.revisions.is_some() && s.focus != Pane::Editor => Context::Revisions,
        Pane::List if s.list.searching => Context::Search,
        Pane::List => Context::List,
        Pane::Editor if editor.is_some_and(|e| e.find.is_some()) => Context::Find,
        Pane::Editor if editor.is_some_and(|e| e.read_only().is_some()) => Context::ReadOnly,
        Pane::Editor if editor.is_some() => Context::Editor,
        Pane::Editor | Pane::Preview => Context::Preview,
    }
}

fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    if s.dialog.is_some() {
        return dialogs::key(s, k);
    }
    let ctx = context(s);
    if let Some(cmd) = keymap::lookup(ctx, Key::from_event(&k)) {
        return command(s, cmd);
    }
    match ctx {
        Context::Search => list::search_input(s, k),
        Context::Find => editor::find_input(s, k),
        Context::GalleryPath | Context::GalleryPick | Context::GalleryText => {
            gallery::input(s, k);
            Vec::new()
        }
        Context::Editor | Context::ReadOnly => {
            editor::editor_input(s, k);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Carries out a bound command.
pub fn command(s: &mut State, cmd: Command) -> Vec<Effect> {
    use Command as C;
    match cmd {
        C::Quit | C::QuitFromList => leave_or_ask(s, AfterLeave::Quit),
        C::NewArticle => leave_or_ask(s, AfterLeave::NewArticle),
        C::Open => match s.list.selected_row().map(|r| r.id) {
            Some(id) if s.editor.as_ref().and_then(|e| e.id) == Some(id) => {
                s.focus = Pane::Editor;
                Vec::new()
            }
            Some(id) => leave_or_ask(s, AfterLeave::Open(id)),
            None => Vec::new(),
        },
        C::Save => save(s),
        C::Help => {
            s.dialog = Some(Dialog::Help);
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
            if let Some(e) = s.editor.as_mut() {
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
            if let Some(e) = s.editor.as_mut() {
                e.focus = Field::Body;
                e.find = Some(String::new());
            }
            Vec::new()
        }
        C::FindNext | C::FindPrev => {
            if let Some(e) = s.editor.as_mut() {
                let found = if cmd == C::FindNext {
                    e.body.search_forward(false)
                } else {
                    e.body.search_back(false)
                };
                if !found {
                    say(s, Msg::NotFound);
                }
            }
            Vec::new()
        }
        C::CloseFind => {
            if let Some(e) = s.editor.as_mut() {
                e.find = None;
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
    }
}

/// Asks before leaving an article with unsaved changes; otherwise leaves at once.
fn leave_or_ask(s: &mut State, then: AfterLeave) -> Vec<Effect> {
    if s.editor.as_ref().is_some_and(|e| e.dirty) {
        s.dialog = Some(Dialog::ConfirmLeave { then });
        return Vec::new();
    }
    leave(s, then)
}

/// Leaves the open article (its changes saved or discarded) and does `then`.
pub fn leave(s: &mut State, then: AfterLeave) -> Vec<Effect> {
    match then {
        AfterLeave::Quit => {
            s.quit = true;
            locks::release(s)
        }
        AfterLeave::NewArticle => {
            typing::forget(s);
            let fx = locks::release(s);
            revisions::close_unless_for(s, None);
            s.gallery = None;
            s.editor = Some(EditorState::new_article(s.tz));
            s.preview = None;
            s.focus = Pane::Editor;
            s.right_is_preview = false;
            say(s, Msg::NewArticleHint);
            fx
        }
        AfterLeave::Open(id) => vec![Effect::LoadArticle(id)],
        AfterLeave::CloseEditor => {
            let fx = locks::release(s);
            revisions::close_unless_for(s, None);
            s.gallery = None;
            s.editor = None;
            s.focus = Pane::List;
            fx
        }
        AfterLeave::Restore(rev) => match s.editor.as_ref().and_then(|e| e.id) {
            Some(id) => vec![Effect::Restore { id, rev }],
            None => Vec::new(),
        },
    }
}

pub fn save(s: &mut State) -> Vec<Effect> {
    if locks::refuse_read_only(s) {
        s.after_save = None;
        return Vec::new();
    }
    let Some(e) = s.editor.as_ref() else {
        say(s, Msg::NothingToSave);
        return Vec::new();
    };
    let mut fields = e.fields();
    let at = e.value(Field::PublishAt);
    if !at.trim().is_empty() {
        match crate::domain::time::parse_time(&at, s.tz) {
            Some(t) => fields.publish_at = Some(t),
            None => {
                warn(s, Msg::BadTime { input: &at });
                return Vec::new();
            }
        }
    }
    vec![Effect::Save {
        id: e.id,
        fields,
        base_version: e.base_version,
    }]
}
