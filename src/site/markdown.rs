//! Article bodies: Markdown (CommonMark + tables, footnotes, strikethrough; no smart
//! punctuation, so typed quotes stay as typed) to HTML that can run nothing.
//!
//! pulldown-cmark escapes text and attributes itself; we also refuse link and image addresses
//! with a scheme other than http, https, mailto and tel. Raw HTML in a body is the one way
//! markup gets through, so a body that has any is cleaned as a whole by ammonia, configured to
//! keep what our own Markdown produces (table alignment, footnote links and ids).

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // No rel: a link whose unsafe address was dropped stays a valid `<a>` without href.
    b.link_rel(None)
        .url_schemes(HashSet::from(SCHEMES))
        .add_generic_attributes(["id"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"]);
    b
});

/// True for relative addresses and the schemes a reader can safely follow.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore tabs, newlines and controls inside a scheme (`java\tscript:`).
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            let scheme = cleaned[..i].to_ascii_lowercase();
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

/// Renders a body to HTML that is safe to put in a page as is.
pub fn to_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let raw = Cell::new(false);
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe(dest_url),
            title,
            id,
        }),
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
            raw.set(true);
            event
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut out, events);
    if raw.get() {
        with_alt(&CLEANER.clean(&out).to_string())
    } else {
        out
    }
}

/// Gives every `<img>` of cleaned HTML an `alt` (empty when the author wrote none), as HTML
/// requires. Cleaned HTML quotes every attribute value with `"`, so a `>` inside a value is
/// told apart from the end of the tag.
fn with_alt(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(i) = rest.find("<img") {
        let (before, tag_start) = rest.split_at(i);
        out.push_str(before);
        let mut quoted = false;
        let end = tag_start
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(tag_start.len(), |(j, _)| j + 1);
        let tag = &tag_start[..end];
        if tag.contains(" alt=") {
            out.push_str(tag);
        } else {
            out.push_str("<img alt=\"\"");
            out.push_str(&tag[4..]);
        }
        rest = &tag_start[end..];
    }
    out.push_str(rest);
    out
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
        assert_eq!(
            with_alt("<img src=\"a>b\" alt=\"c\"><img src=\"d\">"),
            "<img src=\"a>b\" alt=\"c\"><img alt=\"\" src=\"d\">"
        );
    }
}
