//! The sanitiser for article bodies with raw HTML: ammonia, configured to keep what our own
//! Markdown produces (table alignment, footnote links and ids) and nothing that can run, fed
//! markup that `balance` has made shallow and well nested so that cleaning is linear.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::balance::balance;

/// The address schemes a reader may follow (relative addresses always may).
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// How deep elements may nest in a body's HTML; markup deeper than this shows as text.
pub const MAX_DEPTH: usize = 100;

/// `html` (a body rendered from Markdown, with raw HTML in it) as HTML that can run nothing.
pub fn clean(html: &str) -> String {
    // Balanced first: the cleaner's tree builder is slow on deep or tangled markup.
    let balanced = balance(html, &ALLOWED, MAX_DEPTH);
    with_alt(&CLEANER.clean(&balanced).to_string())
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // No rel: a link whose unsafe address was dropped stays a valid `<a>` without href.
    b.link_rel(None)
        .url_schemes(HashSet::from(SCHEMES))
        .add_generic_attributes(["id"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .attribute_filter(|_, attribute, value| match attribute {
            "style" => alignment(value).map(Cow::Borrowed),
            _ => Some(Cow::Borrowed(value)),
        })
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"]);
    b
});

/// The tags the cleaner keeps, less any a browser reads as raw text (none today; kept out so
/// that `balance` can never write one).
static ALLOWED: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut tags = CLEANER.clone_tags();
    for raw in [
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
        "svg",
        "math",
        "select",
        "option",
    ] {
        tags.remove(raw);
    }
    tags
});

/// A table cell's style is its text alignment, and nothing else: any other CSS (old
/// browsers ran `expression(…)`, `url(…)` fetches) is dropped with the attribute.
fn alignment(style: &str) -> Option<&'static str> {
    let (property, value) = style.trim().trim_end_matches(';').split_once(':')?;
    if !property.trim().eq_ignore_ascii_case("text-align") {
        return None;
    }
    match value.trim().to_ascii_lowercase().as_str() {
        "left" => Some("text-align:left"),
        "center" => Some("text-align:center"),
        "right" => Some("text-align:right"),
        _ => None,
    }
}

/// Gives every `<img>` of cleaned HTML an `alt` (empty when the author wrote none), as HTML
/// requires. Cleaned HTML quotes every attribute value with `"`, so a `>` inside a value is
/// told apart from the end of the tag.
fn with_alt(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(i) = rest.find("<img") {
        let (before, tag_start) = (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or(""));
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
        let tag = tag_start.get(..end).unwrap_or(tag_start);
        if tag.contains(" alt=") {
            out.push_str(tag);
        } else {
            out.push_str("<img alt=\"\"");
            out.push_str(tag.get(4..).unwrap_or(""));
        }
        rest = tag_start.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_get_an_alt_and_cells_only_an_alignment() {
        assert_eq!(
            with_alt("<img src=\"a>b\" alt=\"c\"><img src=\"d\">"),
            "<img src=\"a>b\" alt=\"c\"><img alt=\"\" src=\"d\">"
        );
        assert_eq!(
            alignment(" Text-Align : CENTER ;"),
            Some("text-align:center")
        );
        for bad in [
            "text-align: expression(alert(1))",
            "text-align: left; color: red",
            "color: red",
            "text-align",
            "",
        ] {
            assert_eq!(alignment(bad), None, "{bad}");
        }
    }
}
