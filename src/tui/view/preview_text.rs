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
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn input(body: &str) -> PreviewInput<'_> {
        PreviewInput {
            title: "",
            lede: "",
            body,
            byline: "",
            signed_by: "",
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn body(md: &str, width: u16) -> Vec<String> {
        plain(&render(&input(md), width, false))
    }

    const SAMPLE: &str = "# Đại hội “Dân vận khéo”\n\nĐoạn *nghiêng* và **đậm** với `mã`, ~~gạch~~, \
        [liên kết](https://vi.wikipedia.org/wiki/Vi%E1%BB%87t_Nam) và ![Chú thích](a.png)[^1].\n\n\
        > Trích dẫn rất dài của đồng chí Bí thư về công tác dân vận ở cơ sở.\n\n\
        - Một\n  - Hai lồng nhau rất dài để xuống dòng\n    1. Ba\n- Bốn\n\n3. Ba\n4. Bốn\n\n---\n\n\
        ```\nfn main() { println!(\"xin chào thế giới\"); }\n```\n\n\
        | Xã | Số hộ | Ghi chú |\n|:--|--:|:-:|\n| Tân Lập | 12 | 東京 |\n| Phú | 1.204 |\n\n\
        <div>thô <b>HTML</b>\n\nDòng một  \ndòng hai\n\n[^1]: Chú thích cuối.\n";

    #[test]
    fn heading_is_bold() {
        let lines = render(&input("Mở đầu\n\n## Tiêu đề phụ\n\nNội dung"), 40, false);
        let span = lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content.contains("Tiêu đề"));
        let span = span.expect("heading rendered");
        assert!(
            span.style
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
        assert_eq!(
            body("Mở đầu\n\n## Tiêu đề phụ", 40),
            ["Mở đầu", "", "Tiêu đề phụ"]
        );
    }

    #[test]
    fn vietnamese_paragraph_wraps_by_words() {
        let text = "Sáng 12/3, Ban Dân vận Huyện ủy tổ chức hội nghị “sơ kết” phong trào \
                    thi đua dân vận khéo giai đoạn 2021–2025 tại hội trường.";
        let lines = body(text, 20);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width() <= 20, "{l:?}");
        }
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn lists_and_quotes() {
        let lines = body(
            "- một\n- hai ba bốn năm sáu bảy tám\n  - con\n\n7. bảy\n8. tám",
            16,
        );
        assert_eq!(lines[0], "• một");
        assert_eq!(lines[1], "• hai ba bốn năm");
        assert_eq!(lines[2], "  sáu bảy tám");
        assert_eq!(lines[3], "  • con");
        assert_eq!(lines[5..], ["7. bảy", "8. tám"]);
        let lines = render(&input("> trích dẫn dài hơn một dòng"), 12, false);
        assert!(
            plain(&lines).iter().all(|l| l.starts_with("│ ")),
            "{:?}",
            plain(&lines)
        );
        assert!(
            lines[0].spans[1]
                .style
                .add_modifier
                .contains(Modifier::ITALIC)
        );
    }

    #[test]
    fn links_images_footnotes_rules() {
        let all = body(
            "Xem [trang](https://example.vn/a) và ![Caption](x.png), ![](y.png)[^n]",
            80,
        );
        assert_eq!(
            all[0],
            "Xem trang (https://example.vn/a) và [ảnh: Caption], [ảnh][^n]"
        );
        assert_eq!(body("<https://a.vn>", 40), ["https://a.vn"]);
        assert_eq!(body("a\n\n---\n\nb", 5), ["a", "", "─────", "", "b"]);
        assert_eq!(body("a  \nb\nc", 40), ["a", "b c"]);
    }

    #[test]
    fn code_is_indented_and_cut() {
        let lines = body("```\nlet x = \"một hai ba bốn\";\n```", 16);
        assert_eq!(lines, ["  let x = \"một …"]);
        let lines = render(&input("`x`"), 10, false);
        assert!(
            lines[0].spans[0]
                .style
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }

    #[test]
    fn table_fits_with_borders_and_alignment() {
        let md = "| Xã | Số hộ nghèo | Ghi chú |\n|---|---:|:--|\n\
                  | Tân Lập | 12 | đã rà soát đầy đủ theo quy định mới |\n\
                  | Thạnh Phú Đông | 1.204 |\n";
        let lines = render(&input(md), 40, false);
        let text = plain(&lines);
        assert!(text[0].starts_with('┌') && text[2].contains('┼'));
        assert!(text.last().is_some_and(|l| l.starts_with('└')));
        assert!(text.iter().all(|l| l.width() <= 40), "{text:#?}");
        assert!(
            text.iter().all(|l| l.width() == text[0].width()),
            "{text:#?}"
        );
        let end = |l: &str, n: &str| l[..l.find(n).expect("number") + n.len()].width();
        assert_eq!(end(&text[3], "12"), end(&text[4], "1.204"));
        assert!(text[3].contains('…'));
        let head = lines[1]
            .spans
            .iter()
            .find(|s| s.content.contains("Xã"))
            .expect("header");
        assert!(head.style.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn article_parts_and_signature() {
        let article = PreviewInput {
            title: "Hội nghị dân vận",
            lede: "Tóm tắt.",
            body: "Thân bài.",
            byline: "Nguyễn Thị Đào",
            signed_by: "Ban Dân vận Huyện ủy",
        };
        let lines = render(&article, 30, true);
        let text = plain(&lines);
        assert_eq!(
            text[..6],
            [
                "Hội nghị dân vận",
                "Nguyễn Thị Đào",
                "",
                "Tóm tắt.",
                "",
                "Thân bài."
            ]
        );
        let sign = text.last().expect("signature");
        assert!(sign.ends_with("Ban Dân vận Huyện ủy") && sign.width() == 30);
        assert!(
            lines[0].spans[0]
                .style
                .add_modifier
                .contains(Modifier::BOLD)
        );
        let narrow = plain(&render(&article, 12, false));
        assert_eq!(narrow[narrow.len() - 2..], [" Ban Dân vận", "    Huyện ủy"]);
    }

    #[test]
    fn no_color_means_no_colour() {
        let article = PreviewInput {
            title: "T",
            lede: "L",
            body: SAMPLE,
            byline: "B",
            signed_by: "S",
        };
        let lines = render(&article, 50, false);
        for span in lines.iter().flat_map(|l| &l.spans) {
            assert!(
                span.style.fg.is_none() && span.style.bg.is_none(),
                "{span:?}"
            );
        }
        let coloured = render(&article, 50, true);
        assert!(
            coloured
                .iter()
                .flat_map(|l| &l.spans)
                .any(|s| s.style.fg.is_some())
        );
    }

    #[test]
    fn never_panics_nor_overflows() {
        let nested: String = (0..60)
            .map(|i| format!("{}- mục {i}\n", "  ".repeat(i)))
            .collect();
        let quotes = format!("{} sâu", ">".repeat(80));
        let ragged = "| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n| x |\n";
        let odd = "<div><b>**chưa đóng `x\n\n[a](<>) ![](\n\n|x|\n|-|\n";
        for md in [SAMPLE, &nested, &quotes, ragged, odd, "", "\u{1b}[31m\t"] {
            for color in [false, true] {
                for w in 0..=60 {
                    let article = PreviewInput {
                        title: "Tiêu đề “dài” 東京 ❤️👨‍👩‍👧❤️❤️",
                        lede: "",
                        body: md,
                        byline: "",
                        signed_by: "Ban Dân vận Huyện ủy",
                    };
                    for l in plain(&render(&article, w, color)) {
                        assert!(l.width() <= usize::from(w).max(1), "w={w} {l:?}");
                        assert!(!l.contains('\u{1b}'));
                    }
                }
            }
        }
        let empty = PreviewInput {
            title: "",
            lede: "",
            body: "",
            byline: "",
            signed_by: "",
        };
        assert!(render(&empty, 0, false).is_empty());
    }
}
