//! The revisions view, drawn in the list pane: rev, kind, who, when and word count, newest
//! first; the revision in the preview pane is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{inner_width, pane_block, selected_style};
use crate::domain::text::{truncate_to_width, width};
use crate::domain::{RevisionInfo, RevisionKind};
use crate::tui::msg::{Msg, t};
use crate::tui::state::{Pane, RevisionsView, State};

/// From this inner width the kind is spelled out; below it a conflict is marked `!` after
/// its number.
const WIDE: usize = 44;

/// Marks a refused conflicting save where the history is too narrow for its kind.
const CONFLICT_MARK: char = '!';

pub fn draw(frame: &mut Frame, area: Rect, s: &State, r: &RevisionsView) {
    let focused = s.focus != Pane::Editor;
    let block = pane_block(&t(s, Msg::HistoryCount(r.rows.len())), focused, s.color);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !r.loaded || r.rows.is_empty() {
        let text = t(
            s,
            if r.loaded {
                Msg::HistoryEmpty
            } else {
                Msg::Loading
            },
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    }
    let w = inner_width(area) as usize;
    let wide = w >= WIDE;
    let legend = !wide && r.rows.iter().any(|row| row.kind == RevisionKind::Conflict);
    let dim = Style::default().add_modifier(Modifier::DIM);
    let mut lines = vec![Line::styled(truncate_to_width(&header(s, wide), w), dim)];
    let rows = (inner.height as usize).saturating_sub(1 + usize::from(legend));
    let first = (r.selected + 1).saturating_sub(rows.max(1));
    let shown = r.shown.as_ref().map(|(rev, _)| *rev);
    for (i, row) in r.rows.iter().enumerate().skip(first).take(rows) {
        let text = cells(s, row, wide, shown == Some(row.rev));
        let mut line = Line::raw(pad(&truncate_to_width(&text, w), w));
        if i == r.selected {
            line = line.style(if focused {
                selected_style(s.color)
            } else {
                Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            });
        }
        lines.push(line);
    }
    if legend {
        while lines.len() < inner.height as usize - 1 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            truncate_to_width(&t(s, Msg::ConflictLegend), w),
            dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn header(s: &State, wide: bool) -> String {
    let [rev, kind, who, when, words] = [
        Msg::ColRev,
        Msg::ColKind,
        Msg::ColWho,
        Msg::ColWhen,
        Msg::ColWords,
    ]
    .map(|m| t(s, m));
    if wide {
        format!("{rev:>5} {kind:<8} {who:<10} {when:<11} {words:>6}")
    } else {
        format!("{rev:>4} {who:<5} {when:<11} {words:>5}")
    }
}

/// One revision's columns; `shown` marks the one in the preview pane.
fn cells(s: &State, row: &RevisionInfo, wide: bool, shown: bool) -> String {
    let rev = format!("{}{}", if shown { "▸" } else { "" }, row.rev);
    let when = row
        .saved_at
        .with_timezone(&s.tz)
        .format("%d/%m %H:%M")
        .to_string();
    if wide {
        let who = pad(&truncate_to_width(&row.saved_by, 10), 10);
        let kind = t(s, Msg::KindLabel(row.kind));
        format!("{rev:>5} {kind:<8} {who} {when:<11} {:>6}", row.word_count)
    } else {
        let who = pad(&truncate_to_width(&row.saved_by, 5), 5);
        let mark = if row.kind == RevisionKind::Conflict {
            CONFLICT_MARK
        } else {
            ' '
        };
        format!("{rev:>4}{mark}{who} {when:<11} {:>5}", row.word_count)
    }
}

/// Pads with spaces to `w` display columns (so a selected row is highlighted to the edge).
fn pad(text: &str, w: usize) -> String {
    format!("{text}{}", " ".repeat(w.saturating_sub(width(text))))
}
