//! Article bodies: Markdown (CommonMark + tables, footnotes, strikethrough; no smart
//! punctuation, so typed quotes stay as typed) to HTML that can run nothing.
//!
//! pulldown-cmark escapes text and attributes itself; we also refuse link and image addresses
//! with a scheme other than http, https, mailto and tel. Raw HTML in a body is the one way
//! markup gets through, so a body that has any is cleaned as a whole (see `sanitise`).
//! Markdown nested deeper than `MARKDOWN_DEPTH` is flattened, so no body makes a page whose
//! elements nest without bound.
//!
//! Library photos, `![caption](media:HASH)`, become the markup the caller makes for them (a
//! `<figure>`): a photo on a line of its own ends the paragraph around it, since a figure
//! cannot stand inside one; inside a heading, a link or emphasis only an `<img>` may.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};

use crate::media::refs;

pub use super::sanitise::MAX_DEPTH;
use super::sanitise::{SCHEMES, clean};

/// How deep Markdown's own blocks and spans may nest (quotes in lists in quotes…); deeper
/// ones are flattened into their parent. Each level makes at most two elements, so a body
/// without raw HTML stays within `MAX_DEPTH` too.
const MARKDOWN_DEPTH: usize = 32;

/// `events` with the tags nested deeper than `MARKDOWN_DEPTH` left out (their text stays).
fn flatten_deep<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut depth = 0usize;
    events.filter(move |e| match e {
        Event::Start(_) => {
            depth += 1;
            depth <= MARKDOWN_DEPTH
        }
        Event::End(_) => {
            depth = depth.saturating_sub(1);
            depth < MARKDOWN_DEPTH
        }
        _ => true,
    })
}

/// `html` with each photo mark replaced by its figure, in one pass.
fn put_figures(html: &str, figures: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + figures.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(i) = rest.find(MARK_OPEN) {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + MARK_OPEN.len_utf8()..).unwrap_or("");
        let figure = after.find(MARK_CLOSE).and_then(|j| {
            let n: usize = after.get(..j)?.parse().ok()?;
            Some((figures.get(n)?, j + MARK_CLOSE.len_utf8()))
        });
        match figure {
            Some((f, len)) => {
                out.push_str(f);
                rest = after.get(len..).unwrap_or("");
            }
            // Marks come only from us (the author's were removed), but never lose text.
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// True for relative addresses and the schemes a reader can safely follow.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore tabs, newlines and controls inside a scheme (`java\tscript:`).
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.get(i..).is_some_and(|r| r.starts_with(':')) => {
            let scheme = cleaned.get(..i).unwrap_or("").to_ascii_lowercase();
            SCHEMES.contains(&scheme.as_str())
        }
        _ => true,
    }
}

fn safe(url: CowStr<'_>) -> CowStr<'_> {
    if is_safe_url(&url) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// What an inline library photo becomes: given the reference after `media:`, the caption
/// typed in the brackets and whether a block (`<figure>`) may stand there, its markup (`None`:
/// nothing).
pub type InlinePhoto<'a> = dyn Fn(&str, &str, bool) -> Option<String> + 'a;

/// Stand-ins for photo markup while the rest is rendered (and cleaned): private-use
/// characters, removed from the author's text first.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// Renders a body to HTML that is safe to put in a page as is (library photos are dropped).
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, &|_, _, _| None)
}

/// The plain text of an image's description, reading up to the image's end.
fn image_text(parser: &mut Parser<'_>) -> String {
    let mut text = String::new();
    let mut depth = 1;
    for e in parser.by_ref() {
        match e {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// Drops the paragraphs that splitting around photos left with nothing but line breaks.
fn drop_blank_paragraphs(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let blank = |e: &Event| match e {
        Event::SoftBreak | Event::HardBreak => true,
        Event::Text(t) => t.trim().is_empty(),
        _ => false,
    };
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Paragraph) = events[i]
            && let Some(len) = events[i + 1..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
            && events[i + 1..i + 1 + len].iter().all(blank)
        {
            i += len + 2;
            continue;
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
}

/// Renders a body to HTML that is safe to put in a page as is, library photos by `photo`.
pub fn to_html_with(markdown: &str, photo: &InlinePhoto<'_>) -> String {
    let stripped;
    let markdown = if markdown.contains([MARK_OPEN, MARK_CLOSE]) {
        stripped = markdown.replace([MARK_OPEN, MARK_CLOSE], "");
        stripped.as_str()
    } else {
        markdown
    };
    let mut raw = false;
    let mut figures: Vec<String> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let (mut in_paragraph, mut phrasing) = (false, 0u32);
    let mut parser = Parser::new_ext(markdown, refs::options());
    while let Some(event) = parser.next() {
        let event = match event {
            Event::Start(Tag::Image { dest_url, .. }) if refs::parse(&dest_url).is_some() => {
                let reference = refs::parse(&dest_url).unwrap_or_default();
                let caption = image_text(&mut parser);
                let block = phrasing == 0;
                let mark = format!("{MARK_OPEN}{}{MARK_CLOSE}", figures.len());
                figures.push(photo(&reference, &caption, block).unwrap_or_default());
                if block && in_paragraph {
                    events.push(Event::End(TagEnd::Paragraph));
                    events.push(Event::Html(format!("{mark}\n").into()));
                    Event::Start(Tag::Paragraph)
                } else if block {
                    Event::Html(mark.into())
                } else {
                    Event::InlineHtml(mark.into())
                }
            }
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                event
            }
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                event
            }
            Event::Start(
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Heading { .. },
            ) => {
                phrasing += 1;
                event
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Heading(_)
                | TagEnd::Link,
            ) => {
                phrasing = phrasing.saturating_sub(1);
                event
            }
            event => plain(event, &mut raw, &mut phrasing),
        };
        events.push(event);
    }
    if !figures.is_empty() {
        events = drop_blank_paragraphs(events);
    }
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut out, flatten_deep(events.into_iter()));
    if raw {
        out = clean(&out);
    }
    if figures.is_empty() {
        out
    } else {
        put_figures(&out, &figures)
    }
}

/// Everything but library photos: unsafe addresses neutralised, raw HTML noted.
fn plain<'a>(event: Event<'a>, raw: &mut bool, phrasing: &mut u32) -> Event<'a> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            *phrasing += 1;
            Event::Start(Tag::Link {
                link_type,
                dest_url: safe(dest_url),
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe(dest_url),
            title,
            id,
        }),
        Event::Html(_) | Event::InlineHtml(_) => {
            *raw = true;
            event
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
        for good in [
            "https://a.vn/x",
            "/x",
            "x/y",
            "#f",
            "mailto:a@b.vn",
            "?q=a:b",
            "tel:+84",
        ] {
            assert!(is_safe_url(good), "{good}");
        }
    }

    #[test]
    fn markdown_features_and_no_smart_quotes() {
        let html =
            to_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~x~~ \"q\" it's[^1]\n\n[^1]: note\n");
        assert!(
            html.contains("<th style=\"text-align: left\">a</th>"),
            "{html}"
        );
        assert!(html.contains("<del>x</del>"), "{html}");
        assert!(
            html.contains("&quot;q&quot; it's") || html.contains("\"q\" it's"),
            "{html}"
        );
        assert!(
            html.contains("href=\"#1\"") && html.contains("id=\"1\""),
            "{html}"
        );
    }

    #[test]
    fn library_photos_become_figures_outside_paragraphs() {
        let photo = |r: &str, caption: &str, block: bool| {
            (r == "0123456789ab").then(|| {
                if block {
                    format!("<figure>{caption}</figure>")
                } else {
                    format!("<img alt=\"{caption}\">")
                }
            })
        };
        let html = to_html_with(
            "Trước ![Lễ *ra* quân](media:0123456789AB) sau.\n\n![a](media:0123456789ab)\n![b](media:0123456789ab)\n\n## Tiêu đề ![c](media:0123456789ab)\n\n- ![d](media:0123456789ab)\n\n![lạ](media:ffffffffffff) \u{E000}0\u{E001}",
            &photo,
        );
        assert_eq!(
            html,
            "<p>Trước </p>\n<figure>Lễ ra quân</figure>\n<p> sau.</p>\n<figure>a</figure>\n<figure>b</figure>\n<h2>Tiêu đề <img alt=\"c\"></h2>\n<ul>\n<li><figure>d</figure></li>\n</ul>\n\n<p> 0</p>\n"
        );
        // With raw HTML the body is cleaned, and the figures are put in after.
        let html = to_html_with("<b onclick=x>b</b>\n\n![a](media:0123456789ab)", &photo);
        assert_eq!(html, "<p><b>b</b></p>\n<figure>a</figure>\n");
    }

    #[test]
    fn raw_html_is_cleaned_but_keeps_our_markup() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <a href=\"javascript:x\">j</a>\n\n<iframe src=\"https://e.vn\"></iframe><style>p{}</style>\n\n| a |\n|--:|\n| 1 |\n\nnote[^n]\n\n[^n]: hi\n\n[l](javascript:alert(2)) ![i](javascript:alert(3))",
        );
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "<style",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("style=\"text-align:right\""), "{html}");
        assert!(
            html.contains("class=\"footnote-definition\" id=\"n\""),
            "{html}"
        );
        assert!(html.contains("class=\"footnote-reference\""), "{html}");
        assert!(html.contains("<img alt=\"\" src=\"x\">"), "{html}");
    }
}
