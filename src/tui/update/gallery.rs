//! The gallery panel: the open article's lead photo and gallery, attaching a file by path
//! (Tab completes it from the host's folders, read by the runtime) or from the library,
//! reordering, captions and alt text, removing, and placing a photo in the body.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{locks, say, typing, warn};
use crate::domain::text::nfc;
use crate::tui::action::{Action, Effect, GalleryDone, GalleryOp};
use crate::tui::keymap::Command;
use crate::tui::msg::{Msg, text};
use crate::tui::state::{
    Field, GalleryMode, GalleryRow, GalleryState, LibraryItem, Pane, PhotoPlace, State, TextKind,
    common_prefix, filtered,
};

/// Opens the panel over the editor of a saved article and asks for its photos.
pub fn open(s: &mut State) -> Vec<Effect> {
    if locks::refuse_read_only(s) {
        return Vec::new();
    }
    let Some(id) = s.editor().and_then(|e| e.id) else {
        warn(s, Msg::GalleryNeedsArticle);
        return Vec::new();
    };
    typing::end_word(s);
    if let Some(a) = s.article_mut() {
        a.gallery = Some(GalleryState::new(id));
    }
    s.focus = Pane::Editor;
    s.right_is_preview = false;
    vec![Effect::LoadGallery(id)]
}

/// The runtime's answers: the photos, Tab's names, the library, a publish lacking alt text.
pub fn action(s: &mut State, a: Action) -> Vec<Effect> {
    match a {
        Action::GalleryLoaded { id, rows, done } => loaded(s, id, rows, done),
        Action::Completed { input, names } => completed(s, &input, names),
        Action::LibraryLoaded(items) => library_loaded(s, items),
        Action::PublishedWithoutAlt { article, photos } => {
            let fx = super::saved(s, &article);
            let list = no_alt_list(s, &photos);
            let m = Msg::PhotosWithoutAlt {
                title: &article.title,
                photos: &list,
            };
            warn(s, m);
            return fx;
        }
        _ => {}
    }
    Vec::new()
}

fn loaded(s: &mut State, id: i64, rows: Vec<GalleryRow>, done: Option<GalleryDone>) {
    let Some(g) = s.gallery_mut().filter(|g| g.article_id == id) else {
        return;
    };
    if let Some(GalleryDone::Attached { place, .. }) = &done {
        let lead = usize::from(rows.first().is_some_and(|r| r.place == PhotoPlace::Lead));
        g.selected = place - 1 + lead;
    }
    g.rows = rows;
    g.loaded = true;
    g.selected = g.selected.min(g.rows.len().saturating_sub(1));
    let Some(done) = done else { return };
    match done {
        GalleryDone::Attached {
            short,
            place,
            fresh,
        } => say(
            s,
            Msg::PhotoAttached {
                short: &short,
                place,
                fresh,
            },
        ),
        GalleryDone::Lead => say(s, Msg::LeadSet),
        GalleryDone::Moved => say(s, Msg::PhotoMoved),
        GalleryDone::TextSaved => say(s, Msg::PhotoTextSaved),
        GalleryDone::Removed { lead } => say(s, Msg::PhotoRemoved { lead }),
    }
}

/// Tab's answer: the folder's names that start with what was typed.
fn completed(s: &mut State, input: &str, names: Vec<String>) {
    let Some(GalleryMode::Path {
        input: typed,
        choices,
    }) = s.gallery_mut().map(|g| &mut g.mode)
    else {
        return;
    };
    // Typed on since: the answer is for a path no longer there.
    if typed != input {
        return;
    }
    let dir = input.rfind('/').and_then(|i| input.get(..=i)).unwrap_or("");
    let prefix = common_prefix(&names);
    *typed = format!("{dir}{prefix}");
    *choices = if names.len() > 1 { names } else { Vec::new() };
    if prefix.is_empty() && choices.is_empty() {
        warn(s, Msg::NoPathMatch);
    }
}

fn library_loaded(s: &mut State, list: Vec<LibraryItem>) {
    if let Some(GalleryMode::Pick { items, loaded, .. }) = s.gallery_mut().map(|g| &mut g.mode) {
        *items = list;
        *loaded = true;
    }
}

/// A bound key in one of the panel's contexts.
pub fn command(s: &mut State, cmd: Command) -> Vec<Effect> {
    let Some(g) = s.gallery_mut() else {
        return Vec::new();
    };
    let id = g.article_id;
    let row = g.selected_row().cloned();
    match cmd {
        Command::CloseGallery => {
            s.close_gallery();
            typing::forget(s);
            return Vec::new();
        }
        Command::AttachFile => {
            g.mode = GalleryMode::Path {
                input: String::new(),
                choices: Vec::new(),
            };
            return Vec::new();
        }
        Command::AttachFromLibrary => {
            g.mode = GalleryMode::Pick {
                query: String::new(),
                items: Vec::new(),
                selected: 0,
                loaded: false,
            };
            return vec![Effect::LoadLibrary];
        }
        Command::Up | Command::Down => {
            movement(g, cmd == Command::Up);
            return Vec::new();
        }
        Command::CompletePath => {
            return match &g.mode {
                GalleryMode::Path { input, .. } => vec![Effect::Complete(input.clone())],
                _ => Vec::new(),
            };
        }
        Command::Accept => return accept(s),
        Command::Cancel => {
            g.mode = GalleryMode::List;
            typing::forget(s);
            return Vec::new();
        }
        _ => {}
    }
    let Some(row) = row else {
        say(s, Msg::NoPhotoSelected);
        return Vec::new();
    };
    let gallery_place = match row.place {
        PhotoPlace::Gallery(n) => Some(n),
        _ => None,
    };
    let op = match cmd {
        Command::MakeLead => GalleryOp::SetLead(row.hash),
        Command::MoveUp | Command::MoveDown => {
            let Some(n) = gallery_place else {
                return Vec::new();
            };
            let count = g
                .rows
                .iter()
                .filter(|r| r.place != PhotoPlace::Lead)
                .count();
            let to = if cmd == Command::MoveUp { n - 1 } else { n + 1 };
            if to == 0 || to > count {
                return Vec::new();
            }
            g.selected = if to < n {
                g.selected - 1
            } else {
                g.selected + 1
            };
            GalleryOp::Move { hash: row.hash, to }
        }
        Command::EditCaption | Command::EditAlt => {
            let (which, input) = if cmd == Command::EditCaption {
                (TextKind::Caption, row.caption)
            } else {
                (TextKind::Alt, row.alt)
            };
            g.mode = GalleryMode::Text { which, input };
            typing::forget(s);
            return Vec::new();
        }
        Command::RemovePhoto => GalleryOp::Remove {
            lead: row.place == PhotoPlace::Lead,
            hash: row.hash,
        },
        Command::InsertInline => {
            insert_inline(s, &row);
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    vec![Effect::Gallery { id, op }]
}

fn movement(g: &mut GalleryState, up: bool) {
    match &mut g.mode {
        GalleryMode::Pick {
            query,
            items,
            selected,
            ..
        } => {
            let n = filtered(items, query).len();
            *selected = if up {
                selected.saturating_sub(1)
            } else {
                (*selected + 1).min(n.saturating_sub(1))
            };
        }
        _ if up => g.selected = g.selected.saturating_sub(1),
        _ => g.selected = (g.selected + 1).min(g.rows.len().saturating_sub(1)),
    }
}

/// Enter in a box: attach the typed path or the picked photo, or keep the typed text.
fn accept(s: &mut State) -> Vec<Effect> {
    // The word being typed ends first (an English word typed in Telex comes back as typed).
    typing::end_word(s);
    let Some(g) = s.gallery_mut() else {
        return Vec::new();
    };
    let id = g.article_id;
    let mode = std::mem::replace(&mut g.mode, GalleryMode::List);
    let op = match mode {
        GalleryMode::List => return Vec::new(),
        GalleryMode::Path { input, .. } if input.trim().is_empty() => return Vec::new(),
        GalleryMode::Path { input, .. } => GalleryOp::AttachFile(PathBuf::from(input.trim())),
        GalleryMode::Pick {
            query,
            items,
            selected,
            ..
        } => match filtered(&items, &query).get(selected) {
            Some(item) => GalleryOp::AttachHash(item.hash.clone()),
            None => return Vec::new(),
        },
        GalleryMode::Text { which, input } => {
            let Some(row) = g.selected_row() else {
                return Vec::new();
            };
            let input = nfc(input.trim());
            let (caption, alt) = match which {
                TextKind::Caption => (Some(input), None),
                TextKind::Alt => (None, Some(input)),
            };
            GalleryOp::Text {
                hash: row.hash.clone(),
                lead: row.place == PhotoPlace::Lead,
                caption,
                alt,
            }
        }
    };
    vec![Effect::Gallery { id, op }]
}

/// Places `![caption](media:HASH)` at the body's cursor and goes back to the body.
fn insert_inline(s: &mut State, row: &GalleryRow) {
    let Some(e) = s.editor_mut() else {
        return;
    };
    let caption: String = row
        .caption
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .collect();
    e.body
        .insert_str(format!("![{caption}](media:{})", row.short()));
    e.dirty = true;
    e.revision += 1;
    e.focus = Field::Body;
    let short = row.short().to_string();
    s.close_gallery();
    say(s, Msg::InlineInserted { short: &short });
}

/// A typed key or a paste in one of the panel's boxes.
pub fn input(s: &mut State, k: KeyEvent) {
    if k.modifiers.contains(KeyModifiers::CONTROL) || typing::box_key(s, &k) {
        return;
    }
    match k.code {
        KeyCode::Char(c) => typed(s, Some(&c.to_string())),
        KeyCode::Backspace => typed(s, None),
        _ => {}
    }
}

/// Adds `more` to the box (`None`: takes its last character off).
pub fn typed(s: &mut State, more: Option<&str>) {
    let Some(g) = s.gallery_mut() else {
        return;
    };
    let (text, reset) = match &mut g.mode {
        GalleryMode::List => return,
        GalleryMode::Path { input, choices } => {
            choices.clear();
            (input, None)
        }
        GalleryMode::Pick {
            query, selected, ..
        } => (query, Some(selected)),
        GalleryMode::Text { input, .. } => (input, None),
    };
    match more {
        Some(m) => text.push_str(&m.replace('\n', " ")),
        None => {
            text.pop();
        }
    }
    if let Some(sel) = reset {
        *sel = 0;
    }
}

/// The photos lacking alt text as the warning names them: "lead (ab12…), gallery 2 (…)".
fn no_alt_list(s: &State, photos: &[(PhotoPlace, String)]) -> String {
    photos
        .iter()
        .map(|(place, short)| format!("{} ({short})", text(s.lang, &Msg::PlaceLabel(*place))))
        .collect::<Vec<_>>()
        .join(", ")
}
