//! The command line keeps the same lock policy as the terminal app: a change to an article
//! someone else is editing (a fresh lock) is refused naming them, and `--force` takes the
//! article over, as Ctrl-K does, so they are told at their next heartbeat.

mod support;

use chrono::{Duration, Utc};
use newsdesk::store::{LockOwner, Store, StoreError};
use support::cli::{DAN_VAN, Desk};

fn lan() -> LockOwner {
    LockOwner::new("lan", "laptop-lan", "tui-1")
}

/// The sample newsroom with lan editing the Dân vận article; its id.
fn lan_editing(desk: &Desk, since_minutes_ago: i64) -> i64 {
    let mut store = Store::open(&desk.db).unwrap();
    let id = store.find(DAN_VAN).unwrap().id;
    let when = Utc::now() - Duration::minutes(since_minutes_ago);
    store.take_lock(id, &lan(), when).unwrap();
    id
}

fn status_of(desk: &Desk) -> String {
    desk.show(DAN_VAN)["status"].as_str().unwrap().to_string()
}

#[test]
fn changes_to_an_article_someone_edits_are_refused_naming_them() {
    let desk = Desk::with_sample();
    let id = lan_editing(&desk, 0);
    let before = desk.show(DAN_VAN);
    let id_s = id.to_string();
    for args in [
        vec!["status", DAN_VAN, "draft"],
        vec!["restore", DAN_VAN, "1"],
        vec!["delete", DAN_VAN],
        vec!["delete", DAN_VAN, "--purge", "--yes"],
        vec!["status", id_s.as_str(), "archived"],
    ] {
        let err = desk.fails(&args);
        assert!(
            err.contains("being edited by lan on laptop-lan"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(desk.show(DAN_VAN), before, "nothing changed");
    // In Vietnamese, with no English words.
    let err = desk.fails(&["--lang", "vi", "status", DAN_VAN, "draft"]);
    assert!(
        err.contains("đang được lan sửa trên máy laptop-lan"),
        "{err}"
    );
    assert!(!err.contains("being edited"), "{err}");
}

#[test]
fn force_takes_the_article_over_and_its_editor_learns_it() {
    let desk = Desk::with_sample();
    let id = lan_editing(&desk, 0);
    assert_eq!(status_of(&desk), "published");
    desk.ok(&["status", DAN_VAN, "draft", "--force"]);
    assert_eq!(status_of(&desk), "draft");
    let mut store = Store::open(&desk.db).unwrap();
    assert_eq!(store.lock(id).unwrap().unwrap().user, "hoa");
    // Lan's next heartbeat finds the article taken over, as after Ctrl-K.
    match store.heartbeat_lock(id, &lan(), Utc::now()) {
        Err(StoreError::Locked { user, .. }) => assert_eq!(user, "hoa"),
        other => panic!("{other:?}"),
    }
    // Restore and delete take --force the same way.
    let mut store = Store::open(&desk.db).unwrap();
    store.take_over_lock(id, &lan(), Utc::now()).unwrap();
    desk.fails(&["restore", DAN_VAN, "1"]);
    desk.ok(&["restore", DAN_VAN, "1", "--force"]);
    store.take_over_lock(id, &lan(), Utc::now()).unwrap();
    desk.fails(&["delete", DAN_VAN]);
    desk.ok(&["delete", DAN_VAN, "--force"]);
    assert_eq!(status_of(&desk), "archived");
}

#[test]
fn a_lock_left_behind_does_not_stand_in_the_way() {
    // Two minutes without a heartbeat: abandoned (a crashed terminal, a dropped link).
    let desk = Desk::with_sample();
    lan_editing(&desk, 10);
    desk.ok(&["status", DAN_VAN, "draft"]);
    assert_eq!(status_of(&desk), "draft");
}

#[test]
fn an_import_that_would_update_an_article_someone_edits_is_refused_for_that_file() {
    let desk = Desk::with_sample();
    lan_editing(&desk, 0);
    // The sample folder again, the Dân vận file edited: that file is refused naming lan, the
    // others (unchanged) are counted as usual.
    let dir = desk.path("again");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(support::cli::SAMPLE).unwrap() {
        let p = e.unwrap().path();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if text.contains(DAN_VAN) || p.to_string_lossy().contains("dan-van-kheo") {
            text.push_str("\nMột dòng mới.\n");
        }
        std::fs::write(dir.join(p.file_name().unwrap()), text).unwrap();
    }
    let before = desk.show(DAN_VAN);
    let err = desk.fails(&["import", dir.to_str().unwrap()]);
    assert!(err.contains("being edited by lan on laptop-lan"), "{err}");
    assert!(
        err.contains("dan-van-kheo"),
        "the line names the file: {err}"
    );
    assert_eq!(desk.show(DAN_VAN), before);
    // --force takes it over and updates it.
    let out = desk.ok(&["import", dir.to_str().unwrap(), "--force"]);
    assert!(out.contains("1 updated"), "{out}");
    assert!(
        desk.show(DAN_VAN)["body"]
            .as_str()
            .unwrap()
            .ends_with("Một dòng mới.\n")
    );
    let mut store = Store::open(&desk.db).unwrap();
    let id = store.find(DAN_VAN).unwrap().id;
    assert!(
        store.heartbeat_lock(id, &lan(), Utc::now()).is_err(),
        "lan is told"
    );
}

#[test]
fn photo_changes_keep_the_same_lock_policy_as_status_moves() {
    use support::media::{jpeg, picture, write};
    let desk = Desk::with_sample();
    let photo = write(
        desk.dir.path(),
        "hoi-truong.jpg",
        &jpeg(&picture(64, 48, 1), 80),
    );
    let other = write(
        desk.dir.path(),
        "san-khau.jpg",
        &jpeg(&picture(64, 48, 2), 80),
    );
    desk.ok(&["media", "add", photo.to_str().unwrap()]);
    let hash = desk.json(&["media", "list", "--json"])[0]["hash"]
        .as_str()
        .unwrap()
        .to_string();
    let short = &hash[..12];
    desk.ok(&["media", "attach", short, DAN_VAN]);
    let id = lan_editing(&desk, 0);
    let before = desk.show(DAN_VAN);
    let media_of = || {
        let store = Store::open(&desk.db).unwrap();
        store.article_media(id).unwrap()
    };
    let photos_before = media_of();
    let other_s = other.to_str().unwrap();
    for args in [
        vec!["media", "attach", short, DAN_VAN, "--lead"],
        vec!["media", "attach", short, DAN_VAN, "--alt", "Hội trường"],
        vec!["media", "detach", short, DAN_VAN],
        vec!["media", "add", other_s, "--article", DAN_VAN],
    ] {
        let err = desk.fails(&args);
        assert!(
            err.contains("being edited by lan on laptop-lan"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(media_of(), photos_before, "no photo changed");
    assert_eq!(desk.show(DAN_VAN), before);
    let library = desk.json(&["media", "list", "--json"]);
    assert_eq!(
        library.as_array().unwrap().len(),
        1,
        "the refused add kept no file"
    );
    let err = desk.fails(&["--lang", "vi", "media", "detach", short, DAN_VAN]);
    assert!(
        err.contains("đang được lan sửa trên máy laptop-lan"),
        "{err}"
    );
    // --force takes the article over, as for status moves; lan learns it at the next beat.
    let out = desk.ok(&["media", "attach", short, DAN_VAN, "--lead", "--force"]);
    assert!(out.contains("lead photo"), "{out}");
    assert_eq!(media_of().lead.unwrap().image.hash, hash);
    let mut store = Store::open(&desk.db).unwrap();
    assert_eq!(store.lock(id).unwrap().unwrap().user, "hoa");
    assert!(store.heartbeat_lock(id, &lan(), Utc::now()).is_err());
    store.take_over_lock(id, &lan(), Utc::now()).unwrap();
    desk.ok(&["media", "detach", short, DAN_VAN, "--force"]);
    assert!(media_of().lead.is_none());
    store.take_over_lock(id, &lan(), Utc::now()).unwrap();
    desk.ok(&["media", "add", other_s, "--article", DAN_VAN, "--force"]);
    assert_eq!(media_of().gallery.len(), 1);
    // A lock left behind does not stand in the way.
    let long_ago = Utc::now() - Duration::minutes(10);
    store.take_over_lock(id, &lan(), long_ago).unwrap();
    let other_hash = desk.json(&["media", "list", "--json"])[0]["hash"]
        .as_str()
        .unwrap()
        .to_string();
    desk.ok(&["media", "detach", &other_hash, DAN_VAN]);
    assert!(media_of().gallery.is_empty());
}
