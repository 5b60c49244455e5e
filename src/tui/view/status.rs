//! The status line, the footer of key hints, and the tab line of the one-pane layout.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::text::{reading_minutes, truncate_to_width, width};
use crate::site::Progress;
use crate::tui::keymap;
use crate::tui::msg::{Msg, t, typing_label};
use crate::tui::state::{Pane, State};

pub fn status_line(frame: &mut Frame, area: Rect, s: &State) {
    // A running export takes the right end; the editor's status and the message the rest.
    let area = match s.export {
        Some(run) => {
            let bar = export_bar(s, &run.progress, area.width);
            let w = bar.width() as u16;
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
    let w = area.width as usize;
    let left = status_parts(s, w);
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

/// The open article's part of the status line: status, typing mode, words and reading time,
/// saved or not, read-only. When they do not fit in `room` columns the word count goes first.
pub fn status_parts(s: &State, room: usize) -> Vec<String> {
    let Some(e) = s.editor() else {
        return Vec::new();
    };
    let n = e.word_count();
    let mut parts = vec![
        t(s, Msg::StatusLabel(e.status)).into_owned(),
        typing_label(s.typing.mode).to_string(),
        t(
            s,
            Msg::Words {
                n,
                minutes: reading_minutes(n),
            },
        )
        .into_owned(),
        t(
            s,
            if e.dirty {
                Msg::UnsavedFlag
            } else {
                Msg::SavedFlag
            },
        )
        .into_owned(),
    ];
    if e.read_only().is_some() {
        parts.push(t(s, Msg::ReadOnlyFlag).into_owned());
    }
    if width(&parts.join(" · ")) > room {
        parts.remove(2);
    }
    parts
}

/// " export rendering ████░░░░ 120/400": the phase, a bar of pages done, the count, in at
/// most half the line (the bar goes first, then the count, when they do not fit).
pub fn export_bar(s: &State, p: &Progress, width: u16) -> Line<'static> {
    let room = (width / 2) as usize;
    let full = export_bar_with(s, p, width, true, true);
    if full.width() <= room {
        return full;
    }
    let count = export_bar_with(s, p, width, false, true);
    if count.width() <= room {
        return count;
    }
    export_bar_with(s, p, width, false, false)
}

fn export_bar_with(s: &State, p: &Progress, width: u16, bar: bool, count: bool) -> Line<'static> {
    let mut spans = vec![
        Span::raw(format!(" {} ", t(s, Msg::ExportFlag))),
        Span::styled(
            t(s, Msg::PhaseLabel(p.phase)),
            Style::default().add_modifier(Modifier::BOLD),
        ),
    ];
    if p.total == 0 || !count {
        spans.push(Span::raw("… "));
        return Line::from(spans);
    }
    if !bar {
        spans.push(Span::raw(format!(" {}/{} ", p.done, p.total)));
        return Line::from(spans);
    }
    let cells = if width >= 120 { 16 } else { 8 };
    let filled = (p.done.min(p.total) * cells) / p.total;
    let style = if s.color {
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

/// The footer's hints for the state's context: whole hints, in table order, as many as fit.
pub fn footer_hints(s: &State, room: usize) -> Vec<(String, &'static str)> {
    let ctx = crate::tui::update::context(s);
    let mut used = 0;
    keymap::hints(ctx, s.lang)
        .into_iter()
        .take_while(|(key, help)| {
            used += width(key) + width(help) + 2;
            used <= room
        })
        .collect()
}

pub fn footer(frame: &mut Frame, area: Rect, s: &State) {
    let key_style = if s.color {
        Style::default().fg(Color::Black).bg(Color::Gray)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    };
    let mut spans = Vec::new();
    for (key, help) in footer_hints(s, area.width as usize) {
        spans.push(Span::styled(key, key_style));
        spans.push(Span::raw(format!(" {help} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn tabs(frame: &mut Frame, area: Rect, s: &State) {
    let names = [
        (Pane::List, t(s, Msg::ListTitle)),
        (Pane::Editor, t(s, Msg::EditorTitle)),
        (Pane::Preview, t(s, Msg::PreviewTitle)),
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
