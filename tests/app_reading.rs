//! Reading the newsroom and holding an article, through the use cases on real SQLite files:
//! what the tmux journeys reach through the screen (search without diacritics, the revision
//! panel, Ctrl-K's take-over, the recovery dialog), checked without a terminal.

mod support;

use chrono::Duration;
use newsdesk::app::articles::{self, Saved};
use newsdesk::app::locks::{self, HeldBy, Taken};
use newsdesk::app::reading::{self, Opened};
use newsdesk::app::{Clock, Session};
use newsdesk::domain::{ArticleFields, Status};
use newsdesk::store::{ListQuery, LockOwner, Recovery};
use support::clock::at;
use support::store::fields;

fn session(dir: &tempfile::TempDir) -> Session {
    let mut s = Session::open(Some(&dir.path().join("n.db"))).unwrap();
    s.user = "hoa".into();
    s.clock = Clock::Fixed(at(3, 0));
    s
}

fn create(s: &mut Session, f: &ArticleFields) -> i64 {
    let actor = s.actor();
    s.store.create(f, Status::Draft, &actor).unwrap().id
}

fn lan() -> LockOwner {
    LockOwner::new("lan", "laptop-lan", "tui-2")
}

fn me() -> LockOwner {
    LockOwner::new("hoa", "toa-soan", "tui-1")
}

fn titles(hits: &[newsdesk::store::SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.article.title.as_str()).collect()
}

#[test]
fn search_folds_vietnamese_diacritics_and_keeps_the_lists_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    create(
        &mut s,
        &fields("Đắk Nông vào mùa cà phê", "Nông dân thu hoạch."),
    );
    let id = create(&mut s, &fields("Hội nghị cà phê", "Bàn về giá."));
    let actor = s.actor();
    s.store
        .set_status(id, Status::Published, None, &actor)
        .unwrap();

    for typed in ["dak nong", "Đắk Nông", "DAK NÔNG", "đắk"] {
        let hits = reading::search(&s, typed, None, 20).unwrap();
        assert_eq!(titles(&hits), ["Đắk Nông vào mùa cà phê"], "{typed}");
    }
    let hits = reading::search(&s, "ca phe", None, 20).unwrap();
    let mut both = titles(&hits);
    both.sort();
    assert_eq!(both, ["Hội nghị cà phê", "Đắk Nông vào mùa cà phê"]);
    // The list's status narrows the search unless the text names one.
    let published = reading::search(&s, "ca phe", Some(Status::Published), 20).unwrap();
    assert_eq!(titles(&published), ["Hội nghị cà phê"]);
    let drafts = reading::search(&s, "ca phe status:draft", Some(Status::Published), 20).unwrap();
    assert_eq!(titles(&drafts), ["Đắk Nông vào mùa cà phê"]);
    // A filter that does not read is the domain's refusal, as data.
    assert!(matches!(
        reading::search(&s, "status:bogus", None, 20),
        Err(newsdesk::app::AppError::Domain(_))
    ));
}

#[test]
fn a_page_of_the_list_knows_the_whole_lists_length() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    for i in 0..5 {
        create(&mut s, &fields(&format!("Tin {i}"), "x"));
    }
    let q = ListQuery {
        limit: 2,
        offset: 1,
        ..ListQuery::default()
    };
    let page = reading::page(&s, &q).unwrap();
    assert_eq!((page.rows.len(), page.total), (2, 5));
    assert_eq!(reading::count(&s, &q).unwrap(), 5);
    assert_eq!(reading::list(&s, &q).unwrap().len(), 2);
    let one = &page.rows[0];
    assert_eq!(reading::find(&s, &one.slug).unwrap().id, one.id);
    assert_eq!(reading::find(&s, &one.id.to_string()).unwrap().id, one.id);
    assert!(reading::find(&s, "khong-co").is_err());
}

#[test]
fn history_and_a_revision_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let mut f = fields("Lễ ra quân", "Bản một.");
    let id = create(&mut s, &f);
    for (base, body) in [(1, "Bản hai."), (2, "Bản ba.")] {
        f.body = body.into();
        let saved = articles::save(&mut s, &me(), Some(id), &f, base).unwrap();
        assert!(matches!(saved, Saved::Done(_)), "{saved:?}");
    }
    let history = reading::history(&s, id).unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(history[0].rev > history[1].rev, "newest first");
    assert_eq!(history[0].version, 2);
    let bodies: Vec<String> = history
        .iter()
        .map(|r| reading::revision(&s, id, r.rev).unwrap().body)
        .collect();
    assert_eq!(bodies, ["Bản hai.", "Bản một."]);
    assert_eq!(reading::get(&s, id).unwrap().body, "Bản ba.");
    assert!(reading::revision(&s, id, 999).is_err());
}

#[test]
fn the_lock_is_taken_refused_naming_its_holder_and_taken_over_saying_from_whom() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = create(&mut s, &fields("Bão số 9", "x"));
    assert_eq!(locks::take(&mut s, &me(), id).unwrap(), Taken::Ours);
    assert_eq!(locks::take(&mut s, &me(), id).unwrap(), Taken::Ours, "ours");

    // Lan takes it over: our heartbeat finds out, naming her.
    assert_eq!(
        locks::take_over(&mut s, &lan(), id).unwrap(),
        Some("hoa".to_string())
    );
    let lost = locks::heartbeat(&mut s, &me(), id).unwrap();
    assert!(
        matches!(&lost, Some(HeldBy { user, host, .. }) if user == "lan" && host == "laptop-lan"),
        "{lost:?}"
    );
    match locks::take(&mut s, &me(), id).unwrap() {
        Taken::Held(h) => assert_eq!((h.id, h.user.as_str(), h.since), (id, "lan", at(3, 0))),
        other => panic!("{other:?}"),
    }
    // Releasing what is not ours leaves hers; Ctrl-K takes it back from her.
    locks::release(&mut s, &me(), id).unwrap();
    assert!(s.store.lock(id).unwrap().unwrap().is_held_by(&lan()));
    assert_eq!(
        locks::take_over(&mut s, &me(), id).unwrap(),
        Some("lan".to_string())
    );
    assert_eq!(locks::take_over(&mut s, &me(), id).unwrap(), None, "ours");
    assert_eq!(locks::heartbeat(&mut s, &me(), id).unwrap(), None);
    locks::release(&mut s, &me(), id).unwrap();
    assert!(s.store.lock(id).unwrap().is_none());

    // A lock left two minutes without a heartbeat stands in no one's way.
    s.store.take_lock(id, &lan(), at(3, 0)).unwrap();
    s.clock = Clock::Fixed(at(3, 0) + Duration::minutes(3));
    assert_eq!(locks::take(&mut s, &me(), id).unwrap(), Taken::Ours);
}

fn recovery(id: Option<i64>, body: &str) -> Recovery {
    Recovery {
        article_id: id,
        base_version: 1,
        fields: fields("Bão số 9", body),
        written_at: at(3, 0),
    }
}

#[test]
fn an_article_opens_with_the_recovery_copy_that_differs_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = create(&mut s, &fields("Bão số 9", "Đã lưu."));
    assert!(reading::open(&s, id).unwrap().recovery.is_none());

    // The same text kept aside is nothing to recover.
    locks::keep_recovery(&mut s, &recovery(Some(id), "Đã lưu.")).unwrap();
    assert!(reading::open(&s, id).unwrap().recovery.is_none());

    locks::keep_recovery(&mut s, &recovery(Some(id), "Chưa lưu.")).unwrap();
    let Opened { article, recovery } = reading::open(&s, id).unwrap();
    let recovered = recovery.expect("the copy that differs");
    assert_eq!(
        (article.body.as_str(), recovered.fields.body.as_str()),
        ("Đã lưu.", "Chưa lưu.")
    );
    // Another user's session does not see hoa's copy.
    let mut lan_session = session(&dir);
    lan_session.user = "lan".into();
    assert!(reading::open(&lan_session, id).unwrap().recovery.is_none());

    locks::discard_recovery(&mut s, Some(id)).unwrap();
    assert!(reading::open(&s, id).unwrap().recovery.is_none());
}

#[test]
fn a_dying_session_leaves_its_text_and_gives_its_lock_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(&dir);
    let id = create(&mut s, &fields("Bão số 9", "x"));
    locks::take(&mut s, &me(), id).unwrap();
    // Nothing to leave: the database is not even opened.
    locks::leave_behind(&dir.path().join("none.db"), "hoa", &me(), None, None).unwrap();
    assert!(!dir.path().join("none.db").exists());

    let never_saved = recovery(None, "Bài chưa lưu lần nào.");
    locks::leave_behind(&s.db_path, "hoa", &me(), Some(&never_saved), Some(id)).unwrap();
    assert!(s.store.lock(id).unwrap().is_none());
    let found = locks::recovery(&s, None).unwrap().unwrap();
    assert_eq!(found.fields.body, "Bài chưa lưu lần nào.");
    locks::discard_recovery(&mut s, None).unwrap();
    assert!(locks::recovery(&s, None).unwrap().is_none());
}
