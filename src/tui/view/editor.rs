//! The editor pane: metadata fields, then the soft-wrapped body.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::domain::text::{truncate_to_width, width};
use crate::tui::msg::{Msg, t};
use crate::tui::state::{Field, Pane, State};

/// The field labels in the state's language, padded to the widest, and the label column's
/// width (one more: a space before the value).
fn labels(s: &State) -> ([String; 8], u16) {
    let names = Field::ALL.map(|f| t(s, Msg::FieldLabel(f)));
    let w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let padded = names.map(|n| format!("{n}{}", " ".repeat(w + 1 - width(&n))));
    (padded, w as u16 + 2)
}

pub fn draw(frame: &mut Frame, area: Rect, s: &State) {
    let focused = s.focus == Pane::Editor;
    let Some(e) = s.editor() else {
        let block = pane_block(&t(s, Msg::EditorTitle), focused, s.color);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(t(s, Msg::NothingOpen)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let title = match &e.slug {
        Some(slug) => format!("{} · {slug}", t(s, Msg::EditorTitle)),
        None => t(s, Msg::EditorTitle).into_owned(),
    };
    let block = pane_block(&title, focused, s.color);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    // Someone else is editing: say who, where and since when above everything else (on two
    // lines when the pane is narrow).
    if let Some(h) = e.read_only() {
        let since = h.since.with_timezone(&s.tz).format("%H:%M").to_string();
        let text = t(
            s,
            Msg::BeingEdited {
                user: &h.user,
                host: &h.host,
                since: &since,
            },
        );
        let rows = if width(&text) > inner.width as usize {
            2
        } else {
            1
        };
        if inner.height > rows + 1 {
            let banner = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
            let row = Rect {
                height: rows,
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Span::styled(text, banner)).wrap(Wrap { trim: true }),
                row,
            );
            inner.y += rows;
            inner.height -= rows;
        }
    }
    let fields = (Field::ALL.len() - 1) as u16;
    let find_rows = u16::from(e.find.is_some());
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(fields),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(find_rows),
        ])
        .split(inner);
    let label_style = Style::default().add_modifier(Modifier::DIM);
    let (labels, label_w) = labels(s);
    let focus_label = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    for (i, field) in Field::ALL.iter().take(fields as usize).enumerate() {
        let row = Rect {
            y: parts[0].y + i as u16,
            height: 1,
            ..parts[0]
        };
        if row.y >= parts[0].bottom() {
            break;
        }
        let is_focus = focused && e.focus == *field;
        let label = labels[i].clone();
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Length(label_w), Constraint::Min(1)])
            .split(row);
        frame.render_widget(
            Paragraph::new(Span::styled(
                label,
                if is_focus { focus_label } else { label_style },
            )),
            cols[0],
        );
        if is_focus {
            frame.render_widget(&e.lines[i], cols[1]);
            place_cursor(frame, &e.lines[i], cols[1]);
        } else {
            let value = e.value(*field);
            let shown = truncate_to_width(&value, cols[1].width as usize);
            let style = if *field == Field::Title {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            frame.render_widget(Paragraph::new(Span::styled(shown, style)), cols[1]);
        }
    }
    let body_focus = focused && e.focus == Field::Body;
    let rule_style = if body_focus {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        label_style
    };
    let body = t(s, Msg::FieldLabel(Field::Body));
    let rule = format!(
        "{body}{}",
        "─".repeat((parts[1].width as usize).saturating_sub(width(&body)))
    );
    frame.render_widget(Paragraph::new(Span::styled(rule, rule_style)), parts[1]);
    frame.render_widget(&e.body, parts[2]);
    if body_focus && e.find.is_none() {
        place_cursor(frame, &e.body, parts[2]);
    }
    if let Some(find) = &e.find {
        let line = Line::from(vec![
            Span::styled(
                t(s, Msg::FindPrompt),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!("{find}▏")),
            Span::styled(
                match (find.is_empty(), e.last_find.is_empty()) {
                    (true, false) => format!(
                        "  {}",
                        t(
                            s,
                            Msg::FindAgain {
                                query: &e.last_find
                            }
                        )
                    ),
                    _ => String::new(),
                },
                Style::default().add_modifier(Modifier::DIM),
            ),
        ]);
        frame.render_widget(Paragraph::new(line), parts[3]);
    }
}

/// Shows the terminal's cursor where the text area's cursor is (the widget has just been
/// rendered, so its scroll offset is current).
fn place_cursor(frame: &mut Frame, t: &ratatui_textarea::TextArea, area: Rect) {
    let sc = t.screen_cursor();
    let (top, left) = t.scroll_offset();
    let (Some(row), Some(col)) = (
        sc.row.checked_sub(top.into()),
        sc.col.checked_sub(left.into()),
    ) else {
        return;
    };
    if row < area.height as usize && col < area.width as usize {
        frame.set_cursor_position((area.x + col as u16, area.y + row as u16));
    }
}
