//! The article preview: title, byline, lede, Markdown body and signing unit rendered to styled
//! terminal lines, wrapped by display cells. Pure: no terminal access, never panics.

mod markdown;
mod table;
mod theme;
mod wrap;

use pulldown_cmark::{Alignment, LinkType, Options, Parser};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use table::{Row, fit_spans};
use theme::Theme;

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

enum Frag {
    Text(String, Style),
    Break,
}

impl Frag {
    fn text(&self) -> &str {
        if let Frag::Text(s, _) = self { s } else { "" }
    }
}

enum Container {
    Quote,
    Item { marker: String, used: bool },
}

struct Table {
    aligns: Vec<Alignment>,
    rows: Vec<Row>,
}

/// One section being rendered: `markdown` feeds it parser events, `wrap` lays its pending
/// fragments out as `lines`.
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
}

#[cfg(test)]
#[path = "preview_text_tests.rs"]
mod tests;
