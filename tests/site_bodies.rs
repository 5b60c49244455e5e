//! Hostile article bodies, rendered on their own: nesting stays bounded whatever the author
//! typed (the sanitiser's work grows with nesting depth, so bounded depth is what keeps a body's
//! rendering linear in its size), no raw-text element can open and swallow what follows, and
//! a table cell's style can only align its text.

mod support;

use newsdesk::site::markdown::{MAX_DEPTH, to_html};
use proptest::prelude::*;
use support::site::hostile;

/// Elements HTML never closes.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Elements whose content a browser reads as text up to their end tag (or to the end of the
/// page): in a body they would swallow everything after them.
const RAW_TEXT: [&str; 12] = [
    "script",
    "style",
    "plaintext",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "template",
    "listing",
];

/// Every tag of serialised HTML as (name, is_end, the whole tag); `>` inside a quoted value
/// does not end a tag.
fn tags(html: &str) -> Vec<(String, bool, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i..];
        let mut quote = None;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    _ => {}
                }
                c == '>' && quote.is_none()
            })
            .map_or(tag.len(), |(j, _)| j + 1);
        let text = &tag[..end];
        let is_end = text.starts_with("</");
        let name: String = text
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        out.push((name, is_end, text.to_string()));
        rest = &tag[end..];
    }
    out
}

/// How deep elements nest in well-formed HTML.
fn depth(html: &str) -> usize {
    let (mut d, mut max) = (0usize, 0usize);
    for (name, is_end, _) in tags(html) {
        if is_end {
            d = d.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) {
            d += 1;
            max = max.max(d);
        }
    }
    max
}

/// What rendered HTML must never hold, whatever the body: a deeper nesting than the cap (the
/// sanitiser may add a `<tbody>` per table), a raw-text element, a style other than alignment.
fn check(body: &str, html: &str) -> Result<(), String> {
    let d = depth(html);
    if d > 2 * MAX_DEPTH {
        return Err(format!("nested {d} deep"));
    }
    for (name, _, tag) in tags(html) {
        if RAW_TEXT.contains(&name.as_str()) {
            return Err(format!("opens <{name}>: {tag}"));
        }
        if let Some(i) = tag.find("style=") {
            let value = tag[i + 6..].trim_start_matches('"');
            let value = value.split('"').next().unwrap_or("");
            let ok = ["left", "center", "right"]
                .iter()
                .any(|a| value == format!("text-align:{a}") || value == format!("text-align: {a}"));
            if !ok {
                return Err(format!("style {value:?} in {tag}"));
            }
        }
    }
    let _ = body;
    Ok(())
}

#[test]
fn every_hostile_class_renders_with_bounded_nesting() {
    for (name, make) in hostile::classes() {
        for n in [2_000, 40_000] {
            let body = make(n);
            let html = to_html(&body);
            if let Err(e) = check(&body, &html) {
                panic!("{name} at {n} bytes: {e}");
            }
        }
    }
}

#[test]
fn ordinary_nesting_is_kept() {
    // Twenty levels of quotes, lists and divs are nothing unusual and stay as typed.
    let body = format!(
        "{}deep\n\n<div>{}x{}</div>\n\n{}",
        "> ".repeat(20),
        "<div>".repeat(20),
        "</div>".repeat(20),
        (0..10)
            .map(|k| format!("{}- item {k}\n", "  ".repeat(k)))
            .collect::<String>()
    );
    let html = to_html(&body);
    assert_eq!(html.matches("<blockquote>").count(), 20, "{html}");
    assert_eq!(html.matches("<div>").count(), 21, "{html}");
    assert_eq!(html.matches("<ul>").count(), 10, "{html}");
    assert!(!html.contains("&lt;"), "{html}");
}

#[test]
fn markup_beyond_the_cap_shows_as_text() {
    let n = MAX_DEPTH * 3;
    let body = format!("{}deepest{}", "<div>".repeat(n), "</div>".repeat(n));
    let html = to_html(&body);
    assert!(html.contains("deepest"), "{html}");
    assert!(html.contains("&lt;div&gt;"), "{html}");
    assert!(depth(&html) <= MAX_DEPTH, "{}", depth(&html));
}

#[test]
fn a_table_cell_style_only_aligns() {
    let hostile = [
        "text-align: expression(alert(1))",
        "text-align:left;background:url(javascript:alert(1))",
        "text-align: left; width: expression(alert(1))",
        "text-align: center !important",
        "text-align: \\65xpression(alert(1))",
        "text-align: left /* */ ; behavior: url(x.htc)",
        "behavior: url(x.htc)",
        "-moz-binding: url(x.xml#xss)",
        "width: expression(alert(1))",
        "text-align: justify",
        "TEXT-ALIGN: RIGHT",
        "text-align: left; text-align: expression(alert(1))",
        "",
    ];
    for style in hostile {
        let body = format!(
            "<table><tr><td style=\"{style}\">a</td><th style='{style}'>b</th></tr></table>"
        );
        let html = to_html(&body);
        if let Err(e) = check(&body, &html) {
            panic!("{style:?}: {e}\n{html}");
        }
        assert!(!html.contains("expression"), "{style:?}: {html}");
        assert!(!html.contains("url("), "{style:?}: {html}");
    }
    // What Markdown tables make (and plain alignment typed by hand) stays.
    let html = to_html("<b>raw</b>\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
    for a in ["left", "center", "right"] {
        assert!(
            html.contains(&format!("style=\"text-align:{a}\"")),
            "{html}"
        );
    }
    let html = to_html("<table><tr><td style=\"TEXT-ALIGN: Right\">x</td></tr></table>");
    assert!(html.contains("style=\"text-align:right\""), "{html}");
}

/// Bodies that open an element a browser reads as raw text, or end the page early.
pub const SWALLOWERS: [&str; 16] = [
    "<plaintext>",
    "<xmp>",
    "<listing>",
    "<noembed>",
    "<noframes>",
    "<noscript>",
    "<iframe srcdoc=\"<b>x</b>\">",
    "<template>",
    "<textarea>",
    "<title>",
    "<style>",
    "<script>",
    "<!--",
    "</body></html>",
    "<svg><style>",
    "<math><mtext><table><mglyph><style>",
];

/// What follows a hazard: Markdown, unless CommonMark itself reads the rest of the body as
/// raw HTML (a line starting `<script`, `<style`, `<textarea` or `<!--` runs to its end
/// marker); then it is shown as typed, never hidden.
fn rest_of(hazard: &str, own_line: bool) -> &'static str {
    let raw_block = ["<textarea", "<style", "<script", "<!--"]
        .iter()
        .any(|p| hazard.starts_with(p));
    if own_line && raw_block {
        "Sau *đó*."
    } else {
        "Sau <em>đó</em>."
    }
}

#[test]
fn nothing_in_a_body_swallows_what_follows() {
    for hazard in SWALLOWERS {
        for (own_line, body) in [
            (true, format!("Trước.\n\n{hazard}\n\nSau *đó*.\n")),
            (false, format!("Trước {hazard} giữa.\n\nSau *đó*.\n")),
        ] {
            let html = to_html(&body);
            if let Err(e) = check(&body, &html) {
                panic!("{hazard}: {e}\n{html}");
            }
            assert!(html.contains(rest_of(hazard, own_line)), "{hazard}: {html}");
            assert!(html.contains("Trước"), "{hazard}: {html}");
        }
    }
}

/// A body made of pieces that nest, pair up or open raw text.
fn hostile_body() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href=\"x\">",
        "</a>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<ul>",
        "<li>",
        "</ul>",
        "<p>",
        "</p>",
        "> ",
        "- ",
        "  ",
        "1. ",
        "[",
        "]",
        "(x)",
        "*",
        "**",
        "_",
        "`",
        "```",
        "\n",
        "\n\n",
        "<!--",
        "-->",
        "<plaintext>",
        "<script>",
        "</script>",
        "<style>",
        "<xmp>",
        "<textarea>",
        "<title>",
        "<svg>",
        "<math>",
        "<template>",
        "</body>",
        "&",
        "&amp;",
        "<",
        ">",
        "\"",
        "'",
        "x",
        "Tết",
        "<td style=\"text-align:expression(1)\">",
        "<img src=x onerror=alert(1)>",
        "|",
        "|--|",
    ]);
    (prop::collection::vec((piece, 1usize..200), 1..40)).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, n)| p.repeat(n))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_bodies_render_bounded_and_closed(body in hostile_body()) {
        let html = to_html(&body);
        prop_assert!(check(&body, &html).is_ok(), "{:?}\n{}", check(&body, &html), html);
        // Whatever came before, the paragraph after the body's end is still markup.
        let html = to_html(&format!("{body}\n\n</div></b>\n\nSau *đó*."));
        prop_assert!(check(&body, &html).is_ok());
    }
}
