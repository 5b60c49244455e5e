//! Dialogs drawn over the panes; the help screen is generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{pane_block, selected_style};
use crate::domain::text::{truncate_to_width, width};
use crate::tui::keymap::Context;
use crate::tui::layout::HelpGrid;
use crate::tui::msg::{Msg, t};
use crate::tui::state::{Dialog, State};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn show(frame: &mut Frame, title: &str, lines: Vec<Line<'static>>, width: u16, color: bool) {
    show_with(frame, pane_block(title, true, color), lines, width);
}

fn show_with(frame: &mut Frame, block: Block<'static>, lines: Vec<Line<'static>>, width: u16) {
    let height = lines.len() as u16 + 2;
    let r = centered(frame.area(), width, height);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

fn bold(s: impl Into<std::borrow::Cow<'static, str>>) -> Line<'static> {
    Line::styled(s.into(), Style::default().add_modifier(Modifier::BOLD))
}

pub fn draw(frame: &mut Frame, s: &State) {
    let Some(d) = &s.dialog else { return };
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(72);
    let inner = w.saturating_sub(2) as usize;
    match d {
        Dialog::Leader => {
            let lines = crate::tui::keymap::hints(Context::Leader, s.lang)
                .into_iter()
                .map(|(key, help)| Line::raw(format!(" {key:<4} {help}")))
                .collect();
            show(
                frame,
                &t(s, Msg::HelpGroup(Context::Leader)),
                lines,
                w.min(40),
                s.color,
            );
        }
        Dialog::Help { scroll } => {
            let entries = crate::tui::keymap::help_entries(s.lang);
            let grid = HelpGrid::new(area, entries.len());
            let lines = help_lines(&entries, &grid, *scroll);
            // The keys that scroll and close sit in the bottom border: every row inside is
            // for the table.
            let close = format!(
                " {} · {} ",
                keys(s, Context::HelpDialog),
                t(s, Msg::HelpClose)
            );
            let block = pane_block(&t(s, Msg::HelpTitle), true, s.color).title_bottom(close);
            show_with(frame, block, lines, grid.width);
        }
        Dialog::ConfirmLeave { .. } => show(
            frame,
            &t(s, Msg::LeaveTitle),
            vec![
                Line::raw(t(s, Msg::LeaveBody)),
                Line::raw(""),
                bold(keys(s, Context::LeaveDialog)),
            ],
            w.min(56),
            s.color,
        ),
        Dialog::StatusMenu {
            choices,
            selected,
            at,
        } => {
            let mut lines: Vec<Line> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let line = Line::raw(format!(" {} ", t(s, Msg::MoveLabel(*c))));
                    if i == *selected {
                        line.style(selected_style(s.color))
                    } else {
                        line
                    }
                })
                .collect();
            if choices.get(*selected) == Some(&crate::domain::Status::Scheduled) {
                lines.push(Line::raw(""));
                lines.push(Line::from(vec![
                    Span::raw(t(s, Msg::StatusAt)),
                    Span::styled(
                        format!("{at}▏"),
                        Style::default().add_modifier(Modifier::BOLD),
                    ),
                ]));
            }
            lines.push(Line::raw(""));
            lines.push(bold(keys(s, Context::StatusDialog)));
            show(frame, &t(s, Msg::StatusTitle), lines, w.min(60), s.color);
        }
        Dialog::ConfirmExport { out, sync } => {
            // One line each (the dialog's height counts lines): a long one is cut visibly.
            let labels = padded([t(s, Msg::ExportFolder), t(s, Msg::ExportSync)]);
            let line = |label: &str, v: &str| {
                Line::raw(truncate_to_width(&format!("{label}  {v}"), inner))
            };
            let question = Msg::ExportQuestion {
                sync: sync.is_some(),
            };
            let mut lines = vec![bold(t(s, question)), Line::raw("")];
            lines.push(line(&labels[0], out));
            if let Some(cmd) = sync {
                lines.push(line(&labels[1], cmd));
            }
            lines.push(Line::raw(""));
            lines.push(bold(keys(s, Context::ExportDialog)));
            show(frame, &t(s, Msg::ExportTitle), lines, w, s.color);
        }
        Dialog::Recover {
            written_at, diff, ..
        } => {
            let mut lines = vec![
                Line::raw(t(s, Msg::RecoverFrom { at: written_at })),
                Line::raw(""),
            ];
            let labels = [Msg::StoredLabel, Msg::RecoveredLabel];
            push_difference(s, &mut lines, diff, labels, inner);
            lines.push(bold(keys(s, Context::RecoverDialog)));
            show(frame, &t(s, Msg::RecoverTitle), lines, w, s.color);
        }
        Dialog::Conflict {
            theirs_by,
            theirs_at,
            diff,
            ..
        } => {
            let by = Msg::ConflictBy {
                who: theirs_by,
                at: theirs_at,
            };
            let mut lines = vec![Line::raw(t(s, by)), Line::raw("")];
            push_difference(
                s,
                &mut lines,
                diff,
                [Msg::TheirsLabel, Msg::MineLabel],
                inner,
            );
            lines.push(bold(keys(s, Context::ConflictDialog)));
            show(frame, &t(s, Msg::ConflictTitle), lines, w, s.color);
        }
    }
}

/// Labels padded to the widest, so what follows them lines up.
fn padded<const N: usize>(labels: [std::borrow::Cow<'static, str>; N]) -> [String; N] {
    let w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    labels.map(|l| format!("{l}{}", " ".repeat(w - width(&l))))
}

/// The first differing line of two versions, labelled, each cut to the dialog width.
fn push_difference(
    s: &State,
    lines: &mut Vec<Line<'static>>,
    diff: &Option<(usize, String, String)>,
    labels: [Msg; 2],
    inner: usize,
) {
    let Some((n, a, b)) = diff else { return };
    let labels = padded(labels.map(|m| t(s, m)));
    let room = inner.saturating_sub(width(&labels[0]) + 4);
    lines.push(bold(t(s, Msg::LineNo(*n))));
    for (label, text) in labels.iter().zip([a, b]) {
        lines.push(Line::raw(format!(
            "{label}: {}",
            truncate_to_width(text, room)
        )));
    }
    lines.push(Line::raw(""));
}

/// The rows of the help grid from `scroll` on, entries read down each column.
fn help_lines(entries: &[(String, bool)], grid: &HelpGrid, scroll: usize) -> Vec<Line<'static>> {
    let scroll = scroll.min(grid.max_scroll());
    let mut lines = Vec::with_capacity(grid.visible);
    for r in scroll..scroll + grid.visible {
        let mut spans = Vec::new();
        for c in 0..grid.cols {
            let Some((text, heading)) = entries.get(c * grid.rows + r) else {
                continue;
            };
            let cell = truncate_to_width(text, grid.col_width.saturating_sub(1));
            let pad = " ".repeat(grid.col_width.saturating_sub(width(&cell)));
            let style = if *heading {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            spans.push(Span::styled(cell, style));
            spans.push(Span::raw(pad));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// A dialog's key line, from the key table.
fn keys(s: &State, ctx: Context) -> String {
    crate::tui::keymap::dialog_keys(ctx, s.lang)
}
