//! Drawing: a pure function of `&State`, one file per pane.

mod dialogs;
mod editor;
mod gallery;
mod list;
mod preview;
mod revisions;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders};

pub use status::{export_bar, footer_hints, status_parts};

pub use super::layout::{Panes, panes};
use super::state::State;

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
        match s.gallery() {
            Some(g) => gallery::draw(frame, r, s, g),
            None => editor::draw(frame, r, s),
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
