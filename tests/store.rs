//! The store against real SQLite files in temporary folders: migrations, refusing files that
//! are not ours, conflicts, two processes writing at once, history, search, listing, slugs and
//! the workflow. Every test uses a fixed clock and user, injected through `Actor`.

mod support;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, Utc};
use newsdesk::domain::frontmatter::Imported;
use newsdesk::domain::query::SearchQuery;
use newsdesk::domain::snippet::render_marked;
use newsdesk::domain::{Actor, ArticleFields, RevisionKind, Status, slugify};
use newsdesk::store::migrate::{APPLICATION_ID, SCHEMA_VERSION, migrate_to};
use newsdesk::store::{
    ArticleSummary, ImportOutcome, ListQuery, SearchHit, Sort, Store, StoreError,
};
use rusqlite::Connection;
use support::clock::at;
use support::store::{fields, hoa, open, temp_db};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn actor(user: &str, now: DateTime<Utc>) -> Actor {
    Actor::new(user, now)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn pragma(conn: &Connection, name: &str) -> i64 {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap()
}

fn table_exists(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

fn search(store: &Store, input: &str) -> Vec<SearchHit> {
    let q = SearchQuery::parse(input).unwrap_or_else(|e| panic!("parse {input:?}: {e}"));
    store
        .search(&q, 50, 0)
        .unwrap_or_else(|e| panic!("search {input:?}: {e}"))
}

fn titles(hits: &[SearchHit]) -> Vec<String> {
    hits.iter().map(|h| h.article.title.clone()).collect()
}

fn ids(list: &[ArticleSummary]) -> Vec<i64> {
    list.iter().map(|a| a.id).collect()
}

/// Opening `path` must be refused, with `path`'s bytes unchanged and no journal left beside it.
fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError)) -> StoreError {
    let before = std::fs::read(path).unwrap();
    let err = match Store::open(path) {
        Ok(_) => panic!("{} was opened but should have been refused", path.display()),
        Err(e) => e,
    };
    check(&err);
    let after = std::fs::read(path).unwrap();
    assert!(
        before == after,
        "{} was changed by a refused open ({} bytes before, {} after)",
        path.display(),
        before.len(),
        after.len()
    );
    for suffix in ["-wal", "-journal"] {
        let side = sidecar(path, suffix);
        assert!(!side.exists(), "{} was created", side.display());
    }
    err
}

// ---------------------------------------------------------------------------------------------
// 1–2. Migrations
// ---------------------------------------------------------------------------------------------

#[test]
fn new_file_gets_latest_schema_and_keeps_data_across_reopen() {
    let (_dir, path) = temp_db();
    let id = {
        let mut store = open(&path);
        let conn = store.connection();
        assert_eq!(pragma(conn, "user_version"), SCHEMA_VERSION);
        assert_eq!(pragma(conn, "application_id"), APPLICATION_ID);
        for table in [
            "articles",
            "article_tags",
            "revisions",
            "search_index",
            "settings",
        ] {
            assert!(table_exists(conn, table), "table {table} missing");
        }
        let mut f = fields(
            "Dân vận khéo ở Đắk Glong",
            "Sáng nay, Ban Dân vận Huyện ủy họp.",
        );
        f.tags = vec!["Dân vận".into()];
        store.create(&f, Status::Draft, &hoa()).unwrap().id
    };

    // Seen from outside newsdesk: the marks are in the file itself.
    {
        let raw = Connection::open(&path).unwrap();
        assert_eq!(pragma(&raw, "user_version"), SCHEMA_VERSION);
        assert_eq!(pragma(&raw, "application_id"), APPLICATION_ID);
    }

    for _ in 0..2 {
        let store = open(&path);
        assert_eq!(pragma(store.connection(), "user_version"), SCHEMA_VERSION);
        let a = store.find("dan-van-kheo-o-dak-glong").unwrap();
        assert_eq!(a.id, id);
        assert_eq!(a.title, "Dân vận khéo ở Đắk Glong");
        assert_eq!(a.body, "Sáng nay, Ban Dân vận Huyện ủy họp.");
        assert_eq!(a.tags, vec!["Dân vận".to_string()]);
        assert_eq!(a.created_by, "hoa");
        assert_eq!(a.created_at, at(10, 0));
        assert_eq!(a.version, 1);
        assert_eq!(titles(&search(&store, "dak glong")), vec![a.title.clone()]);
    }
}

#[test]
fn an_empty_file_is_taken_as_a_new_database() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let mut store = open(&path);
    assert_eq!(pragma(store.connection(), "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(store.connection(), "application_id"), APPLICATION_ID);
    store
        .create(&fields("Tin", "Nội dung"), Status::Draft, &hoa())
        .unwrap();
}

/// Every table, index and trigger, as SQLite recorded its `CREATE` statement.
fn schema(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn previous_schema_is_migrated_and_its_articles_kept() {
    migrated_from(SCHEMA_VERSION - 1);
}

#[test]
fn first_schema_is_migrated_and_its_articles_kept() {
    migrated_from(1);
}

/// Builds a database at schema `previous` by SQL alone, with one article as that schema
/// allows, and opens it with the store.
fn migrated_from(previous: i64) {
    let (dir, path) = temp_db();
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 0, previous).unwrap();
        assert_eq!(pragma(&conn, "user_version"), previous);
        assert_eq!(pragma(&conn, "application_id"), APPLICATION_ID);
        if previous < 2 {
            assert!(!table_exists(&conn, "settings"), "settings is migration 2");
        }
        let created = at(8, 0).timestamp();
        conn.execute(
            "INSERT INTO articles (id, slug, title, title_key, lede, body, byline, signed_by,
                 section, section_key, tags, status, publish_at, created_at, created_by,
                 updated_at, updated_by, version, word_count)
             VALUES (7, 'dan-van-kheo', 'Dân vận khéo', 'dan van kheo', 'Tóm tắt',
                 'Ban Dân vận Huyện ủy thẩm định mô hình.', 'Nguyễn Thị Hoa', 'Ban Dân vận',
                 'Dân vận', 'dan van', '[\"Dân vận\"]', 'published', ?1, ?1, 'hoa', ?1, 'hoa',
                 1, 7)",
            [created],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO article_tags (article_id, tag_key) VALUES (7, 'dan van')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO search_index (rowid, title, lede, body, byline, tags, section)
             VALUES (7, 'dan van kheo', 'tom tat', 'ban dan van huyen uy tham dinh mo hinh.',
                 'nguyen thi hoa', 'dan van', 'dan van')",
            [],
        )
        .unwrap();
    }

    let mut store = open(&path);
    let conn = store.connection();
    assert_eq!(pragma(conn, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(conn, "application_id"), APPLICATION_ID);
    assert!(table_exists(conn, "settings"), "migration 2 did not run");
    // Migrated step by step, the schema is exactly what a new file gets.
    let fresh = open(&dir.path().join("fresh.db"));
    assert_eq!(schema(conn), schema(fresh.connection()));
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('site_title', 'Báo Đắk Nông')",
        [],
    )
    .unwrap();

    let a = store.find("dan-van-kheo").unwrap();
    assert_eq!(a.id, 7);
    assert_eq!(a.title, "Dân vận khéo");
    assert_eq!(a.body, "Ban Dân vận Huyện ủy thẩm định mô hình.");
    assert_eq!(a.status, Status::Published);
    assert_eq!(a.publish_at, Some(at(8, 0)));
    assert_eq!(a.tags, vec!["Dân vận".to_string()]);
    assert_eq!(store.find("7").unwrap().slug, "dan-van-kheo");
    assert_eq!(
        titles(&search(&store, "tham dinh")),
        vec!["Dân vận khéo".to_string()]
    );
    let tagged = ListQuery {
        tag: Some("Dân vận".into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(ids(&store.list(&tagged).unwrap()), vec![7]);

    // The migrated article can be edited like any other.
    let mut f = a.fields();
    f.body = "Bản sửa sau khi nâng cấp.".into();
    let saved = store.save(7, &f, 1, &hoa()).unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(store.history(7).unwrap().len(), 1);
    drop(store);

    // And the upgraded file opens again without migrating twice.
    let store = open(&path);
    assert_eq!(pragma(store.connection(), "user_version"), SCHEMA_VERSION);
    assert_eq!(store.get(7).unwrap().body, "Bản sửa sau khi nâng cấp.");
    let site: String = store
        .connection()
        .query_row(
            "SELECT value FROM settings WHERE key = 'site_title'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(site, "Báo Đắk Nông");
}

// ---------------------------------------------------------------------------------------------
// 3–4. Files that are not ours, or from a newer newsdesk, are refused untouched
// ---------------------------------------------------------------------------------------------

fn assert_too_new(e: &StoreError) {
    match e {
        StoreError::TooNew { found, known, .. } => {
            assert_eq!(*found, SCHEMA_VERSION + 1);
            assert_eq!(*known, SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other:?}: {other}"),
    }
    assert!(e.to_string().contains("newer"), "{e}");
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = {};
             CREATE TABLE articles_v3 (id INTEGER PRIMARY KEY, title TEXT);
             INSERT INTO articles_v3 (title) VALUES ('Bài từ bản mới');",
            SCHEMA_VERSION + 1
        ))
        .unwrap();
    }
    assert_refused_untouched(&path, assert_too_new);
    // Refusing twice changes nothing either.
    assert_refused_untouched(&path, assert_too_new);
}

#[test]
fn newer_newsdesk_file_in_wal_mode_is_refused_and_left_untouched() {
    // What a newer newsdesk really leaves behind: our own (WAL) file, one schema ahead.
    let (_dir, path) = temp_db();
    {
        let mut store = open(&path);
        store
            .create(&fields("Bài cũ", "Nội dung"), Status::Draft, &hoa())
            .unwrap();
        store
            .connection()
            .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();
    }
    assert!(
        !sidecar(&path, "-wal").exists(),
        "closing should checkpoint the WAL"
    );
    assert_refused_untouched(&path, assert_too_new);
}

/// 4096 bytes from a linear congruential generator: not SQLite, not text.
fn lcg_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

fn assert_not_newsdesk(e: &StoreError) {
    assert!(
        matches!(e, StoreError::NotNewsdesk { .. }),
        "expected NotNewsdesk, got {e:?}"
    );
    assert!(e.to_string().contains("not a newsdesk database"), "{e}");
}

#[test]
fn random_bytes_are_refused_untouched() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, lcg_bytes(4096)).unwrap();
    let e = assert_refused_untouched(&path, assert_not_newsdesk);
    assert!(e.to_string().contains(&path.display().to_string()), "{e}");
}

#[test]
fn a_text_file_is_refused_untouched() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "hello").unwrap();
    assert_refused_untouched(&path, assert_not_newsdesk);
}

#[test]
fn a_broken_file_with_a_sqlite_header_is_refused_untouched() {
    // SQLite's header and then noise: a database file, damaged; whose, nobody can tell. It is
    // called damaged (to check and restore), not "another file" (which would split the data).
    let (_dir, path) = temp_db();
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(lcg_bytes(4096 - 16));
    std::fs::write(&path, bytes).unwrap();
    assert_refused_untouched(&path, |e| {
        assert!(
            matches!(
                e,
                StoreError::CannotOpen {
                    problem: newsdesk::store::OpenProblem::Damaged,
                    ..
                }
            ),
            "expected a damaged file, got {e:?}"
        );
        assert!(e.to_string().contains("integrity_check"), "{e}");
    });
}

#[test]
fn another_applications_sqlite_database_is_refused_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES ('mua rau');")
            .unwrap();
    }
    assert_refused_untouched(&path, assert_not_newsdesk);
    let conn = Connection::open(&path).unwrap();
    let note: String = conn
        .query_row("SELECT x FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note, "mua rau");
    assert!(!table_exists(&conn, "articles"));
}

// ---------------------------------------------------------------------------------------------
// 5. Conflicts between two editors
// ---------------------------------------------------------------------------------------------

#[test]
fn second_save_on_a_stale_version_is_refused_and_kept_in_history() {
    let (_dir, path) = temp_db();
    let mut lan_store = open(&path);
    let mut minh_store = open(&path);
    let id = lan_store
        .create(
            &fields("Hội nghị Ban Chấp hành", "Bản gốc."),
            Status::Draft,
            &hoa(),
        )
        .unwrap()
        .id;

    // Both editors open version 1.
    let lan_copy = lan_store.get(id).unwrap();
    let minh_copy = minh_store.get(id).unwrap();
    assert_eq!((lan_copy.version, minh_copy.version), (1, 1));

    let mut lan_fields = lan_copy.fields();
    lan_fields.body = "Bản của Lan: hội nghị thành công tốt đẹp.".into();
    let lan = actor("lan", at(10, 5));
    let saved = lan_store.save(id, &lan_fields, 1, &lan).unwrap();
    assert_eq!(saved.version, 2);

    let mut minh_fields = minh_copy.fields();
    let minh_body = "Bản của Minh: hội nghị bàn ba nội dung lớn.";
    minh_fields.body = minh_body.into();
    let err = minh_store
        .save(id, &minh_fields, 1, &actor("minh", at(10, 7)))
        .unwrap_err();
    let kept_rev = match &err {
        StoreError::Conflict {
            id: cid,
            saved_by,
            saved_at,
            version,
            kept_rev,
            ..
        } => {
            assert_eq!(*cid, id);
            assert_eq!(saved_by, "lan");
            assert_eq!(*saved_at, at(10, 5));
            assert_eq!(*version, 2);
            *kept_rev
        }
        other => panic!("expected Conflict, got {other:?}"),
    };
    let msg = err.to_string();
    assert!(
        msg.contains("lan"),
        "the message should name who saved first: {msg}"
    );
    assert!(msg.contains("Hội nghị Ban Chấp hành"), "{msg}");

    // Nothing was overwritten: the stored article is Lan's.
    for store in [&lan_store, &minh_store] {
        let now = store.get(id).unwrap();
        assert_eq!(now.body, lan_fields.body);
        assert_eq!(now.version, 2);
        assert_eq!(now.updated_by, "lan");
    }

    // Minh's refused text is kept, findable in the history.
    let history = minh_store.history(id).unwrap();
    let conflict = history
        .iter()
        .find(|r| r.kind == RevisionKind::Conflict)
        .expect("a conflict revision in the history");
    assert_eq!(conflict.rev, kept_rev);
    assert_eq!(conflict.saved_by, "minh");
    assert_eq!(conflict.saved_at, at(10, 7));
    assert_eq!(
        conflict.version, 1,
        "a conflict records the version it was based on"
    );
    assert_eq!(minh_store.revision(id, kept_rev).unwrap().body, minh_body);
    assert_eq!(lan_store.revision(id, kept_rev).unwrap().body, minh_body);

    // Having seen the conflict, Minh saves on top of Lan's version.
    let again = minh_store
        .save(id, &minh_fields, 2, &actor("minh", at(10, 9)))
        .unwrap();
    assert_eq!(again.version, 3);
    assert_eq!(lan_store.get(id).unwrap().body, minh_body);
}

// ---------------------------------------------------------------------------------------------
// 6. Two processes writing at once
// ---------------------------------------------------------------------------------------------

const SAVES_PER_PROCESS: i64 = 500;

/// Marks a child as ready even when it fails early, so its peer does not wait for it in vain.
struct ReadyOnDrop(PathBuf);

impl Drop for ReadyOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.0, "gave up");
    }
}

/// Waits until every one of `peers` children has dropped its `ready-*` file in `dir`, so that
/// their saves really overlap.
fn barrier(dir: &Path, tag: &str, peers: usize) {
    std::fs::write(dir.join(format!("ready-{tag}")), tag).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let ready = std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("ready-"))
            })
            .count();
        if ready >= peers {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "P{tag}: the other writer never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Not a test on its own: the body of the child processes of
/// `two_processes_saving_at_once_lose_nothing`. Without `NEWSDESK_TEST_DB` it does nothing.
#[test]
#[ignore = "run as a child process by two_processes_saving_at_once_lose_nothing"]
fn child_writer() {
    let Ok(db) = std::env::var("NEWSDESK_TEST_DB") else {
        return;
    };
    let db = PathBuf::from(db);
    let tag = std::env::var("NEWSDESK_TEST_TAG").unwrap();
    let peers: usize = std::env::var("NEWSDESK_TEST_PEERS").map_or(1, |p| p.parse().unwrap());
    let user = format!("tien-trinh-{tag}");
    let _ready = ReadyOnDrop(db.parent().unwrap().join(format!("ready-{tag}")));
    let mut store = open(&db);
    let mut f = fields(&format!("P{tag}"), "Bản đầu.");
    f.slug = Some(format!("p{tag}"));
    let id = store
        .create(&f, Status::Draft, &actor(&user, at(9, 0)))
        .unwrap()
        .id;
    barrier(db.parent().unwrap(), &tag, peers);

    let mut errors = Vec::new();
    let mut version = 1;
    for i in 1..=SAVES_PER_PROCESS {
        let mut f = f.clone();
        f.body = format!("P{tag} lần {i}");
        let who = actor(&user, at(9, 0) + Duration::seconds(i));
        match store.save(id, &f, version, &who) {
            Ok(a) => version = a.version,
            Err(e) => {
                eprintln!("P{tag} save {i}: {e:?}");
                errors.push(format!("save {i}: {e}"));
                // Carry on from what is stored, to count every failure.
                if let Ok(a) = store.get(id) {
                    version = a.version;
                }
            }
        }
        // An editor pauses between saves; without a pause one process would hold the write
        // lock back to back and the other would only get in after it finished.
        std::thread::sleep(std::time::Duration::from_micros(500));
    }
    assert!(
        errors.is_empty(),
        "P{tag}: {} of {SAVES_PER_PROCESS} saves failed, first: {}",
        errors.len(),
        errors[0]
    );
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let (dir, path) = temp_db();
    let exe = std::env::current_exe().unwrap();
    let tags = ["1", "2"];
    let mut children = Vec::new();
    // Both start before either is waited on, on a file neither has created yet.
    for tag in tags {
        let out = std::fs::File::create(dir.path().join(format!("child-{tag}.out"))).unwrap();
        let err = std::fs::File::create(dir.path().join(format!("child-{tag}.err"))).unwrap();
        let child = Command::new(&exe)
            .args(["--exact", "child_writer", "--ignored", "--nocapture"])
            .env("NEWSDESK_TEST_DB", &path)
            .env("NEWSDESK_TEST_TAG", tag)
            .env("NEWSDESK_TEST_PEERS", tags.len().to_string())
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap();
        children.push((tag, child));
    }
    let mut failures = Vec::new();
    for (tag, mut child) in children {
        let status = child.wait().unwrap();
        let out = std::fs::read_to_string(dir.path().join(format!("child-{tag}.out"))).unwrap();
        let err = std::fs::read_to_string(dir.path().join(format!("child-{tag}.err"))).unwrap();
        if !status.success() || !out.contains("1 passed") {
            failures.push(format!("child {tag}: {status}\n{out}\n{err}"));
        }
        assert!(
            !err.contains("locked") && !err.contains("Busy") && !err.contains("busy"),
            "child {tag} saw a busy database:\n{out}\n{err}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));

    let store = open(&path);
    let all = ListQuery {
        limit: 10,
        ..Default::default()
    };
    assert_eq!(store.count(&all).unwrap(), 2);
    for tag in tags {
        let a = store.find(&format!("p{tag}")).unwrap();
        assert_eq!(a.version, SAVES_PER_PROCESS + 1, "P{tag}");
        assert_eq!(a.body, format!("P{tag} lần {SAVES_PER_PROCESS}"));
        assert_eq!(a.updated_by, format!("tien-trinh-{tag}"));
        let history = store.history(a.id).unwrap();
        assert_eq!(history.len() as i64, SAVES_PER_PROCESS, "P{tag}");
        assert!(history.iter().all(|r| r.kind == RevisionKind::Save));
        let versions: Vec<i64> = history.iter().map(|r| r.version).collect();
        let want: Vec<i64> = (1..=SAVES_PER_PROCESS).rev().collect();
        assert_eq!(
            versions, want,
            "P{tag}: every version is in the history, newest first"
        );
    }

    // The saves really were concurrent: in the order they were written, the two writers'
    // revisions alternate rather than one whole run following the other.
    let writers: Vec<i64> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT article_id FROM revisions ORDER BY rowid")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let switches = writers.windows(2).filter(|w| w[0] != w[1]).count();
    eprintln!("writer switches: {switches}");
    assert!(
        switches >= 2,
        "the two writers never overlapped ({switches} switches)"
    );
}

// ---------------------------------------------------------------------------------------------
// 7. Revisions
// ---------------------------------------------------------------------------------------------

#[test]
fn history_lists_earlier_versions_and_restore_brings_one_back() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let v1 = "Một";
    let v2 = "Một hai";
    let v3 = "Một hai ba";
    let v4 = "Một hai ba bốn";
    let id = store
        .create(&fields("Đếm số", v1), Status::Draft, &hoa())
        .unwrap()
        .id;
    let mut f = store.get(id).unwrap().fields();
    for (i, (body, who, when)) in [
        (v2, "lan", at(10, 5)),
        (v3, "minh", at(10, 10)),
        (v4, "hoa", at(10, 15)),
    ]
    .into_iter()
    .enumerate()
    {
        f.body = body.into();
        let a = store.save(id, &f, i as i64 + 1, &actor(who, when)).unwrap();
        assert_eq!(a.version, i as i64 + 2);
    }

    let history = store.history(id).unwrap();
    let seen: Vec<(i64, &str, DateTime<Utc>, i64)> = history
        .iter()
        .map(|r| (r.version, r.saved_by.as_str(), r.saved_at, r.word_count))
        .collect();
    assert_eq!(
        seen,
        vec![
            (3, "minh", at(10, 10), 3),
            (2, "lan", at(10, 5), 2),
            (1, "hoa", at(10, 0), 1),
        ],
        "three earlier versions, newest first, with who, when and words"
    );
    assert!(history.iter().all(|r| r.kind == RevisionKind::Save));
    let by_version = |v: i64| history.iter().find(|r| r.version == v).unwrap().rev;
    assert_eq!(store.revision(id, by_version(1)).unwrap().body, v1);
    assert_eq!(store.revision(id, by_version(2)).unwrap().body, v2);
    assert_eq!(store.revision(id, by_version(3)).unwrap().body, v3);

    // Bring version 2 back: a new version, and what it replaced is kept.
    let restored = store
        .restore(id, by_version(2), &actor("thu", at(11, 0)))
        .unwrap();
    assert_eq!(restored.body, v2);
    assert_eq!(restored.version, 5);
    assert_eq!(restored.updated_by, "thu");
    assert_eq!(restored.updated_at, at(11, 0));
    assert_eq!(store.get(id).unwrap().body, v2);

    let history = store.history(id).unwrap();
    assert_eq!(history.len(), 4);
    let newest = &history[0];
    assert_eq!((newest.version, newest.saved_by.as_str()), (4, "hoa"));
    assert_eq!(store.revision(id, newest.rev).unwrap().body, v4);

    // Asking for a revision that does not exist names it.
    let err = store.restore(id, 99, &hoa()).unwrap_err();
    assert!(
        matches!(err, StoreError::NoRevision { rev: 99, .. }),
        "{err:?}"
    );
    assert_eq!(store.get(id).unwrap().version, 5);
}

#[test]
fn restoring_an_old_draft_keeps_the_publish_time_of_a_published_article() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let id = store
        .create(&fields("Tin nhanh", "Bản nháp đầu."), Status::Draft, &hoa())
        .unwrap()
        .id;
    let draft_rev = 1;
    let published = store
        .set_status(id, Status::Published, None, &actor("hoa", at(11, 0)))
        .unwrap();
    assert_eq!(published.publish_at, Some(at(11, 0)));
    // History rev 1 is the draft, before it had a publish time.
    assert_eq!(store.revision(id, draft_rev).unwrap().publish_at, None);

    let restored = store
        .restore(id, draft_rev, &actor("lan", at(12, 0)))
        .unwrap();
    assert_eq!(
        restored.status,
        Status::Published,
        "restore keeps the status"
    );
    assert_eq!(
        restored.publish_at,
        Some(at(11, 0)),
        "a published article must keep the time it was published"
    );
}

#[test]
fn restore_keeps_the_current_slug_when_the_old_one_is_taken() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let a = store
        .create(&fields("Tin A", "Bản đầu."), Status::Draft, &hoa())
        .unwrap();
    assert_eq!(a.slug, "tin-a");
    let mut f = a.fields();
    f.slug = Some("tin-a-moi".into());
    f.body = "Bản hai.".into();
    store.save(a.id, &f, 1, &hoa()).unwrap();
    // Another article now takes the freed slug.
    let mut other = fields("Tin B", "Khác.");
    other.slug = Some("tin-a".into());
    let b = store.create(&other, Status::Draft, &hoa()).unwrap();

    let restored = store.restore(a.id, 1, &actor("lan", at(11, 0))).unwrap();
    assert_eq!(restored.body, "Bản đầu.");
    assert_eq!(restored.slug, "tin-a-moi");
    assert_eq!(store.find("tin-a").unwrap().id, b.id);

    // With its old slug free again, restoring brings the slug back too.
    store.purge(b.id).unwrap();
    let restored = store.restore(a.id, 1, &actor("lan", at(11, 5))).unwrap();
    assert_eq!(restored.slug, "tin-a");
}

// ---------------------------------------------------------------------------------------------
// 8. Search
// ---------------------------------------------------------------------------------------------

const DAN_VAN: &str = "Thẩm định mô hình “Dân vận khéo” năm 2023";
const DANG_UY: &str = "Hội nghị Ban Chấp hành Đảng ủy xã lần thứ 12";
const DAI_HOI: &str = "Đại hội Đảng bộ huyện lần thứ XX";
const LUA_TITLE: &str = "Mùa lúa chín ở Đắk Glong";
const LUA_BODY: &str = "Chuyện người trồng cà phê";

/// A small Vietnamese newsroom. Returns the store and the ids in the order above.
fn newsroom(path: &Path) -> (Store, Vec<i64>) {
    let mut store = open(path);
    let mut ids = Vec::new();
    let mut add = |store: &mut Store, f: ArticleFields, status: Status, when: DateTime<Utc>| {
        let id = store.create(&f, status, &actor("hoa", when)).unwrap().id;
        ids.push(id);
    };

    // The body-only match for "lua" is created first and saved last, so neither id order nor
    // recency puts the title match above it: only ranking can.
    add(
        &mut store,
        ArticleFields {
            title: LUA_BODY.into(),
            body: "Cà phê năm nay được giá. Ngoài cà phê, bà con còn trồng thêm lúa nước \
                   và hồ tiêu trên những thửa ruộng nhỏ."
                .into(),
            section: "Kinh tế".into(),
            byline: "Lê Thu".into(),
            ..Default::default()
        },
        Status::Draft,
        at(7, 0),
    );
    add(
        &mut store,
        ArticleFields {
            title: DAN_VAN.into(),
            lede: "Sáng nay, Ban Dân vận Huyện ủy tổ chức thẩm định mô hình “Dân vận khéo” \
                   năm 2023."
                .into(),
            body: "Đoàn thẩm định đã đi thực tế tại các thôn, bon và nghe báo cáo kết quả.".into(),
            section: "Dân vận".into(),
            tags: vec!["Dân vận khéo".into(), "Thẩm định".into()],
            byline: "Nguyễn Thị Hoa".into(),
            ..Default::default()
        },
        Status::Published,
        at(8, 0),
    );
    add(
        &mut store,
        ArticleFields {
            title: DANG_UY.into(),
            body: "Hội nghị Ban Chấp hành Đảng ủy xã đánh giá kết quả lãnh đạo 9 tháng đầu năm \
                   và bàn phương hướng quý IV."
                .into(),
            section: "Xây dựng Đảng".into(),
            tags: vec!["Đảng".into()],
            byline: "Trần Văn Minh".into(),
            ..Default::default()
        },
        Status::Draft,
        at(8, 30),
    );
    add(
        &mut store,
        ArticleFields {
            title: DAI_HOI.into(),
            body: "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới gồm 33 đồng chí.".into(),
            section: "Xây dựng Đảng".into(),
            tags: vec!["Đại hội".into()],
            byline: "Nguyễn Thị Hoa".into(),
            ..Default::default()
        },
        Status::Published,
        at(9, 0),
    );
    add(
        &mut store,
        ArticleFields {
            title: LUA_TITLE.into(),
            body: "Những ngày này, nông dân tất bật vào vụ thu hoạch.".into(),
            section: "Kinh tế".into(),
            byline: "Lê Thu".into(),
            ..Default::default()
        },
        Status::Draft,
        at(9, 30),
    );
    // Touch the body-only article last so it is the most recently updated.
    let first = ids[0];
    let mut f = store.get(first).unwrap().fields();
    f.body.push_str(" Mùa này cà phê chín sớm.");
    store.save(first, &f, 1, &actor("thu", at(12, 0))).unwrap();
    (store, ids)
}

#[test]
fn search_ignores_diacritics_and_finds_vietnamese_words() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);

    let hits = search(&store, "dan van kheo");
    assert_eq!(titles(&hits), vec![DAN_VAN.to_string()]);

    let hits = search(&store, "dang uy");
    assert_eq!(titles(&hits), vec![DANG_UY.to_string()]);

    let hits = search(&store, "dai hoi");
    assert_eq!(titles(&hits), vec![DAI_HOI.to_string()]);

    // Typed with the marks, and in capitals, finds the same.
    assert_eq!(
        titles(&search(&store, "Đảng ủy")),
        vec![DANG_UY.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ĐẠI HỘI")),
        vec![DAI_HOI.to_string()]
    );

    // đ is not a d with a mark: folding must map it, or "dak" would never find "Đắk".
    assert_eq!(
        titles(&search(&store, "dak glong")),
        vec![LUA_TITLE.to_string()]
    );

    // Nothing matches a word no article has.
    assert!(search(&store, "bóng đá").is_empty());
}

#[test]
fn search_typed_in_nfd_finds_nfc_text() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);
    for (typed, want) in [
        ("Dân vận khéo", DAN_VAN),
        ("Đảng ủy", DANG_UY),
        ("Đại hội", DAI_HOI),
    ] {
        let nfd: String = typed.nfd().collect();
        assert_ne!(nfd, typed, "the query really is decomposed");
        assert_eq!(
            titles(&search(&store, &nfd)),
            vec![want.to_string()],
            "{typed} in NFD"
        );
    }
}

#[test]
fn search_syntax_characters_are_plain_text() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);
    let hostile = [
        "\"",
        "\"dan van",
        "dan van\"",
        "dan OR van",
        "dan AND",
        "NOT dan",
        "dan*",
        "*",
        "(dan",
        "dan)",
        "()",
        "NEAR(dan van)",
        "NEAR/2",
        "dan -van",
        "-",
        "^dan",
        "^",
        "dan:van",
        "title:dan",
        "body:",
        ":",
        "{title body}: dan",
        "dan + van",
        "\"*()",
        "'; DROP TABLE articles; --",
    ];
    for input in hostile {
        let q = SearchQuery::parse(input).unwrap_or_else(|e| panic!("parse {input:?}: {e}"));
        if let Err(e) = store.search(&q, 20, 0) {
            panic!("search {input:?} failed: {e}");
        }
    }
    // The words around the syntax still count.
    assert_eq!(
        titles(&search(&store, "\"dan van\"")),
        vec![DAN_VAN.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "(dan van)")),
        vec![DAN_VAN.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "^dan -van* kheo")),
        vec![DAN_VAN.to_string()]
    );
    // And the table is still there.
    let all = ListQuery {
        limit: 10,
        ..Default::default()
    };
    assert_eq!(store.count(&all).unwrap(), 5);
}

#[test]
fn the_last_word_is_matched_as_a_prefix() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);
    // "va" also starts "vào" (into), which another article has beside "dân" (people).
    assert!(titles(&search(&store, "dan va")).contains(&DAN_VAN.to_string()));
    assert!(
        search(&store, "dan van ").len() == 1,
        "a finished word is not a prefix"
    );
    assert_eq!(
        titles(&search(&store, "dan van kh")),
        vec![DAN_VAN.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "thẩm đị")),
        vec![DAN_VAN.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "Đảng bộ huy")),
        vec![DAI_HOI.to_string()]
    );
    let mut both = titles(&search(&store, "chap ha"));
    both.sort();
    let mut want = vec![DANG_UY.to_string(), DAI_HOI.to_string()];
    want.sort();
    assert_eq!(both, want);
    // Only the last word: "ha" before another word is a whole word, and no article has it.
    assert!(search(&store, "ha chap").is_empty());
}

#[test]
fn the_last_word_is_a_prefix_when_typed_in_nfd_too() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);
    let typed = "Dân vận khé";
    assert_eq!(titles(&search(&store, typed)), vec![DAN_VAN.to_string()]);
    let nfd: String = typed.nfd().collect();
    assert_eq!(titles(&search(&store, &nfd)), vec![DAN_VAN.to_string()]);
}

#[test]
fn search_filters_narrow_the_results() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);
    let mut both = titles(&search(&store, "ban chap hanh"));
    both.sort();
    let mut want = vec![DANG_UY.to_string(), DAI_HOI.to_string()];
    want.sort();
    assert_eq!(both, want);

    assert_eq!(
        titles(&search(&store, "ban chap hanh status:published")),
        vec![DAI_HOI.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ban chap hanh status:draft")),
        vec![DANG_UY.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ban chap hanh tag:Đảng")),
        vec![DANG_UY.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ban chap hanh tag:\"dai hoi\"")),
        vec![DAI_HOI.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ban by:minh")),
        vec![DANG_UY.to_string()]
    );
    let mut hoa_articles = titles(&search(&store, "by:\"Nguyễn Thị Hoa\""));
    hoa_articles.sort();
    let mut want_hoa = vec![DAN_VAN.to_string(), DAI_HOI.to_string()];
    want_hoa.sort();
    assert_eq!(hoa_articles, want_hoa);
    assert_eq!(
        titles(&search(&store, "dai hoi by:hoa")),
        vec![DAI_HOI.to_string()]
    );
    assert!(search(&store, "ban chap hanh section:\"Dân vận\"").is_empty());
    let mut party = titles(&search(&store, "section:\"xay dung dang\""));
    party.sort();
    assert_eq!(party, want, "a filter alone lists what it matches");
    assert_eq!(
        titles(&search(
            &store,
            "section:\"Xây dựng Đảng\" status:published"
        )),
        vec![DAI_HOI.to_string()]
    );
    assert_eq!(
        titles(&search(&store, "ca phe section:\"kinh te\"")),
        vec![LUA_BODY.to_string()]
    );
    // The index's filter tokens are never found as words, typed whole or as a prefix.
    for typed in [
        "qqspublished",
        "qqs",
        "qq",
        "ban qqsdraft",
        "qqcxaydungdang",
    ] {
        assert!(search(&store, typed).is_empty(), "{typed}");
    }
}

#[test]
fn a_title_match_ranks_above_a_body_only_match() {
    let (_dir, path) = temp_db();
    let (store, ids) = newsroom(&path);
    let hits = search(&store, "lua");
    assert_eq!(
        titles(&hits),
        vec![LUA_TITLE.to_string(), LUA_BODY.to_string()],
        "the title match first, though the body match is older by id and newer by save"
    );
    assert_eq!(hits[1].article.id, ids[0]);

    // Pages of results keep the ranking.
    let q = SearchQuery::parse("lua").unwrap();
    let second: Vec<String> = store
        .search(&q, 1, 1)
        .unwrap()
        .iter()
        .map(|h| h.article.title.clone())
        .collect();
    assert_eq!(second, vec![LUA_BODY.to_string()]);
}

#[test]
fn snippets_show_the_hit_with_its_diacritics() {
    let (_dir, path) = temp_db();
    let (store, _) = newsroom(&path);

    let hits = search(&store, "dang uy");
    assert_eq!(hits.len(), 1);
    let shown = render_marked(&hits[0].snippet, "[", "]");
    assert!(shown.contains("[Đảng] [ủy]"), "{shown}");

    let hits = search(&store, "dan van kheo");
    let shown = render_marked(&hits[0].snippet, "[", "]");
    assert!(shown.contains("[Dân] [vận] [khéo]"), "{shown}");

    let hits = search(&store, "lua");
    let body_only = hits.iter().find(|h| h.article.title == LUA_BODY).unwrap();
    let shown = render_marked(&body_only.snippet, "[", "]");
    assert!(shown.contains("[lúa] nước"), "{shown}");
}

#[test]
fn a_purged_article_is_no_longer_found() {
    let (_dir, path) = temp_db();
    let (mut store, ids) = newsroom(&path);
    let dan_van = ids[1];
    assert_eq!(search(&store, "dan van kheo").len(), 1);
    store.purge(dan_van).unwrap();
    assert!(search(&store, "dan van kheo").is_empty());
    assert!(matches!(store.get(dan_van), Err(StoreError::NotFound(_))));
    assert!(store.history(dan_van).unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// 9. NFC on the way in
// ---------------------------------------------------------------------------------------------

#[test]
fn nfd_input_is_stored_as_nfc() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let title = "Nguyễn Thị Đào thẩm định “Dân vận khéo”";
    let lede = "Ở Đắk Glong, người ưu tú được biểu dương.";
    let body = "Huyện ủy Đắk Glong tổ chức hội nghị.\nĐảng ủy xã báo cáo.";
    let tags = ["Dân vận", "Đảng ủy"];
    let section = "Xây dựng Đảng";
    let byline = "Phạm Thị Thúy";
    let nfd = |s: &str| -> String { s.nfd().collect() };
    assert_ne!(nfd(title).as_bytes(), title.as_bytes());

    let input = ArticleFields {
        title: nfd(title),
        lede: nfd(lede),
        body: nfd(body),
        byline: nfd(byline),
        section: nfd(section),
        tags: tags.iter().map(|t| nfd(t)).collect(),
        ..Default::default()
    };
    let id = store.create(&input, Status::Draft, &hoa()).unwrap().id;
    drop(store);

    let store = open(&path);
    let a = store.get(id).unwrap();
    assert_eq!(a.title.as_bytes(), title.as_bytes());
    assert_eq!(a.lede.as_bytes(), lede.as_bytes());
    assert_eq!(a.body.as_bytes(), body.as_bytes());
    assert_eq!(a.byline.as_bytes(), byline.as_bytes());
    assert_eq!(a.section.as_bytes(), section.as_bytes());
    assert_eq!(a.tags, tags.map(String::from).to_vec());
    assert_eq!(a.slug, slugify(title));

    // The bytes in the file itself, not only what the store hands back.
    let (raw_title, raw_body, raw_tags): (Vec<u8>, Vec<u8>, String) = store
        .connection()
        .query_row(
            "SELECT CAST(title AS BLOB), CAST(body AS BLOB), tags FROM articles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(raw_title, title.as_bytes());
    assert_eq!(raw_body, body.as_bytes());
    let raw_tags: Vec<String> = serde_json::from_str(&raw_tags).unwrap();
    assert_eq!(raw_tags, tags.map(String::from).to_vec());

    // NFC filters find what was typed in NFD.
    let q = ListQuery {
        tag: Some("Đảng ủy".into()),
        section: Some(section.into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(ids(&store.list(&q).unwrap()), vec![id]);
}

#[test]
fn nfd_saves_are_stored_as_nfc() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let id = store
        .create(&fields("Tin", "Bản đầu"), Status::Draft, &hoa())
        .unwrap()
        .id;
    let mut f = store.get(id).unwrap().fields();
    let body = "Đảng ủy xã Quảng Khê họp phiên thường kỳ.";
    f.body = body.nfd().collect();
    f.title = "Tin Quảng Khê".nfd().collect();
    let a = store.save(id, &f, 1, &hoa()).unwrap();
    assert_eq!(a.body.as_bytes(), body.as_bytes());
    assert_eq!(a.title.as_bytes(), "Tin Quảng Khê".as_bytes());
}

// ---------------------------------------------------------------------------------------------
// 10. Listing
// ---------------------------------------------------------------------------------------------

fn page(store: &Store, offset: usize) -> Vec<ArticleSummary> {
    store
        .list(&ListQuery {
            limit: 50,
            offset,
            ..Default::default()
        })
        .unwrap()
}

/// `q` lists exactly `want` articles, all passing `ok`, and `count` agrees whatever the page.
fn check(store: &Store, q: ListQuery, want: usize, ok: impl Fn(&ArticleSummary) -> bool) {
    let q = ListQuery { limit: 500, ..q };
    let listed = store.list(&q).unwrap();
    assert_eq!(listed.len(), want, "{q:?}");
    assert_eq!(store.count(&q).unwrap(), want, "count {q:?}");
    assert!(listed.iter().all(ok), "{q:?}");
    let paged = ListQuery {
        limit: 7,
        offset: 3,
        ..q
    };
    assert_eq!(
        store.list(&paged).unwrap().len(),
        want.saturating_sub(3).min(7)
    );
    assert_eq!(store.count(&paged).unwrap(), want, "count ignores the page");
}

#[test]
fn list_pages_filters_and_counts() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let base = at(0, 0);
    let mut created = Vec::new();
    for i in 0..120 {
        let status = if i % 3 == 0 {
            Status::Published
        } else {
            Status::Draft
        };
        let f = ArticleFields {
            title: format!("Bài số {i}"),
            body: format!("Nội dung bài {i}."),
            section: if i % 2 == 0 {
                "Thời sự"
            } else {
                "Kinh tế"
            }
            .into(),
            tags: if i % 4 == 0 {
                vec!["Đảng".into()]
            } else {
                vec![]
            },
            ..Default::default()
        };
        // Created in an order that differs from updated order: ids rise, times go back and forth.
        let when = base + Duration::minutes(((i * 37) % 120) as i64);
        created.push((store.create(&f, status, &actor("hoa", when)).unwrap(), i));
    }

    let (p0, p1, p2) = (page(&store, 0), page(&store, 50), page(&store, 100));
    assert_eq!((p0.len(), p1.len(), p2.len()), (50, 50, 20));
    let all: Vec<&ArticleSummary> = p0.iter().chain(&p1).chain(&p2).collect();
    let distinct: HashSet<i64> = all.iter().map(|a| a.id).collect();
    assert_eq!(distinct.len(), 120, "pages overlap or miss articles");
    let mut want: Vec<(DateTime<Utc>, i64)> =
        created.iter().map(|(a, _)| (a.updated_at, a.id)).collect();
    want.sort_by(|a, b| b.cmp(a));
    let got: Vec<(DateTime<Utc>, i64)> = all.iter().map(|a| (a.updated_at, a.id)).collect();
    assert_eq!(got, want, "last saved first");
    assert!(page(&store, 120).is_empty());

    // Saving an old article brings it to the top.
    let (oldest, _) = created
        .iter()
        .min_by_key(|(a, _)| (a.updated_at, a.id))
        .unwrap();
    assert_ne!(p0[0].id, oldest.id);
    store
        .save(oldest.id, &oldest.fields(), 1, &actor("lan", at(12, 0)))
        .unwrap();
    let top = page(&store, 0);
    assert_eq!(top[0].id, oldest.id);
    assert_eq!(top[0].updated_by, "lan");

    check(&store, ListQuery::default(), 120, |_| true);
    check(
        &store,
        ListQuery {
            status: Some(Status::Published),
            ..Default::default()
        },
        40,
        |a| a.status == Status::Published,
    );
    check(
        &store,
        ListQuery {
            status: Some(Status::Review),
            ..Default::default()
        },
        0,
        |_| false,
    );
    check(
        &store,
        ListQuery {
            section: Some("thoi su".into()),
            ..Default::default()
        },
        60,
        |a| a.section == "Thời sự",
    );
    check(
        &store,
        ListQuery {
            section: Some(" Thời Sự ".into()),
            ..Default::default()
        },
        60,
        |a| a.section == "Thời sự",
    );
    check(
        &store,
        ListQuery {
            tag: Some("dang".into()),
            ..Default::default()
        },
        30,
        |a| a.tags == vec!["Đảng".to_string()],
    );
    // i % 3 == 0 and i % 2 == 0: i % 6 == 0.
    check(
        &store,
        ListQuery {
            status: Some(Status::Published),
            section: Some("Thời sự".into()),
            ..Default::default()
        },
        20,
        |a| a.status == Status::Published && a.section == "Thời sự",
    );
    // i % 12 == 0.
    check(
        &store,
        ListQuery {
            status: Some(Status::Published),
            tag: Some("Đảng".into()),
            ..Default::default()
        },
        10,
        |a| a.status == Status::Published && a.tags == vec!["Đảng".to_string()],
    );
}

#[test]
fn sort_by_title_ignores_marks() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let titles_in = [
        "Yên Bái",
        "Bình minh",
        "Đà Nẵng",
        "Ánh sáng",
        "Cà Mau",
        "An toàn",
    ];
    for (i, t) in titles_in.iter().enumerate() {
        store
            .create(
                &fields(t, "Nội dung."),
                Status::Draft,
                &actor("hoa", at(10, i as u32)),
            )
            .unwrap();
    }
    let listed = store
        .list(&ListQuery {
            sort: Sort::Title,
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    let got: Vec<&str> = listed.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        got,
        [
            "An toàn",
            "Ánh sáng",
            "Bình minh",
            "Cà Mau",
            "Đà Nẵng",
            "Yên Bái"
        ],
        "“Ánh” between “An” and “Bình”, Đ with D"
    );
}

// ---------------------------------------------------------------------------------------------
// 11. Slugs
// ---------------------------------------------------------------------------------------------

#[test]
fn slugs_are_unique_and_checked() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let slugs: Vec<String> = (0..3)
        .map(|_| {
            store
                .create(&fields("Tin nóng", "Nội dung."), Status::Draft, &hoa())
                .unwrap()
                .slug
        })
        .collect();
    assert_eq!(slugs, ["tin-nong", "tin-nong-2", "tin-nong-3"]);
    // The same title typed in NFD is the same slug, so it is numbered too.
    let nfd_title: String = "Tin nóng".nfd().collect();
    let a = store
        .create(&fields(&nfd_title, "Nội dung."), Status::Draft, &hoa())
        .unwrap();
    assert_eq!(a.slug, "tin-nong-4");

    let all = ListQuery {
        limit: 100,
        ..Default::default()
    };
    let before = store.count(&all).unwrap();

    // An explicit slug that is taken.
    let mut f = fields("Tin khác", "Nội dung.");
    f.slug = Some("tin-nong".into());
    let err = store.create(&f, Status::Draft, &hoa()).unwrap_err();
    assert!(
        matches!(&err, StoreError::SlugTaken(s) if s == "tin-nong"),
        "{err:?}"
    );
    assert!(err.to_string().contains("tin-nong"), "{err}");

    // An explicit slug that is not a safe path segment.
    for bad in ["../../etc", "Tin Nóng", "a/b", "tin--nong", "-tin"] {
        let mut f = fields("Tin khác", "Nội dung.");
        f.slug = Some(bad.into());
        let err = store.create(&f, Status::Draft, &hoa()).unwrap_err();
        assert!(
            err.to_string().contains(bad),
            "the error should name {bad:?}: {err}"
        );
    }
    assert_eq!(
        store.count(&all).unwrap(),
        before,
        "refused creates left no article"
    );

    // Taking another article's slug on save is refused too, and changes nothing.
    let second = store.find("tin-nong-2").unwrap();
    let mut f = second.fields();
    f.slug = Some("tin-nong".into());
    f.body = "Đổi nội dung.".into();
    let err = store.save(second.id, &f, 1, &hoa()).unwrap_err();
    assert!(
        matches!(&err, StoreError::SlugTaken(s) if s == "tin-nong"),
        "{err:?}"
    );
    let still = store.get(second.id).unwrap();
    assert_eq!((still.slug.as_str(), still.version), ("tin-nong-2", 1));
    assert!(store.history(second.id).unwrap().is_empty());

    // A free explicit slug is used as given.
    let mut f = fields("Tin khác", "Nội dung.");
    f.slug = Some("tin-rieng-2026".into());
    assert_eq!(
        store.create(&f, Status::Draft, &hoa()).unwrap().slug,
        "tin-rieng-2026"
    );
    assert_eq!(store.find("tin-rieng-2026").unwrap().title, "Tin khác");
}

#[test]
fn an_all_digit_slug_is_refused_when_given_but_kept_by_an_article_that_has_one() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let mut f = fields("Số", "Nội dung.");
    f.slug = Some("2023".into());
    let err = store.create(&f, Status::Draft, &hoa()).unwrap_err();
    assert!(err.to_string().contains("only digits"), "{err}");
    // A title of digits gets a slug that is not a number.
    let a = store
        .create(&fields("2023", "x"), Status::Draft, &hoa())
        .unwrap();
    assert_eq!(a.slug, "bai-2023");
    // Made before the rule: the article saves under the slug it has.
    Connection::open(&path)
        .unwrap()
        .execute("UPDATE articles SET slug = '2023' WHERE id = ?1", [a.id])
        .unwrap();
    let old = store.get(a.id).unwrap();
    let mut f = old.fields();
    f.body = "Sửa.".into();
    let saved = store.save(a.id, &f, old.version, &hoa()).unwrap();
    assert_eq!(saved.slug, "2023");
}

// ---------------------------------------------------------------------------------------------
// 12. Workflow
// ---------------------------------------------------------------------------------------------

fn assert_rule(err: StoreError, words: &str) {
    assert!(
        matches!(err, StoreError::Rule { .. }),
        "expected a rule refusal, got {err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains(words),
        "the message should say {words:?}: {msg}"
    );
}

#[test]
fn status_moves_follow_the_workflow_and_leave_history() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let now = at(10, 0);
    let who = hoa();
    let id = store
        .create(
            &fields("Lịch tiếp dân", "Nội dung lịch tiếp dân."),
            Status::Draft,
            &who,
        )
        .unwrap()
        .id;
    let history_len = |s: &Store| s.history(id).unwrap().len();

    // Draft → scheduled needs a time, and a future one.
    let err = store
        .set_status(id, Status::Scheduled, None, &who)
        .unwrap_err();
    assert_rule(err, "scheduling needs a publish time");
    let err = store
        .set_status(id, Status::Scheduled, Some(now - Duration::hours(1)), &who)
        .unwrap_err();
    assert_rule(err, "future");
    let a = store.get(id).unwrap();
    assert_eq!(
        (a.status, a.version, history_len(&store)),
        (Status::Draft, 1, 0)
    );

    let tomorrow = now + Duration::days(1);
    let a = store
        .set_status(id, Status::Scheduled, Some(tomorrow), &who)
        .unwrap();
    assert_eq!(
        (a.status, a.publish_at, a.version),
        (Status::Scheduled, Some(tomorrow), 2)
    );
    assert_eq!(history_len(&store), 1);

    // Publishing now, before the scheduled time, stamps now.
    let publisher = actor("lan", at(11, 0));
    let a = store
        .set_status(id, Status::Published, None, &publisher)
        .unwrap();
    assert_eq!(
        (a.status, a.publish_at, a.version),
        (Status::Published, Some(at(11, 0)), 3)
    );
    assert_eq!(a.updated_by, "lan");
    assert_eq!(history_len(&store), 2);

    // Published → review is not a move.
    let err = store
        .set_status(id, Status::Review, None, &who)
        .unwrap_err();
    assert_rule(
        err,
        "a published article can only be unpublished (draft) or archived",
    );
    assert_eq!(store.get(id).unwrap().status, Status::Published);
    assert_eq!(history_len(&store), 2);

    let a = store.set_status(id, Status::Archived, None, &who).unwrap();
    assert_eq!(a.status, Status::Archived);
    let err = store
        .set_status(id, Status::Published, None, &who)
        .unwrap_err();
    assert_rule(err, "an archived article goes back to draft first");
    let a = store.set_status(id, Status::Draft, None, &who).unwrap();
    assert_eq!((a.status, a.version), (Status::Draft, 5));

    // Every move that happened is in the history, with the status the article had then.
    let history = store.history(id).unwrap();
    let statuses: Vec<Status> = history.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Archived,
            Status::Published,
            Status::Scheduled,
            Status::Draft
        ]
    );
    let versions: Vec<i64> = history.iter().map(|r| r.version).collect();
    assert_eq!(versions, [4, 3, 2, 1]);
    assert!(history.iter().all(|r| r.kind == RevisionKind::Save));
    // The content survived all the moves.
    assert_eq!(store.get(id).unwrap().body, "Nội dung lịch tiếp dân.");
}

#[test]
fn an_empty_article_cannot_be_published_or_scheduled() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let who = hoa();
    let id = store
        .create(&fields("Tin chưa viết", "  \n "), Status::Draft, &who)
        .unwrap()
        .id;
    let err = store
        .set_status(id, Status::Published, None, &who)
        .unwrap_err();
    assert_rule(err, "the body is empty");
    let err = store
        .set_status(id, Status::Scheduled, Some(at(12, 0)), &who)
        .unwrap_err();
    assert_rule(err, "the body is empty");
    let a = store.get(id).unwrap();
    assert_eq!(
        (a.status, a.publish_at, a.version),
        (Status::Draft, None, 1)
    );
    assert!(store.history(id).unwrap().is_empty());

    // Review needs no body.
    let a = store.set_status(id, Status::Review, None, &who).unwrap();
    assert_eq!(a.status, Status::Review);
    assert_eq!(store.history(id).unwrap().len(), 1);

    // And a published article's body cannot be emptied by a save.
    let id = store
        .create(&fields("Tin đã đăng", "Có nội dung."), Status::Draft, &who)
        .unwrap()
        .id;
    store.set_status(id, Status::Published, None, &who).unwrap();
    let mut f = store.get(id).unwrap().fields();
    f.body = String::new();
    let err = store.save(id, &f, 2, &who).unwrap_err();
    assert_rule(err, "body is empty");
    assert_eq!(store.get(id).unwrap().body, "Có nội dung.");
}

#[test]
fn a_scheduled_article_always_has_a_publish_time() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let all = ListQuery {
        limit: 10,
        ..Default::default()
    };

    // Front matter saying `status: scheduled` with no date.
    let doc = Imported {
        fields: fields("Lịch phát sóng", "Nội dung."),
        status: Some(Status::Scheduled),
        draft: false,
    };
    let results = store.import_many(&[doc], false, &hoa()).unwrap();
    let err = results[0].as_ref().unwrap_err();
    assert!(err.to_string().contains("publish time"), "{err}");
    assert!(err.to_string().contains("Lịch phát sóng"), "{err}");

    let err = store
        .create(
            &fields("Lịch phát sóng", "Nội dung."),
            Status::Scheduled,
            &hoa(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("publish time"), "{err}");
    assert_eq!(store.count(&all).unwrap(), 0, "nothing was stored");

    // With a time it is created, and a save cannot take the time away.
    let mut f = fields("Lịch phát sóng", "Nội dung.");
    f.publish_at = Some(at(20, 0));
    let a = store.create(&f, Status::Scheduled, &hoa()).unwrap();
    assert_eq!(
        (a.status, a.publish_at),
        (Status::Scheduled, Some(at(20, 0)))
    );
    let mut f = a.fields();
    f.publish_at = None;
    let err = store.save(a.id, &f, 1, &hoa()).unwrap_err();
    assert!(err.to_string().contains("publish time"), "{err}");
    assert_eq!(store.get(a.id).unwrap().publish_at, Some(at(20, 0)));
}

/// One import batch that names the same slug twice, and a refused document between: the
/// search index (written after all the rows) knows each article by its latest text only.
#[test]
fn a_batch_that_updates_its_own_article_indexes_the_latest_text() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let doc = |title: &str, slug: &str, body: &str| Imported {
        fields: ArticleFields {
            slug: Some(slug.into()),
            ..fields(title, body)
        },
        status: None,
        draft: false,
    };
    let results = store
        .import_many(
            &[
                doc("Hội nghị dân vận", "hoi-nghi", "Bản đầu: khai mạc."),
                doc("Đại hội Đoàn", "dai-hoi", "Đại hội nhiệm kỳ mới."),
                doc("", "khong-ten", "Không có tiêu đề."),
                doc("Hội nghị dân vận khéo", "hoi-nghi", "Bản sau: bế mạc."),
            ],
            false,
            &hoa(),
        )
        .unwrap();
    assert!(results[2].is_err(), "a document without a title is refused");
    assert!(matches!(results[3], Ok(ImportOutcome::Updated { .. })));
    assert_eq!(titles(&search(&store, "khai mac")), Vec::<String>::new());
    assert_eq!(titles(&search(&store, "be mac")), ["Hội nghị dân vận khéo"]);
    assert_eq!(
        titles(&search(&store, "dan van kheo")),
        ["Hội nghị dân vận khéo"]
    );
    assert_eq!(titles(&search(&store, "nhiem ky")), ["Đại hội Đoàn"]);
    assert_eq!(titles(&search(&store, "tieu de")), Vec::<String>::new());
    let id = store.find("hoi-nghi").unwrap().id;
    assert_eq!(
        store.history(id).unwrap().len(),
        1,
        "the first text is a revision"
    );
}

/// A bulk import pauses the index's merging and merges it once at the end, in steps; the
/// merge ends, and every article is found as before it.
#[test]
fn a_paused_index_is_merged_in_steps_and_still_finds_everything() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    store.pause_search_merging().unwrap();
    for batch in 0..4 {
        let docs: Vec<Imported> = (0..40)
            .map(|i| Imported {
                fields: fields(
                    &format!("Hội nghị số {batch}-{i}"),
                    &format!("Đảng ủy xã họp lần {i}. Mã lô {batch}."),
                ),
                status: None,
                draft: false,
            })
            .collect();
        for r in store.import_many(&docs, false, &hoa()).unwrap() {
            r.unwrap();
        }
    }
    let config = |store: &Store, key: &str| -> i64 {
        store
            .connection()
            .query_row(
                "SELECT v FROM search_index_config WHERE k = ?1",
                [key],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        (config(&store, "automerge"), config(&store, "crisismerge")),
        (0, 64)
    );
    let before = search(&store, "dang uy").len();
    store.optimize_search().unwrap();
    // Merging is back to FTS5's defaults.
    assert_eq!(
        (config(&store, "automerge"), config(&store, "crisismerge")),
        (4, 16)
    );
    assert_eq!(before, 50, "the page of 50 is full");
    assert_eq!(search(&store, "dang uy").len(), 50);
    let q = SearchQuery::parse("hoi nghi").unwrap();
    assert_eq!(store.search(&q, 200, 0).unwrap().len(), 160);
}
