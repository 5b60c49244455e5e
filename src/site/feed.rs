//! RSS 2.0 feeds, sitemaps and robots.txt, written with a small escaping writer: the formats
//! are a few fixed elements, and writing them by hand keeps the bytes (and the build) ours.

use std::fmt::Write;

use super::i18n::{iso_date, rss_date};
use super::plan::{Plan, SITEMAP_URLS};
use super::settings::Settings;
use super::templates::escape_html;

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn elem(out: &mut String, name: &str, text: &str) {
    let _ = write!(out, "<{name}>{}</{name}>", xml_escape(text));
}

/// Plain text into an element feed readers treat as HTML (`<description>`: RSS 2.0 allows
/// entity-encoded HTML there, so readers decode it once and render the result): escaped as
/// HTML first, so that what they render is the text as typed.
fn html_elem(out: &mut String, name: &str, text: &str) {
    elem(out, name, &escape_html(text));
}

/// Plain text into an element RSS 2.0 defines as text but many readers render as HTML
/// (titles, categories): `<` and `>` escaped as HTML first, so no reader can meet a tag in
/// it. `&` is left alone: readers that follow the spec show the text as typed, and in HTML a
/// lone `&` can only ever stand for a character.
fn text_elem(out: &mut String, name: &str, text: &str) {
    elem(out, name, &text.replace('<', "&lt;").replace('>', "&gt;"));
}

/// The site's feed (`members` = every article) or a section's.
pub fn rss(
    plan: &Plan,
    s: &Settings,
    members: &[u32],
    title: &str,
    page_path: &str,
    self_path: &str,
) -> Vec<u8> {
    let base = &s.base_url;
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    text_elem(&mut out, "title", title);
    out.push('\n');
    elem(&mut out, "link", &format!("{base}/{page_path}"));
    out.push('\n');
    let description = if s.tagline.is_empty() {
        &s.title
    } else {
        &s.tagline
    };
    html_elem(&mut out, "description", description);
    out.push('\n');
    elem(&mut out, "language", s.language.code());
    out.push('\n');
    // The feed's date is its newest article's: the same database gives the same bytes.
    if let Some(first) = members.first() {
        elem(
            &mut out,
            "lastBuildDate",
            &rss_date(plan.entry(*first).publish_at, s.timezone),
        );
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml_escape(&format!("{base}/{self_path}"))
    );
    for i in members.iter().take(super::plan::FEED_ITEMS) {
        let e = plan.entry(*i);
        let url = format!("{base}/{}", e.path);
        out.push_str("<item>\n");
        text_elem(&mut out, "title", &e.title);
        elem(&mut out, "link", &url);
        let _ = write!(
            out,
            "<guid isPermaLink=\"true\">{}</guid>",
            xml_escape(&url)
        );
        elem(&mut out, "pubDate", &rss_date(e.publish_at, s.timezone));
        text_elem(&mut out, "category", &plan.section_of(e).name);
        if !e.lede.is_empty() {
            html_elem(&mut out, "description", &e.lede);
        }
        out.push_str("\n</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out.into_bytes()
}

/// Every URL the sitemap lists, with its last change when it is an article.
fn urls(plan: &Plan, s: &Settings) -> impl Iterator<Item = (String, Option<String>)> {
    let base = s.base_url.clone();
    let home = std::iter::once((format!("{base}/"), None));
    let sections = plan.sections.iter().map({
        let base = base.clone();
        move |g| (format!("{base}/{}/", g.slug), None)
    });
    let tags = plan.tags.iter().map({
        let base = base.clone();
        move |g| (format!("{base}/tag/{}/", g.slug), None)
    });
    let tz = s.timezone;
    let articles = plan.entries.iter().map(move |e| {
        (
            format!("{base}/{}", e.path),
            Some(iso_date(e.updated_at, tz)),
        )
    });
    home.chain(sections).chain(tags).chain(articles)
}

/// `sitemap.xml` (`part` None): all URLs, or the index of the parts when there are more than
/// the protocol allows in one file; `sitemap-N.xml` for part N.
pub fn sitemap(plan: &Plan, s: &Settings, part: Option<u32>) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let parts = plan.sitemap_len().div_ceil(SITEMAP_URLS);
    if part.is_none() && parts > 1 {
        out.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for n in 1..=parts {
            out.push_str("<sitemap>");
            elem(&mut out, "loc", &format!("{}/sitemap-{n}.xml", s.base_url));
            out.push_str("</sitemap>\n");
        }
        out.push_str("</sitemapindex>\n");
        return out.into_bytes();
    }
    let skip = part.map_or(0, |p| (p as usize - 1) * SITEMAP_URLS);
    out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (loc, lastmod) in urls(plan, s).skip(skip).take(SITEMAP_URLS) {
        out.push_str("<url>");
        elem(&mut out, "loc", &loc);
        if let Some(m) = lastmod {
            elem(&mut out, "lastmod", &m);
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

pub fn robots(s: &Settings) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
        s.base_url
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
        assert_eq!(xml_escape("Dân vận\n"), "Dân vận\n");
    }
}
