//! Drawing: a pure function of `&State`, one file per pane.

mod dialogs;
mod editor;
mod gallery;
mod list;
mod preview;
mod preview_table;
pub mod preview_text;
mod revisions;
mod status;

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout as Split, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders};

pub use status::{export_bar, footer_hints, status_parts};

use super::state::{Layout, Pane, State};

/// Where each part of the screen goes for the current size and focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub tabs: Option<Rect>,
    pub list: Option<Rect>,
    pub editor: Option<Rect>,
    pub preview: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

pub fn panes(area: Rect, s: &State) -> Panes {
    let rows = Split::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    let (main, status, footer) = (rows[0], rows[1], rows[2]);
    let mut p = Panes {
        status,
        footer,
        ..Panes::default()
    };
    match s.layout() {
        Layout::Three => {
            // From 140 columns the list is wide enough for its section column.
            let list_w = if main.width >= 140 {
                (main.width * 3 / 8).clamp(52, 64)
            } else {
                (main.width * 3 / 10).clamp(30, 56)
            };
            let cols = Split::default()
                .direction(Direction::Horizontal)
                .constraints([
                    Constraint::Length(list_w),
                    Constraint::Fill(1),
                    Constraint::Fill(1),
                ])
                .split(main);
            (p.list, p.editor, p.preview) = (Some(cols[0]), Some(cols[1]), Some(cols[2]));
        }
        Layout::Two => {
            let list_w = (main.width * 2 / 5).clamp(30, 46);
            let cols = Split::default()
                .direction(Direction::Horizontal)
                .constraints([Constraint::Length(list_w), Constraint::Fill(1)])
                .split(main);
            p.list = Some(cols[0]);
            if s.right_is_preview {
                p.preview = Some(cols[1]);
            } else {
                p.editor = Some(cols[1]);
            }
        }
        Layout::One => {
            let parts = Split::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Length(1), Constraint::Min(1)])
                .split(main);
            p.tabs = Some(parts[0]);
            match s.focus {
                Pane::List => p.list = Some(parts[1]),
                Pane::Editor => p.editor = Some(parts[1]),
                Pane::Preview => p.preview = Some(parts[1]),
            }
        }
    }
    p
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, s: &State) {
    let p = panes(frame.area(), s);
    if let Some(r) = p.tabs {
        status::tabs(frame, r, s);
    }
    if let Some(r) = p.list {
        list::draw(frame, r, s);
    }
    if let Some(r) = p.editor {
        match &s.gallery {
            Some(g) if s.editor.is_some() => gallery::draw(frame, r, s, g),
            _ => editor::draw(frame, r, s),
        }
    }
    if let Some(r) = p.preview {
        preview::draw(frame, r, s);
    }
    status::status_line(frame, p.status, s);
    status::footer(frame, p.footer, s);
    dialogs::draw(frame, s);
}

/// A pane's frame: focus shows as a double border (and colour when allowed).
pub fn pane_block(title: &str, focused: bool, color: bool) -> Block<'static> {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    if focused {
        block = block
            .border_type(BorderType::Double)
            .title_style(Style::default().add_modifier(Modifier::BOLD));
        if color {
            block = block.border_style(Style::default().fg(Color::Cyan));
        }
    } else if color {
        block = block.border_style(Style::default().fg(Color::DarkGray));
    }
    block
}

/// The style of a selected row: reverse video, which needs no colour.
pub fn selected_style(color: bool) -> Style {
    if color {
        Style::default()
            .bg(Color::Blue)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

/// Width available for text inside a bordered pane.
pub fn inner_width(r: Rect) -> u16 {
    r.width.saturating_sub(2)
}
