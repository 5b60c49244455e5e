//! A body's rendering is linear in its size: megabyte bodies of the kinds that used to take
//! minutes (deep or unclosed raw HTML, raw HTML under deep Markdown, thousands of photos)
//! export in a child process under a memory limit and a timeout. The timeout is generous (a
//! debug build on a slow machine); before the fix the first of them alone took minutes.
//! `cargo run --release --example bench_render` measures every class.

mod support;

use newsdesk::media::{Library, inspect, sha256_hex};
use newsdesk::store::NewMedia;
use support::site::*;

/// The classes whose rendering grew with the square of their size (see BENCHMARKS.md).
const QUADRATIC_BEFORE: [&str; 4] = [
    "nested divs",
    "unclosed divs",
    "nested lists (html)",
    "html + blockquotes",
];

const MB: usize = 1 << 20;

/// Adds a small photo to the library; returns its hash.
fn add_photo(site: &mut Site) -> String {
    let bytes = support::media::jpeg(&support::media::picture(64, 48, 1), 80);
    let inspected = inspect(&bytes, 25).unwrap();
    let hash = sha256_hex(&bytes);
    let library = Library::beside(&site.dir.path().join("n.db"));
    library.store(&hash, inspected.format, &bytes).unwrap();
    let new = NewMedia {
        hash: hash.clone(),
        name: "a.jpg".into(),
        bytes: bytes.len() as u64,
        inspected,
        caption: "Ảnh".into(),
        alt: "Ảnh".into(),
        credit: String::new(),
    };
    site.store.add_media(&new, &actor(at(1, 8))).unwrap();
    hash
}

#[test]
fn megabyte_hostile_bodies_export_in_bounded_time() {
    let mut site = Site::new();
    let hash = add_photo(&mut site);
    let reference = &hash[..12];
    let mut bodies: Vec<(String, String)> = support::site::hostile::classes()
        .into_iter()
        .filter(|(name, _)| QUADRATIC_BEFORE.contains(name))
        .map(|(name, make)| (name.to_string(), make(MB)))
        .collect();
    assert_eq!(bodies.len(), QUADRATIC_BEFORE.len());
    let block = format!("![Ảnh](media:{reference})\n");
    let inline = format!("*![Ảnh](media:{reference})*");
    bodies.push(("photos".into(), block.repeat(MB / block.len())));
    bodies.push(("inline photos".into(), inline.repeat(MB / inline.len())));
    let mut slugs = Vec::new();
    for (n, (name, body)) in bodies.iter().enumerate() {
        let a = site.published(fields(name, "Tin", &[], body), at(20, n as u32));
        slugs.push(a.slug);
    }
    let db = site.dir.path().join("n.db");
    let out = site.out();
    let run = support::cli::nd_bounded(&db, &["export", "--out", out.to_str().unwrap()], 2048, 60);
    support::cli::expect_code(&run, 0, "export");
    for slug in slugs {
        let page = site.read(&format!("tin/{slug}/index.html"));
        assert!(page.contains("<footer class=\"site-footer\">"), "{slug}");
    }
}
