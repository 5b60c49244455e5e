//! An article's photos as use cases (`app::photos`, `app::media`) on real SQLite files: attach
//! as lead or in the gallery, move, set this article's texts, take off; and the lock policy
//! both front ends now share: someone else's fresh lock refuses a change, naming them, and
//! `TakeOver` (the CLI's `--force`) takes the article over first.

mod support;

use chrono::Duration;
use newsdesk::app::articles::LockPolicy;
use newsdesk::app::photos::{self, Slot, Spot};
use newsdesk::app::{AppError, Clock, Session, media};
use newsdesk::domain::Status;
use newsdesk::media::{Library, Place};
use newsdesk::store::{LockOwner, PhotoText, StoreError};
use support::clock::at;
use support::media::{jpeg, picture, write};
use support::store::{fields, temp_db};

struct Desk {
    _dir: tempfile::TempDir,
    s: Session,
    id: i64,
    /// Three library photos' hashes.
    photos: Vec<String>,
}

fn me() -> LockOwner {
    LockOwner::new("hoa", "toa-soan", "cli-1")
}

fn lan() -> LockOwner {
    LockOwner::new("lan", "laptop-lan", "tui-1")
}

/// An article whose body shows the first photo inline, and three photos in the library.
fn desk() -> Desk {
    let (dir, db) = temp_db();
    let mut s = Session::open(Some(&db)).unwrap();
    s.user = "hoa".into();
    s.clock = Clock::Fixed(at(10, 0));
    let library = Library::beside(&db);
    let mut photos = Vec::new();
    for seed in 0..3 {
        let file = write(
            dir.path(),
            &format!("anh-{seed}.jpg"),
            &jpeg(&picture(64, 48, seed), 80),
        );
        let text = [
            "Chú thích thư viện".into(),
            "Mô tả".into(),
            "Văn Hùng".into(),
        ];
        let (item, fresh) = media::add_to_library(&mut s, &library, 25, &file, &text).unwrap();
        assert!(fresh);
        photos.push(item.image.hash);
    }
    let body = format!("Mở đầu.\n\n![Hội trường](media:{})\n", &photos[0][..12]);
    let actor = s.actor();
    let id = s
        .store
        .create(&fields("Lễ ra quân", &body), Status::Draft, &actor)
        .unwrap()
        .id;
    Desk {
        _dir: dir,
        s,
        id,
        photos,
    }
}

/// The gallery, as indexes into the desk's photos.
fn order(d: &Desk) -> Vec<usize> {
    photos::gallery(&d.s, d.id)
        .unwrap()
        .gallery
        .into_iter()
        .map(|p| d.photos.iter().position(|h| *h == p.image.hash).unwrap())
        .collect()
}

fn locked_by_lan(r: Result<impl std::fmt::Debug, AppError>) {
    match r {
        Err(AppError::Store(StoreError::Locked { user, host, .. })) => {
            assert_eq!((user.as_str(), host.as_str()), ("lan", "laptop-lan"));
        }
        other => panic!("expected lan's lock, got {other:?}"),
    }
}

#[test]
fn attach_move_texts_and_take_off_on_an_article_nobody_else_edits() {
    let mut d = desk();
    let (id, me, p) = (d.id, me(), d.photos.clone());
    let keep = PhotoText::default();
    let respect = LockPolicy::Respect;
    // By a prefix, as typed; the lead gets this article's alt text, the library's caption.
    let alt = PhotoText {
        caption: None,
        alt: Some("Đoàn viên xếp hàng".into()),
    };
    let place = photos::attach(&mut d.s, &me, id, &p[1][..10], Spot::Lead, &alt, respect);
    assert_eq!(place.unwrap(), Place::Lead);
    let lead = photos::gallery(&d.s, id).unwrap().lead.unwrap();
    assert_eq!(lead.image.hash, p[1]);
    assert_eq!(
        (lead.caption.as_str(), lead.alt.as_str()),
        ("Chú thích thư viện", "Đoàn viên xếp hàng")
    );
    // The gallery: appended, then one put first.
    assert_eq!(
        photos::append(&mut d.s, &me, id, &p[0], respect).unwrap(),
        1
    );
    assert_eq!(
        photos::append(&mut d.s, &me, id, &p[1], respect).unwrap(),
        2
    );
    let first = Spot::Gallery(Some(1));
    let place = photos::attach(&mut d.s, &me, id, &p[2], first, &keep, respect).unwrap();
    assert_eq!(place, Place::Gallery(1));
    assert_eq!(order(&d), [2, 0, 1]);
    assert_eq!(
        photos::move_to(&mut d.s, &me, id, &p[2], 9, respect).unwrap(),
        3
    );
    assert_eq!(order(&d), [0, 1, 2]);
    // This article's caption for a gallery photo; the library keeps its own.
    let caption = PhotoText {
        caption: Some("Toàn cảnh".into()),
        alt: None,
    };
    photos::set_texts(&mut d.s, &me, id, &p[0], Slot::Gallery, &caption, respect).unwrap();
    let media = photos::gallery(&d.s, id).unwrap();
    assert_eq!(media.gallery[0].caption, "Toàn cảnh");
    assert_eq!(
        media::find(&d.s, &p[0]).unwrap().caption,
        "Chú thích thư viện"
    );
    // Taken from the lead only: its gallery place stays.
    photos::remove(&mut d.s, &me, id, &p[1], Slot::Lead, respect).unwrap();
    assert!(photos::gallery(&d.s, id).unwrap().lead.is_none());
    assert_eq!(order(&d), [0, 1, 2]);
    photos::remove(&mut d.s, &me, id, &p[1], Slot::Gallery, respect).unwrap();
    assert_eq!(order(&d), [0, 2]);
    // A photo not in the gallery: the store's error, as data.
    match photos::remove(&mut d.s, &me, id, &p[1], Slot::Gallery, respect) {
        Err(AppError::Store(StoreError::NotInGallery { title, .. })) => {
            assert_eq!(title, "Lễ ra quân")
        }
        other => panic!("{other:?}"),
    }
    // Detach: the body still shows photo 0 inline; photo 2 it does not; a second time, nothing.
    let gone = photos::detach(&mut d.s, &me, id, &p[0], respect).unwrap();
    assert_eq!((gone.uses, gone.still_inline), (1, true));
    let gone = photos::detach(&mut d.s, &me, id, &p[2][..8], respect).unwrap();
    assert_eq!((gone.uses, gone.still_inline), (1, false));
    let gone = photos::detach(&mut d.s, &me, id, &p[2], respect).unwrap();
    assert_eq!(gone.uses, 0);
    assert!(order(&d).is_empty());
    // Attaching photos is not a save: no new version, and no lock left behind.
    assert_eq!(d.s.store.get(id).unwrap().version, 1);
    assert!(d.s.store.lock(id).unwrap().is_none());
}

#[test]
fn someone_elses_fresh_lock_refuses_every_photo_change_naming_them() {
    let mut d = desk();
    let (id, me, p) = (d.id, me(), d.photos.clone());
    let keep = PhotoText::default();
    photos::append(&mut d.s, &me, id, &p[0], LockPolicy::Respect).unwrap();
    photos::append(&mut d.s, &me, id, &p[1], LockPolicy::Respect).unwrap();
    let now = d.s.now();
    d.s.store.take_lock(id, &lan(), now).unwrap();
    let before = photos::gallery(&d.s, id).unwrap();
    let r = LockPolicy::Respect;
    let s = &mut d.s;
    locked_by_lan(photos::attach(s, &me, id, &p[2], Spot::Lead, &keep, r));
    locked_by_lan(photos::attach(
        s,
        &me,
        id,
        &p[2],
        Spot::Gallery(None),
        &keep,
        r,
    ));
    locked_by_lan(photos::append(s, &me, id, &p[2], r));
    locked_by_lan(photos::move_to(s, &me, id, &p[1], 1, r));
    let text = PhotoText {
        caption: Some("Khác".into()),
        alt: Some("Khác".into()),
    };
    locked_by_lan(photos::set_texts(
        s,
        &me,
        id,
        &p[0],
        Slot::Gallery,
        &text,
        r,
    ));
    locked_by_lan(photos::remove(s, &me, id, &p[0], Slot::Gallery, r));
    locked_by_lan(photos::detach(s, &me, id, &p[0], r));
    assert_eq!(
        photos::gallery(&d.s, id).unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(d.s.store.lock(id).unwrap().unwrap().user, "lan");
    // Reading is not changing: the panel still shows the photos.
    assert_eq!(order(&d), [0, 1]);
}

#[test]
fn take_over_changes_the_photos_and_the_editor_who_had_the_lock_learns_it() {
    let mut d = desk();
    let (id, me, p) = (d.id, me(), d.photos.clone());
    let now = d.s.now();
    d.s.store.take_lock(id, &lan(), now).unwrap();
    let gone = photos::detach(&mut d.s, &me, id, &p[0], LockPolicy::TakeOver).unwrap();
    assert_eq!(gone.uses, 0);
    assert_eq!(d.s.store.lock(id).unwrap().unwrap().user, "hoa");
    match d.s.store.heartbeat_lock(id, &lan(), now) {
        Err(StoreError::Locked { user, .. }) => assert_eq!(user, "hoa"),
        other => panic!("{other:?}"),
    }
    // Now ours: the next change goes through under `Respect`.
    let keep = PhotoText::default();
    let place = photos::attach(
        &mut d.s,
        &me,
        id,
        &p[0],
        Spot::Lead,
        &keep,
        LockPolicy::Respect,
    );
    assert_eq!(place.unwrap(), Place::Lead);
}

#[test]
fn our_own_lock_and_a_stale_one_do_not_stand_in_the_way() {
    let mut d = desk();
    let (id, me, p) = (d.id, me(), d.photos.clone());
    // The TUI's panel: its editor holds the article's lock.
    let now = d.s.now();
    d.s.store.take_lock(id, &me, now).unwrap();
    assert_eq!(
        photos::append(&mut d.s, &me, id, &p[0], LockPolicy::Respect).unwrap(),
        1
    );
    d.s.store.release_lock(id, &me).unwrap();
    // lan's lock, ten minutes without a heartbeat: abandoned.
    d.s.store
        .take_lock(id, &lan(), now - Duration::minutes(10))
        .unwrap();
    assert_eq!(
        photos::append(&mut d.s, &me, id, &p[1], LockPolicy::Respect).unwrap(),
        2
    );
}

#[test]
fn the_library_is_found_by_prefix_listed_counted_retexted_and_emptied() {
    let mut d = desk();
    let (id, me, p) = (d.id, me(), d.photos.clone());
    assert_eq!(media::library(&d.s).unwrap().len(), 3);
    photos::append(&mut d.s, &me, id, &p[1], LockPolicy::Respect).unwrap();
    let counts = media::use_counts(&d.s).unwrap();
    assert_eq!(counts.get(&p[1]), Some(&1));
    assert_eq!(counts.get(&p[2]), None, "unused");
    assert_eq!(media::uses(&d.s, &p[1]).unwrap()[0].article_id, id);
    let item = media::set_library_text(&mut d.s, &p[2][..8], [None, Some("Sân khấu"), None]);
    let item = item.unwrap();
    assert_eq!(
        (item.caption.as_str(), item.alt.as_str()),
        ("Chú thích thư viện", "Sân khấu")
    );
    let folder = Library::beside(&d.s.db_path);
    // In use: refused, as data; with force, detached first and its file gone.
    match media::remove(&mut d.s, &folder, &p[1], false) {
        Err(AppError::Store(StoreError::MediaInUse { uses, .. })) => assert_eq!(uses.len(), 1),
        other => panic!("{other:?}"),
    }
    let removed = media::remove(&mut d.s, &folder, &p[1], true).unwrap();
    assert_eq!(removed.uses.len(), 1);
    assert!(removed.file_left.is_none());
    assert!(!folder.original(&p[1], removed.item.image.format).exists());
    assert!(order(&d).is_empty());
    match media::find(&d.s, &p[1]) {
        Err(AppError::Store(StoreError::MediaNotFound(_))) => {}
        other => panic!("{other:?}"),
    }
}
