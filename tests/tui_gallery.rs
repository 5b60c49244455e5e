//! The gallery panel through `update` (no store, no host files: the runtime's answers are fed
//! in as actions) and drawn on ratatui's `TestBackend` at 80×24 in both languages.

mod support;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::KeyCode;
use newsdesk::domain::{Article, Status};
use newsdesk::i18n::Lang;
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::{Action, Effect, GalleryDone, GalleryOp};
use newsdesk::tui::keymap::Context;
use newsdesk::tui::state::{Field, GalleryMode, GalleryRow, LibraryItem, PhotoPlace, State};
use newsdesk::tui::update::{context, update};
use support::tui::{ctrl, key, screen, typing};

const LEAD: &str = "aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44";
const SECOND: &str = "bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55";
const THIRD: &str = "cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66";

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, 0, 0).unwrap()
}

fn article() -> Article {
    Article {
        id: 1,
        slug: "cau-treo-dak-glong".into(),
        title: "Cầu treo mới ở Đắk Glong".into(),
        lede: "Bà con đi lại dễ hơn.".into(),
        body: "Dòng một.\nDòng hai.".into(),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: String::new(),
        section: "Thời sự".into(),
        tags: Vec::new(),
        status: Status::Review,
        publish_at: None,
        created_at: at(1),
        created_by: "hoa".into(),
        updated_at: at(2),
        updated_by: "hoa".into(),
        version: 2,
    }
}

fn editing(lang: Lang) -> State {
    let mut s = State::new(80, 24, true, FixedOffset::east_opt(7 * 3600).unwrap());
    s.lang = lang;
    let row = ArticleSummary {
        id: 1,
        slug: "cau-treo-dak-glong".into(),
        title: "Cầu treo mới ở Đắk Glong".into(),
        status: Status::Review,
        section: "Thời sự".into(),
        tags: Vec::new(),
        byline: "Nguyễn Thị Đào".into(),
        publish_at: None,
        updated_at: at(2),
        updated_by: "hoa".into(),
        word_count: 4,
    };
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: vec![row],
            total: 1,
            snippets: Vec::new(),
        },
    );
    update(&mut s, Action::ArticleLoaded(article()));
    s
}

fn rows() -> Vec<GalleryRow> {
    vec![
        GalleryRow {
            place: PhotoPlace::Lead,
            hash: LEAD.into(),
            caption: "Cầu treo nhìn từ bờ suối".into(),
            alt: String::new(),
        },
        GalleryRow {
            place: PhotoPlace::Gallery(1),
            hash: SECOND.into(),
            caption: "Lễ khánh thành".into(),
            alt: "Người dân cắt băng khánh thành cầu".into(),
        },
        GalleryRow {
            place: PhotoPlace::Gallery(2),
            hash: THIRD.into(),
            caption: String::new(),
            alt: String::new(),
        },
    ]
}

/// The editor of article 1 with its gallery panel open and its photos loaded.
fn gallery(lang: Lang) -> State {
    let mut s = editing(lang);
    assert_eq!(ctrl(&mut s, 'u'), vec![Effect::LoadGallery(1)]);
    assert_eq!(context(&s), Context::Gallery);
    update(
        &mut s,
        Action::GalleryLoaded {
            id: 1,
            rows: rows(),
            done: None,
        },
    );
    s
}

fn op(fx: &[Effect]) -> GalleryOp {
    match fx {
        [Effect::Gallery { id: 1, op }] => op.clone(),
        other => panic!("expected one gallery change, got {other:?}"),
    }
}

fn message(s: &State) -> String {
    s.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_never_saved_article_has_no_gallery_yet() {
    let mut s = editing(Lang::En);
    ctrl(&mut s, 'n');
    assert!(ctrl(&mut s, 'u').is_empty());
    assert!(s.gallery().is_none());
    assert!(message(&s).contains("Save the article first"));
}

#[test]
fn attach_a_file_by_typed_path_with_tab_completion() {
    let mut s = gallery(Lang::En);
    key(&mut s, KeyCode::Char('a'));
    assert_eq!(context(&s), Context::GalleryPath);
    typing(&mut s, "/srv/up");
    // Tab asks the runtime for the folder; update never reads it.
    assert_eq!(
        key(&mut s, KeyCode::Tab),
        vec![Effect::Complete("/srv/up".into())]
    );
    let names = |v: &[&str]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    update(
        &mut s,
        Action::Completed {
            input: "/srv/up".into(),
            names: names(&["uploads/"]),
        },
    );
    let input = |s: &State| match &s.gallery().unwrap().mode {
        GalleryMode::Path { input, choices } => (input.clone(), choices.clone()),
        other => panic!("{other:?}"),
    };
    assert_eq!(input(&s).0, "/srv/uploads/");
    typing(&mut s, "c");
    key(&mut s, KeyCode::Tab);
    update(
        &mut s,
        Action::Completed {
            input: "/srv/uploads/c".into(),
            names: names(&["cau-treo-1.png", "cau-treo-2.jpg"]),
        },
    );
    assert_eq!(
        input(&s),
        (
            "/srv/uploads/cau-treo-".into(),
            names(&["cau-treo-1.png", "cau-treo-2.jpg"])
        )
    );
    // An answer for a path typed over since is dropped.
    typing(&mut s, "1");
    update(
        &mut s,
        Action::Completed {
            input: "/srv/uploads/cau-treo-".into(),
            names: names(&["x/"]),
        },
    );
    assert_eq!(input(&s).0, "/srv/uploads/cau-treo-1");
    typing(&mut s, ".png");
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(
        op(&fx),
        GalleryOp::AttachFile(PathBuf::from("/srv/uploads/cau-treo-1.png"))
    );
    assert_eq!(context(&s), Context::Gallery);
    let mut more = rows();
    more.push(GalleryRow {
        place: PhotoPlace::Gallery(3),
        hash: "dd".repeat(32),
        caption: String::new(),
        alt: String::new(),
    });
    update(
        &mut s,
        Action::GalleryLoaded {
            id: 1,
            rows: more,
            done: Some(GalleryDone::Attached {
                short: "dddddddddddd".into(),
                place: 3,
                fresh: true,
            }),
        },
    );
    assert_eq!(s.gallery().unwrap().selected, 3);
    assert!(message(&s).contains("dddddddddddd added to the library and attached (gallery 3)"));
}

#[test]
fn pick_from_the_library_filtered_as_you_type_without_marks() {
    let mut s = gallery(Lang::Vi);
    assert_eq!(key(&mut s, KeyCode::Char('l')), vec![Effect::LoadLibrary]);
    let item = |hash: &str, caption: &str| LibraryItem {
        hash: hash.into(),
        name: "IMG_0001.JPG".into(),
        caption: caption.into(),
        key: newsdesk::domain::text::fold(caption),
    };
    update(
        &mut s,
        Action::LibraryLoaded(vec![
            item(LEAD, "Cầu treo nhìn từ bờ suối"),
            item(SECOND, "Lễ khánh thành"),
            item(THIRD, "Cầu treo lúc hoàng hôn"),
        ]),
    );
    typing(&mut s, "cau treo");
    key(&mut s, KeyCode::Down);
    assert_eq!(
        op(&key(&mut s, KeyCode::Enter)),
        GalleryOp::AttachHash(THIRD.into())
    );
}

#[test]
fn lead_order_texts_and_removal() {
    let mut s = gallery(Lang::En);
    key(&mut s, KeyCode::Down); // gallery 1
    assert_eq!(
        op(&key(&mut s, KeyCode::Char('m'))),
        GalleryOp::SetLead(SECOND.into())
    );
    // Moving down follows the photo; the lead and the ends do not move.
    assert_eq!(
        op(&key(&mut s, KeyCode::Char('J'))),
        GalleryOp::Move {
            hash: SECOND.into(),
            to: 2
        }
    );
    assert_eq!(s.gallery().unwrap().selected, 2);
    key(&mut s, KeyCode::Home);
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Up);
    assert!(key(&mut s, KeyCode::Char('K')).is_empty());
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Char('t'));
    assert_eq!(context(&s), Context::GalleryText);
    typing(&mut s, "Cầu mới");
    assert_eq!(
        op(&key(&mut s, KeyCode::Enter)),
        GalleryOp::Text {
            hash: SECOND.into(),
            lead: false,
            caption: None,
            alt: Some("Người dân cắt băng khánh thành cầuCầu mới".into()),
        }
    );
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Char('c'));
    for _ in 0.."Cầu treo nhìn từ bờ suối".chars().count() {
        key(&mut s, KeyCode::Backspace);
    }
    typing(&mut s, "Cầu treo");
    assert_eq!(
        op(&key(&mut s, KeyCode::Enter)),
        GalleryOp::Text {
            hash: LEAD.into(),
            lead: true,
            caption: Some("Cầu treo".into()),
            alt: None,
        }
    );
    assert_eq!(
        op(&key(&mut s, KeyCode::Char('x'))),
        GalleryOp::Remove {
            hash: LEAD.into(),
            lead: true
        }
    );
    key(&mut s, KeyCode::Char('c'));
    key(&mut s, KeyCode::Esc);
    assert_eq!(context(&s), Context::Gallery);
    key(&mut s, KeyCode::Esc);
    assert!(s.gallery().is_none());
    assert_eq!(context(&s), Context::Editor);
}

#[test]
fn insert_an_inline_image_at_the_body_cursor() {
    let mut s = gallery(Lang::En);
    key(&mut s, KeyCode::Down);
    assert!(key(&mut s, KeyCode::Char('i')).is_empty());
    assert!(s.gallery().is_none());
    let e = s.editor().unwrap();
    assert_eq!(e.focus, Field::Body);
    assert!(e.dirty);
    assert!(
        e.value(Field::Body)
            .starts_with("![Lễ khánh thành](media:bb22cc33dd44)Dòng một."),
        "{}",
        e.value(Field::Body)
    );
}

#[test]
fn publishing_with_photos_lacking_alt_text_warns_and_names_them() {
    for (lang, want) in [
        (
            Lang::En,
            "no alt text: lead (aa11bb22cc33), gallery 2 (cc33dd44ee55)",
        ),
        (
            Lang::Vi,
            "thiếu mô tả ảnh (alt): ảnh đại diện (aa11bb22cc33), ảnh thứ 2 trong bộ ảnh (cc33dd44ee55)",
        ),
    ] {
        let mut s = editing(lang);
        let mut a = article();
        a.status = Status::Published;
        update(
            &mut s,
            Action::PublishedWithoutAlt {
                article: Box::new(a),
                photos: vec![
                    (PhotoPlace::Lead, "aa11bb22cc33".into()),
                    (PhotoPlace::Gallery(2), "cc33dd44ee55".into()),
                ],
            },
        );
        let m = s.message.as_ref().unwrap();
        assert!(m.error);
        assert!(m.text.contains(want), "{}", m.text);
    }
}

#[test]
fn gallery_editor_80x24() {
    for (lang, name) in [
        (Lang::En, "gallery_en_80x24"),
        (Lang::Vi, "gallery_vi_80x24"),
    ] {
        let s = gallery(lang);
        insta::assert_snapshot!(name, screen(&s));
    }
    let mut s = gallery(Lang::En);
    key(&mut s, KeyCode::Char('a'));
    typing(&mut s, "/srv/uploads/c");
    update(
        &mut s,
        Action::Completed {
            input: "/srv/uploads/c".into(),
            names: vec!["cau-treo-1.png".into(), "cau-treo-2.jpg".into()],
        },
    );
    insta::assert_snapshot!("gallery_path_en_80x24", screen(&s));
}

/// With Telex on, captions and alt texts are typed in Vietnamese like the article's fields;
/// the library filter and a file path are not touched by it.
#[test]
fn captions_take_telex_typing() {
    let mut s = gallery(Lang::Vi);
    ctrl(&mut s, 't'); // English → Telex
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down); // gallery 2: no caption yet
    key(&mut s, KeyCode::Char('c'));
    assert_eq!(context(&s), Context::GalleryText);
    typing(&mut s, "Ddeem hooij tramw nawm");
    key(&mut s, KeyCode::Backspace);
    typing(&mut s, "m");
    assert_eq!(
        op(&key(&mut s, KeyCode::Enter)),
        GalleryOp::Text {
            hash: THIRD.into(),
            lead: false,
            caption: Some("Đêm hội trăm năm".into()),
            alt: None,
        }
    );
    // A file path is typed as it is.
    key(&mut s, KeyCode::Char('a'));
    assert_eq!(context(&s), Context::GalleryPath);
    typing(&mut s, "/srv/anh/hoif.jpg");
    assert_eq!(
        s.gallery().unwrap().mode,
        GalleryMode::Path {
            input: "/srv/anh/hoif.jpg".into(),
            choices: Vec::new()
        }
    );
    key(&mut s, KeyCode::Esc);
    // The article's own fields were not touched by the panel's typing.
    key(&mut s, KeyCode::Esc);
    assert_eq!(context(&s), Context::Editor);
    let e = s.editor().unwrap();
    assert_eq!(e.fields(), article().fields());
    assert!(!e.dirty);
}
