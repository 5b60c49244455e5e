//! The article list: one line per article, a search box, the filter and sort in the title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{inner_width, pane_block, selected_style};
use crate::domain::Status;
use crate::domain::text::{truncate_to_width, width};
use crate::tui::msg::{Msg, t};
use crate::tui::state::{Pane, State};

const STATUSES: [Status; 5] = [
    Status::Draft,
    Status::Review,
    Status::Scheduled,
    Status::Published,
    Status::Archived,
];

/// The status badges in the state's language, padded to one width (the widest).
fn badges(s: &State) -> [String; 5] {
    let names = STATUSES.map(|st| t(s, Msg::Badge(st)));
    let w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    names.map(|n| format!("{n}{}", " ".repeat(w - width(&n))))
}

fn badge(badges: &[String; 5], st: Status) -> String {
    let i = STATUSES.iter().position(|x| *x == st).unwrap_or(0);
    badges[i].clone()
}

fn badge_style(s: Status, color: bool) -> Style {
    if !color {
        return Style::default().add_modifier(Modifier::BOLD);
    }
    let c = match s {
        Status::Draft => Color::Yellow,
        Status::Review => Color::Magenta,
        Status::Scheduled => Color::Cyan,
        Status::Published => Color::Green,
        Status::Archived => Color::DarkGray,
    };
    Style::default().fg(c)
}

/// From this inner width the list shows a section column (the three-pane layout reaches it
/// at 140 columns, one pane at 80).
const SECTION_FROM: usize = 48;

pub fn draw(frame: &mut Frame, area: Rect, s: &State) {
    if let Some(r) = s.revisions() {
        return super::revisions::draw(frame, area, s, r);
    }
    let l = &s.list;
    let focused = s.focus == Pane::List;
    let filter = match l.filter {
        None => t(s, Msg::FilterAll),
        Some(f) => t(s, Msg::StatusLabel(f)),
    };
    let sort = t(s, Msg::SortLabel(l.sort));
    let count = format!(
        "{}/{}",
        if l.total == 0 { 0 } else { l.selected + 1 },
        l.total
    );
    // The border cuts a long title; drop the pane's name, then the sort, before the count.
    let room = (area.width as usize).saturating_sub(4);
    let title = [
        format!("{} · {filter} · {sort} · {count}", t(s, Msg::ListTitle)),
        format!("{filter} · {sort} · {count}"),
        format!("{filter} · {count}"),
    ]
    .into_iter()
    .find(|title| width(title) <= room)
    .unwrap_or(count);
    let block = pane_block(&title, focused, s.color);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner_width(area) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if l.searching || !l.search.is_empty() {
        let cursor = if l.searching { "▏" } else { "" };
        let prompt = t(s, Msg::SearchPrompt);
        let room = w.saturating_sub(width(&prompt));
        lines.push(Line::from(vec![
            Span::styled(prompt, Style::default().add_modifier(Modifier::BOLD)),
            Span::raw(truncate_to_width(&format!("{}{cursor}", l.search), room)),
        ]));
    }
    let snippet = l.selected_snippet();
    let rows = (inner.height as usize).saturating_sub(lines.len() + usize::from(l.shows_snippet()));
    if l.total == 0 {
        if !l.loaded {
            lines.push(Line::raw(t(s, Msg::Loading)));
        } else if l.search.is_empty() && l.filter.is_none() {
            lines.push(Line::styled(
                t(s, Msg::EmptyTitle),
                Style::default().add_modifier(Modifier::BOLD),
            ));
            lines.push(Line::raw(""));
            let hint = t(s, Msg::EmptyHint);
            lines.extend(hint.lines().map(|h| Line::raw(h.to_string())));
        } else {
            lines.push(Line::raw(t(s, Msg::NoMatches)));
        }
    }
    let section_w = if w >= SECTION_FROM {
        (w / 5).clamp(10, 16)
    } else {
        0
    };
    let show_section = section_w > 0;
    let badges = badges(s);
    let badge_w = width(&badges[0]);
    for i in l.scroll..(l.scroll + rows).min(l.total) {
        let Some(row) = l.row(i) else {
            lines.push(Line::raw("…"));
            continue;
        };
        let date = row
            .publish_at
            .unwrap_or(row.updated_at)
            .with_timezone(&s.tz)
            .format("%d/%m/%y")
            .to_string();
        let section = if show_section {
            // Padded, so a selected row is highlighted to the pane's edge.
            let cut = truncate_to_width(&row.section, section_w);
            let pad = " ".repeat(section_w.saturating_sub(width(&cut)));
            format!("{cut}{pad}")
        } else {
            String::new()
        };
        let fixed = badge_w + 1 + 9 + if show_section { section_w + 1 } else { 0 };
        let room = w.saturating_sub(fixed);
        let title = truncate_to_width(&row.title, room);
        let pad = " ".repeat(room.saturating_sub(width(&title)));
        let mut spans = vec![
            Span::styled(badge(&badges, row.status), badge_style(row.status, s.color)),
            Span::raw(" "),
            Span::raw(date),
            Span::raw(" "),
            Span::raw(title),
            Span::raw(pad),
        ];
        if show_section {
            spans.push(Span::raw(" "));
            spans.push(Span::raw(section));
        }
        let mut line = Line::from(spans);
        if i == l.selected {
            line = line.style(selected_style(s.color));
            if !focused {
                line = line
                    .style(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
            }
        }
        lines.push(line);
        if i == l.selected
            && let Some(text) = snippet
        {
            // The selected hit's context, one dim line under it.
            lines.push(Line::styled(
                format!("  {}", truncate_to_width(text.trim(), w.saturating_sub(2))),
                Style::default().add_modifier(Modifier::DIM | Modifier::ITALIC),
            ));
        }
    }
    let mut list = Paragraph::new(lines);
    if l.total == 0 {
        // No rows: the empty-newsroom hints wrap instead of being cut.
        list = list.wrap(Wrap { trim: false });
    }
    frame.render_widget(list, inner);
}
