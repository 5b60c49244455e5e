//! Inline images in bodies: Markdown `![caption](media:HASH)`, where HASH is a library image's
//! SHA-256 or a prefix of it (at least eight hex digits).

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::is_hash_prefix;

/// The Markdown dialect of bodies (the same options the site export renders with).
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The hash (prefix) an image address names, lowercased: `media:1A2B3C4D` → `1a2b3c4d`.
pub fn parse(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.get(..6)?;
    if !scheme.eq_ignore_ascii_case("media:") {
        return None;
    }
    let r = url.get(6..)?.trim().to_ascii_lowercase();
    is_hash_prefix(&r).then_some(r)
}

fn mentions_media(body: &str) -> bool {
    body.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"media:"))
}

/// Every library reference among a body's images, in order of first use, each once. Code
/// blocks and plain text that merely mention `media:` are not images and are not counted.
pub fn inline_refs(body: &str) -> Vec<String> {
    if !mentions_media(body) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for event in Parser::new_ext(body, options()) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event
            && let Some(r) = parse(&dest_url)
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_image_references_only() {
        let body = "Xem ảnh:\n\n![Lễ ra quân](media:0123456789ABCDEF)\n\n`![x](media:aaaaaaaaaa)`\n\n    ![y](media:bbbbbbbbbb)\n\n[link](media:cccccccccc) ![z][r] ![again](media:0123456789abcdef) ![short](media:abc)\n\n[r]: media:dddddddddd\n";
        assert_eq!(
            inline_refs(body),
            ["0123456789abcdef".to_string(), "dddddddddd".to_string()]
        );
        assert!(inline_refs("no images here").is_empty());
        assert_eq!(parse(" MEDIA:12345678 ").as_deref(), Some("12345678"));
        assert_eq!(parse("media:1234567g"), None);
    }
}
