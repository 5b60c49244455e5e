//! Markdown parser events applied to the renderer: blocks, styles, links, images, tables.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::table::{Row, layout};
use super::{Container, Frag, Renderer, Table, clean};

impl Renderer {
    pub(super) fn event(&mut self, event: Event) {
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
}
