//! The list pane and moving between panes: selection, paging, windows, search box, layout.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::text;
use crate::store::ArticleSummary;
use crate::tui::action::{Effect, ListRequest};
use crate::tui::keymap::Command;
use crate::tui::state::{LIST_WINDOW, Layout, Pane, State};

/// A window of rows arrived from the store.
pub fn loaded(
    s: &mut State,
    window_start: usize,
    rows: Vec<ArticleSummary>,
    total: usize,
    snippets: Vec<(i64, String)>,
) {
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
}

pub fn reset_list(s: &mut State) -> Vec<Effect> {
    s.list.selected = 0;
    s.list.scroll = 0;
    vec![reload_list(s)]
}

fn visible_panes(s: &State) -> Vec<Pane> {
    match s.layout() {
        Layout::Three | Layout::One => vec![Pane::List, Pane::Editor, Pane::Preview],
        Layout::Two if s.right_is_preview => vec![Pane::List, Pane::Preview],
        Layout::Two => vec![Pane::List, Pane::Editor],
    }
}

pub fn next_pane(s: &State) -> Pane {
    let panes = visible_panes(s);
    let i = panes.iter().position(|p| *p == s.focus).unwrap_or(0);
    panes[(i + 1) % panes.len()]
}

pub fn toggle_preview(s: &mut State) {
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

/// Arrow and page keys: scroll the preview when it has the focus, else move in the list.
pub fn movement(s: &mut State, cmd: Command) -> Vec<Effect> {
    use Command as C;
    if s.focus == Pane::Preview {
        let page = s.height.saturating_sub(6).max(1);
        if let Some(e) = s.editor_mut() {
            e.preview_scroll = scrolled(e.preview_scroll, cmd, page);
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

/// A preview's scroll offset after a movement key.
pub fn scrolled(at: u16, cmd: Command, page: u16) -> u16 {
    use Command as C;
    match cmd {
        C::Up => at.saturating_sub(1),
        C::Down => at.saturating_add(1),
        C::PageUp => at.saturating_sub(page),
        C::PageDown => at.saturating_add(page),
        C::Home => 0,
        _ => u16::MAX / 2,
    }
}

pub fn keep_selection_visible(s: &mut State) {
    let rows = s.list_rows();
    let l = &mut s.list;
    if l.selected < l.scroll {
        l.scroll = l.selected;
    } else if l.selected >= l.scroll + rows {
        l.scroll = l.selected + 1 - rows;
    }
}

pub fn search_input(s: &mut State, k: KeyEvent) -> Vec<Effect> {
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
