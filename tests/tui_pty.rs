//! End-to-end journeys: the real binary in a real pseudo-terminal (tmux), typed at like a
//! person would, checked with `newsdesk show` afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod support;

use std::ops::Deref;

use support::pty::{BIN, Tmux, alive, cli_json, newsroom_with};

/// A journey's terminal, its temp folder and the database newsdesk runs on.
struct Session {
    tmux: Tmux,
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Deref for Session {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Session {
    fn start(name: &str, width: u16, height: u16) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("n.db");
        Session::start_on(name, width, height, dir, db, "hoa", &[])
    }

    /// newsdesk on `db` as `user`, with extra environment (`NAME=value`, no shell quoting).
    fn start_on(
        name: &str,
        width: u16,
        height: u16,
        dir: tempfile::TempDir,
        db: PathBuf,
        user: &str,
        env: &[&str],
    ) -> Session {
        let tmux = Tmux::start(name, width, height, &db, user, env);
        Session {
            tmux,
            _dir: dir,
            db,
        }
    }
}

fn show_json(db: &Path, key: &str) -> serde_json::Value {
    cli_json(db, &["show", key, "--json"])
}

#[test]
fn type_a_vietnamese_article_save_quit_and_find_it() {
    let t = Session::start("write", 100, 30);
    t.wait_for("No articles yet");
    t.keys(&["C-n"]);
    t.wait_for("New article");
    t.type_text("Đại hội Đảng bộ xã “Thạch Lâm” – nhiệm kỳ mới");
    // Tab past lede, section, tags, byline, signed-by and publish time to the body.
    t.keys(&["Tab"]);
    t.type_text("Tóm tắt ngắn.");
    t.keys(&["Tab"]);
    t.type_text("Dân vận");
    for _ in 0..5 {
        t.keys(&["Tab"]);
    }
    t.type_text("Sáng nay, Đại hội đã bầu Ban Chấp hành mới.");
    t.keys(&["Enter"]);
    t.type_text("Ắ ể ộ đ ữ ỷ");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    let pid = t.pane_pid();
    t.keys(&["C-q"]);
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!alive(pid), "Ctrl-Q did not quit");
    let a = show_json(&t.db, "1");
    assert_eq!(a["title"], "Đại hội Đảng bộ xã “Thạch Lâm” – nhiệm kỳ mới");
    assert_eq!(a["lede"], "Tóm tắt ngắn.");
    assert_eq!(a["section"], "Dân vận");
    assert_eq!(a["status"], "draft");
    assert_eq!(a["updated_by"], "hoa");
    let body = a["body"].as_str().unwrap();
    assert!(
        body.starts_with("Sáng nay, Đại hội đã bầu Ban Chấp hành mới.\nẮ ể ộ đ ữ ỷ"),
        "{body:?}"
    );
    assert_eq!(a["slug"], "dai-hoi-dang-bo-xa-thach-lam-nhiem-ky-moi");
}

#[test]
fn sighup_ends_the_process_within_a_second() {
    let t = Session::start("hup", 80, 24);
    t.wait_for("No articles yet");
    t.keys(&["C-n"]);
    t.type_text("Bài chưa lưu");
    t.wait_for("Bài chưa lưu");
    let pid = t.pane_pid();
    let _ = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status();
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    assert!(!alive(pid), "newsdesk still running {took:?} after SIGHUP");
    assert!(took < Duration::from_secs(1), "exit took {took:?}");
}

#[test]
fn a_dropped_link_keeps_every_typed_word_and_offers_it_back() {
    let t = Session::start("recover", 100, 30);
    t.wait_for("No articles yet");
    // One saved article, then more typing that is never saved.
    t.keys(&["C-n"]);
    t.type_text("Thông báo lịch tiếp công dân");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    for _ in 0..7 {
        t.keys(&["Tab"]);
    }
    let typed = "Chủ tịch Ủy ban nhân dân huyện tiếp công dân vào ngày 15 – “định kỳ”.";
    t.type_text(typed);
    // Every key has reached newsdesk once the end of the text is on screen.
    t.wait_for("kỳ”.");
    // The first save took the article's edit lock.
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let locks: i64 = conn
        .query_row(
            "SELECT count(*) FROM edit_locks WHERE user = 'hoa'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(locks, 1);
    drop(conn);
    let pid = t.pane_pid();
    // The SSH link drops: the terminal goes away with SIGHUP.
    let _ = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status();
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "exit took {:?}",
        start.elapsed()
    );
    // Not saved: the article still has an empty body…
    assert_eq!(show_json(&t.db, "1")["body"], "");
    // …the lock taken at the first save was given up on the way out…
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let locks: i64 = conn
        .query_row("SELECT count(*) FROM edit_locks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(locks, 0, "SIGHUP left the edit lock behind");
    drop(conn);
    // …but the recovery copy holds every typed character.
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let fields: String = conn
        .query_row(
            "SELECT fields FROM recovery WHERE user = 'hoa' AND article_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let fields: serde_json::Value = serde_json::from_str(&fields).unwrap();
    assert_eq!(fields["body"], typed);
    drop(conn);

    // Start again, open the article: newsdesk offers the text back.
    let db = t.db.clone();
    let again = Session::start("recover2", 100, 30);
    let cmd = format!("NEWSDESK_DB={} USER=hoa {BIN}", db.display());
    again.tmux(&["respawn-pane", "-k", "-t", "t", &cmd]);
    again.wait_for("Thông báo lịch");
    again.keys(&["Enter"]);
    again.wait_for("Unsaved text found");
    again.keys(&["r"]);
    again.wait_for("Recovered");
    again.keys(&["C-s"]);
    again.wait_for("Saved");
    assert_eq!(show_json(&db, "1")["body"], typed);
    // Saved: the recovery copy is gone.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM recovery", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_second_editor_sees_who_is_editing_takes_over_and_the_first_is_told_on_save() {
    let (dir, db) = newsroom_with("Lịch tiếp công dân", "Sáng thứ Hai.");
    let hoa = Session::start_on("lock-hoa", 100, 30, dir, db.clone(), "hoa", &[]);
    hoa.wait_for("Lịch tiếp công dân");
    hoa.keys(&["Enter"]);
    hoa.wait_for("Editor · lich-tiep-cong-dan");
    // The lock is in the database before the second editor starts.
    let start = Instant::now();
    loop {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let held: i64 = conn
            .query_row(
                "SELECT count(*) FROM edit_locks WHERE user = 'hoa'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if held == 1 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "hoa never took the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let lan_dir = tempfile::tempdir().unwrap();
    let lan = Session::start_on("lock-lan", 100, 30, lan_dir, db.clone(), "lan", &[]);
    lan.wait_for("Lịch tiếp công dân");
    lan.keys(&["Enter"]);
    lan.wait_for("Being edited by hoa on");
    // Read-only: typing changes nothing and says why.
    lan.keys(&["Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    lan.type_text("x");
    lan.wait_for("Read-only: hoa is editing");
    // Take over deliberately.
    lan.keys(&["C-k"]);
    lan.wait_for("You took over editing from hoa");
    lan.type_text("Chiều thứ Ba. ");
    lan.keys(&["C-s"]);
    lan.wait_for("Saved");

    // hoa types on, then saves: refused, told who took over, the text kept.
    for _ in 0..7 {
        hoa.keys(&["Tab"]);
    }
    hoa.type_text("Bản của Hòa. ");
    hoa.wait_for("Bản của Hòa.");
    hoa.keys(&["C-s"]);
    hoa.wait_for("lan took over editing at");
    assert!(hoa.screen().contains("Being edited by lan on"));
    assert_eq!(show_json(&db, "1")["body"], "Chiều thứ Ba. Sáng thứ Hai.");

    // lan leaves the article: the lock is released, hoa can take it back and save.
    lan.keys(&["C-q"]);
    let start = Instant::now();
    loop {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM edit_locks WHERE user = 'lan'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if left == 0 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "lan's lock stayed after quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    hoa.keys(&["C-k"]);
    hoa.keys(&["C-s"]);
    // lan saved in between: the store's version check still catches it.
    hoa.wait_for("Someone else saved first");
}

#[test]
fn ctrl_e_hands_the_body_to_editor_and_takes_it_back() {
    let (dir, db) = newsroom_with("Thông báo", "Dòng đầu.");
    let editor = r#"EDITOR=sh -c 'printf "Thêm dòng\n" >> "$1"' --"#;
    let t = Session::start_on("editor", 100, 30, dir, db.clone(), "hoa", &[editor]);
    t.wait_for("Thông báo");
    t.keys(&["Enter"]);
    t.wait_for("Editor · thong-bao");
    t.keys(&["C-e"]);
    t.wait_for("Body updated from $EDITOR");
    t.wait_for("Thêm dòng");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    assert_eq!(show_json(&db, "1")["body"], "Dòng đầu.\nThêm dòng");
    // The screen came back whole: the list and the editor are drawn again.
    let screen = t.screen();
    assert!(
        screen.contains("Articles") || screen.contains("all ·"),
        "{screen}"
    );
}

#[test]
fn telex_typing_saves_vietnamese() {
    let t = Session::start("telex", 100, 30);
    t.wait_for("No articles yet");
    t.keys(&["C-n"]);
    t.wait_for("New article");
    t.keys(&["C-t"]);
    t.wait_for("VI·Telex");
    // Plain ASCII keys, as from a machine without a Vietnamese input method.
    t.type_text("Vieetj Nam thaamr ddinhj");
    t.keys(&["Tab"]);
    t.wait_for("Việt Nam thẩm định");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    let a = show_json(&t.db, "1");
    assert_eq!(a["title"], "Việt Nam thẩm định");
    t.keys(&["C-q"]);
}
