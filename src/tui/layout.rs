//! Where each part of the screen goes for the current size and focus: one pure function that
//! drawing and `update` (the preview's width) both use, so `update` never calls into `view`.

use ratatui::layout::{Constraint, Direction, Layout as Split, Rect};

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

/// The narrowest a column of the help screen may be, in cells: a key and its help whole.
const HELP_COLUMN: usize = 36;

/// The help screen on this terminal: its box width, columns, the rows of entries (read down
/// each column) and how many rows show at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpGrid {
    pub width: u16,
    pub cols: usize,
    pub col_width: usize,
    pub rows: usize,
    pub visible: usize,
}

impl HelpGrid {
    pub fn new(area: Rect, entries: usize) -> HelpGrid {
        let width = area.width.saturating_sub(2);
        let inner = width.saturating_sub(2) as usize;
        let cols = (inner / HELP_COLUMN).max(1);
        let rows = entries.div_ceil(cols).max(1);
        let visible = (area.height.saturating_sub(2) as usize).clamp(1, rows);
        HelpGrid {
            width,
            cols,
            col_width: inner / cols,
            rows,
            visible,
        }
    }

    /// The last first row: the end of the list fills the box.
    pub fn max_scroll(&self) -> usize {
        self.rows.saturating_sub(self.visible)
    }
}
