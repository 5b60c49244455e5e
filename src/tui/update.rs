//! `update(state, action) -> effects`: every state change, with no I/O. Unit-tested.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

use super::action::{Action, Effect, ListRequest};
use super::dialogs;
use super::keymap::{self, Command, Context, Key};
use super::state::{
    AfterLeave, Dialog, EditorState, Field, LIST_WINDOW, Layout, Message, Pane, PreviewCache, State,
};
use super::strings as t;
use super::view::preview_text::{PreviewInput, render as render_preview};
use crate::domain::text;
use crate::store::Sort;

pub fn update(s: &mut State, action: Action) -> Vec<Effect> {
    let fx = match action {
        Action::Key(k) if k.kind == KeyEventKind::Release => Vec::new(),
        Action::Done => Vec::new(),
        Action::Key(k) => key(s, k),
        Action::Paste(p) => paste(s, &p),
        Action::Resize(w, h) => {
            s.width = w;
            s.height = h;
            keep_selection_visible(s);
            Vec::new()
        }
        Action::ListLoaded {
            window_start,
            rows,
            total,
            snippets,
        } => {
            s.list.window_start = window_start;
            s.list.rows = rows;
            s.list.total = total;
            s.list.snippets = snippets;
            s.list.loaded = true;
            if let Some(id) = s.list.follow.take()
                && let Some(i) = s.list.rows.iter().position(|r| r.id == id)
            {
                s.list.selected = s.list.window_start + i;
            }
            if s.list.selected >= total {
                s.list.selected = total.saturating_sub(1);
            }
            keep_selection_visible(s);
            Vec::new()
        }
        Action::ArticleLoaded(a) => {
            s.editor = Some(EditorState::open(&a, s.tz));
            s.preview = None;
            s.focus = if s.layout() == Layout::Two && s.right_is_preview {
                Pane::Preview
            } else {
                Pane::Editor
            };
            s.message = None;
            Vec::new()
        }
        Action::RecoveryFound { article, recovery } => {
            s.editor = Some(match &article {
                Some(a) => EditorState::open(a, s.tz),
                None => EditorState::new_article(s.tz),
            });
            s.preview = None;
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
            Vec::new()
        }
        Action::Saved(a) => {
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
            }
            s.message = Some(info(t::saved(&a.title, a.version, a.status)));
            s.list.follow = Some(a.id);
            // Saved: the recovery copies of this article (and of it before its first save) go.
            let mut fx = vec![
                Effect::DiscardRecovery(Some(a.id)),
                Effect::DiscardRecovery(None),
                reload_list(s),
            ];
            if let Some(then) = s.after_save.take() {
                fx.extend(leave(s, then));
            }
            fx
        }
        Action::Conflict { theirs, kept_rev } => {
            s.after_save = None;
            s.dialog = Some(dialogs::conflict(s, &theirs, kept_rev));
            Vec::new()
        }
        Action::Failed(msg) => {
            s.after_save = None;
            s.message = Some(Message {
                text: msg,
                error: true,
            });
            Vec::new()
        }
    };
    plain_highlights(s);
    refresh_preview(s);
    fx
}

/// Under NO_COLOR the text areas' own highlights (find matches, selection) use reverse video
/// instead of their default background colours.
fn plain_highlights(s: &mut State) {
    if s.color {
        return;
    }
    let Some(e) = s.editor.as_mut() else { return };
    let reversed =
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
    for area in e.lines.iter_mut().chain(std::iter::once(&mut e.body)) {
        area.set_search_style(reversed);
        area.set_selection_style(reversed);
    }
}

/// Re-renders the preview when the open article's text or the pane width changed; not on
/// every frame, and not while the preview is hidden.
fn refresh_preview(s: &mut State) {
    let area = ratatui::layout::Rect::new(0, 0, s.width, s.height);
    let Some(pane) = super::view::panes(area, s).preview else {
        return;
    };
    let Some(e) = s.editor.as_ref() else {
        s.preview = None;
        return;
    };
    let width = pane.width.saturating_sub(2);
    if s.preview
        .as_ref()
        .is_some_and(|p| p.revision == e.revision && p.width == width && p.id == e.id)
    {
        return;
    }
    let fields = e.fields();
    let input = PreviewInput {
        title: &fields.title,
        lede: &fields.lede,
        body: &fields.body,
        byline: &fields.byline,
        signed_by: &fields.signed_by,
    };
    s.preview = Some(PreviewCache {
        id: e.id,
        revision: e.revision,
        width,
        lines: render_preview(&input, width, s.color),
    });
}

pub fn info(text: String) -> Message {
    Message { text, error: false }
}

fn error(text: String) -> Message {
    Message { text, error: true }
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

fn reset_list(s: &mut State) -> Vec<Effect> {
    s.list.selected = 0;
    s.list.scroll = 0;
    vec![reload_list(s)]
}

fn context(s: &State) -> Context {
    match s.focus {
        Pane::List if s.list.searching => Context::Search,
        Pane::List => Context::List,
        Pane::Editor if s.editor.as_ref().is_some_and(|e| e.find.is_some()) => Context::Find,
        Pane::Editor if s.editor.is_some() => Context::Editor,
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
        Context::Search => search_input(s, k),
        Context::Find => find_input(s, k),
        Context::Editor => {
            editor_input(s, k);
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
            dialogs::open_status_menu(s);
            Vec::new()
        }
        C::NextPane => {
            s.focus = next_pane(s);
            Vec::new()
        }
        C::TogglePreview => {
            toggle_preview(s);
            Vec::new()
        }
        C::Up | C::Down | C::PageUp | C::PageDown | C::Home | C::End => movement(s, cmd),
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
            reset_list(s)
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
            reset_list(s)
        }
        C::Filter(f) => {
            s.list.filter = f;
            reset_list(s)
        }
        C::NextField | C::PrevField => {
            if let Some(e) = s.editor.as_mut() {
                let i = e.focus.index() as isize + if cmd == C::NextField { 1 } else { -1 };
                let n = Field::ALL.len() as isize;
                e.focus = Field::ALL[i.rem_euclid(n) as usize];
            }
            Vec::new()
        }
        C::Undo | C::Redo => {
            if let Some(e) = s.editor.as_mut() {
                let area = e.focused_area();
                let changed = if cmd == C::Undo {
                    area.undo()
                } else {
                    area.redo()
                };
                if changed {
                    e.dirty = true;
                    e.revision += 1;
                }
            }
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
                    s.message = Some(info(t::NOT_FOUND.into()));
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

pub fn leave(s: &mut State, then: AfterLeave) -> Vec<Effect> {
    match then {
        AfterLeave::Quit => {
            s.quit = true;
            Vec::new()
        }
        AfterLeave::NewArticle => {
            s.editor = Some(EditorState::new_article(s.tz));
            s.preview = None;
            s.focus = Pane::Editor;
            s.right_is_preview = false;
            s.message = Some(info(t::NEW_ARTICLE_HINT.into()));
            Vec::new()
        }
        AfterLeave::Open(id) => vec![Effect::LoadArticle(id)],
        AfterLeave::CloseEditor => {
            s.editor = None;
            s.focus = Pane::List;
            Vec::new()
        }
    }
}

pub fn save(s: &mut State) -> Vec<Effect> {
    let Some(e) = s.editor.as_ref() else {
        s.message = Some(info(t::NOTHING_TO_SAVE.into()));
        return Vec::new();
    };
    let mut fields = e.fields();
    let at = e.value(Field::PublishAt);
    if !at.trim().is_empty() {
        match crate::domain::time::parse_time(&at, s.tz) {
            Some(t) => fields.publish_at = Some(t),
            None => {
                s.message = Some(error(t::bad_time(&at)));
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

fn visible_panes(s: &State) -> Vec<Pane> {
    match s.layout() {
        Layout::Three | Layout::One => vec![Pane::List, Pane::Editor, Pane::Preview],
        Layout::Two if s.right_is_preview => vec![Pane::List, Pane::Preview],
        Layout::Two => vec![Pane::List, Pane::Editor],
    }
}

fn next_pane(s: &State) -> Pane {
    let panes = visible_panes(s);
    let i = panes.iter().position(|p| *p == s.focus).unwrap_or(0);
    panes[(i + 1) % panes.len()]
}

fn toggle_preview(s: &mut State) {
    match s.layout() {
        Layout::Two => {
            s.right_is_preview = !s.right_is_preview;
            s.focus = if s.right_is_preview {
                Pane::Preview
            } else {
                Pane::Editor
            };
        }
        _ => {
            s.focus = if s.focus == Pane::Preview {
                Pane::Editor
            } else {
                Pane::Preview
            };
        }
    }
}

fn movement(s: &mut State, cmd: Command) -> Vec<Effect> {
    use Command as C;
    if s.focus == Pane::Preview {
        if let Some(e) = s.editor.as_mut() {
            let page = s.height.saturating_sub(6).max(1);
            e.preview_scroll = match cmd {
                C::Up => e.preview_scroll.saturating_sub(1),
                C::Down => e.preview_scroll.saturating_add(1),
                C::PageUp => e.preview_scroll.saturating_sub(page),
                C::PageDown => e.preview_scroll.saturating_add(page),
                C::Home => 0,
                _ => u16::MAX / 2,
            };
        }
        return Vec::new();
    }
    let total = s.list.total;
    if total == 0 {
        return Vec::new();
    }
    let page = s.list_rows();
    let sel = s.list.selected;
    s.list.selected = match cmd {
        C::Up => sel.saturating_sub(1),
        C::Down => (sel + 1).min(total - 1),
        C::PageUp => sel.saturating_sub(page),
        C::PageDown => (sel + page).min(total - 1),
        C::Home => 0,
        _ => total - 1,
    };
    keep_selection_visible(s);
    // Fetch another window once the selection nears the edge of the loaded one.
    let (start, end) = (s.list.window_start, s.list.window_start + s.list.rows.len());
    let margin = page.min(LIST_WINDOW / 4);
    let near_start = start > 0 && s.list.selected < start + margin;
    let near_end = end < total && s.list.selected + margin >= end;
    if near_start || near_end || s.list.row(s.list.selected).is_none() {
        return vec![reload_list(s)];
    }
    Vec::new()
}

fn keep_selection_visible(s: &mut State) {
    let rows = s.list_rows();
    let l = &mut s.list;
    if l.selected < l.scroll {
        l.scroll = l.selected;
    } else if l.selected >= l.scroll + rows {
        l.scroll = l.selected + 1 - rows;
    }
}

fn search_input(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
            s.list.search.push(c);
            s.list.search = text::nfc(&s.list.search);
        }
        KeyCode::Backspace => {
            s.list.search.pop();
        }
        _ => return Vec::new(),
    }
    reset_list(s)
}

fn find_input(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let Some(e) = s.editor.as_mut() else {
        return Vec::new();
    };
    let Some(find) = e.find.as_mut() else {
        return Vec::new();
    };
    match k.code {
        KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => find.push(c),
        KeyCode::Backspace => {
            find.pop();
        }
        _ => return Vec::new(),
    }
    let pattern = if find.is_empty() {
        String::new()
    } else {
        format!("(?i){}", escape_regex(&text::nfc(find)))
    };
    if e.body.set_search_pattern(pattern).is_ok()
        && !find.is_empty()
        && !e.body.search_forward(true)
    {
        s.message = Some(info(t::NOT_FOUND.into()));
    }
    Vec::new()
}

/// Find is literal text: escape what the regex engine would read as syntax.
fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn editor_input(s: &mut State, k: KeyEvent) {
    let Some(e) = s.editor.as_mut() else { return };
    let single_line = e.focus != Field::Body;
    if single_line && matches!(k.code, KeyCode::Enter | KeyCode::Down) {
        e.focus = Field::ALL[(e.focus.index() + 1).min(Field::ALL.len() - 1)];
        return;
    }
    if single_line && k.code == KeyCode::Up {
        e.focus = Field::ALL[e.focus.index().saturating_sub(1)];
        return;
    }
    let area = e.focused_area();
    let changed = match k.code {
        // A combining mark from an input method joins the letter before it (NFC), so a
        // Vietnamese letter stays one char: one arrow press, one Backspace.
        KeyCode::Char(c) if unicode_normalization::char::is_combining_mark(c) => {
            compose_with_previous(area, c)
        }
        _ => area.input(Input::from(k)),
    };
    if changed {
        e.dirty = true;
        e.revision += 1;
    }
}

fn compose_with_previous(area: &mut ratatui_textarea::TextArea<'static>, mark: char) -> bool {
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    let prev = area
        .lines()
        .get(row)
        .and_then(|l| col.checked_sub(1).and_then(|c| l.chars().nth(c)));
    if let Some(p) = prev {
        let composed = text::nfc(&format!("{p}{mark}"));
        if composed.chars().count() == 1 {
            area.delete_char();
            area.insert_str(composed);
            return true;
        }
    }
    area.insert_char(mark);
    true
}

fn paste(s: &mut State, raw: &str) -> Vec<Effect> {
    let clean = text::nfc(&text::normalize_newlines(raw));
    if s.list.searching && s.focus == Pane::List {
        s.list.search.push_str(&clean.replace('\n', " "));
        return reset_list(s);
    }
    let Some(e) = s.editor.as_mut() else {
        return Vec::new();
    };
    if s.focus != Pane::Editor {
        return Vec::new();
    }
    let single_line = e.focus != Field::Body;
    let area = e.focused_area();
    let inserted = if single_line {
        area.insert_str(clean.replace('\n', " "))
    } else {
        area.insert_str(clean)
    };
    if inserted {
        e.dirty = true;
        e.revision += 1;
    }
    Vec::new()
}
