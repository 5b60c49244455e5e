//! Soft edit locks between two editors: two `Store` connections on one database file, as two
//! newsdesk processes would have, with a fixed clock.

use chrono::{DateTime, Duration, TimeZone, Utc};
use newsdesk::domain::{Actor, Status};
use newsdesk::store::{LockOwner, Store, StoreError};

mod support;
use support::store::{fields, temp_db};

/// 26 November 2026, `h:m:s` UTC.
fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, m, s).unwrap()
}

fn hoa() -> LockOwner {
    LockOwner::new("hoa", "toa-soan", "hoa-1")
}

fn lan() -> LockOwner {
    LockOwner::new("lan", "laptop-lan", "lan-1")
}

/// A database file with one article, opened twice: (hoa's store, lan's store, article id).
fn two_editors() -> (tempfile::TempDir, Store, Store, i64) {
    let (dir, path) = temp_db();
    let mut first = Store::open(&path).unwrap();
    let f = fields("Hội nghị sơ kết", "Nội dung.");
    let id = first
        .create(&f, Status::Draft, &Actor::new("hoa", at(9, 0, 0)))
        .unwrap()
        .id;
    let second = Store::open(&path).unwrap();
    (dir, first, second, id)
}

fn refused_by(e: StoreError) -> (String, String, DateTime<Utc>) {
    match e {
        StoreError::Locked {
            user, host, since, ..
        } => (user, host, since),
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn a_fresh_lock_refuses_another_editor_with_who_where_and_since() {
    let (_dir, mut a, mut b, id) = two_editors();
    let taken = a.take_lock(id, &hoa(), at(10, 42, 0)).unwrap();
    assert_eq!(taken.user, "hoa");
    assert_eq!(taken.since, at(10, 42, 0));

    let err = b.take_lock(id, &lan(), at(10, 43, 0)).unwrap_err();
    let msg = err.to_string();
    assert_eq!(
        refused_by(err),
        ("hoa".into(), "toa-soan".into(), at(10, 42, 0))
    );
    assert!(msg.contains("being edited by hoa on toa-soan"), "{msg}");
    // The refusal changed nothing.
    let held = b.lock(id).unwrap().unwrap();
    assert!(held.is_held_by(&hoa()));
}

#[test]
fn taking_ones_own_lock_again_keeps_since_and_beats() {
    let (_dir, mut a, _b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 42, 0)).unwrap();
    let again = a.take_lock(id, &hoa(), at(10, 44, 0)).unwrap();
    assert_eq!(again.since, at(10, 42, 0));
    assert_eq!(again.heartbeat, at(10, 44, 0));
}

#[test]
fn the_same_user_in_another_session_is_refused_too() {
    let (_dir, mut a, mut b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 42, 0)).unwrap();
    let other_terminal = LockOwner::new("hoa", "toa-soan", "hoa-2");
    let err = b.take_lock(id, &other_terminal, at(10, 43, 0)).unwrap_err();
    assert_eq!(refused_by(err).0, "hoa");
}

#[test]
fn heartbeats_keep_a_lock_fresh_past_two_minutes() {
    let (_dir, mut a, mut b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 0, 0)).unwrap();
    // Every 30 s for five minutes.
    for k in 1..=10 {
        let now = at(10, 0, 0) + Duration::seconds(30 * k);
        a.heartbeat_lock(id, &hoa(), now).unwrap();
    }
    let later = at(10, 5, 10);
    assert!(b.take_lock(id, &lan(), later).is_err());
    assert_eq!(b.lock(id).unwrap().unwrap().since, at(10, 0, 0));
}

#[test]
fn a_lock_without_a_heartbeat_for_two_minutes_is_stale_and_can_be_taken() {
    let (_dir, mut a, mut b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 0, 0)).unwrap();
    // 1:59 later it still holds.
    assert!(b.take_lock(id, &lan(), at(10, 1, 59)).is_err());
    // 2:00 later it is stale.
    let lock = b.take_lock(id, &lan(), at(10, 2, 0)).unwrap();
    assert_eq!(lock.user, "lan");
    assert_eq!(lock.since, at(10, 2, 0));
    // The first editor's next heartbeat learns it lost the lock.
    let err = a.heartbeat_lock(id, &hoa(), at(10, 2, 30)).unwrap_err();
    assert_eq!(refused_by(err).0, "lan");
}

#[test]
fn taking_over_deliberately_names_the_previous_holder_who_learns_of_it() {
    let (_dir, mut a, mut b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 0, 0)).unwrap();
    let previous = b
        .take_over_lock(id, &lan(), at(10, 42, 0))
        .unwrap()
        .unwrap();
    assert_eq!(previous.user, "hoa");
    assert_eq!(previous.host, "toa-soan");
    let now = b.lock(id).unwrap().unwrap();
    assert!(now.is_held_by(&lan()));
    assert_eq!(now.since, at(10, 42, 0));
    // hoa learns on the next heartbeat (or, in the TUI, the next save): who and since when.
    let err = a.heartbeat_lock(id, &hoa(), at(10, 42, 30)).unwrap_err();
    assert_eq!(
        refused_by(err),
        ("lan".into(), "laptop-lan".into(), at(10, 42, 0))
    );
    // hoa's release does not free lan's lock.
    a.release_lock(id, &hoa()).unwrap();
    assert!(b.lock(id).unwrap().unwrap().is_held_by(&lan()));
}

#[test]
fn taking_over_a_free_or_own_lock_reports_no_previous_holder() {
    let (_dir, mut a, _b, id) = two_editors();
    assert_eq!(a.take_over_lock(id, &hoa(), at(10, 0, 0)).unwrap(), None);
    assert_eq!(a.take_over_lock(id, &hoa(), at(10, 1, 0)).unwrap(), None);
    assert_eq!(a.lock(id).unwrap().unwrap().since, at(10, 0, 0));
}

#[test]
fn release_frees_the_article_for_the_next_editor() {
    let (_dir, mut a, mut b, id) = two_editors();
    a.take_lock(id, &hoa(), at(10, 0, 0)).unwrap();
    a.release_lock(id, &hoa()).unwrap();
    assert_eq!(b.lock(id).unwrap(), None);
    let lock = b.take_lock(id, &lan(), at(10, 0, 5)).unwrap();
    assert!(lock.is_held_by(&lan()));
    // Releasing what one does not hold is not an error.
    b.release_lock(id + 100, &lan()).unwrap();
}

#[test]
fn locking_a_missing_article_says_so_and_purging_drops_its_lock() {
    let (_dir, mut a, _b, id) = two_editors();
    assert!(matches!(
        a.take_lock(id + 1, &hoa(), at(10, 0, 0)),
        Err(StoreError::NotFound(_))
    ));
    a.take_lock(id, &hoa(), at(10, 0, 0)).unwrap();
    a.purge(id).unwrap();
    assert_eq!(a.lock(id).unwrap(), None);
}

#[test]
fn this_process_names_the_host_and_a_session_of_its_own() {
    let me = LockOwner::this_process("hoa");
    assert_eq!(me.user, "hoa");
    assert!(!me.host.is_empty());
    assert!(me.session.starts_with(&format!("{}-", std::process::id())));
    assert_ne!(me.session, LockOwner::this_process("hoa").session);
}
