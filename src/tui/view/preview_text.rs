//! The article preview: title, byline, lede, Markdown body and signing unit rendered to styled
//! terminal lines, wrapped by display cells. Pure: no terminal access, never panics.

use pulldown_cmark::{Alignment, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::preview_table::{Row, fit_spans, layout, push_span, spans_width};
use crate::domain::text;

pub struct PreviewInput<'a> {
    pub title: &'a str,
    pub lede: &'a str,
    pub body: &'a str,
    pub byline: &'a str,
    pub signed_by: &'a str,
}

/// Renders the article as readers will see it, wrapped to `width` cells. `color == false`
/// (NO_COLOR) still distinguishes headings/emphasis using modifiers only, never colour.
/// No line is wider than `max(width, 1)` cells.
pub fn render(input: &PreviewInput, width: u16, color: bool) -> Vec<Line<'static>> {
    let w = usize::from(width);
    let theme = Theme { color };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut head = Renderer::new(w, theme);
    head.plain(input.title, bold);
    head.plain(
        input.byline,
        Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
    );
    let mut lede = Renderer::new(w, theme);
    lede.plain(input.lede, bold);
    let mut body = Renderer::new(w, theme);
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(input.body, opts) {
        body.event(event);
    }
    body.flush();
    let mut sign = Renderer::new(w, theme);
    sign.plain(input.signed_by, bold);
    for line in &mut sign.lines {
        let pad = w.saturating_sub(line.width());
        line.spans.insert(0, Span::raw(" ".repeat(pad)));
    }

    let mut out: Vec<Line<'static>> = Vec::new();
    for section in [head.lines, lede.lines, body.lines, sign.lines] {
        if section.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(section);
    }
    // Safety net: prefixes of deep nesting or many-column tables may not fit tiny widths.
    let max = w.max(1);
    for line in &mut out {
        if line.width() > max {
            line.spans = fit_spans(std::mem::take(&mut line.spans), max);
        }
    }
    out
}

/// Inline text made safe for the terminal: control characters dropped, line breaks and tabs spaced.
fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            c if c.is_control() && c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Breakable whitespace; no-break spaces keep their words together (and their exact character).
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

#[derive(Clone, Copy, Default)]
struct Theme {
    color: bool,
}

impl Theme {
    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }
    fn heading(self, level: HeadingLevel) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        let s = if level <= HeadingLevel::H2 {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        };
        self.tint(s, Color::Cyan)
    }
    fn code(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    fn link(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::UNDERLINED), Color::Blue)
    }
    fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
}

enum Frag {
    Text(String, Style),
    Break,
}

impl Frag {
    fn text(&self) -> &str {
        if let Frag::Text(s, _) = self { s } else { "" }
    }
}

enum Tok {
    Word(Vec<Span<'static>>),
    Space(Style),
    Break,
}

enum Container {
    Quote,
    Item { marker: String, used: bool },
}

struct Table {
    aligns: Vec<Alignment>,
    rows: Vec<Row>,
}

#[derive(Default)]
struct Renderer {
    width: usize,
    theme: Theme,
    lines: Vec<Line<'static>>,
    frags: Vec<Frag>,
    styles: Vec<Style>,
    containers: Vec<Container>,
    lists: Vec<Option<u64>>,
    links: Vec<(usize, String, LinkType)>,
    alt: Option<String>,
    image_depth: usize,
    code: Option<String>,
    table: Option<Table>,
    pending_blank: bool,
}

impl Renderer {
    fn new(width: usize, theme: Theme) -> Self {
        Renderer {
            width,
            theme,
            ..Default::default()
        }
    }

    fn plain(&mut self, s: &str, style: Style) {
        self.frags.push(Frag::Text(clean(s), style));
        self.flush();
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn push_style(&mut self, add: Style) {
        self.styles.push(self.style().patch(add));
    }

    fn text(&mut self, s: &str, add: Style) {
        let style = self.style().patch(add);
        self.frags.push(Frag::Text(clean(s), style));
    }

    fn event(&mut self, event: Event) {
        if let Some(alt) = &mut self.alt {
            match &event {
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::InlineHtml(t) => {
                    alt.push_str(t);
                    return;
                }
                Event::SoftBreak | Event::HardBreak => {
                    alt.push(' ');
                    return;
                }
                _ => {}
            }
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match &mut self.code {
                Some(code) => code.push_str(&t),
                None => self.text(&t, Style::new()),
            },
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(&t, self.theme.code())
            }
            Event::Html(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        self.frags.push(Frag::Break);
                    }
                    self.text(part, self.theme.dim());
                }
            }
            Event::InlineHtml(t) => self.text(&t, self.theme.dim()),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), Style::new()),
            Event::SoftBreak => self.text(" ", Style::new()),
            Event::HardBreak => self.frags.push(Frag::Break),
            Event::TaskListMarker(done) => {
                self.text(if done { "[x] " } else { "[ ] " }, Style::new())
            }
            Event::Rule => {
                self.flush();
                self.pending_blank = true;
                let (mut line, avail) = self.start_line();
                line.push(Span::styled("─".repeat(avail), self.theme.dim()));
                self.emit(line);
                self.pending_blank = true;
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::MetadataBlock(_) => self.flush(),
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.flush()
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.pending_blank = true;
                self.push_style(self.theme.heading(level));
            }
            Tag::BlockQuote(_) => {
                self.open(Container::Quote);
                self.push_style(Style::new().add_modifier(Modifier::ITALIC));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => "• ".to_string(),
                };
                self.open(Container::Item {
                    marker,
                    used: false,
                });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.pending_blank = true;
                let marker = format!("[^{}]: ", clean(&label));
                self.open(Container::Item {
                    marker,
                    used: false,
                });
            }
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(Table {
                    aligns,
                    rows: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                let header = matches!(tag, Tag::TableHead);
                if let Some(t) = &mut self.table {
                    t.rows.push(Row {
                        header,
                        cells: Vec::new(),
                    });
                }
            }
            Tag::TableCell => self.frags.clear(),
            Tag::Emphasis => self.push_style(Style::new().add_modifier(Modifier::ITALIC)),
            Tag::Strong => self.push_style(Style::new().add_modifier(Modifier::BOLD)),
            Tag::Strikethrough => self.push_style(Style::new().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Superscript | Tag::Subscript => self.push_style(Style::new()),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                self.links
                    .push((self.frags.len(), clean(&dest_url), link_type));
                self.push_style(self.theme.link());
            }
            Tag::Image { .. } => {
                self.image_depth += 1;
                self.alt.get_or_insert_with(String::new);
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::CodeBlock => {
                self.flush();
                if let Some(code) = self.code.take() {
                    self.code_block(&code);
                }
                self.pending_blank = true;
            }
            TagEnd::Heading(_) => {
                self.flush();
                self.styles.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                self.styles.pop();
                self.pending_blank = true;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if !self
                    .containers
                    .iter()
                    .any(|c| matches!(c, Container::Item { .. }))
                {
                    self.pending_blank = true;
                }
            }
            TagEnd::Item => self.close(),
            TagEnd::FootnoteDefinition => {
                self.close();
                self.pending_blank = true;
            }
            TagEnd::TableCell => {
                let cell = self.take_spans();
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.cells.push(cell);
                }
            }
            TagEnd::Table => {
                self.frags.clear();
                if let Some(t) = self.table.take() {
                    let (_, avail) = self.prefix(false);
                    for row in layout(&t.aligns, &t.rows, avail, self.theme.dim()) {
                        let (mut line, _) = self.start_line();
                        line.extend(row);
                        self.emit(line);
                    }
                }
                self.pending_blank = true;
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => _ = self.styles.pop(),
            TagEnd::Superscript | TagEnd::Subscript => _ = self.styles.pop(),
            TagEnd::Link => {
                self.styles.pop();
                if let Some((start, url, kind)) = self.links.pop() {
                    let frags = self.frags.get(start..).unwrap_or_default();
                    let shown: String = frags.iter().map(Frag::text).collect();
                    let auto = matches!(kind, LinkType::Autolink | LinkType::Email);
                    if !url.is_empty() && !auto && shown.trim() != url {
                        self.text(&format!(" ({url})"), self.theme.dim());
                    }
                }
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                if self.image_depth == 0 {
                    let alt = self.alt.take().unwrap_or_default();
                    let alt = clean(&alt);
                    let alt = alt.trim();
                    let label = if alt.is_empty() {
                        "[ảnh]".into()
                    } else {
                        format!("[ảnh: {alt}]")
                    };
                    self.text(&label, self.theme.dim());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow | TagEnd::MetadataBlock(_) => {}
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
        }
    }

    /// Opens a quote or list item: finishes pending text and the blank line owed before it.
    fn open(&mut self, container: Container) {
        self.flush();
        self.blank_now();
        self.containers.push(container);
    }

    fn close(&mut self) {
        self.flush();
        if let Some(Container::Item { used: false, .. }) = self.containers.last() {
            let (line, _) = self.start_line(); // an empty item still shows its marker
            self.emit(line);
        }
        self.containers.pop();
    }

    fn take_spans(&mut self) -> Vec<Span<'static>> {
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
    fn prefix(&mut self, consume: bool) -> (Vec<Span<'static>>, usize) {
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

    fn start_line(&mut self) -> (Vec<Span<'static>>, usize) {
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

    fn emit(&mut self, spans: Vec<Span<'static>>) {
        self.blank_now();
        self.lines.push(Line::from(spans));
    }

    fn code_block(&mut self, code: &str) {
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
    fn flush(&mut self) {
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

#[cfg(test)]
#[path = "preview_text_tests.rs"]
mod tests;
