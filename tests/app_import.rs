//! The Markdown import as a use case, on real files and a real SQLite file: the counts as
//! data, failures naming their file, and the lock policy (`Respect` names who edits an
//! article and leaves it; `TakeOver` takes it and updates it).

mod support;

use std::path::{Path, PathBuf};

use newsdesk::app::articles::LockPolicy;
use newsdesk::app::import::{self, Problem, Report};
use newsdesk::app::{Clock, Session};
use newsdesk::store::{LockOwner, StoreError};
use support::clock::at;

fn session(dir: &Path) -> Session {
    let mut s = Session::open(Some(&dir.join("n.db"))).unwrap();
    s.user = "hoa".into();
    s.clock = Clock::Fixed(at(3, 0));
    s
}

fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn doc(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}\n")
}

fn counts(r: &Report) -> [u64; 5] {
    [r.created, r.updated, r.unchanged, r.skipped, r.failed()]
}

fn run(s: &mut Session, paths: &[PathBuf], skip: bool, policy: LockPolicy) -> Report {
    import::import(s, paths, skip, policy).unwrap()
}

#[test]
fn a_folder_gives_the_right_counts_and_names_each_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let content = dir.path().join("content");
    write(&content, "a.md", &doc("Đắk Nông vào mùa", "Một."));
    write(&content, "tin/b.markdown", &doc("Bão số 9", "Hai."));
    write(&content, "notes.txt", &doc("Không phải Markdown", "x"));
    let bad = write(&content, "tin/bad.md", "---\ntitle: [unclosed\n---\nx\n");
    let roots = vec![content.clone()];

    let first = run(&mut s, &roots, false, LockPolicy::Respect);
    assert_eq!(counts(&first), [2, 0, 0, 0, 1]);
    assert_eq!(first.failures[0].path, bad);
    assert!(matches!(first.failures[0].problem, Problem::Parse(_)));

    // Again: nothing changed. An edited file is one update; asked to skip, it is skipped.
    assert_eq!(
        counts(&run(&mut s, &roots, false, LockPolicy::Respect)),
        [0, 0, 2, 0, 1]
    );
    write(&content, "a.md", &doc("Đắk Nông vào mùa", "Một, sửa."));
    assert_eq!(
        counts(&run(&mut s, &roots, true, LockPolicy::Respect)),
        [0, 0, 0, 2, 1]
    );
    assert_eq!(
        counts(&run(&mut s, &roots, false, LockPolicy::Respect)),
        [0, 1, 1, 0, 1]
    );
    let a = s.store.find("dak-nong-vao-mua").unwrap();
    assert_eq!(a.body.trim_end(), "Một, sửa.");

    // A path that is not there is a failure naming it; the rest still import.
    let missing = dir.path().join("khong-co");
    let r = run(
        &mut s,
        &[missing.clone(), content],
        false,
        LockPolicy::Respect,
    );
    assert_eq!(counts(&r), [0, 0, 2, 0, 2]);
    assert_eq!(r.failures[0].path, missing);
    assert!(matches!(r.failures[0].problem, Problem::Missing(_)));
}

#[test]
fn two_files_by_one_name_and_two_titles_by_one_slug_are_reported_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let x = write(dir.path(), "x/a.md", &doc("Tin x", "x"));
    let y = write(dir.path(), "y/a.md", &doc("Tin y", "y"));
    let r = run(&mut s, &[x.clone(), y.clone()], false, LockPolicy::Respect);
    assert_eq!(counts(&r), [1, 0, 0, 0, 1]);
    match &r.failures[0].problem {
        Problem::SameName { name, first } => assert_eq!((name.as_str(), first), ("a.md", &x)),
        other => panic!("{other:?}"),
    }
    assert_eq!(r.failures[0].path, y);

    let news = dir.path().join("news");
    write(&news, "1/hop.md", &doc("Họp báo", "một"));
    let second = write(&news, "2/hop.md", &doc("Họp báo", "hai"));
    let r = run(&mut s, &[news], false, LockPolicy::Respect);
    assert_eq!(counts(&r), [2, 0, 0, 0, 0]);
    assert_eq!(r.collisions.len(), 1, "{r:?}");
    let c = &r.collisions[0];
    assert_eq!((&c.path, c.taken.as_str()), (&second, "hop-bao"));
    assert_eq!(c.other.as_deref(), Some("1/hop.md"));
    assert_ne!(c.slug, "hop-bao");
}

#[test]
fn an_article_someone_edits_is_refused_naming_them_unless_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let content = dir.path().join("content");
    let file = write(&content, "bao.md", &doc("Bão số 9", "Bản đầu."));
    write(&content, "khac.md", &doc("Tin khác", "x"));
    let roots = vec![content.clone()];
    run(&mut s, &roots, false, LockPolicy::Respect);
    let id = s.store.find("bao-so-9").unwrap().id;
    let lan = LockOwner::new("lan", "laptop-lan", "tui-2");
    s.store.take_lock(id, &lan, s.now()).unwrap();

    write(&content, "bao.md", &doc("Bão số 9", "Bản sửa."));
    write(&content, "khac.md", &doc("Tin khác", "y"));
    let r = run(&mut s, &roots, false, LockPolicy::Respect);
    assert_eq!(counts(&r), [0, 1, 0, 0, 1], "the other file still lands");
    assert_eq!(r.failures[0].path, file);
    match &r.failures[0].problem {
        Problem::Store(StoreError::Locked {
            id: got,
            user,
            host,
            ..
        }) => {
            assert_eq!(
                (*got, user.as_str(), host.as_str()),
                (id, "lan", "laptop-lan")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.store.get(id).unwrap().body.trim_end(), "Bản đầu.");
    assert!(s.store.lock(id).unwrap().unwrap().is_held_by(&lan));

    let r = run(&mut s, &roots, false, LockPolicy::TakeOver);
    assert_eq!(counts(&r), [0, 1, 1, 0, 0]);
    assert_eq!(s.store.get(id).unwrap().body.trim_end(), "Bản sửa.");
    let lock = s.store.lock(id).unwrap().unwrap();
    assert!(!lock.is_held_by(&lan));
    assert_eq!(lock.user, "hoa", "the import holds it now");
}
