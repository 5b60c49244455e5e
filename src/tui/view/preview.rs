//! The preview pane: the cached rendering of the open article, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::tui::state::{Pane, State};
use crate::tui::strings as t;

pub fn draw(frame: &mut Frame, area: Rect, s: &State) {
    let block = pane_block(t::PREVIEW_TITLE, s.focus == Pane::Preview, s.color);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(e), Some(cache)) = (s.editor.as_ref(), s.preview.as_ref()) else {
        frame.render_widget(
            Paragraph::new(t::NOTHING_OPEN).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let max_scroll = (cache.lines.len() as u16).saturating_sub(inner.height);
    let scroll = e.preview_scroll.min(max_scroll);
    let visible: Vec<_> = cache
        .lines
        .iter()
        .skip(scroll as usize)
        .take(inner.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
