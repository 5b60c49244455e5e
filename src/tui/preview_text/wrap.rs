//! Pending text laid out as lines: quote bars and list markers, blank lines, code, word wrap.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::table::{fit_spans, push_span, spans_width};
use super::{Container, Frag, Renderer};
use crate::domain::text;

/// Breakable whitespace; no-break spaces keep their words together (and their exact character).
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

enum Tok {
    Word(Vec<Span<'static>>),
    Space(Style),
    Break,
}

impl Renderer {
    /// Opens a quote or list item: finishes pending text and the blank line owed before it.
    pub(super) fn open(&mut self, container: Container) {
        self.flush();
        self.blank_now();
        self.containers.push(container);
    }

    pub(super) fn close(&mut self) {
        self.flush();
        if let Some(Container::Item { used: false, .. }) = self.containers.last() {
            let (line, _) = self.start_line(); // an empty item still shows its marker
            self.emit(line);
        }
        self.containers.pop();
    }

    pub(super) fn take_spans(&mut self) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for frag in std::mem::take(&mut self.frags) {
            match frag {
                Frag::Text(s, style) => push_span(&mut spans, &s, style),
                Frag::Break => push_span(&mut spans, " ", Style::new()),
            }
        }
        spans
    }

    /// The container prefix of the next line and the cells left after it. With `consume`, list
    /// markers are shown once (hanging indent afterwards). Prefixes take at most 2/3 of the width.
    pub(super) fn prefix(&mut self, consume: bool) -> (Vec<Span<'static>>, usize) {
        let mut spans = Vec::new();
        for c in &mut self.containers {
            match c {
                Container::Quote => push_span(&mut spans, "│ ", self.theme.dim()),
                Container::Item { marker, used } => {
                    let shown = if *used {
                        " ".repeat(text::width(marker))
                    } else {
                        marker.clone()
                    };
                    push_span(&mut spans, &shown, Style::new());
                    *used |= consume;
                }
            }
        }
        let cap = self.width * 2 / 3;
        if self.width >= 4 && spans_width(&spans) > cap {
            spans = fit_spans(spans, cap);
        }
        let avail = self.width.saturating_sub(spans_width(&spans)).max(1);
        (spans, avail)
    }

    pub(super) fn start_line(&mut self) -> (Vec<Span<'static>>, usize) {
        self.prefix(true)
    }

    fn blank_now(&mut self) {
        if std::mem::take(&mut self.pending_blank) && !self.lines.is_empty() {
            let bars: String = (self.containers.iter())
                .map(|c| {
                    if matches!(c, Container::Quote) {
                        "│ "
                    } else {
                        "  "
                    }
                })
                .collect();
            let bars = bars.trim_end().to_string();
            self.lines
                .push(Line::from(Span::styled(bars, self.theme.dim())));
        }
    }

    pub(super) fn emit(&mut self, spans: Vec<Span<'static>>) {
        self.blank_now();
        self.lines.push(Line::from(spans));
    }

    pub(super) fn code_block(&mut self, code: &str) {
        let style = self.style().patch(if self.theme.color {
            Style::new().fg(Color::Green)
        } else {
            Style::new()
        });
        let code = code.strip_suffix('\n').unwrap_or(code);
        if code.is_empty() {
            return;
        }
        for raw in code.split('\n') {
            let raw: String = raw
                .replace('\t', "    ")
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            let (mut line, avail) = self.start_line();
            line.push(Span::raw("  "));
            line.push(Span::styled(
                text::truncate_to_width(&raw, avail.saturating_sub(2)),
                style,
            ));
            self.emit(line);
        }
    }

    /// Word-wraps the pending inline text under the current containers.
    pub(super) fn flush(&mut self) {
        let mut toks = tokenize(std::mem::take(&mut self.frags));
        while matches!(toks.last(), Some(Tok::Break | Tok::Space(_))) {
            toks.pop();
        }
        if !toks.iter().any(|t| matches!(t, Tok::Word(_))) {
            return;
        }
        let (mut line, mut avail) = self.start_line();
        let (mut used, mut space) = (0, None);
        for tok in toks {
            match tok {
                Tok::Break => {
                    self.emit(std::mem::take(&mut line));
                    (line, avail) = self.start_line();
                    (used, space) = (0, None);
                }
                Tok::Space(style) => space = space.or((used > 0).then_some(style)),
                Tok::Word(spans) => {
                    let w = spans_width(&spans);
                    let gap = usize::from(space.is_some());
                    if used > 0 && used + gap + w > avail {
                        self.emit(std::mem::take(&mut line));
                        (line, avail) = self.start_line();
                        used = 0;
                    } else if let Some(style) = space {
                        push_span(&mut line, " ", style);
                        used += 1;
                    }
                    space = None;
                    if used + w <= avail {
                        for span in spans {
                            push_span(&mut line, &span.content, span.style);
                        }
                        used += w;
                        continue;
                    }
                    // Only a word wider than the whole line is split, by characters.
                    for span in spans {
                        for c in span.content.chars() {
                            let cw = c.width().unwrap_or(0);
                            if used > 0 && used + cw > avail {
                                self.emit(std::mem::take(&mut line));
                                (line, avail) = self.start_line();
                                used = 0;
                            }
                            push_span(&mut line, c.encode_utf8(&mut [0; 4]), span.style);
                            used += cw;
                        }
                    }
                }
            }
        }
        self.emit(line);
    }
}

/// Splits fragments into words (which may span styles), breakable spaces and hard breaks.
fn tokenize(frags: Vec<Frag>) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut word: Vec<Span<'static>> = Vec::new();
    for frag in frags {
        let (s, style) = match frag {
            Frag::Text(s, style) => (s, style),
            Frag::Break => {
                if !word.is_empty() {
                    toks.push(Tok::Word(std::mem::take(&mut word)));
                }
                toks.push(Tok::Break);
                continue;
            }
        };
        for c in s.chars() {
            if breaks(c) {
                if !word.is_empty() {
                    toks.push(Tok::Word(std::mem::take(&mut word)));
                }
                toks.push(Tok::Space(style));
            } else {
                push_span(&mut word, c.encode_utf8(&mut [0; 4]), style);
            }
        }
    }
    if !word.is_empty() {
        toks.push(Tok::Word(word));
    }
    toks
}
