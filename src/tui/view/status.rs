//! The status line, the footer of key hints, and the tab line of the one-pane layout.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::text::{reading_minutes, truncate_to_width, width};
use crate::site::Progress;
use crate::tui::keymap;
use crate::tui::state::{Pane, State};
use crate::tui::strings as t;

pub fn status_line(frame: &mut Frame, area: Rect, s: &State) {
    // A running export takes the right end; the editor's status and the message the rest.
    let area = match s.export {
        Some(run) => {
            let bar = export_bar(&run.progress, area.width, s.color);
            let w = (bar.width() as u16).min(area.width / 2);
            let right = Rect {
                x: area.right() - w,
                width: w,
                ..area
            };
            frame.render_widget(Paragraph::new(bar), right);
            Rect {
                width: area.width - w,
                ..area
            }
        }
        None => area,
    };
    let mut left: Vec<String> = Vec::new();
    if let Some(e) = s.editor.as_ref() {
        left.push(t::status_label(e.status).to_string());
        left.push(t::typing_label(s.typing.mode).to_string());
        let n = e.word_count();
        left.push(t::words(n, reading_minutes(n)));
        left.push(if e.dirty { t::UNSAVED } else { t::SAVED }.to_string());
        if e.read_only().is_some() {
            left.push(t::READ_ONLY.to_string());
        }
    }
    let w = area.width as usize;
    let joined = left.join(" · ");
    // Only the status is bold: the counts change with every word, and a plain run redraws
    // without switching attributes (fewer bytes over SSH).
    let mut spans: Vec<Span> = Vec::new();
    for (i, part) in left.into_iter().enumerate() {
        if i == 0 {
            spans.push(Span::styled(
                part,
                Style::default().add_modifier(Modifier::BOLD),
            ));
        } else {
            spans.push(Span::raw(format!(" · {part}")));
        }
    }
    let left = joined;
    if let Some(m) = &s.message {
        let room = w.saturating_sub(width(&left) + 3);
        let style = match (m.error, s.color) {
            (true, true) => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            (true, false) => Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            _ => Style::default(),
        };
        if !left.is_empty() {
            spans.push(Span::raw(" │ "));
        }
        spans.push(Span::styled(truncate_to_width(&m.text, room), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// " export rendering ████░░░░ 120/400": the phase, a bar of pages done, the count.
fn export_bar(p: &Progress, width: u16, color: bool) -> Line<'static> {
    let mut spans = vec![
        Span::raw(format!(" {} ", t::EXPORT_LABEL)),
        Span::styled(
            t::phase_label(p.phase),
            Style::default().add_modifier(Modifier::BOLD),
        ),
    ];
    if p.total == 0 {
        spans.push(Span::raw("… "));
        return Line::from(spans);
    }
    let cells = if width >= 120 { 16 } else { 8 };
    let filled = (p.done.min(p.total) * cells) / p.total;
    let style = if color {
        Style::default().fg(Color::Cyan)
    } else {
        Style::default()
    };
    spans.push(Span::raw(" "));
    spans.push(Span::styled("█".repeat(filled), style));
    spans.push(Span::raw("░".repeat(cells - filled)));
    spans.push(Span::raw(format!(" {}/{} ", p.done, p.total)));
    Line::from(spans)
}

pub fn footer(frame: &mut Frame, area: Rect, s: &State) {
    let ctx = crate::tui::update::context(s);
    let key_style = if s.color {
        Style::default().fg(Color::Black).bg(Color::Gray)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, help) in keymap::hints(ctx) {
        let cost = width(&key) + width(help) + 2;
        if used + cost > area.width as usize {
            break;
        }
        spans.push(Span::styled(key, key_style));
        spans.push(Span::raw(format!(" {help} ")));
        used += cost;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn tabs(frame: &mut Frame, area: Rect, s: &State) {
    let names = [
        (Pane::List, t::LIST_TITLE),
        (Pane::Editor, t::EDITOR_TITLE),
        (Pane::Preview, t::PREVIEW_TITLE),
    ];
    let mut spans = Vec::new();
    for (pane, name) in names {
        let style = if pane == s.focus {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default()
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
