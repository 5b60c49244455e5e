//! Pages that nothing stored can break: a date no page can show, a template that never ends,
//! a feed reader that reads descriptions as HTML, a body that tries to swallow the page. Each
//! fails the export naming what to fix, or is neutralised, and the live site stays as it was.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk::app::AppError;
use newsdesk::cli::export::export_site;
use newsdesk::domain::Article;
use newsdesk::site::{PageProblem, SiteError};
use support::site::*;

fn sql(site: &Site, statement: &str, params: impl rusqlite::Params) {
    let c = rusqlite::Connection::open(site.dir.path().join("n.db")).unwrap();
    c.execute(statement, params).unwrap();
}

fn slug_of(a: &Article) -> &str {
    &a.slug
}

#[test]
fn a_date_no_page_can_show_fails_the_export_naming_the_article() {
    let mut f = fixture();
    f.site.export();
    let live = tree(&f.site.out());
    let victim = f.published[2].clone();
    let utc = |y, mo, d, h| Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).unwrap();
    // The site's zone is +07:00: the last case is already the year 10000 there.
    let bad: [(DateTime<Utc>, i32); 5] = [
        (utc(-1, 1, 1, 0), -1),
        (utc(0, 6, 1, 0), 0),
        (utc(999, 6, 1, 0), 999),
        (utc(10000, 1, 1, 0), 10000),
        (utc(9999, 12, 31, 20), 10000),
    ];
    for column in ["publish_at", "updated_at"] {
        for (when, year) in bad {
            let update = format!("UPDATE articles SET {column} = ?1 WHERE id = ?2");
            sql(&f.site, &update, (when.timestamp(), victim.id));
            let out = f.site.out();
            let err = export_site(&mut f.site.store, Some(&out), None, &actor(now()))
                .expect_err("an unshowable date was exported");
            let text = err.to_string();
            let what = format!("{column} = {when}");
            match &err {
                AppError::Site(SiteError::Page {
                    article: Some(a),
                    problem: PageProblem::Date { year: y, .. },
                    ..
                }) => {
                    assert_eq!(a.id, victim.id, "{what}: {text}");
                    assert_eq!(*y, year, "{what}: {text}");
                }
                other => panic!("{what}: not a page error naming the article: {other:?}"),
            }
            for part in [victim.title.as_str(), slug_of(&victim), &year.to_string()] {
                assert!(text.contains(part), "{what}: {part:?} missing from {text}");
            }
            assert_eq!(tree(&f.site.out()), live, "{what}: the live site changed");
        }
        let original = match column {
            "publish_at" => victim.publish_at.unwrap(),
            _ => victim.updated_at,
        };
        let update = format!("UPDATE articles SET {column} = ?1 WHERE id = ?2");
        sql(&f.site, &update, (original.timestamp(), victim.id));
    }
    // Corrected, the article exports again.
    f.site.export();
}

#[test]
fn the_command_line_names_the_article_and_never_panics() {
    let mut f = fixture();
    f.site.export();
    let victim = &f.published[0];
    let year_10000 = Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap();
    sql(
        &f.site,
        "UPDATE articles SET publish_at = ?1 WHERE id = ?2",
        (year_10000.timestamp(), victim.id),
    );
    let db = f.site.dir.path().join("n.db");
    let out = f.site.out();
    let run = support::cli::nd_bounded(&db, &["export", "--out", out.to_str().unwrap()], 1024, 60);
    support::cli::expect_code(&run, 1, "export");
    let err = support::cli::stderr(&run);
    assert!(
        err.contains(&victim.title) && err.contains("10000"),
        "{err}"
    );
}

/// Templates that would run without end, each in the template named first.
const ENDLESS: [(&str, &str); 3] = [
    (
        "article.html",
        "{% extends \"base.html\" %}{% block content %}{% for i in range(100000) %}{% for j in range(100000) %}{% if i == j %}{% endif %}{% endfor %}{% endfor %}{% endblock %}",
    ),
    (
        "list.html",
        "{% extends \"base.html\" %}{% block content %}{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}{% endblock %}",
    ),
    (
        "base.html",
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}",
    ),
];

#[test]
fn a_template_without_end_fails_in_bounded_time_naming_it() {
    for (name, source) in ENDLESS {
        let mut f = fixture();
        f.site.export();
        let live = tree(&f.site.out());
        let dir = f.site.dir.path().join("templates");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), source).unwrap();
        f.site.set("templates_dir", dir.to_str().unwrap());
        let db = f.site.dir.path().join("n.db");
        let out = f.site.out();
        let run =
            support::cli::nd_bounded(&db, &["export", "--out", out.to_str().unwrap()], 1024, 60);
        support::cli::expect_code(&run, 1, name);
        let err = support::cli::stderr(&run);
        assert!(err.contains(name), "{name}: {err}");
        assert!(
            live.keys()
                .any(|page| page.ends_with(".html") && err.contains(page.as_str())),
            "{name}: no page named in {err}"
        );
        assert_eq!(tree(&f.site.out()), live, "{name}: the live site changed");
    }
}

/// The text of XML character data: the five entities and numeric references.
fn xml_text(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..].find(';').expect("an entity ends with ;") + i;
        let name = &rest[i + 1..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            n if n.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap()
            }
            n if n.starts_with('#') => char::from_u32(n[1..].parse().unwrap()).unwrap(),
            n => panic!("not an XML entity: &{n};"),
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    assert!(!out.contains("<![CDATA["), "CDATA is not expected");
    out
}

/// The text of each `<name>` element in a feed, as a feed reader decodes it.
fn elements(xml: &str, name: &str) -> Vec<String> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    xml.split(&open)
        .skip(1)
        .map(|rest| xml_text(rest.split(&close).next().unwrap()))
        .collect()
}

/// What an HTML parser makes of `html` when asked for its text: elements dropped, text kept.
fn html_text(html: &str) -> String {
    let cleaned = ammonia::Builder::empty().clean(html).to_string();
    cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn feed_text_reads_as_text_in_a_reader_that_renders_html() {
    let mut site = Site::new();
    let tagline = "\"><svg onload=alert(4)> Tin & sự kiện";
    site.set("title", "Cổng <b>tin</b>");
    site.set("tagline", tagline);
    site.set("base_url", "https://tin.example.vn");
    let lede = "\"><svg onload=alert(1)> Tết & <b>Xuân</b> &lt;i&gt;";
    let title = "<img src=x onerror=alert(2)> Thu & chi";
    let mut f = fields(title, "<i>Kinh tế</i>", &[], "Nội dung.");
    f.lede = lede.into();
    site.published(f, at(20, 1));
    site.export();
    let feeds: Vec<String> = tree(&site.out())
        .into_keys()
        .filter(|k| k.ends_with("feed.xml"))
        .collect();
    assert_eq!(feeds.len(), 2, "{feeds:?}");
    for feed in feeds {
        let xml = site.read(&feed);
        let descriptions = elements(&xml, "description");
        assert_eq!(descriptions.len(), 2, "{feed}: {xml}");
        // Descriptions are HTML to every reader: parsed, they are the text as typed.
        assert_eq!(html_text(&descriptions[0]), tagline, "{feed}: {xml}");
        assert_eq!(html_text(&descriptions[1]), lede, "{feed}: {xml}");
        // Titles and categories are text, but many readers render them: no markup either.
        for (field, typed) in [("title", title), ("category", "<i>Kinh tế</i>")] {
            for decoded in elements(&xml, field) {
                assert!(!decoded.contains('<'), "{feed}: {field} {decoded:?}");
            }
            let item = xml.split("<item>").nth(1).unwrap();
            let decoded = &elements(item, field)[0];
            assert_eq!(html_text(decoded), typed, "{feed}: {field}");
        }
    }
    let xml: Vec<_> = tree(&site.out())
        .into_keys()
        .filter(|k| k.ends_with(".xml"))
        .map(|k| site.out().join(k))
        .collect();
    assert_xml(&xml);
}

/// The article page as a browser builds it: only the landmarks we look for are kept.
fn landmarks(page: &str) -> String {
    ammonia::Builder::empty()
        .add_tags(["footer", "p", "em", "div"])
        .add_generic_attributes(["class"])
        .clean(page)
        .to_string()
}

#[test]
fn nothing_in_a_body_swallows_the_rest_of_the_page() {
    for hazard in [
        "<plaintext>",
        "<xmp>",
        "<listing>",
        "<noembed>",
        "<noframes>",
        "<iframe srcdoc=\"<b>x</b>\">",
        "<template>",
        "<textarea>",
        "<title>",
        "<style>",
        "<script>",
        "<!--",
        "</body></html>",
        "</div></article></main></body></html><plaintext>",
    ] {
        let mut site = Site::new();
        site.set("footer_agency", "Huyện ủy Thạch Lâm");
        let body = format!("Trước.\n\n{hazard}\n\nSau *đó*.\n");
        let a = site.published(fields("Bài", "Tin", &[], &body), at(20, 1));
        site.export();
        let path = tree(&site.out())
            .into_keys()
            .find(|k| k.ends_with("index.html") && k.contains(&a.slug))
            .unwrap();
        let page = site.read(&path);
        let parsed = landmarks(&page);
        // A line starting `<textarea`, `<style`, `<script` or `<!--` makes the rest of the
        // body raw HTML in CommonMark: shown as typed then, but never hidden.
        let raw_block = ["<textarea", "<style", "<script", "<!--"]
            .iter()
            .any(|p| hazard.starts_with(p));
        let rest = if raw_block {
            "Sau *đó*."
        } else {
            "Sau <em>đó</em>."
        };
        for wanted in [
            rest,
            "<p class=\"signed\">Ban Tuyên giáo Huyện ủy</p>",
            "<footer class=\"site-footer\">",
            "Huyện ủy Thạch Lâm</p>",
        ] {
            assert!(
                parsed.contains(wanted),
                "{hazard}: {wanted} missing\n{parsed}\n{page}"
            );
        }
    }
}
