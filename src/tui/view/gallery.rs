//! The gallery panel over the editor: the article's lead photo and gallery (place, hash,
//! caption, alt text or a missing-alt marker), and below them the box the panel asks with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{pane_block, selected_style};
use crate::domain::text::{truncate_to_width, width};
use crate::tui::msg::{Msg, t};
use crate::tui::state::{GalleryMode, GalleryState, Pane, PhotoPlace, State, TextKind, filtered};

pub fn draw(frame: &mut Frame, area: Rect, s: &State, g: &GalleryState) {
    let title = s
        .editor()
        .map(|e| e.value(crate::tui::state::Field::Title))
        .unwrap_or_default();
    let block = pane_block(
        &t(s, Msg::GalleryTitle { title: &title }),
        s.focus == Pane::Editor,
        s.color,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let fit = |text: &str| truncate_to_width(text, w);
    let boxed = box_lines(s, g, w);
    let room = (inner.height as usize).saturating_sub(boxed.len());
    let mut lines: Vec<Line<'static>> = Vec::new();
    if !g.loaded {
        lines.push(Line::raw(fit(&t(s, Msg::Loading))));
    } else if g.rows.is_empty() {
        lines.push(Line::raw(fit(&t(s, Msg::GalleryEmpty))));
    }
    // Two lines a photo; the selected one kept in view.
    let first = (g.selected * 2 + 2).saturating_sub(room) / 2;
    let highlight = g.mode == GalleryMode::List;
    for (i, r) in g.rows.iter().enumerate().skip(first) {
        let place = match r.place {
            PhotoPlace::Lead => format!("★ {}", t(s, Msg::PlaceLabel(r.place))),
            PhotoPlace::Gallery(n) => format!("{n:>2}."),
            PhotoPlace::Inline => t(s, Msg::PlaceLabel(r.place)).into_owned(),
        };
        let caption = if r.caption.is_empty() {
            "—"
        } else {
            &r.caption
        };
        let head = format!("{place} {} {caption}", r.short());
        let alt = if r.alt.trim().is_empty() {
            format!("    {}", t(s, Msg::NoAltMark))
        } else {
            format!("    {}{}", t(s, Msg::AltLabel), r.alt)
        };
        let style = if highlight && i == g.selected {
            selected_style(s.color)
        } else {
            Style::default()
        };
        let pad = |text: String| {
            let text = fit(&text);
            let n = w.saturating_sub(width(&text));
            Line::styled(format!("{text}{}", " ".repeat(n)), style)
        };
        lines.push(pad(head));
        lines.push(pad(alt));
    }
    lines.truncate(room);
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    lines.extend(boxed);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The box at the bottom: the typed path and Tab's choices, the library filtered, or the
/// caption or alt text being typed.
fn box_lines(s: &State, g: &GalleryState, w: usize) -> Vec<Line<'static>> {
    let fit = |text: &str| truncate_to_width(text, w);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let rule = Line::raw("─".repeat(w));
    match &g.mode {
        GalleryMode::List => Vec::new(),
        GalleryMode::Path { input, choices } => {
            let mut out = vec![rule];
            if !choices.is_empty() {
                out.push(Line::raw(fit(&choices.join("  "))));
            }
            out.push(Line::styled(
                fit(&format!("{}{input}▏", t(s, Msg::PathPrompt))),
                bold,
            ));
            out
        }
        GalleryMode::Pick {
            query,
            items,
            selected,
            loaded,
        } => {
            let mut out = vec![rule];
            let hits = filtered(items, query);
            if !loaded {
                out.push(Line::raw(fit(&t(s, Msg::Loading))));
            } else if hits.is_empty() {
                out.push(Line::raw(fit(&t(s, Msg::PickEmpty))));
            }
            let start = selected.saturating_sub(4);
            for (i, item) in hits.iter().enumerate().skip(start).take(5) {
                let label = if item.caption.is_empty() {
                    &item.name
                } else {
                    &item.caption
                };
                let text = fit(&format!("{} {label}", item.short()));
                out.push(if i == *selected {
                    Line::styled(text, selected_style(s.color))
                } else {
                    Line::raw(text)
                });
            }
            out.push(Line::styled(
                fit(&format!("{}{query}▏", t(s, Msg::PickPrompt))),
                bold,
            ));
            out
        }
        GalleryMode::Text { which, input } => {
            let label = match which {
                TextKind::Caption => t(s, Msg::CaptionLabel),
                TextKind::Alt => t(s, Msg::AltLabel),
            };
            vec![rule, Line::styled(fit(&format!("{label}{input}▏")), bold)]
        }
    }
}
