//! The application layer on real SQLite files: the use cases both front ends call, checked
//! without a terminal or the command line in between.

use chrono::{Duration, TimeZone, Utc};
use newsdesk::app::articles::{self, LockPolicy};
use newsdesk::app::{AppError, Clock, Session};
use newsdesk::domain::{ArticleFields, Status};
use newsdesk::media::Place;
use newsdesk::store::{LockOwner, StoreError};

fn session(dir: &tempfile::TempDir) -> Session {
    let mut s = Session::open(Some(&dir.path().join("n.db"))).unwrap();
    s.user = "hoa".into();
    s.clock = Clock::Fixed(Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap());
    s
}

fn draft(s: &mut Session, title: &str) -> i64 {
    let fields = ArticleFields {
        title: title.into(),
        body: "Nội dung.".into(),
        ..Default::default()
    };
    let actor = s.actor();
    s.store.create(&fields, Status::Draft, &actor).unwrap().id
}

#[test]
fn the_session_reads_times_in_the_newsrooms_zone_and_runs_on_its_clock() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(&dir);
    assert_eq!(s.tz.local_minus_utc(), 7 * 3600, "the site's default zone");
    assert_eq!(
        s.actor().now,
        Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap()
    );
    let mut s = s;
    s.store.set_setting("timezone", "+09:00").unwrap();
    let s = Session::open(Some(&dir.path().join("n.db"))).unwrap();
    assert_eq!(s.tz.local_minus_utc(), 9 * 3600);
}

#[test]
fn a_status_move_respects_a_fresh_lock_and_takes_a_stale_or_forced_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = draft(&mut s, "Lễ ra quân");
    let lan = LockOwner::new("lan", "laptop-lan", "tui-1");
    let me = LockOwner::new("hoa", "toa-soan", "cli-1");
    let now = s.now();
    s.store.take_lock(id, &lan, now).unwrap();
    match articles::set_status(&mut s, &me, id, Status::Review, None, LockPolicy::Respect) {
        Err(AppError::Store(StoreError::Locked { user, host, .. })) => {
            assert_eq!((user.as_str(), host.as_str()), ("lan", "laptop-lan"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.store.get(id).unwrap().status, Status::Draft);
    let moved =
        articles::set_status(&mut s, &me, id, Status::Review, None, LockPolicy::TakeOver).unwrap();
    assert_eq!(moved.status, Status::Review);
    assert!(s.store.lock(id).unwrap().unwrap().is_held_by(&me));
    // A lock two minutes without a heartbeat stands in no one's way.
    s.store.take_over_lock(id, &lan, now).unwrap();
    s.clock = Clock::Fixed(now + Duration::minutes(3));
    articles::set_status(&mut s, &me, id, Status::Draft, None, LockPolicy::Respect).unwrap();
}

#[test]
fn a_restore_and_a_purge_keep_the_same_policy() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = draft(&mut s, "Lễ ra quân");
    let lan = LockOwner::new("lan", "laptop-lan", "tui-1");
    let me = LockOwner::new("hoa", "toa-soan", "cli-1");
    let now = s.now();
    s.store.take_lock(id, &lan, now).unwrap();
    assert!(articles::restore(&mut s, &me, id, 1, LockPolicy::Respect).is_err());
    assert!(articles::purge(&mut s, &me, id, LockPolicy::Respect).is_err());
    assert!(s.store.get(id).is_ok());
    articles::purge(&mut s, &me, id, LockPolicy::TakeOver).unwrap();
    assert!(s.store.get(id).is_err());
}

#[test]
fn an_article_without_photos_lacks_no_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = draft(&mut s, "Không ảnh");
    let lacking: Vec<(Place, String)> = newsdesk::app::media::lacking_alt(&s, id).unwrap();
    assert!(lacking.is_empty());
}

#[test]
fn the_export_publishes_a_due_article_with_the_switch_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = draft(&mut s, "Tin hẹn giờ");
    let actor = s.actor();
    let at = s.now() + Duration::hours(1);
    s.store
        .set_status(id, Status::Scheduled, Some(at), &actor)
        .unwrap();
    let out = dir.path().join("public");
    // Not due yet: nothing published, and the page is not on the site.
    let actor = s.actor();
    let done = newsdesk::app::export::export_site(&mut s.store, Some(&out), None, &actor).unwrap();
    assert!(done.published.is_empty());
    s.clock = Clock::Fixed(at + Duration::minutes(1));
    let actor = s.actor();
    let done = newsdesk::app::export::export_site(&mut s.store, Some(&out), None, &actor).unwrap();
    assert_eq!(done.published.len(), 1);
    assert_eq!(done.published[0].status, Status::Published);
    assert_eq!(s.store.get(id).unwrap().status, Status::Published);
    assert!(out.join("index.html").is_file());
}

#[test]
fn the_editors_save_keeps_its_lock_and_its_base_version() {
    use newsdesk::app::articles::Saved;
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let me = LockOwner::new("hoa", "toa-soan", "tui-1");
    let lan = LockOwner::new("lan", "laptop-lan", "tui-2");
    let mut fields = ArticleFields {
        title: "Hội nghị".into(),
        body: "Bản đầu.".into(),
        ..Default::default()
    };
    // A new article is a draft.
    let Saved::Done(a) = articles::save(&mut s, &me, None, &fields, 0).unwrap() else {
        panic!("a new article is saved")
    };
    assert_eq!((a.status, a.version), (Status::Draft, 1));

    // Saved over its base version, it takes the lock.
    fields.body = "Bản hai.".into();
    let Saved::Done(b) = articles::save(&mut s, &me, Some(a.id), &fields, 1).unwrap() else {
        panic!("saved over its base")
    };
    assert_eq!(b.version, 2);
    assert!(s.store.lock(a.id).unwrap().unwrap().is_held_by(&me));

    // Someone took it over: nothing is written, and the save names them.
    s.store.take_over_lock(a.id, &lan, s.now()).unwrap();
    fields.body = "Bản ba.".into();
    match articles::save(&mut s, &me, Some(a.id), &fields, 2).unwrap() {
        Saved::LockLost(by) => {
            let (user, host) = (by.user, by.host);
            assert_eq!((user, host), ("lan".into(), "laptop-lan".into()))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.store.get(a.id).unwrap().body, "Bản hai.");

    // Back with the lock but behind a colleague's save: their version and our kept text.
    s.store.release_lock(a.id, &lan).unwrap();
    let lan_actor = newsdesk::domain::Actor::new("lan", s.now());
    let theirs = ArticleFields {
        body: "Bản của Lan.".into(),
        ..fields.clone()
    };
    s.store.save(a.id, &theirs, 2, &lan_actor).unwrap();
    match articles::save(&mut s, &me, Some(a.id), &fields, 2).unwrap() {
        Saved::Conflict { theirs, kept_rev } => {
            assert_eq!(theirs.body, "Bản của Lan.");
            assert_eq!(s.store.revision(a.id, kept_rev).unwrap().body, "Bản ba.");
        }
        other => panic!("{other:?}"),
    }
}
