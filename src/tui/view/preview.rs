//! The preview pane: the cached rendering of the open article, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::tui::msg::{Msg, t};
use crate::tui::state::{Pane, State};

pub fn draw(frame: &mut Frame, area: Rect, s: &State) {
    // A revision from the history, when one is previewed; else the open article.
    let revision = s
        .revisions()
        .and_then(|r| r.shown.as_ref().map(|(rev, _)| (*rev, r.scroll)));
    let title = match revision {
        Some((rev, _)) => t(s, Msg::RevisionTitle { rev }),
        None => t(s, Msg::PreviewTitle),
    };
    let block = pane_block(&title, s.focus == Pane::Preview, s.color);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let scroll = match (revision, s.editor()) {
        (Some((_, scroll)), _) => Some(scroll),
        (None, Some(e)) => Some(e.preview_scroll),
        (None, None) => None,
    };
    let (Some(scroll), Some(cache)) = (scroll, s.preview.as_ref()) else {
        frame.render_widget(
            Paragraph::new(t(s, Msg::NothingOpen)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let max_scroll = (cache.lines.len() as u16).saturating_sub(inner.height);
    let scroll = scroll.min(max_scroll);
    let visible: Vec<_> = cache
        .lines
        .iter()
        .skip(scroll as usize)
        .take(inner.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
