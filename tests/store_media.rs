//! The store's side of photos: library rows, an article's lead and gallery (order, its own
//! caption and alt text over the library's), inline references kept up to date by saves, what
//! the export reads, and removal refused while a photo is used.

use chrono::{TimeZone, Utc};
use newsdesk::domain::{Actor, ArticleFields, Status};
use newsdesk::media::{Format, Found, Inspected};
use newsdesk::store::{NewMedia, PhotoText, Role, Store, StoreError};

fn actor() -> Actor {
    Actor::new("hoa", Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap())
}

/// A library row for a made-up file (the store trusts the caller's checks).
fn add(store: &mut Store, seed: char, caption: &str, alt: &str) -> String {
    let hash: String = std::iter::repeat_n(seed, 64).collect();
    let new = NewMedia {
        hash: hash.clone(),
        name: format!("{seed}.jpg"),
        bytes: 1000,
        inspected: Inspected {
            format: Format::Jpeg,
            width: 1200,
            height: 800,
            alpha: false,
        },
        caption: caption.into(),
        alt: alt.into(),
        credit: "Văn Hùng".into(),
    };
    store.add_media(&new, &actor()).unwrap();
    hash
}

fn article(store: &mut Store, title: &str, body: &str) -> i64 {
    let f = ArticleFields {
        title: title.into(),
        body: body.into(),
        ..Default::default()
    };
    store.create(&f, Status::Draft, &actor()).unwrap().id
}

fn gallery(store: &Store, id: i64) -> Vec<(char, String, String)> {
    store
        .article_media(id)
        .unwrap()
        .gallery
        .iter()
        .map(|p| {
            let c = p.image.hash.chars().next().unwrap();
            (c, p.caption.clone(), p.alt.clone())
        })
        .collect()
}

#[test]
fn gallery_order_texts_and_lead() {
    let mut s = Store::open_in_memory().unwrap();
    let [a, b, c] = ['a', 'b', 'c'].map(|k| add(&mut s, k, &format!("ảnh {k}"), ""));
    let id = article(&mut s, "Bài có ảnh", "Nội dung.");
    let none = PhotoText::default();
    assert_eq!(s.add_to_gallery(id, &a, None, &none).unwrap(), 1);
    assert_eq!(s.add_to_gallery(id, &b[..8], None, &none).unwrap(), 2);
    let own = PhotoText {
        caption: Some("Chú thích riêng".into()),
        alt: Some(" Mô tả riêng ".into()),
    };
    assert_eq!(s.add_to_gallery(id, &c, Some(1), &own).unwrap(), 1);
    let want = |v: &[(char, &str, &str)]| -> Vec<(char, String, String)> {
        v.iter()
            .map(|(k, c, a)| (*k, c.to_string(), a.to_string()))
            .collect()
    };
    assert_eq!(
        gallery(&s, id),
        want(&[
            ('c', "Chú thích riêng", "Mô tả riêng"),
            ('a', "ảnh a", ""),
            ('b', "ảnh b", "")
        ])
    );
    // Adding one that is there moves it rather than adding it twice.
    assert_eq!(s.add_to_gallery(id, &a, Some(3), &none).unwrap(), 3);
    assert_eq!(s.move_in_gallery(id, &b, 1).unwrap(), 1);
    let order: Vec<char> = gallery(&s, id).iter().map(|g| g.0).collect();
    assert_eq!(order, ['b', 'c', 'a']);
    s.set_gallery_text(
        id,
        &a,
        &PhotoText {
            alt: Some("Hội trường".into()),
            caption: None,
        },
    )
    .unwrap();
    assert_eq!(
        gallery(&s, id)[2],
        ('a', "ảnh a".into(), "Hội trường".into())
    );
    // The library's texts show through where the article has none of its own.
    s.set_media_text(&b, Some("ảnh b mới"), Some("mô tả b"), None)
        .unwrap();
    assert_eq!(
        gallery(&s, id)[0],
        ('b', "ảnh b mới".into(), "mô tả b".into())
    );
    s.remove_from_gallery(id, &c).unwrap();
    assert!(matches!(
        s.remove_from_gallery(id, &c),
        Err(StoreError::NotInGallery { .. })
    ));
    s.set_lead(id, &c, &none).unwrap();
    s.set_lead(
        id,
        &a,
        &PhotoText {
            alt: Some("Ảnh đại diện".into()),
            caption: None,
        },
    )
    .unwrap();
    let m = s.article_media(id).unwrap();
    let lead = m.lead.unwrap();
    assert_eq!(
        (lead.image.hash.as_str(), lead.alt.as_str()),
        (a.as_str(), "Ảnh đại diện")
    );
    // Taking away the lead leaves the same photo's gallery place (and the reverse).
    s.remove_lead(id, &a).unwrap();
    assert!(s.article_media(id).unwrap().lead.is_none());
    assert_eq!(gallery(&s, id).len(), 2);
    s.set_lead(id, &a, &none).unwrap();
    assert_eq!(
        s.detach_media(id, &a).unwrap(),
        2,
        "the lead and the gallery place"
    );
    assert_eq!(gallery(&s, id).len(), 1);
    assert!(s.article_media(id).unwrap().lead.is_none());
    // Unknown articles and photos are refused by name.
    assert!(matches!(
        s.add_to_gallery(9999, &a, None, &none),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        s.add_to_gallery(id, "0123456789", None, &none),
        Err(StoreError::MediaNotFound(_))
    ));
}

#[test]
fn prefixes_must_name_one_photo() {
    let mut s = Store::open_in_memory().unwrap();
    for tail in ['1', '2'] {
        let hash = format!("abcdef12{}", tail.to_string().repeat(56));
        let new = NewMedia {
            hash,
            name: "x.png".into(),
            bytes: 1,
            inspected: Inspected {
                format: Format::Png,
                width: 1,
                height: 1,
                alpha: true,
            },
            caption: String::new(),
            alt: String::new(),
            credit: String::new(),
        };
        s.add_media(&new, &actor()).unwrap();
    }
    assert!(matches!(
        s.find_media("ABCDEF12"),
        Err(StoreError::MediaAmbiguous { count: 2, .. })
    ));
    assert!(s.find_media("abcdef121").is_ok());
    assert!(matches!(
        s.find_media("abc"),
        Err(StoreError::MediaNotFound(_))
    ));
}

#[test]
fn inline_references_follow_saves_and_count_as_uses() {
    let mut s = Store::open_in_memory().unwrap();
    let a = add(&mut s, 'a', "", "Toàn cảnh");
    let b = add(&mut s, 'b', "", "");
    let id = article(
        &mut s,
        "Bài có ảnh trong thân",
        &format!(
            "Mở đầu.\n\n![Toàn cảnh](media:{})\n\n`![không](media:{b})`\n",
            &a[..12]
        ),
    );
    let m = s.article_media(id).unwrap();
    assert_eq!(m.inline.len(), 1);
    assert!(matches!(&m.inline[0].found, Found::Photo(p) if p.image.hash == a));
    let uses = s.media_uses(&a).unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].role, Role::Inline);
    assert!(s.media_uses(&b).unwrap().is_empty());
    let err = s.remove_media(&a, false).unwrap_err();
    let e = err.to_string();
    assert!(e.contains("inline in the body"), "{e}");
    // How to go on is the command line's to say, not the store's.
    assert!(!e.contains("--force"), "{e}");
    let hint = newsdesk::cli::hints::store(&err, newsdesk::i18n::Lang::En).unwrap_or_default();
    assert!(hint.contains("--force"), "{hint}");

    // A save replaces the references; unknown ones are kept and reported as unknown.
    let art = s.get(id).unwrap();
    let mut f = art.fields();
    f.body = "![Ảnh](media:ffffffffff)\n".into();
    s.save(id, &f, art.version, &actor()).unwrap();
    let m = s.article_media(id).unwrap();
    assert_eq!(m.inline.len(), 1);
    assert_eq!(m.inline[0].found, Found::Unknown);
    assert!(s.media_uses(&a).unwrap().is_empty());
    let (no_alt, broken) = m.problems();
    assert!(no_alt.is_empty());
    assert_eq!(broken.len(), 1);
    s.remove_media(&a, false).unwrap();
}

#[test]
fn the_export_reads_published_articles_photos_only() {
    let mut s = Store::open_in_memory().unwrap();
    let a = add(&mut s, 'a', "Lễ ra quân", "");
    let published = article(&mut s, "Đã đăng", "Nội dung.");
    let draft = article(&mut s, "Bản nháp", "Nội dung.");
    for id in [published, draft] {
        s.add_to_gallery(id, &a, None, &PhotoText::default())
            .unwrap();
    }
    s.set_status(published, Status::Published, None, &actor())
        .unwrap();
    let all = s.published_media().unwrap();
    assert_eq!(all.keys().copied().collect::<Vec<_>>(), [published]);
    assert_eq!(all[&published].gallery[0].caption, "Lễ ra quân");
    // In use: refused; forced, the uses go with it.
    assert!(matches!(
        s.remove_media(&a, false),
        Err(StoreError::MediaInUse { .. })
    ));
    assert_eq!(s.remove_media(&a, true).unwrap().len(), 2);
    assert!(s.published_media().unwrap().is_empty());
    // Purging an article takes its photo places with it.
    let b = add(&mut s, 'b', "", "");
    s.add_to_gallery(draft, &b, None, &PhotoText::default())
        .unwrap();
    s.purge(draft).unwrap();
    assert!(s.media_uses(&b).unwrap().is_empty());
}
