//! Table layout for the Markdown preview: box-drawing borders, columns sized to their content and
//! shrunk (widest first) until the table fits, cells cut with “…” by display width; plus the
//! span-fitting helpers the preview shares with it.

use pulldown_cmark::Alignment;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use crate::domain::text;
use unicode_width::UnicodeWidthChar;

/// One table row as collected from the parser; rows may be ragged.
pub(super) struct Row {
    pub header: bool,
    pub cells: Vec<Vec<Span<'static>>>,
}

/// Lays out `rows` in at most `avail` cells (when at all possible: every column keeps at least one
/// cell of content, so a table with very many columns may still be wider; the caller clips).
pub(super) fn layout(
    aligns: &[Alignment],
    rows: &[Row],
    avail: usize,
    border: Style,
) -> Vec<Vec<Span<'static>>> {
    let ncols = rows
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0)
        .max(aligns.len());
    if ncols == 0 || rows.is_empty() {
        return Vec::new();
    }
    let mut widths = vec![1usize; ncols];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(&row.cells) {
            *w = (*w).max(spans_width(cell));
        }
    }
    // "│" then, per column, " cell │".
    let total = 1 + widths.iter().map(|w| w + 3).sum::<usize>();
    shrink(&mut widths, total.saturating_sub(avail));

    let rule = |left: char, mid: char, right: char| {
        let mut s = String::from(left);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                s.push(mid);
            }
            s.push_str(&"─".repeat(w + 2));
        }
        s.push(right);
        vec![Span::styled(s, border)]
    };
    let mut out = vec![rule('┌', '┬', '┐')];
    for (ri, row) in rows.iter().enumerate() {
        let mut line = vec![Span::styled("│", border)];
        for (i, &w) in widths.iter().enumerate() {
            let mut cell = fit_spans(row.cells.get(i).cloned().unwrap_or_default(), w);
            if row.header {
                for span in &mut cell {
                    span.style = span.style.add_modifier(Modifier::BOLD);
                }
            }
            let pad = w.saturating_sub(spans_width(&cell));
            let (left, right) = match aligns.get(i) {
                Some(Alignment::Right) => (pad, 0),
                Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                _ => (0, pad),
            };
            line.push(Span::raw(" ".repeat(left + 1)));
            line.extend(cell);
            line.push(Span::raw(" ".repeat(right + 1)));
            line.push(Span::styled("│", border));
        }
        out.push(line);
        if row.header && ri + 1 < rows.len() {
            out.push(rule('├', '┼', '┤'));
        }
    }
    out.push(rule('└', '┴', '┘'));
    out
}

/// Takes `excess` cells away from the widest columns, never below one cell per column.
fn shrink(widths: &mut [usize], mut excess: usize) {
    while excess > 0 {
        let Some((i, w)) = widths.iter().copied().enumerate().max_by_key(|&(_, w)| w) else {
            return;
        };
        if w <= 1 {
            return;
        }
        let next = widths
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, &w)| w)
            .max()
            .unwrap_or(1)
            .max(1);
        let step = w.saturating_sub(next).max(1).min(excess).min(w - 1);
        widths[i] -= step;
        excess -= step;
    }
}

/// Display width of a run of spans.
pub(super) fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| text::width(&s.content)).sum()
}

/// Appends text, merging with the last span when the style is the same.
pub(super) fn push_span(line: &mut Vec<Span<'static>>, s: &str, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(s),
        _ => line.push(Span::styled(s.to_string(), style)),
    }
}

/// Cuts spans to at most `max` cells, ending in “…” (in the last kept style) when something was
/// cut. Retries with a smaller budget where a string is wider than its characters (emoji + VS16).
pub(super) fn fit_spans(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    if spans_width(&spans) <= max {
        return spans;
    }
    let mut budget = max;
    loop {
        let out = cut(&spans, budget);
        if budget == 0 || spans_width(&out) <= max {
            return out;
        }
        budget -= 1;
    }
}

fn cut(spans: &[Span<'static>], budget: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    if budget == 0 {
        return out;
    }
    let (mut used, mut style) = (0, Style::default());
    'spans: for span in spans {
        style = span.style;
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw + 1 > budget {
                break 'spans;
            }
            push_span(&mut out, c.encode_utf8(&mut [0; 4]), style);
            used += cw;
        }
    }
    push_span(&mut out, "…", style);
    out
}
