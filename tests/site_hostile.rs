//! Hostile input: markup, event handlers, `javascript:` links and tag breakouts in every field,
//! and a section crafted as a path. The export must contain none of it executable and must
//! write nothing outside its folder.

mod support;

use newsdesk::domain::ArticleFields;
use support::site::*;

const EVIL: &str = "</title><script>alert(1)</script>\"><img src=x onerror=alert(2)>'";

fn hostile() -> Site {
    let mut site = Site::new();
    site.set("title", "T </title><script>alert(3)</script>");
    site.set("tagline", "\"><svg onload=alert(4)>");
    site.set("footer_agency", "<iframe src=javascript:alert(5)>");
    site.set("footer_extra", "<b onmouseover=alert(6)>x</b>");
    let body = format!(
        "Text {EVIL}\n\n<script>alert(7)</script>\n\n<img src=\"x\" onerror=\"alert(8)\">\n\n\
         <a href=\"javascript:alert(9)\">raw link</a> [md link](javascript:alert(10)) \
         [spaced](java%0Ascript:alert(11)) ![img](javascript:alert(12)) <JAVASCRIPT:alert(13)>\n\n\
         <iframe src=\"https://evil.example\"></iframe><style>body{{display:none}}</style>\n\n\
         <div onclick=\"alert(14)\" style=\"x\">div</div>\n\n<a href=\"https://ok.example\" onclick=\"alert(15)\">ok</a>\n"
    );
    let f = ArticleFields {
        slug: None,
        title: format!("Title {EVIL}"),
        lede: format!("Lede {EVIL}"),
        body,
        byline: format!("By {EVIL}"),
        signed_by: format!("Signed {EVIL}"),
        section: "../../etc".into(),
        tags: vec![EVIL.into(), "../../../tmp/x".into(), "<b>".into()],
        ..Default::default()
    };
    site.published(f, at(20, 1));
    let mut f2 = fields("Second", "/etc/passwd", &["..", "."], "body");
    f2.section = "..".into();
    site.published(f2, at(21, 1));
    site
}

/// Every tag in an HTML page, as written (text has `<` escaped, so each `<` opens a tag).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
        .collect()
}

/// A tag with its quoted attribute values removed: what is left are names.
fn unquoted(tag: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in tag.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn nothing_executable_reaches_the_output() {
    let mut site = hostile();
    site.export();
    let t = tree(&site.out());
    assert!(t.len() > 10);
    for (path, (bytes, _, _)) in &t {
        let text = String::from_utf8(bytes.clone()).unwrap();
        if !path.ends_with(".html") {
            continue;
        }
        let scripts = text.matches("<script").count();
        let json_ld = text
            .matches("<script type=\"application/ld+json\">")
            .count();
        assert_eq!(
            scripts, json_ld,
            "{path}: a script that is not JSON-LD\n{text}"
        );
        assert_eq!(
            text.matches("</title>").count(),
            1,
            "{path}: title broken out\n{text}"
        );
        for tag in tags(&text) {
            let lower = tag.to_ascii_lowercase();
            let name = lower.split_whitespace().next().unwrap_or("");
            for bad in ["iframe", "svg", "style", "object", "embed", "b"] {
                assert_ne!(name, bad, "{path}: <{tag}>");
            }
            assert!(!lower.contains("javascript:"), "{path}: <{tag}>");
            assert!(
                !unquoted(&lower)
                    .split_whitespace()
                    .any(|w| w.starts_with("on")),
                "{path}: handler in <{tag}>"
            );
            if lower.starts_with("img") {
                assert!(!lower.contains("onerror"), "{path}: <{tag}>");
            }
        }
        // JSON-LD can't end its script early.
        if let Some(start) = text.find("<script type=\"application/ld+json\">") {
            let rest = &text[start + 35..];
            let json = &rest[..rest.find("</script>").unwrap()];
            assert!(!json.contains('<'), "{path}: {json}");
            serde_json::from_str::<serde_json::Value>(json).unwrap();
        }
    }
    let xml: Vec<_> = t
        .keys()
        .filter(|k| k.ends_with(".xml"))
        .map(|k| site.out().join(k))
        .collect();
    assert_xml(&xml);
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let mut site = hostile();
    site.export();
    let mut top: Vec<String> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    top.retain(|n| !n.starts_with("n.db"));
    assert_eq!(top, ["public", "public.builds"]);
    let t = tree(&site.out());
    for path in t.keys() {
        assert!(!path.contains(".."), "{path}");
        assert!(
            path.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-./".contains(&b)),
            "{path}"
        );
    }
    // The crafted section became an ordinary slug.
    assert!(
        t.keys().any(|k| k.starts_with("etc/title-")),
        "{:?}",
        t.keys().collect::<Vec<_>>()
    );
    assert!(
        t.keys()
            .any(|k| k.starts_with("etc-passwd/") || k.starts_with("bai-viet/")),
        "{:?}",
        t.keys().collect::<Vec<_>>()
    );
}

#[test]
fn escaped_text_still_reads_as_typed() {
    let mut site = hostile();
    site.export();
    let t = tree(&site.out());
    let (path, _) = t.iter().find(|(k, _)| k.starts_with("etc/title-")).unwrap();
    let page = site.read(path);
    assert!(page.contains("Title &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;"), "{page}");
    assert!(
        page.contains("<a href=\"https://ok.example\">ok</a>"),
        "{page}"
    );
}
