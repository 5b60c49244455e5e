//! Photos in the exported site: gallery, lead and inline photos as `<figure>` with srcset, the
//! lead as Open Graph image and list thumbnail, renditions made once and reused, and a missing
//! photo file failing the export without touching the live site.

mod support;

use std::os::unix::fs::MetadataExt;

use image::DynamicImage;
use newsdesk::app::export::export_site;
use newsdesk::media::{Library, inspect, sha256_hex};
use newsdesk::store::{NewMedia, PhotoText};
use support::media::*;
use support::site::*;

fn library(site: &Site) -> Library {
    Library::beside(&site.dir.path().join("n.db"))
}

/// Adds a photo to the library as `newsdesk media add` does; returns its hash.
fn add(site: &mut Site, name: &str, bytes: &[u8], text: [&str; 3]) -> String {
    let inspected = inspect(bytes, 25).unwrap();
    let hash = sha256_hex(bytes);
    library(site).store(&hash, inspected.format, bytes).unwrap();
    let new = NewMedia {
        hash: hash.clone(),
        name: name.into(),
        bytes: bytes.len() as u64,
        inspected,
        caption: text[0].into(),
        alt: text[1].into(),
        credit: text[2].into(),
    };
    site.store.add_media(&new, &actor(at(1, 8))).unwrap();
    hash
}

fn text(caption: Option<&str>, alt: Option<&str>) -> PhotoText {
    PhotoText {
        caption: caption.map(Into::into),
        alt: alt.map(Into::into),
    }
}

/// A site with one published article that has a lead photo, a two-photo gallery and an
/// inline photo; returns the site and the hashes (gallery 1, gallery 2, lead, inline).
fn photo_site() -> (Site, [String; 4]) {
    let mut site = Site::new();
    site.set("title", "Cổng thông tin huyện Thạch Lâm");
    site.set("base_url", "https://thachlam.example.vn");
    let g1 = add(
        &mut site,
        "hoi-truong.jpg",
        &jpeg(&picture(1200, 800, 21), 85),
        [
            "Hội trường trước giờ khai mạc",
            "Hội trường với các hàng ghế đỏ",
            "Văn Hùng",
        ],
    );
    let g2 = add(
        &mut site,
        "logo.png",
        &png_with_alpha(600, 400),
        ["Biểu trưng", "", ""],
    );
    let lead = add(
        &mut site,
        "dai-bieu.jpg",
        &jpeg(&picture(800, 600, 22), 85),
        [
            "Đại biểu dự hội nghị",
            "Đại biểu giơ tay biểu quyết",
            "Minh Anh",
        ],
    );
    let inline = add(
        &mut site,
        "toan-canh.webp",
        &webp(&picture(500, 300, 23)),
        ["", "Toàn cảnh hội nghị nhìn từ trên cao", "Thu Hà"],
    );
    let body = format!(
        "Sáng 20/11, huyện tổ chức hội nghị.\n\n![Toàn cảnh hội nghị](media:{})\n\nHội nghị kết thúc lúc 11 giờ.\n",
        &inline[..12]
    );
    let a = site.published(
        fields("Hội nghị dân vận năm 2026", "Dân vận", &["hội nghị"], &body),
        at(20, 3),
    );
    let s = &mut site.store;
    s.set_lead(a.id, &lead, &PhotoText::default()).unwrap();
    s.add_to_gallery(a.id, &g1, None, &PhotoText::default())
        .unwrap();
    s.add_to_gallery(
        a.id,
        &g2,
        None,
        &text(Some("Biểu trưng của hội nghị"), Some("Biểu trưng màu đỏ")),
    )
    .unwrap();
    (site, [g1, g2, lead, inline])
}

/// Modification times of every cached rendition.
fn cache_times(site: &Site) -> Vec<(String, i64, i64)> {
    let mut out = Vec::new();
    for fan in std::fs::read_dir(library(site).cache_dir()).unwrap() {
        for f in std::fs::read_dir(fan.unwrap().path()).unwrap() {
            let f = f.unwrap();
            let m = f.metadata().unwrap();
            out.push((
                f.file_name().to_string_lossy().into_owned(),
                m.mtime(),
                m.mtime_nsec(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn gallery_lead_and_inline_photos_in_the_exported_site() {
    let (mut site, [g1, g2, lead, inline]) = photo_site();
    let done = site.export();
    // 1200 wide: 480, 960, 1200; 600: 480, 600; 800: 480, 800; 500: 480, 500.
    assert_eq!(done.report.renditions, 9);
    let page_path = "dan-van/hoi-nghi-dan-van-nam-2026/index.html";
    let page = site.read(page_path);
    insta::assert_snapshot!("media_article", page);
    for want in [
        format!(
            "srcset=\"../../media/{0}-480.jpg 480w, ../../media/{0}-960.jpg 960w, ../../media/{0}-1200.jpg 1200w\"",
            &g1[..16]
        ),
        "width=\"960\" height=\"640\" loading=\"lazy\"".to_string(),
        "alt=\"Hội trường với các hàng ghế đỏ\"".to_string(),
        "<figcaption>Hội trường trước giờ khai mạc <span class=\"credit\">Ảnh: Văn Hùng</span></figcaption>".to_string(),
        format!("src=\"../../media/{}-600.png\"", &g2[..16]),
        "<figcaption>Biểu trưng của hội nghị</figcaption>".to_string(),
        "alt=\"Biểu trưng màu đỏ\"".to_string(),
        format!(
            "<meta property=\"og:image\" content=\"https://thachlam.example.vn/media/{}-800.jpg\">",
            &lead[..16]
        ),
        "<figcaption>Toàn cảnh hội nghị <span class=\"credit\">Ảnh: Thu Hà</span></figcaption>"
            .to_string(),
    ] {
        assert!(page.contains(&want), "{want}\n{page}");
    }
    // The inline photo stands between the paragraphs, never inside one.
    assert!(
        page.contains("<p>Sáng 20/11, huyện tổ chức hội nghị.</p>\n<figure class=\"photo\">"),
        "{page}"
    );
    assert!(
        !page.contains("<p><figure") && !page.contains("media:"),
        "{page}"
    );
    // The lead is the thumbnail on list pages, with links relative to each page.
    let thumb = format!("media/{}-480.jpg", &lead[..16]);
    let home = site.read("index.html");
    assert!(
        home.contains(&format!("src=\"{thumb}\" width=\"480\" height=\"360\"")),
        "{home}"
    );
    assert!(
        site.read("dan-van/index.html")
            .contains(&format!("src=\"../{thumb}\""))
    );
    assert!(site.read("tag/hoi-nghi/index.html").contains("-480.jpg\""));
    // Every rendition is in the site; the originals (with their EXIF) are not.
    let t = tree(&site.out());
    let media: Vec<&String> = t.keys().filter(|k| k.starts_with("media/")).collect();
    assert_eq!(media.len(), 9, "{media:?}");
    for h in [&g1, &g2, &lead, &inline] {
        assert!(media.iter().any(|k| k.contains(&h[..16])));
        assert!(
            !t.keys().any(|k| k.contains(h.as_str())),
            "an original in the site"
        );
    }
    let cached = library(&site).cached(&format!("{}-480.jpg", &lead[..16]));
    let live = site.out().join(format!("media/{}-480.jpg", &lead[..16]));
    assert_eq!(
        std::fs::metadata(&cached).unwrap().ino(),
        std::fs::metadata(&live).unwrap().ino(),
        "linked from the cache, not copied"
    );

    // A second export recomputes no rendition and changes nothing.
    let before = cache_times(&site);
    let again = site.export();
    assert_eq!(again.report.renditions, 0);
    assert!(again.report.build.is_none());
    // Editing the article: its pages are rendered again, its photos are not.
    let a = site.store.find("hoi-nghi-dan-van-nam-2026").unwrap();
    let mut f = a.fields();
    f.lede = "Tóm tắt mới".into();
    site.store
        .save(a.id, &f, a.version, &actor(at(25, 1)))
        .unwrap();
    let edited = site.export();
    assert_eq!(edited.report.renditions, 0);
    assert!(edited.report.written >= 1);
    assert_eq!(cache_times(&site), before);
    // A fresh export folder reuses the cache too.
    let fresh = site.dir.path().join("fresh");
    let other = export_site(&mut site.store, Some(&fresh), None, &actor(now())).unwrap();
    assert_eq!(other.report.renditions, 0);
    assert_eq!(cache_times(&site), before);
}

#[test]
fn a_missing_photo_file_fails_the_export_and_leaves_the_live_site() {
    let mut f = fixture();
    f.site.export();
    let live = tree(&f.site.out());
    let bytes = png(&DynamicImage::ImageRgb8(picture(700, 500, 31)));
    let hash = add(&mut f.site, "mat-tich.png", &bytes, ["", "", ""]);
    let article = &f.published[1];
    f.site
        .store
        .add_to_gallery(article.id, &hash, None, &PhotoText::default())
        .unwrap();
    let original = library(&f.site).original(&hash, newsdesk::media::Format::Png);
    std::fs::remove_file(&original).unwrap();
    let out = f.site.out();
    let e = export_site(&mut f.site.store, Some(&out), None, &actor(now()))
        .unwrap_err()
        .to_string();
    assert!(e.contains(&article.title), "{e}");
    assert!(e.contains(&original.display().to_string()), "{e}");
    assert!(e.contains("missing"), "{e}");
    assert_eq!(changed(&live, &tree(&f.site.out())), Vec::<String>::new());

    // A body naming a photo the library does not have fails the same way.
    f.site.store.remove_media(&hash, true).unwrap();
    let a = f.site.store.get(article.id).unwrap();
    let mut fields = a.fields();
    fields.body.push_str("\n![Ảnh](media:0000deadbeef)\n");
    f.site
        .store
        .save(a.id, &fields, a.version, &actor(at(25, 1)))
        .unwrap();
    let e = export_site(&mut f.site.store, Some(&out), None, &actor(now()))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(&article.title)
            && e.contains("media:0000deadbeef")
            && e.contains("not in the photo library"),
        "{e}"
    );
    assert_eq!(changed(&live, &tree(&f.site.out())), Vec::<String>::new());
}
