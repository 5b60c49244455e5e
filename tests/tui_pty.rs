//! End-to-end journeys: the real binary in a real pseudo-terminal (tmux), typed at like a
//! person would, checked with `newsdesk show` afterwards.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

/// A tmux server of our own (its own socket), with newsdesk running in one window.
struct Tmux {
    socket: String,
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("n.db");
        let socket = format!("nd-{name}-{}", std::process::id());
        let cmd = format!("NEWSDESK_DB={} USER=hoa {BIN}", db.display());
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string(), &cmd])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux must be installed to run the pty journeys")
            .success();
        assert!(ok, "tmux could not start");
        Tmux {
            socket,
            _dir: dir,
            db,
        }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen shows `text`, failing with the screen if it never does.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("screen never showed {text:?}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    /// Types text literally (Vietnamese included), as a terminal would send it.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    fn pane_pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn show_json(db: &Path, key: &str) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "show", key, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

#[test]
fn type_a_vietnamese_article_save_quit_and_find_it() {
    let t = Tmux::start("write", 100, 30);
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
    let t = Tmux::start("hup", 80, 24);
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
    let t = Tmux::start("recover", 100, 30);
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
    let again = Tmux::start("recover2", 100, 30);
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
